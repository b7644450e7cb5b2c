//! Anki's "Notes in Plain Text" export (`.txt`): `#key:value` header lines, then one note per
//! row, separated as `#separator` says and quoted like CSV.
//!
//! Headers read: `#separator`, `#html`, `#columns`, `#tags column`, `#notetype column`,
//! `#deck column`, `#guid column`, and the fixed `#deck`, `#tags` and `#notetype`. Fields are
//! converted from HTML when `#html:true`; cloze notes are asked with the deletions blanked.

use super::csv::{Field, check_card, field_named, records, sniff_delimiter};
use super::{ImportedCard, Parsed, cloze, html};

/// Marks where prepdeck's Anki export appended guidance, key points and follow-ups to the
/// answer, so that a re-import can keep the answer apart from them.
pub const EXTRA_MARKER: &str = "<hr id=\"prepdeck-extra\">";

const KNOWN: &[&str] = &[
    "separator",
    "html",
    "columns",
    "tags column",
    "notetype column",
    "deck column",
    "guid column",
    "notetype",
    "deck",
    "tags",
    "if matches",
];

/// True when the text starts with an Anki header line such as `#separator:tab`.
pub fn has_headers(text: &str) -> bool {
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix('#'))
        .and_then(|l| l.split_once(':'))
        .is_some_and(|(k, _)| KNOWN.contains(&k.trim().to_lowercase().as_str()))
}

#[derive(Debug, Default)]
struct Headers {
    separator: Option<u8>,
    html: Option<bool>,
    columns: Option<String>,
    tags_column: Option<usize>,
    deck_column: Option<usize>,
    /// Columns that hold no field (notetype, guid).
    other_columns: Vec<usize>,
    deck: Option<String>,
    tags: Vec<String>,
}

fn read_headers(text: &str, parsed: &mut Parsed) -> Headers {
    let mut h = Headers::default();
    for (i, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = rest.split_once(':') else {
            continue;
        };
        let key = key.trim().to_lowercase();
        let line_no = i + 1;
        let column = |parsed: &mut Parsed| match value.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Some(n - 1),
            _ => {
                parsed.notes.push(format!(
                    "line {line_no}: `#{key}:{}` is not a column number; ignored",
                    value.trim()
                ));
                None
            }
        };
        match key.as_str() {
            "separator" => {
                h.separator = separator(value);
                if h.separator.is_none() {
                    parsed.notes.push(format!(
                        "line {line_no}: unknown separator `{}`; guessing from the first row",
                        value.trim()
                    ));
                }
            }
            "html" => h.html = Some(value.trim().eq_ignore_ascii_case("true")),
            "columns" => h.columns = Some(value.to_string()),
            "tags column" => h.tags_column = column(parsed),
            "deck column" => h.deck_column = column(parsed),
            "notetype column" | "guid column" => h.other_columns.extend(column(parsed)),
            "deck" => h.deck = Some(value.trim().to_string()).filter(|d| !d.is_empty()),
            "tags" => h.tags = value.split_whitespace().map(str::to_string).collect(),
            "notetype" | "if matches" => {}
            _ => parsed.notes.push(format!(
                "line {line_no}: unknown header `#{}`; ignored",
                key
            )),
        }
    }
    h
}

fn separator(value: &str) -> Option<u8> {
    if value == " " {
        return Some(b' ');
    }
    match value.trim().to_lowercase().as_str() {
        "tab" | "\t" => Some(b'\t'),
        "comma" | "," => Some(b','),
        "semicolon" | ";" => Some(b';'),
        "pipe" | "|" => Some(b'|'),
        "space" => Some(b' '),
        "colon" | ":" => Some(b':'),
        _ => None,
    }
}

/// The text after the header lines, and the line it starts at.
fn body(text: &str) -> (&str, usize) {
    let mut rest = text;
    let mut line = 1;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
        line += 1;
    }
    (rest, line)
}

fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<br", "<div", "<p>", "<b>", "<i>", "<span", "<img", "&nbsp;", "&amp;", "&lt;",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

