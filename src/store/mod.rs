//! Storage: everything that reads or writes files lives here.

pub mod config;
pub mod decks;
pub mod error;
pub mod log;
pub mod paths;

pub use error::StoreError;
