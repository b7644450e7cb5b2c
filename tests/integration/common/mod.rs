//! Helpers shared by the end-to-end tests: tmux driving and the one rule for a test that cannot
//! run here.
// Each test binary includes this module and uses a different part of it.
#![allow(dead_code)]

pub mod tmux;

/// Set to `1` by `.ci/run`: every end-to-end test must really run, so a missing tool (tmux,
/// pgrep, `unshare`) or unavailable namespaces fail the test instead of skipping it.
pub const STRICT_ENV: &str = "PREPDECK_CI_STRICT";

/// Whether `PREPDECK_CI_STRICT=1` is set.
pub fn strict() -> bool {
    std::env::var(STRICT_ENV).is_ok_and(|v| v == "1")
}

/// The one place a test gives up because `why` (a tool or facility missing here): under
/// `PREPDECK_CI_STRICT=1` the test fails with that reason; otherwise it says loudly on stderr
/// that it did NOT test anything, and the caller returns.
pub fn cannot_run(test: &str, why: &str) {
    if strict() {
        panic!("{test} could not run: {why} ({STRICT_ENV}=1, so this is a failure)");
    }
    eprintln!(
        "SKIPPED {test}: {why}; nothing was tested (set {STRICT_ENV}=1 to make this a failure)"
    );
}

/// `Some(())` when `check` says the facility is there; otherwise `cannot_run` and `None`, so a
/// test reads `let Some(()) = common::require(..) else { return };`.
pub fn require(test: &str, check: Result<(), String>) -> Option<()> {
    match check {
        Ok(()) => Some(()),
        Err(why) => {
            cannot_run(test, &why);
            None
        }
    }
}

/// Whether the program `name` can be started (`name --version` or any answer at all).
pub fn program(name: &str) -> Result<(), String> {
    match std::process::Command::new(name).arg("--version").output() {
        Ok(_) => Ok(()),
        Err(e) => Err(format!("`{name}` could not be run: {e}")),
    }
}
