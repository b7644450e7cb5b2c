//! Which record ids the log holds, without keeping a copy of each.

use std::fs::File;
use std::hash::Hasher;
use std::io::{Read, Seek, SeekFrom};
use std::sync::{Arc, OnceLock};

use crate::core::fast_hash::{FastHasher, FastSet};
use crate::core::ids::RecordId;
use crate::core::record::Record;
use crate::store::log::scan::scan;

/// Where [`IdHashes`] read their hashes from when first needed.
pub type HashSource = dyn Fn() -> Option<Vec<u64>> + Send + Sync;

/// The 64-bit hashes of a log's record ids in increasing order, as a cache keeps them: in
/// memory, or read when first needed (a million take 8 MB: a start need not wait for them).
#[derive(Clone)]
pub struct IdHashes {
    cell: Arc<OnceLock<Option<Arc<Vec<u64>>>>>,
    source: Option<Arc<HashSource>>,
}

impl IdHashes {
    pub fn new(hashes: Arc<Vec<u64>>) -> IdHashes {
        IdHashes {
            cell: Arc::new(OnceLock::from(Some(hashes))),
            source: None,
        }
    }

    /// Read from `source` when first needed.
    pub fn deferred(source: Arc<HashSource>) -> IdHashes {
        IdHashes {
            cell: Arc::new(OnceLock::new()),
            source: Some(source),
        }
    }

    /// The hashes, read now if they were not; `None` when they cannot be.
    pub fn get(&self) -> Option<&Arc<Vec<u64>>> {
        self.cell
            .get_or_init(|| self.source.as_ref().and_then(|s| s()).map(Arc::new))
            .as_ref()
    }
}

impl PartialEq for IdHashes {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for IdHashes {}

impl std::fmt::Debug for IdHashes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.cell.get() {
            None => f.write_str("IdHashes(not read yet)"),
            Some(None) => f.write_str("IdHashes(unreadable)"),
            Some(Some(h)) => write!(f, "IdHashes({} hashes)", h.len()),
        }
    }
}

/// The hashes of `records`' ids, in increasing order (for [`IdHashes`]).
pub fn hashes_of(records: &[Record]) -> Vec<u64> {
    let mut hashes: Vec<u64> = records.iter().map(|r| id_hash(&r.id)).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The ids in the log. Opening a log of 100,000 records should not copy 100,000 ids (that was
/// a third of the time to open it), so only a 64-bit hash of each is kept; the ids themselves
/// are read back from the file the first time an exact answer is needed and a hash matches
/// (merging a copy of the same log, say).
#[derive(Debug, Default)]
pub(super) struct KnownIds {
    /// The hashes a resumed open took over (from a cache, read when first needed), looked
    /// up by bisection once in increasing order (`base`): a million records keep their 8 MB
    /// and no set beside them (a set of a million hashes is another 20 MB or more).
    loaded: Option<IdHashes>,
    /// `None` when the hashes could not be read: then any id may be in the log, and only the
    /// ids read from the file tell.
    base: OnceLock<Option<Arc<Vec<u64>>>>,
    /// Every other hash: all of them for a log read whole, those added since for a resumed
    /// one. Never one of `loaded`.
    set: FastSet<u64>,
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
            set: hashes,
            count,
            ..KnownIds::default()
        }
    }

    /// The ids whose hashes are `hashes` (distinct), `count` distinct records; put in order
    /// when first needed (they are saved in order: then only checked).
    pub(super) fn deferred(hashes: IdHashes, count: usize) -> KnownIds {
        KnownIds {
            loaded: Some(hashes),
            count,
            ..KnownIds::default()
        }
    }

    /// The loaded hashes in increasing order; `None` when they could not be read.
    fn base(&self) -> Option<&Arc<Vec<u64>>> {
        self.base
            .get_or_init(|| {
                let Some(loaded) = &self.loaded else {
                    return Some(Arc::default());
                };
                let loaded = loaded.get()?;
                Some(if loaded.is_sorted() {
                    Arc::clone(loaded)
                } else {
                    let mut sorted = loaded.to_vec();
                    sorted.sort_unstable();
                    Arc::new(sorted)
                })
            })
            .as_ref()
    }

    /// Makes ready what the first lookup needs.
    pub(super) fn warm_up(&self) {
        self.base();
    }

    fn has_hash(&self, hash: u64) -> bool {
        self.set.contains(&hash) || self.base().is_none_or(|b| b.binary_search(&hash).is_ok())
    }

    /// Every hash, in increasing order; `None` when they could not be read.
    pub(super) fn hash_list(&self) -> Option<Arc<Vec<u64>>> {
        let base = self.base()?;
        if self.set.is_empty() {
            return Some(Arc::clone(base));
        }
        let mut all = Vec::with_capacity(base.len() + self.set.len());
        all.extend_from_slice(base);
        all.extend(self.set.iter().copied());
        all.sort_unstable();
        all.dedup();
        Some(Arc::new(all))
    }

    /// Whether `id` may be in the log (always, when the hashes could not be read).
    pub(super) fn might_contain(&self, id: &RecordId) -> bool {
        self.has_hash(id_hash(id))
    }

    /// `file` is the log's own, `len` bytes long: while we hold its lock it holds exactly our
    /// ids.
    pub(super) fn contains(&self, file: &File, len: u64, id: &RecordId) -> bool {
        self.might_contain(id) && self.exact.get_or_init(|| ids_in(file, len)).contains(id)
    }

    pub(super) fn insert(&mut self, id: RecordId) {
        let hash = id_hash(&id);
        let new = !self.has_hash(hash);
        if new {
            self.set.insert(hash);
        } else if self.contains_exactly(&id) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Hashes taken over from a cache are found whatever their order, next to those added
    /// since, and listed (for the next cache) in order and once each.
    #[test]
    fn loaded_hashes_are_found_in_any_order_and_listed_in_order() {
        let ids: Vec<RecordId> = (0..50).map(|i| RecordId::new(format!("id-{i}"))).collect();
        let mut hashes: Vec<u64> = ids[..40].iter().map(id_hash).collect();
        hashes.reverse();
        let mut known = KnownIds::deferred(IdHashes::new(Arc::new(hashes)), 40);
        assert!(ids[..40].iter().all(|id| known.might_contain(id)));
        assert!(!ids[40..].iter().any(|id| known.might_contain(id)));
        known.insert(ids[45].clone());
        assert!(known.might_contain(&ids[45]));
        assert_eq!(known.count, 41);
        let list = known.hash_list().unwrap();
        assert!(list.is_sorted());
        assert_eq!(list.len(), 41);
        let again = KnownIds::deferred(IdHashes::new(list), 41);
        assert!(ids[..40].iter().all(|id| again.might_contain(id)));
        assert!(again.might_contain(&ids[45]));
        assert!(!again.might_contain(&ids[46]));
    }
}
