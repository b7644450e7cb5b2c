//! Writing a command's output to a file the user named (`export ... -o FILE`, `report -o FILE`).
//!
//! The file is private (0600) and written whole or not at all, into a folder that exists (none
//! is created): a new file with
//! [`write_private_new`], a replacement (`--force`) atomically with [`write_private_replace`].
//! prepdeck's own files are never a valid target, whatever path reaches them (a symlink, `..`):
//! the state file and its side files, the config, the remembered mock setup, the story bank,
//! the fitted weights, every file in the targets and cache folders and every deck file prepdeck
//! loads (and, for an output, a new `.toml` in the decks folder, which would load as a deck).
//! Replacing the state file under a running app would orphan its appends.

use std::path::{Component, Path, PathBuf};

use super::home::Home;
use super::{Cli, UserError};
use crate::core::text::sanitize_line;
use crate::store::paths::{write_private_new, write_private_replace};

/// How a command prints what it found: text for people, or JSON for scripts (`--json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
}

impl Format {
    /// The format a `--json` flag asks for.
    pub(crate) fn json_if(flag: bool) -> Self {
        if flag { Format::Json } else { Format::Text }
    }
}

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
    let real = checked_output_path(cli, home, path)?;
    let exists = real.symlink_metadata().is_ok();
    if exists && !force {
        return Err(UserError(format!(
            "{shown} already exists; pass --force to replace it"
        ))
        .into());
    }
    if exists && real.is_dir() {
        return Err(UserError(format!("{shown} is a folder, not a file")).into());
    }
    // An output goes into a folder that exists: a typo in a path must not leave a tree of
    // new folders behind (`report -o /nonexist/x.md`).
    if let Some(dir) = real.parent()
        && !dir.is_dir()
    {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(dir);
        let folder = sanitize_line(&folder.display().to_string());
        let why = if dir.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        return Err(UserError(format!(
            "cannot write {shown}: {folder} {why}; create the folder first or choose another path"
        ))
        .into());
    }
    // A new `.toml` file in the decks folder would be loaded as a (broken) deck on every
    // start. (`decks new` writes there on purpose; it does not come through here.)
    if real
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("toml"))
        && real.parent() == Some(resolve(&home.decks_dir()).as_path())
    {
        return Err(UserError(format!(
            "refusing to write to {shown}: a .toml file in prepdeck's decks folder is loaded as \
             a deck; choose another file"
        ))
        .into());
    }
    let written = if exists {
        write_private_replace(&real, bytes)
    } else {
        write_private_new(&real, bytes)
    };
    written.map_err(|e| UserError(sanitize_line(&e.to_string())))?;
    Ok(())
}

/// The real path a file named `path` on the command line would be written at (symlinks and
/// `..` resolved against the folders that exist, see [`resolve`]), or an error when that is
/// one of prepdeck's own files. Write to the returned path: it is the one checked, and it
/// holds no `..` that a folder created on the way could redirect.
pub(crate) fn checked_output_path(cli: &Cli, home: &Home, path: &Path) -> anyhow::Result<PathBuf> {
    let real = resolve(path);
    if let Some(what) = protected(cli, home, &real) {
        let shown = sanitize_line(&path.display().to_string());
        return Err(UserError(format!(
            "refusing to write to {shown}: it is {what}; choose another file"
        ))
        .into());
    }
    Ok(real)
}

/// What `target` (a resolved path) is when it is one of prepdeck's own files.
fn protected(cli: &Cli, home: &Home, target: &Path) -> Option<&'static str> {
    // The state file as named in the home folder and, when that is a symlink, the file it
    // points to: copies are kept beside the name, appends and repairs go to the target.
    let named = resolve_parent(&home.state_file());
    let state = resolve(&home.state_file());
    for state in [&named, &state] {
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
    }
    let config = home.config_file();
    let setup = home.mock_setup_file();
    if [resolve(&config), resolve_parent(&config)]
        .iter()
        .any(|p| p == target)
    {
        return Some("prepdeck's config file");
    }
    if [resolve(&setup), resolve_parent(&setup)]
        .iter()
        .any(|p| p == target)
    {
        return Some("prepdeck's remembered mock-interview setup");
    }
    let own = [
        (crate::store::stories::stories_file(home), "your story bank"),
        (
            crate::store::fsrs_parameters::parameters_path(home.root()),
            "the scheduler weights `prepdeck optimize` fitted",
        ),
    ];
    for (file, what) in &own {
        if resolve(file) == target || resolve_parent(file) == target {
            return Some(what);
        }
    }
    // Folders whose every file is prepdeck's: the targets and the caches.
    let folders = [
        (
            crate::store::targets::targets_dir(home),
            "in prepdeck's targets folder",
        ),
        (home.root().join("cache"), "in prepdeck's cache folder"),
    ];
    for (dir, what) in &folders {
        if target.starts_with(resolve(dir)) || target.starts_with(resolve_parent(dir)) {
            return Some(what);
        }
    }
    let decks = crate::store::decks::deck_files_in(&home.decks_dir());
    if decks
        .iter()
        .chain(&cli.deck_file)
        .any(|d| resolve(d) == target || resolve_parent(d) == target)
    {
        return Some("a deck file prepdeck loads");
    }
    None
}

/// `path` made absolute, with every symlink and `..` resolved as the system would resolve them
/// once the missing folders existed: the longest part that exists is resolved by the system,
/// and the rest (which cannot hold a symlink, as it does not exist) is applied to it by name.
/// So `HOME/missing/../config.toml` is `HOME/config.toml`, whether or not `missing` exists.
pub(crate) fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let parts: Vec<Component<'_>> = absolute.components().collect();
    for split in (1..=parts.len()).rev() {
        let head: PathBuf = parts[..split].iter().collect();
        let Ok(mut real) = head.canonicalize() else {
            continue;
        };
        for part in &parts[split..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                _ => {}
            }
        }
        return real;
    }
    absolute
}

/// `path` with its folder resolved but its own name kept (the name itself, not what a symlink
/// of that name points to).
fn resolve_parent(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) if !dir.as_os_str().is_empty() => resolve(dir).join(name),
        _ => resolve(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_folders_and_dots_resolve_like_the_system_would() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let p = root.join("missing").join("..").join("config.toml");
        assert_eq!(resolve(&p), root.join("config.toml"));
        let p = root
            .join("a")
            .join("b")
            .join("..")
            .join("..")
            .join("..")
            .join("x");
        assert_eq!(resolve(&p), root.parent().unwrap().join("x"));
        #[cfg(unix)]
        {
            std::fs::create_dir(root.join("real")).unwrap();
            std::os::unix::fs::symlink(root.join("real"), root.join("link")).unwrap();
            let p = root.join("link").join("missing").join("..").join("f");
            assert_eq!(resolve(&p), root.join("real").join("f"));
        }
        assert!(!root.join("missing").exists() && !root.join("a").exists());
    }
}
