//! The mock interview driven by a fake clock: no test sleeps.

use super::*;
use crate::core::session::test_support::{at, question, t0};

pub(super) fn setup(prep: u32, timing: Timing, mode: AnswerMode, follow_ups: bool) -> MockSetup {
    MockSetup {
        prep_seconds: prep,
        timing,
        mode,
        follow_ups,
        follow_up_seconds: 30,
        ..MockSetup::default()
    }
}

pub(super) fn typed(prep: u32, timing: Timing) -> MockSetup {
    setup(prep, timing, AnswerMode::Typed, true)
}

pub(super) fn submit(text: &str) -> Event {
    Event::Submit { text: text.into() }
}

pub(super) fn answered(fx: &[Effect]) -> Vec<MockAnswered> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Record(MockRecord::MockAnswered(a)) => Some(a.clone()),
            _ => None,
        })
        .collect()
}

fn timer(fx: &[Effect]) -> Option<chrono::DateTime<chrono::Utc>> {
    fx.iter().rev().find_map(|e| match e {
        Effect::StartTimer { deadline } => Some(*deadline),
        _ => None,
    })
}

#[test]
fn start_records_and_shows_the_first_question() {
    let qs = vec![question("b1", 60, None, &[]), question("b2", 60, None, &[])];
    let (m, fx) = MockInterview::new(typed(20, Timing::Strict), qs, t0());
    let Effect::Record(MockRecord::MockStarted(s)) = &fx[0] else {
        panic!("first effect must be the start record: {fx:?}");
    };
    assert_eq!(s.interview, *m.id());
    assert_eq!(
        s.questions
            .iter()
            .map(|k| k.card.as_str())
            .collect::<Vec<_>>(),
        ["b1", "b2"]
    );
    assert_eq!(
        fx[1..],
        [
            Effect::ShowQuestion { index: 0 },
            Effect::StartTimer {
                deadline: at(20_000)
            }
        ]
    );
    assert_eq!(m.phase(), Phase::Prep);
}

#[test]
fn prep_deadline_fires_exactly_once_at_the_deadline() {
    let (mut m, _) = MockInterview::new(
        typed(20, Timing::Strict),
        vec![question("b1", 60, None, &[])],
        t0(),
    );
    assert_eq!(m.handle(Event::Tick, at(19_999)), vec![]);
    assert_eq!(
        m.handle(Event::Tick, at(20_000)),
        vec![
            Effect::AnswerStarted { index: 0 },
            Effect::StartTimer {
                deadline: at(80_000)
            }
        ]
    );
    assert_eq!(m.handle(Event::Tick, at(20_000)), vec![]);
    assert_eq!(m.phase(), Phase::Answer);
}

#[test]
fn a_late_tick_starts_the_answer_clock_at_the_prep_deadline() {
    let (mut m, _) = MockInterview::new(
        typed(20, Timing::Strict),
        vec![question("b1", 60, None, &[])],
        t0(),
    );
    let fx = m.handle(Event::Tick, at(25_000));
    assert_eq!(timer(&fx), Some(at(80_000)));
    assert_eq!(
        m.clock(at(25_000)).unwrap().remaining.num_milliseconds(),
        55_000
    );
}

#[test]
fn start_answer_skips_prep_and_submit_in_prep_is_ignored() {
    let (mut m, _) = MockInterview::new(
        typed(20, Timing::Strict),
        vec![question("b1", 60, None, &[])],
        t0(),
    );
    assert_eq!(m.handle(submit("early"), at(1_000)), vec![]);
    let fx = m.handle(Event::StartAnswer, at(5_000));
    assert_eq!(timer(&fx), Some(at(65_000)));
    // The prep deadline is gone: it passes without effect.
    assert_eq!(m.handle(Event::Tick, at(20_000)), vec![]);
    let fx = m.handle(submit("done it"), at(15_000));
    assert_eq!(answered(&fx)[0].answer_ms, 10_000);
}

#[test]
fn no_prep_starts_the_answer_at_once() {
    let (m, fx) = MockInterview::new(
        typed(0, Timing::Strict),
        vec![question("b1", 60, None, &[])],
        t0(),
    );
    assert_eq!(
        fx[1..],
        [
            Effect::ShowQuestion { index: 0 },
            Effect::AnswerStarted { index: 0 },
            Effect::StartTimer {
                deadline: at(60_000)
            }
        ]
    );
    assert_eq!(m.phase(), Phase::Answer);
}

