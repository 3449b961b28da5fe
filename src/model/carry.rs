//! Starting the next edition from an earlier one: its spaces, slots (moved to
//! the new dates), theme and facilitators, and its open action points,
//! each linked back to where it came from.

use jiff::civil::Date;

use super::edition::{Edition, Slot};
use super::error::{ModelError, ModelResult};
use super::ids::{ActionId, SlotId};
use super::topic::{ActionPoint, Origin, Status};

/// What the facilitator says about the new edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextEdition {
    pub name: String,
    pub first_day: Date,
    /// How many days; `None` keeps the earlier edition's number.
    pub days: Option<usize>,
}

/// Builds the next edition from `earlier`, which is stored as `earlier_file`
/// (its file name without `.ron`, used in the links).
pub fn next_edition(
    earlier: &Edition,
    earlier_file: &str,
    next: &NextEdition,
) -> ModelResult<Edition> {
    let name = next.name.trim();
    if name.is_empty() {
        return Err(ModelError::EmptyName);
    }
    let day_count = next.days.unwrap_or(earlier.days.len()).max(1);
    let mut days = Vec::with_capacity(day_count);
    for i in 0..day_count {
        let offset = i64::try_from(i).unwrap_or(i64::MAX);
        let day = next
            .first_day
            .checked_add(jiff::Span::new().days(offset))
            .map_err(|_| ModelError::NoDays)?;
        days.push(day);
    }
    let mut e = Edition::new(name, next.first_day);
    e.days = days.clone();
    e.number = earlier.number.map(|n| n.saturating_add(1));
    e.theme = earlier.theme.clone();
    e.venue = earlier.venue.clone();
    e.facilitators = earlier.facilitators.clone();
    e.previous = Some(earlier_file.to_string());
    e.spaces = earlier.spaces.clone();
    e.slots = moved_slots(earlier, &days);
    e.carried = carried_actions(earlier, earlier_file);
    Ok(e)
}

/// The earlier slots, day by day, on the new dates. Extra days repeat the
/// earlier last day's pattern; days beyond the new count are left out.
fn moved_slots(earlier: &Edition, days: &[Date]) -> Vec<Slot> {
    let mut old_days = earlier.days.clone();
    old_days.sort();
    let Some(&last_old) = old_days.last() else {
        return Vec::new();
    };
    let mut slots = Vec::new();
    for (i, new_day) in days.iter().enumerate() {
        let old_day = old_days.get(i).copied().unwrap_or(last_old);
        for slot in earlier.slots_of_day(old_day) {
            let id = if i < old_days.len() {
                slot.id.clone()
            } else {
                SlotId(format!(
                    "d{}-{:02}{:02}",
                    i + 1,
                    slot.start.hour(),
                    slot.start.minute()
                ))
            };
            slots.push(Slot {
                id,
                day: *new_day,
                ..slot.clone()
            });
        }
    }
    // ids stay unique even if the earlier file used odd ones
    let mut seen = std::collections::BTreeSet::new();
    for slot in &mut slots {
        let base = slot.id.0.clone();
        let id = super::ids::unique(base, |s| seen.contains(s));
        seen.insert(id.clone());
        slot.id = SlotId(id);
    }
    slots
}

