//! Writing a [`Deck`] as a TOML deck file (format v1) that [`super::parse_deck`] reads back.
//!
//! Pure: returns the text; writing it to disk is the store's job. The layout follows
//! `docs/deck-format.md` (header, categories, cards, key points) so a written deck reads like a
//! hand-written one: long or multi-line text goes into `"""` strings, wrapped at spaces with
//! TOML's line-ending backslash so no character of the value changes.

use std::fmt::Write as _;

use super::model::{Card, DECK_FORMAT, Deck};

/// Text longer than this (in characters) is written as a multi-line string.
const LONG_TEXT: usize = 80;
/// Lines of multi-line strings are wrapped near this width.
const WRAP_AT: usize = 96;

/// The deck as TOML text, ending in a newline.
pub fn write_deck(deck: &Deck) -> String {
    let mut out = String::new();
    // `write!` into a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "format = {DECK_FORMAT}\n\n[deck]");
    field(&mut out, "id", deck.id.as_str());
    field(&mut out, "title", &deck.title);
    opt_text(&mut out, "description", deck.description.as_deref());
    if let Some(role) = &deck.role {
        field(&mut out, "role", role);
    }
    if let Some(secs) = deck.answer_seconds {
        let _ = writeln!(out, "answer_seconds = {secs}");
    }
    for c in &deck.categories {
        out.push_str("\n[[category]]\n");
        field(&mut out, "id", c.id.as_str());
        field(&mut out, "title", &c.title);
        opt_text(&mut out, "description", c.description.as_deref());
    }
    for card in &deck.cards {
        write_card(&mut out, card);
    }
    out
}

fn write_card(out: &mut String, card: &Card) {
    out.push_str("\n[[card]]\n");
    field(out, "id", card.id.as_str());
    field(out, "category", card.category.as_str());
    field(out, "kind", card.kind.as_str());
    if let Some(level) = card.level {
        let _ = writeln!(out, "level = {level}");
    }
    if !card.tags.is_empty() {
        let _ = writeln!(out, "tags = {}", array(&card.tags));
    }
    text(out, "question", &card.question);
    opt_text(out, "guidance", card.guidance.as_deref());
    opt_text(out, "manager_angle", card.notes.manager_angle.as_deref());
    text(out, "answer", &card.answer);
    if !card.notes.outline.is_empty() {
        let _ = writeln!(out, "outline = {}", array(&card.notes.outline));
    }
    opt_text(out, "own_story", card.notes.own_story.as_deref());
    if let Some(j) = &card.notes.jurisdiction {
        field(out, "jurisdiction", j);
    }
    if let Some(c) = &card.notes.checked {
        field(out, "checked", c);
    }
    if let Some(secs) = card.answer_seconds {
        let _ = writeln!(out, "answer_seconds = {secs}");
    }
    if !card.follow_ups.is_empty() {
        let _ = writeln!(out, "follow_ups = {}", array(&card.follow_ups));
    }
    for kp in &card.key_points {
        out.push_str("\n[[card.key_point]]\n");
        field(out, "text", &kp.text);
        if !kp.keywords.is_empty() {
            let _ = writeln!(out, "keywords = {}", array(&kp.keywords));
        }
        if !kp.together.is_empty() {
            let groups: Vec<String> = kp.together.iter().map(|g| array(g)).collect();
            let _ = writeln!(out, "together = [{}]", groups.join(", "));
        }
        if !kp.require.is_empty() {
            let _ = writeln!(out, "require = {}", array(&kp.require));
        }
    }
}

/// `key = "value"` on one line.
fn field(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", basic_string(value));
}

/// `key = ...`, as a multi-line string when the value is long or holds newlines.
fn text(out: &mut String, key: &str, value: &str) {
    if value.contains('\n') || value.chars().count() > LONG_TEXT {
        let _ = writeln!(out, "{key} = {}", multi_line_string(value));
    } else {
        field(out, key, value);
    }
}

fn opt_text(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        text(out, key, v);
    }
}

/// An inline array of strings; one item per line when it would be long.
fn array(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| basic_string(s)).collect();
    let one_line = format!("[{}]", parts.join(", "));
    if one_line.chars().count() <= WRAP_AT {
        return one_line;
    }
    let mut s = String::from("[\n");
    for p in parts {
        let _ = writeln!(s, "    {p},");
    }
    s.push(']');
    s
}

/// A TOML basic string (`"..."`) with every character that needs it escaped.
pub(crate) fn basic_string(value: &str) -> String {
    let mut s = String::with_capacity(value.len() + 2);
    s.push('"');
    for c in value.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            c => escape_control(&mut s, c),
        }
    }
    s.push('"');
    s
}

/// A TOML multi-line basic string. The newline after the opening `"""` is not part of the value;
/// long lines are broken after a space with a line-ending backslash, which TOML removes together
/// with the newline (and the leading whitespace of the next line, which is why the break is only
/// made before a character that is not whitespace).
fn multi_line_string(value: &str) -> String {
    let mut s = String::with_capacity(value.len() + 8);
    s.push_str("\"\"\"\n");
    let chars: Vec<char> = value.chars().collect();
    let mut column = 0;
    let mut quotes = 0;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '"' => {
                // Three quotes in a row would close the string, and so would a quote just
                // before the closing delimiter: escape those.
                quotes += 1;
                if quotes == 3 || next.is_none() {
                    s.push_str("\\\"");
                    quotes = 0;
                } else {
                    s.push('"');
                }
            }
            '\\' => s.push_str("\\\\"),
            '\n' => {
                s.push('\n');
                column = 0;
            }
            '\t' => s.push('\t'),
            c => escape_control(&mut s, c),
        }
        if c != '"' {
            quotes = 0;
        }
        if c != '\n' {
            column += 1;
        }
        if c == ' ' && column >= WRAP_AT && next.is_some_and(|n| !matches!(n, ' ' | '\t' | '\n')) {
            s.push_str("\\\n");
            column = 0;
            quotes = 0;
        }
    }
    s.push_str("\"\"\"");
    s
}

/// Pushes `c`, escaped as `\uXXXX` when TOML does not allow it raw (control characters, and
/// `\r`, which a parser may fold into a newline).
fn escape_control(s: &mut String, c: char) {
    if c.is_control() {
        let _ = write!(s, "\\u{:04X}", c as u32);
    } else {
        s.push(c);
    }
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
