//! Notes, own answers and answer history through the real binary: `prepdeck cards note|answer
//! |show`, the card list's search and filters, the drill's reveal, `export notes` and `state
//! merge`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const DECK: &str = r#"format = 1
[deck]
id = "mine"
title = "Mine"
[[category]]
id = "budget"
title = "Budget"
[[category]]
id = "people"
title = "People"
[[card]]
id = "cut"
category = "budget"
kind = "situational"
tags = ["finance"]
question = "Your budget is cut by 20%. What do you do?"
answer = "Prioritise with the stakeholders."
[[card.key_point]]
text = "Talks to stakeholders"
keywords = ["stakeholder"]
[[card.key_point]]
text = "Ranks the work"
keywords = ["prioritise", "rank"]
[[card]]
id = "conflict"
category = "people"
kind = "behavioral"
question = "Tell me about a conflict in your team."
answer = "I listened to both sides."
"#;

fn setup() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::write(home.path().join("decks/mine.toml"), DECK).unwrap();
    home
}

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home)
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .args(["--deck", "mine"]);
    cmd
}

fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = prepdeck(home).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn records(home: &Path) -> Vec<Value> {
    std::fs::read_to_string(home.join("state.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn json(home: &Path, args: &[&str]) -> Value {
    let (code, out, err) = run(home, args);
    assert_eq!(code, 0, "{out}\n{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn a_note_is_set_printed_kept_private_and_cleared() {
    let home = setup();
    let h = home.path();
    let (code, out, _) = run(
        h,
        &[
            "cards",
            "note",
            "mine/cut",
            "--set",
            "Lead with the 12% figure",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("note saved for mine/cut"), "{out}");
    let (_, out, _) = run(h, &["cards", "note", "mine/cut"]);
    assert_eq!(out, "Lead with the 12% figure\n");
    let recs = records(h);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["type"], "note");
    assert_eq!(recs[0]["v"], 2, "a new record type is format 2");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(h.join("state.jsonl"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The same text again records nothing.
    let (_, out, _) = run(
        h,
        &[
            "cards",
            "note",
            "mine/cut",
            "--set",
            "Lead with the 12% figure",
        ],
    );
    assert!(out.contains("unchanged"), "{out}");
    assert_eq!(records(h).len(), 1);
    let (code, _, _) = run(h, &["cards", "note", "mine/cut", "--clear"]);
    assert_eq!(code, 0);
    let (code, out, err) = run(h, &["cards", "note", "mine/cut"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.contains("has no note yet"), "{err}");
    assert_eq!(records(h).len(), 2, "the old note stays in the log");
}

#[test]
fn bad_arguments_are_usage_errors_and_unknown_cards_data_errors() {
    let home = setup();
    let h = home.path();
    assert_eq!(run(h, &["cards", "note", "no-slash", "--set", "x"]).0, 2);
    assert_eq!(run(h, &["cards", "note", "mine/nope", "--set", "x"]).0, 1);
    assert_eq!(
        run(h, &["cards", "note", "mine/cut", "--set", "x", "--clear"]).0,
        2
    );
    assert_eq!(run(h, &["cards", "note", "mine/cut", "--set", "   "]).0, 2);
    // No terminal here: --edit says what to use instead, and writes nothing.
    let (code, _, err) = run(h, &["cards", "answer", "mine/cut", "--edit"]);
    assert_eq!(code, 2);
    assert!(err.contains("--edit needs a terminal"), "{err}");
    assert_eq!(
        run(h, &["cards", "answer", "mine/cut", "--promote", "1"]).0,
        1
    );
    assert_eq!(run(h, &["cards", "--state", "sleepy"]).0, 2);
    assert!(records(h).is_empty());
}

#[test]
fn a_card_without_note_or_answer_names_the_command_for_that_card() {
    let home = setup();
    let (code, out, err) = run(home.path(), &["cards", "show", "mine/cut"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Your note: none (`prepdeck cards note mine/cut --edit`)"),
        "{out}"
    );
    assert!(
        out.contains("Your answer: none (`prepdeck cards answer mine/cut --edit`)"),
        "{out}"
    );
}

#[test]
fn text_from_stdin_that_is_not_utf8_is_refused_naming_standard_input() {
    let home = setup();
    let out = prepdeck(home.path())
        .args(["cards", "note", "mine/cut", "--file", "-"])
        .write_stdin(b"\xff\xfe not text".to_vec())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("standard input is not UTF-8 text"), "{err}");
    assert!(records(home.path()).is_empty());
}

#[test]
fn an_answer_from_a_file_or_stdin_keeps_its_lines() {
    let home = setup();
    let h = home.path();
    let out = prepdeck(h)
        .args(["cards", "answer", "mine/cut", "--file", "-"])
        .write_stdin("First I rank the work.\nThen I talk to the stakeholders.\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let (_, out, _) = run(h, &["cards", "answer", "mine/cut"]);
    assert_eq!(
        out,
        "First I rank the work.\nThen I talk to the stakeholders.\n"
    );
    assert_eq!(
        run(
            h,
            &["cards", "answer", "mine/cut", "--file", "/no/such/file"]
        )
        .0,
        1
    );
}

#[test]
fn the_drill_keeps_drafts_and_shows_notes_previous_and_best_attempts() {
    let home = setup();
    let h = home.path();
    run(
        h,
        &["cards", "note", "mine/cut", "--set", "Say the percentage"],
    );
    run(
        h,
        &[
            "cards",
            "answer",
            "mine/cut",
            "--set",
            "Rank, then talk to stakeholders",
        ],
    );
    // Two earlier drafts of the card, graded, the last two days ago (so it is due again).
    let earlier = [
        r#"{"v":2,"id":"a1","at":"2026-01-01T09:00:00Z","type":"drill_answer","deck":"mine","card":"cut","answer":"I would rank the work and ask stakeholders","coverage":[true,true]}"#,
        r#"{"v":1,"id":"r1","at":"2026-01-01T09:00:30Z","type":"review","deck":"mine","card":"cut","grade":"good","took_ms":30000,"mode":"drill"}"#,
        r#"{"v":2,"id":"a2","at":"2026-01-05T09:00:00Z","type":"drill_answer","deck":"mine","card":"cut","answer":"cut costs","coverage":[false,false]}"#,
        r#"{"v":1,"id":"r2","at":"2026-01-05T09:00:30Z","type":"review","deck":"mine","card":"cut","grade":"again","took_ms":30000,"mode":"drill"}"#,
    ];
    let mut text = std::fs::read_to_string(h.join("state.jsonl")).unwrap();
    for l in earlier {
        text.push_str(l);
        text.push('\n');
    }
    std::fs::write(h.join("state.jsonl"), text).unwrap();
    let out = prepdeck(h)
        .args(["drill", "--plain", "--category", "budget"])
        .write_stdin("I talk to every stakeholder first\n\n3\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let reveal = &stdout[stdout.find("Model answer:").unwrap()..];
    assert!(
        reveal.contains("Your answer:\n    Rank, then talk to stakeholders"),
        "{reveal}"
    );
    assert!(
        reveal.contains("Your note:\n    Say the percentage"),
        "{reveal}"
    );
    // The draft just typed is not its own "previous attempt".
    assert!(reveal.contains("Your previous attempt ("), "{reveal}");
    let prev = &reveal[reveal.find("Your previous attempt").unwrap()..];
    assert!(
        prev.contains("0/2 key points, Again):\n    cut costs"),
        "{prev}"
    );
    assert!(prev.contains("Your best attempt ("), "{prev}");
    assert!(
        prev.contains("2/2 key points, Good):\n    I would rank"),
        "{prev}"
    );

    let drafts: Vec<Value> = records(h)
        .into_iter()
        .filter(|r| r["type"] == "drill_answer")
        .collect();
    assert_eq!(drafts.len(), 3);
    assert_eq!(drafts[2]["answer"], "I talk to every stakeholder first");
    assert_eq!(drafts[2]["coverage"], serde_json::json!([true, false]));

    let d = json(h, &["cards", "show", "mine/cut", "--json"]);
    let attempts = d["attempts"].as_array().unwrap();
    let grades: Vec<&Value> = attempts.iter().map(|a| &a["grade"]).collect();
    assert_eq!(
        grades,
        vec!["good", "again", "good"],
        "newest first, each with its grade"
    );
    assert_eq!(d["previous_attempt"], attempts[0]["id"]);
    assert_eq!(
        d["best_attempt"], "a1",
        "ties on coverage go to the better grade, then the newer"
    );
    assert_eq!(d["history"].as_array().unwrap().len(), 3);
    assert_eq!(d["history"][0]["grade"], "good");
    // The wait a review gave, in whole seconds (a Good review makes the card wait).
    let wait = &d["history"][0]["interval_seconds"];
    assert!(wait.as_i64().is_some_and(|s| s > 0), "{wait}");
    assert!(d["memory"]["stability"].as_f64().unwrap() > 0.0);
    let recall = d["memory"]["recall_now"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&recall), "{recall}");
    assert_eq!(d["note"]["text"], "Say the percentage");

    // Promote the best one (number 3, the oldest) to "my answer".
    let (code, out, _) = run(h, &["cards", "answer", "mine/cut", "--promote", "3"]);
    assert_eq!(code, 0, "{out}");
    let d = json(h, &["cards", "show", "mine/cut", "--json"]);
    assert_eq!(
        d["my_answer"]["text"],
        "I would rank the work and ask stakeholders"
    );
    assert_eq!(d["my_answer"]["from"], "a1");
    let (_, text, _) = run(h, &["cards", "show", "mine/cut"]);
    assert!(text.contains("Attempts (3, newest first):"), "{text}");
    assert!(
        text.contains("[previous]") && text.contains("[best]"),
        "{text}"
    );
    assert!(text.contains("Reviews (3, newest first):"), "{text}");
    assert!(text.contains("Memory: stability"), "{text}");
}

#[test]
fn the_list_searches_notes_and_filters_by_state_and_kind() {
    let home = setup();
    let h = home.path();
    run(
        h,
        &[
            "cards",
            "note",
            "mine/conflict",
            "--set",
            "the vendor story",
        ],
    );
    let rows = json(h, &["cards", "--json", "--search", "VENDOR"]);
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["conflict"]);
    assert_eq!(
        rows[0]["question"],
        "Tell me about a conflict in your team."
    );
    assert_eq!(rows[0]["has_note"], true);
    let rows = json(h, &["cards", "--json", "--search", "finance"]);
    assert_eq!(rows.as_array().unwrap().len(), 1, "tags are searched");
    let rows = json(h, &["cards", "--json", "--kind", "behavioral"]);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    run(h, &["cards", "suspend", "mine/cut"]);
    let rows = json(h, &["cards", "--json", "--state", "suspended"]);
    assert_eq!(rows[0]["id"], "cut");
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let rows = json(
        h,
        &["cards", "--json", "--state", "new", "--state", "leech"],
    );
    assert_eq!(
        rows.as_array().unwrap().len(),
        2,
        "a suspended new card is still new"
    );
    let (code, out, _) = run(h, &["cards", "--search", "budget cut"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Your budget is cut by 20%"),
        "the list shows the question: {out}"
    );
    let (_, out, _) = run(h, &["cards", "--search", "zebra"]);
    assert!(out.contains("No card matches."), "{out}");
}

#[test]
fn notes_never_reach_the_terminal_raw() {
    let home = setup();
    let h = home.path();
    run(
        h,
        &[
            "cards",
            "note",
            "mine/cut",
            "--set",
            "bad \u{1b}]0;title\u{7} and \u{9b}31m red",
        ],
    );
    for args in [
        &["cards", "note", "mine/cut"][..],
        &["cards", "show", "mine/cut"],
        &["cards", "show", "mine/cut", "--json"],
    ] {
        let (_, out, _) = run(h, args);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{9b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("bad"), "{out}");
    }
}

#[test]
fn notes_are_exported_and_merged_by_union() {
    let a = setup();
    let b = setup();
    run(
        a.path(),
        &["cards", "note", "mine/cut", "--set", "from laptop"],
    );
    run(
        b.path(),
        &["cards", "answer", "mine/conflict", "--set", "from desktop"],
    );
    let other = b.path().join("state.jsonl");
    let (code, out, err) = run(a.path(), &["state", "merge", other.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    let exported = json(a.path(), &["export", "notes", "--format", "json"]);
    let cards = exported["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 2);
    assert_eq!(cards[0]["card"], "conflict");
    assert_eq!(cards[0]["my_answer"]["text"], "from desktop");
    assert_eq!(cards[1]["note"]["text"], "from laptop");
    assert_eq!(
        cards[1]["question"],
        "Your budget is cut by 20%. What do you do?"
    );
    // Merging again changes nothing.
    run(a.path(), &["state", "merge", other.to_str().unwrap()]);
    assert_eq!(records(a.path()).len(), 2);
    let (_, md, _) = run(a.path(), &["export", "notes"]);
    assert!(
        md.contains("## mine/cut") && md.contains("from laptop"),
        "{md}"
    );
}
