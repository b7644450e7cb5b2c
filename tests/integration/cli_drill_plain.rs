//! `prepdeck drill --plain` through the real binary with piped input.

use assert_cmd::Command;
use std::path::Path;

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home);
    cmd
}

fn reviews(home: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(home.join("state.jsonl")).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["type"] == "review")
        .collect()
}

#[test]
fn grades_are_recorded_and_acknowledged() {
    let home = tempfile::tempdir().unwrap();
    let out = prepdeck(home.path())
        .args([
            "--deck",
            "it-fundamentals",
            "drill",
            "--plain",
            "--limit",
            "3",
        ])
        .write_stdin("my draft mentions downtime\n\n3\n\ngood\n\n1\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.matches("\nrecorded: ").count(),
        0,
        "recorded lines follow the prompt"
    );
    assert_eq!(stdout.matches("recorded: ").count(), 3, "{stdout}");
    assert!(stdout.contains("recorded: Good; next due"));
    assert!(stdout.contains("recorded: Again; next due"));
    assert!(stdout.contains("Card 1 of 3 | deck: IT fundamentals"));
    assert!(stdout.contains("Model answer:"));
    assert!(stdout.contains("Session over: 3 card(s) reviewed (Again 1, Hard 0, Good 2, Easy 0)"));
    let r = reviews(home.path());
    assert_eq!(r.len(), 3);
    assert!(
        r.iter()
            .all(|x| x["mode"] == "drill" && x["deck"] == "it-fundamentals")
    );
    assert_eq!(r[2]["grade"], "again");
}

