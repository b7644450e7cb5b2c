//! A mock interview's records in the state file when prepdeck dies during a follow-up: the
//! main answer, appended when it was submitted, survives a torn follow-up record.

use crate::support;

use std::fs;
use std::io::Write;

use prepdeck::core::deck::Kind;
use prepdeck::core::ids::{CardKey, CategoryId};
use prepdeck::core::record::{Record, RecordBody};
use prepdeck::core::session::{
    Effect, Ending, Event, MockInterview, MockQuestion, MockSetup, past_interviews,
};
use prepdeck::store::log::{self, StateLog};
use support::at;

fn question() -> MockQuestion {
    MockQuestion {
        key: CardKey::new("d", "forecast"),
        category: CategoryId::new("budget"),
        category_title: "Budgeting".into(),
        kind: Kind::Knowledge,
        question: "How do you forecast a budget?".into(),
        guidance: None,
        model_answer: "From the actuals.".into(),
        answer_time: std::time::Duration::from_secs(60),
        follow_up: Some("What if the numbers are wrong?".into()),
        key_points: Vec::new(),
    }
}

/// The records of `fx`, as the driver hands them to the log.
fn records(fx: Vec<Effect>) -> Vec<RecordBody> {
    fx.into_iter()
        .filter_map(|e| match e {
            Effect::Record(r) => Some(r.into()),
            _ => None,
        })
        .collect()
}

/// The main answer is appended when submitted; the follow-up's record is cut by a crash half
/// way through its line. The next open sets the torn bytes aside and keeps the answer: the
/// interview is interrupted, its one question ungraded, and appends go on.
#[test]
fn a_follow_up_torn_by_a_crash_leaves_the_main_answer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("home").join("state.jsonl");
    let setup = MockSetup {
        prep_seconds: 0,
        ..MockSetup::default()
    };
    let (mut m, fx) = MockInterview::new(setup, vec![question()], at(0));
    let (mut state, _) = StateLog::open(&path).unwrap();
    for body in records(fx) {
        state.append(body, at(0)).unwrap();
    }
    let main = Event::Submit {
        text: "I start from the actuals.".into(),
    };
    let main = records(m.handle(main, at(1)));
    assert!(
        matches!(&main[..], [RecordBody::MockAnswered(_)]),
        "{main:?}"
    );
    for body in main {
        state.append(body, at(1)).unwrap();
    }
    let follow = Event::Submit {
        text: "I would check them against last month.".into(),
    };
    let follow = records(m.handle(follow, at(2)));
    let RecordBody::MockFollowUp(_) = &follow[0] else {
        panic!("{follow:?}")
    };
    drop(state);
    // The crash: the follow-up's line half written.
    let line = serde_json::to_string(&Record::new(
        prepdeck::core::ids::RecordId::new("0190-torn"),
        at(2),
        follow[0].clone(),
    ))
    .unwrap();
    let mut file = fs::OpenOptions::new().append(true).open(&path).unwrap();
    file.write_all(&line.as_bytes()[..line.len() / 2]).unwrap();
    drop(file);

    let (mut state, report) = StateLog::open(&path).unwrap();
    assert!(report.torn.is_some(), "the torn line is found");
    let past = past_interviews(&report.records);
    assert_eq!(past.len(), 1);
    let p = &past[0];
    assert_eq!(
        (p.ending, p.answered(), p.ungraded()),
        (Ending::Interrupted, 1, 1)
    );
    assert_eq!(p.answers[0].answer, "I start from the actuals.");
    assert_eq!(p.answers[0].follow_up_answer, None);

    // Appends go on after it; the whole follow-up record then joins the answer.
    state.append(follow[0].clone(), at(3)).unwrap();
    drop(state);
    let records = log::read(&path).unwrap().records;
    let past = past_interviews(&records);
    assert_eq!(past[0].answers.len(), 1);
    assert_eq!(
        past[0].answers[0].follow_up_answer.as_deref(),
        Some("I would check them against last month.")
    );
}
