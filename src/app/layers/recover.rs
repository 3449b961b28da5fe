//! The changes the last run could not save, offered back at the start:
//! taken as one undoable step, or left where they are for later.

use std::path::PathBuf;

use super::Outcome;
use crate::app::Effect;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::Overlay;
use crate::model::Edition;

/// An edition kept by an earlier run that could not save it.
#[derive(Debug, Clone)]
pub struct Recovery {
    pub path: PathBuf,
    pub edition: Box<Edition>,
}

impl Board {
    /// Offers a recovery, unless it holds nothing the file does not.
    pub fn offer_recovery(&mut self, path: PathBuf, edition: Edition) {
        if edition == self.edition {
            self.queue.push(Effect::ForgetRecovery(path));
            return;
        }
        self.open(Overlay::Recover(Recovery {
            path,
            edition: Box::new(edition),
        }));
    }

    pub(crate) fn on_recover(&mut self, r: &Recovery, action: Action) -> Outcome {
        match action {
            Action::Yes => {
                let taken = (*r.edition).clone();
                let done = self.change("take back the unsaved changes", |e| {
                    *e = taken;
                    Ok(())
                });
                if done.is_some() {
                    self.toast("The unsaved changes of the last run are back — u undoes");
                    self.queue.push(Effect::ForgetRecovery(r.path.clone()));
                }
                Outcome::Close
            }
            Action::No | Action::Cancel => {
                self.toast(format!(
                    "The unsaved changes stay in {}: offered again next time",
                    r.path.display()
                ));
                Outcome::Close
            }
            _ => Outcome::Unclaimed,
        }
    }
}
