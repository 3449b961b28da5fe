//! Cards: opening, editing, moving, parking, pinning, deleting, votes, undo.

use tui_input::Input;

use super::action::Dir;
use super::board::{Ask, Board, Focus, Grab, Prompt};
use super::form::{Field, Form, Target};
use crate::model::{Placement, TopicId};

impl Board {
    pub(super) fn open_selected(&mut self) {
        match self.selected().map(|t| t.id) {
            Some(id) => self.session = Some(super::board::SessionView::new(id)),
            None if self.focus == Focus::Grid => {
                let cell = self.cell_at_cursor();
                if cell.is_none() {
                    self.toast("Nothing can be placed in a break or plenary: e.g. press a to add to the parking lot");
                    return;
                }
                self.form = Some(Form::new_at(cell));
            }
            None => {}
        }
    }

    pub(super) fn edit_selected(&mut self) {
        let id = self.target();
        match id.and_then(|id| self.topic(id)) {
            Some(t) => self.form = Some(Form::edit(t)),
            None => self.open_selected(),
        }
    }

    pub(super) fn submit_form(&mut self) {
        let Some(form) = self.form.clone() else {
            return;
        };
        let draft = form.draft();
        let title = draft.title.trim().to_string();
        let result = match &form.target {
            Target::Topic(id) => {
                let id = *id;
                self.try_change(format!("edit “{title}”"), |e| e.edit_topic(id, draft))
                    .map(|()| id)
            }
            Target::NewAt(cell) => {
                let cell = cell.clone();
                self.try_change(format!("add “{title}”"), |e| {
                    let id = e.add_topic(draft)?;
                    if let Some((s, p)) = &cell {
                        e.place(id, s, p)?;
                    }
                    Ok(id)
                })
            }
        };
        match result {
            Ok(id) => {
                self.form = None;
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
            }
            Err(refused) => {
                if let Some(f) = &mut self.form {
                    f.error = Some(refused.to_string());
                    if f.title.value().trim().is_empty() {
                        f.field = Field::Title;
                    }
                }
            }
        }
    }

    pub(super) fn grab_selected(&mut self) {
        let Some(t) = self.selected() else {
            self.toast("No card here to move");
            return;
        };
        if t.pinned {
            let title = t.title.clone();
            self.toast(format!("“{title}” is pinned: * unpins it"));
            return;
        }
        let grab = Grab {
            topic: t.id,
            from: self.cursor,
            from_parking: self.focus == Focus::Parking,
        };
        let title = t.title.clone();
        self.grab = Some(grab);
        self.focus = Focus::Grid;
        self.toast(format!(
            "Moving “{title}”: arrows, then Enter to drop, Esc to cancel"
        ));
    }

    pub(super) fn drop_grabbed(&mut self) {
        let Some(grab) = self.grab else { return };
        let Some((slot, space)) = self.cell_at_cursor() else {
            self.toast("Not in a break or plenary: pick a session cell");
            return;
        };
        let title = self
            .topic(grab.topic)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        let label = self.cell_label(&slot, &space);
        let swapped = self.change(format!("move “{title}”"), |e| {
            e.move_to(grab.topic, &slot, &space)
        });
        if let Some(swapped) = swapped {
            self.grab = None;
            let extra = swapped
                .and_then(|id| self.topic(id))
                .map(|t| format!(", swapped with “{}”", t.title))
                .unwrap_or_default();
            self.toast(format!("Moved “{title}” to {label}{extra} — u undoes"));
        }
    }

    pub(super) fn cancel_grab(&mut self) {
        if let Some(grab) = self.grab.take() {
            self.cursor = grab.from;
            if grab.from_parking {
                self.focus = Focus::Parking;
            }
        }
    }

    pub(super) fn park_grabbed(&mut self) {
        let Some(grab) = self.grab else { return };
        self.grab = None;
        self.park(grab.topic);
    }

    pub(super) fn park(&mut self, id: TopicId) {
        let title = self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        if self
            .change(format!("park “{title}”"), |e| e.park(id))
            .is_some()
        {
            self.toast(format!("Parked “{title}” — u undoes"));
        }
    }

