use std::collections::HashSet;

use chrono::Duration;

use super::support::{Log, at, deck, no_fuzz};
use crate::core::grade::Grade;
use crate::core::ids::CardKey;
use crate::core::schedule::{CardMemory, Phase, effective_reviews, known_keys, replay};

#[test]
fn replay_matches_stepping_the_scheduler() {
    let mut log = Log::default();
    let t0 = at("2026-01-05T09:00:00Z");
    log.review("d", "c0", Grade::Good, t0);
    log.review("d", "c0", Grade::Good, t0 + Duration::minutes(10));
    let p = replay(&log.records, &no_fuzz());
    let c = p.card(&CardKey::new("d", "c0")).unwrap();
    assert_eq!(c.phase, Phase::Review);
    assert_eq!(c.reps, 2);
    assert_eq!(c.last_review, Some(t0 + Duration::minutes(10)));
    assert_eq!(p.reviews().len(), 2);
    assert_eq!(p.reviews()[0].phase_before, Phase::New);
    assert_eq!(p.reviews()[1].phase_before, Phase::Learning);
    assert!(p.card(&CardKey::new("d", "c1")).is_none());
}

#[test]
fn undone_reviews_are_ignored_entirely() {
    let t0 = at("2026-01-05T09:00:00Z");
    let mut with_undo = Log::default();
    with_undo.review("d", "c0", Grade::Good, t0);
    let bad = with_undo.review("d", "c0", Grade::Again, t0 + Duration::minutes(10));
    with_undo.undo(&bad, t0 + Duration::minutes(11));
    with_undo.review("d", "c0", Grade::Good, t0 + Duration::minutes(12));

    let mut plain = Log::default();
    plain.review("d", "c0", Grade::Good, t0);
    plain.review("d", "c0", Grade::Good, t0 + Duration::minutes(12));

    let a = replay(&with_undo.records, &no_fuzz());
    let b = replay(&plain.records, &no_fuzz());
    let key = CardKey::new("d", "c0");
    assert_eq!(a.card(&key), b.card(&key));
    assert_eq!(a.reviews().len(), 2);
    assert!(
        effective_reviews(&with_undo.records)
            .iter()
            .all(|(r, _)| r.id != bad)
    );
}

#[test]
fn the_effective_reviews_leave_out_what_was_undone() {
    let t0 = at("2026-01-05T09:00:00Z");
    let mut log = Log::default();
    let last = |log: &Log| {
        effective_reviews(&log.records)
            .last()
            .map(|(r, _)| r.id.clone())
    };
    assert_eq!(last(&log), None);
    let first = log.review("d", "c0", Grade::Good, t0);
    let second = log.review("d", "c1", Grade::Good, t0 + Duration::minutes(1));
    log.suspend("d", "c2", t0 + Duration::minutes(2));
    assert_eq!(last(&log), Some(second.clone()));
    log.undo(&second, t0 + Duration::minutes(3));
    let p = replay(&log.records, &no_fuzz());
    assert_eq!(last(&log), Some(first.clone()));
    // The undone card is new again.
    assert_eq!(
        p.card(&CardKey::new("d", "c1")),
        None,
        "a card whose only review was undone has no state"
    );
}

#[test]
fn suspend_unsuspend_and_bury_set_flags() {
    let t0 = at("2026-01-05T09:00:00Z");
    let until = at("2026-01-06T04:00:00Z");
    let mut log = Log::default();
    log.suspend("d", "c0", t0);
    log.bury("d", "c1", t0, until);
    let p = replay(&log.records, &no_fuzz());
    let c0 = p.card(&CardKey::new("d", "c0")).unwrap();
    assert!(c0.suspended && c0.phase == Phase::New);
    let c1 = p.card(&CardKey::new("d", "c1")).unwrap();
    assert!(c1.is_buried(t0) && !c1.is_buried(until));
    log.unsuspend("d", "c0", t0 + Duration::hours(1));
    let p = replay(&log.records, &no_fuzz());
    assert!(!p.card(&CardKey::new("d", "c0")).unwrap().suspended);
}

#[test]
fn leech_flag_follows_lapses_and_undo() {
    let mut log = Log::default();
    let mut now = at("2026-01-05T09:00:00Z");
    log.review("d", "c0", Grade::Easy, now);
    let key = CardKey::new("d", "c0");
    let mut last_lapse = None;
    for _ in 0..8 {
        now = replay(&log.records, &no_fuzz())
            .card(&key)
            .unwrap()
            .due
            .unwrap();
        last_lapse = Some(log.review("d", "c0", Grade::Again, now));
        now += Duration::minutes(10);
        log.review("d", "c0", Grade::Good, now);
    }
    let p = replay(&log.records, &no_fuzz());
    let c = p.card(&key).unwrap();
    assert_eq!(c.lapses, 8);
    assert!(c.leech);
    log.undo(&last_lapse.unwrap(), now + Duration::minutes(1));
    let c = replay(&log.records, &no_fuzz())
        .card(&key)
        .cloned()
        .unwrap();
    assert_eq!(c.lapses, 7);
    assert!(!c.leech);
}

#[test]
fn orphans_are_kept_and_listed() {
    let t0 = at("2026-01-05T09:00:00Z");
    let mut log = Log::default();
    log.review("d", "c0", Grade::Good, t0);
    log.review("gone", "x", Grade::Good, t0);
    log.review("d", "c99", Grade::Good, t0);
    let p = replay(&log.records, &no_fuzz());
    let known: HashSet<CardKey> = known_keys(&[deck("d", 3)]);
    let orphans = p.orphans(&known);
    assert_eq!(
        orphans,
        [&CardKey::new("d", "c99"), &CardKey::new("gone", "x")]
    );
    assert!(p.card(&CardKey::new("gone", "x")).is_some());
}

#[test]
fn a_fresh_card_is_new() {
    assert_eq!(CardMemory::new().phase, Phase::New);
}
