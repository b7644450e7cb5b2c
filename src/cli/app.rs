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
use crate::store::mock_setup::load_mock_setup;
use crate::store::paths;
use crate::tui::Start;
use crate::tui::log_study::LogStudy;
use crate::tui::study::DrillFilter;

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
    open(cli, home, Start::Drill(filter))
}

/// Opens the app on `start`; without a terminal, prints the deck summary instead.
pub fn open(cli: &Cli, home: &Home, start: Start) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return match start {
            Start::Home => decks::summary(cli, home),
            Start::Drill(_) => Err(UserError("`prepdeck drill` needs a terminal".into()).into()),
            Start::Mock(_) | Start::MockSetup => Err(UserError(
                "`prepdeck mock` needs a terminal; `prepdeck mock --plain` works without one"
                    .into(),
            )
            .into()),
        };
    }
    // The remembered mock setup. Opening the app for something else, a broken file only
    // warns (and is left alone: nothing is remembered over it).
    let remembered = match load_mock_setup(home) {
        Ok(s) => Some(s.unwrap_or_default()),
        Err(e) if matches!(start, Start::Home | Start::Drill(_)) => {
            eprintln!("warning: {}", sanitize_line(&e.to_string()));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let loaded = load_decks(cli, home)?;
    let store_home = paths::Home::at(home.root());
    let config = load_config(home.root())?;
    let (log, report) = StateLog::open(store_home.state_file())?;
    for w in &report.warnings {
        eprintln!("warning: {}", sanitize_line(&w.to_string()));
    }
    let offset = *chrono::Local::now().offset();
    let mut study = LogStudy::new(log, report.records, config.scheduler, offset);
    if let Some(setup) = remembered {
        study = study.with_mock_setup(store_home.clone(), setup);
    }

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
    crate::tui::run(loaded.decks, Box::new(study), start, reload)?;
    Ok(ExitCode::SUCCESS)
}
