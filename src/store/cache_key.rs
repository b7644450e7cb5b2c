//! The key every cache entry is sealed with: 128 random bits in `<home>/cache/key` (0600),
//! made on first use.
//!
//! A cache entry's checksum covers this key, so an entry is used only by the home that wrote
//! it: a cache copied from elsewhere, or one crafted with a recomputed checksum, does not match
//! and is rebuilt from the truth. What this does not do: stop someone who can write your home
//! folder (they can read the key, and edit `state.jsonl` itself). Deleting the cache folder
//! deletes the key with it; the next one is new and every entry is rebuilt.

use std::io::Write;
use std::path::Path;

use crate::store::bounded::read_regular;
use crate::store::paths::{create_private_new, ensure_private_dir};

const KEY_FILE: &str = "key";

/// The key in `cache_root` (the `cache` folder), if there is one.
pub(crate) fn existing(cache_root: &Path) -> Option<u128> {
    let bytes = read_regular(&cache_root.join(KEY_FILE), 64).ok()??;
    let bytes: [u8; 16] = bytes.as_slice().try_into().ok()?;
    Some(u128::from_le_bytes(bytes))
}

/// The key in `cache_root`, made (at random, 0600) when there is none. `None` when it can
/// neither be read nor made (a read-only folder): then no cache is written.
pub(crate) fn get_or_make(cache_root: &Path) -> Option<u128> {
    if let Some(key) = existing(cache_root) {
        return Some(key);
    }
    ensure_private_dir(cache_root).ok()?;
    let path = cache_root.join(KEY_FILE);
    let key: u128 = rand::random();
    match create_private_new(&path) {
        Ok(mut file) => {
            if file.write_all(&key.to_le_bytes()).is_err() {
                drop(file);
                let _ = std::fs::remove_file(&path);
                return None;
            }
            Some(key)
        }
        // Made meanwhile by another prepdeck, or a broken file: use what is there, if usable.
        Err(_) => existing(cache_root),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("cache");
        assert_eq!(existing(&root), None);
        let key = get_or_make(&root).unwrap();
        assert_eq!(get_or_make(&root), Some(key));
        assert_eq!(existing(&root), Some(key));
        std::fs::write(root.join(KEY_FILE), b"short").unwrap();
        assert_eq!(
            get_or_make(&root),
            None,
            "a damaged key is not replaced silently"
        );
    }
}
