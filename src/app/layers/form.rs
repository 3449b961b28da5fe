//! The form that edits a card, or makes a new one in an empty cell.

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::form::{Field, Form, Target};

impl Board {
    pub(crate) fn on_form(&mut self, form: &mut Form, action: Action) -> Outcome {
        match action {
            Action::Cancel => return Outcome::Close,
            Action::NextField => form.step(true),
            Action::PrevField => form.step(false),
            Action::Submit => {
                if self.submit_form(form) {
                    return Outcome::Close;
                }
            }
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    /// Saves the form; false (with the reason on the form) when it cannot.
    fn submit_form(&mut self, form: &mut Form) -> bool {
        let draft = form.draft();
        let title = draft.title.trim().to_string();
        let span = form.span;
        let result = match &form.target {
            Target::Topic(id) => {
                let id = *id;
                self.try_change(format!("edit “{title}”"), |e| {
                    e.edit_topic(id, draft)?;
                    e.set_span(id, span)
                })
                .map(|()| id)
            }
            Target::NewAt(cell) => {
                let cell = cell.clone();
                self.try_change(format!("add “{title}”"), |e| {
                    let id = e.add_topic(draft)?;
                    e.set_span(id, span)?;
                    if let Some((s, p)) = &cell {
                        e.place(id, s, p)?;
                    }
                    Ok(id)
                })
            }
        };
        match result {
            Ok(id) => {
                self.select_topic(id);
                let verb = if matches!(form.target, Target::Topic(_)) {
                    "Saved"
                } else {
                    "Added"
                };
                let echo = self
                    .echo(&title)
                    .map(|e| format!(" · {e}"))
                    .unwrap_or_default();
                self.toast(format!("{verb} “{title}” — u undoes{echo}"));
                let names: Vec<String> = self
                    .topic(id)
                    .map(|t| t.conveners.clone())
                    .unwrap_or_default();
                self.learn_conveners(names.iter().map(String::as_str));
                true
            }
            Err(refused) => {
                form.error = Some(refused.to_string());
                if form.title.value().trim().is_empty() {
                    form.field = Field::Title;
                }
                false
            }
        }
    }
}
