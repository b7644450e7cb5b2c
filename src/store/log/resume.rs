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

/// A 128-bit hash (XXH3) of the file's first bytes: running, or only known (the file was
/// found unchanged since a cache recorded the hash), or unknown until read again (appended to
/// after that).
pub(super) enum Digest {
    Running(Box<Xxh3Default>),
    Known(u128),
    Unknown,
}

impl Digest {
    pub(super) fn new() -> Digest {
        Digest::Running(Box::new(Xxh3Default::new()))
    }

    pub(super) fn update(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        match self {
            Digest::Running(h) => h.update(bytes),
            Digest::Known(_) | Digest::Unknown => *self = Digest::Unknown,
        }
    }

    /// The hash, unless it has to be read again.
    pub(super) fn value(&self) -> Option<u128> {
        match self {
            Digest::Running(h) => Some(h.digest128()),
            Digest::Known(v) => Some(*v),
            Digest::Unknown => None,
        }
    }
}

impl std::fmt::Debug for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.value() {
            Some(v) => write!(f, "Digest({v:032x})"),
            None => f.write_str("Digest(unknown)"),
        }
    }
}

/// The hash of the first `len` bytes of `file`, read in pieces (a long log is not held in
/// memory for it).
pub(super) fn hash_prefix(file: &File, len: u64) -> std::io::Result<u128> {
    use std::os::unix::fs::FileExt;
    let mut digest = Xxh3Default::new();
    let mut buf = vec![0u8; 1 << 18];
    let mut at = 0u64;
    while at < len {
        let want = usize::try_from(len - at)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let n = file.read_at(&mut buf[..want], at)?;
        if n == 0 {
            return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
        }
        digest.update(&buf[..n]);
        at += n as u64;
    }
    Ok(digest.digest128())
}

/// What the file system says of a file, which changes whenever its bytes do: any write sets
/// its modification and change times, and the change time cannot be set back (a backup
/// restored, an editor's save, `touch -d` all change it). Used to skip hashing a long log that
/// nothing touched since the cache was saved; when it differs, the bytes are hashed as before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    pub mtime: (i64, i64),
    pub ctime: (i64, i64),
}

/// A stamp is only trusted when the file had not changed for this long when it was taken: a
/// file system keeps times in coarse ticks, so a write right after (in the same tick) could
/// leave the times as they were.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(1);

/// On a file system that keeps times finer than a second (the stamp has a sub-second part), a
/// tick is the kernel's coarse clock, at most 10 ms (HZ of 100 or more): a stamp this old is
/// past its tick. See [`FileStamp::quiet`].
const SETTLED_FINE: std::time::Duration = std::time::Duration::from_millis(100);

impl FileStamp {
    /// The file's stamp, when it is settled (see [`SETTLED`]).
    pub(super) fn settled(file: &File) -> Option<FileStamp> {
        FileStamp::of(file).filter(FileStamp::is_settled)
    }

    /// The file's stamp once a write can no longer share a tick of its times: [`SETTLED`]
    /// after it last changed, or [`SETTLED_FINE`] on a file system that keeps sub-second
    /// times. For a file this process holds locked since it last read or wrote it (so what it
    /// knows is what the file holds, and no other prepdeck writes before it lets go): any later
    /// write changes the stamp.
    pub(super) fn quiet(file: &File) -> Option<FileStamp> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        FileStamp::of(file).filter(|s| s.is_quiet_at(now))
    }

    /// Whether this stamp is past its tick at `now` (since the Unix epoch): see
    /// [`FileStamp::quiet`].
    fn is_quiet_at(&self, now: std::time::Duration) -> bool {
        let (Ok(secs), Ok(nanos)) = (u64::try_from(self.ctime.0), u32::try_from(self.ctime.1))
        else {
            return false;
        };
        let fine = self.ctime.1 != 0 || self.mtime.1 != 0;
        now.checked_sub(std::time::Duration::new(secs, nanos))
            .is_some_and(|age| age >= if fine { SETTLED_FINE } else { SETTLED })
    }

    /// Whether the file had not changed for [`SETTLED`] when this stamp was taken.
    pub(crate) fn is_settled(&self) -> bool {
        let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) else {
            return false;
        };
        let (Ok(secs), Ok(nanos)) = (u64::try_from(self.ctime.0), u32::try_from(self.ctime.1))
        else {
            return false;
        };
        now.checked_sub(std::time::Duration::new(secs, nanos))
            .is_some_and(|d| d >= SETTLED)
    }

    pub(super) fn of(file: &File) -> Option<FileStamp> {
        Some(FileStamp::of_metadata(&file.metadata().ok()?))
    }

    pub(crate) fn of_metadata(m: &std::fs::Metadata) -> FileStamp {
        use std::os::unix::fs::MetadataExt;
        FileStamp {
            dev: m.dev(),
            ino: m.ino(),
            len: m.size(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        }
    }
}

/// When the file starts with the bytes `known` describes: their hash, and the rest of the
/// file. `None` when it does not (shorter, or different). A file whose stamp is the one
/// `known` recorded with the same length is not read at all.
pub(super) fn read_after(
    path: &Path,
    file: &mut File,
    known: &LogPrefix,
) -> Result<Option<(Digest, Vec<u8>)>, StoreError> {
    let err = |e| StoreError::io(path, "read", e);
    if let Some(stamp) = known.stamp
        && stamp.len == known.len
        && FileStamp::of(file) == Some(stamp)
    {
        return Ok(Some((Digest::Known(known.digest), Vec::new())));
    }
    let size = file.metadata().map_err(err)?.len();
    if size < known.len {
        return Ok(None);
    }
    let mut digest = Xxh3Default::new();
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
    if digest.digest128() != known.digest {
        return Ok(None);
    }
    drop(buf);
    let tail = read_rest(path, file)?;
    Ok(Some((Digest::Running(Box::new(digest)), tail)))
}

