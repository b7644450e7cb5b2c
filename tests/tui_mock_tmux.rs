//! End to end: the full-screen mock interview in the real binary, in tmux, with a temp home
//! and the real clock. Two typed questions with a 10-second answer clock: one answer typed and
//! submitted, one left to time out; the debrief appears; then `history --json` shows the
//! interview and `report --last` has the typed answer. Without tmux it says SKIPPED,
//! and fails under `PREPDECK_CI_STRICT=1` (`.ci/run` sets it).

use std::process::Command;

mod common;
use common::tmux::Tmux;

#[test]
fn typed_mock_interview_in_tmux() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("e2e-mock") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; '{bin}' --home '{}' mock --questions 2 --answer-seconds 10 --prep 0 \
         --no-follow-ups --seed 1; echo \"exited-$?\"",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for_secs("Question 1 of 2", 15);
    tmux.wait_for_secs("Ctrl-S submits", 5);
    tmux.type_text("My typed answer with stakeholders");
    tmux.wait_for_secs("stakeholders", 5);
    tmux.send(&["C-d"]);
    tmux.wait_for_secs("Question 2 of 2", 5);
    // The second answer is left to run out (strict timing): 10 s on the real clock. What is
    // typed by then is the answer.
    tmux.type_text("A partial second answer");
    let debrief = tmux.wait_for_secs("Debrief", 20);
    assert!(
        debrief.contains("My typed answer with stakeholders"),
        "{debrief}"
    );
    tmux.send(&["q"]);
    let summary = tmux.wait_for_secs("Interview complete", 5);
    assert!(summary.contains("2 of 2 questions answered"), "{summary}");
    tmux.send(&["Enter"]);
    tmux.wait_for_secs("interview trainer", 5);
    tmux.send(&["q"]);
    tmux.wait_for_secs("exited-0", 5);

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
