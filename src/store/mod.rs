//! Storage: everything that reads or writes files lives here.

pub mod config;
pub mod decks;
pub mod log;
pub mod paths;
