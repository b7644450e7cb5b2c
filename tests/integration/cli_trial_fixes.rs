//! Issue 12's trial findings and messages, through the real binary: answers capped, card
//! commands that change nothing write nothing, outputs never create folders, date flags, and
//! deck messages that hide nothing (invisible characters, a key nested too deep).

use crate::common;
use crate::support;

use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home);
    cmd
}

/// The records of the state file, as JSON values.
fn records(home: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(home.join("state.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const CAP: usize = 20_000;

/// A 10 MB pasted answer once made the debrief match for minutes. It is cut to the cap where
/// the text is accepted, the candidate is told, and the interview ends as usual.
#[test]
fn a_huge_typed_answer_is_capped_and_said_so() {
    let home = tempfile::tempdir().unwrap();
    let huge = "budget ".repeat(10 * 1024 * 1024 / 7);
    let started = Instant::now();
    let out = prepdeck(home.path())
        .args([
            "--deck",
            "it-manager",
            "mock",
            "--plain",
            "--questions",
            "1",
            "--prep",
            "0",
            "--timing",
            "soft",
            "--no-follow-ups",
            "--seed",
            "3",
        ])
        .write_stdin(format!("{huge}\n.\n3\n"))
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("longer than 20,000 characters: only the first 20,000 are kept"),
        "{}",
        &stdout[..stdout.len().min(3000)]
    );
    let answered: Vec<_> = records(home.path())
        .into_iter()
        .filter(|r| r["type"] == "mock_answered")
        .collect();
    assert_eq!(answered.len(), 1);
    let kept = answered[0]["answer"].as_str().unwrap();
    assert_eq!(kept.chars().count(), CAP);
    assert!(kept.starts_with("budget budget"));
    eprintln!(
        "10 MB answer: interview and debrief in {:?}",
        started.elapsed()
    );

    // A drill draft the same way.
    let out = prepdeck(home.path())
        .args(["--deck", "it-manager", "drill", "--plain", "--limit", "1"])
        .write_stdin(format!("{huge}\n\n3\n"))
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("only the first 20,000 are kept"),
        "{stdout}"
    );
    let drafts: Vec<_> = records(home.path())
        .into_iter()
        .filter(|r| r["type"] == "drill_answer")
        .collect();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0]["answer"].as_str().unwrap().chars().count(), CAP);
}

/// `cards suspend`, `unsuspend` and `unbury` write a record only when the card's state changes.
#[test]
fn card_commands_with_nothing_to_do_write_nothing() {
    let home = tempfile::tempdir().unwrap();
    let card = "it-fundamentals/continuity-rto-vs-rpo";
    let count = |kind: &str| {
        records(home.path())
            .iter()
            .filter(|r| r["type"] == kind)
            .count()
    };
    for (args, says, suspends, unsuspends, buries) in [
        (
            vec!["unsuspend", card],
            "is not suspended: nothing to do",
            0,
            0,
            0,
        ),
        (
            vec!["unbury", card],
            "is not buried: nothing to do",
            0,
            0,
            0,
        ),
        (vec!["suspend", card], "suspended: ", 1, 0, 0),
        (
            vec!["suspend", card, card],
            "is already suspended: nothing to do",
            1,
            0,
            0,
        ),
        (vec!["unsuspend", card], "unsuspended: ", 1, 1, 0),
        (
            vec!["unsuspend", card],
            "is not suspended: nothing to do",
            1,
            1,
            0,
        ),
    ] {
        prepdeck(home.path())
            .arg("cards")
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains(says));
        assert_eq!(
            (count("suspend"), count("unsuspend"), count("bury")),
            (suspends, unsuspends, buries),
            "{args:?}"
        );
    }
    // A card buried until tomorrow is unburied once; the second time there is nothing to do.
    let until = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    let mut log = std::fs::read_to_string(home.path().join("state.jsonl")).unwrap();
    log.push_str(&format!(
        r#"{{"v":1,"id":"b1","at":"2026-01-01T00:00:00Z","type":"bury","deck":"it-fundamentals","card":"continuity-rto-vs-rpo","until":"{until}"}}"#
    ));
    log.push('\n');
    std::fs::write(home.path().join("state.jsonl"), log).unwrap();
    for (says, buries) in [("unburied: ", 2), ("is not buried: nothing to do", 2)] {
        prepdeck(home.path())
            .args(["cards", "unbury", card])
            .assert()
            .success()
            .stdout(predicate::str::contains(says));
        assert_eq!(count("bury"), buries);
    }
}

