//! Help: the keymap's own table, every section, opened at the section of
//! the layer it was asked from, scrolled within its bounds.

use super::Outcome;
use crate::app::action::{Action, Dir};
use crate::app::keymap::{HELP_SECTIONS, Keymap, Mode};
use crate::geometry;

/// How a line of help reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading,
    Key,
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpView {
    pub lines: Vec<(String, Kind)>,
    /// The first line shown.
    pub scroll: usize,
}

impl HelpView {
    /// Every section of the keymap, scrolled to the one of `here`.
    pub fn new(keymap: &Keymap, here: Mode) -> HelpView {
        let mut lines = Vec::new();
        let mut start = 0;
        for (mode, title) in HELP_SECTIONS {
            if mode == here {
                start = lines.len();
            }
            lines.push((title.to_string(), Kind::Heading));
            for (keys, help) in keymap.help(mode) {
                lines.push((format!("  {keys:<18} {help}"), Kind::Key));
            }
            lines.push((String::new(), Kind::Key));
        }
        lines.push((
            "Ctrl-C quits from anywhere. While typing, letters are text; F1 is help.".into(),
            Kind::Note,
        ));
        HelpView {
            lines,
            scroll: start,
        }
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
