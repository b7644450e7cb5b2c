//! The debrief: checklist, grades, score and the interview-wide figures.

use super::*;
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, InterviewId};
use crate::core::record::RecordBody;
use crate::core::session::test_support::question;
use crate::core::session::{AnswerMode, MockRecord, MockSetup, Timing};

fn answer(index: usize, q: &MockQuestion, text: &str, ms: u64, overtime: u64) -> MockAnswered {
    MockAnswered {
        interview: InterviewId::new("i"),
        index,
        card: q.key.clone(),
        answer: text.into(),
        follow_up_answer: None,
        answer_ms: ms,
        overtime_ms: overtime,
        follow_up_ms: None,
        follow_up_overtime_ms: 0,
        paused_ms: 0,
        skipped: false,
        coverage: crate::core::matcher::coverage(text, &q.key_points),
        grade: None,
    }
}

/// A debrief under `timing` (soft: nothing is cut off).
fn debrief_with(
    timing: Timing,
    qs: &[MockQuestion],
    answers: &[MockAnswered],
    spoken: bool,
    ending: Ending,
) -> Debrief {
    let setup = MockSetup {
        timing,
        mode: if spoken {
            AnswerMode::Spoken
        } else {
            AnswerMode::Typed
        },
        ..MockSetup::default()
    };
    Debrief::new(&InterviewId::new("i"), &setup, qs, answers, ending)
}

fn build(qs: &[MockQuestion], answers: &[MockAnswered], spoken: bool, ending: Ending) -> Debrief {
    debrief_with(Timing::Soft, qs, answers, spoken, ending)
}

fn sample() -> Debrief {
    let qs = vec![
        question("b1", 100, None, &["alpha", "beta"]),
        question("p1", 100, None, &["gamma"]),
        question("b2", 100, None, &[]),
        question("p2", 100, None, &["delta"]),
    ];
    let mut skipped = answer(3, &qs[3], "", 0, 0);
    skipped.skipped = true;
    let answers = vec![
        answer(0, &qs[0], "alpha and beta, um", 50_000, 0),
        answer(1, &qs[1], "nothing useful", 100_000, 0),
        answer(2, &qs[2], "I did it", 150_000, 50_000),
        skipped,
    ];
    build(&qs, &answers, false, Ending::Completed)
}

#[test]
fn items_carry_coverage_grades_insights_and_scores() {
    let d = sample();
    let i = &d.items;
    assert_eq!(i[0].checklist, vec![true, true]);
    assert_eq!(
        i[0].matched_words,
        vec![vec!["alpha".to_string()], vec!["beta".to_string()]],
        "the words that made each tick"
    );
    assert_eq!(i[1].matched_words, vec![Vec::<String>::new()]);
    assert_eq!(
        (
            i[0].coverage_percent(),
            i[0].suggested_grade(),
            i[0].score()
        ),
        (Some(100), Grade::Easy, 100)
    );
    assert_eq!(i[0].insights.as_ref().map(|x| x.fillers.len()), Some(1));
    assert_eq!(
        (
            i[1].coverage_percent(),
            i[1].suggested_grade(),
            i[1].score()
        ),
        (Some(0), Grade::Again, 0),
        "no time credit for an answer that covers nothing"
    );
    // No key points, 50 % over time: Hard (0.5) -> 0.7 * 0.5 + 0.3 * 0.5 = 50.
    assert_eq!(
        (
            i[2].coverage_percent(),
            i[2].suggested_grade(),
            i[2].score()
        ),
        (None, Grade::Hard, 50)
    );
    assert_eq!(
        (
            i[3].suggested_grade(),
            i[3].score(),
            i[3].insights.is_none()
        ),
        (Grade::Again, 0, true)
    );
    assert_eq!(d.score(), 38); // (100 + 0 + 50 + 0) / 4
}

