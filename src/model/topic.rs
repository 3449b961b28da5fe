//! Topics (proposals, sessions once placed) and their action points.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ids::{ActionId, SlotId, SpaceId, TopicId};

fn is_zero(n: &u32) -> bool {
    *n == 0
}
fn is_one(n: &u32) -> bool {
    *n <= 1
}
fn one() -> u32 {
    1
}
fn is_false(b: &bool) -> bool {
    !*b
}
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: TopicId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conveners: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: TopicKind,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    #[serde(default, skip_serializing_if = "is_default")]
    pub placement: Placement,
    /// How many consecutive session slots it takes (a two-hour workshop
    /// takes 2); the placement names the first. See `span.rs`.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub span: u32,
    /// A pinned session stays where it is until unpinned.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
    /// What the session found, as reported back.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionPoint>,
    /// The topics that were merged into this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<MergedFrom>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TopicKind {
    #[default]
    Discussion,
    Workshop,
    Presentation,
    Other,
}

impl TopicKind {
    pub const ALL: [TopicKind; 4] = [
        TopicKind::Discussion,
        TopicKind::Workshop,
        TopicKind::Presentation,
        TopicKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            TopicKind::Discussion => "discussion",
            TopicKind::Workshop => "workshop",
            TopicKind::Presentation => "presentation",
            TopicKind::Other => "other",
        }
    }
}

/// Where a topic is: in the parking lot, or in the grid from one cell on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Placement {
    #[default]
    Parked,
    At {
        slot: SlotId,
        space: SpaceId,
    },
}

impl Placement {
    pub fn at(slot: impl Into<SlotId>, space: impl Into<SpaceId>) -> Self {
        Placement::At {
            slot: slot.into(),
            space: space.into(),
        }
    }
    pub fn is_at(&self, slot: &SlotId, space: &SpaceId) -> bool {
        matches!(self, Placement::At { slot: s, space: p } if s == slot && p == space)
    }
    pub fn is_parked(&self) -> bool {
        matches!(self, Placement::Parked)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionPoint {
    pub id: ActionId,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: Status,
    /// Set when the point was carried over from an earlier edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Open,
    Done,
    Dropped,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
    /// A glyph that carries the status without colour.
    pub fn glyph(self) -> &'static str {
        match self {
            Status::Open => "○",
            Status::Done => "✓",
            Status::Dropped => "✗",
        }
    }
}

/// Where a carried-over action point came from: the earlier edition's file
/// (without `.ron`) and the point's id there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub edition: String,
    pub action: ActionId,
    /// The title of the session it came from, so it reads well without the old file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub topic: String,
}

/// A topic that was merged into another one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergedFrom {
    pub id: TopicId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conveners: Vec<String>,
}

impl Topic {
    pub fn new(id: TopicId, title: impl Into<String>) -> Self {
        Topic {
            id,
            title: title.into(),
            conveners: Vec::new(),
            description: String::new(),
            kind: TopicKind::default(),
            votes: 0,
            placement: Placement::Parked,
            span: 1,
            pinned: false,
            notes: String::new(),
            participants: None,
            actions: Vec::new(),
            merged_from: Vec::new(),
        }
    }

    /// "Marta, Ola"
    pub fn conveners_label(&self) -> String {
        self.conveners.join(", ")
    }

    /// Done and total action points, dropped ones left out: (1, 3) reads "✓1/3".
    pub fn action_progress(&self) -> (usize, usize) {
        let live = self.actions.iter().filter(|a| a.status != Status::Dropped);
        let (done, total) = live.fold((0, 0), |(d, t), a| {
            (d + usize::from(a.status == Status::Done), t + 1)
        });
        (done, total)
    }
}

impl ActionPoint {
    pub fn new(id: ActionId, text: impl Into<String>) -> Self {
        ActionPoint {
            id,
            text: text.into(),
            owner: None,
            due: None,
            status: Status::Open,
            origin: None,
        }
    }

    /// Still open after its due date.
    pub fn is_overdue(&self, today: jiff::civil::Date) -> bool {
        self.status == Status::Open && self.due.is_some_and(|d| d < today)
    }

    /// What is known of it beside its text, as every view and `print` write it:
    /// "Ola, due 2019-06-30, ⚠ OVERDUE, dropped". The owner is left out
    /// where it heads the group; overdue only where today is known.
    pub fn facts(&self, owner: bool, today: Option<jiff::civil::Date>) -> String {
        let mut parts = Vec::new();
        if owner && let Some(o) = &self.owner {
            parts.push(o.clone());
        }
        if let Some(d) = self.due {
            parts.push(format!("due {d}"));
        }
        if today.is_some_and(|t| self.is_overdue(t)) {
            parts.push("⚠ OVERDUE".into());
        }
        // done shows in its glyph; dropped is said, as it also ends a point
        if self.status == Status::Dropped {
            parts.push("dropped".into());
        }
        parts.join(", ")
    }

    /// "Write down how tours work — Ola, due 2019-06-30".
    pub fn line(&self, owner: bool, today: Option<jiff::civil::Date>) -> String {
        match self.facts(owner, today) {
            f if f.is_empty() => self.text.clone(),
            f => format!("{} — {f}", self.text),
        }
    }
}
