//! Importing cards from other tools: CSV/TSV spreadsheets, Anki's "Notes in Plain Text" export
//! and Markdown question/answer files.
//!
//! Pure: every function takes the file's bytes or text and returns values (cards, skipped rows
//! with their line numbers and reasons); reading the file and writing the deck is the command's
//! job. Parsers never panic on any input (property-tested).

mod anki;
mod build;
mod cloze;
mod csv;
mod html;
mod markdown;
mod slug;

#[cfg(test)]
mod tests;

pub use anki::EXTRA_MARKER as ANKI_EXTRA_MARKER;
pub use build::{BuildOptions, DEFAULT_CATEGORY, build_deck, build_deck_with_warnings};
pub use slug::slugify;

/// Files larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// One card as read from the file, before ids are made and text is sanitized.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedCard {
    /// 1-based line where the card's row or block starts.
    pub line: usize,
    pub question: String,
    pub answer: String,
    pub guidance: Option<String>,
    /// A category title (a column, an Anki deck name or a Markdown heading).
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// A kind named by a column (checked when the deck is built).
    pub kind: Option<String>,
}

/// A row or block that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// What a parser found in a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub cards: Vec<ImportedCard>,
    pub skipped: Vec<Skipped>,
    /// Things worth saying that skip nothing ("column `notes` is not used").
    pub notes: Vec<String>,
    /// A deck title found in the file (a Markdown `# Title` above the `##` sections).
    pub title: Option<String>,
}

impl Parsed {
    fn skip(&mut self, line: usize, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            line,
            reason: reason.into(),
        });
    }
}

/// The formats prepdeck reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-, semicolon- or tab-separated values (the separator byte).
    Delimited(u8),
    /// Anki's "Notes in Plain Text" export (`#separator:` headers).
    Anki,
    /// `Q:` / `A:` blocks under optional headings.
    Markdown,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Delimited(b'\t') => "tab-separated values",
            Format::Delimited(b';') => "semicolon-separated values",
            Format::Delimited(_) => "comma-separated values",
            Format::Anki => "Anki plain-text notes",
            Format::Markdown => "Markdown Q/A",
        }
    }
}

/// Why a file cannot be read as text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("the file is too large to import (over {} MiB)", MAX_IMPORT_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the file is not text (it holds NUL bytes, so it looks like a binary file)")]
    Binary,
    #[error(
        "the file is not UTF-8 text (first bad byte at line {line}); save it as UTF-8 and try again"
    )]
    NotUtf8 { line: usize },
}

/// The text of an imported file: UTF-8 (a byte-order mark is dropped) or UTF-16 with a
/// byte-order mark (spreadsheets' "Unicode text" export).
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(DecodeError::TooLarge);
    }
    let utf16 = match bytes {
        [0xff, 0xfe, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xfe, 0xff, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    let text = match utf16 {
        Some((rest, from)) => {
            let units = rest.chunks_exact(2).map(|c| from([c[0], c[1]]));
            char::decode_utf16(units)
                .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        }
        None => {
            let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            match std::str::from_utf8(body) {
                Ok(s) => s.to_string(),
                Err(e) => {
                    if body.contains(&0) {
                        return Err(DecodeError::Binary);
                    }
                    let valid = &body[..e.valid_up_to()];
                    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                    return Err(DecodeError::NotUtf8 { line });
                }
            }
        }
    };
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

/// The format of a file, from its name's extension and its first lines.
pub fn detect(file_name: &str, text: &str) -> Format {
    if anki::has_headers(text) {
        return Format::Anki;
    }
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" => Format::Markdown,
        "tsv" | "tab" => Format::Delimited(b'\t'),
        "csv" => Format::Delimited(csv::sniff_delimiter(text, b",;\t")),
        _ if markdown::looks_like(text) => Format::Markdown,
        _ => Format::Delimited(csv::sniff_delimiter(text, b"\t,;")),
    }
}

/// Reads the cards of a file in the given format.
pub fn parse(format: Format, text: &str) -> Parsed {
    match format {
        Format::Delimited(sep) => csv::parse(text, sep),
        Format::Anki => anki::parse(text),
        Format::Markdown => markdown::parse(text),
    }
}
