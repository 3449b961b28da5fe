//! Filling the grid from the parking lot: the topics with the most votes
//! into the largest free rooms, never into a slot where a convener already
//! has a session, never into a room smaller than the votes, never moving a
//! pinned or placed session (unless re-fitting: then only the unpinned ones
//! that break a rule move, and the fewest of them). Deterministic: the same
//! edition gives the same placement.

use std::collections::{HashMap, HashSet};

use super::edition::Edition;
use super::ids::{SlotId, SpaceId, TopicId};
use super::topic::{Placement, Topic};

/// A cell of the grid: a slot and a space.
pub type Cell = (SlotId, SpaceId);

/// What filling would do: each topic placed (from where), and each that
/// stays parked with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// (topic, where it was, the cell it goes to)
    pub moves: Vec<(TopicId, Option<Cell>, Cell)>,
    pub stays: Vec<(TopicId, String)>,
}

impl Plan {
    /// "places 12, moves 0; 2 stay parked: no free room holds 40"
    pub fn summary(&self) -> String {
        let placed = self
            .moves
            .iter()
            .filter(|(_, from, _)| from.is_none())
            .count();
        let moved = self.moves.len() - placed;
        let mut text = format!("places {placed}, moves {moved}");
        if !self.stays.is_empty() {
            let mut reasons: Vec<&str> = self.stays.iter().map(|(_, r)| r.as_str()).collect();
            reasons.dedup();
            text.push_str(&format!(
                "; {} stay parked: {}",
                self.stays.len(),
                reasons.join("; ")
            ));
        }
        text
    }

    /// Applies the plan to an edition (one step for undo, by the caller).
    pub fn apply(&self, e: &mut Edition) -> super::error::ModelResult<()> {
        // all out first, so that each can go where another one was
        for (id, _, _) in &self.moves {
            e.park(*id)?;
        }
        for (id, _, (slot, space)) in &self.moves {
            e.place(*id, slot, space)?;
        }
        Ok(())
    }
}

fn cell_of(t: &Topic) -> Option<(SlotId, SpaceId)> {
    match &t.placement {
        Placement::At { slot, space } => Some((slot.clone(), space.clone())),
        Placement::Parked => None,
    }
}

/// The plan for the parked topics; with `refit`, also for the placed,
/// unpinned sessions that are in a room too small for their votes or in a
/// slot where a convener of theirs has another session.
pub fn plan(e: &Edition, refit: bool) -> Plan {
    plan_from(e, refit, None)
}

