//! Parsing and validating a deck file (format v1) with every error located.
//!
//! The TOML is parsed into a spanned tree and walked by hand rather than through serde, so that
//! every problem in a file is reported (not only the first), each at its own line and column.
//!
//! Its parts beside it: the walker that reads the tree and locates problems, shared with the
//! story bank (`parse_walker.rs`), and a card's key points (`parse_key_points.rs`).

use std::collections::HashMap;
use std::ops::Range;

use toml::de::DeValue;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::fields::get;
use super::model::{Card, Category, DECK_FORMAT, Deck, DeckSource, Kind};
use crate::core::ids::{CardId, CategoryId, DeckId};

#[path = "parse_key_points.rs"]
mod key_points;
#[path = "parse_walker.rs"]
mod walker;

pub(crate) use walker::{Table, Walker};

const ROOT_KEYS: &[&str] = &["format", "deck", "category", "card"];
const DECK_KEYS: &[&str] = &["id", "title", "description", "role", "answer_seconds"];
const CATEGORY_KEYS: &[&str] = &["id", "title", "description"];
const CARD_KEYS: &[&str] = &[
    "id",
    "category",
    "kind",
    "level",
    "tags",
    "question",
    "guidance",
    "answer",
    "answer_seconds",
    "follow_ups",
    "key_point",
    "outline",
    "own_story",
    "manager_angle",
    "jurisdiction",
    "checked",
];
const ANSWER_SECONDS: Range<i64> = 10..3601;
const LEVELS: Range<i64> = 1..4;

/// Parses and validates one deck file. On failure, returns every problem found.
pub fn parse_deck(text: &str, source: DeckSource) -> Result<Deck, Diagnostics> {
    let origin = source.display_name();
    if text.trim().is_empty() {
        return Err(Diagnostics(vec![Diagnostic::whole_file(
            &origin,
            "the file is empty",
            Some(
                "a deck needs `format = 1`, a [deck] table, at least one [[category]] and one \
                 [[card]]; `prepdeck decks new PATH` writes a template"
                    .into(),
            ),
        )]));
    }
    let mut w = Walker::new(&origin, text);
    let Some(root) = w.parse_toml() else {
        return Err(w.finish());
    };
    let root_span = root.span();
    let root = root.into_inner();
    match w.deck(&root, root_span, source) {
        Some(deck) if w.errors.is_empty() => Ok(deck),
        _ => Err(w.finish()),
    }
}

