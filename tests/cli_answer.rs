//! `prepdeck answer DECK/CARD [FILE|-] [--json]` through the real binary: the debrief of one
//! written answer, and every kind of bad input refused with a message and the right exit code.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const CARD: &str = "it-fundamentals/continuity-rto-vs-rpo";

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home)
        .timeout(Duration::from_secs(60));
    cmd
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

const GOOD: &str = "The recovery time objective is how long the service can be down before it \
    must be restored, and the recovery point objective is how much data we can afford to lose, \
    measured in time, which decides how often we back up or replicate.";

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).unwrap()
}

/// `prepdeck answer CARD -` (with `extra` arguments) and `text` on standard input, which
/// must succeed: its standard output.
fn answer_out(home: &Path, card: &str, text: &str, extra: &[&str]) -> Vec<u8> {
    prepdeck(home)
        .args(["answer", card, "-"])
        .args(extra)
        .write_stdin(text.to_string())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// `prepdeck answer CARD - --json` with `text` on standard input, which must succeed.
fn answer_json(home: &Path, card: &str, text: &str) -> Value {
    json_of(&answer_out(home, card, text, &["--json"]))
}

/// `prepdeck answer CARD -` with `text` on standard input, which must succeed: the report.
fn answer_text(home: &Path, card: &str, text: &str) -> String {
    String::from_utf8(answer_out(home, card, text, &[])).unwrap()
}

#[test]
fn text_report_lists_each_point_with_the_words_that_matched() {
    let h = home();
    let file = h.path().join("answer.txt");
    std::fs::write(&file, GOOD).unwrap();
    let out = prepdeck(h.path())
        .args(["answer", CARD])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with(&format!("{CARD}: ")), "{text}");
    assert!(text.contains("Key points: "), "{text}");
    assert!(text.contains("  [x] 1. "), "{text}");
    assert!(text.contains("matched: \""), "{text}");
    assert!(text.contains("\nWords: "), "{text}");
    assert!(text.contains("\nI vs we: "), "{text}");
    // Read-only: nothing is recorded.
    assert!(!h.path().join("state.jsonl").exists());
}