    pub(super) fn park_selected(&mut self) {
        match self.selected().map(|t| (t.id, t.placement.clone())) {
            Some((id, Placement::At { .. })) => self.park(id),
            Some((_, Placement::Parked)) => self.grab_selected(),
            None => self.toast("No card here to park"),
        }
    }

    /// Moves the card under the cursor one cell at once (Shift+arrow), swapping.
    pub(super) fn shove(&mut self, dir: Dir) {
        let Some(id) = self.selected().map(|t| t.id) else {
            self.toast("No card here to move");
            return;
        };
        let from = self.cursor;
        self.move_cursor(dir);
        // skip over breaks and plenaries when moving up or down
        while self.cell_at_cursor().is_none() && matches!(dir, Dir::Up | Dir::Down) {
            let before = self.cursor;
            self.move_cursor(dir);
            if self.cursor == before {
                break;
            }
        }
        let Some((slot, space)) = self.cell_at_cursor().filter(|_| self.cursor != from) else {
            self.cursor = from;
            return;
        };
        let title = self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        let label = self.cell_label(&slot, &space);
        if self
            .change(format!("move “{title}”"), |e| {
                e.move_to(id, &slot, &space)
            })
            .is_some()
        {
            self.toast(format!("Moved “{title}” to {label} — u undoes"));
        } else {
            self.cursor = from;
        }
    }

    pub(super) fn delete_selected(&mut self) {
        let Some((id, title)) = self.selected().map(|t| (t.id, t.title.clone())) else {
            self.toast("No card here to delete");
            return;
        };
        if self
            .change(format!("delete “{title}”"), |e| e.remove_topic(id))
            .is_some()
        {
            self.session = None;
            self.toast(format!("Deleted “{title}” — u undoes"));
        }
    }

    pub(super) fn pin_selected(&mut self) {
        let Some((id, pinned, title)) = self.selected().map(|t| (t.id, t.pinned, t.title.clone()))
        else {
            return;
        };
        let verb = if pinned { "unpin" } else { "pin" };
        if self
            .change(format!("{verb} “{title}”"), |e| {
                e.set_pinned(id, !pinned)
            })
            .is_some()
        {
            let state = if pinned { "Unpinned" } else { "Pinned" };
            self.toast(format!("{state} “{title}”"));
        }
    }

    /// The topic an action is about: the open session's, else the selected card's.
    pub(super) fn target(&self) -> Option<TopicId> {
        self.session
            .as_ref()
            .map(|s| s.topic)
            .or_else(|| self.selected().map(|t| t.id))
    }

    pub(super) fn vote(&mut self, up: bool) {
        let Some(id) = self.target() else { return };
        let title = self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        let result = self.change(format!("vote on “{title}”"), |e| {
            if up { e.vote_up(id) } else { e.vote_down(id) }
        });
        if let Some(n) = result {
            self.toast(format!("“{title}”: {n} votes"));
            if self.focus == Focus::Parking {
                // the parking lot is sorted by votes: keep the same topic selected
                self.select_topic(id);
            }
        }
    }

    pub(super) fn ask_votes(&mut self) {
        let Some(t) = self.target().and_then(|id| self.topic(id)) else {
            return;
        };
        let (id, votes) = (t.id, t.votes);
        self.ask(Ask::Votes(id), votes.to_string());
    }

    pub(super) fn ask(&mut self, ask: Ask, value: String) {
        self.prompt = Some(Prompt {
            ask,
            input: Input::new(value),
            error: None,
        });
    }

    pub(super) fn undo(&mut self) {
        if self.read_only.is_some() {
            self.toast("Read-only: nothing to undo");
            return;
        }
        let current = self.edition.clone();
        match self.history.undo(current) {
            Some((before, label)) => {
                self.edition = before;
                self.edition_changed();
                self.toast(format!("Undid {label} — U redoes"));
            }
            None => self.toast("Nothing to undo"),
        }
    }

    pub(super) fn redo(&mut self) {
        let current = self.edition.clone();
        match self.history.redo(current) {
            Some((after, label)) => {
                self.edition = after;
                self.edition_changed();
                self.toast(format!("Redid {label} — u undoes"));
            }
            None => self.toast("Nothing to redo"),
        }
    }
}
