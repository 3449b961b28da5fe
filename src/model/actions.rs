//! Action points: what a session decided to do, who does it, by when.

use jiff::civil::Date;

use super::edition::Edition;
use super::error::{ModelError, ModelResult};
use super::ids::{ActionId, TopicId};
use super::topic::{ActionPoint, Status};

/// The editable part of an action point.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionDraft {
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
}

impl ActionDraft {
    fn cleaned(self) -> ModelResult<ActionDraft> {
        let text = self.text.trim().to_string();
        if text.is_empty() {
            return Err(ModelError::EmptyAction);
        }
        let owner = self
            .owner
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty());
        Ok(ActionDraft {
            text,
            owner,
            due: self.due,
        })
    }
}

impl Edition {
    /// The list holding an action point: a session's, or the carried-over ones.
    fn action_list_mut(&mut self, id: ActionId) -> ModelResult<&mut Vec<ActionPoint>> {
        if self.carried.iter().any(|a| a.id == id) {
            return Ok(&mut self.carried);
        }
        let topic = self
            .topics
            .iter()
            .find(|t| t.actions.iter().any(|a| a.id == id))
            .map(|t| t.id)
            .ok_or(ModelError::NoAction(id))?;
        Ok(&mut self.topic_mut(topic)?.actions)
    }

    fn action_mut(&mut self, id: ActionId) -> ModelResult<&mut ActionPoint> {
        self.action_list_mut(id)?
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(ModelError::NoAction(id))
    }

    pub fn add_action(&mut self, topic: TopicId, draft: ActionDraft) -> ModelResult<ActionId> {
        let draft = draft.cleaned()?;
        let id = self.next_action_id();
        let point = ActionPoint {
            owner: draft.owner,
            due: draft.due,
            ..ActionPoint::new(id, draft.text)
        };
        self.topic_mut(topic)?.actions.push(point);
        Ok(id)
    }

    pub fn edit_action(&mut self, id: ActionId, draft: ActionDraft) -> ModelResult<()> {
        let draft = draft.cleaned()?;
        let point = self.action_mut(id)?;
        point.text = draft.text;
        point.owner = draft.owner;
        point.due = draft.due;
        Ok(())
    }

    /// Marks a point done, dropped, or open again.
    pub fn set_action_status(&mut self, id: ActionId, status: Status) -> ModelResult<()> {
        self.action_mut(id)?.status = status;
        Ok(())
    }

    pub fn complete_action(&mut self, id: ActionId) -> ModelResult<()> {
        self.set_action_status(id, Status::Done)
    }
    pub fn drop_action(&mut self, id: ActionId) -> ModelResult<()> {
        self.set_action_status(id, Status::Dropped)
    }
    pub fn reopen_action(&mut self, id: ActionId) -> ModelResult<()> {
        self.set_action_status(id, Status::Open)
    }

    pub fn remove_action(&mut self, id: ActionId) -> ModelResult<ActionPoint> {
        let list = self.action_list_mut(id)?;
        let index = list
            .iter()
            .position(|a| a.id == id)
            .ok_or(ModelError::NoAction(id))?;
        Ok(list.remove(index))
    }

    /// Moves a point up (negative) or down (positive) within its session's list.
    /// Returns false when it is already at that end.
    pub fn reorder_action(&mut self, id: ActionId, delta: isize) -> ModelResult<bool> {
        let actions = self.action_list_mut(id)?;
        let index = actions
            .iter()
            .position(|a| a.id == id)
            .ok_or(ModelError::NoAction(id))?;
        let Some(target) = index.checked_add_signed(delta) else {
            return Ok(false);
        };
        if target >= actions.len() {
            return Ok(false);
        }
        let point = actions.remove(index);
        actions.insert(target, point);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;
    use jiff::civil::date;

    fn draft(text: &str) -> ActionDraft {
        ActionDraft {
            text: text.into(),
            ..ActionDraft::default()
        }
    }

    #[test]
    fn action_points_get_ids_unique_across_topics() {
        let mut e = sample();
        let t1 = e.topics[0].id;
        let t2 = e.topics[1].id;
        let a = e.add_action(t1, draft("one")).unwrap();
        let b = e.add_action(t2, draft("two")).unwrap();
        assert_ne!(a, b);
        assert_eq!(e.action(b).and_then(|(t, _)| t).map(|t| t.id), Some(t2));
    }

    #[test]
    fn text_is_required_and_owner_is_trimmed() {
        let mut e = sample();
        let t = e.topics[0].id;
        assert_eq!(e.add_action(t, draft("  ")), Err(ModelError::EmptyAction));
        let id = e
            .add_action(
                t,
                ActionDraft {
                    text: " Draft the guide ".into(),
                    owner: Some("  ".into()),
                    due: Some(date(2019, 6, 30)),
                },
            )
            .unwrap();
        let (_, a) = e.action(id).unwrap();
        assert_eq!(a.text, "Draft the guide");
        assert_eq!(a.owner, None);
        assert_eq!(a.due, Some(date(2019, 6, 30)));
    }

    #[test]
    fn status_changes_edit_and_remove() {
        let mut e = sample();
        let t = e.topics[0].id;
        let id = e.add_action(t, draft("x")).unwrap();
        e.complete_action(id).unwrap();
        assert_eq!(e.action(id).unwrap().1.status, Status::Done);
        e.drop_action(id).unwrap();
        assert_eq!(e.action(id).unwrap().1.status, Status::Dropped);
        e.reopen_action(id).unwrap();
        assert_eq!(e.action(id).unwrap().1.status, Status::Open);
        e.edit_action(
            id,
            ActionDraft {
                text: "y".into(),
                owner: Some("Ola".into()),
                due: None,
            },
        )
        .unwrap();
        assert_eq!(e.action(id).unwrap().1.owner.as_deref(), Some("Ola"));
        assert_eq!(e.remove_action(id).map(|a| a.text), Ok("y".to_string()));
        assert_eq!(e.complete_action(id), Err(ModelError::NoAction(id)));
    }

    #[test]
    fn reorder_moves_within_bounds() {
        let mut e = sample();
        let t = e.add_topic(Default::default()).err();
        assert!(t.is_some());
        let t = e.topics[0].id;
        e.topic_mut(t).unwrap().actions.clear();
        let a = e.add_action(t, draft("a")).unwrap();
        let b = e.add_action(t, draft("b")).unwrap();
        assert_eq!(e.reorder_action(a, -1), Ok(false));
        assert_eq!(e.reorder_action(a, 1), Ok(true));
        let order: Vec<_> = e.topic(t).unwrap().actions.iter().map(|x| x.id).collect();
        assert_eq!(order, vec![b, a]);
        assert_eq!(e.reorder_action(a, 1), Ok(false));
    }
}
