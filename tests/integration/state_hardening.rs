//! Regression tests for the hardening round (issue 12), through the real binary: a repair racing
//! a writer, newer-format and out-of-range records, hostile paths around the state file.

use crate::common;
use crate::support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command as Cmd;
use predicates::prelude::*;

fn prepdeck(home: &Path) -> Cmd {
    let mut cmd = Cmd::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home);
    cmd
}

const REVIEW_1: &str = r#"{"v":1,"id":"r1","at":"2026-11-20T10:00:00Z","type":"review","deck":"it-fundamentals","card":"continuity-rto-vs-rpo","grade":"good","took_ms":1500,"mode":"drill"}"#;
const REVIEW_2: &str = r#"{"v":1,"id":"r2","at":"2026-11-20T10:00:10Z","type":"review","deck":"it-fundamentals","card":"continuity-rto-vs-rpo","grade":"again","took_ms":900,"mode":"drill"}"#;

fn reviews_in(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(r#""type":"review""#))
        .count()
}

/// The pid of the first child of `pid` (strace's tracee), once there is one.
fn child_of(pid: u32) -> Option<u32> {
    let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).ok()?;
    children.split_whitespace().next()?.parse().ok()
}

/// Whether process `pid` has `path` open.
fn has_open(pid: u32, path: &Path) -> bool {
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.filter_map(Result::ok)
        .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|p| p == path))
}

/// Issue 12, item 1: a writer opens `state.jsonl`, a repair renames a new file over it, then the
/// writer takes the lock (strace delays its `flock` by two seconds to hold that window open).
/// The writer must notice it locked a replaced file and open the new one: every review it
/// acknowledges is then in the file at the path.
#[test]
fn a_writer_that_locks_after_a_repair_writes_to_the_repaired_file() {
    if let Err(why) = support::strace_available() {
        return common::cannot_run(
            "a_writer_that_locks_after_a_repair_writes_to_the_repaired_file",
            &why,
        );
    }
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state.jsonl");
    // A repeated id: `state repair` has something to rewrite.
    std::fs::write(&state, format!("{REVIEW_1}\n{REVIEW_2}\n{REVIEW_1}\n")).unwrap();
    let state = state.canonicalize().unwrap();

    let mut strace = Command::new("strace")
        .args([
            "-f",
            "-o",
            "/dev/null",
            "-e",
            "inject=flock:delay_enter=2000000",
        ])
        .arg(env!("CARGO_BIN_EXE_prepdeck"))
        .args([
            "--deck",
            "it-fundamentals",
            "drill",
            "--plain",
            "--limit",
            "2",
        ])
        .env("PREPDECK_HOME", home.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the drill has the log open: its next call is the (delayed) flock.
    let started = Instant::now();
    loop {
        if let Some(pid) = child_of(strace.id())
            && has_open(pid, &state)
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the drill never opened {}",
            state.display()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    prepdeck(home.path())
        .args(["state", "repair"])
        .assert()
        .success()
        .stdout(predicate::str::contains("dropped 1 duplicate"));

    let mut stdin = strace.stdin.take().unwrap();
    stdin.write_all(b"\n3\n\n3\n").unwrap();
    drop(stdin);
    let out = strace.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let acknowledged = stdout.matches("recorded: ").count();
    assert_eq!(acknowledged, 2, "{stdout}");
    assert_eq!(
        reviews_in(&state),
        2 + acknowledged,
        "every acknowledged review is in the file at the path"
    );
}

/// Issue 12, item 2: a newer `"v"` (one past the format this build writes) on an otherwise
/// plain review line (the fast reader's kind of line) is a newer format for every command,
/// exactly like the same line with an extra key. (The reproduction used `"v":2`; formats 2 and
/// 3 exist now, so the version is taken from the build.)
#[test]
fn a_newer_format_plain_line_is_refused_everywhere() {
    let v = prepdeck::core::record::RECORD_FORMAT + 1;
    let newer = REVIEW_2.replace(r#""v":1"#, &format!(r#""v":{v}"#));
    let newer_extra = newer.replace(r#""mode""#, r#""new_field":1,"mode""#);
    for line in [newer, newer_extra] {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("state.jsonl");
        let text = format!("{REVIEW_1}\n{line}\n");
        std::fs::write(&state, &text).unwrap();
        prepdeck(home.path())
            .args(["state", "check"])
            .assert()
            .code(1)
            .stdout(predicate::str::contains(format!(
                "line 2: record format {v} is newer"
            )));
        prepdeck(home.path())
            .args([
                "--deck",
                "it-fundamentals",
                "drill",
                "--plain",
                "--limit",
                "1",
            ])
            .write_stdin("\n3\n")
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "line 2 uses record format {v}"
            )));
        prepdeck(home.path())
            .args(["state", "repair"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("newer than this prepdeck"));
        assert_eq!(std::fs::read_to_string(&state).unwrap(), text);

        // Merging such a file copies nothing.
        let other = tempfile::tempdir().unwrap();
        prepdeck(other.path())
            .args(["state", "merge"])
            .arg(&state)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!("record format {v}")));
        assert!(!other.path().join("state.jsonl").exists());
    }
}