#[test]
fn toggling_the_checklist_changes_coverage_and_score() {
    let mut d = sample();
    assert_eq!(d.toggle_point(1, 0), Some(true));
    assert_eq!(
        d.items[1].matched,
        vec![false],
        "the matcher's view is kept"
    );
    assert_eq!(
        (d.items[1].suggested_grade(), d.items[1].score()),
        (Grade::Good, 100)
    );
    // The tick is written (once), with the matcher's view on the answer record untouched.
    let recs = d.take_records();
    assert_eq!(recs.len(), 1);
    let MockRecord::MockDebriefed(r) = &recs[0] else {
        panic!("{recs:?}")
    };
    assert_eq!((r.index, &r.checklist, r.grade), (1, &vec![true], None));
    assert!(d.take_records().is_empty());
    assert_eq!(d.toggle_point(1, 0), Some(false));
    let fx = d.take_effects();
    assert!(
        matches!(&fx[..], [crate::core::session::Effect::Record(MockRecord::MockDebriefed(r))] if r.checklist == vec![false]),
        "unticking is a change too: {fx:?}"
    );
    assert_eq!(d.toggle_point(1, 5), None);
    assert_eq!(d.toggle_point(9, 0), None);
}

#[test]
fn transcripts_say_which_ticks_the_candidate_changed() {
    use crate::core::session::debrief_text::key_points;
    let mut d = sample();
    let labels = |d: &Debrief, q: usize| -> Vec<&'static str> {
        key_points(&d.items[q])
            .into_iter()
            .map(|(l, _)| l)
            .collect()
    };
    assert_eq!(labels(&d, 1), ["Missed"]);
    d.toggle_point(1, 0);
    assert_eq!(labels(&d, 1), ["Covered (ticked by you)"]);
    let found = d.items[0]
        .matched
        .iter()
        .position(|m| *m)
        .expect("a point the matcher found");
    assert_eq!(labels(&d, 0)[found], "Covered");
    d.toggle_point(0, found);
    assert_eq!(labels(&d, 0)[found], "Missed (unticked by you)");
}

#[test]
fn confirmed_grades_become_mock_reviews() {
    let mut d = sample();
    assert!(d.set_grade(0, Grade::Good));
    assert!(!d.set_grade(9, Grade::Good));
    assert!(d.set_grade(2, Grade::Easy));
    assert_eq!(
        d.items[2].score(),
        85,
        "a confirmed grade counts for a card without key points"
    );
    let r = d.reviews();
    assert_eq!(r.len(), 2);
    assert_eq!(
        (
            CardKey {
                deck: r[0].deck.clone(),
                card: r[0].card.clone()
            },
            r[0].grade,
            r[0].took_ms
        ),
        (CardKey::new("d", "b1"), Grade::Good, 50_000)
    );
    assert_eq!(r[0].mode, crate::core::record::ReviewMode::Mock);
}

#[test]
fn interview_wide_figures() {
    let d = sample();
    let cats = d.coverage_by_category();
    let view: Vec<(&str, usize, usize, usize, Option<u8>)> = cats
        .iter()
        .map(|c| {
            (
                c.category.as_str(),
                c.questions,
                c.covered,
                c.points,
                c.percent(),
            )
        })
        .collect();
    assert_eq!(
        view,
        vec![("budget", 2, 2, 2, Some(100)), ("people", 2, 0, 2, Some(0))]
    );
    let t = d.time_discipline();
    assert_eq!(
        (t.answered, t.within_time, t.total_overtime),
        (3, 2, std::time::Duration::from_secs(50))
    );
    assert_eq!(d.strongest(), Some(0));
    assert_eq!(d.weakest(), Some(1));
}

