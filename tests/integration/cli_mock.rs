//! `prepdeck mock --plain`, `prepdeck history` and `prepdeck report` through the real binary,
//! with a temporary home and answers piped in (instantaneous, so well within time).

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

/// Two cards, each with a follow-up (also `tui_mock_tmux`'s deck).
pub(crate) const DECK: &str = r#"format = 1

[deck]
id = "mini"
title = "Mini deck"

[[category]]
id = "budget"
title = "Budgeting"

[[card]]
id = "forecast"
category = "budget"
kind = "knowledge"
question = "How do you forecast a budget?"
answer = "I start from last year's actuals and adjust for known changes."
follow_ups = ["What if the numbers are wrong?"]

[[card.key_point]]
text = "Starts from actuals"
keywords = ["actuals"]

[[card.key_point]]
text = "Adjusts for known changes"
keywords = ["known changes"]

[[card]]
id = "overspend"
category = "budget"
kind = "behavioral"
question = "Tell me about an overspend you handled."
answer = "At my last job we overspent on licences; I renegotiated and saved 20%."
follow_ups = ["What would you do differently?"]
"#;

fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::write(home.path().join("decks/mini.toml"), DECK).unwrap();
    home
}

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home).env("TZ", "UTC");
    cmd
}

const MOCK: &[&str] = &[
    "--deck",
    "mini",
    "mock",
    "--plain",
    "--questions",
    "2",
    "--prep",
    "0",
    "--answer-seconds",
    "10",
    "--seed",
    "3",
];

/// Answers both questions (whichever comes first) and their follow-ups, then grades.
const ANSWERS: &str = "I use the actuals and known changes.\n.\nI would revisit them.\n.\n\
    At my last job I renegotiated.\n.\nAgain the actuals.\n.\n\n3\n";

