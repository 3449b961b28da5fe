//! The pure model: an edition and every operation on it. No files, no terminal.

mod actions;
pub mod carry;
mod due;
mod edition;
mod error;
pub mod fill;
mod grid;
pub mod hhmm;
mod history;
mod ids;
pub mod journal;
mod merge;
mod placement;
pub mod schedule;
pub mod span;
pub mod spec;
pub mod sync;
mod topic;
mod topics;
mod validate;
pub mod warnings;

#[cfg(test)]
pub(crate) mod testing;

pub use actions::ActionDraft;
pub use carry::{NextEdition, next_edition};
pub use due::parse_due;
pub use edition::{Counts, Edition, FORMAT_VERSION, Retrospective, Slot, SlotKind, Space, Timer};
pub use error::{ModelError, ModelResult};
pub use history::History;
pub use ids::{ActionId, SlotId, SpaceId, TopicId, slug};
pub use topic::{ActionPoint, MergedFrom, Origin, Placement, Status, Topic, TopicKind};
pub use topics::{TopicDraft, clean_names};
pub use validate::{Anchor, Problem};
