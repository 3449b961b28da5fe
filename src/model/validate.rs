//! The edition's invariants. Operations keep them; a file written by hand may
//! break them, so loading checks them all and names each problem.

use std::collections::{BTreeMap, BTreeSet};

use super::edition::{Edition, FORMAT_VERSION};
use super::ids::{ActionId, SlotId, SpaceId, TopicId};
use super::topic::Placement;

/// Which part of the file a problem is about, so that storage can point at
/// its line. `nth` picks the nth occurrence when ids repeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    Version,
    Name,
    Days,
    Space { id: SpaceId, nth: usize },
    Slot { id: SlotId, nth: usize },
    Topic { id: TopicId, nth: usize },
    Placement(TopicId),
    Action { id: ActionId, nth: usize },
    HideAfter,
    Timer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub anchor: Anchor,
    pub message: String,
}

impl Edition {
    /// Every broken invariant, in file order. Empty means valid.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut say = |anchor: Anchor, message: String| problems.push(Problem { anchor, message });

        if self.version == 0 || self.version > FORMAT_VERSION {
            say(
                Anchor::Version,
                format!(
                    "version {} is not supported: this openspace reads versions 1 to {FORMAT_VERSION}",
                    self.version
                ),
            );
        }
        if let Some(tz) = &self.time_zone {
            // the form of an IANA name; whether this machine knows it does not matter
            let named = tz == "UTC"
                || (tz.contains('/')
                    && tz
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+')));
            if !named {
                say(
                    Anchor::Name,
                    format!("time_zone {tz:?} is not an IANA time zone such as \"Europe/Warsaw\""),
                );
            }
        }
        if self.name.trim().is_empty() {
            say(Anchor::Name, "the edition needs a name".into());
        }
        if self.days.is_empty() {
            say(Anchor::Days, "the edition needs at least one day".into());
        }
        let mut seen_days = BTreeSet::new();
        for day in &self.days {
            if !seen_days.insert(day) {
                say(Anchor::Days, format!("the day {day} is listed twice"));
            }
        }

        let mut seen: BTreeMap<&SpaceId, usize> = BTreeMap::new();
        for space in &self.spaces {
            let n = seen.entry(&space.id).or_default();
            if *n > 0 {
                say(
                    Anchor::Space {
                        id: space.id.clone(),
                        nth: *n,
                    },
                    format!("duplicate space id {:?}", space.id.0),
                );
            }
            *n += 1;
        }

        let mut seen: BTreeMap<&SlotId, usize> = BTreeMap::new();
        for slot in &self.slots {
            let n = seen.entry(&slot.id).or_default();
            let anchor = Anchor::Slot {
                id: slot.id.clone(),
                nth: *n,
            };
            if *n > 0 {
                say(anchor.clone(), format!("duplicate slot id {:?}", slot.id.0));
            }
            *n += 1;
            if !self.days.contains(&slot.day) {
                say(
                    anchor.clone(),
                    format!(
                        "slot {:?} is on {}, which is not one of the edition's days",
                        slot.id.0, slot.day
                    ),
                );
            }
            if super::hhmm::slot_minutes(slot.start, slot.end).is_none() {
                say(
                    anchor,
                    format!(
                        "slot {:?} ends before it starts ({}; one past midnight ends within 12 hours)",
                        slot.id.0,
                        slot.times()
                    ),
                );
            }
        }

        if let Some(id) = &self.hide_after
            && self.slot(id).is_none()
        {
            say(
                Anchor::HideAfter,
                format!("hide_after names slot {:?}, which does not exist", id.0),
            );
        }
        if let Some(t) = &self.timer
            && t.end <= t.start
        {
            say(Anchor::Timer, "the timer ends before it starts".into());
        }
        let mut seen_topics: BTreeMap<TopicId, usize> = BTreeMap::new();
        let mut seen_actions: BTreeMap<ActionId, usize> = BTreeMap::new();
        let mut cells: BTreeMap<(&SlotId, &SpaceId), &str> = BTreeMap::new();
        let all_actions = self
            .carried
            .iter()
            .chain(self.topics.iter().flat_map(|t| t.actions.iter()));
        for action in all_actions {
            let n = seen_actions.entry(action.id).or_default();
            if *n > 0 {
                say(
                    Anchor::Action {
                        id: action.id,
                        nth: *n,
                    },
                    format!("duplicate action point id {}", action.id.0),
                );
            }
            *n += 1;
        }
        for topic in &self.topics {
            let n = seen_topics.entry(topic.id).or_default();
            if *n > 0 {
                say(
                    Anchor::Topic {
                        id: topic.id,
                        nth: *n,
                    },
                    format!("duplicate topic id {}", topic.id.0),
                );
            }
            *n += 1;
            if !(1..=super::span::MAX_SPAN).contains(&topic.span) {
                say(
                    Anchor::Topic {
                        id: topic.id,
                        nth: 0,
                    },
                    format!(
                        "“{}” has span {}: a session takes 1 to {} slots",
                        topic.title,
                        topic.span,
                        super::span::MAX_SPAN
                    ),
                );
            }
            let Placement::At { slot, space } = &topic.placement else {
                continue;
            };
            let here = Anchor::Placement(topic.id);
            let title = &topic.title;
            match self.slot(slot) {
                None => say(
                    here.clone(),
                    format!(
                        "“{title}” is placed in slot {:?}, which does not exist",
                        slot.0
                    ),
                ),
                Some(s) if !s.kind.is_session() => say(
                    here.clone(),
                    format!(
                        "“{title}” is placed in slot {:?} ({}), which is not a session slot",
                        slot.0,
                        s.kind.label().unwrap_or_default()
                    ),
                ),
                Some(_) => {}
            }
            if self.space(space).is_none() {
                say(
                    here.clone(),
                    format!(
                        "“{title}” is placed in space {:?}, which does not exist",
                        space.0
                    ),
                );
            }
            if let Some(first) = cells.insert((slot, space), title) {
                say(
                    here,
                    format!(
                        "“{title}” is placed in the same cell ({}, {}) as “{first}”",
                        slot.0, space.0
                    ),
                );
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edition::SlotKind;
    use crate::model::testing::{sample, session_cell};
    use std::sync::Arc;

    fn only(e: &Edition) -> Problem {
        let p = e.validate();
        assert_eq!(p.len(), 1, "{p:?}");
        p.into_iter().next().unwrap()
    }

    #[test]
    fn the_sample_is_valid() {
        assert_eq!(sample().validate(), vec![]);
    }

    #[test]
    fn two_topics_in_one_cell() {
        let mut e = sample();
        let (slot, space) = session_cell(&e, 0);
        let t = e
            .topics
            .iter()
            .find(|t| t.placement.is_parked())
            .unwrap()
            .id;
        Arc::make_mut(e.topics.iter_mut().find(|x| x.id == t).unwrap()).placement = Placement::At {
            slot: slot.clone(),
            space: space.clone(),
        };
        // make sure someone else is in that cell too
        let other = e.topics.iter().position(|x| x.id != t).unwrap();
        Arc::make_mut(&mut e.topics[other]).placement = Placement::At { slot, space };
        let p = only(&e);
        assert!(p.message.contains("same cell"), "{}", p.message);
    }

    #[test]
    fn a_topic_in_a_break() {
        let mut e = sample();
        let brk = e
            .slots
            .iter()
            .find(|s| matches!(s.kind, SlotKind::Break(_)))
            .unwrap()
            .id
            .clone();
        let space = e.spaces[0].id.clone();
        let id = e.topics[0].id;
        e.topic_mut(id).unwrap().placement = Placement::At { slot: brk, space };
        let p = only(&e);
        assert_eq!(p.anchor, Anchor::Placement(id));
        assert!(p.message.contains("not a session slot"), "{}", p.message);
    }

    #[test]
    fn duplicate_ids() {
        let mut e = sample();
        let copy = e.topics[0].clone();
        e.topics.push(copy.clone());
        let problems = e.validate();
        assert!(problems.iter().any(|p| p.anchor
            == Anchor::Topic {
                id: copy.id,
                nth: 1
            }));

        let mut e = sample();
        let space = e.spaces[0].clone();
        e.spaces.push(space);
        assert!(only(&e).message.contains("duplicate space id"));

        let mut e = sample();
        let slot = e.slots[0].clone();
        e.slots.push(slot);
        assert!(
            e.validate()
                .iter()
                .any(|p| p.message.contains("duplicate slot id"))
        );
    }

    #[test]
    fn a_placement_to_a_missing_slot_or_space() {
        let mut e = sample();
        let id = e.topics[0].id;
        let space = e.spaces[0].id.clone();
        e.topic_mut(id).unwrap().placement = Placement::at("nowhere", space);
        assert!(only(&e).message.contains("does not exist"));

        let mut e = sample();
        let (slot, _) = session_cell(&e, 0);
        e.park(id).unwrap();
        e.topic_mut(id).unwrap().placement = Placement::At {
            slot,
            space: "nope".into(),
        };
        assert!(only(&e).message.contains("space \"nope\""));
    }

    #[test]
    fn slots_off_the_calendar_or_backwards() {
        let mut e = sample();
        e.slots[0].day = jiff::civil::date(1999, 1, 1);
        assert!(only(&e).message.contains("not one of the edition's days"));
        let mut e = sample();
        let s = &mut e.slots[0];
        std::mem::swap(&mut s.start, &mut s.end);
        assert!(only(&e).message.contains("ends before it starts"));
    }

    #[test]
    fn future_versions_are_refused() {
        let mut e = sample();
        e.version = FORMAT_VERSION + 1;
        assert_eq!(only(&e).anchor, Anchor::Version);
    }
}