/// The ids and records of a tail that can be taken as it is: every line a record, complete,
/// none repeating an id of the prefix or of the tail.
pub(super) fn clean_tail(known: &LogPrefix, tail: &[u8]) -> Option<(KnownIds, Vec<Record>)> {
    if tail.is_empty() {
        // Nothing to check against the known ids: they are made into a set when first needed.
        return Some((
            KnownIds::deferred(known.id_hashes.clone(), known.count),
            Vec::new(),
        ));
    }
    let known_hashes = known.id_hashes.get()?;
    let found = scan(tail);
    if !found.is_clean() || found.missing_newline || found.complete_len != tail.len() as u64 {
        return None;
    }
    let mut hashes: FastSet<u64> = FastSet::default();
    hashes.reserve(known_hashes.len() + found.records.len());
    hashes.extend(known_hashes.iter().copied());
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

    use std::sync::Arc;

    use super::super::{IdHashes, Opened, StateLog, retry_while_locked};
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
            let mut hashes = p.id_hashes.get().unwrap().to_vec();
            hashes.sort_unstable();
            p.id_hashes = IdHashes::new(Arc::new(hashes));
            // Taken at different times: one may be settled, the other not.
            p.stamp = None;
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

    /// A log whose stamp is the one the prefix recorded is not read (here the recorded hash is
    /// wrong on purpose, and the log still resumes); one whose stamp changed is hashed.
    #[test]
    fn a_settled_stamp_spares_the_hash_and_a_changed_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.jsonl");
        let (mut log, _) = StateLog::open(&path).unwrap();
        for n in 0..3 {
            let (body, at) = bury(n);
            log.append(body, at).unwrap();
        }
        let good = log.prefix().unwrap();
        assert_eq!(
            good.stamp, None,
            "a stamp taken right after a write is not settled"
        );
        let stamp = log.stamp();
        drop(log);
        let trusted = LogPrefix {
            digest: good.digest ^ 1,
            stamp,
            ..good.clone()
        };
        let (_, opened) = retry_while_locked(|| StateLog::open_resuming(&path, &trusted)).unwrap();
        assert!(matches!(opened, Opened::Resumed(ref t) if t.is_empty()));
        // The same with any part of the stamp different: hashed, and the wrong hash tells.
        let mut other = stamp.unwrap();
        other.ctime.1 ^= 1;
        let changed = LogPrefix {
            stamp: Some(other),
            ..trusted.clone()
        };
        let (_, opened) = retry_while_locked(|| StateLog::open_resuming(&path, &changed)).unwrap();
        assert!(matches!(opened, Opened::Full(_)));
        let honest = LogPrefix {
            stamp: Some(other),
            ..good
        };
        let (_, opened) = retry_while_locked(|| StateLog::open_resuming(&path, &honest)).unwrap();
        assert!(matches!(opened, Opened::Resumed(ref t) if t.is_empty()));
    }

    /// A stamp is quiet a tenth of a second after the file last changed when its times have a
    /// sub-second part, a second after when they are whole seconds.
    #[test]
    fn a_stamp_is_quiet_once_past_its_tick() {
        use std::time::Duration;
        let stamp = |secs: i64, nanos: i64| FileStamp {
            dev: 1,
            ino: 2,
            len: 3,
            mtime: (secs, nanos),
            ctime: (secs, nanos),
        };
        let at = |secs: u64, millis: u64| Duration::new(secs, 0) + Duration::from_millis(millis);
        let fine = stamp(1_000, 250_000_000);
        assert!(!fine.is_quiet_at(at(1_000, 250)));
        assert!(!fine.is_quiet_at(at(1_000, 340)));
        assert!(fine.is_quiet_at(at(1_000, 350)));
        // Whole seconds: the file system's tick may be a second.
        let coarse = stamp(1_000, 0);
        assert!(!coarse.is_quiet_at(at(1_000, 500)));
        assert!(!coarse.is_quiet_at(at(1_000, 999)));
        assert!(coarse.is_quiet_at(at(1_001, 0)));
        // A change time after now (the clock went back): not quiet.
        assert!(!fine.is_quiet_at(at(999, 0)));
        // A real file, right after a write: not quiet yet.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"x").unwrap();
        let file = File::open(&path).unwrap();
        let now = FileStamp::of(&file).unwrap();
        let written = Duration::new(now.ctime.0 as u64, now.ctime.1 as u32);
        assert!(!now.is_quiet_at(written + Duration::from_millis(50)));
        assert!(now.is_quiet_at(written + SETTLED));
    }

    /// A stamp is settled a second after the file last changed, not before.
    #[test]
    fn a_stamp_is_settled_only_after_a_second() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"x").unwrap();
        let file = File::open(&path).unwrap();
        assert_eq!(FileStamp::settled(&file), None);
        std::thread::sleep(SETTLED + std::time::Duration::from_millis(50));
        assert_eq!(FileStamp::settled(&file), FileStamp::of(&file));
        assert!(FileStamp::of(&file).is_some());
    }
}
