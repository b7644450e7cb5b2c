//! Helpers shared by the state-file integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, Utc};
use prepdeck::core::grade::Grade;
use prepdeck::core::ids::{CardId, DeckId};
use prepdeck::core::record::{RecordBody, Review, ReviewMode};

/// A fixed clock: `n` minutes after a fixed instant.
pub fn at(n: i64) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
        + Duration::minutes(n)
}

pub fn review(n: u64) -> RecordBody {
    RecordBody::Review(Review {
        deck: DeckId::new("rust-basics"),
        card: CardId::new(format!("card-{}", n % 50)),
        grade: Grade::ALL[(n % 4) as usize],
        took_ms: 1000 + n,
        mode: ReviewMode::Drill,
    })
}

/// Files in `dir`, sorted by name.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The arguments that make this test binary run just the named (ignored) test, so a test can
/// re-run its own binary as a child process.
pub fn self_exec_args(test_name: &str) -> Vec<String> {
    [
        "--exact",
        test_name,
        "--nocapture",
        "--include-ignored",
        "--test-threads=1",
        "--quiet",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

pub fn current_exe() -> PathBuf {
    std::env::current_exe().unwrap()
}

/// Whether unprivileged user + mount namespaces work here (`unshare -Urm`).
pub fn namespaces_available() -> Result<(), String> {
    match Command::new("unshare").args(["-Urm", "true"]).output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "`unshare -Urm` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => Err(format!("`unshare` could not be run: {e}")),
    }
}

/// Whether `strace` can trace a child here (it needs ptrace).
pub fn strace_available() -> Result<(), String> {
    match Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .output()
    {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "`strace` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => Err(format!("`strace` could not be run: {e}")),
    }
}
