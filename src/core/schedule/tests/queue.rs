use chrono::{Duration, FixedOffset};

use super::support::{Log, at, deck, no_fuzz, utc};
use crate::core::deck::Kind;
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, CategoryId, DeckId};
use crate::core::schedule::{
    DailyQueue, QueueFilter, QueueKind, SchedulerConfig, build_queue, replay,
};

fn queue(log: &Log, decks: usize, now: &str, config: &SchedulerConfig) -> DailyQueue {
    let decks = vec![deck("a", decks), deck("b", 2)];
    let p = replay(&log.records, config);
    build_queue(&decks, &p, at(now), utc(), config, &QueueFilter::default())
}

fn cards(q: &DailyQueue) -> Vec<String> {
    q.entries
        .iter()
        .map(|e| {
            let k = match e.kind {
                QueueKind::Learning => 'L',
                QueueKind::Review => 'R',
                QueueKind::New => 'N',
            };
            format!("{k}:{}", e.key)
        })
        .collect()
}

#[test]
fn a_fresh_start_in_file_order_shows_new_cards_in_deck_order_up_to_the_limit() {
    let cfg = SchedulerConfig {
        new_per_day: 3,
        ..no_fuzz()
    };
    let q = queue(&Log::default(), 5, "2026-01-05T09:00:00Z", &cfg);
    assert_eq!(cards(&q), ["N:a/c0", "N:a/c1", "N:a/c2"]);
    assert_eq!(
        (q.new_available_today, q.due_now, q.reviewed_today),
        (3, 0, 0)
    );
    // Honest counts: deck b gets none of today's three (deck a's come first), though it has
    // two to give when drilled alone.
    assert_eq!(
        (q.decks[0].new, q.decks[0].new_alone, q.decks[0].unseen),
        (3, 3, 5)
    );
    assert_eq!(
        (q.decks[1].new, q.decks[1].new_alone, q.decks[1].unseen),
        (0, 2, 2)
    );
}

#[test]
fn learning_first_then_reviews_with_new_cards_spread() {
    let mut log = Log::default();
    let day1 = at("2026-01-01T09:00:00Z");
    // Four review cards (graduated with Easy: due ~8 days later), in reverse deck order.
    for c in ["c3", "c2", "c1", "c0"] {
        log.review("a", c, Grade::Easy, day1);
    }
    // One learning card reviewed just now (due in 1 minute) and one due already.
    let now = at("2026-01-20T09:00:00Z");
    log.review("a", "c4", Grade::Again, now - Duration::minutes(5));
    log.review("a", "c5", Grade::Again, now - Duration::seconds(30));
    // The two learning cards were new today: one new card is left of three.
    let cfg = SchedulerConfig {
        new_per_day: 3,
        ..no_fuzz()
    };
    let q = queue(&log, 8, "2026-01-20T09:00:00Z", &cfg);
    assert_eq!(
        cards(&q),
        ["L:a/c4", "R:a/c0", "R:a/c1", "N:a/c6", "R:a/c2", "R:a/c3"]
    );
    assert_eq!(q.due_now, 5);
    assert_eq!(q.next_learning_due, Some(now + Duration::seconds(30)));
    assert_eq!(q.decks[0].learning, 2);
    assert_eq!(q.decks[0].due, 4);
    assert_eq!(q.reviewed_today, 2);
}

#[test]
fn limits_count_what_was_done_today() {
    let mut log = Log::default();
    let day1 = at("2026-01-01T09:00:00Z");
    for c in ["c0", "c1", "c2", "c3"] {
        log.review("a", c, Grade::Easy, day1);
    }
    let now = at("2026-01-20T09:00:00Z");
    // Two of them reviewed earlier today, one new card introduced today.
    log.review("a", "c0", Grade::Good, now - Duration::hours(2));
    log.review("a", "c1", Grade::Good, now - Duration::hours(2));
    log.review("a", "c4", Grade::Good, now - Duration::minutes(5));
    let cfg = SchedulerConfig {
        new_per_day: 2,
        reviews_per_day: 3,
        ..no_fuzz()
    };
    let q = queue(&log, 8, "2026-01-20T09:00:00Z", &cfg);
    let kinds: Vec<_> = q.entries.iter().map(|e| e.kind).collect();
    // c4 is in learning but not due for 10 minutes; 1 review and 1 new left.
    assert_eq!(kinds, [QueueKind::Review, QueueKind::New]);
    assert_eq!(
        (q.due_now, q.new_available_today, q.reviewed_today),
        (1, 1, 3)
    );
    assert_eq!(q.decks[0].due, 1);
}

#[test]
fn the_day_rolls_over_at_the_configured_local_hour() {
    let cfg = SchedulerConfig {
        new_per_day: 1,
        ..no_fuzz()
    };
    let mut log = Log::default();
    // 22:30 local in UTC+2 = 20:30 UTC on the 4th.
    log.review("a", "c0", Grade::Good, at("2026-01-04T20:30:00Z"));
    let plus2 = FixedOffset::east_opt(2 * 3600).unwrap();
    let decks = [deck("a", 3)];
    let p = replay(&log.records, &cfg);
    let q_at = |now: &str| build_queue(&decks, &p, at(now), plus2, &cfg, &QueueFilter::default());
    // 03:59 local on the 5th: still the 4th's study day, limit used up.
    let late = q_at("2026-01-05T01:59:00Z");
    assert_eq!(late.new_available_today, 0);
    assert_eq!(late.reviewed_today, 1);
    assert_eq!(late.next_day_start, at("2026-01-05T02:00:00Z"));
    // 04:00 local: a new day.
    let fresh = q_at("2026-01-05T02:00:00Z");
    assert_eq!(fresh.new_available_today, 1);
    assert_eq!(fresh.reviewed_today, 0);
    assert_eq!(fresh.day_start, at("2026-01-05T02:00:00Z"));
}

