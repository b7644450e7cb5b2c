//! End to end: the real binary in tmux with a temp home. Open the app, drill three cards,
//! quit; the state file then holds three reviews (and `prepdeck stats --json` counts them), and
//! the terminal is back on the main screen.
//! Skipped (with a message) when tmux is not installed; CI installs it.

use std::path::Path;
use std::process::Command;

mod common;
use common::tmux::Tmux;

fn count_reviews(state: &Path) -> usize {
    std::fs::read_to_string(state)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(r#""type":"review""#))
        .count()
}

#[test]
fn drill_three_cards_in_tmux() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("e2e") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; '{bin}' --home '{}'; echo \"exited-$?\"",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("interview trainer");
    assert!(tmux.alternate_on());

    tmux.send(&["d"]);
    for n in 1..=3 {
        tmux.wait_for(&format!("{n}/"));
        tmux.send(&["Space"]);
        tmux.wait_for("Model answer");
        tmux.send(&["3"]);
    }
    tmux.wait_for("4/");
    tmux.send(&["q"]);
    let summary = tmux.wait_for("Cards reviewed");
    assert!(summary.contains("3 of "), "{summary}");
    tmux.send(&["q"]);
    tmux.wait_for("3 reviewed");
    tmux.send(&["q"]);
    let shell = tmux.wait_for("exited-0");
    assert!(shell.contains("shell$"), "{shell}");
    assert!(
        !tmux.alternate_on(),
        "the terminal is back on the main screen"
    );

    assert_eq!(count_reviews(&home.path().join("state.jsonl")), 3);
    let stats = Command::new(bin)
        .args([
            "--home",
            &home.path().display().to_string(),
            "stats",
            "--json",
        ])
        .output()
        .expect("run prepdeck stats");
    assert!(stats.status.success(), "{stats:?}");
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("stats json");
    assert_eq!(stats["reviews_total"], 3, "{stats}");
}

#[test]
fn sigterm_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("e2e-term") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; '{bin}' --home '{}'; echo \"exited-$?\"",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("interview trainer");
    let shell_pid = String::from_utf8_lossy(
        &tmux
            .run(&["display", "-p", "-t", "e2e", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .to_string();
    let children = Command::new("pgrep").args(["-P", &shell_pid]).output();
    let Ok(children) = children else {
        println!("skipped: pgrep is not installed");
        return;
    };
    let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
    assert!(
        !pid.is_empty() && !pid.contains('\n'),
        "children of the shell: {pid:?}"
    );
    let _ = Command::new("kill").args(["-TERM", &pid]).status();
    let shell = tmux.wait_for("exited-143");
    assert!(shell.contains("shell$"), "{shell}");
    assert!(
        !tmux.alternate_on(),
        "the terminal is back on the main screen"
    );
}
