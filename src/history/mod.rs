//! Editions across the years: search in every edition, topics that recur,
//! and two editions side by side. Pure functions over loaded editions.

pub mod compare;
pub mod recurring;
pub mod search;

use crate::model::Edition;

/// An edition as found in the sessions folder: its file name (without
/// `.ron`) and its content.
#[derive(Debug, Clone)]
pub struct Known {
    pub file: String,
    pub edition: Edition,
}
