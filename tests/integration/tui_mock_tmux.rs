//! End to end: the full-screen mock interview in the real binary, in tmux, with a temp home
//! and the real clock. Two typed questions with a 10-second answer clock: one answer typed and
//! submitted, one left to time out; the debrief appears; then `history --json` shows the
//! interview and `report --last` has the typed answer. A second test changes ticks in the
//! debrief, leaves a question ungraded and grades it later from the history screen, checking
//! the CLI's figures against the screen's. Without tmux they say SKIPPED, and fail under
//! `PREPDECK_CI_STRICT=1` (`.ci/run` sets it).

use std::process::Command;

use crate::common;
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
    // Nothing was graded: leaving asks, and `a` records the suggested grades.
    tmux.send(&["Enter"]);
    tmux.wait_for_secs("Leave ungraded?", 5);
    tmux.send(&["a"]);
    tmux.wait_for_secs("interview trainer", 5);
    tmux.send(&["q"]);
    tmux.wait_for_secs("exited-0", 5);

    let prepdeck = |args: &[&str]| run(home.path(), args);
    let history = prepdeck(&["history", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&history).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{history}");
    assert_eq!(list[0]["questions"], 2, "{history}");
    assert_eq!(list[0]["ending"], "completed", "{history}");
    assert_eq!(list[0]["ungraded"], 0, "{history}");
    let report = prepdeck(&["report", "--last"]);
    assert!(
        report.contains("My typed answer with stakeholders"),
        "{report}"
    );
    assert!(report.contains("A partial second answer"), "{report}");
    let setup = std::fs::read_to_string(home.path().join("mock-setup.toml")).unwrap();
    assert!(setup.contains("answer_seconds = 10"), "{setup}");
}