#[test]
fn an_interview_is_recorded_listed_and_reported() {
    let home = home();
    let out = prepdeck(home.path())
        .args(MOCK)
        .write_stdin(ANSWERS)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Question 1 of 2")
                .and(predicate::str::contains("Question 2 of 2"))
                .and(predicate::str::contains("Answer time: 10s."))
                .and(predicate::str::contains("Summary\nScore: "))
                .and(predicate::str::contains("Recorded: Good.")),
        )
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();

    let state = std::fs::read_to_string(home.path().join("state.jsonl")).unwrap();
    let types: Vec<String> = state
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["type"].as_str().unwrap().to_string()
        })
        .collect();
    // Each main answer is written when it is submitted, its follow-up's answer apart.
    assert_eq!(
        types[..6],
        [
            "mock_started",
            "mock_answered",
            "mock_follow_up",
            "mock_answered",
            "mock_follow_up",
            "mock_finished"
        ],
        "{state}"
    );
    // Each grade: the review for the scheduler, then the verdict (ticks and grade).
    assert_eq!(
        types[6..],
        ["review", "mock_debriefed", "review", "mock_debriefed"],
        "{types:?}"
    );
    assert!(state.contains(r#""mode":"mock""#), "{state}");
    assert!(
        state.contains("I use the actuals and known changes."),
        "{state}"
    );

    let setup = std::fs::read_to_string(home.path().join("mock-setup.toml")).unwrap();
    assert!(setup.contains("answer_seconds = 10"), "{setup}");
    assert!(
        !setup.contains("seed"),
        "the seed is not remembered: {setup}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(home.path().join("mock-setup.toml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let history = prepdeck(home.path())
        .args(["history", "--json"])
        .output()
        .unwrap();
    assert!(history.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    let row = &rows[0];
    assert_eq!(row["decks"], serde_json::json!(["mini"]));
    assert_eq!(row["questions"], 2);
    assert_eq!(row["answered"], 2);
    assert_eq!(row["completed"], true);
    let id = row["id"].as_str().unwrap().to_string();
    assert!(out.contains(&format!("prepdeck report --id {id}")), "{out}");
    prepdeck(home.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("completed").and(predicate::str::contains(&id)));

    prepdeck(home.path())
        .args(["report", "--last"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("# Mock interview")
                .and(predicate::str::contains(
                    "> I use the actuals and known changes.",
                ))
                .and(predicate::str::contains(
                    "I start from last year's actuals and adjust for known changes.",
                ))
                .and(predicate::str::contains("- Grade: Good"))
                .and(predicate::str::contains("## Summary")),
        );
    // The follow-up's answer, recorded apart, is joined to its main answer: each shown once.
    let report = prepdeck(home.path())
        .args(["report", "--last"])
        .output()
        .unwrap();
    let report = String::from_utf8(report.stdout).unwrap();
    for answer in [
        "I use the actuals and known changes.",
        "I would revisit them.",
    ] {
        assert_eq!(report.matches(answer).count(), 1, "{answer}:\n{report}");
    }
    let json = prepdeck(home.path())
        .args(["report", "--id", &id, "--format", "json"])
        .output()
        .unwrap();
    assert!(json.status.success());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["id"], id.as_str());
    assert_eq!(report["items"].as_array().unwrap().len(), 2);
    assert_eq!(report["items"][0]["limit_ms"], 10_000);

    let file = home.path().join("report.md");
    prepdeck(home.path())
        .args(["report", "-o"])
        .arg(&file)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("## Summary")
    );
    prepdeck(home.path())
        .args(["report", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; pass --force"));
    prepdeck(home.path())
        .args(["report", "--force", "-o"])
        .arg(&file)
        .assert()
        .success();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    prepdeck(home.path())
        .args(["report", "--id", "mock-nope"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no mock interview with id `mock-nope`")
                .and(predicate::str::contains(&id)),
        );
}

/// Issue 11: every tick shows the words that made it, in the line-mode debrief and the report,
/// including a point made only in the follow-up answer (here with nothing typed before it).
#[test]
fn a_tick_from_the_follow_up_answer_shows_its_words() {
    let home = home();
    let out = prepdeck(home.path())
        .args([
            "--deck",
            "mini",
            "mock",
            "--plain",
            "--questions",
            "1",
            "--prep",
            "0",
            "--focus",
            "kind:knowledge",
            "--timing",
            "soft",
        ])
        .write_stdin(
            "I would start from the actuals.\n.\nI would check the known changes again.\n.\n\n",
        )
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let want = "  1. Covered: Starts from actuals\n     matched \"actuals\"\n  \
        2. Covered: Adjusts for known changes\n     matched \"known changes\" in the follow-up answer\n";
    assert!(out.contains(want), "{out}");
    let report = prepdeck(home.path())
        .args(["report", "--last"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report = String::from_utf8(report).unwrap();
    assert!(
        report.contains("    - matched \"known changes\" in the follow-up answer\n"),
        "{report}"
    );
}

#[test]
fn end_of_input_keeps_the_answers_so_far() {
    let home = home();
    prepdeck(home.path())
        .args(MOCK)
        .arg("--no-follow-ups")
        .write_stdin("My only answer, no final dot")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ended early: 1 of 2 questions done",
        ));
    let rows: serde_json::Value = serde_json::from_slice(
        &prepdeck(home.path())
            .args(["history", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(rows[0]["answered"], 1);
    assert_eq!(rows[0]["completed"], false);
}

#[test]
fn a_broken_setup_file_is_a_clear_error() {
    let home = home();
    let file = home.path().join("mock-setup.toml");
    std::fs::write(&file, "questions = \"many\"\n").unwrap();
    prepdeck(home.path())
        .args(MOCK)
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(file.display().to_string())
                .and(predicate::str::contains("line 1"))
                .and(predicate::str::contains("delete it")),
        );
    assert!(!home.path().join("state.jsonl").exists());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "questions = \"many\"\n"
    );
}

#[test]
fn usage_problems_are_explained() {
    let home = home();
    prepdeck(home.path())
        .arg("mock")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("prepdeck mock --plain"));
    prepdeck(home.path())
        .args([
            "mock",
            "--plain",
            "--deck",
            "mini",
            "--focus",
            "category:nope",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no category `nope`").and(predicate::str::contains("budget")),
        );
    prepdeck(home.path())
        .args(["mock", "--plain", "--focus", "hardest"])
        .assert()
        .code(2);
    prepdeck(home.path())
        .args(["history"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No mock interviews yet"));
    prepdeck(home.path())
        .args(["report"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no mock interviews"));
}

#[test]
fn interviews_feed_the_statistics() {
    let home = home();
    prepdeck(home.path())
        .args(MOCK)
        .write_stdin(ANSWERS)
        .assert()
        .success();
    let out = prepdeck(home.path())
        .args(["--deck", "mini", "stats", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let scores = stats["mock_scores"].as_array().unwrap();
    assert_eq!(scores.len(), 1, "{stats}");
    assert_eq!(scores[0]["completed"], true);
    let answered: u64 = stats["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["mock_answers"].as_u64().unwrap_or(0))
        .sum();
    // Only `forecast` has key points; `overspend` has none, so it has no coverage to count.
    assert_eq!(answered, 1, "{stats}");
}

/// The process is killed during a follow-up, after the main answer was submitted (the
/// follow-up was shown: the answer was acknowledged). The answer was saved when submitted:
/// `history` lists the interview as interrupted with that answer ungraded, `report` shows it,
/// and `history grade --accept` grades it later from the shell.
#[test]
fn a_main_answer_outlives_a_kill_during_its_follow_up() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let home = home();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .env("PREPDECK_HOME", home.path())
        .env("TZ", "UTC")
        .args(["--deck", "mini", "mock", "--plain", "--questions", "1"])
        .args(["--prep", "0", "--answer-seconds", "300", "--seed", "3"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"Kept after the kill: I use the actuals.\n.\n")
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    let shown = loop {
        // Generous: a busy machine; the child waits for input meanwhile, never ends by itself.
        match rx.recv_timeout(std::time::Duration::from_secs(120)) {
            Ok(line) => {
                seen.push_str(&line);
                seen.push('\n');
                if line.starts_with("Follow-up:") {
                    break true;
                }
            }
            Err(_) => break false,
        }
    };
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert!(shown, "no follow-up shown:\n{seen}");

    let json = |args: &[&str]| -> serde_json::Value {
        let out = prepdeck(home.path()).args(args).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let rows = json(&["history", "--json"]);
    assert_eq!(rows[0]["answered"], 1, "{rows}");
    assert_eq!(rows[0]["completed"], false, "{rows}");
    assert_eq!(rows[0]["ungraded"], 1, "{rows}");
    let report = prepdeck(home.path())
        .args(["report", "--last"])
        .output()
        .unwrap();
    let report = String::from_utf8(report.stdout).unwrap();
    assert_eq!(
        report
            .matches("Kept after the kill: I use the actuals.")
            .count(),
        1,
        "{report}"
    );
    prepdeck(home.path())
        .args(["history", "grade", "--accept"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Recorded 1 grade;"));
    assert_eq!(json(&["history", "--json"])[0]["ungraded"], 0);
}
