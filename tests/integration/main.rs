//! The end-to-end and state-file tests, as one test binary: one link instead of thirty, and the
//! tests that wait (kills, tmux, timers) overlap with the ones that compute. Each file below is
//! a module named as the file was (`tests/<name>.rs` before), so a test's full name is
//! `<file>::<test>`; run one file's tests with a filter:
//!
//! ```text
//! cargo test --test integration fault_kills::
//! cargo test --test integration state_crash::crash_test -- --nocapture
//! ```
//!
//! `tests/content.rs` (the built-in decks' checks) and `tests/cli_answer.rs` stay separate
//! binaries: the content passes run them alone, often. So does `tests/state_file/` (the state
//! file's library tests): they lock, close and reopen files in the test process, which fails
//! now and then while other tests' threads start child processes (its `main.rs` says why).
//! A test added here may hold a lock in this process, but must not let go of one and take it
//! again.

mod common;
mod support;

mod binary_shape;
mod cli_card_notes;
mod cli_decks;
mod cli_drill_plain;
mod cli_history_grade;
mod cli_import;
mod cli_mock;
mod cli_new_order;
mod cli_notes;
mod cli_optimize;
mod cli_output;
mod cli_practice;
mod cli_sanitize;
mod cli_state;
mod cli_stats;
mod cli_stories;
mod cli_tag_lint;
mod cli_target;
mod cli_trial_fixes;
mod fault_hostile_files;
mod fault_kills;
mod fault_kills_mock;
mod fault_signals;
mod state_crash;
mod state_faults;
mod state_hardening;
mod target_eval;
mod tui_mock_tmux;
mod tui_own_tmux;
mod tui_tmux;
