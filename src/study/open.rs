//! Opening the user's progress: the state log, resumed from the progress cache when it still
//! matches the log's first bytes, replayed in full otherwise.

use chrono::FixedOffset;

use super::LogStudy;
use crate::core::schedule::SchedulerConfig;
use crate::store::error::StoreError;
use crate::store::log::{LoadWarning, Opened, StateLog};
use crate::store::paths::Home;
use crate::store::progress_cache;

/// Opens `home`'s state log for writing (taking its lock) and brings its progress up to date:
/// from the progress cache and the records appended since, or by replaying every record.
/// Returns what loading the log found worth a warning (nothing when the cache was used: it is
/// only made from a log with nothing to warn about).
pub fn open_study(
    home: &Home,
    config: SchedulerConfig,
    offset: FixedOffset,
) -> Result<(LogStudy<StateLog>, Vec<LoadWarning>), StoreError> {
    let cache = home.progress_cache_file();
    let state_file = home.state_file();
    let (log, report) = match progress_cache::load(&cache, &config) {
        Some(snapshot) => match StateLog::open_resuming(&state_file, &snapshot.prefix)? {
            (log, Opened::Resumed(tail)) => {
                let stale = !tail.is_empty();
                let save_now = LogStudy::<StateLog>::resumed_far(tail.len());
                // Fails only when the tail needs a full replay and the log cannot be read
                // back: then (the log closed again) open it the usual way.
                if let Ok(study) = LogStudy::resume(log, snapshot, tail, config.clone(), offset) {
                    let mut study = study.with_progress_cache(cache, stale);
                    if save_now {
                        study.save_progress_cache();
                    }
                    return Ok((study, vec![]));
                }
                StateLog::open(&state_file)?
            }
            (log, Opened::Full(report)) => (log, report),
        },
        None => StateLog::open(&state_file)?,
    };
    let study = LogStudy::new(log, report.records, config, offset);
    // A log with something to warn about is not cached: the warning stays in view on every
    // start until the log is repaired.
    if !report.warnings.is_empty() {
        return Ok((study, report.warnings));
    }
    let mut study = study.with_progress_cache(cache, true);
    study.save_progress_cache();
    Ok((study, report.warnings))
}