#[test]
fn json_has_key_points_in_card_order_coverage_and_star() {
    let h = home();
    let v = answer_json(h.path(), CARD, GOOD);
    let points = v["key_points"].as_array().unwrap();
    let card = prepdeck(h.path())
        .args(["cards", "show", CARD, "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let card = json_of(&card);
    let texts: Vec<&str> = card["key_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().or_else(|| k["text"].as_str()).unwrap())
        .collect();
    let got: Vec<&str> = points.iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert_eq!(got, texts);
    let covered = points.iter().filter(|p| p["covered"] == true).count();
    assert!(covered >= 2, "{v:#}");
    for p in points {
        let matched = p["matched"].as_array().unwrap();
        assert_eq!(p["covered"] == true, !matched.is_empty(), "{p}");
    }
    let coverage = v["coverage"].as_f64().unwrap();
    assert!((coverage - covered as f64 / points.len() as f64).abs() < 1e-9);
    // A knowledge card: no STAR.
    assert!(v["star"].is_null(), "{v:#}");
}

#[test]
fn behavioural_cards_get_star_booleans() {
    let h = home();
    let answer = "Last year at a housing association our deploys failed every week. I needed to \
        make them safe, so I wrote a checklist and introduced a change calendar. As a result \
        failed changes fell from nine a month to one.";
    let out = prepdeck(h.path())
        .args(["answer", "it-manager/remote-teams-building-trust", "--json"])
        .write_stdin(answer)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    for part in ["situation", "task", "action", "result"] {
        assert_eq!(v["star"][part], true, "{part}: {v:#}");
    }
}

#[test]
fn bad_answers_are_refused_with_a_message() {
    let h = home();
    let long = "word ".repeat(10_000);
    let cases: &[(&str, &str)] = &[
        ("", "the answer is empty"),
        ("  \n\t ... \n", "the answer is empty"),
        (&long, "50000 characters long"),
        (
            "fine\nthen \u{1b}[2J gone",
            "control character (U+001B) at line 2, column 6",
        ),
        ("x \u{9b}31m", "control character (U+009B)"),
    ];
    for (text, message) in cases {
        prepdeck(h.path())
            .args(["answer", CARD, "-"])
            .write_stdin(*text)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(*message))
            .stderr(predicate::str::contains("\u{1b}").not());
    }
    prepdeck(h.path())
        .args(["answer", CARD])
        .write_stdin(vec![0xffu8, 0xfe, b'a'])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not UTF-8"));
}

#[test]
fn unknown_and_malformed_cards() {
    let h = home();
    // Card, exit code, what standard error must say.
    let cases: &[(&str, i32, &[&str])] = &[
        (
            "it-manager/no-such-card",
            1,
            &[
                "no card `no-such-card` in deck `it-manager`; `prepdeck cards --deck it-manager` lists its cards",
            ],
        ),
        ("no-slash", 2, &["is not DECK/CARD"]),
        // An empty card or deck id is malformed (usage, exit 2), not a card that is missing.
        (
            "it-manager/",
            2,
            &["`it-manager/` is not DECK/CARD: the card id is missing"],
        ),
        ("/budget-build-annual", 2, &["the deck id is missing"]),
        // A deck that does not exist is named as such, with the decks there are.
        (
            "nodeck/budget-build-annual",
            1,
            &["no deck `nodeck`; the decks are ", "it-manager"],
        ),
    ];
    for (card, code, says) in cases {
        let mut run = prepdeck(h.path())
            .args(["answer", card, "-"])
            .write_stdin(GOOD)
            .assert()
            .code(*code);
        for text in *says {
            run = run.stderr(predicate::str::contains(*text));
        }
    }
    prepdeck(h.path())
        .args(["answer", "bad\u{1b}]0;x\u{7}/c", "-"])
        .write_stdin(GOOD)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\u{1b}").not());
}

#[test]
fn files_that_are_not_answers() {
    let h = home();
    let dir = h.path().join("folder");
    std::fs::create_dir(&dir).unwrap();
    prepdeck(h.path())
        .args(["answer", CARD])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a folder, not a regular file"));
    let fifo = h.path().join("pipe");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(ok.success(), "mkfifo failed");
    prepdeck(h.path())
        .args(["answer", CARD])
        .arg(&fifo)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a regular file"));
    prepdeck(h.path())
        .args(["answer", CARD])
        .arg(h.path().join("missing.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such file"));
    let big = h.path().join("big.txt");
    std::fs::write(&big, "a".repeat(2 << 20)).unwrap();
    prepdeck(h.path())
        .args(["answer", CARD])
        .arg(&big)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("longer than 20000 characters"));
}

#[test]
fn matched_words_and_texts_are_sanitised() {
    let h = home();
    // A deck whose key point and keyword carry escapes must not reach the terminal raw.
    let deck = h.path().join("evil.toml");
    std::fs::write(
        &deck,
        "format = 1\n\n[deck]\nid = \"evil\"\ntitle = \"Evil\"\n\n[[category]]\nid = \"c\"\ntitle = \"C\"\n\n\
         [[card]]\nid = \"one\"\ncategory = \"c\"\nkind = \"knowledge\"\nquestion = \"What is it?\"\n\
         answer = \"It is a thing.\"\n\n[[card.key_point]]\ntext = \"Names \\u001b[31mthe widget\"\n\
         keywords = [\"widget\"]\n",
    )
    .unwrap();
    let out = prepdeck(h.path())
        .args(["--deck-file"])
        .arg(&deck)
        .args(["answer", "evil/one", "--json"])
        .write_stdin("The widget spins.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains("\\u001b"),
        "{text}"
    );
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["key_points"][0]["covered"], true);
    assert_eq!(v["key_points"][0]["matched"][0], "widget");
}

