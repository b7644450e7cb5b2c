//! `decks check` warns about tags that are not lower-case and hyphenated and about two
//! spellings of one tag in a deck, without failing the check.

use assert_cmd::Command;

#[test]
fn near_duplicate_tags_are_warned_about_but_the_deck_is_valid() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("tags.toml");
    std::fs::write(
        &file,
        r#"format = 1

[deck]
id = "tag-demo"
title = "Tag demo"

[[category]]
id = "c"
title = "C"

[[card]]
id = "one"
category = "c"
kind = "knowledge"
tags = ["shadow-it", "vendor"]
question = "Q1?"
answer = "A1."

[[card]]
id = "two"
category = "c"
kind = "knowledge"
tags = ["Shadow IT", "vendors", "budget"]
question = "Q2?"
answer = "A2."
"#,
    )
    .unwrap();
    let out = Command::cargo_bin("prepdeck")
        .unwrap()
        .env("PREPDECK_HOME", home.path())
        .args(["decks", "check"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("all valid"), "{stdout}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    assert_eq!(warnings.len(), 3, "{stderr}");
    assert!(warnings[0].ends_with(
        "tags.toml:19: card `two`: tag `Shadow IT` is not lower-case and hyphenated: write `shadow-it`"
    ));
    assert!(warnings[1].contains(
        "tags `Shadow IT` and `shadow-it` (first used at line 11) look like the same tag"
    ));
    assert!(warnings[2].contains("tags `vendors` and `vendor`"));
}

#[test]
fn the_built_in_decks_have_no_tag_warnings() {
    for (name, text) in prepdeck::store::decks::BUILTIN {
        let deck = prepdeck::store::decks::load_builtin(name, text).unwrap();
        let warnings = prepdeck::core::deck::tag_warnings(&deck);
        assert!(warnings.is_empty(), "{name}: {warnings:#?}");
    }
}
