//! `prepdeck` (no command) and `prepdeck drill`: open the terminal app.
//!
//! Everything that can fail before the app starts (a broken state file, a lock held by another
//! prepdeck, a bad config) fails here, before the terminal is touched, so the message prints
//! plainly.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::home::Home;
use super::{Cli, UserError, decks, load_decks};
use crate::core::ids::CategoryId;
use crate::core::text::sanitize_line;
use crate::store::config::load_config;
use crate::store::log::StateLog;
use crate::store::paths;
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
    if plain {
        return Err(UserError(
            "--plain is not available yet; run `prepdeck drill` in a terminal".into(),
        )
        .into());
    }
    let filter = DrillFilter {
        decks: vec![],
        categories: categories
            .iter()
            .map(|c| CategoryId::new(c.as_str()))
            .collect(),
        limit,
    };
    open(cli, home, Some(filter))
}

/// Opens the app; without a terminal, prints the deck summary instead.
pub fn open(cli: &Cli, home: &Home, drill: Option<DrillFilter>) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        if drill.is_some() {
            return Err(UserError("`prepdeck drill` needs a terminal".into()).into());
        }
        return decks::summary(cli, home);
    }
    let loaded = load_decks(cli, home)?;
    let store_home = paths::Home::at(home.root());
    let config = load_config(home.root())?;
    let (log, report) = StateLog::open(store_home.state_file())?;
    for w in &report.warnings {
        eprintln!("warning: {}", sanitize_line(&w.to_string()));
    }
    let offset = *chrono::Local::now().offset();
    let study = LogStudy::new(log, report.records, config.scheduler, offset);

    let decks_dir = home.decks_dir();
    let extra = cli.deck_file.clone();
    let only = cli.deck.clone();
    let reload = Box::new(move || {
        let mut l = crate::store::decks::load_all(&decks_dir, &extra);
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
