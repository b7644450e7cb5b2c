//! `<home>/targets/NAME.toml`: one file per interview target, the user's own.
//!
//! A target file is plain TOML the user may read, edit, copy to another computer or delete:
//! the job description is kept inside it as a multi-line string, beside the name, company,
//! role, date, notes and plan limits. Files are private (0600 in a 0700 folder): job
//! descriptions are often confidential.
//!
//! Writes never lose data: a new target is written to a temporary file, synced, and linked to
//! its name only if no file has that name (so two prepdecks cannot overwrite each other's
//! target); an edit replaces the file atomically. A file that cannot be read (too large, not a
//! regular file, not TOML, an unknown key, a newer format) is reported with its path and line,
//! and left alone. Reads go through `store::bounded`.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::target::{InterviewDate, MAX_JOB_BYTES, PlanLimits, Target, TargetName};
use crate::store::StoreError;
use crate::store::bounded::{ReadError, read_regular};
use crate::store::paths::{
    Home, create_private_new, ensure_private_dir, sync_parent_dir, write_private_replace,
};

/// The target file format this build writes and reads.
pub const TARGET_FORMAT: u32 = 1;
/// A target file is its job description plus a little: anything larger is not one.
const MAX_FILE_BYTES: u64 = (MAX_JOB_BYTES + 64 * 1024) as u64;

#[derive(Debug, thiserror::Error)]
pub enum TargetStoreError {
    #[error("no target named `{name}` (see `prepdeck target list`)")]
    NotFound { name: String },
    #[error("a target named `{name}` exists already ({}); choose another name or remove it first", path.display())]
    Exists { name: String, path: PathBuf },
    #[error("the target file {} is invalid: {message}. Fix it, or remove the file", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error(
        "the target file {} has format {found}, newer than this prepdeck understands \
         (format {TARGET_FORMAT}); it was left alone. Update prepdeck to use it",
        path.display()
    )]
    NewerFormat { path: PathBuf, found: u32 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The folder of target files.
pub fn targets_dir(home: &Home) -> PathBuf {
    home.root().join("targets")
}

/// The file of the target `name`.
pub fn target_file(home: &Home, name: &TargetName) -> PathBuf {
    targets_dir(home).join(format!("{name}.toml"))
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV1 {
    format: u32,
    name: TargetName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    created: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    new_per_day: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reviews_per_day: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notes: Option<String>,
    job: String,
}

/// The TOML text of a target file.
pub fn encode(target: &Target) -> Result<String, String> {
    let file = FileV1 {
        format: TARGET_FORMAT,
        name: target.name.clone(),
        company: target.company.clone(),
        role: target.role.clone(),
        date: target.date.map(|d| d.to_string()),
        created: target.created,
        new_per_day: target.limits.new_per_day,
        reviews_per_day: target.limits.reviews_per_day,
        notes: target.notes.clone(),
        job: target.job.clone(),
    };
    let body = toml::to_string(&file).map_err(|e| e.to_string())?;
    Ok(format!(
        "# A prepdeck interview target (`prepdeck target show {}`). You may edit it.\n{body}",
        target.name
    ))
}

/// Reads a target from the text of `path`. The file's name must match its `name`.
pub fn decode(path: &Path, text: &str) -> Result<Target, TargetStoreError> {
    let invalid = |message: String| TargetStoreError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    // The format first, so a newer file is named as such rather than as invalid.
    let table: toml::Table =
        toml::from_str(text).map_err(|e| invalid(crate::core::toml_error::one_line(text, &e)))?;
    if let Some(found) = table.get("format").and_then(toml::Value::as_integer)
        && found > i64::from(TARGET_FORMAT)
    {
        return Err(TargetStoreError::NewerFormat {
            path: path.to_path_buf(),
            found: u32::try_from(found).unwrap_or(u32::MAX),
        });
    }
    let file: FileV1 =
        toml::from_str(text).map_err(|e| invalid(crate::core::toml_error::one_line(text, &e)))?;
    let date = match &file.date {
        Some(d) => Some(InterviewDate::parse(d).map_err(|e| invalid(e.to_string()))?),
        None => None,
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if stem != file.name.as_str() {
        return Err(invalid(format!(
            "its name `{}` differs from the file's name `{stem}`",
            file.name
        )));
    }
    Ok(Target {
        name: file.name,
        company: file.company,
        role: file.role,
        date,
        notes: file.notes,
        created: file.created,
        limits: PlanLimits {
            new_per_day: file.new_per_day,
            reviews_per_day: file.reviews_per_day,
        },
        job: file.job,
    })
}

/// Reads `path` through the one bounded open (a regular file, at most `MAX_FILE_BYTES`).
fn read_capped(path: &Path) -> Result<String, TargetStoreError> {
    let invalid = |message: String| TargetStoreError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    let bytes = match read_regular(path, MAX_FILE_BYTES) {
        Ok(Some(b)) => b,
        Ok(None) => {
            let gone = io::Error::new(
                io::ErrorKind::NotFound,
                "no such file (or a symbolic link to a missing file)",
            );
            return Err(StoreError::io(path, "read", gone).into());
        }
        Err(ReadError::Io(e)) => return Err(StoreError::io(path, "read", e).into()),
        Err(e) => return Err(invalid(e.to_string())),
    };
    String::from_utf8(bytes).map_err(|_| invalid("it is not UTF-8 text".into()))
}

/// The target `name`.
pub fn load_target(home: &Home, name: &TargetName) -> Result<Target, TargetStoreError> {
    let path = target_file(home, name);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(TargetStoreError::NotFound {
                name: name.to_string(),
            });
        }
        Err(e) => return Err(StoreError::io(&path, "read", e).into()),
        Ok(_) => {}
    }
    let text = read_capped(&path)?;
    decode(&path, &text)
}

/// Every target file, by name; files that cannot be read come back as errors (never fatal
/// for the others). Temporary and other files are skipped.
pub fn list_targets(home: &Home) -> (Vec<Target>, Vec<TargetStoreError>) {
    let dir = targets_dir(home);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (vec![], vec![]),
        Err(e) => return (vec![], vec![StoreError::io(&dir, "read", e).into()]),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && p.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| TargetName::parse(s).is_ok())
        })
        .collect();
    paths.sort();
    let mut targets = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        match read_capped(&p).and_then(|text| decode(&p, &text)) {
            Ok(t) => targets.push(t),
            Err(e) => problems.push(e),
        }
    }
    (targets, problems)
}