#[test]
fn spoken_debrief_starts_unticked_and_partial_has_fewer_items() {
    let qs = vec![
        question("b1", 60, None, &["alpha"]),
        question("b2", 60, None, &[]),
    ];
    let mut a = answer(0, &qs[0], "", 30_000, 0);
    a.coverage = vec![false];
    let d = build(&qs, &[a], true, Ending::QuitEarly);
    assert_eq!(
        (d.items.len(), d.planned, d.ending),
        (1, 2, Ending::QuitEarly)
    );
    assert!(d.items[0].answered() && d.items[0].insights.is_none());
    assert_eq!(
        d.items[0].suggested_grade(),
        Grade::Again,
        "until the candidate ticks"
    );
    assert_eq!((d.strongest(), d.weakest()), (Some(0), None));
    assert_eq!(build(&qs, &[], false, Ending::QuitEarly).score(), 0);
}

#[test]
fn an_empty_typed_answer_scores_nothing_even_on_time() {
    let qs = vec![question("b1", 100, None, &["alpha"])];
    let d = build(
        &qs,
        &[answer(0, &qs[0], "   ", 100_000, 0)],
        false,
        Ending::Completed,
    );
    assert!(!d.items[0].answered());
    assert_eq!(d.items[0].score(), 0);
    assert_eq!(d.score(), 0);
    // Spoken answers have no text and score by the ticked key points and the time.
    let mut d = build(
        &qs,
        &[answer(0, &qs[0], "", 50_000, 0)],
        true,
        Ending::Completed,
    );
    assert_eq!(d.items[0].score(), 0, "nothing ticked yet");
    d.toggle_point(0, 0);
    assert_eq!(d.items[0].score(), 100);
}

#[test]
fn confirming_writes_the_review_then_the_verdict_and_only_once() {
    let mut d = sample();
    assert!(d.has_ungraded());
    d.toggle_point(1, 0);
    let out = d.confirm(1, Grade::Good).unwrap();
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(
        matches!(&out[0], RecordBody::Review(r) if r.grade == Grade::Good && r.mode == crate::core::record::ReviewMode::Mock)
    );
    assert!(
        matches!(&out[1], RecordBody::MockDebriefed(m) if m.checklist == vec![true] && m.grade == Some(Grade::Good) && m.index == 1)
    );
    assert!(d.confirm(1, Grade::Easy).is_none(), "already graded");
    assert!(d.confirm(9, Grade::Easy).is_none());
    assert_eq!(d.ungraded(), vec![0, 2, 3]);
    for q in [0, 2, 3] {
        d.confirm(q, Grade::Hard).unwrap();
    }
    assert!(!d.has_ungraded());
}

#[test]
fn a_strict_clock_that_ends_an_answer_makes_it_over_time() {
    let qs = vec![
        question("b1", 100, None, &["alpha", "beta"]),
        question("p1", 100, None, &["gamma"]),
    ];
    let answers = vec![
        answer(0, &qs[0], "alpha and", 100_000, 0),
        answer(1, &qs[1], "gamma", 60_000, 0),
    ];
    let d = debrief_with(Timing::Strict, &qs, &answers, false, Ending::Completed);
    let cut = &d.items[0];
    assert!(cut.cut_off && !cut.within_time());
    assert_eq!(cut.suggested_grade(), Grade::Hard);
    // Half the key points, no time credit: 0.7 * 0.5.
    assert_eq!(
        cut.score_parts().time_from,
        crate::core::session::TimeBasis::CutOff
    );
    assert_eq!(cut.score(), 35);
    let t = d.time_discipline();
    assert_eq!((t.answered, t.within_time, t.cut_off), (2, 1, 1));
    // The same times under soft timing are within time.
    let d = debrief_with(Timing::Soft, &qs, &answers, false, Ending::Completed);
    assert!(!d.items[0].cut_off && d.items[0].within_time());
    // A follow-up cut off counts too.
    let mut a = answer(0, &qs[0], "alpha and beta", 10_000, 0);
    a.follow_up_answer = Some("and then".into());
    a.follow_up_ms = Some(60_000);
    let d = debrief_with(Timing::Strict, &qs, &[a], false, Ending::Completed);
    assert!(d.items[0].cut_off);
}

