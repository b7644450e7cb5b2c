//! The questions of a mock interview for a target: ranked by the job's requirements, mixed
//! across the categories it stresses.
//!
//! Rules:
//! - The pool is the target's cards ([`Focus`]), within the setup's decks when it names some.
//! - Categories take turns, most relevant first, so an interview of N questions touches the
//!   N categories the job stresses most (or all of them, once each, before any twice).
//! - Within a category a card is drawn with probability proportional to
//!   `(relevance + bonus)^2 * (weakness + floor)`: `relevance` is the card's score for the whole
//!   posting, `bonus` is added when the card answers one of its core requirements, `weakness`
//!   the caller's practice weight (as for every mock interview). Relevant and weak cards come
//!   first; the seed varies the rest. The same inputs and seed give the same questions.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::focus::Focus;
use super::posting::Weight;
use super::relevance::Reading;
use crate::core::deck::{Deck, find_card};
use crate::core::ids::{CardKey, CategoryId, DeckId};
use crate::core::session::{MockQuestion, MockSetup};

/// Added to the relevance of a card that answers a core requirement.
pub const REQUIREMENT_BONUS: f64 = 0.5;
/// Added to every weakness (a card the candidate knows well can still come up).
const WEAKNESS_FLOOR: f64 = 0.05;

/// A category's cards still to ask, with their weights.
type Group = (DeckId, CategoryId, Vec<(CardKey, f64)>);

/// Up to `setup.questions` questions (at least one when the pool has cards).
pub fn target_questions(
    decks: &[Deck],
    focus: &Focus,
    reading: &Reading,
    setup: &MockSetup,
    weakness: impl Fn(&CardKey) -> f64,
    seed: u64,
) -> Vec<MockQuestion> {
    let answers_core = |k: &CardKey| {
        reading
            .requirements
            .iter()
            .filter(|r| r.weight == Weight::Core)
            .any(|r| r.cards.iter().any(|a| &a.key == k))
    };
    // Groups in the order of the focus's categories, then any other category of the pool.
    let mut groups: Vec<Group> = focus
        .categories
        .iter()
        .map(|(d, c)| (d.clone(), c.clone(), Vec::new()))
        .collect();
    for card in &focus.cards {
        if !setup.decks.is_empty() && !setup.decks.contains(&card.key.deck) {
            continue;
        }
        let w = weakness(&card.key);
        let w = if w.is_finite() {
            w.clamp(0.0, 1e6)
        } else {
            0.0
        } + WEAKNESS_FLOOR;
        let r = card.relevance
            + if answers_core(&card.key) {
                REQUIREMENT_BONUS
            } else {
                0.0
            };
        let weight = r * r * w;
        let pos = groups
            .iter()
            .position(|(d, c, _)| *d == card.key.deck && *c == card.category);
        match pos {
            Some(p) => groups[p].2.push((card.key.clone(), weight)),
            None => groups.push((
                card.key.deck.clone(),
                card.category.clone(),
                vec![(card.key.clone(), weight)],
            )),
        }
    }
    groups.retain(|g| !g.2.is_empty());
    let pool: usize = groups.iter().map(|g| g.2.len()).sum();
    let wanted = setup.questions.max(1).min(pool);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out = Vec::with_capacity(wanted);
    while out.len() < wanted {
        for g in groups.iter_mut() {
            if out.len() == wanted || g.2.is_empty() {
                continue;
            }
            let i = pick(&mut rng, &g.2);
            let (key, _) = g.2.remove(i);
            if let Some((deck, card)) = find_card(decks, &key) {
                out.push(MockQuestion::new(deck, card).with_setup(setup));
            }
        }
        if groups.iter().all(|g| g.2.is_empty()) {
            break;
        }
    }
    out
}

fn pick(rng: &mut StdRng, cards: &[(CardKey, f64)]) -> usize {
    let total: f64 = cards.iter().map(|c| c.1).sum();
    if total <= 0.0 {
        return 0;
    }
    let mut x = rng.random::<f64>() * total;
    for (i, c) in cards.iter().enumerate() {
        if x < c.1 {
            return i;
        }
        x -= c.1;
    }
    cards.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::target::{focus, read_job};

    fn decks() -> Vec<Deck> {
        let text = include_str!("../../../content/it-manager.toml");
        let source = crate::core::deck::DeckSource::Builtin("it-manager.toml".into());
        vec![crate::core::deck::parse_deck(text, source).unwrap()]
    }

    const JOB: &str = "Duties\n- Own the IT budget, capital and operating, and negotiate vendor renewals\n\
        - Run the service desk against its SLAs\n- Lead the response to security incidents and breaches\n";

    #[test]
    fn questions_come_from_the_stressed_categories_in_turn_and_repeat_with_the_seed() {
        let decks = decks();
        let reading = read_job(&decks, JOB);
        let focus = focus(&decks, &reading);
        let setup = MockSetup {
            questions: 4,
            ..MockSetup::default()
        };
        let qs = target_questions(&decks, &focus, &reading, &setup, |_| 1.0, 7);
        assert_eq!(qs.len(), 4);
        // One question from each of the four most relevant categories.
        let cats: Vec<_> = qs.iter().map(|q| q.category.clone()).collect();
        let top: Vec<_> = focus
            .categories
            .iter()
            .take(4)
            .map(|(_, c)| c.clone())
            .collect();
        assert_eq!(cats, top);
        let again = target_questions(&decks, &focus, &reading, &setup, |_| 1.0, 7);
        assert_eq!(qs, again);
        // Every question is one of the target's cards.
        assert!(qs.iter().all(|q| focus.contains(&q.key)));
    }

    #[test]
    fn weak_cards_come_up_more_often() {
        let decks = decks();
        let reading = read_job(&decks, JOB);
        let focus = focus(&decks, &reading);
        let setup = MockSetup {
            questions: 1,
            ..MockSetup::default()
        };
        let first_category: Vec<&CardKey> = focus
            .cards
            .iter()
            .filter(|c| c.category == focus.categories[0].1)
            .map(|c| &c.key)
            .collect();
        let weak = first_category[first_category.len() - 1].clone();
        let hits = (0..200)
            .filter(|seed| {
                let qs = target_questions(
                    &decks,
                    &focus,
                    &reading,
                    &setup,
                    |k| if *k == weak { 50.0 } else { 0.0 },
                    *seed,
                );
                qs[0].key == weak
            })
            .count();
        assert!(hits > 150, "{hits}");
    }

    #[test]
    fn an_empty_focus_asks_nothing() {
        let decks = decks();
        let qs = target_questions(
            &decks,
            &Focus::default(),
            &Reading::default(),
            &MockSetup::default(),
            |_| 1.0,
            1,
        );
        assert!(qs.is_empty());
    }
}
