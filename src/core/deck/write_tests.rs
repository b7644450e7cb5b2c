//! Round trips of the deck writer: deck -> TOML -> `parse_deck` gives the same deck.

use proptest::prelude::*;

use super::super::tests::VALID;
use super::*;
use crate::core::deck::{CardNotes, Category, DeckSource, KeyPoint, Kind, parse_deck};
use crate::core::ids::{CardId, CategoryId, DeckId};

fn source() -> DeckSource {
    DeckSource::File("written.toml".into())
}

/// The deck without what the writer does not keep: card and key-point lines, the source, and
/// what the parser derives (each key point's question words).
fn normalized(mut deck: Deck) -> Deck {
    for c in &mut deck.cards {
        c.line = 0;
        for k in &mut c.key_points {
            k.line = 0;
            k.question.clear();
        }
    }
    deck.source = source();
    deck
}

fn round_trip(deck: &Deck) -> Deck {
    let text = write_deck(deck);
    match parse_deck(&text, source()) {
        Ok(d) => normalized(d),
        Err(e) => panic!("written deck does not parse:\n{e}\n--- text ---\n{text}"),
    }
}

#[test]
fn the_example_deck_round_trips() {
    let deck = normalized(parse_deck(VALID, source()).unwrap());
    assert_eq!(round_trip(&deck), deck);
}

#[test]
fn every_builtin_deck_round_trips() {
    for (name, text) in crate::store::decks::BUILTIN {
        let deck = normalized(parse_deck(text, DeckSource::Builtin(name.to_string())).unwrap());
        assert_eq!(round_trip(&deck), deck, "{name}");
    }
}

#[test]
fn awkward_strings_are_escaped() {
    let mut deck = normalized(parse_deck(VALID, source()).unwrap());
    let nasty = "quotes \"\"\" and \"\" end\"\nback\\slash \\\nline\r\nbell\u{7} tab\t\u{7f}";
    deck.title = nasty.replace('\n', " ");
    deck.cards[0].answer = nasty.to_string();
    deck.cards[0].guidance = Some(format!("{} {}", "word ".repeat(60), "\"\""));
    deck.cards[0].tags = vec!["a\"b".into(), "c\\d".into(), "e\nf".into()];
    assert_eq!(round_trip(&deck), deck);
}

#[test]
fn long_text_is_multi_line_and_wrapped() {
    let mut deck = normalized(parse_deck(VALID, source()).unwrap());
    deck.cards[0].answer = "a long answer with many words ".repeat(10);
    let text = write_deck(&deck);
    assert!(text.contains("answer = \"\"\"\n"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 110), "{text}");
    assert_eq!(round_trip(&deck), deck);
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,12}"
}

/// Any text that is not blank (the parser refuses blank required text).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z\"\\\\\n\t'#=\\[\\]{}]{0,200}",
        "[a-z ]{0,40}\"{1,4}",
    ]
    .prop_map(|s| {
        if s.trim().is_empty() {
            format!("x{s}")
        } else {
            s
        }
    })
}

fn notes() -> impl Strategy<Value = CardNotes> {
    (
        proptest::collection::vec(text(), 0..4),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of("(19|20)[0-9]{2}-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?"),
    )
        .prop_map(
            |(outline, own_story, manager_angle, jurisdiction, checked)| CardNotes {
                outline,
                own_story,
                manager_angle,
                jurisdiction,
                checked,
            },
        )
}

fn words() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(), 0..4)
}

prop_compose! {
    fn card(n: usize, cats: usize)(
        cat in 0..cats,
        kind in 0usize..5,
        level in proptest::option::of(1u8..4),
        tags in words(),
        question in text(),
        guidance in proptest::option::of(text()),
        answer in text(),
        answer_seconds in proptest::option::of(10u32..3601),
        follow_ups in words(),
        key_points in proptest::collection::vec((text(), proptest::collection::vec(text(), 1..3)), 0..3),
        notes in notes(),
    ) -> Card {
        Card {
            id: CardId(format!("card-{n}")),
            category: CategoryId(format!("cat-{cat}")),
            kind: Kind::ALL[kind],
            level,
            tags,
            question,
            guidance,
            answer,
            answer_seconds,
            follow_ups,
            key_points: key_points
                .into_iter()
                .map(|(text, keywords)| KeyPoint {
                    text,
                    keywords,
                    ..Default::default()
                })
                .collect(),
            notes,
            line: 0,
        }
    }
}

fn deck() -> impl Strategy<Value = Deck> {
    (1usize..4, 1usize..5).prop_flat_map(|(cats, cards)| {
        let card_list: Vec<_> = (0..cards).map(|n| card(n, cats)).collect();
        (
            id(),
            text(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(10u32..3601),
            proptest::collection::vec((text(), proptest::option::of(text())), cats),
            card_list,
        )
            .prop_map(
                |(id, title, description, role, answer_seconds, cats, cards)| Deck {
                    id: DeckId(id),
                    title,
                    description,
                    role,
                    answer_seconds,
                    categories: cats
                        .into_iter()
                        .enumerate()
                        .map(|(i, (title, description))| Category {
                            id: CategoryId(format!("cat-{i}")),
                            title,
                            description,
                        })
                        .collect(),
                    cards,
                    source: source(),
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_valid_deck_round_trips(deck in deck()) {
        prop_assert_eq!(round_trip(&deck), deck);
    }
}