/// `plan`, into the slots that have not started by `now` when it is given
/// (filling during the day never puts a topic into the past). A session
/// over several slots goes where all of its slots are free.
pub fn plan_from(e: &Edition, refit: bool, now: Option<jiff::civil::DateTime>) -> Plan {
    let capacity = |space: &SpaceId| e.space(space).and_then(|s| s.capacity);
    let fits = |t: &Topic, space: &SpaceId| capacity(space).is_none_or(|c| t.votes <= c);
    // the slots each placed session takes
    let slots_of =
        |t: &Topic| -> Vec<SlotId> { e.slots_taken(t).iter().map(|s| s.id.clone()).collect() };
    let placed: Vec<(&Topic, SpaceId, Vec<SlotId>)> = e
        .topics
        .iter()
        .map(|t| &**t)
        .filter_map(|t| cell_of(t).map(|(_, space)| (t, space, slots_of(t))))
        .collect();
    // how many sessions each convener has in each slot
    let mut busy: HashMap<(SlotId, String), usize> = HashMap::new();
    let mut taken: HashSet<Cell> = HashSet::new();
    for (t, space, slots) in &placed {
        for slot in slots {
            for who in &t.conveners {
                *busy.entry((slot.clone(), who.to_lowercase())).or_default() += 1;
            }
            taken.insert((slot.clone(), space.clone()));
        }
    }
    // a placed session breaks a rule when its room is too small, or a
    // convener of its has another session in one of its slots
    let breaks = |t: &Topic, space: &SpaceId, slots: &[SlotId]| {
        !fits(t, space)
            || slots.iter().any(|slot| {
                t.conveners.iter().any(|w| {
                    busy.get(&(slot.clone(), w.to_lowercase()))
                        .copied()
                        .unwrap_or(0)
                        > 1
                })
            })
    };
    let mut to_place: Vec<&Topic> = placed
        .iter()
        .filter(|(t, space, slots)| refit && !t.pinned && breaks(t, space, slots))
        .map(|(t, _, _)| *t)
        .collect();
    to_place.extend(
        e.topics
            .iter()
            .map(|t| &**t)
            .filter(|t| t.placement.is_parked()),
    );
    // most votes first; ties by the order they were proposed
    to_place.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.id.cmp(&b.id)));

    // every session slot not yet begun, in time order; the largest rooms first
    let mut slots: Vec<&super::edition::Slot> = e
        .slots
        .iter()
        .filter(|s| s.kind.is_session())
        .filter(|s| now.is_none_or(|n| s.day.to_datetime(s.start) >= n))
        .collect();
    slots.sort_by_key(|s| (s.day, s.start, s.end));
    let open: HashSet<&SlotId> = slots.iter().map(|s| &s.id).collect();
    let mut spaces: Vec<(usize, &super::edition::Space)> = e.spaces.iter().enumerate().collect();
    // a room without a capacity counts as the largest
    spaces.sort_by_key(|(i, s)| (std::cmp::Reverse(s.capacity.unwrap_or(u32::MAX)), *i));

    let mut plan = Plan::default();
    for t in to_place {
        let from = cell_of(t);
        let own: Vec<SlotId> = if from.is_some() {
            slots_of(t)
        } else {
            Vec::new()
        };
        let own_space = from.as_ref().map(|(_, p)| p.clone());
        // the slots it would take from each start, when all are still open
        let run = |start: &SlotId| -> Option<Vec<SlotId>> {
            let run = e.span_from(start, t.slots()).ok()?;
            run.iter()
                .all(|s| open.contains(&s.id))
                .then(|| run.iter().map(|s| s.id.clone()).collect())
        };
        let free = |run: &[SlotId], space: &SpaceId| {
            run.iter().all(|slot| {
                let cell = (slot.clone(), space.clone());
                // (its own cells, when it has them, do not count against it)
                !taken.contains(&cell) || (own_space.as_ref() == Some(space) && own.contains(slot))
            })
        };
        let conveners_free = |run: &[SlotId]| {
            run.iter().all(|slot| {
                t.conveners.iter().all(|w| {
                    let mine = usize::from(own.contains(slot));
                    busy.get(&(slot.clone(), w.to_lowercase()))
                        .copied()
                        .unwrap_or(0)
                        <= mine
                })
            })
        };
        // the largest free room of any slot the conveners are free in, that holds the votes
        let best = spaces
            .iter()
            .flat_map(|(_, space)| slots.iter().map(move |slot| (slot, space)))
            .filter(|(_, space)| fits(t, &space.id))
            .find_map(|(slot, space)| {
                let run = run(&slot.id)?;
                (free(&run, &space.id) && conveners_free(&run)).then_some((run, space))
            });
        match best {
            Some((run, space)) => {
                let Some(first) = run.first().cloned() else {
                    continue;
                };
                let cell = (first, space.id.clone());
                if let Some((_, old_space)) = &from {
                    for slot in &own {
                        taken.remove(&(slot.clone(), old_space.clone()));
                        for who in &t.conveners {
                            if let Some(n) = busy.get_mut(&(slot.clone(), who.to_lowercase())) {
                                *n = n.saturating_sub(1);
                            }
                        }
                    }
                }
                for slot in &run {
                    taken.insert((slot.clone(), space.id.clone()));
                    for who in &t.conveners {
                        *busy.entry((slot.clone(), who.to_lowercase())).or_default() += 1;
                    }
                }
                if from.as_ref() != Some(&cell) {
                    plan.moves.push((t.id, from, cell));
                }
            }
            None => {
                let any_free = slots.iter().any(|slot| {
                    spaces
                        .iter()
                        .any(|(_, sp)| !taken.contains(&(slot.id.clone(), sp.id.clone())))
                });
                let room_free = |sp: &SpaceId| {
                    slots
                        .iter()
                        .any(|sl| run(&sl.id).is_some_and(|r| free(&r, sp)))
                };
                let reason = if !any_free {
                    "no free cell".to_string()
                } else if t.slots() > 1 && !spaces.iter().any(|(_, sp)| room_free(&sp.id)) {
                    format!("no room is free for {} slots in a row", t.slots())
                } else if !spaces
                    .iter()
                    .any(|(_, sp)| fits(t, &sp.id) && room_free(&sp.id))
                {
                    format!("no free room holds {}", t.votes)
                } else {
                    "every free cell clashes with a convener's other session".to_string()
                };
                // a session re-fitted that finds no better place stays where it is
                if from.is_none() {
                    plan.stays.push((t.id, reason));
                }
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::warnings::{Rule, warnings};
    use crate::model::{SlotKind, TopicDraft};
    use jiff::civil::{date, time};
    use proptest::prelude::*;

    /// An event of `spaces` rooms (some without a capacity), `slots` session
    /// slots and a break, and topics with conveners drawn from a small set.
    fn event(
        caps: &[Option<u32>],
        slots: usize,
        topics: &[(u32, Vec<usize>, bool, Option<usize>)],
    ) -> Edition {
        let day = date(2026, 5, 14);
        let mut e = Edition::new("Fill", day);
        for (i, c) in caps.iter().enumerate() {
            e.add_space(&format!("Room {i}"), *c).unwrap();
        }
        for i in 0..slots {
            let h = 9 + i as i8;
            e.add_slot(day, time(h, 0, 0, 0), time(h, 45, 0, 0), SlotKind::Session)
                .unwrap();
        }
        e.add_slot(
            day,
            time(8, 0, 0, 0),
            time(8, 30, 0, 0),
            SlotKind::Break("Coffee".into()),
        )
        .unwrap();
        let names = ["Ada", "Bo", "Cy", "Di", "Ed"];
        for (n, (votes, who, pinned, at)) in topics.iter().enumerate() {
            let id = e
                .add_topic(TopicDraft {
                    title: format!("Topic {n}"),
                    conveners: who
                        .iter()
                        .map(|w| names[w % names.len()].to_string())
                        .collect(),
                    ..TopicDraft::default()
                })
                .unwrap();
            e.set_votes(id, *votes).unwrap();
            if let Some(cell) = at {
                let sessions: Vec<SlotId> = e
                    .slots
                    .iter()
                    .filter(|s| s.kind.is_session())
                    .map(|s| s.id.clone())
                    .collect();
                if !sessions.is_empty() && !e.spaces.is_empty() {
                    let slot = &sessions[cell % sessions.len()];
                    let space = e.spaces[(cell / sessions.len()) % e.spaces.len()]
                        .id
                        .clone();
                    if e.topic_at(slot, &space).is_none() {
                        e.place(id, slot, &space).unwrap();
                        if *pinned {
                            e.set_pinned(id, true).unwrap();
                        }
                    }
                }
            }
        }
        e
    }

    #[test]
    fn the_most_votes_go_to_the_largest_rooms_and_the_summary_says_what_stays() {
        let e = event(
            &[Some(10), Some(40), Some(20)],
            1,
            &[
                (5, vec![0], false, None),
                (30, vec![1], false, None),
                (15, vec![2], false, None),
                (50, vec![3], false, None),
            ],
        );
        let p = plan(&e, false);
        let room = |title: &str| {
            let id = e.topics.iter().find(|t| t.title == title).unwrap().id;
            p.moves
                .iter()
                .find(|(t, _, _)| *t == id)
                .map(|(_, _, (_, sp))| e.space(sp).unwrap().name.clone())
        };
        assert_eq!(
            room("Topic 1").as_deref(),
            Some("Room 1"),
            "30 votes: the 40 room"
        );
        assert_eq!(
            room("Topic 2").as_deref(),
            Some("Room 2"),
            "15 votes: the 20 room"
        );
        assert_eq!(room("Topic 0").as_deref(), Some("Room 0"));
        assert_eq!(
            p.summary(),
            "places 3, moves 0; 1 stay parked: no free room holds 50"
        );
    }

    #[test]
    fn filling_during_the_day_never_puts_a_topic_into_the_past() {
        let e = event(&[Some(40)], 3, &[(5, vec![0], false, None)]);
        let first = e
            .slots
            .iter()
            .filter(|s| s.kind.is_session())
            .map(|s| s.day.to_datetime(s.start))
            .min()
            .unwrap();
        let later = first
            .checked_add(jiff::SignedDuration::from_mins(30))
            .unwrap();
        let p = plan_from(&e, false, Some(later));
        let (_, _, (slot, _)) = &p.moves[0];
        assert!(
            e.slot(slot)
                .unwrap()
                .day
                .to_datetime(e.slot(slot).unwrap().start)
                >= later
        );
    }

    #[test]
    fn a_session_over_two_slots_goes_where_both_are_free() {
        // room 0 is free only in the first slot, room 1 in both
        let mut e = event(
            &[Some(40), Some(20)],
            2,
            &[(1, vec![], false, Some(1)), (9, vec![0], false, None)],
        );
        let lab = e.topics[1].id;
        e.set_span(lab, 2).unwrap();
        let p = plan(&e, false);
        let (_, _, (slot, space)) = p.moves.iter().find(|(t, _, _)| *t == lab).unwrap();
        assert_eq!(e.space(space).unwrap().name, "Room 1");
        assert_eq!(e.slot(slot).unwrap().start, time(9, 0, 0, 0));
        let mut after = e.clone();
        p.apply(&mut after).unwrap();
        assert_eq!(after.slots_taken(after.topic(lab).unwrap()).len(), 2);
        // three slots in a row exist nowhere: it stays, saying why
        let mut e = e.clone();
        e.set_span(lab, 3).unwrap();
        let p = plan(&e, false);
        assert!(
            p.stays
                .iter()
                .any(|(t, why)| *t == lab && why.contains("3 slots in a row")),
            "{:?}",
            p.stays
        );
    }

    #[test]
    fn a_convener_is_never_put_in_two_places_at_once() {
        // one convener, two topics, one slot: the second stays parked
        let e = event(
            &[Some(40), Some(40)],
            1,
            &[(5, vec![0], false, None), (3, vec![0], false, None)],
        );
        let p = plan(&e, false);
        assert_eq!(p.moves.len(), 1);
        assert!(p.stays[0].1.contains("clashes"), "{:?}", p.stays);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn filling_never_clashes_never_moves_a_pin_never_loses_a_topic(
            caps in prop::collection::vec(prop::option::of(1u32..60), 1..6),
            slots in 1usize..5,
            topics in prop::collection::vec(
                (0u32..70, prop::collection::vec(0usize..5, 0..3), any::<bool>(), prop::option::of(0usize..40)),
                0..30,
            ),
            refit in any::<bool>(),
            spans in prop::collection::vec(1u32..4, 0..30),
        ) {
            let mut e = event(&caps, slots, &topics);
            // some sessions take several slots (placed ones only where they fit)
            let ids: Vec<TopicId> = e.topics.iter().map(|t| t.id).collect();
            for (id, span) in ids.iter().zip(&spans) {
                let _ = e.set_span(*id, *span);
            }
            let p = plan(&e, refit);
            // deterministic
            prop_assert_eq!(&p, &plan(&e, refit));
            let mut after = e.clone();
            p.apply(&mut after).map_err(|x| TestCaseError::fail(x.to_string()))?;
            prop_assert!(after.validate().is_empty(), "{:?}", after.validate());
            // no topic lost or doubled
            prop_assert_eq!(after.topics.len(), e.topics.len());
            // pinned sessions stay; placed ones stay unless re-fitting
            for t in &e.topics {
                let now = after.topic(t.id).unwrap();
                if t.pinned || (!refit && !t.placement.is_parked()) {
                    prop_assert_eq!(&now.placement, &t.placement, "{} moved", t.title);
                }
            }
            // what was placed creates no clash and no full room, and each room holds its votes
            let new_warnings = warnings(&after, &[Rule::SimilarTitles]);
            for (id, _, (_, space)) in &p.moves {
                prop_assert!(
                    new_warnings.iter().all(|w| !w.topics.contains(id)),
                    "{:?}", new_warnings
                );
                let cap = after.space(space).unwrap().capacity;
                prop_assert!(cap.is_none_or(|c| after.topic(*id).unwrap().votes <= c));
            }
        }
    }
}
