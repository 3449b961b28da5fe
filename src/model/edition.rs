//! The edition: one Open Space event, as held in one file.

use std::sync::Arc;

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use super::ids::{ActionId, SlotId, SpaceId, TopicId};
use super::topic::{ActionPoint, Placement, Topic};

/// The file format's version. Files with a higher number are refused.
/// The highest file format version this openspace reads. Version 2 adds
/// sessions over several slots (a topic's `span`); an edition is version 1
/// until its first such session, so that an older openspace still reads
/// every file without one.
pub const FORMAT_VERSION: u32 = 3;

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// One Open Space event. Field order here is the order in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub version: u32,
    pub name: String,
    /// Which time the event takes place (the 2019 meeting was the eleventh).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The focusing question of the event.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theme: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub venue: String,
    /// The venue's IANA time zone ("Europe/Warsaw"), for calendars; without
    /// one, times are the venue's wall-clock times, floating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facilitators: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// How many dots each participant may give when the room dot-votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dots: Option<u32>,
    /// The file (without `.ron`) of the edition this one was started from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    pub days: Vec<Date>,
    #[serde(default)]
    pub spaces: Vec<Space>,
    #[serde(default)]
    pub slots: Vec<Slot>,
    /// Topics in the order they were proposed. `Arc` lets undo snapshots
    /// share every topic a change did not touch.
    #[serde(default)]
    pub topics: Vec<Arc<Topic>>,
    /// Open action points carried over from the previous edition: they belong
    /// to no session of this one, and each names where it came from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried: Vec<ActionPoint>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub retrospective: Retrospective,
    /// A timer the facilitator set, as wall-clock times, so that it survives
    /// a restart. Without one the countdown follows the schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer: Option<Timer>,
    /// Up to three lines shown on the break screen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub announcements: Vec<String>,
    /// While the marketplace fills: the slots after this one are hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hide_after: Option<SlotId>,
    /// The scribes' journals merged into this edition, by journal id.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub scribes: std::collections::BTreeMap<String, super::journal::Mark>,
}

/// A countdown the facilitator set: from `start` to `end`, venue time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    pub start: jiff::civil::DateTime,
    pub end: jiff::civil::DateTime,
}

/// A room, corner or table where sessions happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Space {
    pub id: SpaceId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A time block on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    pub id: SlotId,
    pub day: Date,
    #[serde(with = "super::hhmm")]
    pub start: Time,
    #[serde(with = "super::hhmm")]
    pub end: Time,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: SlotKind,
}

/// What happens in a slot: sessions in every space, or one thing for everybody.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SlotKind {
    #[default]
    Session,
    /// Everybody together: "Opening circle", "AMA with the technical exec team".
    Plenary(String),
    /// Coffee, lunch, travel.
    Break(String),
}

impl SlotKind {
    pub fn is_session(&self) -> bool {
        matches!(self, SlotKind::Session)
    }
    /// The label of a plenary or break.
    pub fn label(&self) -> Option<&str> {
        match self {
            SlotKind::Session => None,
            SlotKind::Plenary(label) | SlotKind::Break(label) => Some(label),
        }
    }
}

/// What participants said after the event, to shape the next one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retrospective {
    /// What participants found useful.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worked: Vec<String>,
    /// What to do better next time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub better: Vec<String>,
}

impl Slot {
    /// When it starts.
    pub fn starts(&self) -> jiff::civil::DateTime {
        self.day.to_datetime(self.start)
    }

    /// When it ends: the next day for a slot past midnight (20:00–01:00).
    pub fn ends(&self) -> jiff::civil::DateTime {
        let minutes = super::hhmm::slot_minutes(self.start, self.end).unwrap_or(0);
        self.starts()
            .checked_add(jiff::SignedDuration::from_mins(i64::from(minutes)))
            .unwrap_or_else(|_| self.starts())
    }

    /// Whether it is going on at `now`.
    pub fn holds(&self, now: jiff::civil::DateTime) -> bool {
        self.starts() <= now && now < self.ends()
    }

    /// "09:30–10:15"
    pub fn times(&self) -> String {
        format!(
            "{}–{}",
            super::hhmm::format_hhmm(self.start),
            super::hhmm::format_hhmm(self.end)
        )
    }
}

impl Edition {
    /// Whether two editions are the same but for their topics: what a
    /// change that touched only topics leaves as it was. Every field is
    /// named, so a field added later is compared too.
    pub fn same_but_topics(&self, other: &Edition) -> bool {
        let Edition {
            version,
            name,
            number,
            theme,
            venue,
            time_zone,
            facilitators,
            notes,
            dots,
            previous,
            days,
            spaces,
            slots,
            topics: _,
            carried,
            retrospective,
            timer,
            announcements,
            hide_after,
            scribes,
        } = self;
        *version == other.version
            && *name == other.name
            && *number == other.number
            && *theme == other.theme
            && *venue == other.venue
            && *time_zone == other.time_zone
            && *facilitators == other.facilitators
            && *notes == other.notes
            && *dots == other.dots
            && *previous == other.previous
            && *days == other.days
            && *spaces == other.spaces
            && *slots == other.slots
            && *carried == other.carried
            && *retrospective == other.retrospective
            && *timer == other.timer
            && *announcements == other.announcements
            && *hide_after == other.hide_after
            && *scribes == other.scribes
    }