/// Writes a new target; refuses when one of that name exists (never overwrites).
pub fn add_target(home: &Home, target: &Target) -> Result<PathBuf, TargetStoreError> {
    let path = target_file(home, &target.name);
    let exists = || TargetStoreError::Exists {
        name: target.name.to_string(),
        path: path.clone(),
    };
    if fs::symlink_metadata(&path).is_ok() {
        return Err(exists());
    }
    let text = encode(target).map_err(|message| TargetStoreError::Invalid {
        path: path.clone(),
        message,
    })?;
    ensure_private_dir(&targets_dir(home))?;
    let mut tmp_name = OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(format!(
        ".new-{}-{:08x}",
        std::process::id(),
        rand::random::<u32>()
    ));
    let tmp = path.with_file_name(tmp_name);
    {
        use std::io::Write;
        let mut f = create_private_new(&tmp).map_err(|e| StoreError::io(&tmp, "create", e))?;
        let written = f.write_all(text.as_bytes()).and_then(|()| f.sync_all());
        if let Err(e) = written {
            drop(f);
            let _ = fs::remove_file(&tmp);
            return Err(StoreError::io(&path, "write", e).into());
        }
    }
    // A hard link fails if the name exists: the atomic "create only if new".
    let linked = fs::hard_link(&tmp, &path);
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(exists()),
        Err(e) => return Err(StoreError::io(&path, "create", e).into()),
    }
    sync_parent_dir(&path)?;
    Ok(path)
}

/// Replaces an existing target's file atomically (an edit).
pub fn replace_target(home: &Home, target: &Target) -> Result<PathBuf, TargetStoreError> {
    // It must exist and be readable: an unreadable file is never written over.
    load_target(home, &target.name)?;
    let path = target_file(home, &target.name);
    let text = encode(target).map_err(|message| TargetStoreError::Invalid {
        path: path.clone(),
        message,
    })?;
    write_private_replace(&path, text.as_bytes())?;
    Ok(path)
}

