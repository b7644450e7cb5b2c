//! [`StateLog`]: the one writer of the state file.
//!
//! Holds the OS lock for its whole life and appends records durably: a record is on disk
//! (written, flushed, `sync_data`) before `append` returns it. A failed append leaves the
//! file exactly as it was.

use std::fs::File;
use std::hash::Hasher;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use xxhash_rust::xxh3::Xxh3Default;

use crate::core::fast_hash::{FastHasher, FastSet};
use crate::core::ids::RecordId;
use crate::core::record::{Record, RecordBody};
use crate::store::error::StoreError;
use crate::store::log::files::{open_locked_unread, write_side_file};
use crate::store::log::scan::scan;
use crate::store::log::{LoadReport, LogPrefix, into_load, refuse_fatal};

/// The state file, open for appending, locked against other prepdeck instances.
#[derive(Debug)]
pub struct StateLog {
    path: PathBuf,
    file: File,
    /// Length of the file as we wrote it: appends go here, failed appends are cut back to it.
    len: u64,
    /// The last record has no newline yet (written by hand or by another tool).
    missing_newline: bool,
    ids: KnownIds,
    /// A failed append could not be undone: further appends could glue onto a partial line.
    poisoned: bool,
    /// A running hash of the file's first `len` bytes (for [`StateLog::prefix`]).
    digest: Digest,
}

/// How [`StateLog::open_resuming`] found the file.
#[derive(Debug)]
pub enum Opened {
    /// Everything was read: the file did not start with the known prefix (or had none).
    Full(LoadReport),
    /// The file starts with exactly the known prefix; these are the records after it, in file
    /// order. Only a tail with nothing to warn about is returned this way: anything unusual in
    /// it (a bad or torn line, a repeated id) reads the whole file, so the messages are the
    /// same as from [`StateLog::open`].
    Resumed(Vec<Record>),
}

