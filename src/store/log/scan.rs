//! Splitting the bytes of a state file into records, bad lines and a torn tail.
//!
//! Pure: takes bytes, returns a [`Scan`]. Deciding what is fatal (load), what is listed (check)
//! and what is rewritten (repair) is left to the callers.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use serde::Deserialize;

use crate::core::ids::RecordId;
use crate::core::record::{RECORD_FORMAT, Record};

/// A last line with no newline that is not a record: a crash in the middle of an append.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TornTail {
    /// 1-based line number.
    pub line: usize,
    /// Byte offset where the torn line starts (the end of the last complete line).
    pub offset: u64,
    /// The torn bytes themselves.
    pub bytes: Vec<u8>,
    /// Where the bytes were copied before the log was truncated (only when opened for writing).
    pub set_aside: Option<PathBuf>,
}

impl fmt::Display for TornTail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {} is an unfinished record ({} bytes, probably from a crash while saving)",
            self.line,
            self.bytes.len()
        )?;
        if let Some(side) = &self.set_aside {
            write!(f, "; it was moved to {}", side.display())?;
        }
        Ok(())
    }
}

/// Why a line could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// Not JSON at all (garbage, half a line, binary).
    NotJson { detail: String },
    /// JSON, but not a record this prepdeck knows (missing field, unknown `type`, ...).
    NotRecord { detail: String },
    /// A record from a newer prepdeck.
    NewerFormat { version: u64 },
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineProblem::NotJson { detail } => write!(f, "not valid JSON ({detail})"),
            LineProblem::NotRecord { detail } => write!(f, "not a prepdeck record ({detail})"),
            LineProblem::NewerFormat { version } => write!(
                f,
                "record format {version} is newer than this prepdeck understands ({RECORD_FORMAT})"
            ),
        }
    }
}

/// A line that could not be read, with its 1-based number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub problem: LineProblem,
}

impl fmt::Display for BadLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

/// A record whose id already appeared earlier in the file; the first one is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateId {
    pub line: usize,
    pub first_line: usize,
    pub id: RecordId,
}

impl fmt::Display for DuplicateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {} repeats record id {} from line {}; the first is kept",
            self.line, self.id, self.first_line
        )
    }
}

/// Everything found in one pass over a state file.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Readable records, first of each id only, in file order.
    pub records: Vec<Record>,
    /// The byte range of each kept record's line (without its newline), parallel to `records`.
    pub kept_lines: Vec<Range<usize>>,
    pub bad: Vec<BadLine>,
    /// Byte ranges of the bad lines, parallel to `bad`.
    pub bad_lines: Vec<Range<usize>>,
    pub duplicates: Vec<DuplicateId>,
    pub torn: Option<TornTail>,
    /// The length the file should have: the end of the last complete line.
    pub complete_len: u64,
    /// The last complete line is a record without its newline; the next append adds it.
    pub missing_newline: bool,
}

impl Scan {
    pub fn is_clean(&self) -> bool {
        self.bad.is_empty() && self.duplicates.is_empty() && self.torn.is_none()
    }

    /// The first line that makes the file unusable, newer-format lines first: repair cannot
    /// help with those, an update can.
    pub fn first_fatal(&self) -> Option<&BadLine> {
        self.bad
            .iter()
            .find(|b| matches!(b.problem, LineProblem::NewerFormat { .. }))
            .or_else(|| self.bad.first())
    }
}

/// Just enough of a record to read its format version when the rest does not parse.
#[derive(Deserialize)]
struct VersionProbe {
    v: Option<u64>,
}

enum Parsed {
    Record(Box<Record>),
    Bad(LineProblem),
}

fn parse_line(bytes: &[u8]) -> Parsed {
    match serde_json::from_slice::<Record>(bytes) {
        Ok(record) if u64::from(record.v) > u64::from(RECORD_FORMAT) => {
            Parsed::Bad(LineProblem::NewerFormat {
                version: u64::from(record.v),
            })
        }
        Ok(record) => Parsed::Record(Box::new(record)),
        Err(err) => {
            if let Ok(VersionProbe { v: Some(version) }) = serde_json::from_slice(bytes)
                && version > u64::from(RECORD_FORMAT)
            {
                return Parsed::Bad(LineProblem::NewerFormat { version });
            }
            let detail = describe(&err);
            if err.is_data() {
                Parsed::Bad(LineProblem::NotRecord { detail })
            } else {
                Parsed::Bad(LineProblem::NotJson { detail })
            }
        }
    }
}

