//! Putting topics into cells of the grid, moving, swapping and parking them.

use super::edition::Edition;
use super::error::{ModelError, ModelResult};
use super::ids::{SlotId, SpaceId, TopicId};
use super::topic::Placement;

impl Edition {
    /// Checks that a cell exists and can hold a session.
    pub fn check_cell(&self, slot: &SlotId, space: &SpaceId) -> ModelResult<()> {
        let s = self
            .slot(slot)
            .ok_or_else(|| ModelError::NoSlot(slot.clone()))?;
        if self.space(space).is_none() {
            return Err(ModelError::NoSpace(space.clone()));
        }
        if !s.kind.is_session() {
            let label = s.kind.label().unwrap_or_default();
            return Err(ModelError::NotSessionSlot(format!(
                "{} {} ({label})",
                s.day,
                s.times()
            )));
        }
        Ok(())
    }

    pub(super) fn cell_label(&self, slot: &SlotId, space: &SpaceId) -> (String, String) {
        let slot = self
            .slot(slot)
            .map(|s| {
                format!(
                    "{} {}",
                    s.day.strftime("%a"),
                    super::hhmm::format_hhmm(s.start)
                )
            })
            .unwrap_or_else(|| slot.to_string());
        let space = self
            .space(space)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| space.to_string());
        (slot, space)
    }

    fn check_movable(&self, id: TopicId) -> ModelResult<()> {
        let topic = self.topic(id).ok_or(ModelError::NoTopic(id))?;
        if topic.pinned {
            return Err(ModelError::Pinned(topic.title.clone()));
        }
        Ok(())
    }

    /// Places (or moves) a topic into empty cells: as many slots from
    /// `slot` on as it takes.
    pub fn place(&mut self, id: TopicId, slot: &SlotId, space: &SpaceId) -> ModelResult<()> {
        self.check_movable(id)?;
        let span = self.topic(id).map_or(1, |t| t.slots());
        self.check_room(id, slot, space, span, &[])?;
        self.topic_mut(id)?.placement = Placement::At {
            slot: slot.clone(),
            space: space.clone(),
        };
        Ok(())
    }

    /// Moves a topic into a cell; the one session in the way takes the moved
    /// topic's old place (another cell, or the parking lot). Returns the
    /// topic that was swapped, if any. A session over several slots moves
    /// whole: with more than one session in its way it is refused.
    pub fn move_to(
        &mut self,
        id: TopicId,
        slot: &SlotId,
        space: &SpaceId,
    ) -> ModelResult<Option<TopicId>> {
        self.check_cell(slot, space)?;
        let topic = self.topic(id).ok_or(ModelError::NoTopic(id))?;
        let (title, span) = (topic.title.clone(), topic.slots());
        let slots = self.span_or_refusal(id, slot, span)?;
        let mut in_way: Vec<TopicId> = Vec::new();
        for s in &slots {
            if let Some(t) = self.topic_at(&s.id, space)
                && t.id != id
                && !in_way.contains(&t.id)
            {
                in_way.push(t.id);
            }
        }
        match in_way[..] {
            [] => self.place(id, slot, space).map(|()| None),
            [other] => {
                let old = self
                    .topic(id)
                    .map(|t| t.placement.clone())
                    .unwrap_or_default();
                // the one in the way keeps its time, in the moved card's old room
                let theirs = self.displaced(&old, slot, other);
                let ours = Placement::At {
                    slot: slot.clone(),
                    space: space.clone(),
                };
                self.exchange(id, ours, other, theirs).map(|()| Some(other))
            }
            _ => {
                let (_, room) = self.cell_label(slot, space);
                let when: Vec<String> = slots
                    .iter()
                    .map(|s| super::hhmm::format_hhmm(s.start))
                    .collect();
                let holders: Vec<String> = in_way
                    .iter()
                    .filter_map(|t| self.topic(*t))
                    .map(|t| format!("“{}”", t.title))
                    .collect();
                Err(ModelError::SpanBlocked {
                    title,
                    slots: format!("{} in {room}", when.join(" and ")),
                    holders: holders.join(" and "),
                })
            }
        }
    }

    /// Where a session in the way goes when a card moves from `old` to a
    /// cell of `to`: into the card's old room, as far from the card's old
    /// start as it was from the new one (the same time when the card only
    /// changes room; the card's old cell in a plain swap); to the parking
    /// lot when the card came from there.
    fn displaced(&self, old: &Placement, to: &SlotId, other: TopicId) -> Placement {
        let Placement::At { slot: from, space } = old else {
            return Placement::Parked;
        };
        let theirs = match self.topic(other).map(|t| &t.placement) {
            Some(Placement::At { slot, .. }) => slot.clone(),
            _ => to.clone(),
        };
        let sessions = |day| {
            self.slots_of_day(day)
                .into_iter()
                .filter(|x| x.kind.is_session())
                .map(|x| x.id.clone())
                .collect::<Vec<SlotId>>()
        };
        let order = |s: &SlotId| -> Option<(jiff::civil::Date, usize)> {
            let day = self.slot(s)?.day;
            let i = sessions(day).iter().position(|x| x == s)?;
            Some((day, i))
        };
        let shifted = (|| {
            let (_, at_to) = order(to)?;
            let (_, at_theirs) = order(&theirs)?;
            let (day, at_from) = order(from)?;
            let i = (at_from + at_theirs).checked_sub(at_to)?;
            sessions(day).get(i).cloned()
        })();
        Placement::At {
            slot: shifted.unwrap_or_else(|| from.clone()),
            space: space.clone(),
        }
    }

    /// Exchanges the places of two topics (either may be parked); each keeps
    /// how many slots it takes.
    pub fn swap(&mut self, a: TopicId, b: TopicId) -> ModelResult<()> {
        let pa = self
            .topic(a)
            .map(|t| t.placement.clone())
            .unwrap_or_default();
        let pb = self
            .topic(b)
            .map(|t| t.placement.clone())
            .unwrap_or_default();
        self.exchange(a, pb, b, pa)
    }

    /// Puts `a` at `to_a` and `b` at `to_b` at once, when both have the room
    /// there (each may use the other's old cells); else nothing changes.
    fn exchange(
        &mut self,
        a: TopicId,
        to_a: Placement,
        b: TopicId,
        to_b: Placement,
    ) -> ModelResult<()> {
        self.check_movable(a)?;
        self.check_movable(b)?;
        let old_a = self
            .topic(a)
            .map(|t| t.placement.clone())
            .unwrap_or_default();
        let old_b = self
            .topic(b)
            .map(|t| t.placement.clone())
            .unwrap_or_default();
        self.topic_mut(a)?.placement = to_a;
        self.topic_mut(b)?.placement = to_b;
        // each must have its room with the other already in its new place
        let check = |e: &Edition, id: TopicId| match e
            .topic(id)
            .map(|t| (t.placement.clone(), t.slots()))
        {
            Some((Placement::At { slot, space }, span)) => {
                e.check_room(id, &slot, &space, span, &[])
            }
            _ => Ok(()),
        };
        if let Err(err) = check(self, a).and_then(|()| check(self, b)) {
            self.topic_mut(a)?.placement = old_a;
            self.topic_mut(b)?.placement = old_b;
            return Err(err);
        }
        Ok(())
    }

    /// Takes a topic out of the grid into the parking lot.
    pub fn park(&mut self, id: TopicId) -> ModelResult<()> {
        self.check_movable(id)?;
        self.topic_mut(id)?.placement = Placement::Parked;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{sample, session_cell};
    use crate::model::topics::TopicDraft;

    fn add(e: &mut Edition, title: &str) -> TopicId {
        e.add_topic(TopicDraft {
            title: title.into(),
            ..TopicDraft::default()
        })
        .unwrap()
    }

    #[test]
    fn place_puts_a_topic_in_an_empty_cell_and_refuses_a_taken_one() {
        let mut e = sample();
        let (slot, space) = session_cell(&e, 0);
        let a = add(&mut e, "A");
        let b = add(&mut e, "B");
        e.place(a, &slot, &space).unwrap();
        assert_eq!(e.topic_at(&slot, &space).map(|t| t.id), Some(a));
        let err = e.place(b, &slot, &space).unwrap_err();
        assert!(matches!(err, ModelError::CellTaken { ref title, .. } if title == "A"));
        assert!(e.topic(b).unwrap().placement.is_parked());
        // placing into its own cell again is fine
        e.place(a, &slot, &space).unwrap();
    }

    #[test]
    fn nothing_is_placed_in_a_break_or_plenary() {
        let mut e = sample();
        let a = add(&mut e, "A");
        let space = e.spaces[0].id.clone();
        for slot in e.slots.clone().iter().filter(|s| !s.kind.is_session()) {
            let err = e.place(a, &slot.id, &space).unwrap_err();
            assert!(matches!(err, ModelError::NotSessionSlot(_)), "{err}");
        }
        assert!(e.topic(a).unwrap().placement.is_parked());
    }

    #[test]
    fn unknown_cells_are_errors() {
        let mut e = sample();
        let a = add(&mut e, "A");
        let space = e.spaces[0].id.clone();
        let slot = e.slots[0].id.clone();
        assert!(matches!(
            e.place(a, &SlotId("nope".into()), &space),
            Err(ModelError::NoSlot(_))
        ));
        assert!(matches!(
            e.place(a, &slot, &SpaceId("nope".into())),
            Err(ModelError::NoSpace(_))
        ));
    }

    #[test]
    fn move_to_swaps_with_the_occupant() {
        let mut e = sample();
        let (s1, p1) = session_cell(&e, 0);
        let (s2, p2) = session_cell(&e, 1);
        let a = add(&mut e, "A");
        let b = add(&mut e, "B");
        e.place(a, &s1, &p1).unwrap();
        e.place(b, &s2, &p2).unwrap();
        assert_eq!(e.move_to(a, &s2, &p2), Ok(Some(b)));
        assert_eq!(e.topic_at(&s2, &p2).map(|t| t.id), Some(a));
        assert_eq!(e.topic_at(&s1, &p1).map(|t| t.id), Some(b));
        // a parked topic dropped on a taken cell sends the occupant to the parking lot
        let c = add(&mut e, "C");
        assert_eq!(e.move_to(c, &s1, &p1), Ok(Some(b)));
        assert!(e.topic(b).unwrap().placement.is_parked());
    }

    #[test]
    fn pinned_topics_do_not_move() {
        let mut e = sample();
        let (s1, p1) = session_cell(&e, 0);
        let (s2, p2) = session_cell(&e, 1);
        let a = add(&mut e, "A");
        let b = add(&mut e, "B");
        e.place(a, &s1, &p1).unwrap();
        e.set_pinned(a, true).unwrap();
        assert!(matches!(e.place(a, &s2, &p2), Err(ModelError::Pinned(_))));
        assert!(matches!(e.park(a), Err(ModelError::Pinned(_))));
        // nor can another topic swap it out of its cell
        assert!(matches!(e.move_to(b, &s1, &p1), Err(ModelError::Pinned(_))));
        assert_eq!(e.topic_at(&s1, &p1).map(|t| t.id), Some(a));
        e.set_pinned(a, false).unwrap();
        e.park(a).unwrap();
        assert!(e.topic(a).unwrap().placement.is_parked());
    }
}