/// Issue 12, item 4: one record at the end of chrono's range panicked every command. Now it is
/// a damaged line: reported with its line, refused by commands that replay, set aside by repair.
#[test]
fn an_out_of_range_timestamp_is_reported_and_repaired_never_a_panic() {
    for (field, bad) in [
        (
            "at",
            REVIEW_2.replace("2026-11-20T10:00:10Z", "+262142-12-31T23:59:59Z"),
        ),
        (
            "at",
            REVIEW_2.replace("2026-11-20T10:00:10Z", "-262143-01-01T00:00:00Z"),
        ),
        (
            "until",
            r#"{"v":1,"id":"b","at":"2026-11-20T10:00:10Z","type":"bury","deck":"it-fundamentals","card":"continuity-rto-vs-rpo","until":"+262142-12-31T23:59:59Z"}"#.to_string(),
        ),
    ] {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("state.jsonl");
        std::fs::write(&state, format!("{REVIEW_1}\n{bad}\n")).unwrap();
        let outside = format!("line 2: not a prepdeck record (`{field}` is");
        prepdeck(home.path())
            .args(["state", "check"])
            .assert()
            .code(1)
            .stdout(predicate::str::contains(outside.as_str()));
        for args in [
            &["stats"][..],
            &["cards"],
            &["--deck", "it-fundamentals", "drill", "--plain", "--limit", "1"],
            &["export", "progress"],
            &["history"],
        ] {
            prepdeck(home.path())
                .args(args)
                .write_stdin("\n3\n")
                .assert()
                .code(1)
                .stderr(
                    predicate::str::contains("damaged at line 2")
                        .and(predicate::str::contains("outside the years 1970 to 9999")),
                );
        }
        prepdeck(home.path())
            .args(["state", "repair"])
            .assert()
            .success()
            .stdout(predicate::str::contains("set aside unreadable line(s) 2"));
        assert_eq!(
            std::fs::read_to_string(&state).unwrap(),
            format!("{REVIEW_1}\n")
        );
        let rejected: Vec<PathBuf> = std::fs::read_dir(home.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().contains(".rejected-"))
            .collect();
        assert_eq!(rejected.len(), 1);
        assert_eq!(
            std::fs::read_to_string(&rejected[0]).unwrap(),
            format!("{bad}\n")
        );
        prepdeck(home.path()).args(["stats"]).assert().success();
    }
}

/// Issue 12, item 3: with `state.jsonl` a symlink (to a synced folder, say), repair writes the
/// link's target and the link stays; an export never writes over the state file's copies
/// through the link.
#[cfg(unix)]
#[test]
fn a_symlinked_state_file_is_repaired_in_place_and_protected_from_exports() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("real.jsonl");
    std::fs::write(&real, format!("{REVIEW_1}\n{REVIEW_2}\n{REVIEW_1}\n")).unwrap();
    let link = home.path().join("state.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    prepdeck(home.path())
        .args(["state", "repair"])
        .assert()
        .success()
        .stdout(predicate::str::contains("dropped 1 duplicate"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(
        std::fs::read_to_string(&real).unwrap(),
        format!("{REVIEW_1}\n{REVIEW_2}\n"),
        "the target holds the repaired log"
    );
    let backup = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("state.jsonl.bak-"))
        .expect("a backup beside the link");
    let backup_bytes = std::fs::read(&backup).unwrap();
    for target in [
        backup.clone(),
        link.clone(),
        real.clone(),
        elsewhere.path().join("real.jsonl.bak-1"),
    ] {
        prepdeck(home.path())
            .args(["export", "progress", "--force", "-o"])
            .arg(&target)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("refusing to write"));
    }
    assert_eq!(std::fs::read(&backup).unwrap(), backup_bytes);
    assert!(!elsewhere.path().join("real.jsonl.bak-1").exists());
}

