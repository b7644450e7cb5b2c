//! `prepdeck state ...`, `prepdeck cards` and `prepdeck config` through the real binary.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home);
    cmd
}

const TWO_REVIEWS: &str = concat!(
    r#"{"v":1,"id":"r1","at":"2026-11-20T10:00:00Z","type":"review","deck":"it-fundamentals","card":"continuity-rto-vs-rpo","grade":"good","took_ms":1500,"mode":"drill"}"#,
    "\n",
    r#"{"v":1,"id":"r2","at":"2026-11-20T10:00:10Z","type":"review","deck":"old-deck","card":"gone","grade":"again","took_ms":900,"mode":"drill"}"#,
    "\n"
);

#[test]
fn path_check_and_orphans() {
    let home = tempfile::tempdir().unwrap();
    prepdeck(home.path())
        .args(["state", "path"])
        .assert()
        .success()
        .stdout(format!("{}\n", home.path().join("state.jsonl").display()));
    std::fs::write(home.path().join("state.jsonl"), TWO_REVIEWS).unwrap();
    prepdeck(home.path())
        .args(["state", "check"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("2 records, no problems found")
                .and(predicate::str::contains("old-deck/gone")),
        );
}

#[test]
fn a_torn_line_fails_check_and_repair_keeps_a_backup() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state.jsonl");
    std::fs::write(&state, format!("{TWO_REVIEWS}{{\"v\":1,\"id\":\"r3\"")).unwrap();
    prepdeck(home.path())
        .args(["state", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("line 3"));
    prepdeck(home.path())
        .args(["state", "repair"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&state).unwrap(), TWO_REVIEWS);
    let backups = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("state.jsonl.bak-")
        })
        .count();
    assert_eq!(backups, 1);
    prepdeck(home.path())
        .args(["state", "check"])
        .assert()
        .success();
}

#[test]
fn corrupt_middle_is_refused_and_never_rewritten() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state.jsonl");
    let text = TWO_REVIEWS.replacen("\n", "\ngarbage here\n", 1);
    std::fs::write(&state, &text).unwrap();
    prepdeck(home.path())
        .args(["cards", "--json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("state.jsonl").and(predicate::str::contains("line 2")));
    assert_eq!(std::fs::read_to_string(&state).unwrap(), text);
}

#[test]
fn merge_twice_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let other = home.path().join("other.jsonl");
    std::fs::write(&other, TWO_REVIEWS).unwrap();
    prepdeck(home.path())
        .args(["state", "merge"])
        .arg(&other)
        .assert()
        .success();
    let once = std::fs::read_to_string(home.path().join("state.jsonl")).unwrap();
    prepdeck(home.path())
        .args(["state", "merge"])
        .arg(&other)
        .assert()
        .success();
    let twice = std::fs::read_to_string(home.path().join("state.jsonl")).unwrap();
    assert_eq!(once, twice);
    assert_eq!(once.lines().count(), 2);
}

