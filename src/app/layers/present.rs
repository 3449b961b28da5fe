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
            Action::Cancel | Action::BreakScreen => self.stack.show(if from_present {
                View::Present
            } else {
                View::Grid
            }),
            Action::Announce => {
                let lines = self.edition.announcements.join(" | ");
                self.ask(Ask::Announcements, lines);
            }
            _ => return self.on_projected(action),
        }
        Outcome::Stay
    }

    /// What both projected views do.
    fn on_projected(&mut self, action: Action) -> Outcome {
        match action {
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
