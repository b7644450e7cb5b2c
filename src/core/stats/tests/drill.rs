//! The weakest-categories drill queue.

use chrono::Duration;

use super::support::*;
use crate::core::grade::Grade;
use crate::core::schedule::Model;
use crate::core::stats::{DrillReason, MockHistory, practice_queue, weakest_drill_queue};

#[test]
fn due_first_then_lowest_recall_then_unseen_from_the_weakest_categories_only() {
    // "strong" is mastered; "weak" has a due card, two seen cards and unseen ones.
    let decks = vec![deck("d", &[("weak", 5), ("strong", 3)])];
    let mut log = Log::default();
    for i in 0..3 {
        let start = now() - Duration::days(100) + Duration::minutes(i);
        log.study_when_due("d", &format!("strong-{i}"), Grade::Good, start, now());
    }
    // weak-0: failed yesterday, learning and overdue.
    log.review("d", "weak-0", Grade::Again, now() - Duration::days(1));
    // weak-1 learned long ago (low recall), weak-2 recently (high recall); neither due.
    log.review("d", "weak-1", Grade::Easy, now() - Duration::days(6));
    log.review("d", "weak-2", Grade::Easy, now() - Duration::hours(2));
    let progress = log.progress();
    let stats = compute(&decks, &log, &MockHistory::default());
    assert_eq!(stats.categories[0].category.as_str(), "weak");

    let picks = weakest_drill_queue(&decks, &progress, &stats, 1, 10, &Model::default(), now());
    let names: Vec<&str> = picks.iter().map(|p| p.key.card.as_str()).collect();
    assert_eq!(names, ["weak-0", "weak-1", "weak-2", "weak-3", "weak-4"]);
    assert_eq!(picks[0].reason, DrillReason::Due);
    let recall = |i: usize| match picks[i].reason {
        DrillReason::Weak { recall } => recall,
        other => panic!("{other:?}"),
    };
    assert!(recall(1) < recall(2));
    assert_eq!(picks[4].reason, DrillReason::New);

    let three = weakest_drill_queue(&decks, &progress, &stats, 1, 3, &Model::default(), now());
    assert_eq!(three.len(), 3);
    let both = weakest_drill_queue(&decks, &progress, &stats, 2, 100, &Model::default(), now());
    assert_eq!(both.len(), 8);
    assert!(
        weakest_drill_queue(&decks, &progress, &stats, 0, 100, &Model::default(), now()).is_empty()
    );
}

#[test]
fn suspended_cards_are_left_out() {
    let decks = vec![deck("d", &[("a", 2)])];
    let mut log = Log::default();
    log.suspend("d", "a-0", now() - Duration::hours(1));
    let stats = compute(&decks, &log, &MockHistory::default());
    let picks = weakest_drill_queue(
        &decks,
        &log.progress(),
        &stats,
        1,
        10,
        &Model::default(),
        now(),
    );
    let names: Vec<&str> = picks.iter().map(|p| p.key.card.as_str()).collect();
    assert_eq!(names, ["a-1"]);
}

#[test]
fn practice_takes_every_card_in_scope_due_or_not_weakest_first() {
    let decks = vec![deck("d", &[("a", 4), ("b", 2)])];
    let mut log = Log::default();
    // a-0 learned long ago (low recall), a-1 just now with Easy, a-2 just now with Again
    // (same elapsed time as a-1: the lower stability comes first), a-3 never seen.
    log.review("d", "a-0", Grade::Good, now() - Duration::days(30));
    log.review("d", "a-1", Grade::Easy, now() - Duration::minutes(1));
    log.review("d", "a-2", Grade::Again, now() - Duration::minutes(1));
    log.suspend("d", "b-0", now() - Duration::hours(1));
    let progress = log.progress();
    let only_a =
        |_: &crate::core::deck::Deck, c: &crate::core::deck::Card| c.category.as_str() == "a";
    let picks = practice_queue(&decks, &progress, &only_a, &Model::default(), 20, now());
    let names: Vec<&str> = picks.iter().map(|p| p.key.card.as_str()).collect();
    assert_eq!(names, ["a-0", "a-2", "a-1", "a-3"]);
    assert_eq!(picks[3].reason, DrillReason::New);
    // Everything: the suspended card is left out; the limit holds.
    let all = |_: &crate::core::deck::Deck, _: &crate::core::deck::Card| true;
    let picks = practice_queue(&decks, &progress, &all, &Model::default(), 20, now());
    assert_eq!(picks.len(), 5);
    assert!(picks.iter().all(|p| p.key.card.as_str() != "b-0"));
    assert_eq!(
        practice_queue(&decks, &progress, &all, &Model::default(), 2, now()).len(),
        2
    );
}