impl StateLog {
    /// Opens (creating it, 0600, in 0700 folders, if missing) and locks the state file, and
    /// loads every record. A torn last line is copied to `<file>.torn-<unix-time>` and cut off
    /// the log. A damaged or newer-format file is refused and left untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<(StateLog, LoadReport), StoreError> {
        let path = path.as_ref();
        let mut file = open_for_writing(path)?;
        let bytes = read_rest(path, &mut file)?;
        StateLog::open_read(path, file, bytes)
    }

    /// [`StateLog::open`], reading only what follows `known` when the file starts with exactly
    /// the bytes `known` describes (a cache of what they replay to, say).
    pub fn open_resuming(
        path: impl AsRef<Path>,
        known: &LogPrefix,
    ) -> Result<(StateLog, Opened), StoreError> {
        let path = path.as_ref();
        let mut file = open_for_writing(path)?;
        if let Some((digest, tail)) = read_after(path, &mut file, known)?
            && let Some((ids, records)) = clean_tail(known, &tail)
        {
            let mut digest = digest;
            digest.update(&tail);
            let log = StateLog {
                path: path.to_path_buf(),
                file,
                len: known.len + tail.len() as u64,
                missing_newline: false,
                ids,
                poisoned: false,
                digest,
            };
            return Ok((log, Opened::Resumed(records)));
        }
        file.seek(SeekFrom::Start(0))
            .map_err(|e| StoreError::io(path, "read", e))?;
        let bytes = read_rest(path, &mut file)?;
        let (log, report) = StateLog::open_read(path, file, bytes)?;
        Ok((log, Opened::Full(report)))
    }

    /// Opens the log from all of its `bytes`.
    fn open_read(
        path: &Path,
        file: File,
        bytes: Vec<u8>,
    ) -> Result<(StateLog, LoadReport), StoreError> {
        let mut found = scan(&bytes);
        // A damaged file is refused before anything is written, even the torn-tail set-aside.
        refuse_fatal(path, &found)?;
        if let Some(torn) = &mut found.torn {
            // Keep the torn bytes, then cut them off so the next append starts on a clean line.
            let side = write_side_file(path, "torn", &torn.bytes)?;
            file.set_len(found.complete_len)
                .and_then(|()| file.sync_data())
                .map_err(|e| StoreError::io(path, "set aside the unfinished last line of", e))?;
            torn.set_aside = Some(side);
        }
        let len = found.complete_len;
        let missing_newline = found.missing_newline;
        let report = into_load(path, found)?;
        let ids = KnownIds::of(&report.records);
        let mut digest = Digest::new();
        digest.update(bytes.get(..len as usize).unwrap_or(&bytes));
        let log = StateLog {
            path: path.to_path_buf(),
            file,
            len,
            missing_newline,
            ids,
            poisoned: false,
            digest,
        };
        Ok((log, report))
    }

    /// What the file holds now, for a cache to be checked against on the next open:
    /// `None` when the log cannot vouch for it (a failed append left it unsure, or the last line
    /// has no newline yet).
    pub fn prefix(&self) -> Option<LogPrefix> {
        if self.poisoned || self.missing_newline {
            return None;
        }
        Some(LogPrefix {
            len: self.len,
            digest: self.digest.value(),
            id_hashes: self.ids.hashes.iter().copied().collect(),
            count: self.ids.count,
        })
    }

    /// Every record in the file, read again (when the whole log is needed after a resumed
    /// open). We hold the lock: the file holds exactly what this log wrote and read.
    pub fn read_back(&self) -> Result<Vec<Record>, StoreError> {
        let bytes =
            read_own(&self.file, self.len).map_err(|e| StoreError::io(&self.path, "read", e))?;
        into_load(&self.path, scan(&bytes)).map(|r| r.records)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Number of distinct records in the log.
    pub fn record_count(&self) -> usize {
        self.ids.count
    }

    pub fn contains(&self, id: &RecordId) -> bool {
        self.ids.contains(&self.file, self.len, id)
    }

    /// Appends a new record with a fresh unique id, durably: when this returns `Ok`, the
    /// record is on disk.
    pub fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StoreError> {
        let mut id = new_record_id(now);
        // A fresh id has 64 random bits: a hash match is (practically) never a real one, and
        // drawing again is always safe.
        while self.ids.might_contain(&id) {
            id = new_record_id(now);
        }
        let record = Record::new(id, now, body);
        let mut line = self.encode(&record)?;
        line.push(b'\n');
        self.write_durably(line)?;
        self.ids.insert(record.id.clone());
        Ok(record)
    }

    /// Appends existing records (from another copy of the log) in one durable write, skipping
    /// ids already present. Returns how many were written. All or nothing.
    pub fn append_records(&mut self, records: &[Record]) -> Result<usize, StoreError> {
        let mut buf = Vec::new();
        let mut new_ids = FastSet::default();
        for record in records {
            if self.ids.contains(&self.file, self.len, &record.id)
                || !new_ids.insert(record.id.clone())
            {
                continue;
            }
            buf.extend(self.encode(record)?);
            buf.push(b'\n');
        }
        if new_ids.is_empty() {
            return Ok(0);
        }
        self.write_durably(buf)?;
        let added = new_ids.len();
        for id in new_ids {
            self.ids.insert(id);
        }
        Ok(added)
    }

    fn encode(&self, record: &Record) -> Result<Vec<u8>, StoreError> {
        serde_json::to_vec(record).map_err(|source| StoreError::Encode {
            path: self.path.clone(),
            source,
        })
    }

    /// Writes `lines` at the end of the log in one write and syncs. On failure, cuts the file
    /// back to its previous length so no partial line remains.
    fn write_durably(&mut self, lines: Vec<u8>) -> Result<(), StoreError> {
        if self.poisoned {
            return Err(StoreError::NeedsReopen {
                path: self.path.clone(),
            });
        }
        let buf = if self.missing_newline {
            let mut b = Vec::with_capacity(lines.len() + 1);
            b.push(b'\n');
            b.extend(lines);
            b
        } else {
            lines
        };
        let before = self.len;
        let written = self
            .file
            .seek(SeekFrom::Start(before))
            .and_then(|_| self.file.write_all(&buf))
            .and_then(|()| self.file.flush())
            .and_then(|()| self.file.sync_data());
        match written {
            Ok(()) => {
                self.len = before + buf.len() as u64;
                self.digest.update(&buf);
                self.missing_newline = false;
                Ok(())
            }
            Err(e) => {
                let err = StoreError::io(&self.path, "save to", e);
                let undone = self
                    .file
                    .set_len(before)
                    .and_then(|()| self.file.sync_data());
                // If even that failed, a partial line may remain: refuse further appends (they
                // would glue onto it). The next open sets it aside as a torn tail.
                self.poisoned = undone.is_err();
                Err(err)
            }
        }
    }
}

/// A running 128-bit hash (XXH3) of the bytes of the file.
struct Digest(Box<Xxh3Default>);

impl Digest {
    fn new() -> Digest {
        Digest(Box::new(Xxh3Default::new()))
    }

    fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn value(&self) -> u128 {
        self.0.digest128()
    }
}

impl std::fmt::Debug for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Digest({:032x})", self.value())
    }
}