/// The earlier edition's open points, renumbered from 1, each with its origin.
/// A point that had itself been carried keeps the title of the session it
/// first came from.
fn carried_actions(earlier: &Edition, earlier_file: &str) -> Vec<ActionPoint> {
    earlier
        .actions()
        .filter(|(_, a)| a.status == Status::Open)
        .enumerate()
        .map(|(i, (topic, a))| {
            let topic = match (topic, &a.origin) {
                (Some(t), _) => t.title.clone(),
                (None, Some(o)) => o.topic.clone(),
                (None, None) => String::new(),
            };
            ActionPoint {
                id: ActionId(u32::try_from(i + 1).unwrap_or(u32::MAX)),
                text: a.text.clone(),
                owner: a.owner.clone(),
                due: a.due,
                status: Status::Open,
                origin: Some(Origin {
                    edition: earlier_file.to_string(),
                    action: a.id,
                    topic,
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::actions::ActionDraft;
    use crate::model::testing::sample;
    use jiff::civil::date;

    fn next(name: &str, day: Date) -> NextEdition {
        NextEdition {
            name: name.into(),
            first_day: day,
            days: None,
        }
    }

    #[test]
    fn copies_the_frame_and_moves_slots_to_the_new_dates() {
        let mut old = sample();
        old.theme = "How do we grow?".into();
        old.facilitators = vec!["Ania".into()];
        old.number = Some(11);
        let new = next_edition(&old, "tlm-2019", &next("TLM 2020", date(2020, 5, 12))).unwrap();
        assert_eq!(new.days, vec![date(2020, 5, 12), date(2020, 5, 13)]);
        assert_eq!(new.number, Some(12));
        assert_eq!(new.theme, old.theme);
        assert_eq!(new.facilitators, old.facilitators);
        assert_eq!(new.previous.as_deref(), Some("tlm-2019"));
        assert_eq!(new.spaces, old.spaces);
        assert_eq!(new.slots.len(), old.slots.len());
        for (a, b) in old.slots.iter().zip(&new.slots) {
            assert_eq!(
                (a.start, a.end, &a.kind, &a.id),
                (b.start, b.end, &b.kind, &b.id)
            );
        }
        assert!(new.topics.is_empty());
        assert!(new.validate().is_empty(), "{:?}", new.validate());
    }

    #[test]
    fn carries_only_open_points_with_their_origin() {
        let mut old = sample();
        let t = old.topics[0].id;
        let done = old
            .add_action(
                t,
                ActionDraft {
                    text: "done one".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        old.complete_action(done).unwrap();
        let open: Vec<_> = old
            .actions()
            .filter(|(_, a)| a.status == Status::Open)
            .map(|(t, a)| (t.map(|t| t.title.clone()), a.id, a.text.clone()))
            .collect();
        let new = next_edition(&old, "tlm-2019", &next("Next", date(2020, 1, 1))).unwrap();
        assert_eq!(new.carried.len(), open.len());
        for (point, (title, id, text)) in new.carried.iter().zip(open) {
            let origin = point.origin.as_ref().unwrap();
            assert_eq!(origin.edition, "tlm-2019");
            assert_eq!(origin.action, id);
            assert_eq!(Some(origin.topic.clone()), title);
            assert_eq!(point.text, text);
            assert_eq!(point.status, Status::Open);
        }
    }

    #[test]
    fn a_chain_over_three_editions_keeps_links_and_first_session() {
        let first = sample();
        let second = next_edition(&first, "one", &next("Two", date(2020, 5, 1))).unwrap();
        let mut second = second;
        let carried_id = second.carried[0].id;
        let third = next_edition(&second, "two", &next("Three", date(2021, 5, 1))).unwrap();
        let point = &third.carried[0];
        let origin = point.origin.as_ref().unwrap();
        assert_eq!(origin.edition, "two");
        assert_eq!(origin.action, carried_id);
        assert_eq!(
            origin.topic,
            second.carried[0].origin.as_ref().unwrap().topic
        );
        // closing it in the second edition means it is no longer carried on
        second.complete_action(carried_id).unwrap();
        let third = next_edition(&second, "two", &next("Three", date(2021, 5, 1))).unwrap();
        assert!(
            third
                .carried
                .iter()
                .all(|a| a.origin.as_ref().unwrap().action != carried_id)
        );
    }

    #[test]
    fn more_days_repeat_the_last_pattern_fewer_drop_days() {
        let old = sample();
        let more = NextEdition {
            days: Some(3),
            ..next("More", date(2020, 3, 2))
        };
        let e = next_edition(&old, "old", &more).unwrap();
        assert_eq!(e.days.len(), 3);
        assert!(e.slots.iter().any(|s| s.day == date(2020, 3, 4)));
        assert!(e.validate().is_empty(), "{:?}", e.validate());
        let fewer = NextEdition {
            days: Some(1),
            ..next("Fewer", date(2020, 3, 2))
        };
        let e = next_edition(&old, "old", &fewer).unwrap();
        assert!(e.slots.iter().all(|s| s.day == date(2020, 3, 2)));
        assert!(next_edition(&old, "old", &next(" ", date(2020, 1, 1))).is_err());
    }
}
