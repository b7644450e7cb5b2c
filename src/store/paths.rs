//! Where prepdeck keeps its files, and the helpers that create them privately.
//!
//! Owns the layout of the data folder (`state.jsonl`, `config.toml`, `decks/`,
//! `mock-setup.toml`) and the rule that everything in it is private to the user: folders 0700,
//! files 0600. It does not read or parse any of those files.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::store::error::StoreError;

/// The environment variable that overrides the data folder.
pub const HOME_ENV: &str = "PREPDECK_HOME";

/// prepdeck's data folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    /// Uses, in order: the `--home` flag, `$PREPDECK_HOME`, the platform data folder
    /// (e.g. `~/.local/share/prepdeck`). Creates nothing.
    pub fn resolve(flag: Option<PathBuf>) -> Result<Home, StoreError> {
        Self::resolve_with(flag, std::env::var_os(HOME_ENV))
    }

    /// [`Home::resolve`] with the environment value passed in (for tests).
    pub fn resolve_with(flag: Option<PathBuf>, env: Option<OsString>) -> Result<Home, StoreError> {
        if let Some(root) = flag.filter(|p| !p.as_os_str().is_empty()) {
            return Ok(Home { root });
        }
        if let Some(root) = env.filter(|v| !v.is_empty()) {
            return Ok(Home {
                root: PathBuf::from(root),
            });
        }
        directories::ProjectDirs::from("", "", "prepdeck")
            .map(|dirs| Home {
                root: dirs.data_dir().to_path_buf(),
            })
            .ok_or(StoreError::NoHome)
    }

    /// A home at an explicit folder.
    pub fn at(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The append-only log of the user's progress.
    pub fn state_file(&self) -> PathBuf {
        self.root.join("state.jsonl")
    }

    pub fn config_file(&self) -> PathBuf {
        self.root.join("config.toml")
    }

    /// The user's own decks.
    pub fn decks_dir(&self) -> PathBuf {
        self.root.join("decks")
    }

    /// Parsed decks kept between runs (see `store::deck_cache`); safe to delete.
    pub fn deck_cache_dir(&self) -> PathBuf {
        self.root.join("cache").join("decks")
    }

    /// The replayed state file kept between runs (see `store::progress_cache`); safe to delete.
    pub fn progress_cache_file(&self) -> PathBuf {
        self.root.join("cache").join("progress.bin")
    }

    /// What the home screen's first frame needs of the progress (`store::home_snapshot`).
    pub fn home_snapshot_file(&self) -> PathBuf {
        self.root.join("cache").join("home.bin")
    }

    pub fn mock_setup_file(&self) -> PathBuf {
        self.root.join("mock-setup.toml")
    }
}

/// Creates `path` and any missing parents with mode 0700. Existing folders are left as they are.
pub fn ensure_private_dir(path: &Path) -> Result<(), StoreError> {
    if path.as_os_str().is_empty() || path.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(path)
        .map_err(|e| StoreError::io(path, "create the folder", e))
}

/// Creates a new file (failing if it exists) with mode 0600, writes `bytes`, and makes the file
/// and its name durable. On failure the half-written file is removed.
pub fn write_private_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if let Some(parent) = path.parent() {
        ensure_private_dir(parent)?;
    }
    let mut file = create_private_new(path).map_err(|e| StoreError::io(path, "create", e))?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        // Best effort: the original error is the one worth reporting.
        let _ = fs::remove_file(path);
        return Err(StoreError::io(path, "write", e));
    }
    sync_parent_dir(path)
}

/// Writes `bytes` to `path` (0600), replacing any existing file atomically: a temporary file
/// beside it (a name no other writer uses) is written, synced, closed and renamed over it, then
/// the folder is synced, so a crash leaves the old or the new content, never a mix. On failure
/// the temporary file is removed and `path` is untouched. The one atomic replace (the state
/// log's repair uses it too).
pub fn write_private_replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    replace_private(path, bytes, Durability::Synced)
}

