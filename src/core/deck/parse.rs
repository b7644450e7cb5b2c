//! Parsing and validating a deck file (format v1) with every error located.
//!
//! The TOML is parsed into a spanned tree and walked by hand rather than through serde, so that
//! every problem in a file is reported (not only the first), each at its own line and column.

use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeArray, DeTable, DeValue};

use super::diagnostic::{Diagnostic, Diagnostics};
use super::fields::get;
use super::model::{Card, Category, DECK_FORMAT, Deck, DeckSource, KeyPoint, Kind};
use crate::core::ids::{CardId, CategoryId, DeckId};

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
const KEY_POINT_KEYS: &[&str] = &["text", "keywords", "together", "require"];
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

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

/// Walks a spanned TOML tree, collecting located problems. The deck parser's, reused for
/// other files prepdeck reads with the same diagnostics (the story bank).
pub(crate) struct Walker<'a> {
    origin: &'a str,
    text: &'a str,
    /// Byte offsets of every `\n`, so a line number is a binary search, not a scan of the
    /// file (which made loading a 10,000-card deck take seconds).
    newlines: Vec<usize>,
    errors: Vec<Diagnostic>,
}

pub(crate) type Table<'i> = DeTable<'i>;

impl<'a> Walker<'a> {
    /// A walker over `text`, naming it `origin` in messages.
    pub(crate) fn new(origin: &'a str, text: &'a str) -> Walker<'a> {
        Walker {
            origin,
            text,
            newlines: text
                .bytes()
                .enumerate()
                .filter_map(|(i, b)| (b == b'\n').then_some(i))
                .collect(),
            errors: Vec::new(),
        }
    }

    /// Parses the text into a spanned tree; `None` after recording its first syntax error.
    /// Only the first: the parser recovers from one by guessing, and what it finds after that
    /// is mostly noise from the same mistake (a stray `"""` gave six errors). A multi-line
    /// string never closed is named where it opens (the parser's own error for it is at the
    /// end of the file); otherwise the message says how many more problems were found.
    pub(crate) fn parse_toml(&mut self) -> Option<toml::Spanned<DeTable<'a>>> {
        use crate::core::toml_error;
        let (root, syntax) = DeTable::parse_recoverable(self.text);
        if syntax.is_empty() {
            return Some(root);
        }
        let located: Vec<_> = syntax
            .iter()
            .map(|e| (toml_error::span(self.text, e), e))
            .collect();
        let first = located
            .iter()
            .min_by_key(|(span, _)| span.as_ref().map_or(usize::MAX, |s| s.start));
        let first_at = first.and_then(|(s, _)| s.as_ref()).map(|s| s.start);
        if let Some(open) = toml_error::unclosed_string(self.text)
            && first_at.is_none_or(|at| at >= open.start)
        {
            let delim = self.text.get(open.clone()).unwrap_or("\"\"\"").to_string();
            self.error(
                open,
                format!(
                    "invalid TOML: this {delim} opens a multi-line string that is never closed"
                ),
                Some(format!(
                    "the rest of the file is read as its text: close it with {delim}, or \
                     remove it if it is a stray one"
                )),
            );
            return None;
        }
        let (span, e) = first?;
        let msg = first_line(e.message());
        let mut help = toml_error::help(e);
        if syntax.len() > 1 {
            let more = syntax.len() - 1;
            let note = format!(
                "the parser found {more} more problem{} after this one; {} may follow from it: \
                 fix it and check again",
                if more == 1 { "" } else { "s" },
                if more == 1 { "it" } else { "they" }
            );
            help = Some(match help {
                Some(h) => format!("{h}; {note}"),
                None => note,
            });
        }
        match span {
            Some(span) => self.error(span.clone(), format!("invalid TOML: {msg}"), help),
            None => self.errors.push(Diagnostic::whole_file(
                self.origin,
                format!("invalid TOML: {msg}"),
                help,
            )),
        }
        None
    }

    /// Whether a problem was found so far.
    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

