//! Progress for read-only commands: the state log read without the lock (so they work while
//! the app runs), replayed, and the notebook of notes and own answers.

use super::home::Home;
use crate::core::notes::Notebook;
use crate::core::schedule::{Progress, replay};
use crate::store::config::load_config;
use crate::store::log;

/// Reads the state file without the lock (works while the app runs) and replays it.
/// Warnings (a torn last line) go to stderr.
pub(crate) fn read_progress(
    home: &Home,
) -> anyhow::Result<(Vec<crate::core::record::Record>, Progress)> {
    let config = load_config(home.root())?;
    let report = log::read(home.state_file())?;
    crate::cli::print_load_warnings(&home.state_file(), &report.warnings);
    let progress = replay(&report.records, &config.scheduler);
    Ok((report.records, progress))
}

/// The state log's records, their replay and the notebook, read without the lock.
pub(crate) fn read_all(
    home: &Home,
) -> anyhow::Result<(Vec<crate::core::record::Record>, Progress, Notebook)> {
    let (records, progress) = read_progress(home)?;
    let notebook = Notebook::from_records(&records);
    Ok((records, progress, notebook))
}
