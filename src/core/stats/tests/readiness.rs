//! Readiness on constructed histories: the order a person expects, and properties that hold
//! for any history.

use chrono::Duration;
use proptest::prelude::*;

use super::support::*;
use crate::core::grade::Grade;
use crate::core::stats::{MockHistory, Stats};

/// One deck, three categories of five cards: never studied, always failed, mastered.
fn three_kinds() -> (Vec<crate::core::deck::Deck>, Log) {
    let decks = vec![deck("d", &[("never", 5), ("failed", 5), ("mastered", 5)])];
    let mut log = Log::default();
    for i in 0..5 {
        // Failed every day of the last two weeks.
        for day in (1..=14).rev() {
            let t = now() - Duration::days(day) + Duration::minutes(i);
            log.review("d", &format!("failed-{i}"), Grade::Again, t);
        }
        // Studied for four months, Good every time it came due.
        let start = now() - Duration::days(120) + Duration::minutes(i);
        log.study_when_due("d", &format!("mastered-{i}"), Grade::Good, start, now());
    }
    (decks, log)
}

#[test]
fn never_seen_and_always_failed_are_low_mastered_is_high() {
    let (decks, log) = three_kinds();
    let stats = compute(&decks, &log, &MockHistory::default());
    let never = readiness(&stats, "d", "never");
    let failed = readiness(&stats, "d", "failed");
    let mastered = readiness(&stats, "d", "mastered");
    assert_eq!(never, 0.0);
    assert!(failed < 35.0, "always failed: {failed}");
    assert!(mastered > 80.0, "mastered: {mastered}");
    let order: Vec<&str> = stats
        .categories
        .iter()
        .map(|c| c.category.as_str())
        .collect();
    // Started categories first, weakest first; the never-started one after them.
    assert_eq!(order, ["failed", "mastered", "never"]);
    // What to practise: the started categories first (the failed one before the mastered
    // one), the untouched category only after them.
    let practise: Vec<&str> = stats
        .weakest(3)
        .iter()
        .map(|c| c.category.as_str())
        .collect();
    assert_eq!(practise, ["failed", "mastered", "never"]);
    let one: Vec<&str> = stats
        .weakest(1)
        .iter()
        .map(|c| c.category.as_str())
        .collect();
    assert_eq!(one, ["failed"]);
}

#[test]
fn half_studied_sits_between() {
    let decks = vec![deck("d", &[("half", 6), ("mastered", 6)])];
    let mut log = Log::default();
    for i in 0..6 {
        let start = now() - Duration::days(120) + Duration::minutes(i);
        log.study_when_due("d", &format!("mastered-{i}"), Grade::Good, start, now());
        if i < 3 {
            log.study_when_due("d", &format!("half-{i}"), Grade::Good, start, now());
        }
    }
    let stats = compute(&decks, &log, &MockHistory::default());
    let half = readiness(&stats, "d", "half");
    let mastered = readiness(&stats, "d", "mastered");
    assert!(
        15.0 < half && half < mastered - 20.0,
        "{half} vs {mastered}"
    );
}

#[test]
fn mock_coverage_moves_readiness_both_ways() {
    let (decks, log) = three_kinds();
    let plain = compute(&decks, &log, &MockHistory::default());
    let mut good = MockHistory::default();
    let mut bad = MockHistory::default();
    for i in 0..5 {
        let card = format!("mastered-{i}");
        good.push_answer(key("d", &card), now(), Some(&[true, true]));
        bad.push_answer(key("d", &card), now(), Some(&[false, false]));
    }
    let with_good = compute(&decks, &log, &good);
    let with_bad = compute(&decks, &log, &bad);
    let r = |s: &Stats| readiness(s, "d", "mastered");
    assert!(r(&with_good) >= r(&plain));
    assert!(r(&with_bad) < r(&plain) - 10.0);
    let row = with_bad
        .categories
        .iter()
        .find(|c| c.category.as_str() == "mastered")
        .unwrap();
    assert_eq!((row.mock_coverage, row.mock_answers), (Some(0.0), 5));
}

/// A random history over deck `d` (categories a and b, three cards each), in time order.
fn history() -> impl Strategy<Value = Vec<(usize, usize, i64)>> {
    // (card, grade index, minutes after the previous review)
    prop::collection::vec((0usize..6, 0usize..4, 0i64..(3 * 24 * 60)), 0..40)
}

fn build(steps: &[(usize, usize, i64)]) -> (Vec<crate::core::deck::Deck>, Log) {
    let decks = vec![deck("d", &[("a", 3), ("b", 3)])];
    let mut log = Log::default();
    let total: i64 = steps.iter().map(|s| s.2).sum();
    let mut t = now() - Duration::minutes(total);
    for (card, grade, gap) in steps {
        t += Duration::minutes(*gap);
        let name = format!("{}-{}", if *card < 3 { "a" } else { "b" }, card % 3);
        log.review("d", &name, Grade::ALL[*grade], t);
    }
    (decks, log)
}

fn card_name(card: usize) -> String {
    format!("{}-{}", if card < 3 { "a" } else { "b" }, card % 3)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn readiness_stays_between_0_and_100(steps in history()) {
        let (decks, log) = build(&steps);
        let stats = compute(&decks, &log, &MockHistory::default());
        for c in &stats.categories {
            prop_assert!((0.0..=100.0).contains(&c.readiness), "{}", c.readiness);
            prop_assert!((0.0..=1.0).contains(&c.recall));
        }
    }

    /// Passing a card now never lowers its category's readiness and leaves the others alone.
    #[test]
    fn passing_a_card_now_never_lowers_readiness(
        steps in history(),
        card in 0usize..6,
        grade in 1usize..4,
    ) {
        let (decks, log) = build(&steps);
        let before = compute(&decks, &log, &MockHistory::default());
        let mut more = log.clone();
        more.review("d", &card_name(card), Grade::ALL[grade], now());
        let after = compute(&decks, &more, &MockHistory::default());
        let (own, other) = if card < 3 { ("a", "b") } else { ("b", "a") };
        prop_assert!(readiness(&after, "d", own) >= readiness(&before, "d", own));
        prop_assert_eq!(readiness(&after, "d", other), readiness(&before, "d", other));
    }

    /// A mock answer that covers every key point never lowers readiness; one that covers
    /// none never raises it.
    #[test]
    fn mock_answers_push_in_their_direction(steps in history(), card in 0usize..6) {
        let (decks, log) = build(&steps);
        let before = compute(&decks, &log, &MockHistory::default());
        let own = if card < 3 { "a" } else { "b" };
        let mut full = MockHistory::default();
        full.push_answer(key("d", &card_name(card)), now(), Some(&[true, true, true]));
        let mut empty = MockHistory::default();
        empty.push_answer(key("d", &card_name(card)), now(), Some(&[false]));
        let r0 = readiness(&before, "d", own);
        prop_assert!(readiness(&compute(&decks, &log, &full), "d", own) >= r0);
        prop_assert!(readiness(&compute(&decks, &log, &empty), "d", own) <= r0);
    }
}
