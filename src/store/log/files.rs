//! The file operations the log needs beyond appending: locking, side files kept beside the
//! log (torn tails, backups, rejected lines). Atomic replacement is
//! [`crate::store::paths::write_private_replace`].

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::store::bounded::{MAX_STATE_BYTES, open_regular, read_capped, read_regular};
use crate::store::error::StoreError;
use crate::store::paths::{ensure_private_dir, write_private_new_whole};

/// What opening the log does when there is no file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IfMissing {
    /// Create it (and its folders) privately.
    Create,
    /// Answer `Ok(None)`.
    Leave,
}

/// Opens the log for reading and writing, takes the exclusive lock, and reads it whole.
/// A missing file is created or left, as `missing` says (`Ok(None)` when left).
pub(crate) fn open_locked(
    path: &Path,
    missing: IfMissing,
) -> Result<Option<(File, Vec<u8>)>, StoreError> {
    let Some(mut file) = open_locked_unread(path, missing)? else {
        return Ok(None);
    };
    let bytes = read_rest(path, &mut file)?;
    Ok(Some((file, bytes)))
}

/// Reads `file` from where it is to its end (at most [`MAX_STATE_BYTES`]).
pub(crate) fn read_rest(path: &Path, file: &mut File) -> Result<Vec<u8>, StoreError> {
    read_capped(file, MAX_STATE_BYTES).map_err(|e| StoreError::read(path, "read", e))
}

/// How often [`open_locked_unread`] opens again when the file it locked was replaced meanwhile.
const REOPEN_ATTEMPTS: usize = 20;

/// [`open_locked`] without reading: the file is positioned at its start.
///
/// The lock is taken after the open, so another writer may replace the file in between (a
/// repair renames a new file over the path while it holds the old file's lock). A lock on the
/// replaced file protects nothing and appends to it would go nowhere, so once locked, the file
/// must still be the one at the path (same device and inode); if not, it is opened again.
pub(crate) fn open_locked_unread(
    path: &Path,
    missing: IfMissing,
) -> Result<Option<File>, StoreError> {
    let create = missing == IfMissing::Create;
    if create && let Some(parent) = path.parent() {
        ensure_private_dir(parent)?;
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(create);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    for _ in 0..REOPEN_ATTEMPTS {
        let file = match open_regular(path, &options) {
            Ok(f) => f,
            Err(e) if !create && e.is_not_found() => return Ok(None),
            Err(e) => return Err(StoreError::read(path, "open", e)),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::Locked {
                    path: path.to_path_buf(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(StoreError::io(path, "lock", e)),
        }
        if still_at(&file, path).map_err(|e| StoreError::io(path, "open", e))? {
            return Ok(Some(file));
        }
        // Replaced (or removed) between our open and our lock: let go and open what is there now.
    }
    Err(StoreError::io(
        path,
        "open",
        io::Error::other("it was replaced again and again while prepdeck opened it"),
    ))
}

/// Whether `file` is the file `path` names now (same device and inode, symlinks followed as
/// the open followed them). A missing path is not.
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let open = file.metadata()?;
    match fs::metadata(path) {
        Ok(now) => Ok(open.dev() == now.dev() && open.ino() == now.ino()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, path: &Path) -> io::Result<bool> {
    Ok(path.exists())
}

/// Reads the whole file without locking; a missing file is `Ok(None)`.
pub(crate) fn read_unlocked(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    read_regular(path, MAX_STATE_BYTES).map_err(|e| StoreError::read(path, "read", e))
}

pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// `<dir>/<name>.<tag>-<unix-time>`, with `-2`, `-3`... if that exists.
fn side_candidate(path: &Path, tag: &str, time: u64, attempt: u32) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_owned()).unwrap_or_default();
    name.push(format!(".{tag}-{time}"));
    if attempt > 1 {
        name.push(format!("-{attempt}"));
    }
    path.with_file_name(name)
}

/// Writes `bytes` to a new private side file beside `path` and makes it durable.
/// Returns its path. A side file is whole or absent: it is written under a temporary name
/// and named only when complete (a repair killed half-way left a partial `.bak-` copy that
/// looked like a backup). On failure nothing is left behind.
pub(crate) fn write_side_file(path: &Path, tag: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let time = unix_now();
    for attempt in 1..=1000 {
        let side = side_candidate(path, tag, time, attempt);
        if write_private_new_whole(&side, bytes, path)? {
            return Ok(side);
        }
    }
    Err(StoreError::io(
        path,
        "find a free name beside",
        io::Error::from(io::ErrorKind::AlreadyExists),
    ))
}