/// serde_json's message without its "at line 1 column N" suffix (our line numbers are the
/// file's, and the column is more useful on its own).
fn describe(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    match full.strip_suffix(&suffix) {
        Some(msg) if err.column() > 0 => format!("{msg}, at column {}", err.column()),
        Some(msg) => msg.to_string(),
        None => full,
    }
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Reads a whole state file. Never fails: every problem is recorded in the [`Scan`].
pub(crate) fn scan(bytes: &[u8]) -> Scan {
    let mut out = Scan {
        complete_len: bytes.len() as u64,
        ..Scan::default()
    };
    let mut first_line_of: std::collections::HashMap<RecordId, usize> = Default::default();
    let mut start = 0;
    let mut line_no = 0;
    while start < bytes.len() {
        line_no += 1;
        let (end, has_newline) = match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => (start + i, true),
            None => (bytes.len(), false),
        };
        let line = &bytes[start..end];
        let next = if has_newline { end + 1 } else { end };
        if is_blank(line) && has_newline {
            start = next;
            continue;
        }
        match parse_line(line) {
            Parsed::Record(record) => {
                out.missing_newline = !has_newline;
                if let Some(&first_line) = first_line_of.get(&record.id) {
                    out.duplicates.push(DuplicateId {
                        line: line_no,
                        first_line,
                        id: record.id.clone(),
                    });
                } else {
                    first_line_of.insert(record.id.clone(), line_no);
                    out.kept_lines.push(start..end);
                    out.records.push(*record);
                }
            }
            // A last line that was cut off is not JSON; anything else (valid JSON of the
            // wrong shape, a newer format) was written whole and is not a crash artefact.
            Parsed::Bad(LineProblem::NotJson { .. }) if !has_newline => {
                out.complete_len = start as u64;
                out.torn = Some(TornTail {
                    line: line_no,
                    offset: start as u64,
                    bytes: line.to_vec(),
                    set_aside: None,
                });
            }
            Parsed::Bad(problem) => {
                out.bad.push(BadLine {
                    line: line_no,
                    problem,
                });
                out.bad_lines.push(start..end);
            }
        }
        start = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const R1: &str = r#"{"v":1,"id":"a","at":"2026-01-02T03:04:05Z","type":"undo","target":"x"}"#;
    const R2: &str = r#"{"v":1,"id":"b","at":"2026-01-02T03:04:06Z","type":"undo","target":"y"}"#;

    #[test]
    fn clean_file() {
        let s = scan(format!("{R1}\n{R2}\n").as_bytes());
        assert_eq!(s.records.len(), 2);
        assert!(s.is_clean());
        assert!(!s.missing_newline);
    }

    #[test]
    fn empty_and_blank_lines() {
        assert!(scan(b"").records.is_empty());
        let s = scan(format!("\n{R1}\n\n  \n{R2}\n").as_bytes());
        assert_eq!(s.records.len(), 2);
        assert!(s.is_clean());
    }

    #[test]
    fn torn_tail_is_set_apart_not_bad() {
        let text = format!("{R1}\n{}", &R2[..20]);
        let s = scan(text.as_bytes());
        assert_eq!(s.records.len(), 1);
        assert!(s.bad.is_empty());
        let torn = s.torn.unwrap();
        assert_eq!(torn.line, 2);
        assert_eq!(torn.offset, (R1.len() + 1) as u64);
        assert_eq!(torn.bytes, &R2.as_bytes()[..20]);
        assert_eq!(s.complete_len, torn.offset);
    }

    #[test]
    fn whole_last_record_without_newline_is_kept() {
        let s = scan(format!("{R1}\n{R2}").as_bytes());
        assert_eq!(s.records.len(), 2);
        assert!(s.missing_newline);
        assert!(s.torn.is_none());
    }

    #[test]
    fn garbage_in_the_middle_is_bad_with_line_number() {
        let s = scan(format!("{R1}\n{{oops\n{R2}\n").as_bytes());
        assert_eq!(s.records.len(), 2);
        assert_eq!(s.bad.len(), 1);
        assert_eq!(s.bad[0].line, 2);
        assert!(matches!(s.bad[0].problem, LineProblem::NotJson { .. }));
    }

    #[test]
    fn unknown_type_and_newer_version() {
        let unknown = r#"{"v":1,"id":"c","at":"2026-01-02T03:04:05Z","type":"teleport"}"#;
        let newer = r#"{"v":2,"id":"d","at":"2026-01-02T03:04:05Z","type":"hologram"}"#;
        let s = scan(format!("{unknown}\n{newer}\n").as_bytes());
        assert!(matches!(s.bad[0].problem, LineProblem::NotRecord { .. }));
        assert_eq!(s.bad[1].problem, LineProblem::NewerFormat { version: 2 });
        assert_eq!(s.first_fatal().unwrap().line, 2);
        // Valid JSON without a newline is not torn: it was written whole.
        let s = scan(unknown.as_bytes());
        assert!(s.torn.is_none());
        assert_eq!(s.bad.len(), 1);
    }

    #[test]
    fn duplicates_keep_the_first() {
        let r1b = R1.replace("\"x\"", "\"z\"");
        let s = scan(format!("{R1}\n{R2}\n{r1b}\n").as_bytes());
        assert_eq!(s.records.len(), 2);
        assert_eq!(s.duplicates.len(), 1);
        assert_eq!(s.duplicates[0].line, 3);
        assert_eq!(s.duplicates[0].first_line, 1);
    }
}
