//! Question selection: no repeats, reproducible, focus, never empty.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::core::deck::Kind;
use crate::core::ids::{CategoryId, DeckId};
use crate::core::session::test_support::{card, deck};
use proptest::prelude::*;

/// Deck "a": budget b1-b4 (behavioral), people p1-p4 (situational), tech t1-t4 (technical).
/// Deck "z": one knowledge card.
fn decks() -> Vec<Deck> {
    let mut cards = Vec::new();
    for (cat, kind) in [
        ("budget", Kind::Behavioral),
        ("people", Kind::Situational),
        ("tech", Kind::Technical),
    ] {
        for i in 1..=4 {
            cards.push(card(&format!("{}{i}", &cat[..1]), cat, kind));
        }
    }
    vec![
        deck("a", cards),
        deck("z", vec![card("k1", "facts", Kind::Knowledge)]),
    ]
}

fn ids(qs: &[MockQuestion]) -> Vec<String> {
    qs.iter().map(|q| q.key.to_string()).collect()
}

fn setup(n: usize, focus: Focus) -> MockSetup {
    MockSetup {
        questions: n,
        focus,
        ..MockSetup::default()
    }
}

#[test]
fn no_repeats_and_categories_take_turns() {
    let qs = select_questions(&decks(), &setup(8, Focus::Mixed), |_| 1.0, 3);
    assert_eq!(qs.len(), 8);
    assert_eq!(qs.iter().map(|q| &q.key).collect::<HashSet<_>>().len(), 8);
    // Four categories: the first four questions cover each once.
    let first: HashSet<_> = qs[..4]
        .iter()
        .map(|q| (q.key.deck.clone(), q.category.clone()))
        .collect();
    assert_eq!(first.len(), 4);
}

#[test]
fn asking_for_more_than_the_pool_gives_the_pool() {
    let qs = select_questions(&decks(), &setup(50, Focus::Mixed), |_| 1.0, 1);
    assert_eq!(qs.len(), 13);
    let zero = select_questions(&decks(), &setup(0, Focus::Mixed), |_| 1.0, 1);
    assert_eq!(zero.len(), 1, "at least one question");
}

#[test]
fn the_same_seed_gives_the_same_questions() {
    let s = setup(6, Focus::Mixed);
    let a = select_questions(&decks(), &s, |_| 1.0, 42);
    assert_eq!(ids(&a), ids(&select_questions(&decks(), &s, |_| 1.0, 42)));
    let differs =
        (0..20).any(|seed| ids(&select_questions(&decks(), &s, |_| 1.0, seed)) != ids(&a));
    assert!(differs, "the seed must matter");
}

#[test]
fn focus_on_a_category_or_kind_narrows_the_pool() {
    let qs = select_questions(
        &decks(),
        &setup(3, Focus::Category(CategoryId::new("people"))),
        |_| 1.0,
        5,
    );
    assert!(qs.len() == 3 && qs.iter().all(|q| q.category.as_str() == "people"));
    let qs = select_questions(
        &decks(),
        &setup(9, Focus::Kind(Kind::Technical)),
        |_| 1.0,
        5,
    );
    assert!(qs.len() == 4 && qs.iter().all(|q| q.kind == Kind::Technical));
}

#[test]
fn a_focus_or_deck_choice_that_matches_nothing_falls_back() {
    let qs = select_questions(
        &decks(),
        &setup(2, Focus::Category(CategoryId::new("nope"))),
        |_| 1.0,
        5,
    );
    assert_eq!(qs.len(), 2);
    let mut s = setup(2, Focus::Mixed);
    s.decks = vec![DeckId::new("missing")];
    assert_eq!(select_questions(&decks(), &s, |_| 1.0, 5).len(), 2);
    s.decks = vec![DeckId::new("z")];
    assert_eq!(ids(&select_questions(&decks(), &s, |_| 1.0, 5)), ["z/k1"]);
    assert!(select_questions(&[], &s, |_| 1.0, 5).is_empty());
}

#[test]
fn weakest_focus_prefers_the_weakest_category() {
    let weak: HashMap<String, f64> = [("a/p1", 5.0), ("a/p2", 4.0), ("a/p3", 5.0), ("a/p4", 3.0)]
        .into_iter()
        .map(|(k, w)| (k.to_string(), w))
        .collect();
    let weakness = |k: &CardKey| weak.get(&k.to_string()).copied().unwrap_or(0.1);
    for seed in 0..10 {
        let qs = select_questions(&decks(), &setup(3, Focus::Weakest), weakness, seed);
        assert!(
            qs.iter().all(|q| q.category.as_str() == "people"),
            "seed {seed}: {:?}",
            ids(&qs)
        );
    }
    // Mixed with the same weights still takes every category in turn.
    let qs = select_questions(&decks(), &setup(4, Focus::Mixed), weakness, 0);
    assert_eq!(
        qs.iter().map(|q| &q.category).collect::<HashSet<_>>().len(),
        4
    );
}

#[test]
fn weights_bias_the_draw_within_a_category() {
    let weakness = |k: &CardKey| if k.card.as_str() == "b3" { 100.0 } else { 0.0 };
    let s = setup(1, Focus::Category(CategoryId::new("budget")));
    let hits = (0..50)
        .filter(|&seed| ids(&select_questions(&decks(), &s, weakness, seed)) == ["a/b3"])
        .count();
    assert!(hits > 45, "b3 drawn {hits}/50 times");
}

proptest! {
    #[test]
    fn never_empty_never_repeats(n in 0usize..20, seed in any::<u64>(), w in proptest::collection::vec(-1.0f64..10.0, 13)) {
        let d = decks();
        let all: Vec<CardKey> = d.iter().flat_map(|x| x.cards.iter().map(|c| x.key(c))).collect();
        let weakness = |k: &CardKey| w[all.iter().position(|a| a == k).unwrap_or(0)];
        for focus in [Focus::Mixed, Focus::Weakest, Focus::Kind(Kind::Knowledge)] {
            let qs = select_questions(&d, &setup(n, focus), weakness, seed);
            prop_assert!(!qs.is_empty());
            let unique: HashSet<_> = qs.iter().map(|q| &q.key).collect();
            prop_assert_eq!(unique.len(), qs.len());
        }
    }
}
