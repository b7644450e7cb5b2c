//! Reading back some records of the log without holding the others: what an undo or a record
//! out of time order needs (one card's records) at a million reviews, where reading the whole
//! log back took ~600 MB.
//!
//! The file is read a piece at a time; only lines that contain a given text (a card's id, a
//! record's id) or an escape are parsed. That is exact for records whose line must contain
//! the text unless it was written with escapes (see [`StateLog::read_back_where`]).

use std::fs::File;
use std::ops::Range;
use std::os::unix::fs::FileExt;

use memchr::memmem;

use super::scan::parse_one;
use crate::core::record::Record;

/// How much of the file is read at once (little in tests, to cross pieces).
const PIECE: usize = if cfg!(test) { 1 << 12 } else { 1 << 22 };

/// What [`read_where`] found: the records `keep` accepts, in file order, and how many lines
/// the file has (a blank line or a repeated id makes it more than its distinct records).
pub(super) struct Found {
    pub records: Vec<Record>,
    pub lines: usize,
    /// A candidate line was not a record (only a torn or damaged file has one).
    pub unreadable: bool,
}

/// The records among the file's first `len` bytes that `keep` accepts, parsing only lines
/// that contain `needle` or a backslash.
pub(super) fn read_where(
    file: &File,
    len: u64,
    needle: &str,
    keep: &dyn Fn(&Record) -> bool,
) -> std::io::Result<Found> {
    let finder = memmem::Finder::new(needle.as_bytes());
    let mut found = Found {
        records: Vec::new(),
        lines: 0,
        unreadable: false,
    };
    let mut buf: Vec<u8> = Vec::with_capacity(PIECE);
    let mut at = 0u64;
    loop {
        // `buf` holds the unfinished last line of the piece before; fill up after it.
        let kept = buf.len();
        let want = usize::try_from(len - at).unwrap_or(usize::MAX).min(PIECE);
        buf.resize(kept + want, 0);
        let mut filled = kept;
        while filled < buf.len() {
            let n = file.read_at(&mut buf[filled..], at)?;
            if n == 0 {
                return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
            }
            filled += n;
            at += n as u64;
        }
        let last = at >= len;
        // Complete lines only, but the whole rest at the end of the file.
        let end = if last {
            buf.len()
        } else {
            memchr::memrchr(b'\n', &buf).map_or(0, |i| i + 1)
        };
        take_lines(&buf[..end], &finder, keep, &mut found);
        if last {
            if end > 0 && buf[end - 1] != b'\n' {
                found.lines += 1;
            }
            return Ok(found);
        }
        buf.drain(..end);
    }
}

/// The lines of `bytes` (complete ones, each ending with a newline, and perhaps an unfinished
/// last one) that hold `needle` or a backslash, parsed and kept as `keep` says.
fn take_lines(
    bytes: &[u8],
    finder: &memmem::Finder<'_>,
    keep: &dyn Fn(&Record) -> bool,
    found: &mut Found,
) {
    found.lines += memchr::memchr_iter(b'\n', bytes).count();
    let mut candidates: Vec<usize> = finder.find_iter(bytes).collect();
    candidates.extend(memchr::memchr_iter(b'\\', bytes));
    candidates.sort_unstable();
    let mut done: Option<Range<usize>> = None;
    for hit in candidates {
        if done.as_ref().is_some_and(|d| d.contains(&hit)) {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..hit]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[hit..]).map_or(bytes.len(), |i| hit + i);
        done = Some(start..end + 1);
        let line = &bytes[start..end];
        match parse_one(line) {
            Some(record) if keep(&record) => found.records.push(record),
            Some(_) => {}
            None => found.unreadable = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::super::{StateLog, retry_while_locked};
    use super::*;
    use crate::core::ids::{CardId, DeckId, RecordId};
    use crate::core::record::RecordBody;

    fn suspend(card: &str) -> RecordBody {
        RecordBody::Suspend {
            deck: DeckId::new("d"),
            card: CardId::new(card),
        }
    }

    fn of_card(card: &str) -> impl Fn(&Record) -> bool + '_ {
        move |r| matches!(&r.body, RecordBody::Suspend { card: c, .. } if c.as_str() == card)
    }

    /// What is read back is what reading the whole log and keeping the card's records gives:
    /// across pieces, with a card whose id is a prefix of others', with a line written with an
    /// escape, and with lines that are not distinct records (read whole then).
    #[test]
    fn reads_back_exactly_the_records_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.jsonl");
        let at = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        // Enough lines for several pieces (written at once: an append each would sync each).
        let records: Vec<Record> = (0..2_000)
            .map(|n| {
                let id = RecordId::new(format!("r{n}"));
                Record::new(id, at, suspend(&format!("c{}", n % 13)))
            })
            .collect();
        let (mut log, _) = StateLog::open(&path).unwrap();
        log.append_records(&records).unwrap();
        drop(log);
        // Written by another tool: the card's id with an escape (the line has no `"c1"`).
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(
            r#"{"v":1,"id":"by-hand","at":"2026-01-01T00:00:00Z","type":"suspend","deck":"d","card":"\u00631"}"#,
        );
        text.push('\n');
        std::fs::write(&path, &text).unwrap();
        let check = |want_whole: bool| {
            let (log, _) = retry_while_locked(|| StateLog::open(&path)).unwrap();
            let all = log.read_back().unwrap();
            for card in ["c1", "c12", "c7", "none"] {
                let want: Vec<Record> = all.iter().filter(|r| of_card(card)(r)).cloned().collect();
                assert_eq!(
                    log.read_back_where(&format!("\"{card}\""), &of_card(card))
                        .unwrap(),
                    want
                );
            }
            let file = File::open(&path).unwrap();
            let len = file.metadata().unwrap().len();
            let found = read_where(&file, len, "\"c1\"", &of_card("c1")).unwrap();
            assert_eq!(found.lines != all.len(), want_whole);
            assert!(found.records.iter().any(|r| r.id.as_str() == "by-hand"));
        };
        check(false);
        // A repeated id (the first record is the one that counts) and a blank line.
        let first = text.lines().next().unwrap().replace("\"c0\"", "\"c1\"");
        std::fs::write(&path, format!("{text}\n{first}\n")).unwrap();
        check(true);
    }
}
