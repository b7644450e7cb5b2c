//! Splitting the bytes of a state file into records, bad lines and a torn tail.
//!
//! Pure: takes bytes, returns a [`Scan`]. Deciding what is fatal (load), what is listed (check)
//! and what is rewritten (repair) is left to the callers.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use chrono::SecondsFormat;
use serde::Deserialize;

use crate::core::fast_hash::FastMap;
use crate::core::ids::RecordId;
use crate::core::record::{RECORD_FORMAT, Record, RecordBody};
use crate::core::schedule::{SUPPORTED_YEARS, is_supported_time};

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
#[derive(Debug, Default, PartialEq)]
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

/// The one rule for a record that parsed, whichever reader parsed it (the fast reader for
/// the common lines, serde for the rest): a record of a newer format is refused (never
/// written after), and so is one whose times are outside [`SUPPORTED_YEARS`] (the scheduler
/// adds to them; such a time is damage, set aside by `state repair`).
fn accept(record: Record) -> Parsed {
    if u64::from(record.v) > u64::from(RECORD_FORMAT) {
        return Parsed::Bad(LineProblem::NewerFormat {
            version: u64::from(record.v),
        });
    }
    let until = match &record.body {
        RecordBody::Bury { until, .. } => Some(("until", *until)),
        _ => None,
    };
    for (field, t) in std::iter::once(("at", record.at)).chain(until) {
        if !is_supported_time(t) {
            return Parsed::Bad(LineProblem::NotRecord {
                detail: format!(
                    "`{field}` is {}, outside the years {} to {} that prepdeck accepts",
                    t.to_rfc3339_opts(SecondsFormat::AutoSi, true),
                    SUPPORTED_YEARS.start(),
                    SUPPORTED_YEARS.end()
                ),
            });
        }
    }
    Parsed::Record(Box::new(record))
}

