//! Writing a command's output to a file the user named (`export ... -o FILE`, `report -o FILE`).
//!
//! The file is private (0600) and written whole or not at all: a new file with
//! [`write_private_new`], a replacement (`--force`) atomically with [`write_private_replace`].
//! prepdeck's own files are never a valid target, whatever path reaches them (a symlink, `..`):
//! the state file and its side files, the config, the remembered mock setup and every deck file
//! prepdeck loads. Replacing the state file under a running app would orphan its appends.

use std::path::{Path, PathBuf};

use super::home::Home;
use super::{Cli, UserError};
use crate::core::text::sanitize_line;
use crate::store::paths::{write_private_new, write_private_replace};

/// Writes `bytes` to `path`: a new file, or with `force` a replacement of an existing one.
/// Refuses prepdeck's own files with a clear message.
pub(crate) fn write_output_file(
    cli: &Cli,
    home: &Home,
    path: &Path,
    bytes: &[u8],
    force: bool,
) -> anyhow::Result<()> {
    let shown = sanitize_line(&path.display().to_string());
    if let Some(what) = protected(cli, home, path) {
        return Err(UserError(format!(
            "refusing to write to {shown}: it is {what}; choose another file"
        ))
        .into());
    }
    let exists = path.symlink_metadata().is_ok();
    if exists && !force {
        return Err(UserError(format!(
            "{shown} already exists; pass --force to replace it"
        ))
        .into());
    }
    if exists && path.is_dir() {
        return Err(UserError(format!("{shown} is a folder, not a file")).into());
    }
    let written = if exists {
        write_private_replace(path, bytes)
    } else {
        write_private_new(path, bytes)
    };
    written.map_err(|e| UserError(sanitize_line(&e.to_string())))?;
    Ok(())
}

/// What `path` is when it is one of prepdeck's own files.
fn protected(cli: &Cli, home: &Home, path: &Path) -> Option<&'static str> {
    let target = resolve(path);
    let state = resolve(&home.state_file());
    if target == state {
        return Some("prepdeck's state file (your progress)");
    }
    if let (Some(dir), Some(name), Some(state_name)) =
        (target.parent(), target.file_name(), state.file_name())
        && Some(dir) == state.parent()
    {
        let mut prefix = state_name.to_os_string();
        prefix.push(".");
        if name
            .to_string_lossy()
            .starts_with(&*prefix.to_string_lossy())
        {
            return Some("a copy kept beside prepdeck's state file");
        }
    }
    if target == resolve(&home.config_file()) {
        return Some("prepdeck's config file");
    }
    if target == resolve(&home.mock_setup_file()) {
        return Some("prepdeck's remembered mock-interview setup");
    }
    let decks = crate::store::decks::deck_files_in(&home.decks_dir());
    if decks
        .iter()
        .chain(&cli.deck_file)
        .any(|d| resolve(d) == target)
    {
        return Some("a deck file prepdeck loads");
    }
    None
}

/// `path` made absolute with symlinks and `..` resolved; for a file that does not exist yet,
/// its folder resolved and its name appended.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => dir
            .canonicalize()
            .map(|d| d.join(name))
            .unwrap_or_else(|_| absolute.clone()),
        _ => absolute,
    }
}
