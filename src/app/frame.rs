//! The frame of the grid from the board itself: spaces and slots added,
//! renamed and removed, and the answers typed into prompts.

use super::action::Dir;
use super::board::{Ask, Board};
use crate::model::{SlotKind, clock, spec};

impl Board {
    pub(super) fn ask_rename_space(&mut self) {
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

    pub(super) fn remove_space(&mut self) {
        let Some(space) = self.space_at_cursor() else {
            return;
        };
        let (id, name) = (space.id.clone(), space.name.clone());
        if let Some(parked) = self.change(format!("remove space “{name}”"), |e| {
            e.remove_space(&id)
        }) {
            self.toast(format!(
                "Removed {name}; {} sessions parked — u undoes",
                parked.len()
            ));
        }
    }

    pub(super) fn move_space(&mut self, dir: Dir) {
        let Some(id) = self.space_at_cursor().map(|s| s.id.clone()) else {
            return;
        };
        let delta = if dir == Dir::Left { -1 } else { 1 };
        if self.change("move space", |e| e.move_space(&id, delta)) == Some(true) {
            self.cursor.col = self.edition.space_index(&id).unwrap_or(0);
        }
    }

    pub(super) fn ask_edit_slot(&mut self) {
        let Some(slot) = self.slot_at_cursor() else {
            self.toast("There is no slot yet: A adds one");
            return;
        };
        let mut value = format!(
            "{}-{}",
            clock::format_hhmm(slot.start),
            clock::format_hhmm(slot.end)
        );
        match &slot.kind {
            SlotKind::Session => {}
            SlotKind::Break(l) => value.push_str(&format!("={l}")),
            SlotKind::Plenary(l) => value.push_str(&format!("={l}!")),
        }
        let id = slot.id.clone();
        self.ask(Ask::EditSlot(id), value);
    }

    pub(super) fn remove_slot(&mut self) {
        let Some(slot) = self.slot_at_cursor() else {
            return;
        };
        let (id, times) = (slot.id.clone(), slot.times());
        if let Some(parked) = self.change(format!("remove slot {times}"), |e| e.remove_slot(&id)) {
            self.toast(format!(
                "Removed the slot {times}; {} sessions parked — u undoes",
                parked.len()
            ));
        }
    }

    pub(super) fn submit_prompt(&mut self) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        let text = prompt.input.value().trim().to_string();
        let outcome: Result<String, String> = match &prompt.ask {
            Ask::Votes(id) => match text.parse::<u32>() {
                Ok(n) => {
                    let id = *id;
                    self.try_change("set votes", |e| e.set_votes(id, n))
                        .map_err(String::from)
                        .map(|()| format!("{n} votes"))
                }
                Err(_) => Err(format!("{text:?} is not a number of votes")),
            },
            Ask::AddSpace | Ask::RenameSpace(_) => match spec::parse_spaces(&text) {
                Ok(specs) if specs.len() == 1 => {
                    let s = specs[0].clone();
                    match &prompt.ask {
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
                            let added = self
                                .try_change(format!("add space “{}”", s.name), |e| {
                                    e.add_space(&s.name, s.capacity)
                                });
                            added.map_err(String::from).map(|id| {
                                self.cursor.col = self.edition.space_index(&id).unwrap_or(0);
                                format!("Added the space {}", s.name)
                            })
                        }
                    }
                }
                Ok(_) => Err("Type one space: a name, and :capacity if you like".into()),
                Err(e) => Err(e),
            },
            Ask::AddSlot | Ask::EditSlot(_) => self.submit_slot(&prompt.ask, &text),
            Ask::Participants(id) => self.submit_participants(*id, &text),
            Ask::EditAction(id) => self.submit_edit_action(*id, &text),
            Ask::Timer => self.submit_timer(&text),
            Ask::RunningLate => self.submit_running_late(&text),
            Ask::Announcements => self.submit_announcements(&text),
            Ask::Search => self.submit_search(&text),
            Ask::Worked => self.retro_line(true, &text),
            Ask::Better => self.retro_line(false, &text),
        };
        match outcome {
            Ok(message) => {
                self.prompt = None;
                self.toast(format!("{message} — u undoes"));
            }
            Err(message) => {
                if let Some(p) = &mut self.prompt {
                    p.error = Some(message);
                }
            }
        }
    }

    /// "10:00-10:45", "12:00-13:00=Lunch" (a break) or "=Closing circle!" (a plenary).
    pub(super) fn submit_slot(&mut self, ask: &Ask, text: &str) -> Result<String, String> {
        let plenary = text.ends_with('!') && text.contains('=');
        let text = text.trim_end_matches('!');
        let specs = spec::parse_slots(text)?;
        let [s] = specs.as_slice() else {
            return Err("Type one slot, such as 10:00-10:45".into());
        };
        let kind = match (&s.kind, plenary) {
            (SlotKind::Break(label), true) => SlotKind::Plenary(label.clone()),
            (kind, _) => kind.clone(),
        };
        let (start, end) = (s.start, s.end);
        match ask {
            Ask::EditSlot(id) => {
                let id = id.clone();
                self.try_change("change slot", |e| e.edit_slot(&id, start, end, kind))
                    .map_err(String::from)
                    .map(|parked| match parked.len() {
                        0 => "Changed the slot".to_string(),
                        n => format!("Changed the slot; {n} sessions parked"),
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
                self.cursor.row = self
                    .index
                    .rows
                    .iter()
                    .position(|&i| self.edition.slots[i].id == id)
                    .unwrap_or(0);
                Ok(format!(
                    "Added the slot {} on {day}",
                    clock::format_hhmm(start)
                ))
            }
        }
    }
}
