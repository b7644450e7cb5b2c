//! Choosing the questions of a mock interview.
//!
//! Rules:
//! - The pool is every card of the selected decks (all decks when none is selected, or when
//!   the selected ones hold no cards). A focus on a category or a kind narrows it; a focus that
//!   matches nothing falls back to the whole pool, so the interview is never empty while any
//!   deck has cards.
//! - No card is asked twice. At least one question is asked; at most the pool's size.
//! - Categories are mixed: they take turns (round-robin) in an order shuffled by the seed, and
//!   within a category a card is drawn at random with probability proportional to its weakness
//!   weight plus a small floor (so a card the caller rates 0 can still come up).
//! - `Focus::Weakest`: card weights are squared, and instead of taking turns each question's
//!   category is drawn with probability proportional to the mean squared weight of its cards
//!   still unasked. A category twice as weak is four times as likely; categories equally weak
//!   still mix.
//! - The same decks, setup, weights and seed give the same questions.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::core::deck::{Card, Deck};
use crate::core::ids::CardKey;

use super::question::MockQuestion;
use super::setup::{Focus, MockSetup};

/// Added to every weight: unrated or strong cards keep a small chance.
const WEIGHT_FLOOR: f64 = 0.05;
/// Weights are capped so that squaring them stays finite.
const MAX_WEIGHT: f64 = 1e6;

struct Group<'a> {
    cards: Vec<(&'a Deck, &'a Card, f64)>,
}

impl Group<'_> {
    /// Mean weight of the cards left; 0 once empty (so it is never drawn again).
    fn mean_weight(&self) -> f64 {
        if self.cards.is_empty() {
            return 0.0;
        }
        self.cards.iter().map(|c| c.2).sum::<f64>() / self.cards.len() as f64
    }
}

/// Picks the questions for `setup` from `decks`. `weakness` rates a card: higher means weaker
/// or not practised recently (the caller derives it from scheduler data); negative or
/// non-finite values count as 0. `seed` is `setup.seed`, or a fresh random value the caller
/// chose (and may store in the setup to replay the same interview).
pub fn select_questions(
    decks: &[Deck],
    setup: &MockSetup,
    weakness: impl Fn(&CardKey) -> f64,
    seed: u64,
) -> Vec<MockQuestion> {
    let pool = question_pool(decks, setup);

    let weakest = setup.focus == Focus::Weakest;
    let mut groups = group(&pool, |d, c| {
        let w = weakness(&d.key(c));
        let w = if w.is_finite() {
            w.clamp(0.0, MAX_WEIGHT)
        } else {
            0.0
        } + WEIGHT_FLOOR;
        if weakest { w * w } else { w }
    });
    let mut rng = StdRng::seed_from_u64(seed);
    groups.shuffle(&mut rng);

    let wanted = setup.questions.max(1).min(pool.len());
    let mut out = Vec::with_capacity(wanted);
    while out.len() < wanted {
        let round: Vec<usize> = if weakest {
            let means = groups.iter().map(|g| g.mean_weight());
            vec![pick(&mut rng, means)]
        } else {
            (0..groups.len()).collect()
        };
        for g in round {
            let cards = &mut groups[g].cards;
            if out.len() == wanted || cards.is_empty() {
                continue;
            }
            let i = pick(&mut rng, cards.iter().map(|c| c.2));
            let (deck, card, _) = cards.remove(i);
            out.push(MockQuestion::new(deck, card).with_setup(setup));
        }
    }
    out
}

/// The cards `setup` draws its questions from (see the module doc): the chosen decks' cards,
/// narrowed by a category or kind focus that matches any. The setup screen counts them.
pub fn question_pool<'a>(decks: &'a [Deck], setup: &MockSetup) -> Vec<(&'a Deck, &'a Card)> {
    let chosen: Vec<&Deck> = decks
        .iter()
        .filter(|d| setup.decks.is_empty() || setup.decks.contains(&d.id))
        .collect();
    let mut pool: Vec<(&Deck, &Card)> = cards_of(&chosen);
    if pool.is_empty() {
        pool = cards_of(&decks.iter().collect::<Vec<_>>());
    }
    let focused: Vec<(&Deck, &Card)> = pool
        .iter()
        .copied()
        .filter(|(_, c)| match &setup.focus {
            Focus::Mixed | Focus::Weakest => true,
            Focus::Category(id) => &c.category == id,
            Focus::Kind(k) => c.kind == *k,
        })
        .collect();
    if focused.is_empty() { pool } else { focused }
}

fn cards_of<'a>(decks: &[&'a Deck]) -> Vec<(&'a Deck, &'a Card)> {
    decks
        .iter()
        .flat_map(|d| d.cards.iter().map(move |c| (*d, c)))
        .collect()
}

/// Groups cards by (deck, category), in order of first appearance.
fn group<'a>(
    pool: &[(&'a Deck, &'a Card)],
    weight: impl Fn(&Deck, &Card) -> f64,
) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for &(d, c) in pool {
        let w = weight(d, c);
        let pos = groups
            .iter()
            .position(|g| g.cards[0].0.id == d.id && g.cards[0].1.category == c.category);
        match pos {
            Some(p) => groups[p].cards.push((d, c, w)),
            None => groups.push(Group {
                cards: vec![(d, c, w)],
            }),
        }
    }
    groups
}

/// An index drawn with probability proportional to its weight (weights are >= 0, some > 0).
fn pick(rng: &mut StdRng, weights: impl Iterator<Item = f64> + Clone) -> usize {
    let total: f64 = weights.clone().sum();
    let mut x = rng.random::<f64>() * total;
    let mut last = 0;
    for (i, w) in weights.enumerate() {
        if x < w {
            return i;
        }
        x -= w;
        if w > 0.0 {
            last = i;
        }
    }
    last
}

#[cfg(test)]
#[path = "select_tests.rs"]
mod tests;
