//! Drilling stories with spaced repetition: each story becomes a card of a deck of its own
//! (id [`STORY_DECK`]), asked by its title, answered by the story; its key points are the
//! four STAR parts, each found by a few of its own words, so a typed recall is checked like
//! any draft. Reviews are ordinary review records keyed `@stories/STORY-ID`.

use super::words::{terms_with_words, words};
use super::{STORY_DECK, Story, StoryBank};
use crate::core::deck::{Card, Category, Deck, DeckSource, KeyPoint, Kind};
use crate::core::ids::{CardId, CategoryId, DeckId};

/// Words per STAR part that tick its key point.
const KEYWORDS_PER_PART: usize = 3;

/// The stories as a deck to drill.
pub fn story_deck(bank: &StoryBank, origin: &str) -> Deck {
    Deck {
        id: DeckId::new(STORY_DECK),
        title: "Your STAR stories".into(),
        description: None,
        role: None,
        answer_seconds: Some(90),
        categories: vec![Category {
            id: CategoryId::new("stories"),
            title: "STAR stories".into(),
            description: None,
        }],
        cards: bank.stories.iter().map(story_card).collect(),
        source: DeckSource::File(origin.into()),
    }
}

fn story_card(s: &Story) -> Card {
    let mut answer = format!(
        "Situation: {}\n\nTask: {}\n\nAction: {}\n\nResult: {}",
        s.situation.trim(),
        s.task.trim(),
        s.action.trim(),
        s.result.trim()
    );
    if let Some(short) = &s.short {
        answer.push_str("\n\n90-second version: ");
        answer.push_str(short.trim());
    }
    let part = |name: &str, text: &str, figures: Figures| KeyPoint {
        text: format!(
            "{name}: {}",
            crate::core::text::truncate_line(text.trim(), 70)
        ),
        keywords: keywords(text, figures),
        ..KeyPoint::default()
    };
    Card {
        id: CardId::new(s.id.as_str()),
        category: CategoryId::new("stories"),
        kind: Kind::Behavioral,
        level: None,
        tags: s.competencies.clone(),
        question: format!(
            "Tell your story \"{}\": situation, task, action and result.",
            s.title.trim()
        ),
        guidance: Some(format!(
            "Proves: {}. Recall it in about 90 seconds; end on the figure.",
            if s.competencies.is_empty() {
                "(no competencies listed)".to_string()
            } else {
                s.competencies.join(", ")
            }
        )),
        answer,
        answer_seconds: Some(90),
        follow_ups: vec![],
        key_points: vec![
            part("Situation", &s.situation, Figures::Ignored),
            part("Task", &s.task, Figures::Ignored),
            part("Action", &s.action, Figures::Ignored),
            part("Result", &s.result, Figures::First),
        ],
        line: s.line,
        notes: Default::default(),
    }
}

/// Whether a part's keywords start with its figures (a result's numbers are what to recall).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Figures {
    First,
    Ignored,
}

/// The part's most telling words: its figures first (for the result), then its longest
/// words, each once; at least one word when the part has any.
fn keywords(text: &str, figures: Figures) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if figures == Figures::First {
        for w in words(text).filter(|w| w.chars().any(|c| c.is_ascii_digit())) {
            if !out.contains(&w) && out.len() < KEYWORDS_PER_PART {
                out.push(w);
            }
        }
    }
    let mut candidates: Vec<(usize, String)> = Vec::new();
    let mut seen_terms = Vec::new();
    for (i, (term, word)) in terms_with_words(text).into_iter().enumerate() {
        if word.chars().count() >= 4 && !seen_terms.contains(&term) {
            seen_terms.push(term);
            candidates.push((i, word));
        }
    }
    candidates.sort_by(|a, b| {
        b.1.chars()
            .count()
            .cmp(&a.1.chars().count())
            .then(a.0.cmp(&b.0))
    });
    for (_, w) in candidates {
        if out.len() >= KEYWORDS_PER_PART {
            break;
        }
        if !out.contains(&w) {
            out.push(w);
        }
    }
    if out.is_empty()
        && let Some(w) = words(text).next()
    {
        out.push(w);
    }
    out
}
