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
    /// `keep.merged_from`.
    pub fn merge(&mut self, keep: TopicId, other: TopicId) -> ModelResult<()> {
        if keep == other {
            return Err(ModelError::MergeWithItself);
        }
        self.topic(keep).ok_or(ModelError::NoTopic(keep))?;
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
        if target.placement == Placement::Parked {
            target.placement = gone.placement;
        }
        target.pinned |= gone.pinned;
        target.actions.extend(gone.actions);
        target.merged_from.push(MergedFrom {
            id: gone.id,
            title: gone.title,
            conveners: gone.conveners,
        });
        target.merged_from.extend(gone.merged_from);
        Ok(())
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
