//! The order in which new cards are introduced.
//!
//! Interleaved (the default): decks take turns, and within each deck its categories take
//! turns, so the first new cards of a day already span every deck and many categories. A
//! category's turns count its cards already seen on earlier days, so over several days every
//! category of a deck comes round before any comes twice. Which
//! deck, which category and which card comes first is a shuffle seeded by the study day: the
//! same all day (a restart, a rebuilt queue or an undo never reshuffles), different tomorrow.
//! The order is computed over the cards that were new when the day began, so the cards
//! still new keep their places as others are introduced. File order: deck by deck, each in
//! the order of its file.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::config::NewOrder;
use crate::core::fast_hash::FastMap;
use crate::core::ids::{CategoryId, DeckId};

/// A card that was new when the study day began (borrowed from its deck), with its deck's
/// position in the deck list and its own position among the cards considered.
#[derive(Clone, Copy, Debug)]
pub struct NewCard<'a> {
    pub deck: &'a DeckId,
    pub card: &'a str,
    pub category: &'a CategoryId,
    pub deck_position: usize,
    pub position: usize,
    /// Cards of its category (in its deck) that were no longer new when the day began: a
    /// category practised less comes first, so the turns go on where yesterday's stopped.
    pub seen_in_category: usize,
    /// The same for its whole deck: within a turn, decks practised less go first, so a day
    /// that ends mid-turn is made up for the next day.
    pub seen_in_deck: usize,
    /// Still to be introduced today: not introduced earlier today, not suspended or buried.
    /// The others keep their turns (so the order stays put all day) but are not given.
    pub wanted: bool,
}

/// The first `limit` wanted cards of `cards` (every card new at `day_start`, any order, each
/// once) in the order they are introduced, as places in `cards`. Only as much of the order
/// is worked out as they need: a deck's first `limit` turns and its cards not wanted (home
/// shows 20 new cards of 10,000; the whole order took most of its counts' time).
pub fn first_new(
    cards: &[NewCard<'_>],
    order: NewOrder,
    day_start: DateTime<Utc>,
    limit: usize,
) -> Vec<usize> {
    match order {
        NewOrder::File => {
            let mut wanted: Vec<usize> = (0..cards.len()).filter(|&i| cards[i].wanted).collect();
            first_sorted(&mut wanted, limit, |&a, &b| {
                let (a, b) = (&cards[a], &cards[b]);
                (a.deck_position, a.position).cmp(&(b.deck_position, b.position))
            });
            wanted
        }
        NewOrder::Interleaved => interleave(cards, day_seed(day_start), limit),
    }
}

/// Leaves the first `k` of `v` in the order of `cmp` (no two equal), sorted.
fn first_sorted<T>(v: &mut Vec<T>, k: usize, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if k == 0 {
        v.clear();
        return;
    }
    if k < v.len() {
        v.select_nth_unstable_by(k - 1, &mut cmp);
        v.truncate(k);
    }
    v.sort_unstable_by(cmp);
}

/// The seed of a study day: its first instant.
fn day_seed(day_start: DateTime<Utc>) -> u64 {
    day_start.timestamp().cast_unsigned()
}

/// A deck and category's cards, with the hashes that place them.
struct Group<'a> {
    deck: &'a str,
    category: &'a str,
    deck_hash: u64,
    category_hash: u64,
    /// Each card's shuffle key (a hash) and place in `cards`.
    cards: Vec<(u64, usize)>,
}

