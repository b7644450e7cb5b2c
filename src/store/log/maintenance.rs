//! `prepdeck state check|repair|merge`: inspecting, mending and combining state files.
//!
//! `check` only reads. `repair` and `merge` take the writer's lock; `repair` keeps a backup of
//! the original before replacing it atomically, `merge` only appends.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::store::error::StoreError;
use crate::store::log::files::{IfMissing, open_locked, read_unlocked, write_side_file};
use crate::store::log::scan::{BadLine, DuplicateId, LineProblem, TornTail, scan};
use crate::store::log::{StateLog, read, refuse_fatal};
use crate::store::paths::write_private_replace;

/// What `check` found. Lists every problem; never stops at the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckReport {
    pub path: PathBuf,
    pub exists: bool,
    /// Readable records (first of each id).
    pub records: usize,
    pub torn: Option<TornTail>,
    pub bad_lines: Vec<BadLine>,
    pub duplicates: Vec<DuplicateId>,
}

impl CheckReport {
    /// No bad lines and no torn tail (duplicates are harmless).
    pub fn is_healthy(&self) -> bool {
        self.bad_lines.is_empty() && self.torn.is_none()
    }

    /// A line is from a newer prepdeck: updating, not repairing, is the fix.
    pub fn needs_newer_prepdeck(&self) -> bool {
        self.bad_lines
            .iter()
            .any(|b| matches!(b.problem, LineProblem::NewerFormat { .. }))
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        if !self.exists {
            return write!(f, "{path} does not exist yet (no progress saved)");
        }
        write!(f, "{path}: {} records", self.records)?;
        if self.is_healthy() && self.duplicates.is_empty() {
            return write!(f, ", no problems found");
        }
        for bad in &self.bad_lines {
            write!(f, "\n  {bad}")?;
        }
        if let Some(torn) = &self.torn {
            write!(f, "\n  {torn}")?;
        }
        for dup in &self.duplicates {
            write!(f, "\n  {dup}")?;
        }
        if self.needs_newer_prepdeck() {
            write!(f, "\nUpdate prepdeck to read this file.")
        } else if !self.is_healthy() {
            write!(
                f,
                "\nRun `prepdeck state repair` to keep every readable record \
                 (the original is backed up first)."
            )
        } else {
            Ok(())
        }
    }
}

/// Reads the file (no lock, no writes) and lists every problem in it.
pub fn check(path: impl AsRef<Path>) -> Result<CheckReport, StoreError> {
    let path = path.as_ref();
    let Some(bytes) = read_unlocked(path)? else {
        return Ok(CheckReport {
            path: path.to_path_buf(),
            exists: false,
            records: 0,
            torn: None,
            bad_lines: Vec::new(),
            duplicates: Vec::new(),
        });
    };
    let found = scan(&bytes);
    Ok(CheckReport {
        path: path.to_path_buf(),
        exists: true,
        records: found.records.len(),
        torn: found.torn,
        bad_lines: found.bad,
        duplicates: found.duplicates,
    })
}

/// What `repair` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepairReport {
    pub path: PathBuf,
    /// False when the file was already healthy (or missing) and was left alone.
    pub changed: bool,
    pub records_kept: usize,
    /// The copy of the original file.
    pub backup: Option<PathBuf>,
    /// Where unreadable lines (and a torn tail) were saved, one per line.
    pub rejected: Option<PathBuf>,
    /// Line numbers (in the original) of what went to `rejected`.
    pub rejected_lines: Vec<usize>,
    pub duplicates_dropped: usize,
}

impl fmt::Display for RepairReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        if !self.changed {
            return write!(f, "{path} needed no repair ({} records)", self.records_kept);
        }
        write!(f, "repaired {path}: kept {} records", self.records_kept)?;
        if let Some(rejected) = &self.rejected {
            let lines: Vec<String> = self.rejected_lines.iter().map(|l| l.to_string()).collect();
            write!(
                f,
                "; set aside unreadable line(s) {} in {}",
                lines.join(", "),
                rejected.display()
            )?;
        }
        if self.duplicates_dropped > 0 {
            write!(
                f,
                "; dropped {} duplicate record(s)",
                self.duplicates_dropped
            )?;
        }
        if let Some(backup) = &self.backup {
            write!(f, ". The original is kept as {}", backup.display())?;
        }
        Ok(())
    }
}

