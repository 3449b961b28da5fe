//! The user's config file, in RON, in the platform's config folder
//! (~/.config/openspace/config.ron on Linux). It picks the theme and may
//! rebind keys; it overrides only what it names. A bad file is reported
//! with line and column, and the defaults are used: never a crash.
//!
//! ```ron
//! (
//!     theme: "projector-dark",
//!     keys: [
//!         (mode: Board, key: "n", action: Capture),
//!         (mode: Board, key: "F5", action: Present),
//!     ],
//!     fine_letters: true,
//! )
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::keymap::{Keymap, Rebind};
use crate::ui::theme::Theme;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// "projector-light" (the default), "projector-dark" or "mono".
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub keys: Vec<Rebind>,
    /// Warnings not wanted: "convener-clash", "over-capacity", "similar-titles".
    #[serde(default)]
    pub warnings_off: Vec<String>,
    /// The big letters may also use sextants and octants, smaller sizes
    /// that need a font with Unicode 13's Symbols for Legacy Computing.
    #[serde(default)]
    pub fine_letters: bool,
}

/// Where the config file is looked for.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "openspace").map(|d| d.config_dir().join("config.ron"))
}

/// What the config file sets up: the theme and the keys, and what was wrong with it.
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    pub warnings_off: Vec<crate::model::warnings::Rule>,
    pub fine_letters: bool,
    pub problem: Option<String>,
}

/// Reads the config file at `path`; a missing file is no problem.
pub fn load(path: Option<&Path>) -> Settings {
    let fallback = |problem: Option<String>| Settings {
        theme: Theme::choose(None),
        keymap: Keymap::default(),
        warnings_off: Vec::new(),
        fine_letters: false,
        problem,
    };
    let Some(path) = path else {
        return fallback(None);
    };
    let text = match crate::storage::read_config(path) {
        Ok(Some(text)) => text,
        Ok(None) => return fallback(None),
        Err(e) => return fallback(Some(format!("{}: cannot read: {e}", path.display()))),
    };
    match parse(&text) {
        Ok(config) => {
            let at = |message: String| format!("{}: {message}", path.display());
            if let Some(name) = config.theme.as_deref()
                && Theme::by_name(name).is_none()
            {
                return fallback(Some(at(format!(
                    "unknown theme {name:?}: choose one of {}",
                    Theme::NAMES.join(", ")
                ))));
            }
            let mut off = Vec::new();
            for name in &config.warnings_off {
                match crate::model::warnings::Rule::by_name(name) {
                    Some(rule) => off.push(rule),
                    None => {
                        let names: Vec<&str> = crate::model::warnings::Rule::ALL
                            .iter()
                            .map(|r| r.name())
                            .collect();
                        return fallback(Some(at(format!(
                            "unknown warning {name:?} in warnings_off: choose among {}",
                            names.join(", ")
                        ))));
                    }
                }
            }
            match Keymap::with(&config.keys) {
                Ok(keymap) => Settings {
                    theme: Theme::choose(config.theme.as_deref()),
                    keymap,
                    warnings_off: off,
                    fine_letters: config.fine_letters,
                    problem: None,
                },
                Err(e) => fallback(Some(at(e))),
            }
        }
        Err((line, col, message)) => {
            fallback(Some(format!("{}:{line}:{col}: {message}", path.display())))
        }
    }
}

fn parse(text: &str) -> Result<Config, (usize, usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| (e.span.start.line, e.span.start.col, e.code.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::app::keymap::Mode;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn a_missing_file_means_the_defaults() {
        let s = load(Some(Path::new("/nonexistent/openspace/config.ron")));
        assert!(s.problem.is_none());
        assert_eq!(
            s.keymap.bindings().len(),
            Keymap::default().bindings().len()
        );
    }

    #[test]
    fn keys_are_rebound_and_only_those() {
        let (_d, path) = write(
            "(theme: \"mono\", keys: [(mode: Board, key: \"n\", action: Capture), (mode: Board, key: \"Ctrl-a\", action: Undo)])",
        );
        let s = load(Some(&path));
        assert_eq!(s.problem, None);
        assert_eq!(s.theme.name, "mono");
        let k = &s.keymap;
        let key = |c, m| KeyEvent::new(KeyCode::Char(c), m);
        assert_eq!(
            k.action(Mode::Board, &key('n', KeyModifiers::NONE)),
            Some(Action::Capture)
        );
        assert_eq!(
            k.action(Mode::Board, &key('a', KeyModifiers::CONTROL)),
            Some(Action::Undo)
        );
        // the default keys are still there
        assert_eq!(
            k.action(Mode::Board, &key('a', KeyModifiers::NONE)),
            Some(Action::Capture)
        );
        assert!(
            k.help(Mode::Board)
                .iter()
                .any(|(keys, h)| keys.contains('n') && h.contains("add topics"))
        );
    }

    #[test]
    fn a_bad_file_says_where_and_falls_back() {
        let (_d, path) = write("(\n  theme: \"mono\",\n  keyz: [],\n)");
        let s = load(Some(&path));
        let problem = s.problem.unwrap();
        assert!(problem.contains("config.ron:3:3:"), "{problem}");
        assert!(problem.contains("keyz"), "{problem}");
        assert_eq!(
            s.keymap.bindings().len(),
            Keymap::default().bindings().len()
        );

        let (_d, path) = write("(theme: \"neon\")");
        assert!(
            load(Some(&path))
                .problem
                .unwrap()
                .contains("unknown theme \"neon\"")
        );
        let (_d, path) = write("(keys: [(mode: Board, key: \"Hyper-q\", action: Quit)])");
        assert!(load(Some(&path)).problem.unwrap().contains("is not a key"));
        let (_d, path) = write("(keys: [(mode: Board, key: \"q\", action: Explode)])");
        let problem = load(Some(&path)).problem.unwrap();
        assert!(problem.contains(":1:"), "{problem}");
    }
}
