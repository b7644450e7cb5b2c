//! Today's queue: which cards to show, in what order, within the daily limits.
//!
//! Order: learning and relearning cards that are due now, then review cards due today with
//! new cards (interleaved across decks and categories, or in file order: see
//! [`super::new_order`]) spread evenly among them. Suspended and buried cards never appear.
//! The daily limits are global (all decks together) and count what was already done since the
//! study day began; the per-deck counts say what each deck gets of them.

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::card::{CardMemory, Phase};
use super::config::SchedulerConfig;
use super::new_order::{NewCard, first_new};
use super::progress::Progress;
use super::time::{day_start, next_day_start};
use crate::core::deck::{CardRef, DeckCards, Kind};
use crate::core::fast_hash::{FastMap, FastSet};
use crate::core::ids::{CardId, CardKey, CategoryId, DeckId, KeyRef};

/// Which cards to consider. An empty list means no restriction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueueFilter {
    pub decks: Vec<DeckId>,
    pub categories: Vec<CategoryId>,
    pub kinds: Vec<Kind>,
}

impl QueueFilter {
    fn admits(&self, deck: &DeckId, card: &CardRef<'_>) -> bool {
        (self.decks.is_empty() || self.decks.contains(deck))
            && (self.categories.is_empty() || self.categories.contains(card.category))
            && (self.kinds.is_empty() || self.kinds.contains(&card.kind))
    }
}

/// Why a card is in the queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QueueKind {
    Learning,
    Review,
    New,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QueueEntry {
    pub key: CardKey,
    pub kind: QueueKind,
}

/// Counts of one deck: its share of today's queue under the global limits (`new`, `due`: they
/// add up to the total of studying the filter's decks together) and what a drill of this deck
/// alone gives today (`new_alone`, `due_alone`: what the home screen's deck row shows, as its
/// Enter drills that deck alone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeckCounts {
    pub deck: DeckId,
    /// New cards of this deck among today's new cards (after the global daily limit).
    pub new: usize,
    /// Learning and relearning cards due at some point today.
    pub learning: usize,
    /// Review cards of this deck among today's reviews (after the global daily limit).
    pub due: usize,
    /// New cards this deck has left, today or later (never reviewed, not suspended).
    pub unseen: usize,
    /// New cards a drill of this deck alone would introduce today (the daily limit applied to
    /// this deck only).
    pub new_alone: usize,
    /// Review cards a drill of this deck alone would show today (the daily review limit applied
    /// to this deck only).
    pub due_alone: usize,
}

/// The queue for `now` and the counts around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DailyQueue {
    /// Cards to show now, in order.
    pub entries: Vec<QueueEntry>,
    /// One entry per deck admitted by the filter, in deck order.
    pub decks: Vec<DeckCounts>,
    /// Learning cards due now plus review cards in the queue.
    pub due_now: usize,
    /// New cards in the queue (after today's limit).
    pub new_available_today: usize,
    /// Effective reviews since the study day began (every deck, every mode).
    pub reviewed_today: usize,
    /// The earliest learning card due later today, for "next card in 4m".
    pub next_learning_due: Option<DateTime<Utc>>,
    pub day_start: DateTime<Utc>,
    /// The next rollover: when today's buried cards come back.
    pub next_day_start: DateTime<Utc>,
}

/// What today's queue reads of the progress: each card's state and today's reviews.
/// [`Progress`] is one; the home screen's snapshot (`core::stats::HomeInputs`) another.
pub trait QueueSource {
    /// The state of the card with id `card` of the deck `deck`, at `place` (the deck's and
    /// the card's positions in the decks the queue is built from); `None`: new, never touched.
    fn state(&self, place: (usize, usize), deck: &DeckId, card: &str) -> Option<&CardMemory>;
    /// What was done from `start` to just before `end` (today).
    fn done(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> Done<'_>;
    /// How many of the decks' cards are new, if known cheaply (0 if not): room for them is
    /// made at once, not a doubling at a time (10,000 new cards before a first frame:
    /// docs/performance.md, session 10).
    fn new_cards_hint(&self) -> usize {
        0
    }
}

/// The reviews of a span (today), as the queue counts them.
pub struct Done<'a> {
    /// Effective reviews (every deck, every mode).
    pub reviews: usize,
    /// Of which first reviews (the card was new), and reviews of review cards.
    pub new: usize,
    pub of_review_cards: usize,
    /// Whether a card (by place, deck, card as in [`QueueSource::state`]) was introduced:
    /// first reviewed as a new card in the span.
    pub introduced: Introduced<'a>,
}

