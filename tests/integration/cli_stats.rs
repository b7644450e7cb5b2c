//! `prepdeck stats` through the real binary, on a temp home with a constructed state file.

use std::path::Path;

use assert_cmd::Command;
use chrono::{Duration, Utc};
use predicates::prelude::*;
use prepdeck::core::grade::Grade;
use prepdeck::core::ids::{CardId, DeckId, RecordId};
use prepdeck::core::record::{Record, RecordBody, Review, ReviewMode};
use prepdeck::store::log::StateLog;

const DECK: &str = r#"format = 1

[deck]
id = "demo"
title = "Demo deck"

[[category]]
id = "budget"
title = "Budget"

[[category]]
id = "people"
title = "People"

[[card]]
id = "b1"
category = "budget"
kind = "behavioral"
question = "How do you build a budget?"
answer = "I start from last year's actuals."

[[card]]
id = "b2"
category = "budget"
kind = "knowledge"
question = "What is capex?"
answer = "Capital expenditure."

[[card]]
id = "p1"
category = "people"
kind = "behavioral"
question = "Tell me about a conflict in your team."
answer = "I listened to both sides."
"#;

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home);
    cmd
}

fn review(n: usize, card: &str, grade: Grade, ago: Duration, took_ms: u64) -> Record {
    Record::new(
        RecordId::new(format!("rec-{n}")),
        Utc::now() - ago,
        RecordBody::Review(Review {
            deck: DeckId::new("demo"),
            card: CardId::new(card),
            grade,
            took_ms,
            mode: ReviewMode::Drill,
        }),
    )
}

/// A home with the demo deck and four reviews: b1 twice (Good), b2 once (Again), and one of a
/// deck that is not installed.
fn home() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("decks")).unwrap();
    std::fs::write(dir.path().join("decks/demo.toml"), DECK).unwrap();
    let mut gone = review(4, "x", Grade::Good, Duration::minutes(3), 5000);
    if let RecordBody::Review(r) = &mut gone.body {
        r.deck = DeckId::new("gone");
    }
    let records = [
        review(1, "b1", Grade::Good, Duration::minutes(30), 2000),
        review(2, "b1", Grade::Good, Duration::minutes(10), 3000),
        review(3, "b2", Grade::Again, Duration::minutes(5), 1000),
        gone,
    ];
    let mut text = String::new();
    for r in &records {
        text.push_str(&serde_json::to_string(r).unwrap());
        text.push('\n');
    }
    std::fs::write(dir.path().join("state.jsonl"), text).unwrap();
    dir
}

