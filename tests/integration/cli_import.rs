//! `prepdeck import` and `prepdeck export deck` through the real binary, on the fixtures in
//! `tests/fixtures/import/` and a temporary `--home`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use prepdeck::core::deck::{Deck, DeckSource, parse_deck};

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.arg("--home").arg(home).env_remove("PREPDECK_HOME");
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn written(home: &Path, id: &str) -> Deck {
    let path = home.join("decks").join(format!("{id}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    parse_deck(&text, DeckSource::File(path)).unwrap()
}

/// (fixture, deck id, cards, skipped rows)
const GOOD: &[(&str, &str, usize, usize)] = &[
    ("anki-export.txt", "anki-export", 5, 0),
    ("anki-semicolon.txt", "anki-semicolon", 2, 0),
    ("questions.csv", "questions", 4, 0),
    ("no-header.tsv", "no-header", 3, 0),
    ("interview.md", "interview", 4, 0),
    ("missing-answers.md", "missing-answers", 2, 3),
    ("wrong-columns.csv", "wrong-columns", 2, 3),
    ("escapes.csv", "escapes", 2, 0),
];

#[test]
fn every_fixture_imports_into_a_deck_that_checks_and_lists() {
    let home = tempfile::tempdir().unwrap();
    for (name, id, cards, skipped) in GOOD {
        let path = home.path().join("decks").join(format!("{id}.toml"));
        let summary = format!(
            "imported {cards} cards into {}; skipped {skipped} row{}\n",
            path.display(),
            if *skipped == 1 { "" } else { "s" }
        );
        prepdeck(home.path())
            .arg("import")
            .arg(fixture(name))
            .assert()
            .success()
            .stdout(summary);
        assert_eq!(written(home.path(), id).cards.len(), *cards, "{name}");
    }
    prepdeck(home.path())
        .args(["decks", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("all valid"));
    let list = prepdeck(home.path())
        .args(["decks", "list"])
        .assert()
        .success();
    let out = String::from_utf8(list.get_output().stdout.clone()).unwrap();
    for (_, id, _, _) in GOOD {
        assert!(
            out.lines().any(|l| l.starts_with(id)),
            "{id} not listed:\n{out}"
        );
    }
}

#[cfg(unix)]
#[test]
fn the_deck_and_its_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    prepdeck(home.path())
        .arg("import")
        .arg(fixture("questions.csv"))
        .assert()
        .success();
    let mode = |p: PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(home.path().join("decks")), 0o700);
    assert_eq!(mode(home.path().join("decks/questions.toml")), 0o600);
}

#[test]
fn imported_content_is_what_the_file_says() {
    let home = tempfile::tempdir().unwrap();
    prepdeck(home.path())
        .args(["import", "--deck-id", "lib", "--title", "Library panel"])
        .arg(fixture("interview.md"))
        .assert()
        .success();
    let deck = written(home.path(), "lib");
    assert_eq!(deck.title, "Library panel");
    let cats: Vec<&str> = deck.categories.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(cats, vec!["Library systems", "Public computers"]);
    assert_eq!(deck.cards[0].id.as_str(), "what-is-an-ils");
    assert!(
        deck.cards[0]
            .answer
            .ends_with("- Examples: Koha, Alma, Sierra.")
    );

    prepdeck(home.path())
        .args(["import", "--category", "Warm-up questions"])
        .arg(fixture("questions.csv"))
        .assert()
        .success();
    let deck = written(home.path(), "questions");
    assert_eq!(deck.title, "Questions");
    assert_eq!(deck.categories.len(), 1);
    assert_eq!(deck.categories[0].id.as_str(), "warm-up-questions");
    assert_eq!(deck.cards[1].kind.as_str(), "behavioral");
}

#[test]
fn skipped_rows_are_reported_with_line_numbers() {
    let home = tempfile::tempdir().unwrap();
    let file = fixture("wrong-columns.csv");
    let shown = file.display().to_string();
    prepdeck(home.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{shown}:3: skipped: too few columns: found 1, expected at least 2"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:4: skipped: empty question"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:5: skipped: wrong number of columns: found 5"
        )));
    let file = fixture("missing-answers.md");
    let shown = file.display().to_string();
    prepdeck(home.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{shown}:6: skipped: no answer"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:8: skipped: empty answer"
        )))
        .stderr(predicate::str::contains(format!(
            "{shown}:11: skipped: an answer without a question"
        )));
}

#[test]
fn unreadable_files_are_refused_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    for (name, message) in [
        ("empty.csv", "is empty; nothing to import"),
        ("garbage.bin", "the file is not text"),
        ("no-such-file.csv", "no such file"),
    ] {
        prepdeck(home.path())
            .arg("import")
            .arg(fixture(name))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(message));
    }
    let only_bad = home.path().join("only-bad.csv");
    std::fs::write(&only_bad, "question,answer\n,\nq,\n").unwrap();
    prepdeck(home.path())
        .arg("import")
        .arg(&only_bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no cards to import"))
        .stderr(predicate::str::contains(":3: skipped: empty answer"));
    assert!(!home.path().join("decks").exists());
}

