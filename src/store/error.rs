//! The storage layer's one error type. Every message is a sentence that names the file and,
//! where there is one, says what the user can do about it.

use std::io;
use std::path::PathBuf;

use crate::store::bounded::ReadError;

/// Anything that can go wrong reading or writing prepdeck's files.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the state file's lock.
    #[error("another prepdeck is using {}; close it first", path.display())]
    Locked { path: PathBuf },

    /// A line in the middle of the file cannot be read. Nothing was written.
    #[error(
        "{} is damaged at line {line}: {reason}. Nothing was changed; \
         run `prepdeck state repair` to keep every readable record (a backup is kept)",
        path.display()
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        reason: String,
    },

    /// A record was written by a newer prepdeck. Nothing was written.
    #[error(
        "{} line {line} uses record format {version}, newer than this prepdeck understands \
         (format {supported}). Nothing was changed; update prepdeck to use this file",
        path.display(),
        supported = crate::core::record::RECORD_FORMAT
    )]
    NewerFormat {
        path: PathBuf,
        line: usize,
        version: u64,
    },

    #[error(
        "could not {action} {}: the disk is full. Free some space and try again; \
         your earlier progress is safe",
        path.display()
    )]
    DiskFull {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: io::Error,
    },

    #[error(
        "could not {action} {}: the file has reached the size limit set for this session \
         (see `ulimit -f`). Raise the limit and try again; your earlier progress is safe",
        path.display()
    )]
    FileTooLarge {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: io::Error,
    },

    #[error(
        "could not {action} {}: the file system is read-only. Make it writable \
         (or use another --home) and try again; your earlier progress is safe",
        path.display()
    )]
    ReadOnly {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: io::Error,
    },

    #[error(
        "could not {action} {}: permission denied. Check the owner and permissions \
         of the file and its folder",
        path.display()
    )]
    PermissionDenied {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: io::Error,
    },

    /// Not a regular file, or larger than prepdeck reads (see `store::bounded`).
    #[error("could not {action} {}: {reason}. Nothing was changed", path.display())]
    Unusable {
        path: PathBuf,
        action: &'static str,
        reason: ReadError,
    },

    #[error("could not {action} {}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: io::Error,
    },

    /// A failed write could not be undone; the open log must not be written to again.
    #[error(
        "a write to {} failed and could not be undone; restart prepdeck \
         (the unfinished line will be set aside and every saved record kept)",
        path.display()
    )]
    NeedsReopen { path: PathBuf },

    #[error("could not serialise a record for {}: {source}", path.display())]
    Encode {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },

    #[error(
        "could not find a folder for prepdeck's data: no home directory is known. \
         Pass --home DIR or set PREPDECK_HOME"
    )]
    NoHome,
}

impl StoreError {
    /// Wraps an error of [`crate::store::bounded`]: I/O errors as [`StoreError::io`] does.
    pub fn read(path: impl Into<PathBuf>, action: &'static str, reason: ReadError) -> Self {
        match reason {
            ReadError::Io(source) => StoreError::io(path, action, source),
            reason => StoreError::Unusable {
                path: path.into(),
                action,
                reason,
            },
        }
    }

    /// Wraps an I/O error, choosing the variant whose message tells the user what to do.
    /// `action` completes "could not ... <path>", e.g. "save to", "read", "create".
    pub fn io(path: impl Into<PathBuf>, action: &'static str, source: io::Error) -> Self {
        let path = path.into();
        match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => StoreError::DiskFull {
                path,
                action,
                source,
            },
            io::ErrorKind::FileTooLarge => StoreError::FileTooLarge {
                path,
                action,
                source,
            },
            io::ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly {
                path,
                action,
                source,
            },
            io::ErrorKind::PermissionDenied => StoreError::PermissionDenied {
                path,
                action,
                source,
            },
            _ => StoreError::Io {
                path,
                action,
                source,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_are_classified_and_name_the_file() {
        let e = StoreError::io(
            "/x/state.jsonl",
            "save to",
            io::Error::from(io::ErrorKind::StorageFull),
        );
        assert!(matches!(e, StoreError::DiskFull { .. }));
        let msg = e.to_string();
        assert!(msg.contains("/x/state.jsonl"), "{msg}");
        assert!(msg.contains("disk is full"), "{msg}");
        assert!(msg.contains("earlier progress is safe"), "{msg}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn efbig_and_erofs_are_classified() {
        let e = StoreError::io("/x/s", "save to", io::Error::from_raw_os_error(27));
        assert!(matches!(e, StoreError::FileTooLarge { .. }), "{e:?}");
        let e = StoreError::io("/x/s", "open", io::Error::from_raw_os_error(30));
        assert!(matches!(e, StoreError::ReadOnly { .. }), "{e:?}");
    }

    #[test]
    fn corrupt_message_names_line_and_repair() {
        let e = StoreError::Corrupt {
            path: "/h/state.jsonl".into(),
            line: 7,
            reason: "not valid JSON".into(),
        };
        let msg = e.to_string();
        assert!(msg.contains("/h/state.jsonl is damaged at line 7"), "{msg}");
        assert!(msg.contains("prepdeck state repair"), "{msg}");
    }
}
