use super::*;

#[test]
fn durations_read_naturally() {
    let ms = Duration::from_millis;
    assert_eq!(duration(ms(0)), "0s");
    assert_eq!(duration(ms(12_000)), "12s");
    assert_eq!(duration(ms(12_001)), "12s");
    assert_eq!(duration(ms(10_258)), "10.3s");
    assert_eq!(duration(ms(59_949)), "59.9s");
    assert_eq!(duration(ms(59_950)), "1m 00s");
    assert_eq!(duration(ms(72_000)), "1m 12s");
    assert_eq!(duration(ms(130_258)), "2m 10s");
    assert_eq!(duration(ms(130_500)), "2m 11s");
    assert_eq!(duration(ms(120_000)), "2m 00s");
}

/// The trial's case: 2m 10.258s against 2 minutes, soft timing. The time line said "2m 11s
/// ...; 11s over" (rounded up) and the score "10.3s over" (to a tenth) for the same time.
#[test]
fn the_time_line_and_the_score_round_the_same_way() {
    use crate::core::ids::InterviewId;
    use crate::core::session::test_support::question;
    use crate::core::session::{MockAnswered, MockSetup, Timing};
    let qs = vec![question("b1", 120, None, &["alpha", "beta"])];
    let a = MockAnswered {
        interview: InterviewId::new("i"),
        index: 0,
        card: qs[0].key.clone(),
        answer: "alpha and more".into(),
        follow_up_answer: None,
        answer_ms: 130_258,
        overtime_ms: 10_258,
        follow_up_ms: None,
        follow_up_overtime_ms: 0,
        paused_ms: 0,
        skipped: false,
        coverage: vec![true, false],
        grade: None,
    };
    let setup = MockSetup {
        timing: Timing::Soft,
        ..MockSetup::default()
    };
    let d = Debrief::new(&InterviewId::new("i"), &setup, &qs, &[a], Ending::Completed);
    assert_eq!(time_used(&d.items[0]), "2m 10s of 2m 00s; 10.3s over");
    assert!(
        score_why(&d.items[0]).contains("(10.3s over a 2m 00s limit)"),
        "{}",
        score_why(&d.items[0])
    );
    assert!(
        time_discipline(&d).ends_with("; 10.3s over in total"),
        "{}",
        time_discipline(&d)
    );
}

/// A single answer that scored 0 is not called the best.
#[test]
fn a_zero_answer_is_not_the_best() {
    use crate::core::ids::InterviewId;
    use crate::core::session::test_support::question;
    use crate::core::session::{MockAnswered, MockSetup};
    let qs = vec![question("b1", 60, None, &["alpha", "beta"])];
    let answer = |text: &str, coverage: Vec<bool>| MockAnswered {
        interview: InterviewId::new("i"),
        index: 0,
        card: qs[0].key.clone(),
        answer: text.into(),
        follow_up_answer: None,
        answer_ms: 10_000,
        overtime_ms: 0,
        follow_up_ms: None,
        follow_up_overtime_ms: 0,
        paused_ms: 0,
        skipped: false,
        coverage,
        grade: None,
    };
    let lines = |a: MockAnswered| {
        let d = Debrief::new(
            &InterviewId::new("i"),
            &MockSetup::default(),
            &qs,
            &[a],
            Ending::Completed,
        );
        best_and_worst(&d)
    };
    assert_eq!(
        lines(answer("words", vec![false, false])),
        ["No answer scored above 0/100"]
    );
    let good = lines(answer("alpha", vec![true, false]));
    assert_eq!(good.len(), 1);
    assert!(good[0].starts_with("Best answer: question 1 ("), "{good:?}");
}

