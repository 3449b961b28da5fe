//! Carrying a card to another cell (m, or a mouse drag), and merging two
//! topics that turn out to be the same: the second one is picked like a
//! card being carried, then both conveners confirm.

use super::Outcome;
use super::grid::{Cursor, Focus};
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::Overlay;
use crate::model::TopicId;

/// A card being carried, or a topic waiting for its merge partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grab {
    pub topic: TopicId,
    /// Where the cursor was, to go back there on Esc.
    pub from: Cursor,
    pub from_parking: bool,
}

impl Board {
    fn grab_here(&self, topic: TopicId) -> Grab {
        Grab {
            topic,
            from: self.stack.grid.cursor,
            from_parking: self.stack.grid.focus == Focus::Parking,
        }
    }

    /// Back where the carrying started.
    fn put_back(&mut self, grab: Grab) {
        self.stack.grid.cursor = grab.from;
        self.stack.grid.focus = if grab.from_parking {
            Focus::Parking
        } else {
            Focus::Grid
        };
    }

    pub(crate) fn grab_selected(&mut self) {
        let Some(t) = self.selected() else {
            self.toast("No card here to move");
            return;
        };
        if t.pinned {
            let title = t.title.clone();
            self.toast(format!("“{title}” is pinned: * unpins it"));
            return;
        }
        let (id, title) = (t.id, t.title.clone());
        let grab = self.grab_here(id);
        if self.open(Overlay::Grab(grab)) {
            self.stack.grid.focus = Focus::Grid;
            self.toast(format!(
                "Moving “{title}”: arrows, then Enter to drop, Esc to cancel"
            ));
        }
    }

    pub(crate) fn on_grab(&mut self, grab: Grab, action: Action) -> Outcome {
        match action {
            Action::Submit => {
                if self.drop_grabbed(grab) {
                    return Outcome::Close;
                }
            }
            Action::Cancel => {
                self.put_back(grab);
                return Outcome::Close;
            }
            Action::Park => {
                self.park(grab.topic);
                return Outcome::Close;
            }
            Action::Move(dir) => self.move_cursor(dir),
            Action::JumpToSpace(n) => self.jump_to_space(n),
            Action::GoToSpace => self.ask(super::prompt::Ask::GoToSpace, String::new()),
            Action::PageUp => self.page(false),
            Action::PageDown => self.page(true),
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    /// Drops the carried card on the cursor's cell; false when it cannot go there.
    fn drop_grabbed(&mut self, grab: Grab) -> bool {
        let Some((slot, space)) = self.cell_at_cursor() else {
            self.toast("Not in a break or plenary: pick a session cell");
            return false;
        };
        let title = self.title_of(grab.topic);
        let span = self.topic(grab.topic).map_or(1, |t| t.slots());
        let label = self.span_label(&slot, &space, span);
        let swapped = self.change(format!("move “{title}”"), |e| {
            e.move_to(grab.topic, &slot, &space)
        });
        let Some(swapped) = swapped else {
            return false;
        };
        let extra = swapped
            .and_then(|id| self.topic(id))
            .map(|t| format!(", swapped with “{}”", t.title))
            .unwrap_or_default();
        self.toast(format!("Moved “{title}” to {label}{extra} — u undoes"));
        true
    }

    /// A mouse drop: the card goes where the mouse let go.
    pub fn drop_at_cursor(&mut self) {
        if let Some(Overlay::Grab(grab)) = self.stack.top().cloned()
            && self.drop_grabbed(grab)
        {
            self.stack.overlays.pop();
        }
    }

    /// A mouse click in the parking lot while carrying: the card is parked.
    pub fn park_grabbed(&mut self) {
        if let Some(Overlay::Grab(grab)) = self.stack.top().cloned() {
            self.stack.overlays.pop();
            self.park(grab.topic);
        }
    }

    pub(crate) fn start_merge(&mut self, keep: TopicId) {
        let title = self.title_of(keep);
        let merge = self.grab_here(keep);
        if self.open(Overlay::Merge(merge)) {
            self.toast(format!(
                "Merge “{title}” with…: pick the other topic, Enter"
            ));
        }
    }

    pub(crate) fn on_merge(&mut self, merge: Grab, action: Action) -> Outcome {
        match action {
            Action::Submit => match self.selected().map(|t| t.id) {
                Some(other) if other == merge.topic => self.toast("Pick the other topic"),
                Some(other) => {
                    self.open(Overlay::ConfirmMerge {
                        keep: merge.topic,
                        other,
                    });
                }
                None => self.toast("No topic here"),
            },
            Action::Cancel => {
                self.put_back(merge);
                return Outcome::Close;
            }
            Action::NextPane => self.switch_pane(),
            Action::Move(dir) => self.move_cursor(dir),
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    pub(crate) fn on_confirm_merge(
        &mut self,
        keep: TopicId,
        other: TopicId,
        action: Action,
    ) -> Outcome {
        if !matches!(action, Action::Yes | Action::No | Action::Cancel) {
            return Outcome::Unclaimed;
        }
        // either way, the merge under this question is over
        let merge = self.stack.merge();
        self.stack.close_where(|o| matches!(o, Overlay::Merge(_)));
        if action != Action::Yes {
            if let Some(m) = merge {
                self.put_back(m);
            }
            return Outcome::Close;
        }
        let (kept, gone) = (self.title_of(keep), self.title_of(other));
        if self
            .change(format!("merge “{gone}” into “{kept}”"), |e| {
                e.merge(keep, other)
            })
            .is_some()
        {
            self.select_topic(keep);
            self.toast(format!("Merged “{gone}” into “{kept}” — u undoes"));
        }
        Outcome::Close
    }
}
