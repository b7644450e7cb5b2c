//! The optional card fields `outline`, `own_story`, `manager_angle`, `jurisdiction` and
//! `checked` through the real binary: checked by `decks check`, shown by the line-mode drill.

use assert_cmd::Command;
use std::path::Path;

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home);
    cmd
}

fn deck(checked: &str) -> String {
    format!(
        r#"format = 1

[deck]
id = "notes-demo"
title = "Notes demo"

[[category]]
id = "law"
title = "Law"

[[card]]
id = "law-one"
category = "law"
kind = "knowledge"
question = "What does the rule require?"
manager_angle = "It sets what the board must sign off."
answer = "It requires a risk assessment."
outline = ["Name the rule", "Say who it covers"]
own_story = "Swap in a rule your sector follows."
jurisdiction = "EU"
checked = {checked}
"#
    )
}

#[test]
fn a_bad_checked_date_is_located_and_exit_1() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("notes.toml");
    std::fs::write(&file, deck("\"2026-14\"")).unwrap();
    let out = prepdeck(home.path())
        .args(["decks", "check"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("notes.toml:21:11"), "{stderr}");
    assert!(
        stderr.contains("`checked` \"2026-14\" is not a date"),
        "{stderr}"
    );
    assert!(stderr.contains("YYYY-MM"), "{stderr}");
}

#[test]
fn the_line_mode_reveal_shows_the_notes() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("notes.toml");
    std::fs::write(&file, deck("\"2026-12\"")).unwrap();
    let check = prepdeck(home.path())
        .args(["decks", "check"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let out = prepdeck(home.path())
        .arg("--deck-file")
        .arg(&file)
        .args(["--deck", "notes-demo", "drill", "--plain"])
        .write_stdin("\n3\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let answer = stdout
        .find("It requires a risk assessment.")
        .expect("answer shown");
    for line in [
        "Why a manager cares: It sets what the board must sign off.",
        "Outline:\n  - Name the rule\n  - Say who it covers\n",
        "Your own story: Swap in a rule your sector follows.",
        "Facts: EU, checked 2026-12",
    ] {
        let at = stdout
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} missing:\n{stdout}"));
        assert!(at > answer, "{line:?} comes after the model answer");
    }
}
