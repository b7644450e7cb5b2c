//! CSV and TSV files: an optional header row naming the columns, then one card per row.
//!
//! Quoting follows RFC 4180 (the `csv` crate): quoted fields may hold separators, doubled
//! quotes and newlines. Without a header the columns are question, answer, category, tags,
//! guidance; rows whose width differs from most rows are skipped, since a stray separator would
//! otherwise shift text into the wrong field.

use std::collections::HashMap;

use super::{ImportedCard, Parsed};

/// One record: its first line and its fields.
pub(super) type Record = (usize, Vec<String>);

/// The records of delimited text whose first line is line `first_line` of the file.
/// A record the reader cannot decode ends the file with a skipped-row report.
pub(super) fn records(text: &str, sep: u8, first_line: usize, parsed: &mut Parsed) -> Vec<Record> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let offset = first_line.saturating_sub(1);
    let mut out = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = offset + record.position().map_or(0, |p| p.line() as usize);
                out.push((line, record.iter().map(str::to_string).collect()));
            }
            Err(e) => {
                let line = offset + e.position().map_or(0, |p| p.line() as usize);
                parsed.skip(line, format!("cannot read this row: {e}"));
                break;
            }
        }
    }
    out
}

/// The separator among `candidates` that the first line uses most (outside quotes); the first
/// candidate when none appears.
pub(super) fn sniff_delimiter(text: &str, candidates: &[u8]) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts: HashMap<u8, usize> = HashMap::new();
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && candidates.contains(&b) {
            *counts.entry(b).or_default() += 1;
        }
    }
    let default = candidates.first().copied().unwrap_or(b',');
    candidates
        .iter()
        .copied()
        .filter(|c| counts.get(c).is_some_and(|&n| n > 0))
        .max_by_key(|c| {
            (
                counts.get(c).copied().unwrap_or(0),
                usize::MAX - position(candidates, *c),
            )
        })
        .unwrap_or(default)
}

fn position(list: &[u8], b: u8) -> usize {
    list.iter().position(|&x| x == b).unwrap_or(list.len())
}

/// The fields a column can feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    Question,
    Answer,
    Category,
    Tags,
    Guidance,
    Kind,
}

/// The field a header cell names, if any.
pub(super) fn field_named(name: &str) -> Option<Field> {
    let n = name.trim().to_lowercase();
    Some(match n.as_str() {
        "question" | "questions" | "q" | "front" | "prompt" | "text" => Field::Question,
        "answer" | "answers" | "a" | "back" | "response" | "model answer" => Field::Answer,
        "category" | "section" | "topic" | "deck" => Field::Category,
        "tags" | "tag" | "labels" => Field::Tags,
        "guidance" | "notes" | "note" | "hint" | "hints" | "extra" | "back extra" => {
            Field::Guidance
        }
        "kind" | "type" => Field::Kind,
        _ => return None,
    })
}

/// Column positions of each field.
#[derive(Clone, Debug, Default)]
pub(super) struct Columns(pub Vec<(Field, usize)>);

impl Columns {
    fn get(&self, f: Field) -> Option<usize> {
        self.0.iter().find(|(x, _)| *x == f).map(|(_, i)| *i)
    }

    /// The number of fields a row needs to hold the question and the answer.
    pub(super) fn needed(&self) -> usize {
        [Field::Question, Field::Answer]
            .iter()
            .filter_map(|f| self.get(*f))
            .max()
            .map_or(2, |i| i + 1)
    }

