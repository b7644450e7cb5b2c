//! End to end: the full-screen mock interview in the real binary, in tmux, with a temp home
//! and the real clock. Two typed questions with a 10-second answer clock: one answer typed and
//! submitted, one left to time out; the debrief appears; then `history --json` shows the
//! interview and `report --last` has the typed answer. Skipped (with a message) without tmux.

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

    fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success()
        );
    }

    /// Waits up to `secs` seconds until the pane shows `text`.
    fn wait_for(&self, text: &str, secs: u64) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("timed out waiting for {text:?}; the pane shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn typed_mock_interview_in_tmux() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("skipped: tmux is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let tmux = Tmux {
        socket: format!("prepdeck-e2e-mock-{}", std::process::id()),
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
        "PS1='shell$ '; '{bin}' --home '{}' mock --questions 2 --answer-seconds 10 --prep 0 \
         --no-follow-ups --seed 1; echo \"exited-$?\"",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("Question 1 of 2", 15);
    tmux.wait_for("Ctrl-D submits", 5);
    tmux.type_text("My typed answer with stakeholders");
    tmux.wait_for("stakeholders", 5);
    tmux.send(&["C-d"]);
    tmux.wait_for("Question 2 of 2", 5);
    // The second answer is left to run out (strict timing): 10 s on the real clock. What is
    // typed by then is the answer.
    tmux.type_text("A partial second answer");
    let debrief = tmux.wait_for("Debrief", 20);
    assert!(
        debrief.contains("My typed answer with stakeholders"),
        "{debrief}"
    );
    tmux.send(&["q"]);
    let summary = tmux.wait_for("Interview complete", 5);
    assert!(summary.contains("2 of 2 questions answered"), "{summary}");
    tmux.send(&["Enter"]);
    tmux.wait_for("interview trainer", 5);
    tmux.send(&["q"]);
    tmux.wait_for("exited-0", 5);

    let prepdeck = |args: &[&str]| {
        let out = Command::new(bin)
            .arg("--home")
            .arg(home.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let history = prepdeck(&["history", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&history).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{history}");
    assert_eq!(list[0]["questions"], 2, "{history}");
    assert_eq!(list[0]["ending"], "completed", "{history}");
    let report = prepdeck(&["report", "--last"]);
    assert!(
        report.contains("My typed answer with stakeholders"),
        "{report}"
    );
    assert!(report.contains("A partial second answer"), "{report}");
    let setup = std::fs::read_to_string(home.path().join("mock-setup.toml")).unwrap();
    assert!(setup.contains("answer_seconds = 10"), "{setup}");
}
