//! Help: the keymap's own table, every section, opened at the section of
//! the layer it was asked from, scrolled within its bounds.

use super::Outcome;
use crate::app::action::{Action, Dir};
use crate::app::keymap::{HELP_SECTIONS, Keymap, Mode};
use crate::geometry;

/// What the glyphs on the board mean, in help and in the README.
pub const LEGEND: [(&str, &str); 11] = [
    ("⚑", "pinned: stays where it is"),
    ("✎", "the session owes its report"),
    ("▲7", "votes"),
    ("✓1/3", "action points done of all (dropped ones left out)"),
    (
        "⚠clash ⚠full",
        "a warning: a convener twice at once, more interest than room",
    ),
    (
        "⚠twin ⚠span",
        "a warning: the same topic twice, a long session that no longer fits",
    ),
    ("⊕", "waiting to be merged"),
    ("✥", "being moved"),
    (
        "■ NOW  □ NEXT",
        "the slot going on and the next (a heavy border on NOW)",
    ),
    ("◆  ○", "a plenary (everybody) and a break"),
    (
        "▾ ▴ ▤",
        "more below or above; topics waiting in the folded parking lot",
    ),
];

/// How a line of help reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading,
    Key,
    Note,
}

#[derive(Debug, Clone)]
pub struct HelpView {
    pub lines: Vec<(String, Kind)>,
    /// The first line shown.
    pub scroll: usize,
    /// What is being typed after `/`, while it is.
    pub query: Option<tui_input::Input>,
    /// What was searched last: `n` finds it again.
    pub found: String,
}

impl HelpView {
    /// Every section of the keymap, scrolled to the one of `here`.
    pub fn new(keymap: &Keymap, here: Mode) -> HelpView {
        HelpView::made(keymap, here, false)
    }

    /// Help on a scribe's board: only the keys of what a scribe does.
    pub fn for_scribe(keymap: &Keymap, here: Mode) -> HelpView {
        HelpView::made(keymap, here, true)
    }

    fn made(keymap: &Keymap, here: Mode, scribe: bool) -> HelpView {
        let mut lines = Vec::new();
        let mut start = 0;
        if scribe {
            lines.push((
                "A scribe's board: notes, participants and action points go to this laptop's \
                 journal; the grid is the facilitator's."
                    .to_string(),
                Kind::Note,
            ));
            lines.push((String::new(), Kind::Key));
        }
        for (mode, title) in HELP_SECTIONS {
            if mode == here {
                start = lines.len();
            }
            let keys = keymap.help_where(mode, |a| !scribe || !a.is_the_facilitators());
            if scribe && keys.is_empty() {
                continue;
            }
            lines.push((title.to_string(), Kind::Heading));
            for (keys, help) in keys {
                lines.push((format!("  {keys:<18} {help}"), Kind::Key));
            }
            lines.push((String::new(), Kind::Key));
        }
        lines.push(("What the cards and rows show".into(), Kind::Heading));
        for (glyph, meaning) in LEGEND {
            lines.push((format!("  {glyph:<18} {meaning}"), Kind::Key));
        }
        lines.push((String::new(), Kind::Key));
        lines.push((
            "Ctrl-C quits from anywhere. While typing, letters are text; F1 is help.".into(),
            Kind::Note,
        ));
        HelpView {
            lines,
            scroll: start,
            query: None,
            found: String::new(),
        }
    }

    /// Searching is typing; reading is keys.
    pub fn mode(&self) -> Mode {
        if self.query.is_some() {
            Mode::HelpSearch
        } else {
            Mode::Help
        }
    }

    /// A key typed into the search.
    pub fn type_key(&mut self, key: &crossterm::event::KeyEvent) {
        use tui_input::backend::crossterm::EventHandler;
        if let Some(q) = &mut self.query {
            q.handle_event(&crossterm::event::Event::Key(*key));
        }
    }

    /// Scrolls to the next line after the top one that holds `text`, from
    /// the top again after the last; false when no line does.
    fn find(&mut self, text: &str, viewport: (u16, u16)) -> bool {
        let text = text.to_lowercase();
        if text.is_empty() {
            return false;
        }
        let n = self.lines.len();
        let at = self.first(viewport);
        let hit = (1..=n)
            .map(|d| (at + d) % n)
            .find(|&i| self.lines[i].0.to_lowercase().contains(&text));
        if let Some(i) = hit {
            self.scroll = i;
        }
        hit.is_some()
    }

    /// Whether a line holds what was searched last.
    pub fn matches(&self, line: &str) -> bool {
        !self.found.is_empty() && line.to_lowercase().contains(&self.found.to_lowercase())
    }

    /// The last first line: the end of help fills the window, never an empty box.
    pub fn max_scroll(&self, viewport: (u16, u16)) -> usize {
        let (rows, columns) = geometry::help_page(viewport);
        self.lines.len().saturating_sub(rows * columns)
    }

    /// The first line shown on a screen of this size.
    pub fn first(&self, viewport: (u16, u16)) -> usize {
        self.scroll.min(self.max_scroll(viewport))
    }

    pub fn on(&mut self, action: Action, viewport: (u16, u16)) -> Outcome {
        if let Some(q) = &self.query {
            match action {
                Action::Submit => {
                    let text = q.value().trim().to_string();
                    self.query = None;
                    self.found = text.clone();
                    self.find(&text, viewport);
                }
                Action::Cancel => self.query = None,
                _ => return Outcome::Unclaimed,
            }
            return Outcome::Stay;
        }
        match action {
            Action::Search => {
                self.query = Some(tui_input::Input::default());
                return Outcome::Stay;
            }
            Action::NextMatch => {
                let text = self.found.clone();
                self.find(&text, viewport);
                return Outcome::Stay;
            }
            _ => {}
        }
        let (rows, columns) = geometry::help_page(viewport);
        let page = (rows * columns).saturating_sub(1).max(1);
        let max = self.max_scroll(viewport);
        let at = self.first(viewport);
        self.scroll = match action {
            Action::Move(Dir::Down) => at.saturating_add(1),
            Action::Move(Dir::Up) => at.saturating_sub(1),
            Action::PageDown => at.saturating_add(page),
            Action::PageUp => at.saturating_sub(page),
            Action::FirstSlot => 0,
            Action::LastSlot => max,
            Action::Cancel | Action::Help => return Outcome::Close,
            _ => return Outcome::Unclaimed,
        }
        .min(max);
        Outcome::Stay
    }
}
