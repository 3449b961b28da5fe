//! What can go wrong in an operation on an edition. Every operation returns
//! one of these instead of panicking; the message is shown to the facilitator.

use super::ids::{ActionId, SlotId, SpaceId, TopicId};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("there is no topic {0}")]
    NoTopic(TopicId),
    #[error("there is no space {0:?}")]
    NoSpace(SpaceId),
    #[error("there is no slot {0:?}")]
    NoSlot(SlotId),
    #[error("there is no action point {0}")]
    NoAction(ActionId),
    #[error("{slot} in {space} already holds “{title}”")]
    CellTaken {
        slot: String,
        space: String,
        title: String,
    },
    #[error("{0} is not a session slot: nothing can be placed in it")]
    NotSessionSlot(String),
    #[error("“{0}” is pinned: unpin it first")]
    Pinned(String),
    #[error("a topic needs a title")]
    EmptyTitle,
    #[error("an action point needs some text")]
    EmptyAction,
    #[error("a name is needed")]
    EmptyName,
    #[error("a topic cannot be merged with itself")]
    MergeWithItself,
    #[error("“{0}” has no votes to take away")]
    NoVotes(String),
    #[error("a slot must end after it starts ({0})")]
    SlotTimes(String),
    #[error("{0} is not one of the edition's days")]
    NotADay(jiff::civil::Date),
    #[error("the slot {0} overlaps {1}")]
    SlotOverlap(String, String),
    /// A span that does not fit, in words (see `span::Misfit`).
    #[error("{0}")]
    Span(String),
    #[error("“{title}” takes {slots}: {holders} are there; move one first")]
    SpanBlocked {
        title: String,
        slots: String,
        holders: String,
    },
    #[error("an edition needs at least one day")]
    NoDays,
}

pub type ModelResult<T> = Result<T, ModelError>;
