//! Fault tests: a full disk, a file-size limit, a read-only file system. Each must give a clear
//! error naming the file, leave the old file intact byte for byte, and leave no temp files.
//!
//! The faults are real: a 64 KiB tmpfs or a read-only remount inside an unprivileged user +
//! mount namespace (`unshare -Urm`), and `ulimit -f`. The scenario runs in a child process
//! (this test binary re-run with `--exact state_faults::fault_child`), since the mounts exist only there.
//! Where namespaces are unavailable the test says SKIPPED and why, and fails under
//! `PREPDECK_CI_STRICT=1` (`common::cannot_run`).

use crate::common;
use crate::support;

use std::fs;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use prepdeck::store::StoreError;
use prepdeck::store::log::{self, StateLog};
use support::{at, listing, review};

const SCENARIO_ENV: &str = "PREPDECK_FAULT_SCENARIO";
const DIR_ENV: &str = "PREPDECK_FAULT_DIR";
const DONE: &str = "FAULT-SCENARIO-PASSED";

/// Runs `script` with `sh -c`; `$1` is this test binary's child command line, `$2` the folder.
fn run_child(wrapper: &[&str], script: &str, dir: &Path, scenario: &str) -> std::process::Output {
    let exe = support::current_exe();
    let child = format!(
        "{} {}",
        exe.display(),
        support::self_exec_args("state_faults::fault_child").join(" ")
    );
    let mut cmd = Command::new(wrapper[0]);
    cmd.args(&wrapper[1..])
        .args(["sh", "-c", script, "sh", &child])
        .arg(dir)
        .env(SCENARIO_ENV, scenario)
        .env(DIR_ENV, dir);
    cmd.output().unwrap()
}

fn assert_passed(out: &std::process::Output, scenario: &str) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains(DONE),
        "scenario {scenario} failed ({:?})\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    eprintln!("{stdout}");
}

#[test]
fn disk_full_keeps_the_file_intact() {
    let Some(()) = common::require(
        "disk_full_keeps_the_file_intact",
        support::namespaces_available(),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = run_child(
        &["unshare", "-Urm"],
        r#"mount -t tmpfs -o size=64k tmpfs "$2" && exec $1"#,
        dir.path(),
        "disk_full",
    );
    assert_passed(&out, "disk_full");
}

#[test]
fn file_size_limit_keeps_the_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    // SIGXFSZ is ignored so the write fails with EFBIG instead of killing the process.
    let out = run_child(
        &["env"],
        r#"trap '' XFSZ; ulimit -f 8 && exec $1"#,
        dir.path(),
        "too_large",
    );
    assert_passed(&out, "too_large");
}

