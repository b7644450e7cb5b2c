//! Totals, activity and per-category figures of [`crate::core::stats::compute`].

use chrono::{Duration, FixedOffset, NaiveDate};

use super::support::*;
use crate::core::grade::Grade;
use crate::core::schedule::{QueueFilter, build_queue};
use crate::core::stats::compute::rank_weakest_first;
use crate::core::stats::{MockHistory, MockScore, stats};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Decks d (a: 4 cards, b: 2, empty: 0) and e (x: 3), and a short history.
fn fixture() -> (Vec<crate::core::deck::Deck>, Log) {
    let mut decks = vec![deck("d", &[("a", 4), ("b", 2)]), deck("e", &[("x", 3)])];
    decks[0].categories.push(crate::core::deck::Category {
        id: "empty".into(),
        title: "Nothing here".into(),
        description: None,
    });
    let mut log = Log::default();
    log.review_took("d", "b-0", Grade::Easy, at("2026-03-08T10:00:00Z"), 4000);
    log.review_took("d", "a-1", Grade::Again, at("2026-03-10T10:00:00Z"), 500);
    // 03:00 is before the 04:00 rollover: it belongs to the 10th.
    log.review_took("d", "a-0", Grade::Good, at("2026-03-11T03:00:00Z"), 1500);
    log.review_took("d", "a-0", Grade::Good, at("2026-03-11T05:00:00Z"), 2000);
    log.review_took("e", "x-0", Grade::Good, at("2026-03-11T06:00:00Z"), 7000);
    // A deck that no longer loads is out of scope.
    log.review_took("gone", "z", Grade::Good, at("2026-03-11T07:00:00Z"), 9999);
    let undone = log.review_took("e", "x-1", Grade::Good, at("2026-03-11T08:00:00Z"), 9999);
    log.push(
        at("2026-03-11T08:01:00Z"),
        crate::core::record::RecordBody::Undo { target: undone },
    );
    (decks, log)
}

#[test]
fn totals_activity_and_time() {
    let (decks, log) = fixture();
    let s = compute(&decks, &log, &MockHistory::default());
    assert_eq!(s.today, date("2026-03-11"));
    assert_eq!(s.cards_total, 9);
    assert_eq!(s.seen_total, 4);
    assert_eq!(s.reviews_total, 5);
    assert_eq!(s.reviewed_today, 2);
    assert_eq!(s.time_spent_ms.today, std::time::Duration::from_secs(9));
    assert_eq!(s.time_spent_ms.total, std::time::Duration::from_secs(15));
    assert_eq!(s.streak_days, 2);
    let by_day: Vec<(NaiveDate, u32)> = s.reviews_by_day.iter().map(|(d, n)| (*d, *n)).collect();
    assert_eq!(
        by_day,
        [
            (date("2026-03-08"), 1),
            (date("2026-03-10"), 2),
            (date("2026-03-11"), 2)
        ]
    );
    assert_eq!(s.calendar_start, date("2025-09-15"));
    let queue = build_queue(
        &decks,
        &log.progress(),
        now(),
        utc(),
        &config(),
        &QueueFilter::default(),
    );
    assert_eq!(s.due_now, queue.due_now);
    assert_eq!(s.new_available_today, queue.new_available_today);
    assert_eq!(s.new_available_today, 5);
}

#[test]
fn per_category_figures_and_empty_categories() {
    let (decks, log) = fixture();
    let s = compute(&decks, &log, &MockHistory::default());
    let names: Vec<String> = s
        .categories
        .iter()
        .map(|c| format!("{}/{}", c.deck, c.category))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(!names.contains(&"d/empty".to_string()));
    let a = s
        .categories
        .iter()
        .find(|c| c.category.as_str() == "a")
        .unwrap();
    assert_eq!((a.cards, a.seen, a.due), (4, 2, 1));
    assert_eq!(a.title, "Title of a");
    // a-1 failed on its first review: not a lapse (it was never known).
    assert_eq!(a.lapsed, 0);
    assert_eq!(a.retention, None);
    assert!(a.recall > 0.0 && a.recall <= 0.5);
}