/// Issue 12, item 9: an output path through a missing folder and `..` is resolved before any
/// folder is created, so it cannot reach prepdeck's own files; `decks new` is checked the same.
#[test]
fn output_paths_are_resolved_before_anything_is_created() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("state.jsonl"), format!("{REVIEW_1}\n")).unwrap();
    let sneaky = home.path().join("nonexist").join("..").join("config.toml");
    prepdeck(home.path())
        .args(["export", "progress", "--format", "csv", "-o"])
        .arg(&sneaky)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("prepdeck's config file"));
    assert!(!home.path().join("nonexist").exists(), "no folder created");
    assert!(!home.path().join("config.toml").exists());
    prepdeck(home.path()).args(["stats"]).assert().success();

    let missing_state = tempfile::tempdir().unwrap();
    for (home, name, what) in [
        (home.path(), "config.toml", "config file"),
        (missing_state.path(), "state.jsonl", "state file"),
        (home.path(), "mock-setup.toml", "mock-interview setup"),
    ] {
        prepdeck(home)
            .args(["decks", "new"])
            .arg(home.join("x").join("..").join(name))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(what));
        assert!(!home.join(name).exists(), "{name} was not written");
        assert!(!home.join("x").exists());
    }
    assert!(!missing_state.path().join("state.jsonl").exists());
    // An output never creates a folder (a mistyped path must not leave folders behind):
    // `export`, `report` and `target brief` refuse a missing one and say which.
    let out = home.path().join("new-folder").join("progress.csv");
    prepdeck(home.path())
        .args(["export", "progress", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("new-folder does not exist")
                .and(predicate::str::contains("create the folder first")),
        );
    assert!(!home.path().join("new-folder").exists());
    // Into a folder that exists, it works.
    let out = home.path().join("progress.csv");
    prepdeck(home.path())
        .args(["export", "progress", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(out.is_file());
}

/// Issue 12, item 5: a device or a FIFO where prepdeck reads never hangs it or fills memory.
#[cfg(unix)]
#[test]
fn merge_from_a_device_or_a_fifo_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("other.jsonl");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (other, kind) in [
        (PathBuf::from("/dev/zero"), "a device"),
        (fifo, "a named pipe (FIFO)"),
    ] {
        prepdeck(home.path())
            .args(["state", "merge"])
            .arg(&other)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "it is {kind}, not a regular file"
            )));
    }
    assert!(!home.path().join("state.jsonl").exists());
}

/// Issue 12, item 8: JSON outputs carried raw C1 controls (U+009B CSI, U+009D OSC, U+009C)
/// from decks and the state file. Every JSON writer strips them (with the escape sequence they
/// start), as every other output does, so a consumer that decodes the JSON and prints a value
/// gets no control character either.
#[test]
fn json_outputs_strip_every_control_character() {
    let home = tempfile::tempdir().unwrap();
    let evil = "x\u{9b}31m\u{9d}0;pwn\u{9c}\u{7f}";
    let deck = format!(
        "format = 1\n[deck]\nid = \"mine\"\ntitle = \"T {evil}\"\n[[category]]\nid = \"c\"\ntitle = \"C\"\n\
         [[card]]\nid = \"one\"\ncategory = \"c\"\nkind = \"technical\"\nquestion = \"Q {evil}\"\nanswer = \"A\"\n"
    );
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::write(home.path().join("decks/mine.toml"), deck).unwrap();
    let interview = format!("mock-{evil}");
    let lines = [
        REVIEW_1.replace("continuity-rto-vs-rpo", &format!("card-{evil}")),
        format!(
            r#"{{"v":1,"id":"m1","at":"2026-11-22T08:43:59.624Z","type":"mock_started","interview":"{interview}","setup":{{"questions":1,"focus":"mixed","prep_seconds":0,"follow_ups":true,"follow_up_seconds":60,"mode":"typed","timing":"strict","seed":7,"decks":["mine"],"answer_seconds":10}},"questions":[{{"deck":"mine","card":"one"}}]}}"#
        ),
        format!(
            r#"{{"v":1,"id":"m2","at":"2026-11-22T08:44:41.102Z","type":"mock_answered","interview":"{interview}","index":0,"card":{{"deck":"mine","card":"one"}},"answer":"I {evil}","follow_up_answer":null,"answer_ms":8100,"overtime_ms":0,"follow_up_ms":null,"follow_up_overtime_ms":0,"paused_ms":0,"skipped":false,"coverage":[],"grade":"hard"}}"#
        ),
        format!(
            r#"{{"v":1,"id":"m3","at":"2026-11-22T08:44:41.102Z","type":"mock_finished","interview":"{interview}","score":62,"completed":true}}"#
        ),
    ];
    std::fs::write(home.path().join("state.jsonl"), lines.join("\n") + "\n").unwrap();
    for args in [
        &["decks", "list", "--json"][..],
        &["cards", "--json"],
        &["history", "--json"],
        &["report", "--format", "json"],
        &["stats", "--json"],
        &["export", "progress"],
    ] {
        let out = prepdeck(home.path()).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let raw: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && *c != '\n')
            .collect();
        assert!(raw.is_empty(), "{args:?} printed raw controls {raw:?}");
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }
    let out = prepdeck(home.path())
        .args(["export", "progress"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("card-x"), "{text}");
    assert!(
        !text.contains("\\u00") && !text.contains("31m") && !text.contains("pwn"),
        "{text}"
    );
}

