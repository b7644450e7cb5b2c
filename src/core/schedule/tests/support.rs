//! Builders for decks and log records.

use chrono::{DateTime, FixedOffset, Utc};

use crate::core::deck::{Card, Category, Deck, DeckSource, Kind};
use crate::core::grade::Grade;
use crate::core::ids::{CardId, CategoryId, DeckId, RecordId};
use crate::core::record::{Record, RecordBody, Review, ReviewMode};
use crate::core::schedule::{NewOrder, SchedulerConfig};

pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

pub fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

/// Fuzz off, new cards in file order: exact, easy to read expectations.
pub fn no_fuzz() -> SchedulerConfig {
    SchedulerConfig {
        fuzz: false,
        new_order: NewOrder::File,
        ..SchedulerConfig::default()
    }
}

/// A deck `id` with cards `c0..c{n}`; card `i` is in category `cat{i % 2}`, kind technical
/// for even `i`, behavioral for odd.
pub fn deck(id: &str, n: usize) -> Deck {
    Deck {
        id: DeckId::new(id),
        title: id.to_string(),
        description: None,
        role: None,
        answer_seconds: None,
        categories: ["cat0", "cat1"]
            .map(|c| Category {
                id: CategoryId::new(c),
                title: c.to_string(),
                description: None,
            })
            .to_vec(),
        cards: (0..n)
            .map(|i| Card {
                id: CardId::new(format!("c{i}")),
                category: CategoryId::new(format!("cat{}", i % 2)),
                kind: if i % 2 == 0 {
                    Kind::Technical
                } else {
                    Kind::Behavioral
                },
                level: None,
                tags: vec![],
                question: format!("Q{i}?"),
                guidance: None,
                answer: format!("A{i}."),
                answer_seconds: None,
                follow_ups: vec![],
                key_points: vec![],
                notes: Default::default(),
                line: i + 1,
            })
            .collect(),
        source: DeckSource::Builtin(format!("{id}.toml")),
    }
}

/// Builds a log with increasing ids `r0001`, `r0002`, ...
#[derive(Default)]
pub struct Log {
    pub records: Vec<Record>,
}

impl Log {
    fn push(&mut self, at: DateTime<Utc>, body: RecordBody) -> RecordId {
        let id = RecordId::new(format!("r{:04}", self.records.len() + 1));
        self.records.push(Record::new(id.clone(), at, body));
        id
    }

    pub fn review(&mut self, deck: &str, card: &str, grade: Grade, at: DateTime<Utc>) -> RecordId {
        self.push(
            at,
            RecordBody::Review(Review {
                deck: DeckId::new(deck),
                card: CardId::new(card),
                grade,
                took_ms: 1000,
                mode: ReviewMode::Drill,
            }),
        )
    }

    pub fn undo(&mut self, target: &RecordId, at: DateTime<Utc>) -> RecordId {
        self.push(
            at,
            RecordBody::Undo {
                target: target.clone(),
            },
        )
    }

    pub fn suspend(&mut self, deck: &str, card: &str, at: DateTime<Utc>) {
        let (deck, card) = (DeckId::new(deck), CardId::new(card));
        self.push(at, RecordBody::Suspend { deck, card });
    }

    pub fn unsuspend(&mut self, deck: &str, card: &str, at: DateTime<Utc>) {
        let (deck, card) = (DeckId::new(deck), CardId::new(card));
        self.push(at, RecordBody::Unsuspend { deck, card });
    }

    pub fn bury(&mut self, deck: &str, card: &str, at: DateTime<Utc>, until: DateTime<Utc>) {
        let (deck, card) = (DeckId::new(deck), CardId::new(card));
        self.push(at, RecordBody::Bury { deck, card, until });
    }
}
