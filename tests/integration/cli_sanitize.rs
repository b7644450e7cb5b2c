//! Paths and file content never reach the terminal with control characters, while scripts
//! reading a pipe get exact text where they rely on it.

use assert_cmd::Command;

fn prepdeck(home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.arg("--home").arg(home).env_remove("PREPDECK_HOME");
    cmd
}

fn has_escape(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| b == 0x1b || b == 0x07)
}

#[cfg(unix)]
#[test]
fn paths_with_escapes_are_printed_sanitized() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("evil\u{1b}]0;pwned\u{7}home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(
        home.join("state.jsonl"),
        "garbage \u{1b}[31m line\n{\"v\":1}\n",
    )
    .unwrap();
    for args in [
        &["state", "check"][..],
        &["config"][..],
        &[][..], // the summary, without a terminal
    ] {
        let out = prepdeck(&home).args(args).output().unwrap();
        assert!(!has_escape(&out.stdout), "{args:?}: {:?}", out.stdout);
        assert!(!has_escape(&out.stderr), "{args:?}: {:?}", out.stderr);
    }
    let out = prepdeck(&home)
        .args(["decks", "new"])
        .arg(home.join("new.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!has_escape(&out.stdout), "{:?}", out.stdout);

    // A script reading `state path` from a pipe gets the exact path.
    let out = prepdeck(&home).args(["state", "path"]).output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim_end(),
        home.join("state.jsonl").display().to_string()
    );
}

#[test]
fn export_deck_to_a_pipe_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let out = prepdeck(dir.path())
        .args(["export", "deck", "interview-craft"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.contains(&b'\t'), "tabs kept for Anki");
}
