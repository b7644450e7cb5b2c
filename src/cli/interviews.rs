//! Past mock interviews for `history`, `history grade` and `report`: read from the state log
//! without the lock, and one chosen by id.

use chrono::Offset;

use super::home::Home;
use super::time_text::local_time;
use super::{Cli, UserError};
use crate::core::deck::Deck;
use crate::core::session::{PastInterview, past_interviews};
use crate::core::text::sanitize_line;
use crate::store::log;
use crate::study::Study;

/// Every interview in the state file (oldest first) and every deck (`--deck` does not filter
/// here: an interview may ask from several decks). Problems go to stderr.
pub(crate) fn load_interviews(
    cli: &Cli,
    home: &Home,
) -> anyhow::Result<(Vec<PastInterview>, Vec<Deck>)> {
    let all = read_interviews(home)?;
    let decks = load_decks_for_history(cli, home)?;
    Ok((all, decks))
}

/// Every interview in the state file, oldest first: from the mock records the progress cache
/// keeps when it matches (a long log is then not read: a million reviews took ~600 MB), from
/// the whole file otherwise. Problems go to stderr.
fn read_interviews(home: &Home) -> anyhow::Result<Vec<PastInterview>> {
    // The cache is kept for the scheduler settings in config.toml; without them (a broken
    // file, which `history` does not need), the file is read.
    if let Ok(config) = crate::store::config::load_config(home.root()) {
        let utc = chrono::FixedOffset::east_opt(0).unwrap_or(chrono::Utc.fix());
        let (study, warnings) = crate::study::read_study(home, config.scheduler, utc)?;
        crate::cli::print_load_warnings(&home.state_file(), &warnings);
        return Ok(study.past_interviews());
    }
    let report = log::read(home.state_file())?;
    crate::cli::print_load_warnings(&home.state_file(), &report.warnings);
    Ok(past_interviews(&report.records))
}

/// Every deck (`--deck` does not filter: an interview may ask from several decks); broken
/// decks are reported on stderr.
pub(crate) fn load_decks_for_history(cli: &Cli, home: &Home) -> anyhow::Result<Vec<Deck>> {
    let loaded = crate::store::decks::load_all(&home.decks_dir(), &cli.deck_file);
    for p in &loaded.problems {
        eprintln!(
            "warning: skipped the broken deck {} (see `prepdeck decks check`)",
            sanitize_line(&p.origin)
        );
    }
    // `--deck` filters which interviews are listed; an id that names no deck is a typo.
    super::check_deck_ids(cli, &loaded)?;
    Ok(loaded.decks)
}

/// The interview `id`, else the latest; a clear error listing recent ids when unknown.
pub(crate) fn choose<'a>(
    all: &'a [PastInterview],
    id: Option<&str>,
    home: &Home,
) -> anyhow::Result<&'a PastInterview> {
    let Some(last) = all.last() else {
        return Err(UserError(format!(
            "no mock interviews in {} yet; start one with `prepdeck mock --plain`",
            home.state_file().display()
        ))
        .into());
    };
    let Some(id) = id else {
        return Ok(last);
    };
    crate::core::session::find_interview(all, id).ok_or_else(|| {
        let recent: Vec<String> = all
            .iter()
            .rev()
            .take(5)
            .map(|p| format!("{} ({})", p.shown_id(), local_time(p.started_at)))
            .collect();
        UserError(format!(
            "no mock interview with id `{}`; recent ones: {} (all: `prepdeck history`)",
            crate::core::text::quoted(id),
            sanitize_line(&recent.join(", "))
        ))
        .into()
    })
}
