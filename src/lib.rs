//! openspace: run an Open Space event live from the terminal.
//!
//! `model` is pure data and operations, `storage` the only code that touches
//! files, `commands` the subcommands that need no screen.

pub mod app;
pub mod cli;
pub mod commands;
pub mod history;
pub mod model;
pub mod storage;
pub mod text;
pub mod ui;
