//! `prepdeck optimize`: fits weights to a history, keeps them only when better, says so, and
//! `--reset` goes back to the defaults; `stats` sets retention against the aim.

/// The test data generators, shared with the library's own tests (not part of the library).
#[allow(dead_code)]
#[path = "../../src/fixtures.rs"]
mod fixtures;

use std::path::Path;

use assert_cmd::Command;
use chrono::Utc;
use fixtures::{FixtureSpec, deck_toml, jsonl, review_records};

fn prepdeck(home: &Path) -> Command {
    let mut c = Command::cargo_bin("prepdeck").unwrap();
    c.arg("--home").arg(home).env_remove("PREPDECK_HOME");
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// A data folder with a deck of `cards` and `reviews` reviews over a year.
fn history(cards: usize, reviews: usize) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let spec = FixtureSpec::new(cards, reviews, Utc::now());
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::write(home.path().join("decks/bench.toml"), deck_toml(&spec)).unwrap();
    std::fs::write(
        home.path().join("state.jsonl"),
        jsonl(&review_records(&spec)),
    )
    .unwrap();
    home
}

#[test]
fn a_fresh_user_is_told_there_is_not_enough_history() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout(prepdeck(home.path()).arg("optimize"));
    assert!(out.contains("Not enough history to fit yet"), "{out}");
    assert!(out.contains("Nothing changed"), "{out}");
    let config = stdout(prepdeck(home.path()).arg("config"));
    assert!(!config.contains("parameters"), "{config}");
    // Nothing was fitted, so a reset has no fitted weights to remove.
    let reset = stdout(prepdeck(home.path()).args(["optimize", "--reset"]));
    assert!(
        reset.contains("Already using the default FSRS-6 weights"),
        "{reset}"
    );
}

#[test]
fn fitted_weights_are_kept_when_better_used_and_reset() {
    let home = history(300, 3000);
    let stats = stdout(prepdeck(home.path()).arg("stats"));
    assert!(stats.contains("you aim for 90%"), "{stats}");
    assert!(
        stats.contains("Optimise    3000 reviews and the default weights"),
        "{stats}"
    );
    let due_before = stdout(prepdeck(home.path()).args(["stats", "--json"]));

    let out = stdout(prepdeck(home.path()).arg("optimize"));
    assert!(out.contains("log loss"), "{out}");
    assert!(out.contains("in use (the defaults)"), "{out}");
    assert!(out.contains("every schedule now uses them"), "{out}");
    let saved = std::fs::read_to_string(home.path().join("parameters.toml")).unwrap();
    assert!(saved.contains("kept = true"), "{saved}");
    let config = stdout(prepdeck(home.path()).arg("config"));
    assert!(config.contains("parameters = ["), "{config}");
    // Every schedule uses them: the forecast changes; no more suggestion.
    let due_after = stdout(prepdeck(home.path()).args(["stats", "--json"]));
    let forecast =
        |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap()["forecast"].clone();
    assert_ne!(forecast(&due_before), forecast(&due_after));
    let stats = stdout(prepdeck(home.path()).arg("stats"));
    assert!(!stats.contains("Optimise"), "{stats}");

    // Run again: the fitted weights are the ones in use, and are not replaced by worse.
    let again = stdout(prepdeck(home.path()).arg("optimize"));
    assert!(again.contains("in use (fitted before)"), "{again}");

    let out = stdout(prepdeck(home.path()).args(["optimize", "--reset"]));
    assert!(out.contains("Back to the default FSRS-6 weights"), "{out}");
    assert!(!home.path().join("parameters.toml").exists());
    let config = stdout(prepdeck(home.path()).arg("config"));
    assert!(!config.contains("parameters"), "{config}");
}

#[test]
fn a_damaged_parameters_file_is_named_and_reset_mends_it() {
    let home = history(20, 100);
    std::fs::write(home.path().join("parameters.toml"), "parameters = [1.0]\n").unwrap();
    let out = prepdeck(home.path()).arg("stats").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("parameters.toml") && err.contains("--reset"),
        "{err}"
    );
    stdout(prepdeck(home.path()).args(["optimize", "--reset"]));
    stdout(prepdeck(home.path()).arg("stats"));
}
