//! Opening the user's progress: the state log, resumed from the progress cache when it still
//! matches the log's first bytes, replayed in full otherwise.

use chrono::FixedOffset;

use super::LogStudy;
use super::journal::ReadOnlyLog;
use super::log_study::CacheState;
use crate::core::schedule::SchedulerConfig;
use crate::core::stats::HomeInputs;
use crate::store::error::StoreError;
use crate::store::home_snapshot;
use crate::store::log::{self, LoadWarning, LockedLog, Opened, StateLog};
use crate::store::paths::Home;
use crate::store::progress_cache;

/// A cached start saves the cache at once when it had to apply more records than this
/// (otherwise on the way out, when something was added).
const SAVE_AT_START_FROM: usize = 1_000;

/// Opens `home`'s state log for writing (taking its lock) and brings its progress up to date:
/// from the progress cache and the records appended since, or by replaying every record.
/// Returns what loading the log found worth a warning (nothing when the cache was used: it is
/// only made from a log with nothing to warn about).
pub fn open_study(
    home: &Home,
    config: SchedulerConfig,
    offset: FixedOffset,
) -> Result<(LogStudy<StateLog>, Vec<LoadWarning>), StoreError> {
    open_study_locked(home, config, offset, LockedLog::open(home.state_file())?)
}

/// The state file of `home` locked, and the home snapshot when it was made from the file as
/// it is now with `config`'s replay settings: a start can draw home's first frame from it
/// (see [`super::FirstFrame`]) and open the progress after that, from `locked`.
pub fn lock_for_home(
    home: &Home,
    config: &SchedulerConfig,
) -> Result<(LockedLog, Option<HomeInputs>), StoreError> {
    let locked = LockedLog::open(home.state_file())?;
    let inputs = locked
        .stamp()
        .and_then(|stamp| home_snapshot::load(&home.home_snapshot_file(), config, &stamp));
    Ok((locked, inputs))
}

/// [`open_study`] of a state file already locked; `fresh`: the home snapshot is known to
/// hold what the progress gives.
pub fn open_study_locked(
    home: &Home,
    config: SchedulerConfig,
    offset: FixedOffset,
    locked: LockedLog,
) -> Result<(LogStudy<StateLog>, Vec<LoadWarning>), StoreError> {
    let (study, warnings) = open_locked(home, config, offset, locked)?;
    Ok((
        study.with_home_snapshot(home.home_snapshot_file(), false),
        warnings,
    ))
}

fn open_locked(
    home: &Home,
    config: SchedulerConfig,
    offset: FixedOffset,
    locked: LockedLog,
) -> Result<(LogStudy<StateLog>, Vec<LoadWarning>), StoreError> {
    let cache = home.progress_cache_file();
    let state_file = home.state_file();
    let (log, report) = match progress_cache::load(&cache, &state_file, &config) {
        Some(snapshot) => match StateLog::open_resuming_locked(locked, &snapshot.prefix)? {
            (log, Opened::Resumed(tail)) => {
                let state = if tail.is_empty() {
                    CacheState::Current
                } else {
                    CacheState::Behind
                };
                // The log had to be hashed to be recognised: saved again on the way out with
                // its stamp, the next start need not.
                let restamp =
                    snapshot.prefix.stamp.is_none() || snapshot.prefix.stamp != log.stamp();
                let save_now = tail.len() > SAVE_AT_START_FROM;
                // Fails only when the tail needs a full replay and the log cannot be read
                // back: then (the log closed again) open it the usual way.
                if let Ok(study) = LogStudy::resume(log, snapshot, tail, config.clone(), offset) {
                    let mut study = study.with_progress_cache(cache, state);
                    if restamp {
                        study = study.restamp_progress_cache();
                    }
                    if save_now {
                        study.save_progress_cache();
                    }
                    return Ok((study, vec![]));
                }
                StateLog::open(&state_file)?
            }
            (log, Opened::Full(report)) => (log, report),
        },
        None => StateLog::open_locked(locked)?,
    };
    let study = LogStudy::new(log, report.records, config, offset).reading_back();
    // A log with something to warn about is not cached: the warning stays in view on every
    // start until the log is repaired.
    if !report.warnings.is_empty() {
        return Ok((study, report.warnings));
    }
    let mut study = study.with_progress_cache(cache, CacheState::Behind);
    study.save_progress_cache();
    Ok((study, report.warnings))
}

/// `home`'s progress for a read-only command: the state file read without its lock (so it
/// works while the app runs) and never written, resumed from the progress cache when it
/// matches (the cache is not written either). Returns the load warnings as [`open_study`].
pub fn read_study(
    home: &Home,
    config: SchedulerConfig,
    offset: FixedOffset,
) -> Result<(LogStudy<ReadOnlyLog>, Vec<LoadWarning>), StoreError> {
    let state_file = home.state_file();
    let journal = || ReadOnlyLog::new(state_file.clone());
    if let Some(snapshot) = progress_cache::load(&home.progress_cache_file(), &state_file, &config)
        && let Some(tail) = log::read_after_prefix(&state_file, &snapshot.prefix)?
        && let Ok(study) = LogStudy::resume(journal(), snapshot, tail, config.clone(), offset)
    {
        return Ok((study, vec![]));
    }
    let report = log::read(&state_file)?;
    let study = LogStudy::new(journal(), report.records, config, offset).reading_back();
    Ok((study, report.warnings))
}
