//! The STAR story bank through the real binary: `prepdeck stories new|check|list|coverage|
//! suggest|drill`, and the Stories notes after a line-mode mock interview.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const DECK: &str = r#"format = 1
[deck]
id = "mini"
title = "Mini"
[[category]]
id = "projects"
title = "Projects & delivery"
[[category]]
id = "people"
title = "People management"
[[category]]
id = "routing"
title = "Routing protocols"
[[card]]
id = "rescue"
category = "projects"
kind = "behavioral"
question = "Tell us about a project that was going off the rails. How did you bring it back?"
answer = "I reset scope with the sponsor."
[[card.key_point]]
text = "Resets scope with the sponsor"
keywords = ["scope", "sponsor"]
[[card]]
id = "clash"
category = "people"
kind = "behavioral"
question = "Describe a conflict between two people in your team and how you resolved it."
answer = "I listened to both."
[[card]]
id = "ospf"
category = "routing"
kind = "knowledge"
question = "What is OSPF?"
answer = "A link-state routing protocol."
"#;

const BANK: &str = r#"[[story]]
id = "pos-rescue"
title = "Rescuing the point-of-sale rollout"
situation = "A retailer's till replacement was six months in, 70% of the budget spent and 30% tested."
task = "Bring the project back to a date the sponsor could trust."
action = "I read the defect log, stopped the project for a week, cut scope with the sponsor and set up a weekly change board."
result = "Went live on the new date; till downtime under 15 minutes per store."
competencies = ["projects"]

[[story]]
id = "team-conflict"
title = "Two engineers who would not talk"
situation = "Two senior engineers disagreed about the redesign and stopped speaking."
task = "Get the redesign decided without losing either of them."
action = "I met each alone, then together with the data, and let them co-own the decision."
result = "The redesign shipped and both engineers stayed with the team."
competencies = ["people", "conflict"]
short = "Two engineers, one decision record, both stayed."
"#;

fn setup(bank: Option<&str>) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::write(home.path().join("decks/mini.toml"), DECK).unwrap();
    if let Some(b) = bank {
        std::fs::write(home.path().join("stories.toml"), b).unwrap();
    }
    home
}

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home).env("TZ", "UTC");
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