#[test]
fn forecast_and_due_leave_suspended_cards_out() {
    let (decks, mut log) = fixture();
    let s = compute(&decks, &log, &MockHistory::default());
    assert_eq!(s.forecast.len(), 30);
    assert_eq!(s.forecast[0].date, date("2026-03-11"));
    // a-1 (overdue) and x-0 (learning, due at 06:10) are due today.
    assert_eq!(s.forecast[0].due, 2);
    assert_eq!(s.forecast.iter().map(|d| d.due).sum::<usize>(), 4);
    log.suspend("d", "b-0", now() - Duration::hours(1));
    let s = compute(&decks, &log, &MockHistory::default());
    assert_eq!(s.forecast.iter().map(|d| d.due).sum::<usize>(), 3);
}

#[test]
fn deck_scope_counts_only_those_decks() {
    let (decks, log) = fixture();
    let only_d = &decks[..1];
    let s = compute(only_d, &log, &MockHistory::default());
    assert_eq!(s.reviews_total, 4);
    assert_eq!(s.time_spent_ms.today, std::time::Duration::from_secs(2));
    assert!(s.categories.iter().all(|c| c.deck.as_str() == "d"));
}

#[test]
fn retention_and_lapses_count_review_phase_cards() {
    let decks = vec![deck("d", &[("a", 2)])];
    let mut log = Log::default();
    // Graduate both, then one passes and one lapses at their first review.
    let start = now() - Duration::days(20);
    log.review("d", "a-0", Grade::Easy, start);
    log.review("d", "a-1", Grade::Easy, start);
    let s0 = log.progress();
    let due = |c: &str| s0.card(&key("d", c)).unwrap().due.unwrap();
    log.review("d", "a-0", Grade::Good, due("a-0"));
    log.review("d", "a-1", Grade::Again, due("a-1"));
    // An old lapse (outside 30 days) does not count; its retention still does (90 days).
    let s = compute(&decks, &log, &MockHistory::default());
    let a = &s.categories[0];
    assert_eq!(a.retention, Some(0.5));
    assert_eq!(s.retention, Some(0.5));
    assert_eq!(a.lapsed, 1);
    assert_eq!(
        (a.evidence.retention_reviews, a.evidence.retention_passed),
        (2, 1)
    );
}

#[test]
fn study_days_use_the_local_offset() {
    let decks = vec![deck("d", &[("a", 2)])];
    let mut log = Log::default();
    // UTC+2: 01:30 UTC is 03:30 local, before the 04:00 rollover: the 10th.
    log.review("d", "a-0", Grade::Good, at("2026-03-11T01:30:00Z"));
    let plus2 = FixedOffset::east_opt(7200).unwrap();
    let s = stats(
        &decks,
        &log.progress(),
        &MockHistory::default(),
        &config(),
        now(),
        plus2,
    );
    assert_eq!(
        s.reviews_by_day.keys().copied().collect::<Vec<_>>(),
        [date("2026-03-10")]
    );
    assert_eq!(s.reviewed_today, 0);
    assert_eq!(s.streak_days, 1);
}

#[test]
fn ties_rank_fewer_seen_first() {
    let decks = vec![deck("d", &[("a", 2), ("b", 2), ("c", 2)])];
    let s = compute(&decks, &Log::default(), &MockHistory::default());
    let mut rows = s.categories.clone();
    rows[0].seen = 2;
    rows[1].seen = 1;
    rows[2].seen = 0;
    for r in &mut rows {
        r.readiness = 10.0;
    }
    rank_weakest_first(&mut rows);
    let order: Vec<&str> = rows.iter().map(|c| c.category.as_str()).collect();
    // Started first (b before a: fewer seen), the never-started c last.
    assert_eq!(order, ["b", "a", "c"]);
}