#[test]
fn read_only_file_system_is_reported_and_untouched() {
    let Some(()) = common::require(
        "read_only_file_system_is_reported_and_untouched",
        support::namespaces_available(),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = run_child(
        &["unshare", "-Urm"],
        r#"mount -t tmpfs -o size=1m tmpfs "$2" &&
           PREPDECK_FAULT_SCENARIO=read_only_setup $1 &&
           mount -o remount,ro "$2" &&
           exec $1"#,
        dir.path(),
        "read_only",
    );
    assert_passed(&out, "read_only");
}

/// Issue 12, item 11: `mock` refused to start on a full disk because `mock-setup.toml` could
/// not be saved, although the state file had room. Remembering the setup is a convenience: the
/// interview warns and goes on, and its records are saved. (The state file's last page has room
/// left when the disk fills, so appends fit while a new file cannot be written.)
#[test]
fn a_mock_interview_runs_on_a_full_disk() {
    let Some(()) = common::require(
        "a_mock_interview_runs_on_a_full_disk",
        support::namespaces_available(),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let review = r#"{"v":1,"id":"r1","at":"2026-11-20T10:00:00Z","type":"review","deck":"it-manager","card":"x","grade":"good","took_ms":1500,"mode":"drill"}"#;
    let script = r#"mount -t tmpfs -o size=64k tmpfs "$2" || exit 90
        mkdir "$2/home" && printf '%s\n' "$3" > "$2/home/state.jsonl" || exit 91
        dd if=/dev/zero of="$2/fill" bs=4k 2>/dev/null
        printf 'I would set a budget.\n.\n3\n' | PREPDECK_HOME="$2/home" "$1" --deck it-manager \
            mock --plain --questions 1 --prep 0 --timing soft --no-follow-ups --seed 1
        echo "MOCK-EXIT=$?"
        echo "STATE:"; cat "$2/home/state.jsonl"
        echo "SETUP:"; ls "$2/home""#;
    let out = Command::new("unshare")
        .args([
            "-Urm",
            "sh",
            "-c",
            script,
            "sh",
            env!("CARGO_BIN_EXE_prepdeck"),
        ])
        .arg(dir.path())
        .arg(review)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("MOCK-EXIT=0"),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(
        stderr.contains("warning:")
            && stderr.contains("mock-setup.toml")
            && stderr.contains("the interview goes on"),
        "{stderr}"
    );
    let state = stdout.split("STATE:").nth(1).unwrap_or_default();
    for kind in [
        "mock_started",
        "mock_answered",
        "mock_finished",
        "mock_debriefed",
    ] {
        assert!(
            state.contains(&format!("\"type\":\"{kind}\"")),
            "{kind} missing:\n{stdout}"
        );
    }
    assert!(state.contains("I would set a budget."), "{stdout}");
    let listing = stdout.split("SETUP:").nth(1).unwrap_or_default();
    assert!(!listing.contains("mock-setup.toml"), "{stdout}");
    assert!(!listing.contains(".tmp-"), "a temp file was left: {stdout}");
}

/// The child: runs one scenario inside the faulty environment and panics on any failure.
#[test]
#[ignore = "run by the fault tests in a prepared environment"]
fn fault_child() {
    let (Some(scenario), Some(dir)) = (std::env::var_os(SCENARIO_ENV), std::env::var_os(DIR_ENV))
    else {
        return;
    };
    let dir = PathBuf::from(dir);
    match scenario.to_str().unwrap() {
        "disk_full" => disk_full(&dir),
        "too_large" => fill_until_error(&dir.join("home"), |e| {
            matches!(e, StoreError::FileTooLarge { .. })
        }),
        "read_only_setup" => read_only_setup(&dir),
        "read_only" => read_only(&dir),
        other => panic!("unknown scenario {other}"),
    };
    println!("{DONE}");
}

/// Appends until the first error, which must match `expected`; checks the file is exactly as
/// before the failed append, nothing else is left in the folder, and every record reloads.
fn fill_until_error(home: &Path, expected: fn(&StoreError) -> bool) {
    let path = home.join("state.jsonl");
    let (mut log, _) = StateLog::open(&path).unwrap();
    let mut acked = 0;
    let err = loop {
        let before = fs::read(&path).unwrap();
        match log.append(review(acked), at(acked as i64)) {
            Ok(_) => acked += 1,
            Err(e) => {
                assert_eq!(
                    fs::read(&path).unwrap(),
                    before,
                    "file changed by failed append"
                );
                // A second try fails the same way and still changes nothing.
                assert!(log.append(review(0), at(0)).is_err());
                assert_eq!(fs::read(&path).unwrap(), before);
                break e;
            }
        }
        assert!(acked < 100_000, "the fault never happened");
    };
    assert!(expected(&err), "unexpected error: {err:?}");
    let msg = err.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains("earlier progress is safe"), "{msg}");
    println!("after {acked} appends: {msg}");
    drop(log);
    assert_eq!(listing(home), vec!["state.jsonl"]);
    let (_log, report) = StateLog::open(&path).unwrap();
    assert_eq!(report.records.len() as u64, acked);
    assert!(report.warnings.is_empty());
}

fn disk_full(dir: &Path) {
    let other = dir.join("other/state.jsonl");
    {
        let (mut log, _) = StateLog::open(&other).unwrap();
        for i in 0..8 {
            log.append(review(1000 + i), at(-(i as i64))).unwrap();
        }
    }
    let home = dir.join("home");
    let path = home.join("state.jsonl");
    fill_until_error(&home, |e| matches!(e, StoreError::DiskFull { .. }));
    assert!(
        StateLog::open(&path)
            .and_then(|(mut l, _)| l.append(review(0), at(0)))
            .is_err_and(|e| e.to_string().contains("the disk is full"))
    );

    // Merge appends in one write: all or nothing.
    let before = fs::read(&path).unwrap();
    let err = log::merge(&path, &other).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), before);
    println!("merge: {err}");

    // Repair must copy the file first, which cannot fit: nothing changes, nothing is left.
    let mut file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.seek(SeekFrom::Start(3)).unwrap();
    file.write_all(b"@@@@").unwrap();
    file.sync_all().unwrap();
    let damaged = fs::read(&path).unwrap();
    assert!(matches!(
        StateLog::open(&path),
        Err(StoreError::Corrupt { line: 1, .. })
    ));
    let err = log::repair(&path).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    assert!(err.to_string().contains(".bak-"), "{err}");
    println!("repair: {err}");
    assert_eq!(fs::read(&path).unwrap(), damaged);
    assert_eq!(listing(&home), vec!["state.jsonl"]);
}

fn read_only_setup(dir: &Path) {
    let path = dir.join("home/state.jsonl");
    let (mut log, _) = StateLog::open(&path).unwrap();
    for i in 0..5 {
        log.append(review(i), at(i as i64)).unwrap();
    }
    drop(log);
    // A torn tail too: opening for writing would have to set it aside.
    let mut file = fs::OpenOptions::new().append(true).open(&path).unwrap();
    file.write_all(br#"{"v":1,"id":"#).unwrap();
}

fn read_only(dir: &Path) {
    let home = dir.join("home");
    let path = home.join("state.jsonl");
    let before = fs::read(&path).unwrap();
    let is_read_only = |e: &StoreError| {
        matches!(e, StoreError::ReadOnly { .. }) && e.to_string().contains("read-only")
    };

    let err = StateLog::open(&path).unwrap_err();
    assert!(is_read_only(&err), "{err:?}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    println!("open: {err}");
    let err = log::repair(&path).unwrap_err();
    assert!(is_read_only(&err), "{err:?}");
    let err = log::merge(&path, &path).unwrap_err();
    assert!(is_read_only(&err), "{err:?}");
    let err = StateLog::open(dir.join("new-home/state.jsonl")).unwrap_err();
    assert!(is_read_only(&err), "{err:?}");

    // Reading needs no write access.
    let report = log::read(&path).unwrap();
    assert_eq!(report.records.len(), 5);
    assert!(report.torn.is_some());
    assert_eq!(log::check(&path).unwrap().records, 5);

    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(listing(&home), vec!["state.jsonl"]);
    assert_eq!(listing(dir), vec!["home"]);
}
