//! The deck model: what a validated deck file holds.

use serde::{Deserialize, Serialize};

use crate::core::ids::{CardId, CardKey, CategoryId, DeckId};

/// The deck format version this build reads.
pub const DECK_FORMAT: i64 = 1;

/// The kind of question a card asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Written `behavioral` or `behavioural`.
    #[serde(alias = "behavioural")]
    Behavioral,
    Situational,
    Technical,
    Knowledge,
    Motivation,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Behavioral,
        Kind::Situational,
        Kind::Technical,
        Kind::Knowledge,
        Kind::Motivation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Behavioral => "behavioral",
            Kind::Situational => "situational",
            Kind::Technical => "technical",
            Kind::Knowledge => "knowledge",
            Kind::Motivation => "motivation",
        }
    }

    /// The kind named `s` (`behavioural` too: both spellings are accepted everywhere).
    pub fn parse(s: &str) -> Option<Kind> {
        if s == "behavioural" {
            return Some(Kind::Behavioral);
        }
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a deck was loaded from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "path", rename_all = "lowercase")]
pub enum DeckSource {
    /// Compiled into the binary from `content/<name>`.
    Builtin(String),
    /// A file on disk (a user deck or `--deck-file`).
    File(std::path::PathBuf),
}

impl DeckSource {
    /// How errors and listings name this source.
    pub fn display_name(&self) -> String {
        match self {
            DeckSource::Builtin(name) => format!("built-in:{name}"),
            DeckSource::File(p) => p.display().to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Category {
    pub id: CategoryId,
    pub title: String,
    pub description: Option<String>,
}

/// One thing a strong answer says, and what counts as saying it (see [`crate::core::matcher`]
/// for the rule and docs/deck-format.md for the fields).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KeyPoint {
    pub text: String,
    /// Any one of these suffices.
    pub keywords: Vec<String>,
    /// Groups of terms that count only when all the terms of a group occur in one sentence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub together: Vec<Vec<String>>,
    /// When not empty, the point counts only if one of these occurs too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub require: Vec<String>,
    /// The stems of the card's question's words (stop words left out), set by the parser:
    /// keywords made only of these never count. Empty means no such rule.
    #[serde(skip)]
    pub question: Vec<String>,
    /// 1-based line of the `[[card.key_point]]` header in its file (0 when not from a file).
    #[serde(skip)]
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    pub id: CardId,
    pub category: CategoryId,
    pub kind: Kind,
    pub level: Option<u8>,
    pub tags: Vec<String>,
    pub question: String,
    pub guidance: Option<String>,
    pub answer: String,
    pub answer_seconds: Option<u32>,
    pub follow_ups: Vec<String>,
    pub key_points: Vec<KeyPoint>,
    /// Optional coaching and provenance fields (outline, own story, dates).
    #[serde(flatten)]
    pub notes: CardNotes,
    /// 1-based line of the card's `[[card]]` header in its file (for "open in $EDITOR").
    pub line: usize,
}

/// The optional card fields that coach the delivery of an answer and say how current its facts
/// are. Every field may be absent; old decks have none of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CardNotes {
    /// A short spoken outline of the model answer: one bullet per string, in order.
    pub outline: Vec<String>,
    /// How to swap the model answer's story for one of the candidate's own.
    pub own_story: Option<String>,
    /// Why a manager cares (mostly for knowledge cards).
    pub manager_angle: Option<String>,
    /// Whose law or rules the card's facts are about, e.g. "UK", "US", "EU", "international".
    pub jurisdiction: Option<String>,
    /// When the card's facts were last checked: "YYYY-MM" or "YYYY-MM-DD" (validated).
    pub checked: Option<String>,
}

impl CardNotes {
    pub fn is_empty(&self) -> bool {
        *self == CardNotes::default()
    }

    /// The notes as plain lines for a reveal after the model answer (unsanitised deck text:
    /// the caller sanitises). Nothing when the card has no notes.
    pub fn reveal_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(m) = &self.manager_angle {
            out.push(format!("Why a manager cares: {}", m.trim()));
        }
        if !self.outline.is_empty() {
            out.push("Outline:".into());
            out.extend(self.outline.iter().map(|b| format!("  - {}", b.trim())));
        }
        if let Some(s) = &self.own_story {
            out.push(format!("Your own story: {}", s.trim()));
        }
        match (&self.jurisdiction, &self.checked) {
            (Some(j), Some(c)) => out.push(format!("Facts: {}, checked {c}", j.trim())),
            (Some(j), None) => out.push(format!("Facts: {}", j.trim())),
            (None, Some(c)) => out.push(format!("Facts checked {c}")),
            (None, None) => {}
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deck {
    pub id: DeckId,
    pub title: String,
    pub description: Option<String>,
    pub role: Option<String>,
    pub answer_seconds: Option<u32>,
    pub categories: Vec<Category>,
    pub cards: Vec<Card>,
    pub source: DeckSource,
}

impl Deck {
    pub fn category(&self, id: &CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| &c.id == id)
    }

    pub fn card(&self, id: &CardId) -> Option<&Card> {
        self.cards.iter().find(|c| &c.id == id)
    }

    pub fn key(&self, card: &Card) -> CardKey {
        CardKey {
            deck: self.id.clone(),
            card: card.id.clone(),
        }
    }

    /// The answer time of a card in a mock interview: the card's, else the deck's, else 120 s.
    pub fn answer_seconds_for(&self, card: &Card) -> u32 {
        card.answer_seconds.or(self.answer_seconds).unwrap_or(120)
    }
}
