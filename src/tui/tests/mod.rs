//! TUI tests: screen snapshots at fixed sizes, a size sweep, and key-driven flows with a fake
//! clock and an in-memory journal over the real scheduler.

mod deck_problems;
mod first_frame;
mod flows;
mod history;
mod mock_flows;
pub(crate) mod mock_screens;
mod own;
mod screens;
mod stats;
mod study_flows;
pub(crate) mod support;
mod targets;
mod typing;