/// [`write_private_replace`] without waiting for the disk: for caches, whose entries carry a
/// checksum, so a crash that leaves an empty or partial file costs only a rebuild. Readers
/// still see the old or the new file, never a mix.
pub fn write_cache_replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    replace_private(path, bytes, Durability::Unsynced)
}

/// Whether a replaced file waits for the disk before it is renamed into place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Durability {
    /// `sync_all` first: the new content survives a crash once the call returns.
    Synced,
    /// No wait (caches: a crash costs only a rebuild).
    Unsynced,
}

fn replace_private(path: &Path, bytes: &[u8], durability: Durability) -> Result<(), StoreError> {
    // A symlink stays a symlink: the file it points to is what gets replaced (renaming over
    // the link would leave its target with the old content, and the two would diverge).
    let target = link_target(path)?;
    let path = target.as_path();
    if let Some(parent) = path.parent() {
        ensure_private_dir(parent)?;
    }
    let tmp = path.with_file_name(temp_name(path.file_name().unwrap_or_default()));
    let mut file = create_private_new(&tmp).map_err(|e| StoreError::io(path, "save to", e))?;
    let written = file.write_all(bytes).and_then(|()| match durability {
        Durability::Synced => file.sync_all(),
        Durability::Unsynced => Ok(()),
    });
    // The file is closed before the rename (Windows refuses to rename an open file).
    drop(file);
    if let Err(e) = written.and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(StoreError::io(path, "save to", e));
    }
    if durability == Durability::Synced {
        sync_parent_dir(path)?;
    }
    remove_stale_temps(path);
    Ok(())
}

/// Writes `bytes` to `path` (0600) only if no file has that name, whole or not at all: a
/// temporary file is written and synced, then hard-linked to `path`, which refuses an
/// existing name. `Ok(false)` when `path` exists. A kill at any moment leaves no partial file
/// at `path`. (Where hard links are not supported, the temporary file is renamed instead,
/// after checking that `path` is free.) The temporary file is named as
/// [`write_private_replace`] names those of `family` (a file in the same folder: the state
/// file, for its side files), so one that a kill left is cleared away by the next write of
/// that family.
pub(crate) fn write_private_new_whole(
    path: &Path,
    bytes: &[u8],
    family: &Path,
) -> Result<bool, StoreError> {
    let tmp = path.with_file_name(temp_name(family.file_name().unwrap_or_default()));
    let mut file = create_private_new(&tmp).map_err(|e| StoreError::io(path, "create", e))?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    let placed = written.and_then(|()| match fs::hard_link(&tmp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) if fs::symlink_metadata(path).is_err() => fs::rename(&tmp, path).map(|()| true),
        Err(e) => Err(e),
    });
    let _ = fs::remove_file(&tmp);
    let placed = placed.map_err(|e| StoreError::io(path, "write", e))?;
    if placed {
        sync_parent_dir(path)?;
        remove_stale_temps(&path.with_file_name(family.file_name().unwrap_or_default()));
    }
    Ok(placed)
}

/// The temporary file name [`write_private_replace`] uses for `name`: `<name>.tmp-<pid>-<hex>`.
fn temp_name(name: &std::ffi::OsStr) -> OsString {
    let mut tmp = OsString::from(name);
    tmp.push(format!(
        ".tmp-{}-{:08x}",
        std::process::id(),
        rand::random::<u32>()
    ));
    tmp
}

/// After a successful replacement of `path`: removes temporary files of `path`'s name that a
/// replacement killed half-way left behind (a killed repair left a 24 MB one). Only names
/// prepdeck makes (`<name>.tmp-<pid>-<8 hex digits>`), and only when that process is gone (or,
/// where that cannot be told, the file is over a day old): another prepdeck may be writing
/// one right now. Best effort: a file that cannot be removed is left.
fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut prefix = name.to_string_lossy().into_owned();
    prefix.push_str(".tmp-");
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some((pid, hex)) = rest.split_once('-') else {
            continue;
        };
        let ours = hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit());
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if !ours || pid == std::process::id() {
            continue;
        }
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && writer_gone(pid, &entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that made a temporary file is gone.
fn writer_gone(pid: u32, entry: &fs::DirEntry) -> bool {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        return !Path::new(&format!("/proc/{pid}")).exists();
    }
    let day = std::time::Duration::from_secs(24 * 3600);
    entry
        .metadata()
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > day))
}

