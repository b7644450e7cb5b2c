//! Builders for decks, histories and the clock.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use crate::core::deck::{Card, Category, Deck, DeckSource, Kind};
use crate::core::grade::Grade;
use crate::core::ids::{CardId, CardKey, CategoryId, DeckId, RecordId};
use crate::core::record::{Record, RecordBody, Review, ReviewMode};
use crate::core::schedule::{CardMemory, Progress, Scheduler, SchedulerConfig, replay};
use crate::core::stats::{MockHistory, Stats, stats};

pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

/// The fixed "now" of these tests: Wednesday 2026-03-11, 12:00 UTC.
pub fn now() -> DateTime<Utc> {
    at("2026-03-11T12:00:00Z")
}

pub fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

pub fn config() -> SchedulerConfig {
    SchedulerConfig {
        fuzz: false,
        ..SchedulerConfig::default()
    }
}

/// A deck `id` with, for each `(category, n)`, `n` cards `<category>-<i>`.
pub fn deck(id: &str, categories: &[(&str, usize)]) -> Deck {
    let mut cards = vec![];
    for (category, n) in categories {
        for i in 0..*n {
            cards.push(Card {
                id: CardId::new(format!("{category}-{i}")),
                category: CategoryId::new(*category),
                kind: Kind::Technical,
                level: None,
                tags: vec![],
                question: "Q?".into(),
                guidance: None,
                answer: "A.".into(),
                answer_seconds: None,
                follow_ups: vec![],
                key_points: vec![],
                notes: Default::default(),
                line: cards.len() + 1,
            });
        }
    }
    Deck {
        id: DeckId::new(id),
        title: id.to_string(),
        description: None,
        role: None,
        answer_seconds: None,
        categories: categories
            .iter()
            .map(|(c, _)| Category {
                id: CategoryId::new(*c),
                title: format!("Title of {c}"),
                description: None,
            })
            .collect(),
        cards,
        source: DeckSource::Builtin(format!("{id}.toml")),
    }
}

/// A log under construction, with ids `r000001`, `r000002`, ...
#[derive(Clone, Default)]
pub struct Log {
    pub records: Vec<Record>,
}

impl Log {
    pub fn push(&mut self, at: DateTime<Utc>, body: RecordBody) -> RecordId {
        let id = RecordId::new(format!("r{:06}", self.records.len() + 1));
        self.records.push(Record::new(id.clone(), at, body));
        id
    }

    pub fn review(&mut self, deck: &str, card: &str, grade: Grade, at: DateTime<Utc>) -> RecordId {
        self.review_took(deck, card, grade, at, 1000)
    }

    pub fn review_took(
        &mut self,
        deck: &str,
        card: &str,
        grade: Grade,
        at: DateTime<Utc>,
        took_ms: u64,
    ) -> RecordId {
        self.push(
            at,
            RecordBody::Review(Review {
                deck: DeckId::new(deck),
                card: CardId::new(card),
                grade,
                took_ms,
                mode: ReviewMode::Drill,
            }),
        )
    }

    pub fn suspend(&mut self, deck: &str, card: &str, at: DateTime<Utc>) {
        let (deck, card) = (DeckId::new(deck), CardId::new(card));
        self.push(at, RecordBody::Suspend { deck, card });
    }

    /// Reviews `card` with `grade` from `from`, each time it comes due, until `until`.
    pub fn study_when_due(
        &mut self,
        deck: &str,
        card: &str,
        grade: Grade,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) {
        let scheduler = Scheduler::new(&config());
        let mut state = CardMemory::new();
        let mut t = from;
        while t <= until {
            self.review(deck, card, grade, t);
            state = scheduler.review(&state, grade, t, None);
            t = state.due.unwrap_or(until).max(t + Duration::minutes(1));
        }
    }

    pub fn progress(&self) -> Progress {
        replay(&self.records, &config())
    }
}

pub fn compute(decks: &[Deck], log: &Log, mocks: &MockHistory) -> Stats {
    stats(decks, &log.progress(), mocks, &config(), now(), utc())
}

pub fn key(deck: &str, card: &str) -> CardKey {
    CardKey::new(deck, card)
}

/// Readiness of `category` of deck `deck` in `stats`.
pub fn readiness(stats: &Stats, deck: &str, category: &str) -> f64 {
    stats
        .categories
        .iter()
        .find(|c| c.deck.as_str() == deck && c.category.as_str() == category)
        .map_or(f64::NAN, |c| c.readiness)
}