    /// A new, empty edition with one day.
    pub fn new(name: impl Into<String>, first_day: Date) -> Self {
        Edition {
            version: 1,
            name: name.into(),
            number: None,
            theme: String::new(),
            venue: String::new(),
            time_zone: None,
            facilitators: Vec::new(),
            notes: String::new(),
            dots: None,
            previous: None,
            days: vec![first_day],
            spaces: Vec::new(),
            slots: Vec::new(),
            topics: Vec::new(),
            carried: Vec::new(),
            retrospective: Retrospective::default(),
            timer: None,
            announcements: Vec::new(),
            hide_after: None,
            scribes: Default::default(),
        }
    }

    pub fn topic(&self, id: TopicId) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id).map(|t| &**t)
    }
    pub fn space(&self, id: &SpaceId) -> Option<&Space> {
        self.spaces.iter().find(|s| &s.id == id)
    }
    pub fn slot(&self, id: &SlotId) -> Option<&Slot> {
        self.slots.iter().find(|s| &s.id == id)
    }
    pub fn space_index(&self, id: &SpaceId) -> Option<usize> {
        self.spaces.iter().position(|s| &s.id == id)
    }
    pub fn slot_index(&self, id: &SlotId) -> Option<usize> {
        self.slots.iter().position(|s| &s.id == id)
    }

    /// The topic in a cell, if any: placed there, or running on into it
    /// from an earlier slot.
    pub fn topic_at(&self, slot: &SlotId, space: &SpaceId) -> Option<&Topic> {
        self.topics
            .iter()
            .find(|t| t.placement.is_at(slot, space))
            .or_else(|| {
                self.topics
                    .iter()
                    .find(|t| t.slots() > 1 && self.takes(t, slot, space))
            })
            .map(|t| &**t)
    }

    /// Topics not yet in the grid, most votes first (ties: oldest first).
    pub fn parked(&self) -> Vec<&Topic> {
        let mut parked: Vec<&Topic> = self
            .topics
            .iter()
            .filter(|t| t.placement == Placement::Parked)
            .map(|t| &**t)
            .collect();
        parked.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.id.cmp(&b.id)));
        parked
    }

    /// Every topic ranked: most votes first, ties in the order proposed.
    pub fn ranking(&self) -> Vec<&Topic> {
        let mut ranked: Vec<&Topic> = self.topics.iter().map(|t| &**t).collect();
        ranked.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.id.cmp(&b.id)));
        ranked
    }

    /// Every action point with the session it belongs to; carried-over
    /// points (which belong to none) come first, with `None`.
    pub fn actions(&self) -> impl Iterator<Item = (Option<&Topic>, &ActionPoint)> {
        let carried = self.carried.iter().map(|a| (None, a));
        let own = self
            .topics
            .iter()
            .flat_map(|t| t.actions.iter().map(move |a| (Some(&**t), a)));
        carried.chain(own)
    }

    pub fn action(&self, id: ActionId) -> Option<(Option<&Topic>, &ActionPoint)> {
        self.actions().find(|(_, a)| a.id == id)
    }

    pub fn first_day(&self) -> Option<Date> {
        self.days.iter().min().copied()
    }
    pub fn last_day(&self) -> Option<Date> {
        self.days.iter().max().copied()
    }

    /// Slots of one day in time order (the file may list them in any order).
    pub fn slots_of_day(&self, day: Date) -> Vec<&Slot> {
        let mut slots: Vec<&Slot> = self.slots.iter().filter(|s| s.day == day).collect();
        slots.sort_by_key(|s| (s.start, s.end));
        slots
    }

    /// A fresh topic id: also past the ids of merged-away topics, which
    /// `merged_from` still names.
    pub fn next_topic_id(&self) -> TopicId {
        let merged = self
            .topics
            .iter()
            .flat_map(|t| t.merged_from.iter().map(|m| m.id.0));
        let max = self
            .topics
            .iter()
            .map(|t| t.id.0)
            .chain(merged)
            .max()
            .unwrap_or(0);
        TopicId(max + 1)
    }
    pub fn next_action_id(&self) -> ActionId {
        ActionId(self.actions().map(|(_, a)| a.id.0).max().unwrap_or(0) + 1)
    }

    /// Numbers for `list` and the picker.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            spaces: self.spaces.len(),
            slots: self.slots.len(),
            ..Counts::default()
        };
        for t in &self.topics {
            if t.placement == Placement::Parked {
                c.parked += 1;
            } else {
                c.placed += 1;
            }
        }
        for (_, a) in self.actions() {
            match a.status {
                super::topic::Status::Open => c.open += 1,
                super::topic::Status::Done => c.done += 1,
                super::topic::Status::Dropped => c.dropped += 1,
            }
        }
        c
    }

    /// "14–15 May 2019", "2019-05-14"… kept short for lists.
    pub fn dates_label(&self) -> String {
        match (self.first_day(), self.last_day()) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => "no dates".to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub spaces: usize,
    pub slots: usize,
    pub placed: usize,
    pub parked: usize,
    pub open: usize,
    pub done: usize,
    pub dropped: usize,
}

#[cfg(test)]
mod tests {
    use crate::model::testing::sample;

    #[test]
    fn the_same_but_topics_is_told_without_the_topics() {
        let e = sample();
        let mut other = e.clone();
        std::sync::Arc::make_mut(&mut other.topics[0]).votes += 1;
        assert!(e.same_but_topics(&other), "a topic changed only");
        other.dots = Some(7);
        assert!(!e.same_but_topics(&other));
        let mut renamed = e.clone();
        renamed.spaces[0].name = "Elsewhere".into();
        assert!(!e.same_but_topics(&renamed));
    }
}