#[test]
fn insight_lines_count_fillers_and_hedges() {
    let ins = Insights::of(
        "Um, I think we, um, basically fixed it. I rebuilt it.",
        crate::core::deck::Kind::Behavioral,
    );
    let lines = insights(&ins);
    assert!(lines[1].starts_with("Fillers: 3 (\"um\" 2"), "{lines:?}");
    assert_eq!(lines[2], "Hedges: 1 (\"i think\" 1)");
    assert_eq!(lines[3], "I vs we: I 2, we 1");
    assert!(lines[4].starts_with("STAR: found Action"), "{lines:?}");
}

#[test]
fn point_numbers_are_checked() {
    assert_eq!(point_numbers("1 3", 3), Some(vec![1, 3]));
    assert_eq!(point_numbers(" 2,3 ", 3), Some(vec![2, 3]));
    assert_eq!(point_numbers("", 3), Some(vec![]));
    assert_eq!(point_numbers("4", 3), None);
    assert_eq!(point_numbers("0", 3), None);
    assert_eq!(point_numbers("one", 3), None);
}

#[test]
fn the_score_says_where_it_comes_from() {
    use crate::core::ids::InterviewId;
    use crate::core::session::test_support::question;
    use crate::core::session::{MockAnswered, MockSetup, Timing};
    let qs = vec![question(
        "b1",
        60,
        None,
        &["alpha", "beta", "gamma", "delta", "eps"],
    )];
    let answer = |text: &str, ms: u64, overtime_ms: u64, skipped: bool| MockAnswered {
        interview: InterviewId::new("i"),
        index: 0,
        card: qs[0].key.clone(),
        answer: text.into(),
        follow_up_answer: None,
        answer_ms: ms,
        overtime_ms,
        follow_up_ms: None,
        follow_up_overtime_ms: 0,
        paused_ms: 0,
        skipped,
        coverage: crate::core::matcher::coverage(text, &qs[0].key_points),
        grade: None,
    };
    let why = |timing: Timing, a: MockAnswered| {
        let setup = MockSetup {
            timing,
            ..MockSetup::default()
        };
        let d = Debrief::new(&InterviewId::new("i"), &setup, &qs, &[a], Ending::Completed);
        score_why(&d.items[0])
    };
    assert_eq!(
        why(
            Timing::Soft,
            answer("alpha beta gamma", 88_000, 28_000, false)
        ),
        "Score 58/100 = 0.7 × 0.60 (3 of 5 key points) + 0.3 × 0.53 (28s over a 1m 00s limit)"
    );
    // Under a minute the overtime is given to a tenth, so the sum checks out by hand.
    assert_eq!(
        why(
            Timing::Soft,
            answer("alpha beta gamma", 62_700, 2_700, false)
        ),
        "Score 71/100 = 0.7 × 0.60 (3 of 5 key points) + 0.3 × 0.95 (2.7s over a 1m 00s limit)"
    );
    assert_eq!(
        why(Timing::Strict, answer("alpha beta gamma", 60_000, 0, false)),
        "Score 42/100 = 0.7 × 0.60 (3 of 5 key points) + 0.3 × 0.00 (cut off by the clock: no time credit)"
    );
    assert_eq!(
        why(Timing::Strict, answer("words, words", 20_000, 0, false)),
        "Score 0/100 = 0.7 × 0.00 (0 of 5 key points) + 0.3 × 0.00 (no time credit without a key point covered)"
    );
    assert_eq!(
        why(Timing::Strict, answer("", 0, 0, true)),
        "Score 0/100: skipped"
    );
}

/// The STAR line names what is missing only when something is.
#[test]
fn the_star_line_says_missing_only_when_a_part_is() {
    let all = crate::core::analysis::StarCues::detect(
        "Last year our payroll server crashed on the last day of the month. My job was to get \
         everyone paid. I restored it from the backup. Everyone was paid on time.",
    );
    assert_eq!(
        star_line(&all),
        "STAR: found Situation, Task, Action, Result"
    );
    let none = crate::core::analysis::StarCues::detect("Communication is key.");
    assert_eq!(
        star_line(&none),
        "STAR: found none; missing Situation, Task, Action, Result"
    );
}
