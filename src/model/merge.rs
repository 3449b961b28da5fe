//! Merging two topics that turn out to be the same.

use super::edition::Edition;
use super::error::{ModelError, ModelResult};
use super::ids::TopicId;
use super::topic::{MergedFrom, Placement};
use super::topics::clean_names;

fn join_text(a: &str, b: &str) -> String {
    match (a.trim().is_empty(), b.trim().is_empty()) {
        (_, true) => a.to_string(),
        (true, false) => b.to_string(),
        (false, false) => format!("{a}\n\n{b}"),
    }
}

impl Edition {
    /// Merges `other` into `keep`: conveners joined, votes summed, notes,
    /// descriptions and action points kept. `keep` keeps its cell; if it was
    /// parked it takes `other`'s. `other` disappears and is remembered in
    /// `keep.merged_from`. Two halves of one session, in one space one after
    /// the other, become one session over both.
    pub fn merge(&mut self, keep: TopicId, other: TopicId) -> ModelResult<()> {
        if keep == other {
            return Err(ModelError::MergeWithItself);
        }
        self.topic(keep).ok_or(ModelError::NoTopic(keep))?;
        self.topic(other).ok_or(ModelError::NoTopic(other))?;
        let joined = self.merged_span(keep, other);
        let spans = joined.is_some();
        let gone = self.remove_topic(other)?;
        let target = self.topic_mut(keep)?;
        target.conveners = clean_names(target.conveners.drain(..).chain(gone.conveners.clone()));
        target.votes = target.votes.saturating_add(gone.votes);
        target.description = join_text(&target.description, &gone.description);
        target.notes = join_text(&target.notes, &gone.notes);
        target.participants = match (target.participants, gone.participants) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            (a, b) => a.or(b),
        };
        if let Some((placement, span)) = joined {
            target.placement = placement;
            target.span = span;
        } else if target.placement == Placement::Parked {
            target.placement = gone.placement;
            target.span = gone.span;
        }
        target.pinned |= gone.pinned;
        target.actions.extend(gone.actions);
        target.merged_from.push(MergedFrom {
            id: gone.id,
            title: gone.title,
            conveners: gone.conveners,
        });
        target.merged_from.extend(gone.merged_from);
        if spans {
            self.needs_spans();
        }
        Ok(())
    }
}

impl Edition {
    /// Where two placed sessions side by side in one space would be as one:
    /// from the first one's start over the slots of both.
    pub fn merged_span(&self, a: TopicId, b: TopicId) -> Option<(Placement, u32)> {
        let (ta, tb) = (self.topic(a)?, self.topic(b)?);
        let (Placement::At { space: pa, .. }, Placement::At { space: pb, .. }) =
            (&ta.placement, &tb.placement)
        else {
            return None;
        };
        if pa != pb {
            return None;
        }
        let mut slots: Vec<&super::edition::Slot> = self.slots_taken(ta);
        slots.extend(self.slots_taken(tb));
        slots.sort_by_key(|s| s.starts());
        let first = slots.first()?;
        let n = u32::try_from(slots.len()).ok()?;
        let run = self.span_from(&first.id, n).ok()?;
        let same = run.iter().map(|s| &s.id).eq(slots.iter().map(|s| &s.id));
        same.then(|| {
            (
                Placement::At {
                    slot: first.id.clone(),
                    space: pa.clone(),
                },
                n,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::actions::ActionDraft;
    use crate::model::testing::{sample, session_cell};
    use crate::model::topics::TopicDraft;

    #[test]
    fn merge_joins_conveners_sums_votes_and_keeps_everything() {
        let mut e = sample();
        let (slot, space) = session_cell(&e, 0);
        let a = e
            .add_topic(TopicDraft {
                title: "Service mesh".into(),
                conveners: vec!["Marta".into()],
                ..Default::default()
            })
            .unwrap();
        let b = e
            .add_topic(TopicDraft {
                title: "Istio in our cloud".into(),
                conveners: vec!["Piotr".into(), "Marta".into()],
                ..Default::default()
            })
            .unwrap();
        e.set_votes(a, 5).unwrap();
        e.set_votes(b, 3).unwrap();
        e.set_notes(a, "timeouts").unwrap();
        e.set_notes(b, "retries").unwrap();
        e.place(b, &slot, &space).unwrap();
        let act = e
            .add_action(
                b,
                ActionDraft {
                    text: "Pilot in one team".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        let before = e.topics.len();

        e.merge(a, b).unwrap();

        assert_eq!(e.topics.len(), before - 1);
        assert!(e.topic(b).is_none());
        let t = e.topic(a).unwrap();
        assert_eq!(t.conveners, vec!["Marta", "Piotr"]);
        assert_eq!(t.votes, 8);
        assert_eq!(t.notes, "timeouts\n\nretries");
        assert!(
            t.placement.is_at(&slot, &space),
            "parked keeper takes the cell"
        );
        assert_eq!(e.action(act).and_then(|(t, _)| t).map(|t| t.id), Some(a));
        assert_eq!(t.merged_from.len(), 1);
        assert_eq!(t.merged_from[0].title, "Istio in our cloud");
    }

    #[test]
    fn two_halves_side_by_side_become_one_session_over_both() {
        let mut e = sample();
        let space = e.spaces[2].id.clone();
        // the first day's two session slots, over the coffee break
        let sessions: Vec<_> = e
            .slots
            .iter()
            .filter(|s| s.kind.is_session())
            .map(|s| s.id.clone())
            .take(2)
            .collect();
        let part = |e: &mut Edition, title: &str| {
            e.add_topic(TopicDraft {
                title: title.into(),
                ..Default::default()
            })
            .unwrap()
        };
        let one = part(&mut e, "Lab, part 1");
        let two = part(&mut e, "Lab, part 2");
        e.place(one, &sessions[0], &space).unwrap();
        e.place(two, &sessions[1], &space).unwrap();
        // merged from the second into the first or the other way round
        let mut other_way = e.clone();
        e.merge(one, two).unwrap();
        other_way.merge(two, one).unwrap();
        for (e, kept) in [(&e, one), (&other_way, two)] {
            let t = e.topic(kept).unwrap();
            assert_eq!(t.slots(), 2);
            assert!(t.placement.is_at(&sessions[0], &space));
            assert!(e.validate().is_empty());
        }
        // apart in time they stay where the keeper is
        let mut e = sample();
        let a = part(&mut e, "A");
        let b = part(&mut e, "B");
        e.place(a, &sessions[0], &space).unwrap();
        let other_room = e.spaces[1].id.clone();
        e.place(b, &sessions[1], &other_room).unwrap();
        e.merge(a, b).unwrap();
        assert_eq!(e.topic(a).unwrap().slots(), 1);
        assert!(e.topic(a).unwrap().placement.is_at(&sessions[0], &space));
    }

    #[test]
    fn merge_with_itself_or_a_missing_topic_fails_and_changes_nothing() {
        let mut e = sample();
        let a = e.topics[0].id;
        let before = e.clone();
        assert_eq!(e.merge(a, a), Err(ModelError::MergeWithItself));
        assert_eq!(
            e.merge(a, TopicId(999)),
            Err(ModelError::NoTopic(TopicId(999)))
        );
        assert_eq!(
            e.merge(TopicId(999), a),
            Err(ModelError::NoTopic(TopicId(999)))
        );
        assert_eq!(e, before);
    }
}