/// Rewrites the file with every readable record. Keeps the original as
/// `<file>.bak-<unix-time>` and unreadable lines in `<file>.rejected-<unix-time>` first.
/// Refuses a file with newer-format records. Needs the lock.
pub fn repair(path: impl AsRef<Path>) -> Result<RepairReport, StoreError> {
    let path = path.as_ref();
    let mut report = RepairReport {
        path: path.to_path_buf(),
        changed: false,
        records_kept: 0,
        backup: None,
        rejected: None,
        rejected_lines: Vec::new(),
        duplicates_dropped: 0,
    };
    // The lock is held (via `_file`) until the rewrite is done.
    let Some((_file, bytes)) = open_locked(path, IfMissing::Leave)? else {
        return Ok(report);
    };
    let found = scan(&bytes);
    if let Some(BadLine {
        problem: LineProblem::NewerFormat { .. },
        ..
    }) = found.first_fatal()
    {
        return refuse_fatal(path, &found).map(|()| report);
    }
    report.records_kept = found.records.len();
    if found.is_clean() && !found.missing_newline {
        return Ok(report);
    }

    let mut rejected = Vec::new();
    for (bad, range) in found.bad.iter().zip(&found.bad_lines) {
        rejected.extend_from_slice(&bytes[range.clone()]);
        rejected.push(b'\n');
        report.rejected_lines.push(bad.line);
    }
    if let Some(torn) = &found.torn {
        rejected.extend_from_slice(&torn.bytes);
        rejected.push(b'\n');
        report.rejected_lines.push(torn.line);
    }
    let mut clean = Vec::with_capacity(bytes.len());
    for range in &found.kept_lines {
        // Original bytes, not re-serialised: nothing a newer minor version added is lost.
        clean.extend_from_slice(&bytes[range.clone()]);
        clean.push(b'\n');
    }

    let backup = write_side_file(path, "bak", &bytes)?;
    let mut created = vec![backup.clone()];
    let result = (|| {
        if !rejected.is_empty() {
            let side = write_side_file(path, "rejected", &rejected)?;
            created.push(side.clone());
            report.rejected = Some(side);
        }
        write_private_replace(path, &clean)
    })();
    if let Err(e) = result {
        // The original is untouched, so the copies are not needed; don't leave clutter.
        for side in created {
            let _ = std::fs::remove_file(side);
        }
        return Err(e);
    }
    report.backup = Some(backup);
    report.duplicates_dropped = found.duplicates.len();
    report.changed = true;
    Ok(report)
}

/// What `merge` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeReport {
    pub path: PathBuf,
    pub other: PathBuf,
    /// Records of `other` that were new and are now in `path`.
    pub added: usize,
    /// Records of `other` that `path` already had.
    pub already_present: usize,
    /// An unfinished last line in `other`, which was not merged.
    pub other_torn: Option<TornTail>,
    /// What opening `path` found (a torn last line of its own is set aside).
    pub warnings: Vec<super::LoadWarning>,
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "merged {} into {}: {} new record(s) added, {} already present",
            self.other.display(),
            self.path.display(),
            self.added,
            self.already_present
        )?;
        if let Some(torn) = &self.other_torn {
            write!(f, "; skipped in {}: {torn}", self.other.display())?;
        }
        Ok(())
    }
}

/// Appends the records of `other` that `path` lacks, oldest first, in one durable write
/// under the lock. Merging the same file twice adds nothing the second time.
pub fn merge(path: impl AsRef<Path>, other: impl AsRef<Path>) -> Result<MergeReport, StoreError> {
    let (path, other) = (path.as_ref(), other.as_ref());
    if !other.exists() {
        return Err(StoreError::io(
            other,
            "read",
            io::Error::new(io::ErrorKind::NotFound, "no such file"),
        ));
    }
    let theirs = read(other)?;
    let (mut log, mine) = StateLog::open(path)?;
    let offered = theirs.records.len();
    let mut new: Vec<_> = theirs
        .records
        .into_iter()
        .filter(|r| !log.contains(&r.id))
        .collect();
    new.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    let added = log.append_records(&new)?;
    Ok(MergeReport {
        path: path.to_path_buf(),
        other: other.to_path_buf(),
        added,
        already_present: offered - added,
        other_torn: theirs.torn,
        warnings: mine.warnings,
    })
}
