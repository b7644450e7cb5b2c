//! Opening the state log for a command that writes to it: takes the lock and brings progress
//! up to date (from the progress cache when it matches).

use super::home::Home;
use crate::store::config::load_config;
use crate::store::log::{LoadWarning, StateLog};
use crate::study::LogStudy;

/// Opens the state log for writing (taking its lock) and brings progress up to date (from
/// the progress cache when it matches), printing what loading found worth a warning.
pub(crate) fn open_study(home: &Home) -> anyhow::Result<LogStudy<StateLog>> {
    let (study, warnings) = open_study_quietly(home)?;
    print_warnings(home, &warnings);
    Ok(study)
}

/// [`open_study`] without printing: returns the load warnings instead.
pub(crate) fn open_study_quietly(
    home: &Home,
) -> anyhow::Result<(LogStudy<StateLog>, Vec<LoadWarning>)> {
    let config = load_config(home.root())?;
    let offset = *chrono::Local::now().offset();
    Ok(crate::study::open_study(home, config.scheduler, offset)?)
}

pub(crate) fn print_warnings(home: &Home, warnings: &[LoadWarning]) {
    crate::cli::print_load_warnings(&home.state_file(), warnings);
}