/// `report -o /nonexist/x.md` created the missing folders; outputs now go only into folders
/// that exist, with a clear message and exit 1.
#[test]
fn outputs_never_create_folders() {
    let home = tempfile::tempdir().unwrap();
    let out = prepdeck(home.path())
        .args([
            "--deck",
            "it-manager",
            "mock",
            "--plain",
            "--questions",
            "1",
            "--prep",
            "0",
        ])
        .args(["--timing", "soft", "--no-follow-ups", "--seed", "1"])
        .write_stdin("I would set a budget.\n.\n3\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let missing = home.path().join("nonexist").join("deeper");
    for args in [
        vec!["report".to_string(), "-o".into()],
        vec!["export".into(), "progress".into(), "-o".into()],
    ] {
        prepdeck(home.path())
            .args(&args)
            .arg(missing.join("x.md"))
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("does not exist")
                    .and(predicate::str::contains("nonexist")),
            );
        assert!(
            !home.path().join("nonexist").exists(),
            "{args:?} created a folder"
        );
    }
    // A file where the folder should be is said to be one.
    std::fs::write(home.path().join("afile"), "x").unwrap();
    prepdeck(home.path())
        .args(["report", "-o"])
        .arg(home.path().join("afile").join("x.md"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a folder"));
    prepdeck(home.path())
        .args(["report", "-o"])
        .arg(home.path().join("report.md"))
        .assert()
        .success();
}

/// A malformed date is a usage error (2); a well-formed date in the past is a problem with the
/// data (1). `target add` and `target edit` say the same.
#[test]
fn date_flags_tell_malformed_from_past() {
    let home = tempfile::tempdir().unwrap();
    let job = home.path().join("job.txt");
    std::fs::write(
        &job,
        "We need an IT manager to run the service desk and budgets.",
    )
    .unwrap();
    prepdeck(home.path())
        .args(["target", "add", "acme", "--job"])
        .arg(&job)
        .assert()
        .success();
    for verb in [
        &["add", "other", "--job", job.to_str().unwrap()][..],
        &["edit", "acme"],
    ] {
        for (date, code, says) in [
            ("2020-13-01", 2, "bad date `2020-13-01`"),
            ("next tuesday", 2, "use YYYY-MM-DD"),
            (
                "2020-01-01",
                1,
                "the interview date `2020-01-01` is in the past",
            ),
            ("2020-01-01T10:00", 1, "is in the past"),
        ] {
            prepdeck(home.path())
                .arg("target")
                .args(verb)
                .args(["--date", date])
                .assert()
                .code(code)
                .stderr(predicate::str::contains(says));
        }
    }
    assert!(!home.path().join("targets").join("other.toml").exists());
}

/// Control and invisible characters in a deck's ids are shown in messages as `\uXXXX`, with a
/// note, so a refused id never looks valid; a tag that holds one is warned about with its line.
#[test]
fn invisible_characters_in_ids_are_shown_not_hidden() {
    let home = tempfile::tempdir().unwrap();
    let deck = home.path().join("deck.toml");
    std::fs::write(
        &deck,
        "format = 1\n[deck]\nid = \"my\\u0007deck\"\ntitle = \"T\"\n[[category]]\nid = \"c\"\n\
         title = \"C\"\n[[card]]\nid = \"one\"\ncategory = \"c\"\nkind = \"know\\u001bledge\"\n\
         question = \"Q?\"\nanswer = \"A\"\n",
    )
    .unwrap();
    prepdeck(home.path())
        .args(["decks", "check"])
        .arg(&deck)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("\"my\\u0007deck\" is not a valid id")
                .and(predicate::str::contains("deck.toml:3:6"))
                .and(predicate::str::contains("unknown kind `know\\u001Bledge`"))
                .and(predicate::str::contains("deck.toml:11:8"))
                .and(predicate::str::contains("invisible characters"))
                .and(predicate::str::contains("\u{7}").not()),
        );
    std::fs::write(
        &deck,
        "format = 1\n[deck]\nid = \"mine\"\ntitle = \"T\"\n[[category]]\nid = \"c\"\n\
         title = \"C\"\n[[card]]\nid = \"one\"\ncategory = \"c\"\nkind = \"knowledge\"\n\
         tags = [\"on\\u0085boarding\", \"zero\\u200bwidth\"]\nquestion = \"Q?\"\nanswer = \"A\"\n",
    )
    .unwrap();
    prepdeck(home.path())
        .args(["decks", "check"])
        .arg(&deck)
        .assert()
        .success()
        .stderr(
            predicate::str::contains(
                "deck.toml:8: card `one`: tag `on\\u0085boarding` holds invisible characters",
            )
            .and(predicate::str::contains(
                "tag `zero\\u200Bwidth` holds invisible characters",
            )),
        );
    // A name given on the command line is shown the same way.
    prepdeck(home.path())
        .args(["cards", "show", "it-\u{7}manager/x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("it-\\u0007manager"));
}

/// `toml` refuses a dotted key nested past its limit without a position; the message now has
/// the file, line and column like every other deck error.
#[test]
fn a_key_nested_too_deep_is_located() {
    let home = tempfile::tempdir().unwrap();
    let deck = home.path().join("deep.toml");
    let key = format!("a{}", ".a".repeat(300));
    std::fs::write(
        &deck,
        format!("format = 1\n[deck]\nid = \"x\"\ntitle = \"t\"\n{key} = 1\n"),
    )
    .unwrap();
    prepdeck(home.path())
        .args(["decks", "check"])
        .arg(&deck)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("recursion limit")
                .and(predicate::str::contains("deep.toml:5:1"))
                .and(predicate::str::contains("at most 80 dots")),
        );
    // Every other TOML file prepdeck reads names the line the same way (it said
    // "config.toml:0: recursion limit", or no line at all).
    let deep = format!("{key} = 1\n");
    for (file, text, args, says) in [
        (
            "config.toml",
            format!("[scheduler]\nnew_per_day = 5\n{deep}"),
            &["config"][..],
            "config.toml:3: recursion limit",
        ),
        (
            "parameters.toml",
            deep.clone(),
            &["config"],
            "parameters.toml: line 1: recursion limit",
        ),
        (
            "mock-setup.toml",
            format!("questions = 3\n{deep}"),
            &["mock", "--plain"],
            "mock-setup.toml is invalid: line 2: recursion limit",
        ),
        (
            "targets/x.toml",
            format!("format = 1\n{deep}"),
            &["target", "list"],
            "x.toml is invalid: line 2: recursion limit",
        ),
        (
            "stories.toml",
            format!("\n{deep}"),
            &["stories", "check"],
            "stories.toml:2:1",
        ),
    ] {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        prepdeck(home.path())
            .args(args)
            .write_stdin("")
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains(says).and(predicate::str::contains("at most 80 dots")),
            );
    }
}

/// A broken deck in `<home>/decks` was parsed again on every start. What parsing it gave is
/// cached like a good deck's: the next start reads the same messages from the cache, and an
/// edit is parsed afresh.
#[test]
fn a_broken_decks_problems_are_cached_until_it_is_edited() {
    let home = tempfile::tempdir().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let broken = "format = 1\n[deck]\nid = \"Bad Id\"\ntitle = \"t\"\nquestoin = 1\n";
    std::fs::write(decks.join("broken.toml"), broken).unwrap();
    let list = || {
        let out = prepdeck(home.path())
            .args(["decks", "list"])
            .output()
            .unwrap();
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let entries = || {
        std::fs::read_dir(home.path().join("cache/decks"))
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| (e.file_name(), std::fs::read(e.path()).unwrap()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let first = list();
    assert!(first.1.contains("broken.toml:3:6"), "{}", first.1);
    let cached = entries();
    // Four built-in decks and the broken one.
    assert_eq!(cached.len(), 5, "{:?}", cached.keys());
    let second = list();
    assert_eq!(
        second, first,
        "the cached problems read as the parser's own"
    );
    assert_eq!(
        entries(),
        cached,
        "served from the cache, not written again"
    );
    std::fs::write(decks.join("broken.toml"), broken.replace("Bad Id", "fixed")).unwrap();
    let third = list();
    assert!(!third.1.contains("not a valid id"), "{}", third.1);
    assert!(third.1.contains("questoin"), "{}", third.1);
    assert_ne!(entries(), cached);
}

/// `history` listed an interview whose id holds control characters as `mock-` (the characters
/// removed), which `report --id` could not use once two such ids read the same. Ids are now
/// shown with their hidden characters written out, in the list, in JSON and in messages, and
/// each shown id gives back its own interview.
#[test]
fn every_id_history_shows_can_be_given_to_report() {
    let home = tempfile::tempdir().unwrap();
    for seed in ["1", "2"] {
        let out = prepdeck(home.path())
            .args([
                "--deck",
                "it-manager",
                "mock",
                "--plain",
                "--questions",
                "1",
            ])
            .args([
                "--prep",
                "0",
                "--timing",
                "soft",
                "--no-follow-ups",
                "--seed",
                seed,
            ])
            .write_stdin(format!("Answer {seed}: I would set a budget.\n.\n3\n"))
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    // Give the two interviews ids that differ only in what follows a C1 CSI.
    let state = home.path().join("state.jsonl");
    let text = std::fs::read_to_string(&state).unwrap();
    let ids: Vec<String> = records(home.path())
        .iter()
        .filter(|r| r["type"] == "mock_started")
        .map(|r| r["interview"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2);
    let text = text
        .replace(&ids[0], "mock-\\u009b31m")
        .replace(&ids[1], "mock-\\u009b32m");
    std::fs::write(&state, text).unwrap();

    let listed = prepdeck(home.path()).arg("history").output().unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    let json = prepdeck(home.path())
        .args(["history", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let shown: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        shown,
        ["mock-\\u009B32m", "mock-\\u009B31m"],
        "newest first"
    );
    for (id, answer) in shown.iter().zip(["Answer 2", "Answer 1"]) {
        assert!(listed.contains(id), "{listed}");
        prepdeck(home.path())
            .args(["report", "--id", id])
            .assert()
            .success()
            .stdout(
                predicate::str::contains(format!("Interview id: `{id}`"))
                    .and(predicate::str::contains(answer)),
            );
        let report = prepdeck(home.path())
            .args(["report", "--format", "json", "--id", id])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
        assert_eq!(report["id"], *id);
    }
    // With its characters removed the id names neither; the message lists both as shown.
    prepdeck(home.path())
        .args(["report", "--id", "mock-"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("mock-\\u009B32m")
                .and(predicate::str::contains("mock-\\u009B31m")),
        );
}

/// Issue 12, item 7: each problem's line was found by counting from the start of the file,
/// so 40,000 unknown keys took 9.9 s in `decks check`, and a broken deck in `<home>/decks`
/// printed every problem (13 MB) on every start. The cost is now linear in the problems (four
/// times the problems cost well under eight times the CPU time; a quadratic count costs
/// sixteen), `decks check` prints the first hundred and says how many more, every other
/// command the first three, and the next start reads them from the deck cache.
#[test]
fn a_deck_with_forty_thousand_problems_is_checked_in_linear_time_and_said_briefly() {
    let deck = |keys: usize| {
        let mut text = String::from(
            "format = 1\n[deck]\nid = \"big\"\ntitle = \"Big\"\n[[category]]\nid = \"c\"\n\
             title = \"C\"\n[[card]]\nid = \"one\"\ncategory = \"c\"\nkind = \"knowledge\"\n\
             question = \"Q?\"\nanswer = \"A\"\n",
        );
        for i in 0..keys {
            text.push_str(&format!("unknown_key_{i:05} = 1\n"));
        }
        text
    };
    let dir = tempfile::tempdir().unwrap();
    let check = |keys: usize| {
        let path = dir.path().join(format!("big-{keys}.toml"));
        std::fs::write(&path, deck(keys)).unwrap();
        let (out, cpu) = support::output_and_cpu(
            std::process::Command::new(env!("CARGO_BIN_EXE_prepdeck"))
                .env("PREPDECK_HOME", dir.path())
                .args(["decks", "check"])
                .arg(&path),
            b"",
        );
        assert_eq!(out.status.code(), Some(1));
        (String::from_utf8(out.stderr).unwrap(), cpu)
    };
    let (_, small) = check(10_000);
    let (said, large) = check(40_000);
    eprintln!("decks check: 10,000 problems {small:?} of CPU, 40,000 {large:?}");
    assert!(
        large < small * 8,
        "40,000 problems cost {large:?}, 10,000 cost {small:?}: not linear"
    );
    assert_eq!(said.matches("unknown key `unknown_key_").count(), 100);
    assert!(
        said.contains("... and 39900 more problem(s) in this file; fix these and check again"),
        "{}",
        &said[said.len().saturating_sub(500)..]
    );
    assert!(said.contains("1 invalid, 40000 error(s)"));

    // In the decks folder: three problems on every start, then read from the cache.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::write(home.path().join("decks/big.toml"), deck(40_000)).unwrap();
    let list = || {
        support::output_and_cpu(
            std::process::Command::new(env!("CARGO_BIN_EXE_prepdeck"))
                .env("PREPDECK_HOME", home.path())
                .args(["decks", "list"]),
            b"",
        )
    };
    let (first, parsed) = list();
    let (second, cached) = list();
    eprintln!("decks list: {parsed:?} of CPU parsing, {cached:?} from the cache");
    assert_eq!(first.stderr, second.stderr);
    let said = String::from_utf8(second.stderr).unwrap();
    assert_eq!(
        said.matches("unknown key `unknown_key_").count(),
        3,
        "{said}"
    );
    assert!(
        said.contains("... and 39997 more problem(s) in this file (`prepdeck decks check "),
        "{said}"
    );
    assert!(said.len() < 4_000, "{} bytes", said.len());
    assert!(
        cached < parsed,
        "{cached:?} from the cache, {parsed:?} parsing"
    );
}

/// Issue 12, item 9, carried to every file prepdeck keeps: `export ... -o FILE --force` wrote
/// over the story bank, the fitted weights, a target and the caches, and a `.toml` written
/// into the decks folder broke every later start. Each is refused by what it is, however the
/// path reaches it, and the file is left as it was.
#[test]
fn outputs_never_replace_prepdecks_own_files() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    prepdeck(h)
        .args([
            "--deck",
            "it-manager",
            "mock",
            "--plain",
            "--questions",
            "1",
        ])
        .args([
            "--prep",
            "0",
            "--timing",
            "soft",
            "--no-follow-ups",
            "--seed",
            "1",
        ])
        .write_stdin("I would set a budget.\n.\n3\n")
        .assert()
        .success();
    let job = h.join("job.txt");
    std::fs::write(&job, "We need an IT manager for the service desk.").unwrap();
    prepdeck(h)
        .args(["target", "add", "acme", "--job"])
        .arg(&job)
        .assert()
        .success();
    std::fs::create_dir_all(h.join("decks")).unwrap();
    std::fs::write(h.join("stories.toml"), "# my stories\n").unwrap();
    std::fs::write(h.join("parameters.toml"), "# fitted\n").unwrap();
    let cases = [
        ("stories.toml", "it is your story bank"),
        ("parameters.toml", "the scheduler weights"),
        ("targets/acme.toml", "in prepdeck's targets folder"),
        ("targets/new.toml", "in prepdeck's targets folder"),
        ("cache/progress.bin", "in prepdeck's cache folder"),
        ("cache/missing/../key", "in prepdeck's cache folder"),
        ("decks/new.toml", "is loaded as a deck"),
    ];
    let before = |f: &str| std::fs::read(h.join(f)).ok();
    for (file, says) in cases {
        let was = before(file);
        for args in [
            &["export", "progress", "--force", "-o"][..],
            &["report", "--force", "-o"],
        ] {
            prepdeck(h)
                .args(args)
                .arg(h.join(file))
                .assert()
                .code(1)
                .stderr(predicate::str::contains(says));
        }
        assert_eq!(before(file), was, "{file} changed");
    }
    assert!(!h.join("cache/missing").exists());
    // Other files in the decks folder, and files beside the home's own, are fine.
    prepdeck(h)
        .args(["export", "progress", "-o"])
        .arg(h.join("decks/progress.json"))
        .assert()
        .success();
    prepdeck(h)
        .args(["export", "progress", "-o"])
        .arg(h.join("progress.json"))
        .assert()
        .success();
    // And `decks new` still writes a deck into the decks folder.
    prepdeck(h)
        .args(["decks", "new"])
        .arg(h.join("decks/mine.toml"))
        .assert()
        .success();
}

/// `cards note --file /dev/zero` read until memory ran out, and a FIFO waited forever: the
/// file goes through the one bounded open, and standard input is read no further than the
/// longest text a note may hold.
#[cfg(unix)]
#[test]
fn a_note_file_is_read_through_the_bounded_open() {
    let home = tempfile::tempdir().unwrap();
    let card = "it-manager/projects-allocate-people";
    let fifo = home.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (file, says) in [
        (Path::new("/dev/zero"), "it is a device, not a regular file"),
        (
            fifo.as_path(),
            "it is a named pipe (FIFO), not a regular file",
        ),
    ] {
        prepdeck(home.path())
            .args(["cards", "note", card, "--file"])
            .arg(file)
            .timeout(Duration::from_secs(60))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(says));
    }
    let big = home.path().join("big.txt");
    std::fs::write(&big, "a".repeat(1_000_000)).unwrap();
    prepdeck(home.path())
        .args(["cards", "note", card, "--file"])
        .arg(&big)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("longer than 100000 characters"));
    prepdeck(home.path())
        .args(["cards", "note", card, "--file", "-"])
        .write_stdin("a".repeat(3_000_000))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("longer than 100000 characters"));
    assert!(records(home.path()).is_empty());
    prepdeck(home.path())
        .args(["cards", "note", card, "--file", "-"])
        .write_stdin("say the number")
        .assert()
        .success();
}

/// clap's error for a bad value quotes it, and on a terminal it wrote the value out raw: an
/// argument holding an OSC sequence retitled the terminal. Parse errors are now printed as
/// plain text with hidden characters written out, exit code 2. Run on a terminal (`script`),
/// where clap keeps escapes.
#[test]
fn a_refused_argument_never_reaches_the_terminal_raw() {
    let Some(()) = common::require(
        "a_refused_argument_never_reaches_the_terminal_raw",
        common::program("script"),
    ) else {
        return;
    };
    let out = std::process::Command::new("script")
        .args(["-qec", r#"exec "$BIN" cards --kind "$VAL""#, "/dev/null"])
        .env("BIN", env!("CARGO_BIN_EXE_prepdeck"))
        .env("VAL", "x\u{1b}]0;pwned\u{7}\u{1b}[31mred\u{200b}")
        .env("PREPDECK_HOME", tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("invalid value"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("red\\u200B"), "{text:?}");
}
