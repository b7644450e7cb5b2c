//! `prepdeck drill --practice` through the real binary: cards ahead of schedule, weakest
//! first, recorded as practice that moves no due date (or as reviews with --reschedule), shown
//! in `stats`, and a log with practice records still read by every command.

use assert_cmd::Command;
use std::path::Path;

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home);
    cmd
}

fn records(home: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(home.join("state.jsonl")).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .collect()
}

fn drill(home: &Path, args: &[&str], input: &str) -> String {
    let out = prepdeck(home)
        .args(["--deck", "it-fundamentals", "drill", "--plain"])
        .args(args)
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn cards_json(home: &Path) -> serde_json::Value {
    let out = prepdeck(home)
        .args(["--deck", "it-fundamentals", "cards", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn practice_moves_no_due_date_and_shows_in_stats() {
    let home = tempfile::tempdir().unwrap();
    // Two cards reviewed: one forgotten, one easy.
    drill(home.path(), &["--limit", "2"], "\n1\n\n4\n");
    let before = cards_json(home.path());

    let out = drill(
        home.path(),
        &["--practice", "--limit", "3"],
        "\n3\n\n2\n\nu\n\n4\n",
    );
    assert!(
        out.contains("Practice ahead of schedule, weakest first"),
        "{out}"
    );
    assert!(out.contains("Practice grade (no due date moves)"), "{out}");
    assert!(
        out.contains("recorded: Good as practice; due date unchanged"),
        "{out}"
    );
    assert!(out.contains("Undone: the Hard practice grade."), "{out}");
    // The weakest first: the forgotten card comes before the easy one and the unseen ones.
    let first = records(home.path())
        .into_iter()
        .find(|r| r["type"] == "practice")
        .unwrap();
    let forgotten = records(home.path())
        .into_iter()
        .find(|r| r["type"] == "review" && r["grade"] == "again")
        .unwrap();
    assert_eq!(first["card"], forgotten["card"]);
    assert_eq!(first["v"], 3);

    let practice: Vec<_> = records(home.path())
        .into_iter()
        .filter(|r| r["type"] == "practice")
        .collect();
    assert_eq!(practice.len(), 3, "Good, Hard (undone), Easy");
    // No due date moved, no review was added.
    assert_eq!(cards_json(home.path()), before);

    let stats = prepdeck(home.path())
        .args(["--deck", "it-fundamentals", "stats"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(text.contains("Reviews     2 (2 today)"), "{text}");
    assert!(
        text.contains("Practice    2 answers (2 today), 100% recalled"),
        "{text}"
    );
    let json = prepdeck(home.path())
        .args(["--deck", "it-fundamentals", "stats", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["practice"]["total"], 2);
    assert_eq!(json["reviews_total"], 2);

    // The log, practice records and all, checks clean and reads from the cache again.
    prepdeck(home.path())
        .args(["state", "check"])
        .assert()
        .success();
    let again = prepdeck(home.path())
        .args(["--deck", "it-fundamentals", "stats"])
        .output()
        .unwrap();
    assert_eq!(again.stdout, stats.stdout);
}

#[test]
fn reschedule_counts_as_reviews_and_nothing_left_is_said() {
    let home = tempfile::tempdir().unwrap();
    let out = drill(
        home.path(),
        &["--practice", "--reschedule", "--limit", "1"],
        "\n3\n",
    );
    assert!(out.contains("grades count as reviews"), "{out}");
    assert!(out.contains("recorded: Good; next due"), "{out}");
    let r = records(home.path());
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["type"], "review");

    // Every card suspended or not: a category that does not match is refused first.
    let out = prepdeck(home.path())
        .args(["drill", "--plain", "--practice", "--category", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // --reschedule needs --practice.
    let out = prepdeck(home.path())
        .args(["drill", "--plain", "--reschedule"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let help = prepdeck(home.path())
        .args(["drill", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--practice") && help.contains("--reschedule"),
        "{help}"
    );
}
