//! The state file's behaviour: open/append/read, locking, damage, torn tails, repair, merge.

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};

use prepdeck::core::record::Record;
use prepdeck::store::StoreError;
use prepdeck::store::log::{self, LineProblem, LoadWarning, StateLog};
use support::{at, listing, review};

fn state_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("home").join("state.jsonl")
}

/// A log with `n` reviews; returns them.
fn log_with(path: &Path, n: u64) -> Vec<Record> {
    let (mut log, _) = StateLog::open(path).unwrap();
    (0..n)
        .map(|i| log.append(review(i), at(i as i64)).unwrap())
        .collect()
}

fn side_files(path: &Path, tag: &str) -> Vec<PathBuf> {
    let prefix = format!("state.jsonl.{tag}-");
    listing(path.parent().unwrap())
        .into_iter()
        .filter(|n| n.starts_with(&prefix))
        .map(|n| path.with_file_name(n))
        .collect()
}

#[test]
fn append_is_durable_and_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    assert_eq!(log::read(&path).unwrap().records, vec![]);
    let written = log_with(&path, 5);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 5);
    assert!(text.ends_with('\n'));
    let (_log, report) = StateLog::open(&path).unwrap();
    assert_eq!(report.records, written);
    assert!(report.warnings.is_empty());
    assert_eq!(log::read(&path).unwrap().records, written);
}

#[cfg(unix)]
#[test]
fn creates_private_folders_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a").join("b").join("state.jsonl");
    let _ = StateLog::open(&path).unwrap();
    assert_eq!(support::mode(&path), 0o600);
    assert_eq!(support::mode(path.parent().unwrap()), 0o700);
    assert_eq!(support::mode(&dir.path().join("a")), 0o700);
}

#[test]
fn second_writer_is_locked_out_but_readers_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    let (mut first, _) = StateLog::open(&path).unwrap();
    first.append(review(1), at(1)).unwrap();

    let err = StateLog::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("another prepdeck is using"), "{msg}");
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(matches!(log::repair(&path), Err(StoreError::Locked { .. })));
    assert_eq!(log::read(&path).unwrap().records.len(), 1);
    assert!(log::check(&path).unwrap().is_healthy());

    drop(first);
    let (_again, report) = StateLog::open(&path).unwrap();
    assert_eq!(report.records.len(), 1);
}

#[test]
fn damage_in_the_middle_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    log_with(&path, 3);
    let mut lines: Vec<String> = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    lines.insert(1, "{\"v\":1,\"id\":\"x\",garbage".into());
    // A torn tail as well: it must not be set aside while the file is refused.
    let damaged = format!("{}\n{{\"v\":1,\"id", lines.join("\n"));
    fs::write(&path, &damaged).unwrap();

    for err in [
        StateLog::open(&path).unwrap_err(),
        log::read(&path).unwrap_err(),
    ] {
        match &err {
            StoreError::Corrupt { line, path: p, .. } => {
                assert_eq!(*line, 2);
                assert_eq!(p, &path);
            }
            other => panic!("expected Corrupt, got {other:?}"),
        }
        let msg = err.to_string();
        assert!(msg.contains("line 2"), "{msg}");
        assert!(msg.contains("prepdeck state repair"), "{msg}");
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), damaged);
    assert_eq!(listing(path.parent().unwrap()), vec!["state.jsonl"]);
}

#[test]
fn unknown_record_type_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    log_with(&path, 1);
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("{\"v\":1,\"id\":\"t\",\"at\":\"2026-01-01T00:00:00Z\",\"type\":\"teleport\"}\n");
    fs::write(&path, &text).unwrap();
    let err = StateLog::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { line: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("teleport"), "{err}");
}

#[test]
fn newer_format_is_refused_even_by_repair() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    log_with(&path, 2);
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("{\"v\":9,\"id\":\"n\",\"at\":\"2030-01-01T00:00:00Z\",\"type\":\"hologram\"}\n");
    fs::write(&path, &text).unwrap();

    let err = StateLog::open(&path).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NewerFormat {
                line: 3,
                version: 9,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("update prepdeck"), "{err}");
    assert!(matches!(
        log::read(&path),
        Err(StoreError::NewerFormat { .. })
    ));
    assert!(matches!(
        log::repair(&path),
        Err(StoreError::NewerFormat { .. })
    ));
    let report = log::check(&path).unwrap();
    assert!(report.needs_newer_prepdeck());
    assert!(report.to_string().contains("Update prepdeck"), "{report}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(listing(path.parent().unwrap()), vec!["state.jsonl"]);
}

