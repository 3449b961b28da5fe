//! Adding, editing and removing topics; votes.

use std::sync::Arc;

use super::edition::Edition;
use super::error::{ModelError, ModelResult};
use super::ids::TopicId;
use super::topic::{Topic, TopicKind};

/// The editable text of a topic, as a form fills it in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopicDraft {
    pub title: String,
    pub conveners: Vec<String>,
    pub description: String,
    pub kind: TopicKind,
}

/// Trims names and drops empty and repeated ones, keeping the order given.
pub fn clean_names(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let name = name.trim().to_string();
        if !name.is_empty() && !out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            out.push(name);
        }
    }
    out
}

impl Edition {
    /// A mutable topic. `Arc::make_mut` copies it only when an undo snapshot shares it.
    pub fn topic_mut(&mut self, id: TopicId) -> ModelResult<&mut Topic> {
        self.topics
            .iter_mut()
            .find(|t| t.id == id)
            .map(Arc::make_mut)
            .ok_or(ModelError::NoTopic(id))
    }

    /// Adds a parked topic and returns its id.
    pub fn add_topic(&mut self, draft: TopicDraft) -> ModelResult<TopicId> {
        let title = draft.title.trim();
        if title.is_empty() {
            return Err(ModelError::EmptyTitle);
        }
        let id = self.next_topic_id();
        let mut topic = Topic::new(id, title);
        topic.conveners = clean_names(draft.conveners);
        topic.description = draft.description.trim().to_string();
        topic.kind = draft.kind;
        self.topics.push(Arc::new(topic));
        Ok(id)
    }

    /// Replaces a topic's title, conveners, description and kind.
    pub fn edit_topic(&mut self, id: TopicId, draft: TopicDraft) -> ModelResult<()> {
        let title = draft.title.trim().to_string();
        if title.is_empty() {
            return Err(ModelError::EmptyTitle);
        }
        let topic = self.topic_mut(id)?;
        topic.title = title;
        topic.conveners = clean_names(draft.conveners);
        topic.description = draft.description.trim().to_string();
        topic.kind = draft.kind;
        Ok(())
    }

    /// Removes a topic with everything it holds and returns it.
    pub fn remove_topic(&mut self, id: TopicId) -> ModelResult<Topic> {
        let index = self
            .topics
            .iter()
            .position(|t| t.id == id)
            .ok_or(ModelError::NoTopic(id))?;
        let topic = self.topics.remove(index);
        Ok(Arc::unwrap_or_clone(topic))
    }

    pub fn set_notes(&mut self, id: TopicId, notes: &str) -> ModelResult<()> {
        self.topic_mut(id)?.notes = notes.trim_end().to_string();
        Ok(())
    }

    pub fn set_participants(&mut self, id: TopicId, count: Option<u32>) -> ModelResult<()> {
        self.topic_mut(id)?.participants = count;
        Ok(())
    }

    pub fn set_pinned(&mut self, id: TopicId, pinned: bool) -> ModelResult<()> {
        self.topic_mut(id)?.pinned = pinned;
        Ok(())
    }

    pub fn vote_up(&mut self, id: TopicId) -> ModelResult<u32> {
        let topic = self.topic_mut(id)?;
        topic.votes = topic.votes.saturating_add(1);
        Ok(topic.votes)
    }

    pub fn vote_down(&mut self, id: TopicId) -> ModelResult<u32> {
        let topic = self.topic_mut(id)?;
        if topic.votes == 0 {
            return Err(ModelError::NoVotes(topic.title.clone()));
        }
        topic.votes -= 1;
        Ok(topic.votes)
    }

    pub fn set_votes(&mut self, id: TopicId, votes: u32) -> ModelResult<()> {
        self.topic_mut(id)?.votes = votes;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;

    fn draft(title: &str) -> TopicDraft {
        TopicDraft {
            title: title.into(),
            ..TopicDraft::default()
        }
    }

    #[test]
    fn added_topics_get_fresh_ids_and_start_parked() {
        let mut e = sample();
        let before = e.topics.len();
        let a = e.add_topic(draft("Service mesh")).unwrap();
        let b = e.add_topic(draft("  Team tourism  ")).unwrap();
        assert_ne!(a, b);
        assert_eq!(e.topics.len(), before + 2);
        let b = e.topic(b).unwrap();
        assert_eq!(b.title, "Team tourism");
        assert!(b.placement.is_parked());
    }

    #[test]
    fn a_blank_title_is_refused() {
        let mut e = sample();
        assert_eq!(e.add_topic(draft("   ")), Err(ModelError::EmptyTitle));
        let id = e.topics[0].id;
        assert_eq!(e.edit_topic(id, draft("")), Err(ModelError::EmptyTitle));
    }

    #[test]
    fn editing_replaces_text_and_cleans_conveners() {
        let mut e = sample();
        let id = e.topics[0].id;
        let d = TopicDraft {
            title: "New title".into(),
            conveners: vec![" Marta ".into(), "".into(), "marta".into(), "Ola".into()],
            description: "why\n".into(),
            kind: TopicKind::Workshop,
        };
        e.edit_topic(id, d).unwrap();
        let t = e.topic(id).unwrap();
        assert_eq!(t.title, "New title");
        assert_eq!(t.conveners, vec!["Marta", "Ola"]);
        assert_eq!(t.description, "why");
        assert_eq!(t.kind, TopicKind::Workshop);
    }

    #[test]
    fn removing_returns_the_topic_and_unknown_ids_are_errors() {
        let mut e = sample();
        let id = e.topics[0].id;
        let removed = e.remove_topic(id).unwrap();
        assert_eq!(removed.id, id);
        assert!(e.topic(id).is_none());
        assert_eq!(e.remove_topic(id), Err(ModelError::NoTopic(id)));
        assert_eq!(
            e.vote_up(TopicId(999)),
            Err(ModelError::NoTopic(TopicId(999)))
        );
    }

    #[test]
    fn votes_go_up_down_and_never_below_zero() {
        let mut e = sample();
        let id = e.add_topic(draft("Votes")).unwrap();
        assert_eq!(e.vote_up(id), Ok(1));
        assert_eq!(e.vote_up(id), Ok(2));
        assert_eq!(e.vote_down(id), Ok(1));
        assert_eq!(e.vote_down(id), Ok(0));
        assert!(matches!(e.vote_down(id), Err(ModelError::NoVotes(_))));
        e.set_votes(id, 42).unwrap();
        assert_eq!(e.topic(id).unwrap().votes, 42);
        e.set_votes(id, u32::MAX).unwrap();
        assert_eq!(e.vote_up(id), Ok(u32::MAX));
    }
}