impl Walker<'_> {
    pub(crate) fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.errors.push(Diagnostic::at_line_of(
            self.origin,
            self.text,
            &self.newlines,
            span,
            message,
            help,
        ));
    }

    pub(crate) fn finish(mut self) -> Diagnostics {
        self.errors.sort_by_key(|d| (d.line, d.column));
        self.errors.dedup();
        Diagnostics(self.errors)
    }

    /// The span to blame for something missing from a table: its header line.
    pub(crate) fn header_span(&self, span: &Range<usize>) -> Range<usize> {
        // Spans of tables from `[[card]]` begin at the header; make the caret cover `[[card]]`.
        let start = span.start.min(self.text.len());
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        start..end.max(start)
    }

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

    pub(crate) fn array_tables<'t, 'i>(
        &mut self,
        items: &'t DeArray<'i>,
        key: &str,
        example: &str,
    ) -> Vec<(&'t Table<'i>, Range<usize>)> {
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                other => self.type_error(item.span(), key, &format!("a table ({example})"), other),
            }
        }
        out
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

    pub(crate) fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.newlines.partition_point(|&i| i < end) + 1
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

    /// The card's `[[card.key_point]]` tables: `text`, and what counts as covering the point:
    /// `keywords` (any one), `together` (groups of terms that count only in one sentence) and
    /// `require` (terms of which one must occur too). A point needs at least one keyword or
    /// group; old decks (only `keywords`) read as before.
    fn key_points(&mut self, t: &Table<'_>, question: &str) -> Vec<KeyPoint> {
        let Some(v) = get(t, "key_point") else {
            return Vec::new();
        };
        let items = match v.get_ref() {
            DeValue::Array(items) => self.array_tables(items, "key_point", "[[card.key_point]]"),
            other => {
                self.type_error(
                    v.span(),
                    "key_point",
                    "an array of tables ([[card.key_point]])",
                    other,
                );
                return Vec::new();
            }
        };
        let question = crate::core::matcher::content_stems(question);
        let mut out = Vec::new();
        for (kp, span) in items {
            self.unknown_keys(kp, KEY_POINT_KEYS, "in [[card.key_point]]");
            let text = self.req_text(kp, "text", &span, "[[card.key_point]]");
            let keywords = self.terms(kp, "keywords");
            let together = self.groups(kp);
            let require = self.terms(kp, "require");
            if get(kp, "keywords").is_none() && get(kp, "together").is_none() {
                self.error(
                    self.header_span(&span),
                    "key point without `keywords`",
                    Some(
                        "add `keywords = [\"...\"]` with at least one word a candidate would \
                         type (or `together = [[\"...\", \"...\"]]`)"
                            .into(),
                    ),
                );
            }
            if let (Some(text), Some(keywords), Some(together), Some(require)) =
                (text, keywords, together, require)
            {
                out.push(KeyPoint {
                    text,
                    keywords,
                    together,
                    require,
                    question: question.clone(),
                    line: self.line_of(span.start),
                });
            }
        }
        out
    }

    /// An optional list of terms (`keywords`, `require`): `None` after reporting a problem.
    fn terms(&mut self, kp: &Table<'_>, key: &str) -> Option<Vec<String>> {
        let Some(kv) = get(kp, key) else {
            return Some(Vec::new());
        };
        let words = self.strings(kv, key);
        if !matches!(kv.get_ref(), DeValue::Array(_)) {
            return None;
        }
        if words.is_empty() {
            self.error(
                kv.span(),
                format!("`{key}` is empty"),
                Some(format!("add at least one term, or leave `{key}` out")),
            );
            return None;
        }
        if words.iter().any(|w| w.trim().is_empty()) {
            let what = if key == "keywords" { "keyword" } else { "term" };
            self.error(
                kv.span(),
                format!("`{key}` holds a blank {what}"),
                Some("every term needs at least one letter or digit".into()),
            );
            return None;
        }
        Some(words)
    }

    /// `together = [["a", "b"], ...]`: each group two or more terms.
    fn groups(&mut self, kp: &Table<'_>) -> Option<Vec<Vec<String>>> {
        let Some(v) = get(kp, "together") else {
            return Some(Vec::new());
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(
                v.span(),
                "together",
                "an array of arrays of strings, e.g. [[\"risk\", \"early\"]]",
                v.get_ref(),
            );
            return None;
        };
        if items.iter().next().is_none() {
            self.error(
                v.span(),
                "`together` is empty",
                Some("add a group such as [\"risk\", \"early\"], or leave `together` out".into()),
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            let group = self.strings(item, "together");
            if !matches!(item.get_ref(), DeValue::Array(_)) {
                ok = false;
            } else if group.len() < 2 {
                self.error(
                    item.span(),
                    "a `together` group needs at least two terms",
                    Some("a single term belongs in `keywords`".into()),
                );
                ok = false;
            } else if group.iter().any(|w| w.trim().is_empty()) {
                self.error(
                    item.span(),
                    "`together` holds a blank term",
                    Some("every term needs at least one letter or digit".into()),
                );
                ok = false;
            }
            out.push(group);
        }
        ok.then_some(out)
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
