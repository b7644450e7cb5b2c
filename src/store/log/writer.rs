//! [`StateLog`]: the one writer of the state file.
//!
//! Holds the OS lock for its whole life and appends records durably: a record is on disk
//! (written, flushed, `sync_data`) before `append` returns it. A failed append leaves the
//! file exactly as it was.

use std::fs::File;
use std::hash::Hasher;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};

use crate::core::fast_hash::{FastHasher, FastSet};
use crate::core::ids::RecordId;
use crate::core::record::{Record, RecordBody};
use crate::store::error::StoreError;
use crate::store::log::files::{open_locked, read_unlocked, write_side_file};
use crate::store::log::scan::scan;
use crate::store::log::{LoadReport, into_load, refuse_fatal};

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
}

impl StateLog {
    /// Opens (creating it, 0600, in 0700 folders, if missing) and locks the state file, and
    /// loads every record. A torn last line is copied to `<file>.torn-<unix-time>` and cut off
    /// the log. A damaged or newer-format file is refused and left untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<(StateLog, LoadReport), StoreError> {
        let path = path.as_ref();
        let Some((file, bytes)) = open_locked(path, true)? else {
            // open_locked only returns None when not asked to create.
            return Err(StoreError::io(
                path,
                "open",
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        };
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
        let log = StateLog {
            path: path.to_path_buf(),
            file,
            len,
            missing_newline,
            ids,
            poisoned: false,
        };
        Ok((log, report))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Number of distinct records in the log.
    pub fn record_count(&self) -> usize {
        self.ids.count
    }

    pub fn contains(&self, id: &RecordId) -> bool {
        self.ids.contains(&self.path, id)
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
            if self.ids.contains(&self.path, &record.id) || !new_ids.insert(record.id.clone()) {
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

    /// `path` is the log's own file: while we hold its lock it holds exactly our ids.
    fn contains(&self, path: &Path, id: &RecordId) -> bool {
        self.might_contain(id) && self.exact.get_or_init(|| ids_in(path)).contains(id)
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
fn ids_in(path: &Path) -> FastSet<RecordId> {
    match read_unlocked(path) {
        Ok(Some(bytes)) => scan(&bytes).records.into_iter().map(|r| r.id).collect(),
        _ => FastSet::default(),
    }
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
