//! Builders of decks and questions for the session tests.

use chrono::{DateTime, TimeDelta, Utc};

use crate::core::deck::{Card, Category, Deck, DeckSource, KeyPoint, Kind};
use crate::core::ids::{CardId, CardKey, CategoryId, DeckId};

use super::question::MockQuestion;

pub fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// `t0` plus `ms` milliseconds.
pub fn at(ms: i64) -> DateTime<Utc> {
    t0() + TimeDelta::milliseconds(ms)
}

pub fn key_points(points: &[&str]) -> Vec<KeyPoint> {
    points
        .iter()
        .map(|k| KeyPoint {
            text: format!("mentions {k}"),
            keywords: vec![k.to_string()],
            ..Default::default()
        })
        .collect()
}

pub fn card(id: &str, category: &str, kind: Kind) -> Card {
    Card {
        id: CardId::new(id),
        category: CategoryId::new(category),
        kind,
        level: None,
        tags: vec![],
        question: format!("Question {id}?"),
        guidance: None,
        answer: format!("Answer {id}."),
        answer_seconds: None,
        follow_ups: vec![],
        key_points: vec![],
        notes: Default::default(),
        line: 1,
    }
}

pub fn deck(id: &str, cards: Vec<Card>) -> Deck {
    let mut categories: Vec<Category> = Vec::new();
    for c in &cards {
        if !categories.iter().any(|k| k.id == c.category) {
            categories.push(Category {
                id: c.category.clone(),
                title: c.category.to_string().to_uppercase(),
                description: None,
            });
        }
    }
    Deck {
        id: DeckId::new(id),
        title: id.to_string(),
        description: None,
        role: None,
        answer_seconds: Some(60),
        categories,
        cards,
        source: DeckSource::Builtin(format!("{id}.toml")),
    }
}

/// A question of `answer_seconds` with optional follow-up and key points (one keyword each).
pub fn question(
    id: &str,
    answer_seconds: u32,
    follow_up: Option<&str>,
    points: &[&str],
) -> MockQuestion {
    MockQuestion {
        key: CardKey::new("d", id),
        category: CategoryId::new(if id.starts_with('p') {
            "people"
        } else {
            "budget"
        }),
        category_title: "Cat".into(),
        kind: Kind::Behavioral,
        question: format!("Question {id}?"),
        guidance: None,
        model_answer: String::new(),
        answer_time: std::time::Duration::from_secs(u64::from(answer_seconds)),
        follow_up: follow_up.map(str::to_string),
        key_points: key_points(points),
    }
}

/// The deck of [`finished_interview`]: cards `a` and `b` with one key point each.
pub fn interview_deck() -> Deck {
    let mut a = card("a", "budget", Kind::Behavioral);
    a.key_points = key_points(&["alpha"]);
    let mut b = card("b", "budget", Kind::Behavioral);
    b.key_points = key_points(&["beta"]);
    deck("d", vec![a, b])
}

/// The records of a typed interview of two questions (key points "alpha" and "beta"), both
/// answered and none graded, as a journal in memory holds them.
pub fn finished_interview() -> Vec<(crate::core::record::RecordBody, DateTime<Utc>)> {
    use super::{Effect, Event, MockInterview, MockSetup};
    let d = interview_deck();
    let qs = d.cards.iter().map(|c| MockQuestion::new(&d, c)).collect();
    let setup = MockSetup {
        prep_seconds: 0,
        follow_ups: false,
        ..MockSetup::default()
    };
    let mut out = Vec::new();
    let mut keep = |fx: Vec<Effect>, ms: i64| {
        for e in fx {
            if let Effect::Record(r) = e {
                out.push((r.into(), at(ms)));
            }
        }
    };
    let (mut m, fx) = MockInterview::new(setup, qs, at(0));
    keep(fx, 0);
    for (i, text) in ["alpha it was", "nothing"].into_iter().enumerate() {
        let ms = 10_000 * (i as i64 + 1);
        keep(m.handle(Event::Submit { text: text.into() }, at(ms)), ms);
    }
    out
}
