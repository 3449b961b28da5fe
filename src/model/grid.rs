//! The grid's axes: spaces across, slots down. Removing either never deletes
//! a topic: the sessions it held go back to the parking lot.

use jiff::civil::{Date, Time};

use super::edition::{Edition, Slot, SlotKind, Space};
use super::error::{ModelError, ModelResult};
use super::hhmm::format_hhmm;
use super::ids::{SlotId, SpaceId, TopicId, slug, unique};
use super::topic::Placement;

impl Edition {
    pub fn add_space(&mut self, name: &str, capacity: Option<u32>) -> ModelResult<SpaceId> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ModelError::EmptyName);
        }
        let id = unique(slug(name, "space"), |s| {
            self.space(&SpaceId(s.into())).is_some()
        });
        let id = SpaceId(id);
        self.spaces.push(Space {
            id: id.clone(),
            name: name.to_string(),
            capacity,
            notes: String::new(),
        });
        Ok(id)
    }

    /// Renames a space; its id, and so every placement, stays.
    pub fn rename_space(&mut self, id: &SpaceId, name: &str) -> ModelResult<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ModelError::EmptyName);
        }
        self.space_mut(id)?.name = name.to_string();
        Ok(())
    }

    pub fn set_capacity(&mut self, id: &SpaceId, capacity: Option<u32>) -> ModelResult<()> {
        self.space_mut(id)?.capacity = capacity;
        Ok(())
    }

    fn space_mut(&mut self, id: &SpaceId) -> ModelResult<&mut Space> {
        self.spaces
            .iter_mut()
            .find(|s| &s.id == id)
            .ok_or_else(|| ModelError::NoSpace(id.clone()))
    }

    /// Removes a space, parking its sessions; returns the parked topics.
    pub fn remove_space(&mut self, id: &SpaceId) -> ModelResult<Vec<TopicId>> {
        let index = self
            .space_index(id)
            .ok_or_else(|| ModelError::NoSpace(id.clone()))?;
        let parked = self.park_where(|p| matches!(p, Placement::At { space, .. } if space == id));
        self.spaces.remove(index);
        Ok(parked)
    }

    /// Moves a space left (negative) or right (positive) among the columns.
    pub fn move_space(&mut self, id: &SpaceId, delta: isize) -> ModelResult<bool> {
        let index = self
            .space_index(id)
            .ok_or_else(|| ModelError::NoSpace(id.clone()))?;
        match index.checked_add_signed(delta) {
            Some(target) if target < self.spaces.len() => {
                let space = self.spaces.remove(index);
                self.spaces.insert(target, space);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Parks every topic whose placement matches, pinned or not: the cell is going away.
    fn park_where(&mut self, matches: impl Fn(&Placement) -> bool) -> Vec<TopicId> {
        let ids: Vec<TopicId> = self
            .topics
            .iter()
            .filter(|t| matches(&t.placement))
            .map(|t| t.id)
            .collect();
        for id in &ids {
            if let Ok(t) = self.topic_mut(*id) {
                t.placement = Placement::Parked;
                t.pinned = false;
            }
        }
        ids
    }

    /// Before a slot stops holding sessions: the sessions over several
    /// slots keep their others, the rest are parked.
    fn leave_and_park(&mut self, slot: &SlotId) -> Vec<TopicId> {
        self.leave_slot(slot);
        self.park_where(|p| matches!(p, Placement::At { slot: s, .. } if s == slot))
    }

    fn check_slot_times(
        &self,
        except: Option<&SlotId>,
        day: Date,
        start: Time,
        end: Time,
    ) -> ModelResult<()> {
        if !self.days.contains(&day) {
            return Err(ModelError::NotADay(day));
        }
        let label = format!("{}–{}", format_hhmm(start), format_hhmm(end));
        let Some(length) = super::hhmm::slot_minutes(start, end) else {
            return Err(ModelError::SlotTimes(label));
        };
        // compared as moments, so that a slot past midnight meets the next day's
        let from = day.to_datetime(start);
        let to = from
            .checked_add(jiff::SignedDuration::from_mins(i64::from(length)))
            .unwrap_or(from);
        if let Some(other) = self
            .slots
            .iter()
            .filter(|s| Some(&s.id) != except)
            .find(|s| s.starts() < to && from < s.ends())
        {
            return Err(ModelError::SlotOverlap(label, other.times()));
        }
        Ok(())
    }

    fn slot_id_for(&self, day: Date, start: Time) -> SlotId {
        let day_number = self.days.iter().position(|d| *d == day).unwrap_or(0) + 1;
        let base = format!("d{day_number}-{:02}{:02}", start.hour(), start.minute());
        SlotId(unique(base, |s| self.slot(&SlotId(s.into())).is_some()))
    }

    pub fn add_slot(
        &mut self,
        day: Date,
        start: Time,
        end: Time,
        kind: SlotKind,
    ) -> ModelResult<SlotId> {
        self.check_slot_times(None, day, start, end)?;
        let id = self.slot_id_for(day, start);
        let ends = self.span_ends();
        self.slots.push(Slot {
            id: id.clone(),
            day,
            start,
            end,
            kind,
        });
        self.sort_slots();
        self.keep_span_ends(ends);
        Ok(id)
    }

    /// Changes a slot's times and kind. Turning it into a break or plenary
    /// parks the sessions it held; returns them.
    pub fn edit_slot(
        &mut self,
        id: &SlotId,
        start: Time,
        end: Time,
        kind: SlotKind,
    ) -> ModelResult<Vec<TopicId>> {
        let day = self
            .slot(id)
            .map(|s| s.day)
            .ok_or_else(|| ModelError::NoSlot(id.clone()))?;
        self.check_slot_times(Some(id), day, start, end)?;
        let ends = self.span_ends();
        let parked = if kind.is_session() {
            Vec::new()
        } else {
            self.leave_and_park(id)
        };
        if let Some(slot) = self.slots.iter_mut().find(|s| &s.id == id) {
            slot.start = start;
            slot.end = end;
            slot.kind = kind;
        }
        self.sort_slots();
        self.keep_span_ends(ends);
        Ok(parked)
    }

    /// Removes a slot, parking its sessions; returns the parked topics.
    pub fn remove_slot(&mut self, id: &SlotId) -> ModelResult<Vec<TopicId>> {
        let index = self
            .slot_index(id)
            .ok_or_else(|| ModelError::NoSlot(id.clone()))?;
        let parked = self.leave_and_park(id);
        self.slots.remove(index);
        Ok(parked)
    }

    /// Shifts every slot of `day` that starts at or after `from` by `minutes`
    /// ("we are running late"). Refused if a slot would leave the day.
    pub fn shift_slots(&mut self, day: Date, from: Time, minutes: i32) -> ModelResult<usize> {
        let span = jiff::Span::new().minutes(minutes);
        let mut moved = Vec::new();
        for slot in self
            .slots
            .iter()
            .filter(|s| s.day == day && s.start >= from)
        {
            let start = slot.day.to_datetime(slot.start).checked_add(span);
            let end = slot.day.to_datetime(slot.end).checked_add(span);
            match (start, end) {
                (Ok(s), Ok(e)) if s.date() == day && e.date() == day => {
                    moved.push((slot.id.clone(), s.time(), e.time()));
                }
                _ => {
                    return Err(ModelError::SlotTimes(format!(
                        "{} moved {minutes} min",
                        slot.times()
                    )));
                }
            }
        }
        for (id, start, end) in &moved {
            if let Some(slot) = self.slots.iter_mut().find(|s| &s.id == id) {
                slot.start = *start;
                slot.end = *end;
            }
        }
        Ok(moved.len())
    }

    /// Slots in day-then-time order, so the file and the grid read top-down.
    fn sort_slots(&mut self) {
        self.slots.sort_by_key(|s| (s.day, s.start, s.end));
    }

    /// Adds a day after the last one.
    pub fn add_day(&mut self, day: Date) -> ModelResult<()> {
        if !self.days.contains(&day) {
            self.days.push(day);
            self.days.sort();
        }
        Ok(())
    }

    /// Removes a day with its slots, parking their sessions.
    pub fn remove_day(&mut self, day: Date) -> ModelResult<Vec<TopicId>> {
        if !self.days.contains(&day) {
            return Err(ModelError::NotADay(day));
        }
        if self.days.len() == 1 {
            return Err(ModelError::NoDays);
        }
        let slots: Vec<SlotId> = self
            .slots
            .iter()
            .filter(|s| s.day == day)
            .map(|s| s.id.clone())
            .collect();
        let mut parked = Vec::new();
        for id in &slots {
            parked.extend(self.remove_slot(id)?);
        }
        self.days.retain(|d| *d != day);
        Ok(parked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{sample, session_cell};
    use crate::model::topics::TopicDraft;
    use jiff::civil::time;

    #[test]
    fn spaces_are_added_renamed_and_keep_their_id() {
        let mut e = sample();
        let id = e.add_space("Garden", Some(20)).unwrap();
        let again = e.add_space("Garden", None).unwrap();
        assert_ne!(id, again, "ids stay unique for equal names");
        e.rename_space(&id, "Garden (tent)").unwrap();
        assert_eq!(e.space(&id).unwrap().name, "Garden (tent)");
        assert_eq!(e.add_space("  ", None), Err(ModelError::EmptyName));
        assert_eq!(e.rename_space(&id, ""), Err(ModelError::EmptyName));
    }

    #[test]
    fn removing_a_space_parks_its_sessions_and_keeps_them() {
        let mut e = sample();
        let (slot, space) = session_cell(&e, 0);
        let t = e
            .add_topic(TopicDraft {
                title: "Moved out".into(),
                ..Default::default()
            })
            .unwrap();
        e.place(t, &slot, &space).unwrap();
        e.set_pinned(t, true).unwrap();
        let topics = e.topics.len();
        let parked = e.remove_space(&space).unwrap();
        assert_eq!(parked, vec![t]);
        assert_eq!(e.topics.len(), topics);
        assert!(e.topic(t).unwrap().placement.is_parked());
        assert!(e.space(&space).is_none());
    }

    #[test]
    fn removing_a_slot_parks_its_sessions() {
        let mut e = sample();
        let (slot, space) = session_cell(&e, 0);
        let t = e.topics[0].id;
        e.park(t).unwrap();
        e.place(t, &slot, &space).unwrap();
        let parked = e.remove_slot(&slot).unwrap();
        assert!(parked.contains(&t));
        assert!(e.topic(t).unwrap().placement.is_parked());
        assert_eq!(e.remove_slot(&slot), Err(ModelError::NoSlot(slot)));
    }

    #[test]
    fn slots_need_sane_times_on_a_known_day() {
        let mut e = sample();
        let day = e.days[0];
        let err = e.add_slot(day, time(12, 0, 0, 0), time(11, 0, 0, 0), SlotKind::Session);
        assert!(matches!(err, Err(ModelError::SlotTimes(_))));
        let other_day = jiff::civil::date(2030, 1, 1);
        let err = e.add_slot(
            other_day,
            time(8, 0, 0, 0),
            time(9, 0, 0, 0),
            SlotKind::Session,
        );
        assert_eq!(err, Err(ModelError::NotADay(other_day)));
        let first = e.slots_of_day(day)[0].clone();
        let err = e.add_slot(day, first.start, first.end, SlotKind::Session);
        assert!(matches!(err, Err(ModelError::SlotOverlap(..))));
        let id = e
            .add_slot(day, time(22, 0, 0, 0), time(23, 0, 0, 0), SlotKind::Session)
            .unwrap();
        assert_eq!(e.slot(&id).unwrap().start, time(22, 0, 0, 0));
    }

    #[test]
    fn turning_a_slot_into_a_break_parks_its_sessions() {
        let mut e = sample();
        let (slot, space) = session_cell(&e, 0);
        let t = e.topics[0].id;
        e.park(t).unwrap();
        e.place(t, &slot, &space).unwrap();
        let s = e.slot(&slot).unwrap().clone();
        let parked = e
            .edit_slot(&slot, s.start, s.end, SlotKind::Break("Coffee".into()))
            .unwrap();
        assert!(parked.contains(&t));
        assert!(
            parked
                .iter()
                .all(|id| e.topic(*id).unwrap().placement.is_parked())
        );
        assert!(e.validate().is_empty());
    }

    #[test]
    fn running_late_shifts_the_rest_of_the_day() {
        let mut e = sample();
        let day = e.days[0];
        let slots = e.slots_of_day(day);
        let from = slots[1].start;
        let first = slots[0].clone();
        let later: Vec<_> = slots[1..].iter().map(|s| (s.id.clone(), s.start)).collect();
        let n = e.shift_slots(day, from, 15).unwrap();
        assert_eq!(n, later.len());
        assert_eq!(e.slot(&first.id).unwrap().start, first.start);
        for (id, start) in later {
            let moved = e.slot(&id).unwrap().start;
            assert_eq!(
                moved,
                start.checked_add(jiff::Span::new().minutes(15)).unwrap()
            );
        }
        let before = e.clone();
        assert!(e.shift_slots(day, from, 24 * 60).is_err());
        assert_eq!(e, before, "a refused shift moves nothing");
    }

    #[test]
    fn removing_a_day_parks_and_the_last_day_stays() {
        let mut e = sample();
        let day = *e.days.last().unwrap();
        e.remove_day(day).unwrap();
        assert!(e.slots.iter().all(|s| s.day != day));
        assert!(e.validate().is_empty());
        let only = e.days[0];
        if e.days.len() == 1 {
            assert_eq!(e.remove_day(only), Err(ModelError::NoDays));
        }
    }
}
