//! Today's queue as it is built now (only the part of the new-card order that is shown, cards
//! looked up by their ids) equals the queue as it was built before (`queue_before`): every
//! entry, count and time, on random decks, logs, filters, limits, orders and offsets.

use chrono::{Duration, FixedOffset};
use proptest::prelude::*;

use super::queue_before;
use super::support::{Log, at, deck};
use crate::core::deck::{BareDeck, Deck, Kind};
use crate::core::grade::Grade;
use crate::core::ids::{CategoryId, DeckId};
use crate::core::schedule::{NewOrder, QueueFilter, SchedulerConfig, build_queue, replay};

const DECKS: [&str; 4] = ["a", "b", "c", "d"];
const KINDS: [Kind; 3] = [Kind::Behavioral, Kind::Technical, Kind::Knowledge];

/// Category `c`: the first two are the ones the decks list, the others are not listed.
fn category_id(c: usize) -> CategoryId {
    match c {
        0 | 1 => CategoryId::new(format!("cat{c}")),
        c => CategoryId::new(format!("k{c}")),
    }
}

/// Decks of up to 40 cards in up to 5 categories; ids drawn from four, so a deck id can be
/// repeated (loading refuses that; the queue still gives the same answers).
fn decks() -> impl Strategy<Value = Vec<Deck>> {
    prop::collection::vec(
        (
            0usize..4,
            prop::collection::vec((0usize..5, 0usize..3), 0..40),
        ),
        1..4,
    )
    .prop_map(|specs| {
        specs
            .into_iter()
            .map(|(id, cards)| {
                let mut d = deck(DECKS[id], cards.len());
                for (card, (category, kind)) in d.cards.iter_mut().zip(cards) {
                    card.category = category_id(category);
                    card.kind = KINDS[kind];
                }
                d
            })
            .collect()
    })
}

/// (deck, card, action, gap in minutes): reviews mostly, some suspensions, buries, undos.
fn actions() -> impl Strategy<Value = Vec<(usize, usize, u8, i64)>> {
    prop::collection::vec(
        (
            0usize..4,
            0usize..40,
            0u8..12,
            prop_oneof![0i64..30, 0i64..(60 * 30)],
        ),
        0..120,
    )
}

fn config() -> impl Strategy<Value = SchedulerConfig> {
    (0u32..25, 0u32..30, any::<bool>(), any::<bool>(), 0u32..24).prop_map(
        |(new, reviews, file, fuzz, day_starts_at)| SchedulerConfig {
            new_per_day: new,
            reviews_per_day: reviews,
            new_order: if file {
                NewOrder::File
            } else {
                NewOrder::Interleaved
            },
            fuzz,
            day_starts_at,
            ..SchedulerConfig::default()
        },
    )
}

fn filter() -> impl Strategy<Value = QueueFilter> {
    (
        prop::collection::vec(0usize..4, 0..3),
        prop::collection::vec(0usize..5, 0..3),
        prop::collection::vec(0usize..3, 0..2),
    )
        .prop_map(|(decks, categories, kinds)| QueueFilter {
            decks: decks.into_iter().map(|d| DeckId::new(DECKS[d])).collect(),
            categories: categories.into_iter().map(category_id).collect(),
            kinds: kinds.into_iter().map(|k| KINDS[k]).collect(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn the_queue_is_what_it_was(
        decks in decks(),
        actions in actions(),
        config in config(),
        filter in prop_oneof![Just(QueueFilter::default()), filter()],
        later in 0i64..(60 * 48),
        offset_hours in -12i32..14,
    ) {
        let mut log = Log::default();
        let mut now = at("2026-03-01T08:00:00Z");
        for (d, card, action, gap) in actions {
            now += Duration::minutes(gap);
            let (d, card) = (DECKS[d], format!("c{card}"));
            match action {
                0 => log.suspend(d, &card, now),
                1 => log.unsuspend(d, &card, now),
                2 => log.bury(d, &card, now, now + Duration::hours(5)),
                3 => {
                    if let Some(target) = log.records.last().map(|r| r.id.clone()) {
                        log.undo(&target, now);
                    }
                }
                a => {
                    log.review(d, &card, Grade::ALL[usize::from(a) % 4], now);
                }
            }
        }
        let now = now + Duration::minutes(later);
        let offset = FixedOffset::east_opt(offset_hours * 3600).unwrap();
        let progress = replay(&log.records, &config);
        let built = build_queue(&decks, &progress, now, offset, &config, &filter);
        let before = queue_before::build_queue(&decks, &progress, now, offset, &config, &filter);
        prop_assert_eq!(&built, &before);
        // From bare decks (home's first frame: the deck overview cache's form) too.
        let bare: Vec<BareDeck> = decks.iter().map(|d| BareDeck::of(d).unwrap()).collect();
        prop_assert_eq!(build_queue(&bare, &progress, now, offset, &config, &filter), before);
    }
}
