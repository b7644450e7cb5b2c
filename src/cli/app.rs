//! `prepdeck` (no command) and `prepdeck drill`: open the terminal app.
//!
//! Everything that can fail before the app starts (a broken state file, a lock held by another
//! prepdeck, a bad config) fails here, before the terminal is touched, so the message prints
//! plainly.

use std::io::IsTerminal;
use std::process::ExitCode;

use chrono::Utc;

use super::home::Home;
use super::{Cli, UserError, decks, load_decks, read_decks, report_decks};
use crate::core::ids::CategoryId;
use crate::core::text::sanitize_line;
use crate::store::config::load_config;
use crate::store::log::{LoadWarning, StateLog};
use crate::study::DrillFilter;
use crate::study::LogStudy;

/// `prepdeck drill [--category C] [--limit N]` (`--deck` is the global filter).
pub fn drill(
    cli: &Cli,
    home: &Home,
    categories: &[String],
    limit: Option<usize>,
    plain: bool,
) -> anyhow::Result<ExitCode> {
    let filter = DrillFilter {
        decks: vec![],
        categories: categories
            .iter()
            .map(|c| CategoryId::new(c.as_str()))
            .collect(),
        limit,
    };
    if !categories.is_empty() {
        let loaded = load_decks(cli, home)?;
        for c in &filter.categories {
            if !loaded.decks.iter().any(|d| d.category(c).is_some()) {
                return Err(UserError(format!(
                    "no category `{}` in the decks you chose; `prepdeck stats` lists them",
                    sanitize_line(c.as_str())
                ))
                .into());
            }
        }
    }
    if plain {
        return drill_plain(cli, home, &filter);
    }
    open(cli, home, Some(filter))
}

/// The line-mode drill on stdin/stdout.
fn drill_plain(cli: &Cli, home: &Home, filter: &DrillFilter) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let mut study = open_study(home)?;
    let clock = Utc::now;
    super::drill_plain::run_plain_drill(
        std::io::stdin().lock(),
        std::io::stdout().lock(),
        &clock,
        &loaded.decks,
        &mut study,
        filter,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the state log for writing (taking its lock) and replays it.
fn open_study(home: &Home) -> anyhow::Result<LogStudy<StateLog>> {
    let (study, warnings) = open_study_quietly(home)?;
    print_warnings(&warnings);
    Ok(study)
}

/// [`open_study`] without printing: returns the load warnings instead.
fn open_study_quietly(home: &Home) -> anyhow::Result<(LogStudy<StateLog>, Vec<LoadWarning>)> {
    let config = load_config(home.root())?;
    let (log, report) = StateLog::open(home.state_file())?;
    let offset = *chrono::Local::now().offset();
    let study = LogStudy::new(log, report.records, config.scheduler, offset);
    Ok((study, report.warnings))
}

fn print_warnings(warnings: &[LoadWarning]) {
    for w in warnings {
        eprintln!("warning: {}", sanitize_line(&w.to_string()));
    }
}

/// Opens the app; without a terminal, prints the deck summary instead.
pub fn open(cli: &Cli, home: &Home, drill: Option<DrillFilter>) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        if drill.is_some() {
            return Err(UserError("`prepdeck drill` needs a terminal".into()).into());
        }
        return decks::summary(cli, home);
    }
    let (loaded, study) = if cli.deck.is_empty() {
        // Without `--deck` filters loading the decks cannot fail, so the state file is opened
        // and replayed meanwhile; messages print in the usual order (decks first).
        let (loaded, study) = std::thread::scope(|s| {
            let decks = s.spawn(|| read_decks(cli, home));
            let study = open_study_quietly(home);
            let loaded = decks.join().unwrap_or_else(|_| read_decks(cli, home));
            (loaded, study)
        });
        let loaded = report_decks(cli, loaded)?;
        let (study, warnings) = study?;
        print_warnings(&warnings);
        (loaded, study)
    } else {
        let loaded = load_decks(cli, home)?;
        (loaded, open_study(home)?)
    };

    let decks_dir = home.decks_dir();
    let cache = home.deck_cache_dir();
    let extra = cli.deck_file.clone();
    let only = cli.deck.clone();
    let reload = Box::new(move || {
        let mut l = crate::store::decks::load_all_cached(&decks_dir, &extra, Some(&cache));
        if !only.is_empty() {
            l.decks
                .retain(|d| only.iter().any(|id| id == d.id.as_str()));
        }
        let problems = l
            .problems
            .iter()
            .map(|p| sanitize_line(&p.origin))
            .collect();
        (l.decks, problems)
    });
    crate::tui::run(loaded.decks, Box::new(study), drill, reload)?;
    Ok(ExitCode::SUCCESS)
}
