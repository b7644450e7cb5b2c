//! The debrief: checklist, grades, score and the interview-wide figures.

use super::*;
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, InterviewId};
use crate::core::session::test_support::question;

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
    Debrief::new(&qs, &answers, false, true)
}

#[test]
fn items_carry_coverage_grades_insights_and_scores() {
    let d = sample();
    let i = &d.items;
    assert_eq!(i[0].checklist, vec![true, true]);
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
        (Some(0), Grade::Again, 30)
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
    assert_eq!(d.score(), 45); // (100 + 30 + 50 + 0) / 4
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
    assert_eq!(d.toggle_point(1, 0), Some(false));
    assert_eq!(d.toggle_point(1, 5), None);
    assert_eq!(d.toggle_point(9, 0), None);
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
        (t.answered, t.within_time, t.total_overtime_ms),
        (3, 2, 50_000)
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
    let d = Debrief::new(&qs, &[a], true, false);
    assert_eq!((d.items.len(), d.planned, d.completed), (1, 2, false));
    assert!(d.items[0].answered() && d.items[0].insights.is_none());
    assert_eq!(
        d.items[0].suggested_grade(),
        Grade::Again,
        "until the candidate ticks"
    );
    assert_eq!((d.strongest(), d.weakest()), (Some(0), None));
    assert_eq!(Debrief::new(&qs, &[], false, false).score(), 0);
}

#[test]
fn an_empty_typed_answer_scores_nothing_even_on_time() {
    let qs = vec![question("b1", 100, None, &["alpha"])];
    let d = Debrief::new(&qs, &[answer(0, &qs[0], "   ", 100_000, 0)], false, true);
    assert!(!d.items[0].answered());
    assert_eq!(d.items[0].score(), 0);
    assert_eq!(d.score(), 0);
    // Spoken answers have no text and still score by the ticked key points and the time.
    let d = Debrief::new(&qs, &[answer(0, &qs[0], "", 50_000, 0)], true, true);
    assert_eq!(d.items[0].score(), 30);
}