/// Opens (creating if missing) and locks the log file.
fn open_for_writing(path: &Path) -> Result<File, StoreError> {
    // open_locked_unread only returns None when not asked to create.
    open_locked_unread(path, true)?.ok_or_else(|| {
        StoreError::io(
            path,
            "open",
            std::io::Error::from(std::io::ErrorKind::NotFound),
        )
    })
}

fn read_rest(path: &Path, file: &mut File) -> Result<Vec<u8>, StoreError> {
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, "read", e))?;
    Ok(bytes)
}

/// When the file starts with the bytes `known` describes: their running hash, and the rest
/// of the file. `None` when it does not (shorter, or different).
fn read_after(
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
fn clean_tail(known: &LogPrefix, tail: &[u8]) -> Option<(KnownIds, Vec<Record>)> {
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
    let ids = KnownIds {
        hashes,
        count: known.count + found.records.len(),
        exact: OnceLock::new(),
    };
    Some((ids, found.records))
}

/// The ids in the log. Opening a log of 100,000 records should not copy 100,000 ids (that was
/// a third of the time to open it), so only a 64-bit hash of each is kept; the ids themselves
/// are read back from the file the first time an exact answer is needed and a hash matches
/// (merging a copy of the same log, say).
#[derive(Debug, Default)]
struct KnownIds {
    hashes: FastSet<u64>,
    /// Distinct records in the log.
    count: usize,
    exact: OnceLock<FastSet<RecordId>>,
}

impl KnownIds {
    fn of(records: &[Record]) -> KnownIds {
        let mut hashes = FastSet::default();
        hashes.reserve(records.len());
        hashes.extend(records.iter().map(|r| id_hash(&r.id)));
        KnownIds {
            hashes,
            count: records.len(),
            exact: OnceLock::new(),
        }
    }

    fn might_contain(&self, id: &RecordId) -> bool {
        self.hashes.contains(&id_hash(id))
    }

    /// `file` is the log's own, `len` bytes long: while we hold its lock it holds exactly our
    /// ids.
    fn contains(&self, file: &File, len: u64, id: &RecordId) -> bool {
        self.might_contain(id) && self.exact.get_or_init(|| ids_in(file, len)).contains(id)
    }

    fn insert(&mut self, id: RecordId) {
        if !self.hashes.insert(id_hash(&id)) && self.contains_exactly(&id) {
            return;
        }
        self.count += 1;
        if let Some(exact) = self.exact.get_mut() {
            exact.insert(id);
        }
    }

    /// Only called with an id whose hash is known.
    fn contains_exactly(&mut self, id: &RecordId) -> bool {
        self.exact.get().is_some_and(|e| e.contains(id))
    }
}

fn id_hash(id: &RecordId) -> u64 {
    let mut h = FastHasher::default();
    h.write(id.as_str().as_bytes());
    h.write_usize(id.as_str().len());
    h.finish()
}

/// The ids of the records in the file. Unreadable means none known: the worst outcome is then
/// a duplicate line (which loading reports and skips), never a record left out.
fn ids_in(file: &File, len: u64) -> FastSet<RecordId> {
    match read_own(file, len) {
        Ok(bytes) => scan(&bytes).records.into_iter().map(|r| r.id).collect(),
        Err(_) => FastSet::default(),
    }
}

/// The first `len` bytes of the log, read through the handle that holds its lock (on Windows a
/// locked file cannot be read through another handle). Appends seek to their place first, so
/// moving the position here is harmless.
fn read_own(file: &File, len: u64) -> std::io::Result<Vec<u8>> {
    let mut file = file;
    file.seek(SeekFrom::Start(0))?;
    let mut bytes = Vec::new();
    file.take(len).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A new record id: the time in milliseconds (hex, so ids sort by time) and 64 random bits,
/// so two devices never pick the same id and merging stays a union.
fn new_record_id(now: DateTime<Utc>) -> RecordId {
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or(0);
    RecordId::new(format!("{millis:012x}-{:016x}", rand::random::<u64>()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{CardId, DeckId};
    use crate::store::log::retry_while_locked;

    fn bury(n: i64) -> (RecordBody, DateTime<Utc>) {
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

    #[test]
    fn ids_sort_by_time_and_differ() {
        let t1 = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let t2 = DateTime::from_timestamp(1_700_000_001, 0).unwrap();
        let a = new_record_id(t1);
        let b = new_record_id(t1);
        let c = new_record_id(t2);
        assert_ne!(a, b);
        assert!(a.as_str()[..12] < c.as_str()[..12]);
        assert_eq!(a.as_str().len(), 12 + 1 + 16);
    }
}
