//! The one way prepdeck opens a file it reads: regular files only, never more than a size cap.
//!
//! Any file a user (or another program) can put in prepdeck's way may be hostile: a named pipe
//! (FIFO) makes a plain `open` or `read` wait forever, a device such as `/dev/zero` never ends,
//! a folder fails with an OS message, and a huge file would be read into memory whole. So every
//! file is opened with `O_NONBLOCK` (opening a FIFO or a device returns at once instead of
//! waiting for a writer), checked with `fstat` on the opened descriptor (no race with a rename
//! between a check and the open) to be a regular file, and read through a limit: a file larger
//! than the cap of its kind is refused with a message, never read whole. Symbolic links are
//! followed (a linked file is read as the file it points to).

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Largest state file prepdeck reads (about seven million reviews).
pub const MAX_STATE_BYTES: u64 = 1 << 30;
/// Largest settings file (`config.toml`, `mock-setup.toml`).
pub const MAX_SETTINGS_BYTES: u64 = 1 << 20;
/// Largest cache entry.
pub const MAX_CACHE_BYTES: u64 = 1 << 30;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Something other than a regular file is at the path.
    #[error("it is {kind}, not a regular file")]
    NotRegular { kind: &'static str },
    /// The file is larger than prepdeck reads for its kind.
    #[error("it is larger than {}, the most prepdeck reads from it", show_size(*limit))]
    TooLarge { limit: u64 },
    #[error(transparent)]
    Io(io::Error),
}

impl ReadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

/// `1 GiB`, `32 MiB`, `512 KiB`.
pub fn show_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 => format!("{} MiB", b >> 20),
        b => format!("{} KiB", b.div_ceil(1024)),
    }
}

/// Opens `path` with `options` (plus `O_NONBLOCK`) and checks that it is a regular file.
/// A folder is reported as one whichever way the system refuses it.
pub fn open_regular(path: &Path, options: &OpenOptions) -> Result<File, ReadError> {
    let mut options = options.clone();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| {
        if e.kind() == io::ErrorKind::IsADirectory {
            ReadError::NotRegular { kind: "a folder" }
        } else {
            ReadError::Io(e)
        }
    })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(&meta.file_type()),
        });
    }
    Ok(file)
}

/// Reads `file` from where it is to its end, refusing more than `limit` bytes.
pub fn read_capped(file: &mut File, limit: u64) -> Result<Vec<u8>, ReadError> {
    let hint = file.metadata().map(|m| m.len()).unwrap_or(0);
    if hint > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Reads the regular file at `path` whole, up to `limit` bytes; a missing file is `Ok(None)`.
pub fn read_regular(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, ReadError> {
    let mut file = match open_regular(path, OpenOptions::new().read(true)) {
        Ok(f) => f,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(e),
    };
    read_capped(&mut file, limit).map(Some)
}

/// [`read_regular`] for a cache entry: anything but a readable regular file within the cap is
/// no entry (a cache is rebuilt, never a reason to fail).
pub fn read_cache(path: &Path) -> Option<Vec<u8>> {
    read_regular(path, MAX_CACHE_BYTES).ok().flatten()
}

fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a plain file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_within_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        assert!(read_regular(&p, 10).unwrap().is_none());
        std::fs::write(&p, b"0123456789").unwrap();
        assert_eq!(read_regular(&p, 10).unwrap().unwrap(), b"0123456789");
        assert!(matches!(
            read_regular(&p, 9),
            Err(ReadError::TooLarge { limit: 9 })
        ));
        let err = read_regular(dir.path(), 10).unwrap_err();
        assert_eq!(err.to_string(), "it is a folder, not a regular file");
        let rw = open_regular(dir.path(), OpenOptions::new().read(true).write(true));
        assert!(matches!(
            rw,
            Err(ReadError::NotRegular { kind: "a folder" })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_without_waiting() {
        let err = read_regular(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(
            matches!(err, ReadError::NotRegular { kind: "a device" }),
            "{err:?}"
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
        // No writer: a plain open would block here forever.
        let err = read_regular(&fifo, 10).unwrap_err();
        assert!(matches!(
            err,
            ReadError::NotRegular {
                kind: "a named pipe (FIFO)"
            }
        ));
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(show_size(1 << 30), "1 GiB");
        assert_eq!(show_size(32 << 20), "32 MiB");
        assert_eq!(show_size(1000), "1 KiB");
    }
}