fn parse_line(bytes: &[u8]) -> Parsed {
    match serde_json::from_slice::<Record>(bytes) {
        Ok(record) => accept(record),
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

/// The record on one line (without its newline), read as [`scan`] reads it (the fast reader,
/// then serde, then [`accept`]'s rule); `None` for a line that is not a record [`scan`] keeps.
pub(crate) fn parse_one(line: &[u8]) -> Option<Record> {
    // The fast reader takes a line only when nothing but spaces follow its record.
    let fast = std::str::from_utf8(line)
        .ok()
        .and_then(super::fast::parse_record_line);
    let parsed = match fast {
        Some((record, _)) => accept(record),
        None => parse_line(line),
    };
    match parsed {
        Parsed::Record(record) => Some(*record),
        Parsed::Bad(_) => None,
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

/// Files smaller than this are read on one thread: starting a thread would cost more.
const PARALLEL_FROM: usize = 1 << 20;

/// Reads a whole state file. Never fails: every problem is recorded in the [`Scan`].
///
/// Large files are cut at line boundaries into one piece per core (at most four), read in
/// parallel, and joined in file order: the result is the same as one pass over the lines.
pub(crate) fn scan(bytes: &[u8]) -> Scan {
    scan_pieces(bytes, &pieces(bytes))
}

fn scan_pieces(bytes: &[u8], pieces: &[Range<usize>]) -> Scan {
    let parts: Vec<Part> = if pieces.len() <= 1 {
        vec![scan_part(bytes, 0..bytes.len())]
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = pieces
                .iter()
                .skip(1)
                .map(|range| {
                    let range = range.clone();
                    s.spawn(move || scan_part(bytes, range))
                })
                .collect();
            let mut parts = vec![scan_part(bytes, pieces[0].clone())];
            for (h, range) in handles.into_iter().zip(pieces.iter().skip(1)) {
                // A panic in a reader thread is a bug; read that piece here instead of failing.
                parts.push(h.join().unwrap_or_else(|_| scan_part(bytes, range.clone())));
            }
            parts
        })
    };
    join(bytes, parts)
}

/// Byte ranges that each start at the beginning of a line and end just after a newline (the
/// last one at the end of the file).
fn pieces(bytes: &[u8]) -> Vec<Range<usize>> {
    if bytes.len() < PARALLEL_FROM {
        return std::iter::once(0..bytes.len()).collect();
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let mut out = Vec::with_capacity(threads);
    let mut start = 0;
    for k in 1..threads {
        let target = (bytes.len() * k / threads).max(start);
        let Some(nl) = bytes[target..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let end = target + nl + 1;
        out.push(start..end);
        start = end;
    }
    out.push(start..bytes.len());
    out
}

/// What one piece of the file holds; line numbers are counted from the piece's start.
#[derive(Default)]
struct Part {
    records: Vec<Record>,
    kept_lines: Vec<Range<usize>>,
    /// The line number of each record, parallel to `records`.
    record_lines: Vec<usize>,
    bad: Vec<BadLine>,
    bad_lines: Vec<Range<usize>>,
    torn: Option<TornTail>,
    lines: usize,
    missing_newline: bool,
}

fn scan_part(bytes: &[u8], range: Range<usize>) -> Part {
    let mut out = Part {
        records: Vec::with_capacity(range.len() / 128),
        kept_lines: Vec::with_capacity(range.len() / 128),
        record_lines: Vec::with_capacity(range.len() / 128),
        ..Part::default()
    };
    // UTF-8 is checked once for the piece; a piece that is not UTF-8 is read by serde alone.
    let text = std::str::from_utf8(&bytes[range.clone()]).ok();
    let mut start = range.start;
    let mut line_no = 0;
    while start < range.end {
        line_no += 1;
        let rest = &bytes[start..range.end];
        // The common line, read directly; anything else goes through serde below.
        let fast = text
            .and_then(|t| t.get(start - range.start..))
            .and_then(super::fast::parse_record_line)
            .and_then(|(record, len)| match accept(record) {
                Parsed::Record(record) => Some((*record, len)),
                // Refused by the rule: serde reads the line again below and reports it.
                Parsed::Bad(_) => None,
            });
        if let Some((record, len)) = fast {
            let end = start + len;
            let has_newline = end < range.end;
            out.missing_newline = !has_newline;
            out.kept_lines.push(start..end);
            out.records.push(record);
            out.record_lines.push(line_no);
            start = if has_newline { end + 1 } else { end };
            continue;
        }
        let (end, has_newline) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (start + i, true),
            None => (range.end, false),
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
                out.kept_lines.push(start..end);
                out.records.push(*record);
                out.record_lines.push(line_no);
            }
            // A last line that was cut off is not JSON; anything else (valid JSON of the
            // wrong shape, a newer format) was written whole and is not a crash artefact.
            Parsed::Bad(LineProblem::NotJson { .. }) if !has_newline => {
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
    out.lines = line_no;
    out
}

/// Joins the pieces in file order: line numbers continue, and of records with the same id
/// only the first is kept (the others are listed as duplicates).
fn join(bytes: &[u8], parts: Vec<Part>) -> Scan {
    let mut out = Scan {
        complete_len: bytes.len() as u64,
        ..Scan::default()
    };
    let total: usize = parts.iter().map(|p| p.records.len()).sum();
    let mut record_lines = Vec::new();
    let mut base = 0;
    for (i, mut part) in parts.into_iter().enumerate() {
        if i == 0 {
            // The first piece's vectors become the result: only the others are copied.
            out.records = std::mem::take(&mut part.records);
            out.kept_lines = std::mem::take(&mut part.kept_lines);
            record_lines = std::mem::take(&mut part.record_lines);
            out.records.reserve_exact(total - out.records.len());
            out.kept_lines.reserve_exact(total - out.kept_lines.len());
            record_lines.reserve_exact(total - record_lines.len());
        } else {
            out.records.append(&mut part.records);
            out.kept_lines.append(&mut part.kept_lines);
            record_lines.extend(part.record_lines.iter().map(|l| l + base));
        }
        out.bad.extend(part.bad.into_iter().map(|b| BadLine {
            line: b.line + base,
            ..b
        }));
        out.bad_lines.append(&mut part.bad_lines);
        if let Some(mut torn) = part.torn {
            torn.line += base;
            out.complete_len = torn.offset;
            out.torn = Some(torn);
        }
        // Only the last piece can end without a newline.
        out.missing_newline = part.missing_newline;
        base += part.lines;
    }

    let mut first_line_of: FastMap<&str, usize> = FastMap::default();
    first_line_of.reserve(out.records.len());
    let mut duplicate = Vec::new();
    for (i, (record, &line)) in out.records.iter().zip(&record_lines).enumerate() {
        if let Some(&first_line) = first_line_of.get(record.id.as_str()) {
            duplicate.push(i);
            out.duplicates.push(DuplicateId {
                line,
                first_line,
                id: record.id.clone(),
            });
        } else {
            first_line_of.insert(record.id.as_str(), line);
        }
    }
    drop(first_line_of);
    if !duplicate.is_empty() {
        let mut keep = vec![true; out.records.len()];
        for i in duplicate {
            keep[i] = false;
        }
        let mut k = keep.iter();
        out.records.retain(|_| k.next().copied().unwrap_or(true));
        let mut k = keep.iter();
        out.kept_lines.retain(|_| k.next().copied().unwrap_or(true));
    }
    out
}

#[cfg(test)]
#[path = "scan_tests.rs"]
mod tests;