/// See [`Done::introduced`].
pub type Introduced<'a> = Box<dyn Fn((usize, usize), &DeckId, &str) -> bool + 'a>;

impl QueueSource for Progress {
    /// Looked up by its ids: no key is built for a card that is not kept.
    fn state(&self, _place: (usize, usize), deck: &DeckId, card: &str) -> Option<&CardMemory> {
        self.card_of_ids(deck.as_str(), card)
    }

    fn done(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> Done<'_> {
        // Reviews are in time order: today's are one run, found by bisection (a long history
        // is not walked for them).
        let today = self.reviews_between(start, end);
        let count = |phase| today.iter().filter(|r| r.phase_before == phase).count();
        // Cards introduced today: still ordered as new cards, so the order stays put all day.
        let introduced: FastSet<&CardKey> = today
            .iter()
            .filter(|r| r.phase_before == Phase::New)
            .map(|r| &*r.key)
            .collect();
        Done {
            reviews: today.len(),
            new: count(Phase::New),
            of_review_cards: count(Phase::Review),
            introduced: Box::new(move |_, deck: &DeckId, card: &str| {
                let key: &dyn KeyRef = &(deck.as_str(), card);
                introduced.contains(key)
            }),
        }
    }
}

/// Builds the queue for `now`. `offset` is the local UTC offset that `day_starts_at` uses.
pub fn build_queue<D: DeckCards>(
    decks: &[D],
    progress: &Progress,
    now: DateTime<Utc>,
    offset: FixedOffset,
    config: &SchedulerConfig,
    filter: &QueueFilter,
) -> DailyQueue {
    build_queue_from(decks, progress, now, offset, config, filter)
}