/// Deletes the target's file.
pub fn remove_target(home: &Home, name: &TargetName) -> Result<PathBuf, TargetStoreError> {
    let path = target_file(home, name);
    match fs::remove_file(&path) {
        Ok(()) => {
            sync_parent_dir(&path)?;
            Ok(path)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(TargetStoreError::NotFound {
            name: name.to_string(),
        }),
        Err(e) => Err(StoreError::io(&path, "remove", e).into()),
    }
}

/// The file naming the target mock interviews are for until `--no-target`.
pub fn mock_target_file(home: &Home) -> PathBuf {
    targets_dir(home).join("mock-target.txt")
}

/// The remembered mock-interview target; `None` when none is remembered or the file does not
/// name one (a broken file is only a forgotten choice).
pub fn load_mock_target(home: &Home) -> Option<TargetName> {
    let bytes = read_regular(&mock_target_file(home), 256).ok()??;
    TargetName::parse(String::from_utf8(bytes).ok()?.trim()).ok()
}

/// Remembers `name` for the next mock interviews (`None`: forget).
pub fn save_mock_target(home: &Home, name: Option<&TargetName>) -> Result<(), StoreError> {
    let path = mock_target_file(home);
    match name {
        Some(n) => write_private_replace(&path, format!("{n}\n").as_bytes()),
        None => match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                Err(StoreError::io(&path, "remove", e))
            }
            _ => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(name: &str) -> Target {
        Target {
            name: TargetName::parse(name).unwrap(),
            company: Some("Acme \"Ltd\"".into()),
            role: None,
            date: Some(InterviewDate::parse("2026-03-14T10:30").unwrap()),
            notes: Some("Ask about on-call.\nPanel: Sam, Jo".into()),
            created: DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z")
                .unwrap()
                .to_utc(),
            limits: PlanLimits {
                new_per_day: Some(15),
                reviews_per_day: None,
            },
            job: "Run the \u{1b}[31m network.\n\"\"\" quotes '''\n".into(),
        }
    }

    #[test]
    fn round_trips_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::at(dir.path());
        let t = target("acme");
        let path = add_target(&home, &t).unwrap();
        assert_eq!(load_target(&home, &t.name).unwrap(), t);
        let mut other = t.clone();
        other.job = "something else".into();
        assert!(matches!(
            add_target(&home, &other),
            Err(TargetStoreError::Exists { .. })
        ));
        assert_eq!(load_target(&home, &t.name).unwrap(), t);
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            let mode = fs::metadata(path.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(mode, 0o700);
        }
    }

    #[test]
    fn list_reports_broken_files_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::at(dir.path());
        add_target(&home, &target("good")).unwrap();
        fs::write(
            targets_dir(&home).join("bad.toml"),
            "format = 1\nname = \"bad\"\nnope = 3\n",
        )
        .unwrap();
        fs::write(targets_dir(&home).join("future.toml"), "format = 9\n").unwrap();
        let (targets, problems) = list_targets(&home);
        assert_eq!(targets.len(), 1);
        assert_eq!(problems.len(), 2);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("bad.toml") && t.contains("line")),
            "{text:?}"
        );
        assert!(text.iter().any(|t| t.contains("newer")), "{text:?}");
    }

    #[test]
    fn the_mock_target_is_remembered_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::at(dir.path());
        assert_eq!(load_mock_target(&home), None);
        let name = TargetName::parse("acme").unwrap();
        save_mock_target(&home, Some(&name)).unwrap();
        assert_eq!(load_mock_target(&home), Some(name));
        // Not a target file.
        assert!(list_targets(&home).0.is_empty() && list_targets(&home).1.is_empty());
        save_mock_target(&home, None).unwrap();
        save_mock_target(&home, None).unwrap();
        assert_eq!(load_mock_target(&home), None);
    }

    #[test]
    fn remove_and_replace() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::at(dir.path());
        let mut t = target("acme");
        assert!(matches!(
            replace_target(&home, &t),
            Err(TargetStoreError::NotFound { .. })
        ));
        add_target(&home, &t).unwrap();
        t.role = Some("IT Manager".into());
        replace_target(&home, &t).unwrap();
        assert_eq!(
            load_target(&home, &t.name).unwrap().role.as_deref(),
            Some("IT Manager")
        );
        remove_target(&home, &t.name).unwrap();
        assert!(matches!(
            remove_target(&home, &t.name),
            Err(TargetStoreError::NotFound { .. })
        ));
    }
}
