//! The queue and the new-card order as they were before only the part of the order that is
//! shown was worked out (2026-12-05): the reference `queue_properties` compares the queue
//! with, on random decks, logs, filters and settings. Kept as it was; not used by the app.

use chrono::{DateTime, FixedOffset, Utc};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::core::deck::Deck;
use crate::core::fast_hash::{FastMap, FastSet};
use crate::core::ids::{CardKey, CategoryId, DeckId};
use crate::core::schedule::{
    CardMemory, DailyQueue, DeckCounts, NewOrder, Phase, Progress, QueueEntry, QueueFilter,
    QueueKind, SchedulerConfig, day_start, next_day_start,
};

fn admits(filter: &QueueFilter, deck: &Deck, card: &crate::core::deck::Card) -> bool {
    (filter.decks.is_empty() || filter.decks.contains(&deck.id))
        && (filter.categories.is_empty() || filter.categories.contains(&card.category))
        && (filter.kinds.is_empty() || filter.kinds.contains(&card.kind))
}

/// Builds the queue for `now`. `offset` is the local UTC offset that `day_starts_at` uses.
pub(super) fn build_queue(
    decks: &[Deck],
    progress: &Progress,
    now: DateTime<Utc>,
    offset: FixedOffset,
    config: &SchedulerConfig,
    filter: &QueueFilter,
) -> DailyQueue {
    let start = day_start(now, offset, config.day_starts_at);
    let tomorrow = next_day_start(now, offset, config.day_starts_at);
    // Reviews are in time order: today's are one run, found by bisection (a long history is
    // not walked for them).
    let today: Vec<_> = progress.reviews().between(start, tomorrow).iter().collect();
    let new_done = today
        .iter()
        .filter(|r| r.phase_before == Phase::New)
        .count();
    let reviews_done = today
        .iter()
        .filter(|r| r.phase_before == Phase::Review)
        .count();
    let new_left = (config.new_per_day as usize).saturating_sub(new_done);
    // Cards introduced today: still ordered as new cards, so the order stays put all day.
    let introduced: FastSet<&CardKey> = today
        .iter()
        .filter(|r| r.phase_before == Phase::New)
        .map(|r| &*r.key)
        .collect();
    let reviews_left = (config.reviews_per_day as usize).saturating_sub(reviews_done);

    let fresh = CardMemory::new();
    // (due, position in deck order, key)
    let mut learning = vec![];
    let mut reviews = vec![];
    let mut new = vec![];
    let mut next_learning_due: Option<DateTime<Utc>> = None;
    let mut counts = vec![];
    let mut position = 0usize;
    for (deck_position, deck) in decks.iter().enumerate() {
        if !filter.decks.is_empty() && !filter.decks.contains(&deck.id) {
            continue;
        }
        let mut c = DeckCounts {
            deck: deck.id.clone(),
            new: 0,
            learning: 0,
            due: 0,
            unseen: 0,
            new_alone: 0,
            due_alone: 0,
        };
        let mut seen: FastMap<&CategoryId, usize> = FastMap::default();
        let first_new = new.len();
        for card in deck.cards.iter().filter(|card| admits(filter, deck, card)) {
            position += 1;
            let key = deck.key(card);
            let state = progress.card(&key).unwrap_or(&fresh);
            if state.phase == Phase::New && !state.suspended {
                c.unseen += 1;
            }
            let new_card = |key| NewCard {
                key,
                category: card.category.clone(),
                deck_position,
                position,
                seen_in_category: 0,
                seen_in_deck: 0,
            };
            if state.phase == Phase::New {
                // Its key goes to the new cards only (no copy: a new card is neither learning
                // nor due).
                let shown = !state.is_hidden(now);
                new.push((new_card(key), shown));
                if shown {
                    c.new_alone += 1;
                }
                continue;
            }
            if introduced.contains(&key) {
                new.push((new_card(key.clone()), false));
            } else {
                *seen.entry(&card.category).or_default() += 1;
            }
            if state.is_hidden(now) {
                continue;
            }
            let due = state.due.unwrap_or(now);
            match state.phase {
                // Counted above.
                Phase::New => {}
                Phase::Learning | Phase::Relearning if due <= now => {
                    c.learning += 1;
                    learning.push((due, position, key));
                }
                Phase::Learning | Phase::Relearning => {
                    if due < tomorrow {
                        c.learning += 1;
                        next_learning_due = Some(next_learning_due.map_or(due, |d| d.min(due)));
                    }
                }
                Phase::Review if due < tomorrow => {
                    c.due_alone += 1;
                    reviews.push((due, position, key));
                }
                Phase::Review => {}
            }
        }
        let seen_in_deck = seen.values().sum();
        for (card, _) in &mut new[first_new..] {
            card.seen_in_category = seen.get(&card.category).copied().unwrap_or(0);
            card.seen_in_deck = seen_in_deck;
        }
        c.new_alone = c.new_alone.min(new_left);
        c.due_alone = c.due_alone.min(reviews_left);
        counts.push(c);
    }

    learning.sort();
    reviews.sort();
    reviews.truncate(reviews_left);
    // Ordered over every card new when the day began, then the ones still new are taken
    // (usually all of them: then no set of them is made).
    let still_new: Option<FastSet<CardKey>> =
        (!new.iter().all(|(_, new_now)| *new_now)).then(|| {
            new.iter()
                .filter(|(_, new_now)| *new_now)
                .map(|(c, _)| c.key.clone())
                .collect()
        });
    let mut new: Vec<CardKey> = order_new(
        new.into_iter().map(|(c, _)| c).collect(),
        config.new_order,
        start,
    );
    if let Some(still_new) = still_new {
        new.retain(|k| still_new.contains(k));
    }
    new.truncate(new_left);
    // Each deck's share of what is left after the global limits.
    let mut new_per_deck: FastMap<&DeckId, usize> = FastMap::default();
    for k in &new {
        *new_per_deck.entry(&k.deck).or_default() += 1;
    }
    let mut due_per_deck: FastMap<&DeckId, usize> = FastMap::default();
    for (_, _, k) in &reviews {
        *due_per_deck.entry(&k.deck).or_default() += 1;
    }
    for c in &mut counts {
        c.new = new_per_deck.get(&c.deck).copied().unwrap_or(0);
        c.due = due_per_deck.get(&c.deck).copied().unwrap_or(0);
    }

    let due_now = learning.len() + reviews.len();
    let new_available_today = new.len();
    let mut entries: Vec<QueueEntry> = learning
        .into_iter()
        .map(|(_, _, key)| QueueEntry {
            key,
            kind: QueueKind::Learning,
        })
        .collect();
    let reviews = reviews.into_iter().map(|(_, _, key)| key).collect();
    entries.extend(interleave(reviews, new));

    DailyQueue {
        entries,
        decks: counts,
        due_now,
        new_available_today,
        reviewed_today: today.len(),
        next_learning_due,
        day_start: start,
        next_day_start: tomorrow,
    }
}

