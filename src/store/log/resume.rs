//! Opening the log after a known prefix: checking that the file still starts with the bytes
//! a cache was made from, and taking the records after them when they need no warning.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use xxhash_rust::xxh3::Xxh3Default;

use super::LogPrefix;
use super::files::read_rest;
use super::known_ids::{KnownIds, id_hash};
use super::scan::scan;
use crate::core::fast_hash::FastSet;
use crate::core::record::Record;
use crate::store::error::StoreError;

/// A running 128-bit hash (XXH3) of the bytes of the file.
pub(super) struct Digest(Box<Xxh3Default>);

impl Digest {
    pub(super) fn new() -> Digest {
        Digest(Box::new(Xxh3Default::new()))
    }

    pub(super) fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    pub(super) fn value(&self) -> u128 {
        self.0.digest128()
    }
}

impl std::fmt::Debug for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Digest({:032x})", self.value())
    }
}

/// When the file starts with the bytes `known` describes: their running hash, and the rest
/// of the file. `None` when it does not (shorter, or different).
pub(super) fn read_after(
    path: &Path,
    file: &mut File,
    known: &LogPrefix,
) -> Result<Option<(Digest, Vec<u8>)>, StoreError> {
    let err = |e| StoreError::io(path, "read", e);
    let size = file.metadata().map_err(err)?.len();
    if size < known.len {
        return Ok(None);
    }
    let mut digest = Digest::new();
    let mut buf = vec![0u8; 1 << 18];
    let mut left = known.len;
    while left > 0 {
        let want = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
        let n = file.read(&mut buf[..want]).map_err(err)?;
        if n == 0 {
            return Ok(None);
        }
        digest.update(&buf[..n]);
        left -= n as u64;
    }
    if digest.value() != known.digest {
        return Ok(None);
    }
    drop(buf);
    let tail = read_rest(path, file)?;
    Ok(Some((digest, tail)))
}

/// The ids and records of a tail that can be taken as it is: every line a record, complete,
/// none repeating an id of the prefix or of the tail.
pub(super) fn clean_tail(known: &LogPrefix, tail: &[u8]) -> Option<(KnownIds, Vec<Record>)> {
    let found = scan(tail);
    if !found.is_clean() || found.missing_newline || found.complete_len != tail.len() as u64 {
        return None;
    }
    let mut hashes: FastSet<u64> = FastSet::default();
    hashes.reserve(known.id_hashes.len() + found.records.len());
    hashes.extend(known.id_hashes.iter().copied());
    if hashes.len() != known.count {
        return None;
    }
    for r in &found.records {
        // A hash already known may be a repeated id: the whole file decides.
        if !hashes.insert(id_hash(&r.id)) {
            return None;
        }
    }
    let ids = KnownIds::from_hashes(hashes, known.count + found.records.len());
    Some((ids, found.records))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::super::{Opened, StateLog, retry_while_locked};
    use super::*;
    use crate::core::ids::{CardId, DeckId};
    use crate::core::record::RecordBody;

    fn bury(n: i64) -> (RecordBody, DateTime<chrono::Utc>) {
        let at = DateTime::from_timestamp(1_700_000_000 + n, 0).unwrap();
        let body = RecordBody::Bury {
            deck: DeckId::new("d"),
            card: CardId::new(format!("c{n}")),
            until: at,
        };
        (body, at)
    }

    #[test]
    fn a_resumed_log_knows_its_prefix_and_appends_where_a_full_open_would() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.jsonl");
        let (mut log, _) = StateLog::open(&path).unwrap();
        let mut first = vec![];
        for n in 0..5 {
            let (body, at) = bury(n);
            first.push(log.append(body, at).unwrap());
        }
        let prefix = log.prefix().unwrap();
        let (body, at) = bury(5);
        let sixth = log.append(body, at).unwrap();
        drop(log);

        let (mut log, opened) =
            retry_while_locked(|| StateLog::open_resuming(&path, &prefix)).unwrap();
        let Opened::Resumed(tail) = opened else {
            panic!("not resumed");
        };
        assert_eq!(tail, vec![sixth.clone()]);
        assert_eq!(log.record_count(), 6);
        assert!(log.contains(&first[2].id) && log.contains(&sixth.id));
        let (body, at) = bury(6);
        let seventh = log.append(body, at).unwrap();
        // The running hash follows the appends: a prefix taken now matches a full open's.
        let resumed_prefix = log.prefix().unwrap();
        drop(log);
        let (log, report) = retry_while_locked(|| StateLog::open(&path)).unwrap();
        let sorted = |mut p: LogPrefix| {
            p.id_hashes.sort_unstable();
            p
        };
        assert_eq!(sorted(resumed_prefix), sorted(log.prefix().unwrap()));
        let mut all = first.clone();
        all.push(sixth);
        all.push(seventh);
        assert_eq!(report.records, all);
        assert_eq!(log.read_back().unwrap(), all);
    }

    #[test]
    fn a_log_that_does_not_start_with_the_prefix_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.jsonl");
        let (mut log, _) = StateLog::open(&path).unwrap();
        for n in 0..3 {
            let (body, at) = bury(n);
            log.append(body, at).unwrap();
        }
        let prefix = log.prefix().unwrap();
        drop(log);
        let text = std::fs::read_to_string(&path).unwrap();
        // Same length, one byte different; then shorter; then a torn tail after the prefix.
        let changed = text.replacen("\"c1\"", "\"c9\"", 1);
        let torn = format!("{text}{{\"v\":1,\"id");
        for (bytes, torn_tail) in [
            (changed, false),
            (text[..text.len() / 2].to_string(), true),
            (torn, true),
        ] {
            std::fs::write(&path, &bytes).unwrap();
            let (_, opened) =
                retry_while_locked(|| StateLog::open_resuming(&path, &prefix)).unwrap();
            let Opened::Full(report) = opened else {
                panic!("resumed from a prefix the file does not start with");
            };
            assert_eq!(report.torn.is_some(), torn_tail);
        }
    }
}
