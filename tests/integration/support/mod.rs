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

/// Runs `cmd` with `stdin` to its end and returns its output and the CPU time it used (user +
/// system). CPU time, not wall-clock time, so a comparison of two runs' costs holds on a busy
/// machine, where other processes may take the CPU away for seconds. Read from
/// `/proc/PID/stat` once the child has exited and before it is reaped (a zombie keeps its
/// counts); in clock ticks of 10 ms. Where there is no `/proc`, the wall-clock time.
pub fn output_and_cpu(
    cmd: &mut Command,
    stdin: &[u8],
) -> (std::process::Output, std::time::Duration) {
    use std::io::{Read, Write};
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let started = Instant::now();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let errs = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = err.read_to_end(&mut bytes);
        bytes
    });
    let mut stdout = Vec::new();
    let _ = out.read_to_end(&mut stdout);
    let stderr = errs.join().unwrap();
    writer.join().unwrap();
    let stat = PathBuf::from(format!("/proc/{}/stat", child.id()));
    let mut cpu = None;
    // The pipes are closed: the child has exited or is about to.
    while let Ok(text) = std::fs::read_to_string(&stat) {
        // After the command name in parentheses: state, then 10 fields, then utime, stime.
        let fields: Vec<&str> = text
            .rsplit_once(')')
            .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
        if fields.first() == Some(&"Z") {
            let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok());
            if let (Some(user), Some(system)) = (ticks(11), ticks(12)) {
                cpu = Some(Duration::from_millis((user + system) * 10));
            }
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let status = child.wait().unwrap();
    let output = std::process::Output {
        status,
        stdout,
        stderr,
    };
    (output, cpu.unwrap_or_else(|| started.elapsed()))
}
