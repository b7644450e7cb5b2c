//! prepdeck: a terminal trainer for job interviews.
//!
//! Layers (see `ARCHITECTURE.md` in the shared notes):
//! - [`core`]: pure domain logic (decks, scheduling, sessions, analysis, statistics). No terminal,
//!   no clock reads, no file I/O: every input, including `now`, arrives as a value.
//! - [`store`]: the only layer that touches the disk (deck files, the state log, config).
//! - [`cli`] and [`tui`]: thin front ends.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod cli;
pub mod core;
/// Test data generators for the tests and the benches (integration tests use them too, so they
/// cannot be `cfg(test)`; nothing in the binary calls them).
#[doc(hidden)]
pub mod fixtures;
pub mod store;
pub mod study;
pub mod tui;

#[cfg(test)]
mod import_cycles_tests;
