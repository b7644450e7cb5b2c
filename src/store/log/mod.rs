//! The state file: `<home>/state.jsonl`, an append-only log of [`Record`]s, one JSON object
//! per line. It holds months of a user's work, so this module's rules are:
//!
//! - an acknowledged append is on disk (`sync_data`) and is never lost;
//! - a failed append leaves the file as it was;
//! - a torn last line (a crash mid-append) is set aside with a warning, every earlier record
//!   is kept;
//! - a file that cannot be read (damage in the middle, a newer format) is never written over;
//! - one writer at a time ([`StateLog`] holds an OS lock); readers ([`read`], [`check`]) need
//!   no lock and never write;
//! - rewrites ([`repair`]) keep a copy of the original beside it first.
//!
//! Card state is derived from the records elsewhere (`core::schedule`); this module only stores
//! and loads them. See `docs/state-file.md` for the format as users see it.

mod fast;
mod files;
mod known_ids;
mod maintenance;
mod matching;
mod resume;
mod scan;
mod writer;

use std::fmt;
use std::path::Path;

use crate::core::record::Record;
use crate::store::bounded::open_regular;
use crate::store::error::StoreError;

pub use known_ids::{HashSource, IdHashes, hashes_of};
pub use maintenance::{CheckReport, MergeReport, RepairReport, check, merge, repair};
pub use resume::FileStamp;
pub use scan::{BadLine, DuplicateId, LineProblem, TornTail};
pub use writer::{LockedLog, Opened, StateLog};

/// What loading the state file found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    /// Every readable record, in file order, the first of each id only.
    pub records: Vec<Record>,
    /// An unfinished last line, if there was one.
    pub torn: Option<TornTail>,
    /// Things the user should hear about; the log was still loaded.
    pub warnings: Vec<LoadWarning>,
}

/// The start of a state file as it was once read: its length, a 128-bit hash of its bytes,
/// and a 64-bit hash of each record id in it (`count` distinct records). Lets
/// [`StateLog::open_resuming`] read only what was appended since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogPrefix {
    pub len: u64,
    pub digest: u128,
    /// The file's stamp when it was exactly these bytes, if known: a file with the same stamp
    /// is taken to be unchanged without hashing it again.
    pub stamp: Option<FileStamp>,
    /// Shared, not copied, by the log a start resumes (a million records: 8 MB), and read
    /// from the cache only when first needed.
    pub id_hashes: IdHashes,
    pub count: usize,
}

/// A problem that did not stop the log from loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadWarning {
    TornTail(TornTail),
    DuplicateId(DuplicateId),
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadWarning::TornTail(t) => t.fmt(f),
            LoadWarning::DuplicateId(d) => d.fmt(f),
        }
    }
}

/// Reads the state file without locking it and without ever writing to it; works while
/// another instance has it open. A missing file is an empty log. A torn last line is only
/// reported.
pub fn read(path: impl AsRef<Path>) -> Result<LoadReport, StoreError> {
    let path = path.as_ref();
    let Some(bytes) = files::read_unlocked(path)? else {
        return Ok(LoadReport::default());
    };
    into_load(path, scan::scan(&bytes))
}

/// Like [`read`] (no lock, never writes), but only the records after `known`: when the file
/// starts with exactly the bytes `known` describes and what follows needs no warning (see
/// [`Opened::Resumed`]). `None` otherwise: then [`read`] the whole file.
pub fn read_after_prefix(
    path: impl AsRef<Path>,
    known: &LogPrefix,
) -> Result<Option<Vec<Record>>, StoreError> {
    let path = path.as_ref();
    let mut file = match open_regular(path, std::fs::OpenOptions::new().read(true)) {
        Ok(f) => f,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(StoreError::read(path, "read", e)),
    };
    let Some((_, tail)) = resume::read_after(path, &mut file, known)? else {
        return Ok(None);
    };
    Ok(resume::clean_tail(known, &tail).map(|(_, records)| records))
}

/// The records of the state file's first `len` bytes, when they still hash to `digest` (XXH3,
/// 128 bits: what a cache was made from) and read without a problem; `None` otherwise. Reads
/// without the lock and never writes.
pub fn read_prefix(path: impl AsRef<Path>, len: u64, digest: u128) -> Option<Vec<Record>> {
    use std::os::unix::fs::FileExt;
    let file = open_regular(path.as_ref(), std::fs::OpenOptions::new().read(true)).ok()?;
    let mut bytes = vec![0u8; usize::try_from(len).ok()?];
    file.read_exact_at(&mut bytes, 0).ok()?;
    if xxhash_rust::xxh3::xxh3_128(&bytes) != digest {
        return None;
    }
    let found = scan::scan(&bytes);
    (found.first_fatal().is_none() && found.torn.is_none()).then_some(found.records)
}

/// Fails with the error for the first line that makes the file unusable, if any.
fn refuse_fatal(path: &Path, found: &scan::Scan) -> Result<(), StoreError> {
    match found.first_fatal() {
        None => Ok(()),
        Some(BadLine {
            line,
            problem: LineProblem::NewerFormat { version },
        }) => Err(StoreError::NewerFormat {
            path: path.to_path_buf(),
            line: *line,
            version: *version,
        }),
        Some(bad) => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            line: bad.line,
            reason: bad.problem.to_string(),
        }),
    }
}

fn into_load(path: &Path, found: scan::Scan) -> Result<LoadReport, StoreError> {
    refuse_fatal(path, &found)?;
    let mut warnings: Vec<LoadWarning> = found
        .duplicates
        .into_iter()
        .map(LoadWarning::DuplicateId)
        .collect();
    if let Some(torn) = &found.torn {
        warnings.insert(0, LoadWarning::TornTail(torn.clone()));
    }
    Ok(LoadReport {
        records: found.records,
        torn: found.torn,
        warnings,
    })
}

/// Runs `open` again while it finds the log locked, for up to two seconds: for tests that close
/// a log and open it again. A process spawned meanwhile by any thread of the test binary
/// (insta runs `cargo metadata`) holds a copy of every open file until it execs, and with it
/// the lock of a log that was just closed.
#[cfg(test)]
pub(crate) fn retry_while_locked<T>(
    mut open: impl FnMut() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    for _ in 0..200 {
        match open() {
            Err(StoreError::Locked { .. }) => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            done => return done,
        }
    }
    open()
}
