//! SIGKILL at random moments during line-mode mock interviews (the helpers and the rules are
//! `fault_kills`'): every main answer acknowledged (its follow-up shown), every follow-up answer
//! acknowledged (the next question or the end shown) and every grade acknowledged
//! (`Recorded:`) is in the state file after every kill, and no answer is written twice.

use std::collections::{HashMap, HashSet};
use std::process::Command;

use prepdeck::core::record::RecordBody;

use crate::fault_kills::{BIN, KILLS, RunTime, files_with, read_back, rng, run};

const MOCK: &[&str] = &[
    "--deck",
    "it-manager",
    "mock",
    "--plain",
    "--questions",
    "3",
    "--prep",
    "0",
    "--timing",
    "soft",
    // Every card of the built-in it-manager deck has a follow-up (the input below answers
    // each question and its follow-up).
    "--follow-ups",
];

/// What a line-mode interview acknowledged.
#[derive(Debug, Default, PartialEq)]
struct Acks {
    /// Questions whose main answer was saved (their follow-up was shown).
    answered: Vec<usize>,
    /// Questions whose follow-up answer was saved (the next question, or the end, was shown).
    followed: Vec<usize>,
    /// Questions whose grade was saved (`Recorded:`).
    graded: Vec<usize>,
}

fn mock_acks(stdout: &str) -> Acks {
    let mut acks = Acks::default();
    let mut debrief = false;
    let mut current = 0;
    for line in stdout.lines() {
        let line = line.trim_start_matches("> ");
        if line == "The interview is over." {
            debrief = true;
            acks.followed.push(3);
        } else if let Some(rest) = line.strip_prefix("Question ") {
            let n: usize = rest
                .split([' ', ':'])
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            current = n;
            if !debrief && n >= 2 {
                acks.followed.push(n - 1);
            }
        } else if !debrief && line.starts_with("Follow-up: ") {
            acks.answered.push(current);
        } else if debrief && line.starts_with("Recorded: ") {
            acks.graded.push(current);
        }
    }
    acks
}

#[test]
fn kills_during_mock_interviews_lose_no_acknowledged_answer_or_grade() {
    let mut rng = rng("mock");
    let home = tempfile::tempdir().unwrap();
    let input = |run: usize| {
        (1..=3)
            .map(|q| {
                format!(
                    "kill-{run}-q{q}: I would agree the budget with the board.\n.\n\
                     kill-{run}-f{q}: then I would check it every month.\n.\n"
                )
            })
            .collect::<String>()
            + "3\n3\n3\n"
    };
    let full = run(home.path(), MOCK, input(0).as_bytes(), None);
    assert!(full.finished, "{}", full.stdout);
    let all = vec![1, 2, 3];
    assert_eq!(
        mock_acks(&full.stdout),
        Acks {
            answered: all.clone(),
            followed: all.clone(),
            graded: all
        }
    );
    let mut times = RunTime::new(&full);
    // Answer text -> (interview, index), and every acknowledgement so far.
    let mut acked_answers: Vec<String> = (1..=3).map(|q| format!("kill-0-q{q}")).collect();
    let mut acked_follow_ups: Vec<String> = (1..=3).map(|q| format!("kill-0-f{q}")).collect();
    let mut acked_grades: Vec<String> = acked_answers.clone();
    let (mut answers_seen, mut follow_ups_seen, mut grades_seen) = (0, 0, 0);
    for n in 1..=KILLS {
        let r = run(
            home.path(),
            MOCK,
            input(n).as_bytes(),
            Some(times.kill_moment(&mut rng)),
        );
        times.observe(&r);
        let acks = mock_acks(&r.stdout);
        answers_seen += acks.answered.len();
        follow_ups_seen += acks.followed.len();
        grades_seen += acks.graded.len();
        acked_answers.extend(acks.answered.iter().map(|q| format!("kill-{n}-q{q}")));
        acked_follow_ups.extend(acks.followed.iter().map(|q| format!("kill-{n}-f{q}")));
        acked_grades.extend(acks.graded.iter().map(|q| format!("kill-{n}-q{q}")));
        let context = format!("after kill {n} ({:?})", r.elapsed);
        let records = read_back(home.path(), &context);
        let mut where_answered: HashMap<String, (String, u64)> = HashMap::new();
        let mut debriefed: HashSet<(String, u64)> = HashSet::new();
        let mut follow_ups: HashSet<String> = HashSet::new();
        for record in &records {
            match &record.body {
                RecordBody::MockAnswered(a) => {
                    let tag = a.answer.split(':').next().unwrap_or("").to_string();
                    let place = (a.interview.to_string(), a.index as u64);
                    let before = where_answered.insert(tag.clone(), place);
                    assert!(before.is_none(), "{context}: {tag} written twice");
                }
                RecordBody::MockFollowUp(f) => {
                    let text = f.follow_up_answer.as_deref().unwrap_or("");
                    follow_ups.insert(text.split(':').next().unwrap_or("").to_string());
                }
                RecordBody::MockDebriefed(d) => {
                    debriefed.insert((d.interview.to_string(), d.index as u64));
                }
                _ => {}
            }
        }
        for tag in &acked_answers {
            assert!(
                where_answered.contains_key(tag),
                "{context}: the acknowledged answer {tag} is lost"
            );
        }
        for tag in &acked_follow_ups {
            assert!(
                follow_ups.contains(tag),
                "{context}: the acknowledged follow-up answer {tag} is lost"
            );
        }
        for tag in &acked_grades {
            assert!(
                debriefed.contains(&where_answered[tag]),
                "{context}: the acknowledged grade of {tag} is lost"
            );
        }
    }
    // A run to the end afterwards: every temp file a killed write left is cleared away.
    let last = run(home.path(), MOCK, input(KILLS + 1).as_bytes(), None);
    assert!(last.finished, "{}", last.stdout);
    for dir in [home.path().to_path_buf(), home.path().join("cache")] {
        let left = files_with(&dir, ".tmp-");
        assert!(left.is_empty(), "temp files left: {left:?}");
    }
    let check = Command::new(BIN)
        .args(["state", "check"])
        .env("PREPDECK_HOME", home.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    eprintln!(
        "mock: {KILLS} kills (one run takes {:?}); {answers_seen} acknowledged answers, \
         {follow_ups_seen} follow-up answers and {grades_seen} grades in killed runs, all kept",
        times.typical()
    );
}
