//! The opening circle (O): the earlier edition's action points and what
//! became of them, each marked done or dropped as its owner answers.

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::View;
use crate::model::{ActionId, ActionPoint, Status};

/// One line of the opening-circle review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    /// The session it came from in the earlier edition.
    pub session: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<jiff::civil::Date>,
    /// The status now: of the copy in this edition when it was carried.
    pub status: Status,
    /// The copy in this edition, which the review updates.
    pub carried: Option<ActionId>,
}

impl Board {
    pub(crate) fn on_review(&mut self, action: Action) -> Outcome {
        match action {
            Action::ToggleDone => self.review_toggle(Status::Done),
            Action::ToggleDropped => self.review_toggle(Status::Dropped),
            Action::OneAtATime => {
                if let View::Review(r) = &mut self.stack.view {
                    r.one_at_a_time = !r.one_at_a_time;
                }
            }
            Action::Undo => self.undo(),
            _ => return self.on_list(action),
        }
        Outcome::Stay
    }

    /// The earlier edition's action points, each with its status now.
    pub fn review_items(&self) -> Vec<ReviewItem> {
        let mut items = Vec::new();
        let copy = |id: ActionId, file: &str| -> Option<&ActionPoint> {
            self.edition.carried.iter().find(|a| {
                a.origin
                    .as_ref()
                    .is_some_and(|o| o.action == id && o.edition == file)
            })
        };
        match self.previous() {
            Some(prev) => {
                for (topic, a) in prev.edition.actions() {
                    let session = match (topic, &a.origin) {
                        (Some(t), _) => t.title.clone(),
                        (None, Some(o)) => o.topic.clone(),
                        (None, None) => String::new(),
                    };
                    let copied = copy(a.id, &prev.file);
                    items.push(ReviewItem {
                        session,
                        text: a.text.clone(),
                        owner: a.owner.clone(),
                        due: a.due,
                        status: copied.map_or(a.status, |c| c.status),
                        carried: copied.map(|c| c.id),
                    });
                }
            }
            // the earlier file is gone: its carried points still tell the story
            None => {
                for a in &self.edition.carried {
                    items.push(ReviewItem {
                        session: a
                            .origin
                            .as_ref()
                            .map(|o| o.topic.clone())
                            .unwrap_or_default(),
                        text: a.text.clone(),
                        owner: a.owner.clone(),
                        due: a.due,
                        status: a.status,
                        carried: Some(a.id),
                    });
                }
            }
        }
        // the points to ask about first; those closed at the time apart, after them
        items.sort_by_key(|i| i.carried.is_none());
        items
    }

    /// Marks the selected point as its owner answers, and moves on to the next.
    pub(crate) fn review_toggle(&mut self, status: Status) {
        let View::Review(review) = self.stack.view else {
            return;
        };
        let items = self.review_items();
        let Some(item) = items.get(review.selected).cloned() else {
            return;
        };
        match item.carried {
            Some(id) => {
                self.set_action_status(id, status);
                if let View::Review(r) = &mut self.stack.view
                    && r.selected + 1 < items.len()
                {
                    r.selected += 1;
                }
            }
            None => self.toast(format!(
                "“{}” was {} when that edition closed; it was not carried over",
                item.text,
                item.status.label()
            )),
        }
    }

    pub(crate) fn open_review(&mut self) {
        if !self.earlier_ready() {
            return;
        }
        if self.previous().is_none() && self.edition.carried.is_empty() {
            self.toast("No earlier edition to review: start one with N from last year's board");
            return;
        }
        self.stack.show(View::Review(Default::default()));
    }
}