impl Walker<'_> {
    fn deck(
        &mut self,
        root: &Table<'_>,
        root_span: Range<usize>,
        source: DeckSource,
    ) -> Option<Deck> {
        self.unknown_keys(root, ROOT_KEYS, "at the top level");
        // The format comes first: a newer format may mean anything else, so stop there.
        match get(root, "format") {
            None => self.error(
                0..0,
                "missing `format`",
                Some("add `format = 1` as the first line".into()),
            ),
            Some(v) => match self.int(v, "format") {
                Some(n) if n > DECK_FORMAT => {
                    self.error(
                        v.span(),
                        format!("this deck uses format {n}, but this prepdeck reads format {DECK_FORMAT}"),
                        Some("update prepdeck to read this deck".into()),
                    );
                    return None;
                }
                Some(n) if n != DECK_FORMAT => self.error(
                    v.span(),
                    format!("unknown deck format {n}"),
                    Some(format!("expected `format = {DECK_FORMAT}`")),
                ),
                _ => {}
            },
        }

        let header = match get(root, "deck") {
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => Some((t, v.span())),
                other => {
                    self.type_error(v.span(), "deck", "a table ([deck])", other);
                    None
                }
            },
            None => {
                self.error(
                    self.header_span(&root_span),
                    "missing the [deck] table",
                    Some("add a [deck] table with at least `id` and `title`".into()),
                );
                None
            }
        };
        let mut deck_fields = None;
        if let Some((t, span)) = header {
            self.unknown_keys(t, DECK_KEYS, "in [deck]");
            let id = self.req_id(t, "id", &span, "[deck]");
            let title = self.req_text(t, "title", &span, "[deck]");
            let description = self.opt_string(t, "description");
            let role = self.opt_string(t, "role");
            let secs = self.opt_range(t, "answer_seconds", ANSWER_SECONDS);
            deck_fields = Some((id, title, description, role, secs));
        }

        let categories = self.categories(root, &root_span);
        let cat_ids: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
        let cards = self.cards(root, &root_span, &cat_ids);

        let (id, title, description, role, answer_seconds) = deck_fields?;
        Some(Deck {
            id: DeckId(id?),
            title: title?,
            description,
            role,
            answer_seconds: answer_seconds.map(|n| n as u32),
            categories,
            cards,
            source,
        })
    }

    fn tables<'t, 'i>(
        &mut self,
        root: &'t Table<'i>,
        key: &str,
        root_span: &Range<usize>,
        example: &str,
    ) -> Vec<(&'t Table<'i>, Range<usize>)> {
        match get(root, key) {
            None => {
                self.error(
                    self.header_span(root_span),
                    format!("the deck has no {example}"),
                    Some(format!("add at least one {example} table")),
                );
                Vec::new()
            }
            Some(v) => match v.get_ref() {
                DeValue::Array(items) => self.array_tables(items, key, example),
                other => {
                    self.type_error(
                        v.span(),
                        key,
                        &format!("an array of tables ({example})"),
                        other,
                    );
                    Vec::new()
                }
            },
        }
    }

    fn categories(&mut self, root: &Table<'_>, root_span: &Range<usize>) -> Vec<Category> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for (t, span) in self.tables(root, "category", root_span, "[[category]]") {
            self.unknown_keys(t, CATEGORY_KEYS, "in [[category]]");
            let id = self.req_id(t, "id", &span, "[[category]]");
            let title = self.req_text(t, "title", &span, "[[category]]");
            let description = self.opt_string(t, "description");
            if let Some(id) = &id {
                self.check_duplicate(&mut seen, id, t, "category");
            }
            if let (Some(id), Some(title)) = (id, title) {
                out.push(Category {
                    id: CategoryId(id),
                    title,
                    description,
                });
            }
        }
        out
    }

    fn cards(&mut self, root: &Table<'_>, root_span: &Range<usize>, cats: &[&str]) -> Vec<Card> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for (t, span) in self.tables(root, "card", root_span, "[[card]]") {
            if let Some(card) = self.card(t, &span, cats, &mut seen) {
                out.push(card);
            }
        }
        out
    }

    fn card(
        &mut self,
        t: &Table<'_>,
        span: &Range<usize>,
        cats: &[&str],
        seen: &mut HashMap<String, usize>,
    ) -> Option<Card> {
        self.unknown_keys(t, CARD_KEYS, "in [[card]]");
        let id = self.req_id(t, "id", span, "[[card]]");
        if let Some(id) = &id {
            self.check_duplicate(seen, id, t, "card");
        }
        let category = self.req_id(t, "category", span, "[[card]]");
        if let (Some(c), Some(v)) = (&category, get(t, "category"))
            && !cats.is_empty()
            && !cats.contains(&c.as_str())
        {
            self.error(
                v.span(),
                format!("unknown category `{c}`"),
                Some(format!("categories of this deck: {}", cats.join(", "))),
            );
        }
        let kind = self.kind(t, span);
        let level = self.opt_range(t, "level", LEVELS);
        let tags = self.opt_strings(t, "tags");
        let question = self.req_text(t, "question", span, "[[card]]");
        let guidance = self.opt_string(t, "guidance");
        let answer = self.req_text(t, "answer", span, "[[card]]");
        let answer_seconds = self.opt_range(t, "answer_seconds", ANSWER_SECONDS);
        let follow_ups = self.opt_strings(t, "follow_ups");
        let key_points = self.key_points(t, question.as_deref().unwrap_or(""));
        let notes = self.card_notes(t);
        Some(Card {
            id: CardId(id?),
            category: CategoryId(category?),
            kind: kind?,
            level: level.map(|n| n as u8),
            tags,
            question: question?,
            guidance,
            answer: answer?,
            answer_seconds: answer_seconds.map(|n| n as u32),
            follow_ups,
            key_points,
            notes,
            line: self.line_of(span.start),
        })
    }

    fn kind(&mut self, t: &Table<'_>, span: &Range<usize>) -> Option<Kind> {
        let s = self.req_text(t, "kind", span, "[[card]]")?;
        let kind = Kind::parse(&s);
        if kind.is_none()
            && let Some(v) = get(t, "kind")
        {
            let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            self.error(
                v.span(),
                format!("unknown kind `{s}`"),
                Some(format!("expected one of: {}", all.join(", "))),
            );
        }
        kind
    }

    fn check_duplicate(
        &mut self,
        seen: &mut HashMap<String, usize>,
        id: &str,
        t: &Table<'_>,
        what: &str,
    ) {
        let Some(v) = get(t, "id") else { return };
        let line = self.line_of(v.span().start);
        if let Some(first) = seen.get(id) {
            self.error(
                v.span(),
                format!("duplicate {what} id `{id}`"),
                Some(format!(
                    "`{id}` is first defined at line {first}; {what} ids must be unique in a deck"
                )),
            );
        } else {
            seen.insert(id.to_string(), line);
        }
    }
}
