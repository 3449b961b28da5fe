//! openspace: run an Open Space event live from the terminal.
//!
//! `model` is pure data and operations; `storage` the only code that
//! touches files; `app` the board's state and what keys do (pure); `ui`
//! the drawing (pure); `geometry` what fits where, below both; `run` the
//! loop that owns the terminal and carries out effects; `commands` the
//! subcommands that need no screen. docs/architecture.md tells more.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod export;
pub mod geometry;
pub mod history;
pub mod model;
pub mod run;
pub mod storage;
pub mod text;
pub mod ui;
