//! Text the candidate edits in `$EDITOR` from the app (a note, their own answer): written to a
//! private file in the data folder's `cache/`, read back and removed once the editor closes.
//! Nothing here is the truth: what is kept is the record made from the text afterwards.

use std::path::{Path, PathBuf};

use crate::store::bounded::read_regular;
use crate::store::error::StoreError;
use crate::store::paths::{Home, write_private_new};

/// The largest text read back from the editor.
pub const MAX_DRAFT_BYTES: u64 = 4 << 20;

/// Writes `text` to a new private file named after `name` (letters, digits, `-` and `.` kept)
/// in `home`'s `cache/`, and returns its path.
pub fn write_draft(home: &Home, name: &str, text: &str) -> Result<PathBuf, StoreError> {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = home
        .root()
        .join("cache")
        .join(format!("{}-{stamp}-{clean}.md", std::process::id()));
    write_private_new(&path, text.as_bytes())?;
    Ok(path)
}

/// The text of a draft file (UTF-8); the file is removed once read. A file that cannot be read
/// is left where it is, so what the candidate wrote is never lost.
pub fn take_draft(path: &Path) -> Result<String, StoreError> {
    let bytes = read_regular(path, MAX_DRAFT_BYTES)
        .map_err(|e| StoreError::read(path, "read", e))?
        .unwrap_or_default();
    let text = String::from_utf8(bytes).map_err(|_| {
        StoreError::io(
            path,
            "read",
            std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text"),
        )
    })?;
    let _ = std::fs::remove_file(path);
    Ok(text)
}