/// Round-robin over decks, within each deck round-robin over its categories, each in an
/// order shuffled by `seed`: the first `limit` wanted cards.
fn interleave(cards: &[NewCard<'_>], seed: u64, limit: usize) -> Vec<usize> {
    // Cards by deck and category (the decks' and categories' hashes worked out once for
    // each), each card keyed by a hash seeded by the day (no allocation per card).
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut place: FastMap<(&str, &str), usize> = FastMap::default();
    let mut last: Option<(&str, &str, usize)> = None;
    for (i, c) in cards.iter().enumerate() {
        let (deck, category) = (c.deck.as_str(), c.category.as_str());
        let g = match last {
            Some((d, k, g)) if d == deck && k == category => g,
            _ => {
                let g = *place.entry((deck, category)).or_insert_with(|| {
                    let deck_hash = xxh3_64_with_seed(deck.as_bytes(), seed);
                    groups.push(Group {
                        deck,
                        category,
                        deck_hash,
                        category_hash: xxh3_64_with_seed(category.as_bytes(), deck_hash),
                        cards: Vec::new(),
                    });
                    groups.len() - 1
                });
                last = Some((deck, category, g));
                g
            }
        };
        let group = &mut groups[g];
        let shuffle = xxh3_64_with_seed(c.card.as_bytes(), !group.deck_hash);
        group.cards.push((shuffle, i));
    }
    // Deck by deck, category by category (each in the order of its hash, then its id), the
    // cards of a category shuffled (ids break ties, then the place in the deck).
    groups.sort_unstable_by(|a, b| {
        (a.deck_hash, a.deck, a.category_hash, a.category).cmp(&(
            b.deck_hash,
            b.deck,
            b.category_hash,
            b.category,
        ))
    });
    let by_card = |a: &(u64, usize), b: &(u64, usize)| {
        let (x, y) = (&cards[a.1], &cards[b.1]);
        (a.0, x.card, x.deck_position, x.position).cmp(&(b.0, y.card, y.deck_position, y.position))
    };
    // A deck's categories take turns: card i of a category comes in round i (counted from
    // the category's seen cards), and within a round the categories come in their shuffled
    // order. That is each card's turn within its deck; the decks then take turns the same
    // way, those practised less first within a turn: ((turn, seen in deck, deck), card).
    let mut ranked: Vec<((usize, usize, usize), usize)> = Vec::new();
    let mut rest = &mut groups[..];
    let mut deck_index = 0;
    while let Some(first) = rest.first() {
        let deck = first.deck;
        let n = rest.iter().take_while(|g| g.deck == deck).count();
        let (run, after) = rest.split_at_mut(n);
        rest = after;
        let unwanted = run
            .iter()
            .flat_map(|g| &g.cards)
            .filter(|&&(_, i)| !cards[i].wanted)
            .count();
        // The deck's first turns that can hold `limit` wanted cards.
        let turns = limit.saturating_add(unwanted);
        // The deck's seen count is its last card's (one count per deck).
        let seen_in_deck = run
            .last()
            .and_then(|g| g.cards.iter().max_by(|a, b| by_card(a, b)))
            .map_or(0, |&(_, i)| cards[i].seen_in_deck);
        let mut in_deck: Vec<((usize, usize), usize)> = Vec::new();
        for (category_index, group) in run.iter_mut().enumerate() {
            first_sorted(&mut group.cards, turns, by_card);
            let round = group
                .cards
                .first()
                .map_or(0, |&(_, i)| cards[i].seen_in_category);
            in_deck.extend(
                group
                    .cards
                    .iter()
                    .enumerate()
                    .map(|(k, &(_, i))| ((round + k, category_index), i)),
            );
        }
        first_sorted(&mut in_deck, turns, |a, b| a.0.cmp(&b.0));
        ranked.extend(
            in_deck
                .into_iter()
                .enumerate()
                .map(|(turn, (_, i))| ((turn, seen_in_deck, deck_index), i)),
        );
        deck_index += 1;
    }
    ranked.sort_unstable_by_key(|&(turn, _)| turn);
    ranked
        .into_iter()
        .map(|(_, i)| i)
        .filter(|&i| cards[i].wanted)
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::core::ids::{CardId, CardKey};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    /// A [`NewCard`] that owns its ids.
    #[derive(Clone)]
    struct Owned {
        deck: DeckId,
        card: CardId,
        category: CategoryId,
        deck_position: usize,
        position: usize,
        seen_in_category: usize,
        seen_in_deck: usize,
    }

    /// The whole order of `cards`, every one wanted.
    fn order_new(cards: Vec<Owned>, order: NewOrder, day: DateTime<Utc>) -> Vec<CardKey> {
        let borrowed: Vec<NewCard> = cards
            .iter()
            .map(|c| NewCard {
                deck: &c.deck,
                card: c.card.as_str(),
                category: &c.category,
                deck_position: c.deck_position,
                position: c.position,
                seen_in_category: c.seen_in_category,
                seen_in_deck: c.seen_in_deck,
                wanted: true,
            })
            .collect();
        first_new(&borrowed, order, day, usize::MAX)
            .into_iter()
            .map(|i| CardKey {
                deck: borrowed[i].deck.clone(),
                card: CardId::new(borrowed[i].card),
            })
            .collect()
    }

    /// Deck `d` with `cats` categories of `per` cards each, in file order category by category.
    fn cards(decks: &[(&str, usize, usize)]) -> Vec<Owned> {
        let mut out = vec![];
        for (deck_position, (d, cats, per)) in decks.iter().enumerate() {
            for c in 0..*cats {
                for i in 0..*per {
                    out.push(Owned {
                        deck: DeckId::new(*d),
                        card: CardId::new(format!("{d}-c{c}-{i}")),
                        category: CategoryId::new(format!("cat{c}")),
                        deck_position,
                        position: c * per + i,
                        seen_in_category: 0,
                        seen_in_deck: 0,
                    });
                }
            }
        }
        out
    }

    #[test]
    fn file_order_is_deck_by_deck_in_file_order() {
        let day = at("2026-01-05T04:00:00Z");
        let order = order_new(cards(&[("a", 2, 2), ("b", 1, 2)]), NewOrder::File, day);
        let ids: Vec<_> = order.iter().map(|k| k.card.as_str()).collect();
        assert_eq!(
            ids,
            ["a-c0-0", "a-c0-1", "a-c1-0", "a-c1-1", "b-c0-0", "b-c0-1"]
        );
    }

    #[test]
    fn interleaved_meets_every_deck_and_category_early() {
        let day = at("2026-01-05T04:00:00Z");
        let all = cards(&[
            ("big", 12, 20),
            ("mid", 5, 10),
            ("small", 2, 3),
            ("one", 1, 40),
        ]);
        let order = order_new(all.clone(), NewOrder::Interleaved, day);
        assert_eq!(order.len(), all.len());
        let first: Vec<&CardKey> = order.iter().take(8).collect();
        let decks: HashSet<_> = first.iter().map(|k| k.deck.as_str()).collect();
        assert_eq!(decks.len(), 4, "{first:?}");
        // Each deck's first turns go to different categories.
        let big: Vec<_> = order
            .iter()
            .filter(|k| k.deck.as_str() == "big")
            .take(12)
            .map(|k| k.card.as_str().split('-').nth(1).unwrap())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(big.len(), 12);
    }

    #[test]
    fn categories_seen_less_on_earlier_days_come_first() {
        let day = at("2026-01-05T04:00:00Z");
        let mut all = cards(&[("a", 3, 4)]);
        for c in &mut all {
            c.seen_in_category = if c.category.as_str() == "cat1" { 0 } else { 2 };
        }
        let order = order_new(all, NewOrder::Interleaved, day);
        let firsts: Vec<_> = order
            .iter()
            .take(2)
            .map(|k| &k.card.as_str()[..4])
            .collect();
        assert_eq!(firsts, ["a-c1", "a-c1"]);
    }

    #[test]
    fn the_same_all_day_different_tomorrow() {
        let all = cards(&[("a", 4, 5), ("b", 3, 5)]);
        let today = at("2026-01-05T04:00:00Z");
        let one = order_new(all.clone(), NewOrder::Interleaved, today);
        let mut reversed = all.clone();
        reversed.reverse();
        assert_eq!(order_new(reversed, NewOrder::Interleaved, today), one);
        let tomorrow = order_new(all, NewOrder::Interleaved, at("2026-01-06T04:00:00Z"));
        assert_ne!(tomorrow, one);
    }
}