/// Issue 12, item 6: one record dated far ahead (merged from a device with a wrong clock) made
/// every grade replay the whole log. A grade now updates its own card only: what each further
/// grade costs is about the same with or without such a record.
#[test]
fn a_future_dated_record_does_not_make_every_grade_replay_the_log() {
    const REVIEWS: usize = 20_000;
    const GRADES: usize = 21;
    let mut log = String::with_capacity(REVIEWS * 160);
    for i in 0..REVIEWS {
        log.push_str(&format!(
            r#"{{"v":1,"id":"{i:012x}-0000000000000000","at":"2026-01-01T00:00:00.{:03}Z","type":"review","deck":"old","card":"c{}","grade":"good","took_ms":1000,"mode":"drill"}}"#,
            i % 1000,
            i % 500
        ));
        log.push('\n');
    }
    let future = r#"{"v":1,"id":"ffffffffffff-0000000000000000","at":"2099-01-01T00:00:00Z","type":"review","deck":"old","card":"c1","grade":"good","took_ms":1000,"mode":"drill"}"#;
    let drill = |with_future: bool, grades: usize| {
        let home = tempfile::tempdir().unwrap();
        let mut text = log.clone();
        if with_future {
            text.push_str(future);
            text.push('\n');
        }
        std::fs::write(home.path().join("state.jsonl"), text).unwrap();
        std::fs::write(
            home.path().join("config.toml"),
            "[scheduler]\nnew_per_day = 100\n",
        )
        .unwrap();
        let (out, cpu) = support::output_and_cpu(
            Command::new(env!("CARGO_BIN_EXE_prepdeck"))
                .env("PREPDECK_HOME", home.path())
                .args(["--deck", "it-fundamentals", "drill", "--plain", "--limit"])
                .arg(grades.to_string()),
            "\n3\n".repeat(grades).as_bytes(),
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{stdout}");
        assert_eq!(stdout.matches("recorded: ").count(), grades, "{stdout}");
        cpu
    };
    // What the grades after the first cost in CPU time (not wall-clock time: on a busy machine
    // another process may take the CPU away for seconds), the best of two runs each.
    let extra = |with_future: bool| {
        let mut best = (Duration::MAX, Duration::MAX);
        for _ in 0..2 {
            best.0 = best.0.min(drill(with_future, 1));
            best.1 = best.1.min(drill(with_future, GRADES));
        }
        best.1.saturating_sub(best.0)
    };
    let (plain, ahead) = (extra(false), extra(true));
    eprintln!(
        "{} more grades: {plain:?} of CPU without, {ahead:?} with a future-dated record",
        GRADES - 1
    );
    // Replaying the 20,000 records at each grade added about four seconds of CPU here (debug
    // build); now about nothing.
    assert!(
        ahead < plain + Duration::from_secs(1),
        "{} more grades took {ahead:?} with a future-dated record, {plain:?} without",
        GRADES - 1
    );
}