#[test]
fn pause_freezes_the_clock_and_shifts_the_deadline() {
    let (mut m, _) = MockInterview::new(
        typed(0, Timing::Strict),
        vec![question("b1", 60, None, &[])],
        t0(),
    );
    assert_eq!(m.handle(Event::Pause, at(10_000)), vec![]);
    assert!(m.clock(at(10_000)).unwrap().paused);
    assert_eq!(m.handle(Event::Pause, at(11_000)), vec![], "already paused");
    // Past the old deadline while paused: nothing fires, input is ignored.
    assert_eq!(m.handle(Event::Tick, at(70_000)), vec![]);
    assert_eq!(m.handle(submit("x"), at(70_000)), vec![]);
    assert_eq!(
        m.clock(at(70_000)).unwrap().remaining.num_milliseconds(),
        50_000
    );
    let fx = m.handle(Event::Resume, at(90_000));
    assert_eq!(
        fx,
        vec![Effect::StartTimer {
            deadline: at(140_000)
        }]
    );
    assert_eq!(m.handle(Event::Tick, at(139_999)), vec![]);
    assert_eq!(
        m.handle(Event::Tick, at(140_000)),
        vec![Effect::TimeUp { index: 0 }]
    );
    let a = answered(&m.handle(submit("x"), at(140_500)));
    assert_eq!(
        (a[0].answer_ms, a[0].paused_ms, a[0].overtime_ms),
        (60_000, 80_000, 0)
    );
}

#[test]
fn strict_typed_time_up_asks_for_the_text_and_caps_the_time() {
    let qs = vec![
        question("b1", 60, None, &["budget"]),
        question("b2", 60, None, &[]),
    ];
    let (mut m, _) = MockInterview::new(typed(0, Timing::Strict), qs, t0());
    assert_eq!(
        m.handle(Event::Tick, at(60_000)),
        vec![Effect::TimeUp { index: 0 }]
    );
    assert_eq!(m.handle(Event::Tick, at(61_000)), vec![], "fires once");
    assert_eq!(m.clock(at(61_000)).unwrap().remaining.num_milliseconds(), 0);
    let fx = m.handle(submit("the budget"), at(61_000));
    let a = answered(&fx);
    assert_eq!((a[0].answer_ms, a[0].overtime_ms), (60_000, 0));
    assert_eq!(a[0].coverage, vec![true]);
    // Every key point, but cut off by the clock: over time, so Hard rather than Easy.
    assert_eq!(a[0].grade, Some(crate::core::grade::Grade::Hard));
    assert!(fx.contains(&Effect::ShowQuestion { index: 1 }));
    let d = m.debrief();
    assert!(d.items[0].cut_off && !d.items[0].within_time());
    assert_eq!(d.time_discipline().cut_off, 1);
}

#[test]
fn submit_exactly_at_the_deadline_needs_no_time_up() {
    let (mut m, _) = MockInterview::new(
        typed(0, Timing::Strict),
        vec![question("b1", 60, None, &[])],
        t0(),
    );
    let fx = m.handle(submit("in time"), at(60_000));
    assert!(!fx.contains(&Effect::TimeUp { index: 0 }), "{fx:?}");
    assert_eq!(answered(&fx)[0].answer_ms, 60_000);
    assert!(fx.contains(&Effect::Finished {
        ending: Ending::Completed
    }));
}

#[test]
fn strict_spoken_submits_by_itself() {
    let qs = vec![
        question("b1", 60, None, &["x"]),
        question("b2", 60, None, &[]),
    ];
    let (mut m, _) =
        MockInterview::new(setup(0, Timing::Strict, AnswerMode::Spoken, true), qs, t0());
    let fx = m.handle(Event::Tick, at(61_000));
    let a = answered(&fx);
    assert_eq!(
        (a[0].answer.as_str(), a[0].answer_ms, a[0].grade),
        ("", 60_000, None)
    );
    // The next question starts when the first one's time ran out.
    assert_eq!(timer(&fx), Some(at(120_000)));
}

#[test]
fn soft_timing_counts_overtime() {
    let (mut m, _) = MockInterview::new(
        typed(0, Timing::Soft),
        vec![question("b1", 60, None, &["x"])],
        t0(),
    );
    assert_eq!(
        m.handle(Event::Tick, at(60_000)),
        vec![Effect::Overtime { index: 0 }]
    );
    assert_eq!(m.handle(Event::Tick, at(65_000)), vec![]);
    assert_eq!(
        m.clock(at(75_000)).unwrap().remaining.num_milliseconds(),
        -15_000
    );
    let a = answered(&m.handle(submit("x marks"), at(75_000)));
    assert_eq!((a[0].answer_ms, a[0].overtime_ms), (75_000, 15_000));
    assert_eq!(
        a[0].grade,
        Some(crate::core::grade::Grade::Hard),
        "over time"
    );
}

#[test]
fn skip_records_the_question_as_skipped() {
    let qs = vec![
        question("b1", 60, None, &["x"]),
        question("b2", 60, None, &[]),
    ];
    let (mut m, _) = MockInterview::new(typed(20, Timing::Strict), qs, t0());
    let fx = m.handle(Event::Skip, at(3_000));
    let a = answered(&fx);
    assert!(a[0].skipped);
    assert_eq!(a[0].grade, Some(crate::core::grade::Grade::Again));
    assert_eq!(timer(&fx), Some(at(23_000)));
    assert_eq!(m.index(), 1);
}

