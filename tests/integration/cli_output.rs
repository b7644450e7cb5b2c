//! `export ... -o FILE` and `report -o FILE`: never over prepdeck's own files, whatever the
//! path; replacements are atomic and private.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const DECK: &str = r#"format = 1

[deck]
id = "mini"
title = "Mini deck"

[[category]]
id = "budget"
title = "Budgeting"

[[card]]
id = "forecast"
category = "budget"
kind = "knowledge"
question = "How do you forecast a budget?"
answer = "From last year's actuals."
"#;

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.arg("--home").arg(home).env_remove("PREPDECK_HOME");
    cmd
}

/// A home with a deck, a state file with an interview, a config and a mock setup.
fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::write(home.path().join("decks/mini.toml"), DECK).unwrap();
    prepdeck(home.path())
        .args([
            "--deck",
            "mini",
            "mock",
            "--plain",
            "--questions",
            "1",
            "--prep",
            "0",
            "--seed",
            "1",
        ])
        .write_stdin("From the actuals.\n.\n\n3\n")
        .assert()
        .success();
    std::fs::write(home.path().join("config.toml"), "").unwrap();
    std::fs::write(home.path().join("mock-setup.toml"), "").unwrap();
    std::fs::write(home.path().join("state.jsonl.backup-1"), "backup").unwrap();
    home
}

fn snapshot(home: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for dir in [home.to_path_buf(), home.join("decks")] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                files.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn own_files_are_refused_by_export_and_report_even_with_force() {
    let home = home();
    let h = home.path();
    let extra = h.join("extra.toml");
    std::fs::write(&extra, DECK.replace("\"mini\"", "\"extra\"")).unwrap();
    let before = snapshot(h);
    let targets = [
        h.join("state.jsonl"),
        h.join("decks/../state.jsonl"),
        h.join("state.jsonl.backup-1"),
        h.join("state.jsonl.torn-99"),
        h.join("config.toml"),
        h.join("mock-setup.toml"),
        h.join("decks/mini.toml"),
        extra.clone(),
    ];
    for target in &targets {
        for args in [
            &["export", "progress"][..],
            &["export", "deck", "mini"][..],
            &["report", "--last"][..],
        ] {
            prepdeck(h)
                .arg("--deck-file")
                .arg(&extra)
                .args(args)
                .arg("--force")
                .arg("-o")
                .arg(target)
                .assert()
                .code(1)
                .stderr(predicate::str::contains("refusing to write to"));
        }
    }
    #[cfg(unix)]
    {
        let link = h.join("innocent.json");
        std::os::unix::fs::symlink(h.join("state.jsonl"), &link).unwrap();
        prepdeck(h)
            .args(["export", "progress", "--force", "-o"])
            .arg(&link)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("state file"));
        std::fs::remove_file(&link).unwrap();
    }
    assert_eq!(snapshot(h), before, "nothing was written");
    assert!(!h.join("state.jsonl.torn-99").exists());
}

#[cfg(unix)]
#[test]
fn a_forced_export_replaces_the_file_privately() {
    use std::os::unix::fs::PermissionsExt;
    let home = home();
    let out = home.path().join("progress.json");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    prepdeck(home.path())
        .args(["export", "progress", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"reviews\""), "{text}");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}