/// Reviews in order with the new cards spread evenly among them: new card `k` of `n` goes
/// after round((k + 1) * r / (n + 1)) reviews.
fn interleave(reviews: Vec<CardKey>, new: Vec<CardKey>) -> Vec<QueueEntry> {
    let (r, n) = (reviews.len(), new.len());
    let mut out = Vec::with_capacity(r + n);
    let mut new = new.into_iter().enumerate().peekable();
    let mut reviews = reviews.into_iter();
    for done in 0..=r {
        while let Some((k, _)) = new.peek() {
            let slot = (2 * (k + 1) * r + n + 1) / (2 * (n + 1));
            if slot > done {
                break;
            }
            if let Some((_, key)) = new.next() {
                out.push(QueueEntry {
                    key,
                    kind: QueueKind::New,
                });
            }
        }
        if let Some(key) = reviews.next() {
            out.push(QueueEntry {
                key,
                kind: QueueKind::Review,
            });
        }
    }
    out
}

/// A card that was new when the study day began, with its deck's position in the deck list
/// and its own position in the deck file.
#[derive(Clone, Debug)]
pub(super) struct NewCard {
    pub key: CardKey,
    pub category: CategoryId,
    pub deck_position: usize,
    pub position: usize,
    /// Cards of its category (in its deck) that were no longer new when the day began: a
    /// category practised less comes first, so the turns go on where yesterday's stopped.
    pub seen_in_category: usize,
    /// The same for its whole deck: within a turn, decks practised less go first, so a day
    /// that ends mid-turn is made up for the next day.
    pub seen_in_deck: usize,
}

/// `cards` (every card new at `day_start`, any order) in the order they are introduced.
pub(super) fn order_new(
    mut cards: Vec<NewCard>,
    order: NewOrder,
    day_start: DateTime<Utc>,
) -> Vec<CardKey> {
    match order {
        NewOrder::File => {
            cards.sort_by_key(|c| (c.deck_position, c.position));
            cards.into_iter().map(|c| c.key).collect()
        }
        NewOrder::Interleaved => interleave_new(cards, day_seed(day_start)),
    }
}