/// Issue 11: every tick shows the words that made it, including a point made only in the
/// answer to the follow-up question (and when the main answer is empty).
#[test]
fn ticks_from_the_follow_up_answer_show_their_words_and_where_they_are() {
    use crate::core::session::debrief_text::tick_why;
    let qs = vec![question("b1", 100, Some("And then?"), &["alpha", "beta"])];
    let with = |main: &str, later: &str| {
        let mut a = answer(0, &qs[0], main, 50_000, 0);
        a.follow_up_answer = Some(later.into());
        a.coverage = crate::core::analysis::check_points_with_follow_up(
            &qs[0].key_points,
            main,
            Some(("And then?", later)),
        )
        .iter()
        .map(|p| p.covered)
        .collect();
        build(&qs, &[a], false, Ending::Completed)
    };
    let d = with("We did alpha first.", "Then beta was done.");
    let why = |d: &Debrief, i: usize| tick_why(&d.items[0], i);
    assert_eq!(why(&d, 0).as_deref(), Some("matched \"alpha\""));
    assert_eq!(
        why(&d, 1).as_deref(),
        Some("matched \"beta\" in the follow-up answer")
    );
    // Nothing typed to the question itself: the follow-up's words still show.
    let mut d = with("", "Then beta was done.");
    assert_eq!(d.items[0].checklist, [false, true]);
    assert_eq!(
        why(&d, 1).as_deref(),
        Some("matched \"beta\" in the follow-up answer")
    );
    d.toggle_point(0, 1);
    assert_eq!(
        why(&d, 1).as_deref(),
        Some("unticked by you (the matcher found \"beta\" in the follow-up answer)")
    );
    // A word in both answers is the answer's.
    let d = with("We did alpha.", "Then alpha again and beta.");
    assert_eq!(why(&d, 0).as_deref(), Some("matched \"alpha\""));
}

/// A question left blank whose follow-up was answered is answered: scored on the points the
/// follow-up covered, counted as answered in the interview's history, not "0/100: no answer".
/// Nothing typed to either stays no answer.
#[test]
fn a_blank_answer_with_an_answered_follow_up_is_scored() {
    use crate::core::session::debrief_text::score_why;
    let qs = vec![question("b1", 100, Some("And then?"), &["alpha", "beta"])];
    let item = |later: Option<&str>| {
        let mut a = answer(0, &qs[0], "", 50_000, 0);
        a.follow_up_answer = later.map(str::to_string);
        a.coverage = crate::core::analysis::check_points_with_follow_up(
            &qs[0].key_points,
            "",
            later.map(|l| ("And then?", l)),
        )
        .iter()
        .map(|p| p.covered)
        .collect();
        a
    };
    let d = build(
        &qs,
        &[item(Some("Then beta was done."))],
        false,
        Ending::Completed,
    );
    assert!(d.items[0].answered());
    assert_eq!(d.items[0].checklist, [false, true]);
    assert!(d.items[0].score() > 0, "{}", score_why(&d.items[0]));
    assert!(
        score_why(&d.items[0]).contains("1 of 2 key points"),
        "{}",
        score_why(&d.items[0])
    );
    assert!(item(Some("Then beta was done.")).typed_something());
    // The insights read what was typed: the follow-up here, both answers where both were.
    let words = |d: &Debrief| d.items[0].insights.as_ref().map(|i| i.word_count);
    assert_eq!(words(&d), Some(4));
    let mut both = item(Some("Then beta was done."));
    both.answer = "We did alpha.".into();
    let d = build(&qs, &[both], false, Ending::Completed);
    assert_eq!(words(&d), Some(7));
    for blank in [None, Some("  \n")] {
        let d = build(&qs, &[item(blank)], false, Ending::Completed);
        assert!(!d.items[0].answered());
        assert_eq!(score_why(&d.items[0]), "Score 0/100: no answer");
        assert!(!item(blank).typed_something());
    }
}