/// A category with only a mock answer (no review) has a readiness from its mock coverage; it
/// was ranked after the categories never begun (at 0), though "weakest first" follows readiness.
#[test]
fn a_category_answered_only_in_a_mock_ranks_by_its_readiness() {
    let decks = vec![deck("d", &[("a", 2), ("b", 2), ("c", 2)])];
    let mut log = Log::default();
    log.review("d", "a-0", Grade::Good, at("2026-03-10T10:00:00Z"));
    log.review("d", "a-1", Grade::Good, at("2026-03-10T10:05:00Z"));
    let mut mocks = MockHistory::default();
    mocks.push_answer(
        key("d", "b-0"),
        at("2026-03-10T11:00:00Z"),
        Some(&[true, false]),
    );
    let s = compute(&decks, &log, &mocks);
    let order: Vec<(&str, f64)> = s
        .categories
        .iter()
        .map(|c| (c.category.as_str(), c.readiness))
        .collect();
    let b = s
        .categories
        .iter()
        .find(|c| c.category.as_str() == "b")
        .unwrap();
    assert!(b.readiness > 0.0 && b.seen == 0 && b.started(), "{order:?}");
    // The started ones (a reviewed, b answered) by readiness, then the untouched c.
    let started: Vec<f64> = s
        .categories
        .iter()
        .filter(|c| c.started())
        .map(|c| c.readiness)
        .collect();
    assert_eq!(started.len(), 2, "{order:?}");
    assert!(started[0] <= started[1], "{order:?}");
    assert_eq!(order.last().map(|o| o.0), Some("c"), "{order:?}");
    assert_eq!(s.weakest(2).len(), 2);
    assert!(
        s.weakest(2).iter().all(|c| c.category.as_str() != "c"),
        "{order:?}"
    );
}

#[test]
fn mock_scores_are_passed_through_in_time_order() {
    let decks = vec![deck("d", &[("a", 1)])];
    let mut mocks = MockHistory::default();
    for (id, day, score) in [("m2", 9, 70), ("m1", 2, 40)] {
        mocks.push_score(MockScore {
            interview: id.into(),
            at: at(&format!("2026-03-{day:02}T10:00:00Z")),
            score,
            completed: true,
            ending: "completed",
        });
    }
    let s = compute(&decks, &Log::default(), &mocks);
    let scores: Vec<u8> = s.mock_scores.iter().map(|m| m.score).collect();
    assert_eq!(scores, [40, 70]);
}

#[test]
fn json_has_the_documented_fields() {
    let (decks, log) = fixture();
    let s = compute(&decks, &log, &MockHistory::default());
    let v = serde_json::to_value(&s).unwrap();
    for field in [
        "cards_total",
        "reviews_total",
        "due_now",
        "new_available_today",
        "categories",
        "streak_days",
        "reviews_by_day",
        "forecast",
        "time_spent_ms",
    ] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    let c = &v["categories"][0];
    for field in [
        "deck",
        "category",
        "title",
        "readiness",
        "cards",
        "seen",
        "due",
    ] {
        assert!(c.get(field).is_some(), "missing categories[].{field}");
    }
    assert_eq!(v["reviews_by_day"]["2026-03-10"], 2);
}

#[test]
fn the_summary_agrees_with_the_full_statistics() {
    let (decks, log) = fixture();
    let progress = log.progress();
    let mocks = MockHistory::default();
    let input = crate::core::stats::StatsInput {
        decks: &decks,
        progress: &progress,
        mocks: &mocks,
        config: &config(),
        now: now(),
        offset: utc(),
    };
    let full = crate::core::stats::compute(&input);
    let summary = crate::core::stats::summary(&input);
    assert_eq!(summary.categories, full.categories);
    assert_eq!(summary.streak_days, full.streak_days);
    assert_eq!(summary.reviews_total, full.reviews_total);
}