    /// The card in a row (checks of blank text are left to [`check_card`]).
    pub(super) fn card(&self, line: usize, row: &[String]) -> ImportedCard {
        let cell = |f: Field| {
            self.get(f)
                .and_then(|i| row.get(i))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        ImportedCard {
            line,
            question: cell(Field::Question).unwrap_or_default(),
            answer: cell(Field::Answer).unwrap_or_default(),
            guidance: cell(Field::Guidance),
            category: cell(Field::Category),
            tags: cell(Field::Tags)
                .map(|t| {
                    t.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            kind: cell(Field::Kind),
        }
    }
}

const NO_HEADER: [Field; 5] = [
    Field::Question,
    Field::Answer,
    Field::Category,
    Field::Tags,
    Field::Guidance,
];

/// Parses CSV (`sep` = `,` or `;`) or TSV (`sep` = tab).
pub fn parse(text: &str, sep: u8) -> Parsed {
    let mut parsed = Parsed::default();
    let rows = records(text, sep, 1, &mut parsed);
    let Some((first_line, first)) = rows.first() else {
        return parsed;
    };
    let named: Vec<Option<Field>> = first.iter().map(|c| field_named(c)).collect();
    // One-letter names (`q`, `a`) count only beside the other one: `a,b` is a row of data.
    let both = named.contains(&Some(Field::Question)) && named.contains(&Some(Field::Answer));
    let long_name = named
        .iter()
        .zip(first)
        .any(|(f, c)| f.is_some() && c.trim().chars().count() > 1);
    let is_header = both || long_name;
    let (columns, width, body) = if is_header {
        let mut cols = Columns::default();
        for (i, (f, name)) in named.iter().zip(first).enumerate() {
            match f {
                Some(f) if cols.get(*f).is_none() => cols.0.push((*f, i)),
                Some(_) => parsed.notes.push(format!(
                    "line {first_line}: column {} (`{}`) repeats a column; it is not used",
                    i + 1,
                    name.trim()
                )),
                None => parsed.notes.push(format!(
                    "line {first_line}: column {} (`{}`) is not a column prepdeck knows; it is not used",
                    i + 1,
                    name.trim()
                )),
            }
        }
        for (f, name) in [(Field::Question, "question"), (Field::Answer, "answer")] {
            if cols.get(f).is_none() {
                parsed.skip(
                    *first_line,
                    format!("the header row has no {name} column (name one `{name}`)"),
                );
                return parsed;
            }
        }
        (cols, first.len(), &rows[1..])
    } else {
        let cols = Columns(NO_HEADER.iter().enumerate().map(|(i, f)| (*f, i)).collect());
        let width = usual_width(&rows);
        if width > NO_HEADER.len() {
            parsed.notes.push(format!(
                "rows have {width} columns; without a header row only the first {} are used \
                 (question, answer, category, tags, guidance)",
                NO_HEADER.len()
            ));
        }
        (cols, width, &rows[..])
    };
    for (line, row) in body {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if row.len() < columns.needed() {
            parsed.skip(
                *line,
                format!(
                    "too few columns: found {}, expected at least {} (question and answer)",
                    row.len(),
                    columns.needed()
                ),
            );
            continue;
        }
        let w = width;
        if row.len() != w && !(is_header && row.len() < w) {
            let what = if is_header {
                "the header row has"
            } else {
                "most rows have"
            };
            parsed.skip(
                *line,
                format!(
                    "wrong number of columns: found {}, but {what} {w} (a separator inside a field needs quotes)",
                    row.len()
                ),
            );
            continue;
        }
        check_card(&mut parsed, columns.card(*line, row));
    }
    parsed
}

/// The most common row width (the widest on a tie).
fn usual_width(rows: &[Record]) -> usize {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for (_, r) in rows {
        if !r.iter().all(|c| c.trim().is_empty()) {
            *counts.entry(r.len()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(w, n)| (*n, *w))
        .map_or(0, |(w, _)| w)
}

/// Keeps the card if it has a question and an answer; reports it otherwise.
pub(super) fn check_card(parsed: &mut Parsed, card: ImportedCard) {
    if card.question.trim().is_empty() {
        parsed.skip(card.line, "empty question");
    } else if card.answer.trim().is_empty() {
        parsed.skip(card.line, "empty answer");
    } else {
        parsed.cards.push(card);
    }
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
