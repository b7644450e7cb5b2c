//! The test data generators (`fixtures.rs`) give a valid deck and log, the same every time.

use chrono::DateTime;

use crate::core::deck::{DeckSource, parse_deck};
use crate::fixtures::{FixtureSpec, deck_toml, jsonl, review_records};

#[test]
fn small_fixture_is_a_valid_deck_and_log() {
    let now = DateTime::parse_from_rfc3339("2026-03-11T12:00:00Z")
        .unwrap()
        .to_utc();
    let spec = FixtureSpec::new(120, 500, now);
    let deck = parse_deck(&deck_toml(&spec), DeckSource::Builtin("bench".into()))
        .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(deck.cards.len(), 120);
    assert_eq!(deck.categories.len(), 50);
    let records = review_records(&spec);
    assert_eq!(records.len(), 500);
    assert!(records.windows(2).all(|w| w[0].at <= w[1].at));
    assert!(records.iter().all(|r| r.at <= now));
    let text = jsonl(&records);
    assert_eq!(text.lines().count(), 500);
    assert_eq!(review_records(&spec), records, "deterministic");
}
