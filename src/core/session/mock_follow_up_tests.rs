//! Questions with a follow-up: the main answer recorded when submitted, the follow-up's
//! answer apart, joined on replay.

use super::tests::{answered, setup, submit, typed};
use super::*;
use crate::core::session::test_support::{at, question, t0};

/// The answers the records in `fx` replay to: each `MockAnswered` joined with its question's
/// `MockFollowUp`, as `past_interviews` joins them.
fn joined(fx: &[Effect]) -> Vec<MockAnswered> {
    let mut out = answered(fx);
    for e in fx {
        if let Effect::Record(MockRecord::MockFollowUp(f)) = e {
            let a = out
                .iter_mut()
                .find(|a| a.index == f.index)
                .expect("main first");
            *a = a.join(f).expect("the same question");
        }
    }
    out
}

/// The main answer is recorded when it is submitted, before the follow-up is shown (a crash
/// during the follow-up must not lose it); the follow-up's record joins it without repeating it.
#[test]
fn the_main_answer_is_recorded_before_the_follow_up_is_shown() {
    let qs = vec![question("b1", 60, Some("And then?"), &["rota"])];
    let (mut m, _) = MockInterview::new(typed(0, Timing::Strict), qs, t0());
    m.handle(Event::Pause, at(10_000));
    m.handle(Event::Resume, at(12_000));
    let fx = m.handle(submit("main"), at(42_000));
    let [Effect::Record(MockRecord::MockAnswered(main)), rest @ ..] = &fx[..] else {
        panic!("the main answer's record must come first: {fx:?}");
    };
    assert_eq!(
        rest,
        [
            Effect::ShowFollowUp {
                index: 0,
                text: "And then?".into()
            },
            Effect::StartTimer {
                deadline: at(72_000)
            }
        ]
    );
    assert_eq!(
        (main.answer.as_str(), main.answer_ms, main.paused_ms),
        ("main", 40_000, 2_000)
    );
    assert_eq!(
        (main.follow_up_answer.clone(), main.follow_up_ms),
        (None, None)
    );
    // On its own (the interview cut off here) it is an answer assessed as given.
    assert_eq!(main.coverage, [false]);
    assert_eq!(main.grade, Some(crate::core::grade::Grade::Again));
    assert_eq!(m.phase(), Phase::FollowUp);
    assert!(m.answers().is_empty(), "the question is not done yet");

    let fx2 = m.handle(submit("then the rota"), at(52_000));
    assert!(
        answered(&fx2).is_empty(),
        "the main answer is recorded once"
    );
    let Some(Effect::Record(MockRecord::MockFollowUp(f))) = fx2.first() else {
        panic!("{fx2:?}");
    };
    assert_eq!(f.follow_up_answer.as_deref(), Some("then the rota"));
    assert_eq!((f.follow_up_ms, f.paused_ms), (Some(10_000), 2_000));
    assert_eq!(f.coverage, [true], "a point made in the follow-up counts");
    let whole = main.join(f).unwrap();
    assert_eq!(m.answers(), std::slice::from_ref(&whole));
    assert_eq!(whole.answer, "main");
    assert_eq!(
        (whole.answer_ms, whole.follow_up_ms),
        (40_000, Some(10_000))
    );
    assert!(m.is_done());
    // Another question's follow-up never joins.
    let other = MockFollowUp {
        index: 1,
        ..f.clone()
    };
    assert_eq!(main.join(&other), None);
}

#[test]
fn a_key_point_made_in_the_follow_up_answer_is_covered() {
    // The follow-up asks about the licence; saying "licence" back is not a point, "pilot" is.
    let qs = vec![question(
        "b1",
        60,
        Some("What about the licence?"),
        &["licence", "pilot", "rota"],
    )];
    let (mut m, _) = MockInterview::new(typed(0, Timing::Strict), qs, t0());
    let mut fx = m.handle(submit("I would change the rota first."), at(20_000));
    assert_eq!(answered(&fx)[0].coverage, [false, false, true]);
    fx.extend(m.handle(submit("The licence would pay for a pilot."), at(30_000)));
    assert_eq!(joined(&fx)[0].coverage, [false, true, true]);
}