#[test]
fn existing_decks_are_never_overwritten() {
    let home = tempfile::tempdir().unwrap();
    let import = |extra: &[&str]| {
        let mut cmd = prepdeck(home.path());
        cmd.arg("import").args(extra).arg(fixture("questions.csv"));
        cmd.assert()
    };
    import(&[]).success();
    let path = home.path().join("decks/questions.toml");
    let before = std::fs::read(&path).unwrap();
    import(&[])
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{} already exists",
            path.display()
        )))
        .stderr(predicate::str::contains("--deck-id"));
    import(&["--category", "Other"]).code(1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    import(&["--deck-id", "questions-2"]).success();

    // A deck id in use by another file, or by a built-in deck, is refused too.
    std::fs::rename(&path, home.path().join("decks/renamed.toml")).unwrap();
    import(&[]).code(1).stderr(predicate::str::contains(
        "deck id `questions` is already used by",
    ));
    import(&["--deck-id", "it-manager"])
        .code(1)
        .stderr(predicate::str::contains("already used by a built-in deck"));
    import(&["--deck-id", "Bad Id"])
        .code(1)
        .stderr(predicate::str::contains("e.g. `--deck-id bad-id`"));
}

#[test]
fn escape_sequences_never_reach_the_deck_or_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let evil = home.path().join("evil\u{1b}[2J.csv");
    std::fs::write(
        &evil,
        "question,answer,category\n\"\u{1b}]0;x\u{7}Q\u{9b}1m?\",\u{1b}[31mA,\u{1b}[2JCat\n,\u{1b}[H\n",
    )
    .unwrap();
    for file in [fixture("escapes.csv"), evil] {
        let out = prepdeck(home.path())
            .args(["import", "--deck-id"])
            .arg(if file.ends_with("escapes.csv") {
                "esc"
            } else {
                "evil"
            })
            .arg(&file)
            .assert()
            .success();
        let output = out.get_output();
        for stream in [&output.stdout, &output.stderr] {
            let s = String::from_utf8_lossy(stream);
            assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        }
    }
    for id in ["esc", "evil"] {
        let text = std::fs::read_to_string(home.path().join(format!("decks/{id}.toml"))).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(
            !text.contains("\\u001B") && !text.contains("\\u009B"),
            "{text}"
        );
    }
    let deck = written(home.path(), "esc");
    assert_eq!(deck.cards[0].question, "What is red text?");
    assert_eq!(deck.cards[0].answer, "It is colored by escapes.");
    let deck = written(home.path(), "evil");
    assert_eq!(deck.cards[0].question, "Q?");
    assert_eq!(deck.categories[0].title, "Cat");
}

#[test]
fn export_then_reimport_round_trips_a_deck() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("it-fundamentals.txt");
    prepdeck(home.path())
        .args([
            "export",
            "deck",
            "it-fundamentals",
            "--format",
            "anki-tsv",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("exported 64 cards"));
    prepdeck(home.path())
        .args(["import", "--deck-id", "fundamentals-copy"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("imported 64 cards"));
    let copy = written(home.path(), "fundamentals-copy");
    let (_, text) = prepdeck::store::decks::BUILTIN
        .iter()
        .find(|(n, _)| *n == "it-fundamentals.toml")
        .unwrap();
    let original = parse_deck(text, DeckSource::Builtin("x".into())).unwrap();
    assert_eq!(copy.cards.len(), original.cards.len());
    for (a, b) in original.cards.iter().zip(&copy.cards) {
        assert_eq!(a.question.trim(), b.question, "question of {}", a.id);
        assert_eq!(a.answer.trim(), b.answer, "answer of {}", a.id);
        assert!(b.tags.contains(&a.category.to_string()));
    }
    prepdeck(home.path())
        .args(["decks", "check"])
        .assert()
        .success();
}

#[test]
fn export_writes_anki_text_and_never_overwrites_without_force() {
    let home = tempfile::tempdir().unwrap();
    prepdeck(home.path())
        .args(["export", "deck", "interview-craft"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n",
        ))
        .stdout(predicate::function(|s: &str| {
            s.lines().skip(4).all(|l| l.split('\t').count() == 3)
        }));
    let out = home.path().join("craft.txt");
    std::fs::write(&out, "keep me").unwrap();
    prepdeck(home.path())
        .args(["export", "deck", "interview-craft", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; pass --force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    prepdeck(home.path())
        .args(["export", "deck", "interview-craft", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("#separator:tab")
    );
    prepdeck(home.path())
        .args(["export", "deck", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no deck with id `nope`"));
}
