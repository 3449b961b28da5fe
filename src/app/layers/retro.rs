//! The retrospective (W): what worked and what to do better, the earlier
//! edition's beside this one's, captured line by line at the end.

use super::Outcome;
use super::prompt::Ask;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::{ListView, View};

impl Board {
    pub(crate) fn on_retro(&mut self, action: Action) -> Outcome {
        match action {
            Action::AddWorked => self.ask(Ask::Worked, String::new()),
            Action::AddBetter => self.ask(Ask::Better, String::new()),
            Action::Delete => self.retro_delete(),
            Action::Undo => self.undo(),
            _ => return self.on_list(action),
        }
        Outcome::Stay
    }

    pub(crate) fn retro_line(&mut self, worked: bool, text: &str) -> Result<String, String> {
        let line = text.trim().to_string();
        if line.is_empty() {
            return Err("Type one line".into());
        }
        self.try_change("retrospective", |e| {
            if worked {
                e.retrospective.worked.push(line);
            } else {
                e.retrospective.better.push(line);
            }
            Ok(())
        })
        .map_err(String::from)?;
        Ok("Added to the retrospective".into())
    }

    pub(crate) fn retro_delete(&mut self) {
        let View::Retro(ListView { selected }) = self.stack.view else {
            return;
        };
        let worked = self.edition.retrospective.worked.len();
        let done = self.change("retrospective", |e| {
            let r = &mut e.retrospective;
            if selected < worked {
                r.worked.remove(selected);
            } else if selected - worked < r.better.len() {
                r.better.remove(selected - worked);
            }
            Ok(())
        });
        if done.is_some() {
            self.toast("Line deleted — u undoes");
        }
    }
}