fn run_in(home: &Path, args: &[&str], input: &str) -> (i32, String, String) {
    let out = prepdeck(home)
        .args(args)
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn new_writes_a_private_template_that_checks_clean_and_never_overwrites() {
    let home = setup(None);
    let h = home.path();
    let (code, _, err) = run(h, &["stories", "list"]);
    assert_eq!(code, 1);
    assert!(err.contains("prepdeck stories new"), "{err}");
    let (code, out, _) = run(h, &["stories", "new"]);
    assert_eq!(code, 0, "{out}");
    let path = h.join("stories.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let (code, out, err) = run(h, &["stories", "check"]);
    assert_eq!(
        (code, err.as_str()),
        (0, ""),
        "the template has no warning: {err}"
    );
    // Its example is commented out: no story of yours, in check, list, coverage or drill.
    assert!(out.contains("OK, no stories yet"), "{out}");
    assert!(out.contains("commented example"), "{out}");
    let (code, out, _) = run(h, &["stories", "list"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("No stories yet") && !out.contains("crm-migration"),
        "{out}"
    );
    let (code, out, _) = run(h, &["stories", "coverage"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("crm-migration"), "{out}");
    let (code, _, err) = run(h, &["stories", "drill", "--plain"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("has no stories to drill"), "{err}");
    // Uncommented, the example is a story (its competencies categories of the built-in decks).
    let text = std::fs::read_to_string(&path).unwrap();
    let mut example = false;
    let uncommented: String = text
        .lines()
        .map(|l| {
            example |= l == "# [[story]]";
            example &= !l.is_empty();
            format!(
                "{}\n",
                if example {
                    l.strip_prefix("# ").unwrap_or(l)
                } else {
                    l
                }
            )
        })
        .collect();
    std::fs::write(&path, uncommented).unwrap();
    let (code, out, err) = run(h, &["stories", "check"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains("1 story OK"), "{out}");
    let (code, out, _) = run(h, &["stories", "coverage"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("crm-migration"), "{out}");
    assert!(!out.contains("name no category"), "{out}");
    std::fs::write(&path, "# mine\n").unwrap();
    let (code, _, err) = run(h, &["stories", "new"]);
    assert_eq!(code, 1);
    assert!(err.contains("never overwrites"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
}

#[test]
fn check_locates_every_problem_and_warns_about_results_without_figures() {
    let home = setup(None);
    let h = home.path();
    let bad = h.join("draft.toml");
    std::fs::write(
        &bad,
        "[[story]]\nid = \"a\"\ntitle = \"t\"\nsituation = \"s\"\ntask = \"t\"\naction = \"a\"\nresult = \"it went well\"\ncompetencies = [\"people\"]\nresutl = \"typo\"\n",
    )
    .unwrap();
    let (code, _, err) = run(h, &["stories", "check", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown key `resutl` in [[story]]"), "{err}");
    assert!(err.contains("draft.toml:9:1"), "{err}");
    assert!(err.contains("did you mean `result`?"), "{err}");
    // Fixed, the missing figure is only a warning.
    let text = std::fs::read_to_string(&bad)
        .unwrap()
        .replace("resutl = \"typo\"\n", "");
    std::fs::write(&bad, text).unwrap();
    let (code, out, err) = run(h, &["stories", "check", bad.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.starts_with("warning: the result has no figure"),
        "{err}"
    );
    assert!(err.contains("draft.toml:7:10"), "{err}");
    assert!(out.contains("1 story OK, 1 warning(s)"), "{out}");
    let (code, _, _) = run(h, &["stories", "check", "/no/such/stories.toml"]);
    assert_eq!(code, 1);
}

/// A stray `"""` swallows the rest of the file: one error, where it opens (it gave six, the
/// first right and five follow-on ones, and an unclosed value was placed at the file's end).
#[test]
fn a_stray_triple_quote_is_one_error_where_it_opens() {
    let home = setup(None);
    let h = home.path();
    let stray = BANK.replace(
        "competencies = [\"projects\"]\n",
        "competencies = [\"projects\"]\n\"\"\"\n",
    );
    std::fs::write(h.join("stories.toml"), &stray).unwrap();
    let (code, _, err) = run(h, &["stories", "check"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.matches("error").count(), 1, "one error: {err}");
    assert!(
        err.contains("this \"\"\" opens a multi-line string that is never closed"),
        "{err}"
    );
    assert!(err.contains("stories.toml:9:1"), "{err}");
    assert!(err.contains("remove it if it is a stray one"), "{err}");
    // An opening one never closed is placed where it opens, not at the end of the file.
    let unclosed = BANK.replace("result = \"Went live", "result = \"\"\"Went live");
    std::fs::write(h.join("stories.toml"), &unclosed).unwrap();
    let (code, _, err) = run(h, &["stories", "check"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.matches("error").count(), 1, "one error: {err}");
    assert!(err.contains("stories.toml:7:10"), "{err}");
    // Other syntax errors: the first, and how many more the parser found after it.
    std::fs::write(
        h.join("stories.toml"),
        "[[story]]\nid = \"a\" \"b\"\ntitle = = 2\nx = [1,\n",
    )
    .unwrap();
    let (code, _, err) = run(h, &["stories", "check"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.matches("error").count(), 1, "one error: {err}");
    assert!(err.contains("stories.toml:2:10"), "{err}");
    assert!(
        err.contains("the parser found 3 more problems after this one; they may follow"),
        "{err}"
    );
}

#[test]
fn list_coverage_and_suggest_in_text_and_json() {
    let home = setup(Some(BANK));
    let h = home.path();
    let (code, out, _) = run(h, &["--deck", "mini", "stories", "list"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("pos-rescue") && out.contains("team-conflict"),
        "{out}"
    );
    let (_, json, _) = run(h, &["stories", "list", "--json"]);
    let rows: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["result_has_figure"], true);
    assert_eq!(rows[1]["result_has_figure"], false);
    assert_eq!(rows[1]["has_short"], true);

    let (_, json, _) = run(h, &["--deck", "mini", "stories", "coverage", "--json"]);
    let cov: Value = serde_json::from_str(&json).unwrap();
    let ids: Vec<&str> = cov["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec!["projects", "people"],
        "knowledge-only categories are not competencies"
    );
    assert_eq!(
        cov["competencies"][0]["stories"],
        serde_json::json!(["pos-rescue"])
    );
    assert_eq!(cov["competencies"][0]["short"], true);
    let (_, text, _) = run(h, &["--deck", "mini", "stories", "coverage"]);
    assert!(text.contains("NEEDS MORE"), "{text}");
    assert!(
        text.contains("2 of 2 competencies have fewer than two stories."),
        "{text}"
    );
    assert!(
        text.contains("team-conflict: conflict"),
        "unmatched competencies are listed: {text}"
    );

    let (_, json, _) = run(h, &["stories", "suggest", "mini/rescue", "--json"]);
    let s: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(s[0]["id"], "pos-rescue", "{s}");
    assert_eq!(s[0]["competency_match"], true);
    let (_, json, _) = run(
        h,
        &["stories", "suggest", "mini/clash", "--json", "--limit", "1"],
    );
    let s: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(s.as_array().unwrap().len(), 1);
    assert_eq!(s[0]["id"], "team-conflict");
    let (code, out, _) = run(h, &["stories", "suggest", "mini/ospf"]);
    assert_eq!(code, 0);
    assert!(out.contains("No story fits this question"), "{out}");
    assert_eq!(run(h, &["stories", "suggest", "mini"]).0, 2);
    assert_eq!(run(h, &["stories", "suggest", "mini/nope"]).0, 1);
}

#[test]
fn story_text_never_reaches_the_terminal_raw() {
    // TOML escapes, so the parsed title holds ESC and CSI.
    let evil = BANK.replace("Rescuing the", "Rescuing \\u001b[2J\\u009b31m the");
    let home = setup(Some(&evil));
    let h = home.path();
    for args in [
        &["stories", "list"][..],
        &["stories", "list", "--json"],
        &["--deck", "mini", "stories", "coverage"],
        &["stories", "suggest", "mini/rescue"],
        &["stories", "suggest", "mini/rescue", "--json"],
    ] {
        let (code, out, _) = run(h, args);
        assert_eq!(code, 0, "{args:?}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{9b}'),
            "{args:?}: {out:?}"
        );
    }
}

#[test]
fn stories_are_drilled_with_spaced_repetition_under_their_own_deck_id() {
    let home = setup(Some(BANK));
    let h = home.path();
    let out = prepdeck(h)
        .args(["stories", "drill", "--plain"])
        .write_stdin("I stopped the project for a week and cut scope with the sponsor; downtime under 15 minutes\n\n3\n\n1\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Q: Tell your story \"Rescuing the point-of-sale rollout\""),
        "{stdout}"
    );
    assert!(stdout.contains("Key points (your draft covers"), "{stdout}");
    assert!(
        stdout.contains("Result: Went live on the new date"),
        "{stdout}"
    );
    assert!(stdout.contains("recorded: Good"), "{stdout}");
    let state = std::fs::read_to_string(h.join("state.jsonl")).unwrap();
    let reviews: Vec<Value> = state
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "review")
        .collect();
    assert_eq!(reviews.len(), 2);
    assert!(reviews.iter().all(|r| r["deck"] == "@stories"));
    // Both stories, each under its own id; which comes first is the new-card order's, shuffled
    // by the study day (it changed at 04:00 UTC on 2026-12-06 and this failed).
    let mut cards: Vec<&str> = reviews.iter().filter_map(|r| r["card"].as_str()).collect();
    cards.sort_unstable();
    assert_eq!(cards, ["pos-rescue", "team-conflict"]);
    // Story progress is not an orphan, and does not show among the cards.
    let (code, out, _) = run(h, &["state", "check"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("orphan") && !out.contains("no loaded deck"),
        "{out}"
    );
    // Both stories were graded: nothing is due now.
    let (_, out, _) = run(h, &["stories", "drill", "--plain"]);
    assert!(
        !out.contains("Tell your story \"Rescuing"),
        "the graded story is not due again at once: {out}"
    );
    let (code, _, err) = run(h, &["stories", "drill"]);
    assert_eq!(code, 2, "without a terminal the app cannot drill: {err}");
    assert!(err.contains("needs a terminal"), "{err}");
}

/// `text` of the first line after `head`, up to " (": a due time as the drill prints it.
fn due_after(out: &str, head: &str) -> Option<String> {
    let at = out.find(head)? + head.len();
    Some(out[at..].split(" (").next()?.to_string())
}

/// The story drill's last line is about the stories: a deck card due sooner (here one failed a
/// moment ago) is not "the next card due" of a story drill; nor is a story due sooner the next
/// card of a deck drill.
#[test]
fn the_drills_say_when_their_own_next_card_or_story_is_due() {
    let drill = |h: &Path, story_grade: &str, card_grade: &str| {
        let (code, stories, _) = run_in(
            h,
            &["stories", "drill", "--plain"],
            &format!("\n{story_grade}\n/quit\n"),
        );
        assert_eq!(code, 0, "{stories}");
        let (code, cards, _) = run_in(
            h,
            &["--deck", "mini", "drill", "--plain"],
            &format!("\n{card_grade}\n/quit\n"),
        );
        assert_eq!(code, 0, "{cards}");
        (stories, cards)
    };
    // The story comes back in 10 minutes, the card in 1: the story drill names the story's.
    let home = setup(Some(BANK));
    let (_, cards) = drill(home.path(), "3", "1");
    let (code, stories, _) = run_in(home.path(), &["stories", "drill", "--plain"], "/quit\n");
    assert_eq!(code, 0, "{stories}");
    let card_due = due_after(&cards, "recorded: Again; next due ").expect("the card's due");
    assert!(!stories.contains("Next card due"), "{stories}");
    assert!(!stories.contains(&card_due), "{stories}");
    assert!(stories.contains("Next story due "), "{stories}");
    // The card in 10 minutes, the story in 1: the deck drill names the card's.
    let home = setup(Some(BANK));
    let (stories, cards) = drill(home.path(), "1", "3");
    let card_due = due_after(&cards, "recorded: Good; next due ").expect("the card's due");
    let story_due = due_after(&stories, "recorded: Again; next due ").expect("the story's due");
    assert_ne!(card_due, story_due);
    assert_eq!(
        due_after(&cards, "Next card due ").as_deref(),
        Some(card_due.as_str()),
        "{cards}"
    );
}

#[test]
fn a_mock_debrief_notes_a_story_told_twice_and_answers_without_figures() {
    let home = setup(Some(BANK));
    let h = home.path();
    let told = "A retailer till replacement was failing: I read the defect log, stopped the project for a week and cut scope with the sponsor, then set up a weekly change board.";
    let input = format!("{told}\n.\n{told}\n.\n");
    let out = prepdeck(h)
        .args([
            "--deck",
            "mini",
            "mock",
            "--plain",
            "--questions",
            "2",
            "--prep",
            "0",
            "--answer-seconds",
            "60",
            "--seed",
            "1",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Any two of the three questions include a behavioural one (only one is knowledge).
    let notes = &stdout[stdout
        .find("\nStories\n")
        .unwrap_or_else(|| panic!("{stdout}"))..];
    assert!(
        notes.contains(
            "You told the story \"Rescuing the point-of-sale rollout\" for questions 1 and 2"
        ),
        "{notes}"
    );
    assert!(notes.contains("your answer gives no figure"), "{notes}");
    // `prepdeck report` has the same notes, in Markdown and in JSON.
    let (code, md, err) = run(h, &["--deck", "mini", "report", "--last"]);
    assert_eq!(code, 0, "{err}");
    let section = &md[md.find("\n## Stories\n").unwrap_or_else(|| panic!("{md}"))..];
    assert!(
        section.contains("You told the story \"Rescuing the point-of-sale rollout\""),
        "{section}"
    );
    let (code, json, err) = run(
        h,
        &["--deck", "mini", "report", "--last", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds: Vec<&str> = v["stories"]
        .as_array()
        .unwrap_or_else(|| panic!("{json}"))
        .iter()
        .filter_map(|n| n["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"reused"), "{kinds:?}");
}