#[test]
fn follow_ups_can_be_off_or_skipped() {
    let qs = vec![question("b1", 60, Some("And then?"), &[])];
    let (mut off, _) = MockInterview::new(
        setup(0, Timing::Strict, AnswerMode::Typed, false),
        qs.clone(),
        t0(),
    );
    let a = answered(&off.handle(submit("main"), at(1_000)));
    assert_eq!(a[0].follow_up_answer, None);

    let (mut m, _) = MockInterview::new(typed(0, Timing::Strict), qs, t0());
    let mut fx = m.handle(submit("main"), at(1_000));
    fx.extend(m.handle(Event::Skip, at(2_000)));
    let a = joined(&fx);
    assert_eq!(
        (a[0].answer.as_str(), a[0].follow_up_answer.clone()),
        ("main", None)
    );
    assert!(!a[0].skipped);
}

/// Ending early during the follow-up keeps the main answer and the follow-up typed so far.
#[test]
fn ending_early_in_the_follow_up_keeps_both_answers() {
    let qs = vec![question("b1", 60, Some("And then?"), &["x"])];
    let (mut m, _) = MockInterview::new(typed(0, Timing::Soft), qs, t0());
    let mut fx = m.handle(submit("x main"), at(20_000));
    assert_eq!(m.phase(), Phase::FollowUp);
    fx.extend(m.handle(
        Event::EndEarly {
            text: "then this".into(),
        },
        at(25_000),
    ));
    let a = joined(&fx);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].answer, "x main");
    assert_eq!(a[0].follow_up_answer.as_deref(), Some("then this"));
    assert_eq!(a[0].follow_up_ms, Some(5_000));
    assert_eq!(m.debrief().ending, Ending::QuitEarly);
}

#[test]
fn a_late_spoken_done_is_applied_once() {
    let qs = vec![
        question("b1", 60, Some("Why?"), &[]),
        question("b2", 60, None, &[]),
    ];
    let (mut m, _) =
        MockInterview::new(setup(0, Timing::Strict, AnswerMode::Spoken, true), qs, t0());
    let fx = m.handle(submit(""), at(60_500));
    let main = answered(&fx);
    assert_eq!(main.len(), 1, "the main answer, once: {fx:?}");
    assert_eq!((main[0].answer_ms, main[0].follow_up_ms), (60_000, None));
    assert_eq!(m.phase(), Phase::FollowUp, "the follow-up is still to come");
    assert_eq!(
        m.clock(at(60_500)).unwrap().remaining.num_milliseconds(),
        30_000
    );
}

#[test]
fn quitting_during_the_follow_up_keeps_the_main_answer() {
    let qs = vec![
        question("b1", 60, Some("Why?"), &[]),
        question("b2", 60, None, &[]),
    ];
    let (mut m, _) = MockInterview::new(typed(0, Timing::Strict), qs, t0());
    let main = m.handle(submit("my answer"), at(10_000));
    assert_eq!(answered(&main).len(), 1, "recorded at once: {main:?}");
    let fx = m.handle(Event::Quit, at(15_000));
    assert!(answered(&fx).is_empty(), "not recorded twice: {fx:?}");
    let a = joined(&[main, fx.clone()].concat());
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].answer, "my answer");
    assert_eq!(a[0].answer_ms, 10_000);
    assert_eq!(a[0].follow_up_answer, None);
    assert_eq!(
        fx.last(),
        Some(&Effect::Finished {
            ending: Ending::QuitEarly
        })
    );
    assert_eq!(m.debrief().items.len(), 1);
}

/// A question left blank whose follow-up answer makes a point: the suggested grade is read
/// from that point, not "Again" for an answer never given; blank both ways stays Again.
#[test]
fn a_blank_answer_with_a_follow_up_that_makes_a_point_is_graded_on_it() {
    let qs = || {
        vec![question(
            "b1",
            60,
            Some("What about the licence?"),
            &["pilot", "rota"],
        )]
    };
    let grade = |later: &str| {
        let (mut m, _) = MockInterview::new(typed(0, Timing::Strict), qs(), t0());
        let mut fx = m.handle(submit(""), at(20_000));
        fx.extend(m.handle(submit(later), at(30_000)));
        joined(&fx)[0].grade
    };
    let g = grade("I would run a pilot first, then change the rota.");
    assert!(
        g.is_some_and(|g| g != crate::core::grade::Grade::Again),
        "{g:?}"
    );
    assert_eq!(grade(""), Some(crate::core::grade::Grade::Again));
}
