//! The one question before quitting: only when the last changes could not
//! be written, since everything else is saved as it happens.

use super::Outcome;
use crate::app::Effect;
use crate::app::action::Action;
use crate::app::board::Board;

impl Board {
    pub(crate) fn on_confirm_quit(&mut self, action: Action) -> Outcome {
        match action {
            Action::Yes => {
                self.queue.push(Effect::Quit);
                Outcome::Close
            }
            Action::No | Action::Cancel => Outcome::Close,
            _ => Outcome::Unclaimed,
        }
    }
}