#[test]
fn early_quit_keeps_the_answers_and_ends_partial() {
    let qs = vec![
        question("b1", 60, None, &["x"]),
        question("b2", 60, None, &[]),
        question("b3", 60, None, &[]),
    ];
    let (mut m, _) = MockInterview::new(typed(0, Timing::Strict), qs, t0());
    m.handle(submit("x yes"), at(30_000));
    let fx = m.handle(Event::Quit, at(40_000));
    let Effect::Record(MockRecord::MockFinished(f)) = &fx[0] else {
        panic!("{fx:?}");
    };
    assert!(!f.completed);
    assert_eq!(
        fx[1],
        Effect::Finished {
            ending: Ending::QuitEarly
        }
    );
    assert!(m.is_done() && m.current().is_none() && m.clock(at(40_000)).is_none());
    assert_eq!(m.handle(submit("late"), at(41_000)), vec![]);
    let d = m.debrief();
    assert_eq!(
        (d.items.len(), d.planned, d.ending),
        (1, 3, Ending::QuitEarly)
    );
    assert_eq!(f.score, d.score());
}

/// Ending early on the last question with a partial answer: the answer counts as answered,
/// and the interview ended early (it used to be "completed", while an empty answer was "quit").
#[test]
fn ending_early_on_the_last_question_keeps_the_answer_and_says_so() {
    let qs = vec![
        question("b1", 60, None, &["x"]),
        question("b2", 60, Some("And then?"), &["y"]),
    ];
    for text in ["y half an answer", ""] {
        let (mut m, _) = MockInterview::new(typed(0, Timing::Soft), qs.clone(), t0());
        m.handle(submit("x yes"), at(30_000));
        m.handle(Event::Pause, at(40_000));
        let fx = m.handle(
            Event::EndEarly {
                text: text.to_string(),
            },
            at(55_000),
        );
        let finished = fx.iter().find_map(|e| match e {
            Effect::Record(MockRecord::MockFinished(f)) => Some(f.clone()),
            _ => None,
        });
        assert!(finished.is_some_and(|f| !f.completed), "{text:?}: {fx:?}");
        assert!(fx.contains(&Effect::Finished {
            ending: Ending::QuitEarly
        }));
        let d = m.debrief();
        assert_eq!(d.ending, Ending::QuitEarly);
        if text.is_empty() {
            assert_eq!(d.items.len(), 1, "nothing typed: no second answer");
        } else {
            let a = answered(&fx);
            assert_eq!(a.len(), 1);
            assert_eq!(a[0].answer, text);
            // Answered from 30 s to the pause at 40 s; the pause is not answer time.
            assert_eq!(a[0].answer_ms, 10_000);
            assert_eq!(a[0].follow_up_answer, None, "the follow-up was not asked");
            assert_eq!(d.items.len(), 2);
            assert!(d.items[1].answered());
        }
    }
}

#[test]
fn a_full_run_records_every_answer_then_finishes() {
    let qs = vec![
        question("b1", 60, None, &["alpha", "beta"]),
        question("b2", 60, None, &["gamma"]),
    ];
    let (mut m, mut fx) = MockInterview::new(typed(10, Timing::Strict), qs, t0());
    fx.extend(m.handle(Event::Tick, at(10_000)));
    fx.extend(m.handle(submit("alpha only"), at(20_000)));
    fx.extend(m.handle(Event::StartAnswer, at(21_000)));
    fx.extend(m.handle(submit("gamma rays"), at(31_000)));
    let records: Vec<&MockRecord> = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Record(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(records.len(), 4);
    let MockRecord::MockAnswered(a1) = records[1] else {
        panic!()
    };
    assert_eq!((a1.index, a1.coverage.clone()), (0, vec![true, false]));
    assert_eq!(a1.grade, Some(crate::core::grade::Grade::Hard));
    let MockRecord::MockAnswered(a2) = records[2] else {
        panic!()
    };
    assert_eq!((a2.index, a2.answer_ms), (1, 10_000));
    assert_eq!(a2.grade, Some(crate::core::grade::Grade::Easy));
    let MockRecord::MockFinished(f) = records[3] else {
        panic!()
    };
    assert!(f.completed);
    assert_eq!(
        fx.last(),
        Some(&Effect::Finished {
            ending: Ending::Completed
        })
    );
    // Records survive a JSON round trip (the store writes them as JSON Lines).
    let json = serde_json::to_string(records[1]).unwrap();
    assert_eq!(
        &serde_json::from_str::<MockRecord>(&json).unwrap(),
        records[1]
    );
}

#[test]
fn no_questions_finishes_at_once() {
    let (m, fx) = MockInterview::new(MockSetup::default(), vec![], t0());
    assert!(m.is_done());
    assert_eq!(
        fx.last(),
        Some(&Effect::Finished {
            ending: Ending::Completed
        })
    );
}
