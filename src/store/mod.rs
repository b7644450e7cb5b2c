//! Storage: everything that reads or writes files lives here.

pub mod config;
pub mod decks;
pub mod export;
pub mod files;
pub mod import;
pub mod log;
pub mod paths;
