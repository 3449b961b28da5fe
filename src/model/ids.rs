//! Stable identifiers. Placements and links refer to ids, never to positions,
//! so that reordering a list never changes what a file means.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A space's id: a short slug such as `"atrium"`, kept when the space is renamed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpaceId(pub String);

/// A slot's id: a short slug such as `"d1-0930"`, kept when the slot is moved.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SlotId(pub String);

/// A topic's number, unique within its edition.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct TopicId(pub u32);

/// An action point's number, unique within its edition (across all topics),
/// so that a later edition can link to it by edition and number alone.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct ActionId(pub u32);

impl fmt::Display for SpaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Display for SlotId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Display for TopicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}
impl fmt::Display for ActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

impl From<&str> for SpaceId {
    fn from(s: &str) -> Self {
        SpaceId(s.to_string())
    }
}
impl From<&str> for SlotId {
    fn from(s: &str) -> Self {
        SlotId(s.to_string())
    }
}

/// Turns a name into an id-friendly slug: lowercase ASCII letters and digits
/// joined by dashes ("Main Hall (1st floor)" → "main-hall-1st-floor").
/// Names with no ASCII letters at all (e.g. "会议室") fall back to `fallback`.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `base`, or `base-2`, `base-3`, … — the first that `taken` says is free.
pub fn unique(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_and_never_empty() {
        assert_eq!(
            slug("Main Hall (1st floor)", "space"),
            "main-hall-1st-floor"
        );
        assert_eq!(slug("  Atrium ", "space"), "atrium");
        assert_eq!(slug("会议室", "space"), "space");
        assert_eq!(slug("Café Ü", "x"), "caf");
    }

    #[test]
    fn unique_appends_the_first_free_number() {
        let taken = ["garden", "garden-2"];
        assert_eq!(unique("garden".into(), |s| taken.contains(&s)), "garden-3");
        assert_eq!(unique("lab".into(), |s| taken.contains(&s)), "lab");
    }
}
