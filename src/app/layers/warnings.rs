//! The warnings (!): every clash, full room and twin topic, each explained;
//! Enter jumps to the card it is about. A warning never blocks anything.

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::{ListView, View};

impl Board {
    pub(crate) fn on_warnings(&mut self, action: Action) -> Outcome {
        match action {
            Action::Open => {
                let View::Warnings(ListView { selected }) = self.stack.view else {
                    return Outcome::Unclaimed;
                };
                match self.warnings.get(selected).and_then(|w| w.topics.first()) {
                    Some(&id) => {
                        self.stack.show(View::Grid);
                        self.select_topic(id);
                    }
                    None => self.toast("No warning to go to"),
                }
            }
            _ => return self.on_list(action),
        }
        Outcome::Stay
    }

    pub(crate) fn open_warnings(&mut self) {
        if self.warnings.is_empty() {
            self.toast("No warnings: no clash, no full room, no twin topics");
            return;
        }
        self.stack.show(View::Warnings(ListView::default()));
    }
}
