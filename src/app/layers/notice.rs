//! Something the facilitator must read in full, in a window of its own:
//! where unsaved changes were kept, say. Enter or Esc closes it.

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::Overlay;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub text: String,
}

impl Board {
    /// Shows a notice over whatever is on screen.
    pub fn notice(&mut self, title: impl Into<String>, text: impl Into<String>) {
        self.open(Overlay::Notice(Notice {
            title: title.into(),
            text: text.into(),
        }));
    }

    pub(crate) fn on_notice(&mut self, action: Action) -> Outcome {
        match action {
            Action::Submit | Action::Cancel => Outcome::Close,
            _ => Outcome::Unclaimed,
        }
    }
}
