//! Ungraded interviews through the real binary: `history` marks them, `history grade` grades
//! them later (prompted or by flags), and what the debrief showed is what `report`, `history`
//! and `stats` use.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

const DECK: &str = r#"format = 1

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

[[card.key_point]]
text = "Starts from actuals"
keywords = ["actuals"]

[[card.key_point]]
text = "Adjusts for known changes"
keywords = ["known changes"]
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
    "1",
    "--prep",
    "0",
    "--answer-seconds",
    "60",
    "--no-follow-ups",
];

fn state(home: &Path) -> String {
    std::fs::read_to_string(home.join("state.jsonl")).unwrap()
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn an_interview_left_ungraded_is_marked_and_graded_later_with_flags() {
    let home = home();
    // "-" leaves the only question ungraded: the end of the debrief says so.
    prepdeck(home.path())
        .args(MOCK)
        .write_stdin("I start from the actuals.\n.\n-\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1 of 1 question not graded: the scheduler has not heard of it",
        ))
        .stdout(predicate::str::contains("prepdeck history grade mock-"));
    assert_eq!(count(&state(home.path()), "\"type\":\"review\""), 0);
    prepdeck(home.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("completed, 1 ungraded"))
        .stdout(predicate::str::contains("prepdeck history grade ID"));
    prepdeck(home.path())
        .args(["history", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"ungraded\": 1"));
    // A question that was not reached: usage error, nothing written.
    let before = state(home.path());
    prepdeck(home.path())
        .args(["history", "grade", "--grade", "2=good"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("question 2 was not reached"));
    assert_eq!(state(home.path()), before);
    prepdeck(home.path())
        .args(["history", "grade", "--grade", "1=hard"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Question 1: recorded Hard."))
        .stdout(predicate::str::contains(
            "Recorded 1 grade; 0 questions still ungraded.",
        ));
    let after = state(home.path());
    assert_eq!(count(&after, "\"type\":\"review\""), 1);
    assert_eq!(count(&after, "\"mode\":\"mock\""), 1);
    assert_eq!(count(&after, "\"type\":\"mock_debriefed\""), 1);
    prepdeck(home.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("ungraded").not());
    prepdeck(home.path())
        .args(["history", "grade"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "No interview has ungraded questions.",
        ));
    // Already graded: a usage error (exit 2, as the docs say), not a second review, though
    // every question is graded; so is a question out of range.
    prepdeck(home.path())
        .args(["history", "grade", "--last", "--grade", "1=easy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "question 1 is already graded (Hard)",
        ));
    prepdeck(home.path())
        .args(["history", "grade", "--last", "--grade", "5=good"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("question 5 was not reached"));
    // Without a bad flag, a graded interview is simply said to be graded.
    prepdeck(home.path())
        .args(["history", "grade", "--last"])
        .assert()
        .success()
        .stdout(predicate::str::contains("is graded"));
    assert_eq!(count(&state(home.path()), "\"type\":\"review\""), 1);
    prepdeck(home.path())
        .args(["report", "--last"])
        .assert()
        .success()
        .stdout(predicate::str::contains("- Grade: Hard (suggested Hard)"))
        .stdout(predicate::str::contains(
            "Score 65/100 = 0.7 × 0.50 (1 of 2 key points) + 0.3 × 1.00 (within time)",
        ));
}

#[test]
fn grading_later_offers_the_suggestion_and_takes_it_with_enter() {
    let home = home();
    // Input ends before the grade is asked: nothing graded.
    prepdeck(home.path())
        .args(MOCK)
        .write_stdin("I start from the actuals and known changes.\n.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("1 of 1 question not graded"));
    prepdeck(home.path())
        .args(["history", "grade"])
        .write_stdin("\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("2 of 2 key points covered"))
        .stdout(predicate::str::contains("Suggested grade: Easy."))
        .stdout(predicate::str::contains("Recorded: Easy."));
    let text = state(home.path());
    assert_eq!(count(&text, "\"grade\":\"easy\",\"took_ms\""), 1, "{text}");
    prepdeck(home.path())
        .args(["history", "grade", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no mock interview with id `nope`"));
    prepdeck(home.path())
        .args(["history", "grade", "--grade", "x"])
        .assert()
        .code(2);
}

#[test]
fn a_spoken_answer_keeps_the_ticks_given_in_the_debrief() {
    let home = home();
    let mut args = MOCK.to_vec();
    args.extend(["--mode", "spoken"]);
    // Done speaking; ticks point 2; leaves the grade.
    prepdeck(home.path())
        .args(&args)
        .write_stdin("\n2\n-\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("1 of 2 key points covered (50%)."));
    let text = state(home.path());
    assert!(
        text.contains("\"type\":\"mock_debriefed\"")
            && text.contains("\"checklist\":[false,true],\"grade\":null"),
        "{text}"
    );
    prepdeck(home.path())
        .args(["report", "--last"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 of 2 key points covered"))
        .stdout(predicate::str::contains("not graded"));
    prepdeck(home.path())
        .args(["stats", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"mock_coverage\": 0.5"));
}
