//! TUI tests: screen snapshots at fixed sizes, a size sweep, and key-driven flows with a fake
//! clock and an in-memory journal over the real scheduler.

mod flows;
mod screens;
mod stats;
mod support;