/// `prepdeck --home HOME ARGS...`: its standard output, after checking it succeeded.
fn run(home: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .arg("--home")
        .arg(home)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The numbers after `label` on the screen: "Key points (3 of 5 covered" gives [3, 5].
fn numbers_after(screen: &str, label: &str) -> Vec<u32> {
    let Some(at) = screen.find(label) else {
        panic!("{label:?} not on the screen:\n{screen}");
    };
    screen[at + label.len()..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect()
}

/// Item 6 of issue 11 end to end: a typed interview in the app, ticks changed in its debrief,
/// one question graded and one left ungraded on leaving; `history --json`, `report`, `report
/// --format json` and `stats --json` show the ticks and scores the screen showed. Then the app
/// is started again, says an interview has a question to grade, and it is graded from the
/// history screen; `history --json` agrees again.
#[test]
fn ticks_changed_in_the_app_are_what_history_report_and_stats_show() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("e2e-ticks") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; '{bin}' --home '{}' mock --questions 2 --answer-seconds 120 --prep 0 \
         --no-follow-ups --seed 1; echo \"exited-$?\"",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for_secs("Question 1 of 2", 15);
    tmux.wait_for_secs("Ctrl-S submits", 5);
    tmux.type_text("I would agree the criteria with the leadership team and the sponsors first.");
    tmux.send(&["C-s"]);
    tmux.wait_for_secs("Question 2 of 2", 5);
    tmux.type_text("A short second answer.");
    tmux.send(&["C-s"]);

    // Question 1: the first point's tick changed by hand (the first Tab goes to point 1).
    let before =
        tmux.wait_for_all_secs(&["Debrief · Question 1 of 2", "Key points (", "Score "], 10);
    let [covered, points] = numbers_after(&before, "Key points (")[..] else {
        panic!("{before}")
    };
    tmux.send(&["Tab", "Space"]);
    let after = tmux.wait_for_all_secs(&["by you", "Key points (", "Score "], 5);
    let [covered1, _] = numbers_after(&after, "Key points (")[..] else {
        panic!("{after}")
    };
    assert_eq!(covered1.abs_diff(covered), 1, "{before}\n{after}");
    assert!(covered1 <= points);
    let score1 = numbers_after(&after, "Score ")[0];
    tmux.send(&["Enter"]); // its suggested grade: question 2
    tmux.wait_for_secs("Debrief · Question 2 of 2", 5);
    tmux.send(&["Tab", "Tab", "Space"]); // point 2 ticked or unticked by hand
    let q2 = tmux.wait_for_all_secs(&["by you", "Key points (", "Score "], 5);
    let covered2 = numbers_after(&q2, "Key points (")[0];
    let score2 = numbers_after(&q2, "Score ")[0];

    // The summary; leaving with question 2 ungraded asks, and it is left so.
    tmux.send(&["q"]);
    let summary = tmux.wait_for_all_secs(&["Interview complete", "Score: "], 5);
    let total = numbers_after(&summary, "Score: ")[0];
    tmux.send(&["Enter"]);
    tmux.wait_for_secs("Leave ungraded?", 5);
    tmux.send(&["y"]);
    tmux.wait_for_secs("1 question left ungraded", 5);
    tmux.send(&["q"]);
    tmux.wait_for_secs("exited-0", 5);

    let prepdeck = |args: &[&str]| run(home.path(), args);
    let history = prepdeck(&["history", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&history).unwrap();
    assert_eq!(list[0]["score"], total, "{history}");
    assert_eq!(list[0]["ungraded"], 1, "{history}");
    let report = prepdeck(&["report", "--last"]);
    assert!(report.contains(&format!("Score: {total}/100")), "{report}");
    assert!(
        report.contains(&format!("Score {score1}/100 = ")),
        "{report}"
    );
    assert!(
        report.contains(&format!("Score {score2}/100 = ")),
        "{report}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&prepdeck(&["report", "--last", "--format", "json"])).unwrap();
    assert_eq!(json["score"], total);
    let ticked = |i: usize| &json["items"][i]["score_parts"]["coverage_from"]["ticked"];
    assert_eq!(ticked(0), covered1, "{json}");
    assert_eq!(ticked(1), covered2, "{json}");
    let stats: serde_json::Value = serde_json::from_str(&prepdeck(&["stats", "--json"])).unwrap();
    assert_eq!(stats["mock_scores"][0]["score"], total, "{stats}");

    // Started again: the question left ungraded is offered from the history screen.
    let (list_screen, _) = grade_from_the_history_screen(
        &tmux,
        home.path(),
        "completed, 1 ungraded",
        ["Debrief · Question 2 of 2", "Grades recorded: 2 of 2"],
    );
    assert!(list_screen.contains(&format!(" {total} ")), "{list_screen}");
    let history = prepdeck(&["history", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&history).unwrap();
    assert_eq!(list[0]["ungraded"], 0, "{history}");
    let reviews = std::fs::read_to_string(home.path().join("state.jsonl")).unwrap();
    assert_eq!(
        reviews.matches("\"mode\":\"mock\"").count(),
        2,
        "one mock review per question: {reviews}"
    );
}

/// Item 8 of issue 11 end to end: the terminal closes on the debrief (`tmux kill-session`)
/// after a tick was changed and before any grade. Nothing is lost: the tick is stored, the
/// interview is listed with its question ungraded, and `history grade --accept` records the
/// suggested grade from the shell.
#[test]
fn a_debrief_closed_with_the_terminal_is_graded_later_from_the_shell() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("e2e-closed") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "'{bin}' --home '{}' mock --questions 1 --answer-seconds 120 --prep 0 \
         --no-follow-ups --seed 2",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for_secs("Question 1 of 1", 15);
    tmux.wait_for_secs("Ctrl-S submits", 5);
    tmux.type_text("An answer.");
    tmux.send(&["C-s"]);
    tmux.wait_for_secs("Debrief · Question 1 of 1", 10);
    tmux.send(&["Tab", "Space"]);
    let screen = tmux.wait_for_secs("by you", 5);
    let covered = numbers_after(&screen, "Key points (")[0];
    let list = hang_up(&tmux, home.path());
    assert_eq!(list[0]["ungraded"], 1, "{list}");
    let json: serde_json::Value =
        serde_json::from_str(&run(home.path(), &["report", "--last", "--format", "json"])).unwrap();
    assert_eq!(
        json["items"][0]["score_parts"]["coverage_from"]["ticked"], covered,
        "{json}"
    );
    let graded = run(home.path(), &["history", "grade", "--accept"]);
    assert!(graded.contains("Recorded 1 grade;"), "{graded}");
    let list: serde_json::Value =
        serde_json::from_str(&run(home.path(), &["history", "--json"])).unwrap();
    assert_eq!(list[0]["ungraded"], 0, "{list}");
}

/// The terminal goes away with the app in it (`tmux kill-session`: a hang-up); once the app
/// has exited and let go of the state file's lock, `history --json`.
fn hang_up(tmux: &Tmux, home: &std::path::Path) -> serde_json::Value {
    let closed = tmux.run(&["kill-session", "-t", "e2e"]);
    assert!(closed.status.success(), "{closed:?}");
    for _ in 0..50 {
        let out = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
            .arg("--home")
            .arg(home)
            .args(["history", "--json"])
            .output()
            .unwrap();
        if out.status.success() {
            return serde_json::from_slice(&out.stdout).unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the app still holds the state file after the hang-up");
}

/// Starts the app on `home` in `tmux`, which says an interview has a question to grade; on
/// the history screen that interview's status reads `status`; it is opened and its question
/// given the suggested grade (`screens`: the debrief's title, then the line after grading);
/// then the app is left. The list screen and the debrief as shown.
fn grade_from_the_history_screen(
    tmux: &Tmux,
    home: &std::path::Path,
    status: &str,
    [question, recorded]: [&str; 2],
) -> (String, String) {
    let cmd = format!(
        "'{}' --home '{}'; echo \"exited-$?\"",
        env!("CARGO_BIN_EXE_prepdeck"),
        home.display()
    );
    tmux.send(&["clear", "Enter"]);
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for_secs("has 1 question not graded: press h", 15);
    tmux.send(&["h"]);
    let list_screen = tmux.wait_for_secs("Past mock interviews", 5);
    assert!(list_screen.contains(status), "{list_screen}");
    tmux.send(&["Enter"]);
    let debrief = tmux.wait_for_secs(question, 5);
    tmux.send(&["Enter"]); // the suggested grade, offered again
    tmux.wait_for_secs(recorded, 5);
    tmux.send(&["q"]);
    tmux.wait_for_secs("all graded", 5);
    tmux.send(&["q"]);
    tmux.wait_for_secs("interview trainer", 5);
    tmux.send(&["q"]);
    tmux.wait_for_secs("exited-0", 5);
    (list_screen, debrief)
}

/// The terminal closes (a hang-up) during the follow-up, after the main answer was submitted
/// and the follow-up shown. The main answer was saved when submitted: `history` lists it
/// ungraded, `report` shows it, and the app started again offers it to grade from the history
/// screen.
#[test]
fn a_main_answer_outlives_a_terminal_closed_during_its_follow_up() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    // Every card of it has a follow-up.
    std::fs::write(home.path().join("decks/mini.toml"), crate::cli_mock::DECK).unwrap();
    let Some(tmux) = Tmux::start("e2e-follow-up") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "'{bin}' --home '{}' --deck mini mock --questions 1 --answer-seconds 120 --prep 0 \
         --follow-ups --seed 2",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for_secs("Question 1 of 1", 15);
    tmux.wait_for_secs("Ctrl-S submits", 5);
    tmux.type_text("Kept after the hang-up: the actuals.");
    tmux.send(&["C-s"]);
    tmux.wait_for_secs("Follow-up: ", 10);
    tmux.type_text("Typed into the follow-up, never submitted");
    tmux.wait_for_secs("never submitted", 5);
    let list = hang_up(&tmux, home.path());
    assert_eq!(list[0]["answered"], 1, "{list}");
    assert_eq!(list[0]["ungraded"], 1, "{list}");
    assert_eq!(list[0]["ending"], "interrupted", "{list}");
    let report = run(home.path(), &["report", "--last"]);
    assert_eq!(
        report
            .matches("Kept after the hang-up: the actuals.")
            .count(),
        1,
        "{report}"
    );
    assert!(!report.contains("never submitted"), "{report}");

    // Started again: graded from the history screen, the suggested grade offered again.
    let Some(tmux) = Tmux::start("e2e-follow-up-2") else {
        return;
    };
    let (_, debrief) = grade_from_the_history_screen(
        &tmux,
        home.path(),
        "interrupted, 1 ungraded",
        ["Debrief · Question 1 of 1", "Grades recorded: 1 of 1"],
    );
    assert!(debrief.contains("Kept after the hang-up"), "{debrief}");
    let list: serde_json::Value =
        serde_json::from_str(&run(home.path(), &["history", "--json"])).unwrap();
    assert_eq!(list[0]["ungraded"], 0, "{list}");
}
