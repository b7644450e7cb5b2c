//! Launches the terminal app (`prepdeck`, `prepdeck drill`, `prepdeck mock`).
//!
//! Everything that can fail before the app starts (a broken state file, a lock held by another
//! prepdeck, a bad config) fails here, before the terminal is touched, so the message prints
//! plainly.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::home::Home;
use super::open_study::{open_study, open_study_quietly, print_warnings};
use super::{Cli, UsageError, decks, load_decks, read_decks, report_decks};
use crate::core::text::sanitize_line;
use crate::store::mock_setup::load_mock_setup;
use crate::store::paths;
use crate::tui::Start;

/// Opens the app on `start`; without a terminal, prints the deck summary instead.
pub fn open(cli: &Cli, home: &Home, start: Start) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return match start {
            Start::Home => decks::summary(cli, home),
            // Like `cards note --edit` without a terminal: bad usage (exit 2).
            Start::Drill(_) | Start::TargetDrill { .. } => Err(UsageError(
                "`prepdeck drill` needs a terminal; `prepdeck drill --plain` works without one"
                    .into(),
            )
            .into()),
            Start::StoryDrill => Err(UsageError(
                "`prepdeck stories drill` needs a terminal; `prepdeck stories drill --plain` \
                 works without one"
                    .into(),
            )
            .into()),
            Start::Mock(_) | Start::MockSetup | Start::TargetMock { .. } => Err(UsageError(
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
        Err(e)
            if matches!(
                start,
                Start::Home | Start::Drill(_) | Start::StoryDrill | Start::TargetDrill { .. }
            ) =>
        {
            eprintln!("warning: {}", sanitize_line(&e.to_string()));
            None
        }
        Err(e) => return Err(e.into()),
    };
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
        print_warnings(home, &warnings);
        (loaded, study)
    } else {
        let loaded = load_decks(cli, home)?;
        (loaded, open_study(home)?)
    };
    let mut study = study.with_home(paths::Home::at(home.root()));
    if let Some(setup) = remembered {
        study = study.with_mock_setup(paths::Home::at(home.root()), setup);
    }

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
        (l.decks, l.problems)
    });
    crate::tui::run(
        loaded.decks,
        Box::new(study),
        loaded.problems,
        start,
        reload,
    )?;
    Ok(ExitCode::SUCCESS)
}