#[test]
fn undo_skip_quit_and_bad_input() {
    let home = tempfile::tempdir().unwrap();
    let out = prepdeck(home.path())
        .args(["--deck", "it-fundamentals", "drill", "--plain"])
        .write_stdin("\n4\n\nwhat\nu\n2\n\ns\n\nq\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("Please answer 1-4"), "{stdout}");
    assert!(stdout.contains("Undone: the Easy grade."), "{stdout}");
    assert!(
        stdout.contains("Session over: 1 card(s) reviewed"),
        "{stdout}"
    );
    assert!(stdout.contains("Also: 1 skipped."), "{stdout}");
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(home.path().join("state.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<&str> = lines.iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["review", "undo", "review"]);
    assert_eq!(lines[1]["target"], lines[0]["id"]);
    assert_eq!(lines[2]["grade"], "hard");
}

/// Grade card 1, bury card 2, suspend card 3, then undo three times: the suspension, the bury
/// and the grade come back in that order, each action confirmed with what `u` would undo.
#[test]
fn undo_takes_back_the_most_recent_action_whatever_it_was() {
    let home = tempfile::tempdir().unwrap();
    let out = prepdeck(home.path())
        .args(["--deck", "it-fundamentals", "drill", "--plain"])
        .write_stdin("\n3\n/bury\n\nx\n/undo\nu\n/undo\nq\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    for said in [
        "(u: undo the Good grade)",
        "Buried until tomorrow. u: undo the bury.",
        "Suspended. u: undo the suspension.",
        "Undone: the suspension.",
        "Undone: the bury.",
        "Undone: the Good grade.",
    ] {
        assert!(stdout.contains(said), "{said:?} in {stdout}");
    }
    let order: Vec<usize> = [
        "Undone: the suspension.",
        "Undone: the bury.",
        "Undone: the Good",
    ]
    .iter()
    .map(|s| stdout.find(s).unwrap())
    .collect();
    assert!(order.is_sorted(), "{stdout}");
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(home.path().join("state.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<&str> = lines.iter().map(|r| r["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["review", "bury", "suspend", "undo", "undo", "undo"]);
    for (undo, target) in [(3, 2), (4, 1), (5, 0)] {
        assert_eq!(lines[undo]["target"], lines[target]["id"]);
    }
    // Nothing is left suspended, buried or reviewed.
    let cards = prepdeck(home.path())
        .args(["--deck", "it-fundamentals", "cards", "--json"])
        .output()
        .unwrap();
    let cards: Vec<serde_json::Value> = serde_json::from_slice(&cards.stdout).unwrap();
    assert!(cards.iter().all(|c| c["state"] == "new"), "{cards:?}");
}

/// A card buried in the drill is listed as buried, and `cards unbury` brings it back today.
#[test]
fn a_buried_card_is_listed_as_buried_until_unburied() {
    let home = tempfile::tempdir().unwrap();
    let out = prepdeck(home.path())
        .args([
            "--deck",
            "it-fundamentals",
            "drill",
            "--plain",
            "--limit",
            "1",
        ])
        .write_stdin("/bury\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed = |home: &std::path::Path| -> Vec<(String, String)> {
        let out = prepdeck(home)
            .args(["--deck", "it-fundamentals", "cards", "--json"])
            .output()
            .unwrap();
        let cards: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        cards
            .iter()
            .filter(|c| c["state"] != "new")
            .map(|c| {
                (
                    format!(
                        "{}/{}",
                        c["deck"].as_str().unwrap(),
                        c["id"].as_str().unwrap()
                    ),
                    c["state"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let buried = listed(home.path());
    assert_eq!(buried.len(), 1, "{buried:?}");
    assert_eq!(buried[0].1, "buried");
    let out = prepdeck(home.path())
        .args(["cards", "unbury", &buried[0].0])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("unburied: "));
    assert!(listed(home.path()).is_empty());
}

#[test]
fn end_of_input_ends_cleanly_and_nothing_due_is_explained() {
    let home = tempfile::tempdir().unwrap();
    prepdeck(home.path())
        .args(["drill", "--plain"])
        .write_stdin("")
        .assert()
        .success();
    assert!(reviews(home.path()).is_empty());
    prepdeck(home.path())
        .args([
            "--deck",
            "interview-craft",
            "drill",
            "--plain",
            "--category",
            "no-such",
        ])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no category `no-such`"));
    // Everything in the deck done for today: the candidate is told when to come back.
    std::fs::write(
        home.path().join("config.toml"),
        "[scheduler]\nnew_per_day = 0\n",
    )
    .unwrap();
    let out = prepdeck(home.path())
        .args(["drill", "--plain"])
        .write_stdin("")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Nothing to drill right now"), "{stdout}");
}

#[test]
fn a_second_writer_gets_a_clear_message() {
    let home = tempfile::tempdir().unwrap();
    let (_log, _) = prepdeck::store::log::StateLog::open(home.path().join("state.jsonl")).unwrap();
    let out = prepdeck(home.path())
        .args(["drill", "--plain"])
        .write_stdin("\n3\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("another prepdeck"), "{stderr}");
}

/// A write past `ulimit -f` must not kill prepdeck (SIGXFSZ): the grade is refused with a clear
/// message, the exit status says so, and the state file keeps exactly what it had.
#[cfg(unix)]
#[test]
fn file_size_limit_is_a_clear_error_not_a_crash() {
    let home = tempfile::tempdir().unwrap();
    prepdeck(home.path())
        .args(["--deck", "it-fundamentals", "drill", "--plain"])
        .write_stdin("\n3\n".repeat(8))
        .assert()
        .success();
    let state = home.path().join("state.jsonl");
    let before = std::fs::read(&state).unwrap();
    assert!(before.len() > 1024, "fixture must exceed the limit");
    let bin = assert_cmd::cargo::cargo_bin("prepdeck");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -f 1; printf '\\n3\\n' | exec '{}' --deck it-fundamentals drill --plain",
            bin.display()
        ))
        .env("PREPDECK_HOME", home.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Not killed: exit 1 because a grade was not recorded, said after the summary.
    assert_eq!(
        out.status.code(),
        Some(1),
        "killed? {:?}\n{stdout}",
        out.status
    );
    assert!(
        stdout.contains("not recorded:") && stdout.contains("size limit"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 grade(s) could not be recorded"),
        "{stdout}"
    );
    assert!(!stdout.contains("recorded: Good"), "{stdout}");
    assert_eq!(std::fs::read(&state).unwrap(), before);
}

/// The categories ("Card i of n | deck: … | category: TITLE | …") a plain drill showed.
fn shown_categories(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| l.starts_with("Card "))
        .filter_map(|l| l.split(" | ").nth(2))
        .filter_map(|c| c.strip_prefix("category: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn weakest_drills_the_lowest_readiness_categories() {
    let home = tempfile::tempdir().unwrap();
    // Some history first: four cards, the first two forgotten.
    let out = prepdeck(home.path())
        .args([
            "--deck",
            "it-fundamentals",
            "drill",
            "--plain",
            "--limit",
            "4",
        ])
        .write_stdin("\n1\n\n1\n\n4\n\n4\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stats = prepdeck(home.path())
        .args(["--deck", "it-fundamentals", "stats", "--json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    // Weakest first among the categories started, untouched ones only after them.
    let cats = stats["categories"].as_array().unwrap();
    let started = cats.iter().filter(|c| c["seen"].as_u64().unwrap() > 0);
    let untouched = cats.iter().filter(|c| c["seen"].as_u64().unwrap() == 0);
    let weakest: Vec<String> = started
        .chain(untouched)
        .take(2)
        .map(|c| c["title"].as_str().unwrap().to_string())
        .collect();

    let out = prepdeck(home.path())
        .args([
            "--deck",
            "it-fundamentals",
            "drill",
            "--plain",
            "--weakest",
            "2",
        ])
        .write_stdin("\n3\n\n3\n\nq\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let shown = shown_categories(&stdout);
    assert_eq!(shown.len(), 3, "{stdout}");
    assert!(
        shown.iter().all(|c| weakest.contains(c)),
        "{shown:?} vs {weakest:?}"
    );
    let total: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Card 1 of "))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(total <= 20, "the default limit is 20, got {total}");
    assert_eq!(reviews(home.path()).len(), 6);
}

#[test]
fn weakest_is_documented_and_checked() {
    let help = prepdeck(Path::new("/nonexistent"))
        .args(["drill", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--weakest <N>"), "{help}");
    assert!(help.contains("weakest categories"), "{help}");
    let both = prepdeck(Path::new("/nonexistent"))
        .args(["drill", "--plain", "--weakest", "2", "--category", "x"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
    let zero = prepdeck(Path::new("/nonexistent"))
        .args(["drill", "--plain", "--weakest", "0"])
        .output()
        .unwrap();
    assert_eq!(zero.status.code(), Some(2));
}

#[test]
fn the_app_without_a_terminal_is_bad_usage_and_names_line_mode() {
    let home = tempfile::tempdir().unwrap();
    for (command, plain) in [
        ("drill", "`prepdeck drill --plain`"),
        ("mock", "`prepdeck mock --plain`"),
    ] {
        let out = prepdeck(home.path()).arg(command).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert!(
            err.contains("needs a terminal") && err.contains(plain),
            "{err}"
        );
    }
}

#[test]
fn kind_filter_takes_only_that_kind() {
    let home = tempfile::tempdir().unwrap();
    let out = prepdeck(home.path())
        .args(["drill", "--plain", "--kind", "motivation", "--limit", "3"])
        .write_stdin("\n3\n".repeat(3))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let cards: Vec<&str> = stdout.lines().filter(|l| l.starts_with("Card ")).collect();
    assert_eq!(cards.len(), 3, "{stdout}");
    assert!(
        cards.iter().all(|l| l.ends_with("| motivation")),
        "{cards:?}"
    );
    prepdeck(home.path())
        .args(["drill", "--plain", "--kind", "nonsense"])
        .assert()
        .code(2);
}

/// A behavioural card's draft is read for STAR at the reveal, as in the mock debrief and
/// `prepdeck answer`; a card of another kind gets no STAR line.
#[test]
fn a_behavioural_draft_gets_its_star_line_and_other_kinds_none() {
    let home = tempfile::tempdir().unwrap();
    let story = "At a regional bus company the depot wifi dropped every afternoon. I surveyed the \
                 yard, moved four access points and put the scanners on their own network. \
                 Dropouts fell from forty a day to two.";
    let drill = |filter: &[&str]| {
        let out = prepdeck(home.path())
            .args(["drill", "--plain", "--limit", "1"])
            .args(filter)
            .write_stdin(format!("{story}\n\n3\n"))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{stdout}");
        stdout
    };
    let behavioural = drill(&["--deck", "it-manager", "--kind", "behavioral"]);
    assert!(
        behavioural.contains("STAR: found Situation, Action, Result; missing Task"),
        "{behavioural}"
    );
    let other = drill(&["--deck", "it-fundamentals"]);
    assert!(!other.contains("STAR:"), "{other}");
}