/// A decent answer to another question of the bank: a budget story given to a question about a
/// failed release.
const OTHER_QUESTION: &str = "In my second year the finance director told me the IT budget \
    would be cut by twelve per cent for the next financial year. I went through every contract \
    and licence line with the accountant, found forty unused software licences and two support \
    contracts for servers we had already retired, cancelled them at renewal and moved our backup \
    storage to a cheaper tier. We met the cut without losing any service and the savings were \
    confirmed in the quarterly budget review.";

#[test]
fn an_answer_to_another_question_ticks_nothing_and_says_which_it_reads_like() {
    let h = home();
    let card = "it-manager/software-delivery-failed-release";
    let v = answer_json(h.path(), card, OTHER_QUESTION);
    let points = v["key_points"].as_array().unwrap();
    assert!(points.iter().all(|p| p["covered"] == false), "{v:#}");
    assert_eq!(v["coverage"].as_f64(), Some(0.0));
    let other = &v["other_question"];
    assert!(
        other["card"]
            .as_str()
            .unwrap()
            .starts_with("it-manager/budget"),
        "{other}"
    );
    assert!(!other["question"].as_str().unwrap().is_empty(), "{other}");
    prepdeck(h.path())
        .args(["answer", card, "-"])
        .write_stdin(OTHER_QUESTION)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "This reads like an answer to another question (it-manager/budget",
        ));
    // The same story asked for where it belongs is on topic and ticks points.
    let v = answer_json(
        h.path(),
        "it-manager/budget-cut-costs-without-harm",
        OTHER_QUESTION,
    );
    assert!(v["other_question"].is_null(), "{v:#}");
    assert!(
        v["key_points"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["covered"] == true),
        "{v:#}"
    );
}

/// A global option given after the subcommand is not shown as a required part of the usage
/// line (clap lists the options used): `prepdeck answer --home DIR` without a card.
#[test]
fn usage_errors_do_not_make_global_options_look_required() {
    let h = home();
    let out = Command::cargo_bin("prepdeck")
        .unwrap()
        .env_remove("PREPDECK_HOME")
        .args(["answer", "--home"])
        .arg(h.path())
        .args(["--deck", "it-manager"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("Usage: prepdeck answer <DECK/CARD> [FILE]"),
        "{err}"
    );
    assert!(!err.contains("--home <DIR>"), "{err}");
    assert!(!err.contains("--deck <ID>"), "{err}");
}

/// A short answer with no figure is thin (a single name ticks a point only with something said
/// of it): `--json` says so, and the text report explains it; a figure makes it a story.
#[test]
fn a_thin_answer_is_named_as_such() {
    let h = home();
    assert_eq!(answer_json(h.path(), CARD, GOOD)["thin"], true);
    let with_figure = format!("{GOOD} Ours were four hours and fifteen minutes.");
    assert_eq!(answer_json(h.path(), CARD, &with_figure)["thin"], false);
    let note = "A short answer with no figures: a single name";
    prepdeck(h.path())
        .args(["answer", CARD, "-"])
        .write_stdin(GOOD)
        .assert()
        .success()
        .stdout(predicate::str::contains(note));
    prepdeck(h.path())
        .args(["answer", CARD, "-"])
        .write_stdin(with_figure)
        .assert()
        .success()
        .stdout(predicate::str::contains(note).not());
}

#[test]
fn a_list_of_terms_is_named_as_such() {
    let h = home();
    let list = "Priority matrix. Escalation. Triage. Backlog duplicates. Impact urgency.";
    assert_eq!(answer_json(h.path(), CARD, list)["lists_terms"], true);
    assert_eq!(answer_json(h.path(), CARD, GOOD)["lists_terms"], false);
    let text = answer_text(h.path(), CARD, list);
    assert!(text.contains("\nShape: a list of terms"), "{text}");
}