fn json(home: &Path, extra: &[&str]) -> serde_json::Value {
    let out = prepdeck(home)
        .args(extra)
        .args(["stats", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn json_has_the_figures() {
    let home = home();
    let v = json(home.path(), &["--deck", "demo"]);
    assert_eq!(v["cards_total"], 3);
    assert_eq!(v["seen_total"], 2);
    assert_eq!(v["reviews_total"], 3);
    assert_eq!(v["time_spent_ms"]["total"], 6000);
    // 1, or 2 if the study day rolled over between the reviews (a run at 04:00).
    let streak = v["streak_days"].as_u64().unwrap();
    assert!((1..=2).contains(&streak), "{streak}");
    assert_eq!(v["forecast"].as_array().unwrap().len(), 30);
    let by_day: u64 = v["reviews_by_day"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(by_day, 3);
    assert!(v["due_now"].is_u64() && v["new_available_today"].is_u64());
    let categories = v["categories"].as_array().unwrap();
    assert_eq!(categories.len(), 2);
    // Started categories first: "people" was never studied, so it comes after "budget".
    assert_eq!(categories[0]["deck"], "demo");
    assert_eq!(categories[0]["title"], "Budget");
    assert_eq!(categories[0]["seen"], 2);
    assert!(categories[0]["readiness"].as_f64().unwrap() > 0.0);
    assert_eq!(categories[1]["category"], "people");
    assert_eq!(categories[1]["readiness"], 0.0);
    // True retention is set against the aim; 3 reviews are too few to suggest the optimiser.
    assert_eq!(v["desired_retention"], 0.9);
    assert!(v["optimize_suggestion"].is_null());
}

#[test]
fn deck_filter_limits_every_figure() {
    let home = home();
    let all = json(home.path(), &[]);
    let demo = json(home.path(), &["--deck", "demo"]);
    let cats = all["categories"].as_array().unwrap();
    assert!(cats.len() > 2, "built-in decks are counted too");
    assert!(all["cards_total"].as_u64() > demo["cards_total"].as_u64());
    // The review of an uninstalled deck is never counted.
    assert_eq!(all["reviews_total"], 3);
    prepdeck(home.path())
        .args(["--deck", "nope", "stats"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no deck with id `nope`"));
}

#[test]
fn plain_text_report() {
    let home = home();
    prepdeck(home.path())
        .args(["--deck", "demo", "stats"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Readiness by category, weakest first")
                .and(predicate::str::contains("People"))
                .and(predicate::str::contains("Reviews     3"))
                .and(predicate::str::contains("Streak      "))
                .and(predicate::str::contains("Due in the next 30 days"))
                .and(predicate::str::contains("Reviews, last 26 weeks")),
        );
}

#[test]
fn works_while_the_app_holds_the_lock_and_writes_nothing() {
    let home = home();
    let path = home.path().join("state.jsonl");
    let before = std::fs::read(&path).unwrap();
    let (_log, _) = StateLog::open(&path).unwrap();
    let v = json(home.path(), &["--deck", "demo"]);
    assert_eq!(v["reviews_total"], 3);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn empty_home_is_all_zero() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(dir.path(), &[]);
    assert_eq!(v["reviews_total"], 0);
    assert_eq!(v["streak_days"], 0);
    assert!(v["cards_total"].as_u64().unwrap() > 0);
    assert!(
        !dir.path().join("state.jsonl").exists(),
        "stats must not create files"
    );
}

#[test]
fn damaged_state_file_is_reported_not_touched() {
    let home = home();
    let path = home.path().join("state.jsonl");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.insert_str(0, "garbage\n");
    std::fs::write(&path, &text).unwrap();
    prepdeck(home.path())
        .args(["stats"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("damaged at line 1"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// `stats` uses the progress cache the app leaves (it never writes one): the same figures as
/// replaying the file, also with events appended after the cache was made.
#[test]
fn figures_from_the_progress_cache_equal_a_full_replay() {
    let home = home();
    let cache = home.path().join("cache").join("progress.bin");
    let without_now = |mut v: serde_json::Value| {
        v["now"] = serde_json::Value::Null;
        v
    };
    let full = without_now(json(home.path(), &[]));
    assert!(!cache.exists(), "stats must not write the progress cache");

    // The line-mode drill opens progress as the app does, and saves the cache.
    prepdeck(home.path())
        .args(["drill", "--plain"])
        .write_stdin("")
        .assert()
        .success();
    let saved = std::fs::read(&cache).expect("the drill saved the cache");
    assert_eq!(without_now(json(home.path(), &[])), full);

    // An event appended since (as another command or a merge would).
    let late = review(9, "b2", Grade::Easy, Duration::minutes(1), 4000);
    let mut text = std::fs::read_to_string(home.path().join("state.jsonl")).unwrap();
    text.push_str(&serde_json::to_string(&late).unwrap());
    text.push('\n');
    std::fs::write(home.path().join("state.jsonl"), text).unwrap();
    let resumed = without_now(json(home.path(), &[]));
    assert_eq!(
        resumed["reviews_total"],
        full["reviews_total"].as_u64().unwrap() + 1
    );
    std::fs::rename(&cache, home.path().join("set-aside")).unwrap();
    let replayed = without_now(json(home.path(), &[]));
    assert_eq!(resumed, replayed);
    std::fs::rename(home.path().join("set-aside"), &cache).unwrap();
    assert_eq!(
        std::fs::read(&cache).unwrap(),
        saved,
        "stats rewrote the cache"
    );
}
