//! The grammars of the lines typed on the board, and the one wording of
//! each that every hint, help title and example uses.

pub mod action;
pub mod capture;

/// The capture line's grammar, as hints write it.
pub const CAPTURE_LINE: &str = "Title @convener #space 10:30 +votes";

/// The action-point line's grammar, as hints write it.
pub const ACTION_LINE: &str = "text @owner due:fri (or 2026-06-30, +2w)";
