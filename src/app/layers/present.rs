//! The projected views: present mode (P), NOW and NEXT large with the
//! countdown, and the break screen (b), with what comes next and the
//! announcements. Only what the room can see happen is done here: the
//! clock and timer, a late pitch on the input line, undo, and leaving.

use super::Outcome;
use super::prompt::Ask;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::View;

impl Board {
    pub(crate) fn on_present(&mut self, action: Action) -> Outcome {
        match action {
            Action::Cancel | Action::Present => self.stack.show(View::Grid),
            Action::BreakScreen => self.stack.show(View::Break { from_present: true }),
            _ => return self.on_projected(action),
        }
        Outcome::Stay
    }

    pub(crate) fn on_break(&mut self, action: Action) -> Outcome {
        let from_present = matches!(self.stack.view, View::Break { from_present: true });
        match action {
            // Esc first leaves the announcement shown full screen
            Action::Cancel if self.stack.spotlight.is_some() => self.stack.spotlight = None,
            Action::Cancel | Action::BreakScreen => {
                self.stack.spotlight = None;
                self.stack.show(if from_present {
                    View::Present
                } else {
                    View::Grid
                })
            }
            Action::Announce => {
                let lines = self.edition.announcements.join(" | ");
                self.ask(Ask::Announcements, lines);
            }
            Action::Spotlight => self.spotlight(),
            _ => return self.on_projected(action),
        }
        Outcome::Stay
    }

    /// The projector's own window: it shows what the file holds.
    pub(crate) fn on_follow(&mut self, action: Action) -> Outcome {
        match action {
            Action::BreakScreen => {
                let next = if self.stack.view == View::Present {
                    View::Break { from_present: true }
                } else {
                    View::Present
                };
                self.stack.spotlight = None;
                self.stack.show(next);
            }
            Action::ToggleConveners => self.toggle_conveners(),
            Action::Spotlight => self.spotlight(),
            Action::Rotate => {
                let every = match self.stack.rotation {
                    Some(_) => None,
                    None => Some(self.stack.rotate_every),
                };
                self.rotate(every);
            }
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    fn toggle_conveners(&mut self) {
        self.stack.hide_conveners = !self.stack.hide_conveners;
        self.toast(if self.stack.hide_conveners {
            "The projected screens leave the conveners out — c shows them"
        } else {
            "The projected screens name the conveners"
        });
    }

    /// The next announcement full screen; after the last, the break screen.
    fn spotlight(&mut self) {
        let n = self.edition.announcements.len();
        if n == 0 {
            self.toast("No announcements yet: e writes them");
            return;
        }
        if !matches!(self.stack.view, View::Break { .. }) {
            self.stack.show(View::Break { from_present: true });
        }
        self.stack.spotlight = match self.stack.spotlight {
            None => Some(0),
            Some(i) if i + 1 < n => Some(i + 1),
            Some(_) => None,
        };
    }

    /// What both projected views do.
    fn on_projected(&mut self, action: Action) -> Outcome {
        match action {
            Action::ToggleConveners => self.toggle_conveners(),
            Action::ToggleQuiet => {
                self.stack.quiet = !self.stack.quiet;
                if !self.stack.quiet {
                    self.toast("The operator's line is back — i hides it");
                }
            }
            Action::SetTimer => self.ask_timer(),
            Action::RunningLate => self.ask(Ask::RunningLate, String::new()),
            Action::Capture => self.open_capture(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }
}
