//! openspace: run an Open Space event from the terminal.

pub mod model;
pub mod storage;
