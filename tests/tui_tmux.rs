//! End to end: the real binary in tmux with a temp home. Open the app, drill three cards,
//! quit; the state file then holds three reviews (and `prepdeck stats --json` counts them), and
//! the terminal is back on the main screen.
//! Skipped (with a message) when tmux is not installed; CI installs it.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("TERM", "xterm-256color")
            .output()
            .expect("run tmux")
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Waits until the pane shows `text`.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {text:?}; the pane shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn count_reviews(state: &Path) -> usize {
    std::fs::read_to_string(state)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(r#""type":"review""#))
        .count()
}

#[test]
fn drill_three_cards_in_tmux() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("skipped: tmux is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let tmux = Tmux {
        socket: format!("prepdeck-e2e-{}", std::process::id()),
    };
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        "bash",
        "--norc",
        "--noprofile",
    ]);
    assert!(started.status.success(), "{started:?}");
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; '{bin}' --home '{}'; echo \"exited-$?\"",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("interview trainer");
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"])
            .stdout,
        b"1\n"
    );

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
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"])
            .stdout,
        b"0\n"
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
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("skipped: tmux is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let tmux = Tmux {
        socket: format!("prepdeck-e2e-term-{}", std::process::id()),
    };
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "80",
        "-y",
        "24",
        "bash",
        "--norc",
        "--noprofile",
    ]);
    assert!(started.status.success(), "{started:?}");
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
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"])
            .stdout,
        b"0\n"
    );
}