#[test]
fn suspended_and_buried_cards_are_left_out_until_the_bury_ends() {
    let cfg = no_fuzz();
    let now = at("2026-01-05T09:00:00Z");
    let mut log = Log::default();
    log.suspend("a", "c0", now - Duration::hours(1));
    let q = queue(&log, 3, "2026-01-05T09:00:00Z", &cfg);
    let next_day = q.next_day_start;
    log.bury("a", "c1", now - Duration::hours(1), next_day);
    let q = queue(&log, 3, "2026-01-05T09:00:00Z", &cfg);
    assert_eq!(cards(&q), ["N:a/c2", "N:b/c0", "N:b/c1"]);
    assert_eq!(q.decks[0].new, 1);
    let tomorrow = queue(&log, 3, "2026-01-06T04:00:00Z", &cfg);
    assert_eq!(cards(&tomorrow), ["N:a/c1", "N:a/c2", "N:b/c0", "N:b/c1"]);
    log.unsuspend("a", "c0", now);
    let back = queue(&log, 3, "2026-01-06T04:00:00Z", &cfg);
    assert_eq!(back.entries[0].key, CardKey::new("a", "c0"));
}

#[test]
fn undoing_a_first_review_gives_the_new_card_back() {
    let cfg = SchedulerConfig {
        new_per_day: 1,
        ..no_fuzz()
    };
    let now = at("2026-01-05T09:00:00Z");
    let mut log = Log::default();
    let r = log.review("a", "c0", Grade::Good, now);
    assert_eq!(
        queue(&log, 2, "2026-01-05T09:01:00Z", &cfg).new_available_today,
        0
    );
    log.undo(&r, now + Duration::seconds(5));
    let q = queue(&log, 2, "2026-01-05T09:01:00Z", &cfg);
    assert_eq!(cards(&q), ["N:a/c0"]);
}

#[test]
fn filters_restrict_decks_categories_and_kinds() {
    let decks = [deck("a", 4), deck("b", 4)];
    let p = replay(&[], &no_fuzz());
    let now = at("2026-01-05T09:00:00Z");
    let run = |filter: QueueFilter| {
        let q = build_queue(&decks, &p, now, utc(), &no_fuzz(), &filter);
        q.entries
            .iter()
            .map(|e| e.key.to_string())
            .collect::<Vec<_>>()
    };
    let only_b = QueueFilter {
        decks: vec![DeckId::new("b")],
        ..QueueFilter::default()
    };
    assert_eq!(run(only_b), ["b/c0", "b/c1", "b/c2", "b/c3"]);
    let cat1 = QueueFilter {
        categories: vec![CategoryId::new("cat1")],
        ..QueueFilter::default()
    };
    assert_eq!(run(cat1), ["a/c1", "a/c3", "b/c1", "b/c3"]);
    let technical_in_a = QueueFilter {
        decks: vec![DeckId::new("a")],
        kinds: vec![Kind::Technical],
        ..QueueFilter::default()
    };
    assert_eq!(run(technical_in_a), ["a/c0", "a/c2"]);
    let q = build_queue(
        &decks,
        &p,
        now,
        utc(),
        &no_fuzz(),
        &QueueFilter {
            decks: vec![DeckId::new("b")],
            ..QueueFilter::default()
        },
    );
    assert_eq!(q.decks.len(), 1);
}

#[test]
fn a_decks_reviews_alone_are_what_a_drill_of_it_alone_shows() {
    let mut log = Log::default();
    // Three review cards in deck a (due first) and two in deck b, all due by day 20.
    let day1 = at("2026-01-01T09:00:00Z");
    for c in ["c0", "c1", "c2"] {
        log.review("a", c, Grade::Easy, day1);
    }
    for c in ["c0", "c1"] {
        log.review("b", c, Grade::Easy, day1 + Duration::hours(1));
    }
    let cfg = SchedulerConfig {
        new_per_day: 0,
        reviews_per_day: 3,
        ..no_fuzz()
    };
    let q = queue(&log, 3, "2026-01-20T09:00:00Z", &cfg);
    // Together: deck a's three fill the day's three reviews.
    assert_eq!((q.decks[0].due, q.decks[1].due), (3, 0));
    // Alone: each deck's own, under the same limit.
    assert_eq!((q.decks[0].due_alone, q.decks[1].due_alone), (3, 2));
    // What drilling deck b alone shows.
    let decks = vec![deck("a", 3), deck("b", 2)];
    let p = replay(&log.records, &cfg);
    let only_b = QueueFilter {
        decks: vec![DeckId::new("b")],
        ..QueueFilter::default()
    };
    let alone = build_queue(&decks, &p, at("2026-01-20T09:00:00Z"), utc(), &cfg, &only_b);
    assert_eq!(alone.entries.len(), q.decks[1].due_alone);
}
