//! Which record ids the log holds, without keeping a copy of each.

use std::fs::File;
use std::hash::Hasher;
use std::io::{Read, Seek, SeekFrom};
use std::sync::{Arc, OnceLock};

use crate::core::fast_hash::{FastHasher, FastSet};
use crate::core::ids::RecordId;
use crate::core::record::Record;
use crate::store::log::scan::scan;

/// The ids in the log. Opening a log of 100,000 records should not copy 100,000 ids (that was
/// a third of the time to open it), so only a 64-bit hash of each is kept; the ids themselves
/// are read back from the file the first time an exact answer is needed and a hash matches
/// (merging a copy of the same log, say).
#[derive(Debug, Default)]
pub(super) struct KnownIds {
    /// The hashes as a resumed open took them over (from a cache), made into `set` the first
    /// time one is looked up: a start that only shows the home screen never builds the set
    /// (a million entries at a million records).
    loaded: Arc<Vec<u64>>,
    set: OnceLock<FastSet<u64>>,
    /// Distinct records in the log.
    pub(super) count: usize,
    exact: OnceLock<FastSet<RecordId>>,
}

impl KnownIds {
    pub(super) fn of(records: &[Record]) -> KnownIds {
        let mut hashes = FastSet::default();
        hashes.reserve(records.len());
        hashes.extend(records.iter().map(|r| id_hash(&r.id)));
        KnownIds::from_hashes(hashes, records.len())
    }

    /// The ids whose hashes are `hashes`, `count` distinct records.
    pub(super) fn from_hashes(hashes: FastSet<u64>, count: usize) -> KnownIds {
        KnownIds {
            loaded: Arc::default(),
            set: OnceLock::from(hashes),
            count,
            exact: OnceLock::new(),
        }
    }

    /// The ids whose hashes are `hashes` (distinct), `count` distinct records; the set is made
    /// when first needed.
    pub(super) fn deferred(hashes: Arc<Vec<u64>>, count: usize) -> KnownIds {
        KnownIds {
            loaded: hashes,
            set: OnceLock::new(),
            count,
            exact: OnceLock::new(),
        }
    }

    pub(super) fn hashes(&self) -> &FastSet<u64> {
        self.set
            .get_or_init(|| self.loaded.iter().copied().collect())
    }

    /// Every hash, without making the set.
    pub(super) fn hash_list(&self) -> Arc<Vec<u64>> {
        match self.set.get() {
            Some(set) => Arc::new(set.iter().copied().collect()),
            None => Arc::clone(&self.loaded),
        }
    }

    pub(super) fn might_contain(&self, id: &RecordId) -> bool {
        self.hashes().contains(&id_hash(id))
    }

    /// `file` is the log's own, `len` bytes long: while we hold its lock it holds exactly our
    /// ids.
    pub(super) fn contains(&self, file: &File, len: u64, id: &RecordId) -> bool {
        self.might_contain(id) && self.exact.get_or_init(|| ids_in(file, len)).contains(id)
    }

    pub(super) fn insert(&mut self, id: RecordId) {
        self.hashes();
        self.loaded = Arc::default();
        let new = self
            .set
            .get_mut()
            .is_some_and(|set| set.insert(id_hash(&id)));
        if !new && self.contains_exactly(&id) {
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

pub(super) fn id_hash(id: &RecordId) -> u64 {
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
pub(super) fn read_own(file: &File, len: u64) -> std::io::Result<Vec<u8>> {
    let mut file = file;
    file.seek(SeekFrom::Start(0))?;
    let mut bytes = Vec::new();
    file.take(len).read_to_end(&mut bytes)?;
    Ok(bytes)
}