/// The file `path` names: `path` itself, or, when it is a symbolic link, the file at the end
/// of the links (which may not exist yet).
pub(crate) fn link_target(path: &Path) -> Result<PathBuf, StoreError> {
    let mut current = path.to_path_buf();
    // As many links as the system follows (Linux's MAXSYMLINKS).
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&current)
                    .map_err(|e| StoreError::io(&current, "follow the link", e))?;
                current = match current.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(StoreError::io(
        path,
        "follow the link",
        std::io::Error::other("too many levels of symbolic links"),
    ))
}

/// Opens a new file for writing, failing if it exists, with mode 0600 on Unix.
pub(crate) fn create_private_new(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Makes a rename or file creation in `path`'s folder durable.
pub(crate) fn sync_parent_dir(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        File::open(parent)
            .and_then(|dir| dir.sync_all())
            .map_err(|e| StoreError::io(parent, "sync the folder", e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_platform_default() {
        let h = Home::resolve_with(Some("/flag".into()), Some("/env".into())).unwrap();
        assert_eq!(h.root(), Path::new("/flag"));
        let h = Home::resolve_with(None, Some("/env".into())).unwrap();
        assert_eq!(h.root(), Path::new("/env"));
        let h = Home::resolve_with(None, Some("".into()));
        // Falls through to the platform folder (present wherever a home directory is known).
        if let Ok(h) = h {
            assert!(h.root().ends_with("prepdeck"), "{:?}", h.root());
        }
    }

    #[cfg(unix)]
    #[test]
    fn replace_writes_privately_and_overwrites() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub").join("f.toml");
        write_private_replace(&p, b"one").unwrap();
        write_private_replace(&p, b"two").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "two");
        let mode = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn replacing_through_a_symlink_writes_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("elsewhere").join("real.jsonl");
        write_private_replace(&real, b"old").unwrap();
        let link = dir.path().join("state.jsonl");
        std::os::unix::fs::symlink("elsewhere/real.jsonl", &link).unwrap();
        write_private_replace(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
        // A dangling link gets its target created.
        let dangling = dir.path().join("setup.toml");
        std::os::unix::fs::symlink(dir.path().join("made.toml"), &dangling).unwrap();
        write_private_replace(&dangling, b"x").unwrap();
        assert_eq!(fs::read(dir.path().join("made.toml")).unwrap(), b"x");
    }

    #[test]
    fn a_replacement_removes_temp_files_a_killed_one_left() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("progress.bin");
        // A pid that is not running (above the kernel's limit), one that is (ours: a write in
        // progress), names that are not prepdeck's, and another file's temp file.
        let stale = dir.path().join("progress.bin.tmp-4194999-0a1b2c3d");
        let running = dir
            .path()
            .join(format!("progress.bin.tmp-{}-0a1b2c3d", std::process::id()));
        let not_ours = [
            dir.path().join("progress.bin.tmp-4194999-notahex!"),
            dir.path().join("progress.bin.tmp-x-0a1b2c3d"),
            dir.path().join("other.bin.tmp-4194999-0a1b2c3d"),
        ];
        for f in not_ours.iter().chain([&stale, &running]) {
            fs::write(f, b"half").unwrap();
        }
        write_private_replace(&p, b"new").unwrap();
        assert!(!stale.exists(), "the stale temp file is removed");
        assert!(running.exists());
        assert!(not_ours.iter().all(|f| f.exists()));
        write_cache_replace(&p, b"newer").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"newer");
    }

    #[test]
    fn layout() {
        let h = Home::at("/d");
        assert_eq!(h.state_file(), Path::new("/d/state.jsonl"));
        assert_eq!(h.config_file(), Path::new("/d/config.toml"));
        assert_eq!(h.decks_dir(), Path::new("/d/decks"));
        assert_eq!(h.mock_setup_file(), Path::new("/d/mock-setup.toml"));
    }
}
