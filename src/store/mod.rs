//! Storage: everything that reads or writes files lives here.

pub mod bounded;
mod cache_key;
mod codec;
pub mod config;
pub mod deck_cache;
pub mod deck_overview;
pub mod decks;
pub mod drafts;
pub mod error;
pub mod export;
pub mod fsrs_parameters;
pub mod home_snapshot;
pub mod import;
pub mod log;
pub mod mock_setup;
pub mod paths;
pub mod progress_cache;
pub mod stories;
pub mod targets;

pub use error::StoreError;