#[test]
fn cards_json_has_the_scheduling_fields() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("state.jsonl"), TWO_REVIEWS).unwrap();
    let out = prepdeck(home.path())
        .args([
            "cards",
            "--deck",
            "it-fundamentals",
            "--category",
            "continuity",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(
        rows.iter()
            .all(|r| r["deck"] == "it-fundamentals" && r["category"] == "continuity")
    );
    let reviewed = rows
        .iter()
        .find(|r| r["id"] == "continuity-rto-vs-rpo")
        .unwrap();
    assert_eq!(reviewed["state"], "learning");
    assert_eq!(reviewed["reps"], 1);
    assert_eq!(reviewed["due"], "2026-11-20T10:10:00Z");
    assert_eq!(reviewed["last_review"], "2026-11-20T10:00:00Z");
    assert!(reviewed["stability"].as_f64().unwrap() > 0.0);
    for key in ["difficulty", "lapses", "leech"] {
        assert!(reviewed.get(key).is_some(), "missing {key}");
    }
    let fresh = rows
        .iter()
        .find(|r| r["id"] != "continuity-rto-vs-rpo")
        .unwrap();
    assert_eq!(fresh["state"], "new");
    assert!(fresh["due"].is_null());
    prepdeck(home.path())
        .args(["cards", "--category", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no category `nope`"));
}

#[test]
fn config_shows_defaults_and_names_bad_keys() {
    let home = tempfile::tempdir().unwrap();
    prepdeck(home.path())
        .arg("config")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("desired_retention = 0.9")
                .and(predicate::str::contains("day_starts_at = 4")),
        );
    std::fs::write(
        home.path().join("config.toml"),
        "[scheduler]\nnew_per_day = \"ten\"\n",
    )
    .unwrap();
    prepdeck(home.path()).arg("config").assert().code(1).stderr(
        predicate::str::contains("config.toml:2")
            .and(predicate::str::contains("scheduler.new_per_day")),
    );
}

#[test]
fn export_progress_as_json_and_csv() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("state.jsonl"), TWO_REVIEWS).unwrap();
    let out = prepdeck(home.path())
        .args([
            "--deck",
            "it-fundamentals",
            "export",
            "progress",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cards = v["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 64);
    let rto = cards
        .iter()
        .find(|c| c["id"] == "continuity-rto-vs-rpo")
        .unwrap();
    assert_eq!(rto["state"], "learning");
    // The filter keeps the review log to the chosen deck: the orphan's review is left out.
    let reviews = v["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["grade"], "good");

    let csv = prepdeck(home.path())
        .args(["export", "progress", "--format", "csv", "--reviews"])
        .output()
        .unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id,at,deck,card,grade,took_ms,mode");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[2].starts_with("r2,2026-11-20T10:00:10.000Z,old-deck,gone,again,900,drill"));

    let cards_csv = prepdeck(home.path())
        .args(["export", "progress", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(cards_csv.stdout).unwrap();
    assert!(text.starts_with("deck,id,category,kind,question,state,due,"));
    // One row per card of every loaded deck (the built-in ones here), plus the header.
    let builtin: usize = prepdeck::store::decks::BUILTIN
        .iter()
        .map(|(name, text)| {
            prepdeck::store::decks::load_builtin(name, text)
                .unwrap()
                .cards
                .len()
        })
        .sum();
    assert_eq!(text.lines().count(), 1 + builtin);

    let file = home.path().join("progress.json");
    prepdeck(home.path())
        .args(["export", "progress", "-o"])
        .arg(&file)
        .assert()
        .success();
    prepdeck(home.path())
        .args(["export", "progress", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn suspend_and_unsuspend_from_the_shell() {
    let home = tempfile::tempdir().unwrap();
    let key = "it-fundamentals/continuity-rto-vs-rpo";
    let state_of = |home: &Path| -> String {
        let out = prepdeck(home)
            .args(["--deck", "it-fundamentals", "cards", "--json"])
            .output()
            .unwrap();
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "continuity-rto-vs-rpo")
            .unwrap()["state"]
            .as_str()
            .unwrap()
            .to_string()
    };
    prepdeck(home.path())
        .args(["cards", "suspend", key])
        .assert()
        .success();
    assert_eq!(state_of(home.path()), "suspended");
    prepdeck(home.path())
        .args(["cards", "unsuspend", key])
        .assert()
        .success();
    assert_eq!(state_of(home.path()), "new");
    prepdeck(home.path())
        .args(["cards", "suspend", "no-slash"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not DECK/CARD"));
    prepdeck(home.path())
        .args(["cards", "unsuspend"])
        .assert()
        .code(2);
}

#[test]
fn a_torn_tail_set_aside_is_reported_with_the_file_by_every_command() {
    let torn = format!("{TWO_REVIEWS}{{\"v\":1,\"id\":\"r3\",\"at\"");
    let key = "it-fundamentals/continuity-rto-vs-rpo";
    let other = tempfile::tempdir().unwrap();
    let other_file = other.path().join("other.jsonl");
    std::fs::write(&other_file, TWO_REVIEWS).unwrap();
    let commands: Vec<Vec<String>> = vec![
        vec!["cards".into(), "suspend".into(), key.into()],
        vec![
            "state".into(),
            "merge".into(),
            other_file.display().to_string(),
        ],
        vec!["cards".into()],
        vec!["history".into()],
    ];
    for args in commands {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("state.jsonl");
        std::fs::write(&state, &torn).unwrap();
        prepdeck(home.path()).args(&args).assert().success().stderr(
            predicate::str::contains(format!("warning: {}: line 3", state.display()))
                .and(predicate::str::contains("unfinished record")),
        );
    }
}

#[test]
fn an_unknown_deck_id_is_bad_usage_everywhere() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        &["history"][..],
        &["report", "--last"][..],
        &["stats"][..],
        &["cards"][..],
    ] {
        prepdeck(home.path())
            .args(["--deck", "nope"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no deck with id `nope`"));
    }
}

#[test]
fn check_reports_a_broken_config() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("state.jsonl"), TWO_REVIEWS).unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        "[scheduler]\nnew_per_day = \"ten\"\n",
    )
    .unwrap();
    prepdeck(home.path())
        .args(["state", "check"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("config file is invalid")
                .and(predicate::str::contains("config.toml:2"))
                .and(predicate::str::contains("old-deck/gone")),
        );
}

#[test]
fn merging_a_file_that_does_not_exist_says_so_once() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("nowhere.jsonl");
    prepdeck(home.path())
        .args(["state", "merge"])
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "could not read {}: no such file",
            missing.display()
        )))
        .stderr(predicate::str::contains("entity not found").not());
}
