//! The pure core: no terminal, no clock reads, no file I/O.

pub mod analysis;
pub mod deck;
pub mod fast_hash;
pub mod figures;
pub mod grade;
pub mod ids;
pub mod json;
pub mod matcher;
pub mod millis;
pub mod notes;
pub mod record;
pub mod schedule;
pub mod session;
pub mod stats;
pub mod stories;
pub mod target;
pub mod text;
pub mod toml_error;