/// Parses an Anki plain-text export.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let h = read_headers(text, &mut parsed);
    let (body_text, body_line) = body(text);
    let sep = h
        .separator
        .unwrap_or_else(|| sniff_delimiter(body_text, b"\t;,|"));
    let is_html = h.html.unwrap_or_else(|| looks_like_html(body_text));
    let rows = records(body_text, sep, body_line, &mut parsed);
    let width = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let special: Vec<usize> = h
        .tags_column
        .iter()
        .chain(&h.deck_column)
        .chain(&h.other_columns)
        .copied()
        .collect();
    let fields: Vec<usize> = (0..width.max(2 + special.len()))
        .filter(|i| !special.contains(i))
        .collect();
    let (q_col, a_col, g_col) = field_columns(&h, sep, &fields);
    for (line, row) in &rows {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(q) = row.get(q_col) else {
            parsed.skip(*line, too_few(row.len(), q_col + 1));
            continue;
        };
        let plain = |s: &str| convert(s, is_html);
        let question = plain(q);
        let answer_raw = row.get(a_col).map(String::as_str);
        let (mut answer, mut guidance) = split_extra(answer_raw.unwrap_or(""), is_html);
        if let Some(g) = g_col.and_then(|i| row.get(i)).map(|s| plain(s))
            && !g.is_empty()
        {
            guidance = Some(match guidance {
                Some(before) => format!("{g}\n\n{before}"),
                None => g,
            });
        }
        let question = if cloze::has_cloze(&question) {
            let revealed = cloze::reveal(&question);
            answer = match answer.trim() {
                "" => revealed,
                extra => format!("{revealed}\n\n{}", cloze::reveal(extra)),
            };
            cloze::blank(&question)
        } else {
            if answer_raw.is_none() {
                parsed.skip(*line, too_few(row.len(), a_col + 1));
                continue;
            }
            answer = cloze::reveal(&answer);
            cloze::reveal(&question)
        };
        let mut tags: Vec<String> = h.tags.clone();
        if let Some(t) = h.tags_column.and_then(|i| row.get(i)) {
            tags.extend(t.split_whitespace().map(str::to_string));
        }
        let deck = h
            .deck_column
            .and_then(|i| row.get(i))
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty())
            .or_else(|| h.deck.clone());
        check_card(
            &mut parsed,
            ImportedCard {
                line: *line,
                question,
                answer,
                guidance: guidance.filter(|g| !g.trim().is_empty()),
                category: deck.map(|d| category_title(&d)),
                tags,
                kind: None,
            },
        );
    }
    parsed
}

fn too_few(found: usize, needed: usize) -> String {
    format!("too few columns: found {found}, expected at least {needed} (question and answer)")
}

/// Which columns hold the question, the answer and (optionally) guidance: by the names of
/// `#columns` when they say, else the first two field columns.
fn field_columns(h: &Headers, sep: u8, fields: &[usize]) -> (usize, usize, Option<usize>) {
    let positional = (
        fields.first().copied().unwrap_or(0),
        fields.get(1).copied().unwrap_or(1),
        None,
    );
    let Some(cols) = &h.columns else {
        return positional;
    };
    let names: Vec<&str> = cols.split(char::from(sep)).collect();
    let find = |f: Field| {
        names
            .iter()
            .position(|n| field_named(n) == Some(f))
            .filter(|i| fields.contains(i))
    };
    match (find(Field::Question), find(Field::Answer)) {
        (Some(q), Some(a)) => (q, a, find(Field::Guidance)),
        _ => positional,
    }
}

/// A field as plain text: HTML converted when the file says fields are HTML, Anki's sound
/// references dropped.
fn convert(field: &str, is_html: bool) -> String {
    let text = if is_html {
        html::to_text(field)
    } else {
        field.trim().to_string()
    };
    drop_sounds(&text).trim().to_string()
}

/// The answer, and the extras prepdeck's own export appended after [`EXTRA_MARKER`].
fn split_extra(field: &str, is_html: bool) -> (String, Option<String>) {
    if is_html {
        let lower = field.to_ascii_lowercase();
        if let Some(i) = lower.find("<hr id=\"prepdeck-extra\"") {
            let after = field[i..].find('>').map_or("", |j| &field[i + j + 1..]);
            return (convert(&field[..i], true), Some(convert(after, true)));
        }
    }
    (convert(field, is_html), None)
}

fn drop_sounds(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("[sound:") {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// An Anki deck name as a category title: `Interview::Networking` -> `Interview / Networking`.
fn category_title(deck: &str) -> String {
    deck.split("::")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
#[path = "anki_tests.rs"]
mod tests;