/// The seed of a study day: its first instant.
fn day_seed(day_start: DateTime<Utc>) -> u64 {
    day_start.timestamp().cast_unsigned()
}

/// Round-robin over decks, within each deck round-robin over its categories, each in an
/// order shuffled by `seed`.
fn interleave_new(cards: Vec<NewCard>, seed: u64) -> Vec<CardKey> {
    // Shuffle keys: hashes seeded by the day (no allocation per card).
    let keyed: Vec<(u64, u64, u64, NewCard)> = cards
        .into_iter()
        .map(|c| {
            let deck = xxh3_64_with_seed(c.key.deck.as_str().as_bytes(), seed);
            let category = xxh3_64_with_seed(c.category.as_str().as_bytes(), deck);
            let card = xxh3_64_with_seed(c.key.card.as_str().as_bytes(), !deck);
            (deck, category, card, c)
        })
        .collect();
    // Deck by deck, category by category (each in the order of its hash, then its id), the
    // cards of a category shuffled (ids break ties, then the place in the deck). The decks'
    // and categories' order is worked out once for each, not compared card by card.
    let rank: Vec<u32> = {
        let mut groups: FastMap<(&str, &str), (u64, u64)> = FastMap::default();
        for (deck, category, _, c) in &keyed {
            groups
                .entry((c.key.deck.as_str(), c.category.as_str()))
                .or_insert((*deck, *category));
        }
        let mut sorted: Vec<(u64, &str, u64, &str)> = groups
            .iter()
            .map(|(&(deck, category), &(d, c))| (d, deck, c, category))
            .collect();
        sorted.sort_unstable();
        let place: FastMap<(&str, &str), u32> = sorted
            .iter()
            .enumerate()
            .map(|(i, &(_, deck, _, category))| ((deck, category), i as u32))
            .collect();
        keyed
            .iter()
            .map(|(_, _, _, c)| {
                let group = (c.key.deck.as_str(), c.category.as_str());
                place.get(&group).copied().unwrap_or(u32::MAX)
            })
            .collect()
    };
    let mut keyed: Vec<(u32, u64, NewCard)> = keyed
        .into_iter()
        .zip(rank)
        .map(|((_, _, card, c), rank)| (rank, card, c))
        .collect();
    // No two cards compare equal, so an unstable sort gives the one order there is.
    keyed.sort_unstable_by(|a, b| {
        (a.0, a.1, &a.2.key.card, a.2.deck_position, a.2.position).cmp(&(
            b.0,
            b.1,
            &b.2.key.card,
            b.2.deck_position,
            b.2.position,
        ))
    });
    // A deck's categories take turns: card i of a category comes in round i, and within a
    // round the categories come in their shuffled order. That is each card's turn within its
    // deck; the decks then take turns the same way.
    let mut ranked: Vec<((usize, usize, usize), CardKey)> = Vec::with_capacity(keyed.len());
    let mut in_deck: Vec<((usize, usize), CardKey)> = Vec::new();
    // `round` is 0 at the start of each category, then its first card's seen count.
    let (mut deck_index, mut category_index, mut round) = (0usize, 0usize, 0usize);
    let mut previous: Option<(DeckId, CategoryId)> = None;
    let mut seen_in_deck = 0;
    let mut flush =
        |in_deck: &mut Vec<((usize, usize), CardKey)>, seen: usize, deck_index: usize| {
            in_deck.sort_by_key(|(turn, _)| *turn);
            ranked.extend(
                in_deck
                    .drain(..)
                    .enumerate()
                    .map(|(turn, (_, key))| ((turn, seen, deck_index), key)),
            );
        };
    for (_, _, card) in keyed {
        let same = match &previous {
            Some((deck, _)) if *deck != card.key.deck => {
                flush(&mut in_deck, seen_in_deck, deck_index);
                (deck_index, category_index, round) = (deck_index + 1, 0, 0);
                false
            }
            Some((_, category)) if *category != card.category => {
                (category_index, round) = (category_index + 1, 0);
                false
            }
            Some(_) => true,
            None => false,
        };
        if round == 0 {
            round = card.seen_in_category;
        }
        if !same {
            previous = Some((card.key.deck.clone(), card.category.clone()));
        }
        seen_in_deck = card.seen_in_deck;
        in_deck.push(((round, category_index), card.key));
        round += 1;
    }
    flush(&mut in_deck, seen_in_deck, deck_index);
    ranked.sort_by_key(|(turn, _)| *turn);
    ranked.into_iter().map(|(_, key)| key).collect()
}
