//! Tests of [`super::Progress`]: card-by-card updates against a full replay, and earlier
//! reviews left to a source until asked for.

use chrono::Duration;
use proptest::prelude::*;

use super::*;
use crate::core::ids::{CardId, DeckId, RecordId};
use crate::core::record::{Record, RecordBody, Review};
use crate::core::schedule::{SchedulerConfig, replay};

fn record(n: usize, card: usize, minutes: i64, kind: u8) -> Record {
    let at = DateTime::from_timestamp(1_780_000_000, 0).unwrap() + Duration::minutes(minutes);
    let (deck, card) = (DeckId::new("d"), CardId::new(format!("c{card}")));
    let body = match kind {
        0 => RecordBody::Suspend { deck, card },
        1 => RecordBody::Unsuspend { deck, card },
        2 => RecordBody::Bury {
            deck,
            card,
            until: at + Duration::hours(3),
        },
        k => RecordBody::Review(Review {
            deck,
            card,
            grade: Grade::ALL[usize::from(k) % 4],
            took_ms: 1000,
            mode: ReviewMode::Drill,
        }),
    };
    Record::new(RecordId::new(format!("r{n:04}")), at, body)
}

fn key_of(r: &Record) -> Option<CardKey> {
    match &r.body {
        RecordBody::Review(v) => Some(CardKey::new(v.deck.as_str(), v.card.as_str())),
        RecordBody::Suspend { deck, card }
        | RecordBody::Unsuspend { deck, card }
        | RecordBody::Bury { deck, card, .. } => Some(CardKey::new(deck.as_str(), card.as_str())),
        _ => None,
    }
}

proptest! {
    /// Records arriving in any time order (a merge, a clock far ahead): each one applied on
    /// its own when it is last for its card, its card replayed alone otherwise, gives what
    /// a full replay of the whole log gives after every record.
    #[test]
    fn card_by_card_updates_equal_a_full_replay(
        steps in prop::collection::vec((0usize..5, -3000i64..3000, 0u8..9), 1..40),
    ) {
        let config = SchedulerConfig::default();
        let mut log: Vec<Record> = Vec::new();
        let mut progress = replay(&[], &config);
        let mut undone: Vec<RecordId> = Vec::new();
        for (n, (card, minutes, kind)) in steps.iter().enumerate() {
            if *kind == 8 {
                // Take back the record `card` steps from the end, if there is one.
                let Some(target) = log.iter().rev().nth(*card).cloned() else {
                    continue;
                };
                undone.push(target.id.clone());
                let undo = Record::new(
                    RecordId::new(format!("u{n:04}")),
                    target.at,
                    RecordBody::Undo { target: target.id.clone() },
                );
                log.push(undo);
                // An undo of an undo changes no card (what it took back stays taken back).
                let Some(key) = key_of(&target) else {
                    prop_assert_eq!(&progress, &replay(&log, &config));
                    continue;
                };
                let mine: Vec<Record> = log
                    .iter()
                    .filter(|o| key_of(o).as_ref() == Some(&key) && !undone.contains(&o.id))
                    .cloned()
                    .collect();
                progress.replace_card(&key, &replay(&mine, &config));
                prop_assert_eq!(&progress, &replay(&log, &config));
                continue;
            }
            let r = record(n, *card, *minutes, *kind);
            let key = key_of(&r).unwrap();
            let last_for_card = log
                .iter()
                .filter(|o| key_of(o).as_ref() == Some(&key))
                .all(|o| (o.at, &o.id) < (r.at, &r.id));
            log.push(r.clone());
            if last_for_card {
                progress.apply_latest(&r, &config);
            } else {
                let mine: Vec<Record> = log
                    .iter()
                    .filter(|o| key_of(o).as_ref() == Some(&key) && !undone.contains(&o.id))
                    .cloned()
                    .collect();
                progress.replace_card(&key, &replay(&mine, &config));
            }
            let full = replay(&log, &config);
            prop_assert_eq!(&progress, &full);
            for (key, memory) in full.cards() {
                prop_assert_eq!(progress.card(key), Some(memory));
            }
            // Every review shares its card's key (the progress cache relies on it).
            for review in progress.reviews() {
                let slot = progress.index[&*review.key];
                prop_assert!(Arc::ptr_eq(&progress.cards[slot].0, &review.key));
            }
        }
    }
}

/// Gives the earlier reviews of a progress (counting how often it is asked).
struct Source(Vec<ReviewEntry>, std::sync::atomic::AtomicUsize);

impl EarlierSource for Source {
    fn load(&self) -> Option<Vec<ReviewEntry>> {
        self.1.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Some(self.0.clone())
    }
}

/// A progress whose reviews before `cut` minutes are left to a source answers as the whole
/// one, reads them only when asked for a time before them, and takes them in before a change
/// that needs them.
#[test]
fn earlier_reviews_are_read_only_when_needed() {
    let config = SchedulerConfig::default();
    let t = |m: i64| DateTime::from_timestamp(1_780_000_000, 0).unwrap() + Duration::minutes(m);
    let log: Vec<Record> = (0..40)
        .map(|n| record(n, n % 3, n as i64 * 600, 3 + (n % 4) as u8))
        .collect();
    let full = replay(&log, &config);
    let cut = t(20 * 600);
    let (earlier, later): (Vec<_>, Vec<_>) =
        full.reviews().iter().cloned().partition(|r| r.at < cut);
    let source = Arc::new(Source(earlier, Default::default()));
    let lazy = || {
        Progress::from_parts(full.entries().to_vec(), later.clone())
            .unwrap()
            .with_earlier(
                cut,
                full.activity(),
                Arc::clone(&source) as Arc<dyn EarlierSource>,
            )
    };
    let reads = || source.1.load(std::sync::atomic::Ordering::SeqCst);
    let p = lazy();
    assert_eq!(p.reviews_since(cut).len(), later.len());
    let deck = |d: &DeckId| d.as_str() == "d";
    for day in 0..8 {
        let from = t(day * 1440 - 700);
        let to = from + Duration::days(1);
        let expected = full
            .reviews()
            .between(from, to)
            .iter()
            .any(|r| deck(&r.key.deck));
        assert_eq!(p.studied(from, to, deck), expected);
    }
    assert!(p.has_unread_reviews());
    assert_eq!(reads(), 0);
    assert_eq!(p, full);
    assert_eq!(reads(), 1);
    assert!(!p.has_unread_reviews() && p.is_complete());

    // A later review keeps them unread; one before them, or replacing a card, reads them.
    let mut p = lazy();
    let mut whole = log.clone();
    // (Each the last of its card, as apply_latest needs.)
    for (n, card, minutes) in [(100usize, 7, 40 * 600i64), (101, 8, 5 * 600)] {
        let r = record(n, card, minutes, 5);
        whole.push(r.clone());
        p.apply_latest(&r, &config);
        assert_eq!(p.has_unread_reviews(), n == 100);
    }
    assert_eq!(p, replay(&whole, &config));
    let mut p = lazy();
    let key = CardKey::new("d", "c1");
    let mine: Vec<Record> = log
        .iter()
        .filter(|r| key_of(r).as_ref() == Some(&key))
        .cloned()
        .collect();
    p.replace_card(&key, &replay(&mine, &config));
    assert!(!p.has_unread_reviews());
    assert_eq!(p, full);
}
