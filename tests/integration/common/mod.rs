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

/// Gives `home` the deck cache a first start writes for the built-in decks (copied from a home
/// made once per test run), so a test that starts the binary in many fresh homes does not
/// parse every built-in deck in each (70 ms of CPU a start in a debug build). The cache is
/// sealed with its home's key, which is copied with it; an entry for a file of `home`'s own
/// (a user deck) is not there and is made as usual.
pub fn warm_deck_cache(home: &std::path::Path) {
    use std::path::PathBuf;
    use std::sync::OnceLock;
    static TEMPLATE: OnceLock<(tempfile::TempDir, Vec<PathBuf>)> = OnceLock::new();
    let (template, files) = TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_prepdeck"))
            .args(["decks", "list"])
            .env("PREPDECK_HOME", dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "the template home's `decks list` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut files = vec![PathBuf::from("cache/key")];
        for entry in std::fs::read_dir(dir.path().join("cache/decks")).unwrap() {
            let name = entry.unwrap().file_name();
            files.push(PathBuf::from("cache/decks").join(name));
        }
        (dir, files)
    });
    for file in files {
        let to = home.join(file);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(template.path().join(file), &to).unwrap();
    }
    use std::os::unix::fs::PermissionsExt;
    for dir in [home.join("cache"), home.join("cache/decks")] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}
