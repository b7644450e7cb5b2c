//! [`StateLog`]: the one writer of the state file.
//!
//! Holds the OS lock for its whole life and appends records durably: a record is on disk
//! (written, flushed, `sync_data`) before `append` returns it. A failed append leaves the
//! file exactly as it was.

use std::fs::File;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::core::fast_hash::FastSet;
use crate::core::ids::RecordId;
use crate::core::record::{Record, RecordBody};
use crate::store::error::StoreError;
use crate::store::log::files::{IfMissing, open_locked_unread, read_rest, write_side_file};
use crate::store::log::known_ids::{IdHashes, KnownIds, read_own};
use crate::store::log::resume::{Digest, FileStamp, clean_tail, hash_prefix, read_after};
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

/// The state file opened (created if missing) and locked, nothing read yet: a start compares
/// its stamp with a cache's before it reads anything, and opens the log from it later.
#[derive(Debug)]
pub struct LockedLog {
    path: PathBuf,
    file: File,
}

impl LockedLog {
    /// Opens and locks the state file as [`StateLog::open`] does.
    pub fn open(path: impl AsRef<Path>) -> Result<LockedLog, StoreError> {
        let path = path.as_ref();
        Ok(LockedLog {
            path: path.to_path_buf(),
            file: open_for_writing(path)?,
        })
    }

    /// The file's stamp now (see [`FileStamp`]).
    pub fn stamp(&self) -> Option<FileStamp> {
        FileStamp::of(&self.file)
    }
}

impl StateLog {
    /// Opens (creating it, 0600, in 0700 folders, if missing) and locks the state file, and
    /// loads every record. A torn last line is copied to `<file>.torn-<unix-time>` and cut off
    /// the log. A damaged or newer-format file is refused and left untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<(StateLog, LoadReport), StoreError> {
        StateLog::open_locked(LockedLog::open(path)?)
    }

    /// [`StateLog::open`] of a file already locked.
    pub fn open_locked(locked: LockedLog) -> Result<(StateLog, LoadReport), StoreError> {
        let LockedLog { path, mut file } = locked;
        let bytes = read_rest(&path, &mut file)?;
        StateLog::open_read(&path, file, bytes)
    }

    /// [`StateLog::open`], reading only what follows `known` when the file starts with exactly
    /// the bytes `known` describes (a cache of what they replay to, say).
    pub fn open_resuming(
        path: impl AsRef<Path>,
        known: &LogPrefix,
    ) -> Result<(StateLog, Opened), StoreError> {
        StateLog::open_resuming_locked(LockedLog::open(path)?, known)
    }

    /// [`StateLog::open_resuming`] of a file already locked.
    pub fn open_resuming_locked(
        locked: LockedLog,
        known: &LogPrefix,
    ) -> Result<(StateLog, Opened), StoreError> {
        let LockedLog { path, mut file } = locked;
        let path = path.as_path();
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
        let digest = match self.digest.value() {
            Some(d) => d,
            None => hash_prefix(&self.file, self.len).ok()?,
        };
        Some(LogPrefix {
            len: self.len,
            digest,
            stamp: FileStamp::settled(&self.file).filter(|s| s.len == self.len),
            id_hashes: IdHashes::new(self.ids.hash_list()?),
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

    /// The records `keep` accepts, in file order, without holding the others in memory (a
    /// million records read back whole took ~600 MB). Only lines that contain `needle` (or an
    /// escape) are parsed: every record `keep` accepts must have `needle` in its line as
    /// prepdeck writes it, say a card's or a record's id in quotes. A file whose lines are not
    /// exactly its distinct records (a repeated id, a blank line) is read back whole instead,
    /// so the first record of an id is the one kept, as [`StateLog::read_back`] keeps it.
    pub fn read_back_where(
        &self,
        needle: &str,
        keep: &dyn Fn(&Record) -> bool,
    ) -> Result<Vec<Record>, StoreError> {
        let found = super::matching::read_where(&self.file, self.len, needle, keep)
            .map_err(|e| StoreError::io(&self.path, "read", e))?;
        if found.lines == self.ids.count && !found.unreadable {
            return Ok(found.records);
        }
        Ok(self.read_back()?.into_iter().filter(|r| keep(r)).collect())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes ready what the first append needs (the set of known ids), so that it is not made
    /// while a key waits.
    pub fn warm_up(&self) {
        self.ids.warm_up();
    }

    /// The file's stamp now (see [`FileStamp`]).
    pub fn stamp(&self) -> Option<FileStamp> {
        FileStamp::of(&self.file)
    }

    /// The file's stamp when it is past its tick ([`FileStamp::quiet`]: this log holds the
    /// lock) and holds exactly what this log knows of (so a cache made from what it knows may
    /// be recognised by it). On the way out right after a grade it is usually there already: a
    /// tenth of a second after the last write on a file system with sub-second times.
    pub fn settled_stamp(&self) -> Option<FileStamp> {
        if self.poisoned || self.missing_newline {
            return None;
        }
        FileStamp::quiet(&self.file).filter(|s| s.len == self.len)
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
        // drawing again is always safe. (When the known hashes could not be read, every id
        // may be known: the ids read from the file tell.)
        while self.ids.might_contain(&id) && self.ids.contains(&self.file, self.len, &id) {
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
        crate::core::json::to_vec(record).map_err(|source| StoreError::Encode {
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

/// Opens (creating if missing) and locks the log file.
fn open_for_writing(path: &Path) -> Result<File, StoreError> {
    // open_locked_unread only returns None when not asked to create.
    open_locked_unread(path, IfMissing::Create)?.ok_or_else(|| {
        StoreError::io(
            path,
            "open",
            std::io::Error::from(std::io::ErrorKind::NotFound),
        )
    })
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