#[test]
fn torn_tail_is_set_aside_and_appends_continue() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    let mut written = log_with(&path, 3);
    let good = fs::read(&path).unwrap();
    let torn = br#"{"v":1,"id":"0190","at":"2026-03-0"#;
    let mut bytes = good.clone();
    bytes.extend_from_slice(torn);
    fs::write(&path, &bytes).unwrap();

    // A reader only reports it.
    let report = log::read(&path).unwrap();
    assert_eq!(report.records, written);
    let t = report.torn.unwrap();
    assert_eq!(
        (t.line, t.bytes.as_slice(), t.set_aside),
        (4, &torn[..], None)
    );
    assert_eq!(fs::read(&path).unwrap(), bytes);

    // The writer sets it aside and cuts it off.
    let (mut log, report) = StateLog::open(&path).unwrap();
    assert_eq!(report.records, written);
    let side = report.torn.unwrap().set_aside.unwrap();
    assert_eq!(fs::read(&side).unwrap(), torn);
    #[cfg(unix)]
    assert_eq!(support::mode(&side), 0o600);
    assert!(matches!(report.warnings[0], LoadWarning::TornTail(_)));
    assert!(report.warnings[0].to_string().contains("moved to"));
    assert_eq!(fs::read(&path).unwrap(), good);

    written.push(log.append(review(9), at(9)).unwrap());
    drop(log);
    let (_log, report) = StateLog::open(&path).unwrap();
    assert_eq!(report.records, written);
    assert!(report.torn.is_none());
    assert_eq!(side_files(&path, "torn"), vec![side]);
}

#[test]
fn whole_last_record_without_newline_gets_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    let mut written = log_with(&path, 2);
    let mut bytes = fs::read(&path).unwrap();
    bytes.pop();
    fs::write(&path, &bytes).unwrap();

    let (mut log, report) = StateLog::open(&path).unwrap();
    assert_eq!(report.records, written);
    assert!(report.torn.is_none());
    written.push(log.append(review(5), at(5)).unwrap());
    drop(log);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert_eq!(StateLog::open(&path).unwrap().1.records, written);
}

#[test]
fn duplicate_ids_keep_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    let written = log_with(&path, 2);
    let text = fs::read_to_string(&path).unwrap();
    let first = text.lines().next().unwrap().replace("1000", "7777");
    fs::write(&path, format!("{text}{first}\n")).unwrap();
    let (_log, report) = StateLog::open(&path).unwrap();
    assert_eq!(report.records, written);
    assert!(matches!(
        &report.warnings[..],
        [LoadWarning::DuplicateId(d)] if d.line == 3 && d.first_line == 1
    ));
}

#[test]
fn check_lists_every_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    assert!(!log::check(&path).unwrap().exists);
    log_with(&path, 3);
    let mut lines: Vec<String> = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    lines.insert(1, "not json".into());
    lines.insert(3, "{\"v\":1}".into());
    fs::write(&path, format!("{}\n{{\"v\":1,", lines.join("\n"))).unwrap();

    let report = log::check(&path).unwrap();
    assert_eq!(report.records, 3);
    let bad: Vec<usize> = report.bad_lines.iter().map(|b| b.line).collect();
    assert_eq!(bad, vec![2, 4]);
    assert!(matches!(
        report.bad_lines[0].problem,
        LineProblem::NotJson { .. }
    ));
    assert!(matches!(
        report.bad_lines[1].problem,
        LineProblem::NotRecord { .. }
    ));
    assert_eq!(report.torn.as_ref().unwrap().line, 6);
    assert!(!report.is_healthy());
    let shown = report.to_string();
    assert!(shown.contains("line 2: not valid JSON"), "{shown}");
    assert!(shown.contains("line 4: not a prepdeck record"), "{shown}");
    assert!(shown.contains("prepdeck state repair"), "{shown}");
}

#[test]
fn repair_keeps_a_backup_and_every_readable_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    let written = log_with(&path, 4);
    let mut lines: Vec<String> = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    lines.insert(2, "#### scribble ####".into());
    let damaged = format!("{}\n{}\n{{\"v\":1,\"i", lines.join("\n"), lines[0]);
    fs::write(&path, &damaged).unwrap();

    let report = log::repair(&path).unwrap();
    assert!(report.changed);
    assert_eq!(report.records_kept, 4);
    assert_eq!(report.duplicates_dropped, 1);
    assert_eq!(report.rejected_lines, vec![3, 7]);
    let backup = report.backup.clone().unwrap();
    assert_eq!(fs::read_to_string(&backup).unwrap(), damaged);
    assert_eq!(
        fs::read_to_string(report.rejected.as_ref().unwrap()).unwrap(),
        "#### scribble ####\n{\"v\":1,\"i\n"
    );
    #[cfg(unix)]
    for side in [&backup, report.rejected.as_ref().unwrap(), &path] {
        assert_eq!(support::mode(side), 0o600, "{}", side.display());
    }
    assert!(
        report.to_string().contains("original is kept as"),
        "{report}"
    );

    let (_log, load) = StateLog::open(&path).unwrap();
    assert_eq!(load.records, written);
    assert!(load.warnings.is_empty());
    // No temporary files are left beside it.
    assert_eq!(listing(path.parent().unwrap()).len(), 3);

    drop(_log);
    let again = log::repair(&path).unwrap();
    assert!(!again.changed);
    assert!(again.backup.is_none());
}

#[test]
fn append_records_skips_known_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_in(&dir);
    let written = log_with(&path, 2);
    let (mut log, _) = StateLog::open(&path).unwrap();
    assert_eq!(log.append_records(&written).unwrap(), 0);
    assert_eq!(log.record_count(), 2);
}
