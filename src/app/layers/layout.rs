//! Spaces and slots (S): the frame of the grid changed from the board
//! itself — spaces added, renamed, moved and removed; slots added, changed
//! and removed. The grid stays under it, and its moves pass down to it.

use super::Outcome;
use super::prompt::Ask;
use crate::app::action::{Action, Dir};
use crate::app::board::Board;
use crate::model::{SlotKind, hhmm, spec};

impl Board {
    pub(crate) fn on_layout(&mut self, action: Action) -> Outcome {
        match action {
            Action::Cancel => return Outcome::Close,
            Action::AddSpace => self.ask(Ask::AddSpace, String::new()),
            Action::RenameSpace => self.ask_rename_space(),
            Action::RemoveSpace => self.remove_space(),
            Action::MoveSpace(dir) => self.move_space(dir),
            Action::AddSlot => self.ask(Ask::AddSlot, String::new()),
            Action::EditSlot => self.ask_edit_slot(),
            Action::RemoveSlot => self.remove_slot(),
            // moving around and undo are the grid's own
            Action::Move(_) | Action::Undo => return Outcome::PassDown,
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    pub(crate) fn ask_rename_space(&mut self) {
        let Some(space) = self.space_at_cursor() else {
            self.toast("There is no space yet: a adds one");
            return;
        };
        let value = match space.capacity {
            Some(c) => format!("{}:{c}", space.name),
            None => space.name.clone(),
        };
        let id = space.id.clone();
        self.ask(Ask::RenameSpace(id), value);
    }

    pub(crate) fn remove_space(&mut self) {
        let Some(space) = self.space_at_cursor() else {
            return;
        };
        let (id, name) = (space.id.clone(), space.name.clone());
        if let Some(parked) = self.change(format!("remove space “{name}”"), |e| {
            e.remove_space(&id)
        }) {
            self.toast(format!(
                "Removed {name}; {} — u undoes",
                sessions(parked.len(), "parked")
            ));
        }
    }

    pub(crate) fn move_space(&mut self, dir: Dir) {
        let Some(id) = self.space_at_cursor().map(|s| s.id.clone()) else {
            return;
        };
        let delta = if dir == Dir::Left { -1 } else { 1 };
        if self.change("move space", |e| e.move_space(&id, delta)) == Some(true) {
            self.stack.grid.cursor.col = self.edition.space_index(&id).unwrap_or(0);
        }
    }

    pub(crate) fn ask_edit_slot(&mut self) {
        let Some(slot) = self.slot_at_cursor() else {
            self.toast("There is no slot yet: A adds one");
            return;
        };
        let mut value = format!(
            "{}-{}",
            hhmm::format_hhmm(slot.start),
            hhmm::format_hhmm(slot.end)
        );
        match &slot.kind {
            SlotKind::Session => {}
            SlotKind::Break(l) => value.push_str(&format!("={l}")),
            SlotKind::Plenary(l) => value.push_str(&format!("={l}!")),
        }
        let id = slot.id.clone();
        self.ask(Ask::EditSlot(id), value);
    }

    pub(crate) fn remove_slot(&mut self) {
        let Some(slot) = self.slot_at_cursor() else {
            return;
        };
        let (id, times) = (slot.id.clone(), slot.times());
        // a session over several slots loses this one and keeps the others
        let shorter = self.edition.during(&id).filter(|t| t.slots() > 1).count();
        if let Some(parked) = self.change(format!("remove slot {times}"), |e| e.remove_slot(&id)) {
            let shorter = match shorter {
                0 => String::new(),
                1 => ", 1 session one slot shorter".into(),
                n => format!(", {n} sessions one slot shorter"),
            };
            self.toast(format!(
                "Removed the slot {times}; {}{shorter} — u undoes",
                sessions(parked.len(), "parked")
            ));
        }
    }

    pub(crate) fn submit_space(&mut self, ask: &Ask, text: &str) -> Result<String, String> {
        let specs = spec::parse_spaces(text)?;
        let [s] = specs.as_slice() else {
            return Err("Type one space: a name, and :capacity if you like".into());
        };
        let s = s.clone();
        match ask {
            Ask::RenameSpace(id) => {
                let id = id.clone();
                self.try_change(format!("rename space to “{}”", s.name), |e| {
                    e.rename_space(&id, &s.name)?;
                    e.set_capacity(&id, s.capacity)
                })
                .map_err(String::from)
                .map(|()| format!("Renamed the space to {}", s.name))
            }
            _ => {
                let id = self
                    .try_change(format!("add space “{}”", s.name), |e| {
                        e.add_space(&s.name, s.capacity)
                    })
                    .map_err(String::from)?;
                self.stack.grid.cursor.col = self.edition.space_index(&id).unwrap_or(0);
                Ok(format!("Added the space {}", s.name))
            }
        }
    }

    /// One slot, typed as everywhere: `spec::SLOT_SYNTAX`.
    pub(crate) fn submit_slot(&mut self, ask: &Ask, text: &str) -> Result<String, String> {
        let specs = spec::parse_slots(text)?;
        let [s] = specs.as_slice() else {
            return Err("Type one slot, such as 10:00-10:45".into());
        };
        let kind = s.kind.clone();
        let (start, end) = (s.start, s.end);
        let lengths = self.span_lengths();
        match ask {
            Ask::EditSlot(id) => {
                let id = id.clone();
                self.try_change("change slot", |e| e.edit_slot(&id, start, end, kind))
                    .map_err(String::from)
                    .map(|parked| {
                        let parked = match parked.len() {
                            0 => String::new(),
                            n => format!("; {}", sessions(n, "parked")),
                        };
                        format!("Changed the slot{parked}{}", self.span_news(&lengths))
                    })
            }
            _ => {
                let day = self
                    .slot_at_cursor()
                    .map(|s| s.day)
                    .or_else(|| self.edition.first_day())
                    .ok_or("The edition has no day")?;
                let id = self
                    .try_change("add slot", |e| e.add_slot(day, start, end, kind))
                    .map_err(String::from)?;
                self.stack.grid.cursor.row = self
                    .index
                    .rows
                    .iter()
                    .position(|&i| self.edition.slots[i].id == id)
                    .unwrap_or(0);
                Ok(format!(
                    "Added the slot {} on {day}{}",
                    hhmm::format_hhmm(start),
                    self.span_news(&lengths)
                ))
            }
        }
    }

    /// How many slots each session over several slots takes now.
    fn span_lengths(&self) -> Vec<(crate::model::TopicId, usize)> {
        self.edition
            .topics
            .iter()
            .filter(|t| t.slots() > 1)
            .map(|t| (t.id, self.edition.slots_taken(t).len()))
            .collect()
    }

    /// "; “Kubernetes lab” now takes 3 slots, 10:15–12:30" for each session
    /// whose length a slot change changed.
    fn span_news(&self, before: &[(crate::model::TopicId, usize)]) -> String {
        let mut news = String::new();
        for (id, n) in before {
            let Some(t) = self.edition.topic(*id) else {
                continue;
            };
            let now = self.edition.slots_taken(t).len();
            if now != *n {
                let times = self.edition.session_label(t).unwrap_or_default();
                let unit = if now == 1 { "slot" } else { "slots" };
                news.push_str(&format!("; “{}” now takes {now} {unit}, {times}", t.title));
            }
        }
        news
    }
}

/// "1 session parked", "3 sessions parked"
fn sessions(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 session {what}"),
        n => format!("{n} sessions {what}"),
    }
}
