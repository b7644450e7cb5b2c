//! prepdeck: a terminal trainer for job interviews.
//!
//! Layers (see `ARCHITECTURE.md` in the shared notes):
//! - [`core`]: pure domain logic (decks, scheduling, sessions, analysis, statistics). No terminal,
//!   no clock reads, no file I/O: every input, including `now`, arrives as a value.
//! - [`store`]: the only layer that touches the disk (deck files, the state log, config).
//! - [`cli`] and [`tui`]: thin front ends.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// `src/fixtures.rs` names the library `prepdeck`, here as in the tests and benches that include it.
#[cfg(test)]
extern crate self as prepdeck;

pub mod cli;
pub mod core;
/// Test data generators for the tests; the integration tests, benches and examples include the
/// same file by path.
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod fixtures_tests;
pub mod store;
pub mod study;
pub mod tui;

#[cfg(test)]
mod import_cycles_tests;
