//! Turning imported cards into a [`Deck`]: sanitized text, categories and unique ids.

use std::collections::{HashMap, HashSet};

use super::slug::{short_slug, slugify, tag, unique};
use super::{Parsed, Skipped};
use crate::core::deck::{Card, Category, Deck, DeckSource, Kind};
use crate::core::ids::{CardId, CategoryId, DeckId};
use crate::core::text::{sanitize, sanitize_line};

/// The category of cards that name none.
pub const DEFAULT_CATEGORY: &str = "Imported";

/// What the command decides about the deck as a whole.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub deck_id: DeckId,
    pub title: String,
    pub description: Option<String>,
    /// Puts every card in this category (overrides columns and headings).
    pub category: Option<String>,
}

/// Builds the deck from the parsed cards. Cards that turn out unusable (blank once control
/// characters are removed) are returned as skipped rows.
pub fn build_deck(parsed: &Parsed, opts: &BuildOptions) -> (Deck, Vec<Skipped>) {
    let (deck, skipped, _) = build_deck_with_warnings(parsed, opts);
    (deck, skipped)
}

/// [`build_deck`], with the rows imported with a change worth a warning (an unknown kind,
/// imported as knowledge).
pub fn build_deck_with_warnings(
    parsed: &Parsed,
    opts: &BuildOptions,
) -> (Deck, Vec<Skipped>, Vec<Skipped>) {
    let mut skipped = Vec::new();
    let mut warnings = Vec::new();
    let mut categories: Vec<Category> = Vec::new();
    let mut category_ids: HashMap<String, CategoryId> = HashMap::new();
    let mut taken_categories = HashSet::new();
    let mut taken_cards = HashSet::new();
    let mut cards = Vec::new();
    for c in &parsed.cards {
        let question = text(&c.question);
        let answer = text(&c.answer);
        let skip = |reason: String| Skipped {
            line: c.line,
            reason,
        };
        if question.is_empty() {
            skipped.push(skip(
                "empty question (once control characters are removed)".into(),
            ));
            continue;
        }
        if answer.is_empty() {
            skipped.push(skip(
                "empty answer (once control characters are removed)".into(),
            ));
            continue;
        }
        let kind = match c.kind.as_deref().map(kind) {
            None => Kind::Knowledge,
            Some(Ok(k)) => k,
            // A kind is a label: the card is still worth having.
            Some(Err(reason)) => {
                warnings.push(skip(format!("{reason}; imported as knowledge")));
                Kind::Knowledge
            }
        };
        let title = opts
            .category
            .as_deref()
            .or(c.category.as_deref())
            .map(sanitize_line)
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| DEFAULT_CATEGORY.to_string());
        let category = category_ids
            .entry(title.clone())
            .or_insert_with(|| {
                let base = Some(slugify(&title))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "category".to_string());
                let id = CategoryId(unique(&base, &mut taken_categories));
                categories.push(Category {
                    id: id.clone(),
                    title: title.clone(),
                    description: None,
                });
                id
            })
            .clone();
        let mut tags: Vec<String> = Vec::new();
        for t in c.tags.iter().filter_map(|t| tag(&sanitize_line(t))) {
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        let base = Some(short_slug(&question))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "card".to_string());
        cards.push(Card {
            id: CardId(unique(&base, &mut taken_cards)),
            category,
            kind,
            level: None,
            tags,
            question,
            guidance: c.guidance.as_deref().map(text).filter(|g| !g.is_empty()),
            answer,
            answer_seconds: None,
            follow_ups: Vec::new(),
            key_points: Vec::new(),
            notes: Default::default(),
            line: c.line,
        });
    }
    let deck = Deck {
        id: opts.deck_id.clone(),
        title: sanitize_line(&opts.title).trim().to_string(),
        description: opts
            .description
            .as_deref()
            .map(text)
            .filter(|d| !d.is_empty()),
        role: None,
        answer_seconds: None,
        categories,
        cards,
        source: DeckSource::File(format!("{}.toml", opts.deck_id).into()),
    };
    (deck, skipped, warnings)
}

/// Safe text: no control characters or escape sequences, no trailing spaces, no blank ends.
fn text(s: &str) -> String {
    let clean = sanitize(s);
    let lines: Vec<&str> = clean.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

fn kind(name: &str) -> Result<Kind, String> {
    let n = name.trim().to_lowercase();
    let n = match n.as_str() {
        "behavioural" => "behavioral",
        other => other,
    };
    Kind::parse(n).ok_or_else(|| {
        let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!(
            "unknown kind `{}` (expected one of: {})",
            crate::core::text::quoted(name.trim()),
            all.join(", ")
        )
    })
}