/// [`build_queue`] from any [`QueueSource`], for decks whole or bare ([`DeckCards`]).
pub fn build_queue_from<D: DeckCards>(
    decks: &[D],
    progress: &dyn QueueSource,
    now: DateTime<Utc>,
    offset: FixedOffset,
    config: &SchedulerConfig,
    filter: &QueueFilter,
) -> DailyQueue {
    let start = day_start(now, offset, config.day_starts_at);
    let tomorrow = next_day_start(now, offset, config.day_starts_at);
    let done = progress.done(start, tomorrow);
    let new_left = (config.new_per_day as usize).saturating_sub(done.new);
    let reviews_left = (config.reviews_per_day as usize).saturating_sub(done.of_review_cards);

    let fresh = CardMemory::new();
    // (due, position in deck order, deck, card): a key is made only for a card that is kept.
    let mut learning = vec![];
    let mut reviews = vec![];
    let mut new: Vec<NewCard<'_>> = Vec::with_capacity(progress.new_cards_hint());
    let mut next_learning_due: Option<DateTime<Utc>> = None;
    let mut counts = vec![];
    let mut position = 0usize;
    for (deck_position, deck) in decks.iter().map(DeckCards::head).enumerate() {
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
        // Cards no longer new, by their category's place (`CardRef::place`); the places of
        // this deck's new cards, in order.
        let mut seen: Vec<usize> = vec![0; deck.categories.len()];
        let mut new_places: Vec<u32> = Vec::new();
        let first_new_card = new.len();
        for (card_index, card) in decks[deck_position].card_refs().enumerate() {
            if !filter.admits(&deck.id, &card) {
                continue;
            }
            position += 1;
            let state = progress
                .state((deck_position, card_index), &deck.id, card.id)
                .unwrap_or(&fresh);
            if state.phase == Phase::New && !state.suspended {
                c.unseen += 1;
            }
            let new_card = |wanted| NewCard {
                deck: &deck.id,
                card: card.id,
                category: card.category,
                deck_position,
                position,
                seen_in_category: 0,
                seen_in_deck: 0,
                wanted,
            };
            if state.phase == Phase::New {
                let shown = !state.is_hidden(now);
                new.push(new_card(shown));
                new_places.push(card.place);
                if shown {
                    c.new_alone += 1;
                }
                continue;
            }
            if (done.introduced)((deck_position, card_index), &deck.id, card.id) {
                new.push(new_card(false));
                new_places.push(card.place);
            } else {
                let place = card.place as usize;
                if place >= seen.len() {
                    seen.resize(place + 1, 0);
                }
                seen[place] += 1;
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
                    learning.push((due, position, deck_position, card_index));
                }
                Phase::Learning | Phase::Relearning => {
                    if due < tomorrow {
                        c.learning += 1;
                        next_learning_due = Some(next_learning_due.map_or(due, |d| d.min(due)));
                    }
                }
                Phase::Review if due < tomorrow => {
                    c.due_alone += 1;
                    reviews.push((due, position, deck_position, card_index));
                }
                Phase::Review => {}
            }
        }
        let seen_in_deck = seen.iter().sum();
        for (card, place) in new[first_new_card..].iter_mut().zip(new_places) {
            card.seen_in_category = seen.get(place as usize).copied().unwrap_or(0);
            card.seen_in_deck = seen_in_deck;
        }
        c.new_alone = c.new_alone.min(new_left);
        c.due_alone = c.due_alone.min(reviews_left);
        counts.push(c);
    }

    // (No two cards share a position.)
    learning.sort_unstable();
    reviews.sort_unstable();
    reviews.truncate(reviews_left);
    // (Places found in the loop above.)
    let key = |&(_, _, d, c): &(DateTime<Utc>, usize, usize, usize)| {
        let deck = &decks[d];
        CardKey {
            deck: deck.head().id.clone(),
            card: CardId::new(deck.card_id(c).unwrap_or_default()),
        }
    };
    let learning: Vec<CardKey> = learning.iter().map(key).collect();
    let reviews: Vec<CardKey> = reviews.iter().map(key).collect();
    // Ordered over every card new when the day began (so the cards still new keep their
    // places as others are introduced); only the first of those still new are taken.
    let new: Vec<CardKey> = first_new(&new, config.new_order, start, new_left)
        .into_iter()
        .map(|i| CardKey {
            deck: new[i].deck.clone(),
            card: CardId::new(new[i].card),
        })
        .collect();
    // Each deck's share of what is left after the global limits.
    let mut new_per_deck: FastMap<&DeckId, usize> = FastMap::default();
    for k in &new {
        *new_per_deck.entry(&k.deck).or_default() += 1;
    }
    let mut due_per_deck: FastMap<&DeckId, usize> = FastMap::default();
    for k in &reviews {
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
        .map(|key| QueueEntry {
            key,
            kind: QueueKind::Learning,
        })
        .collect();
    entries.extend(interleave(reviews, new));

    DailyQueue {
        entries,
        decks: counts,
        due_now,
        new_available_today,
        reviewed_today: done.reviews,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize, prefix: &str) -> Vec<CardKey> {
        (0..n)
            .map(|i| CardKey::new("d", format!("{prefix}{i}")))
            .collect()
    }

    fn shape(entries: &[QueueEntry]) -> String {
        entries
            .iter()
            .map(|e| match e.kind {
                QueueKind::New => 'n',
                QueueKind::Review => 'r',
                QueueKind::Learning => 'l',
            })
            .collect()
    }

    #[test]
    fn new_cards_are_spread_evenly() {
        assert_eq!(shape(&interleave(keys(4, "r"), keys(1, "n"))), "rrnrr");
        assert_eq!(shape(&interleave(keys(6, "r"), keys(2, "n"))), "rrnrrnrr");
        assert_eq!(shape(&interleave(keys(1, "r"), keys(4, "n"))), "nnrnn");
        assert_eq!(shape(&interleave(vec![], keys(3, "n"))), "nnn");
        assert_eq!(shape(&interleave(keys(3, "r"), vec![])), "rrr");
        let order: Vec<String> = interleave(vec![], keys(3, "n"))
            .into_iter()
            .map(|e| e.key.card.0)
            .collect();
        assert_eq!(order, ["n0", "n1", "n2"]);
    }
}
