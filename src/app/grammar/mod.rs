//! The grammars of the lines typed on the board, and the one wording of
//! each that every hint, help title and example uses.

pub mod action;
pub mod capture;

/// The capture line's grammar, as hints write it (a macro, so that the
/// keymap's constant help titles can be built from it too).
macro_rules! capture_line {
    () => {
        "Title @convener #space 10:30[-12:15] +votes"
    };
}

/// The action-point line's grammar, as hints write it.
macro_rules! action_line {
    () => {
        "text @owner due:fri (or 2026-06-30, +2w)"
    };
}

pub(crate) use {action_line, capture_line};

pub const CAPTURE_LINE: &str = capture_line!();
pub const ACTION_LINE: &str = action_line!();
