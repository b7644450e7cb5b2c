//! Launches the terminal app (`prepdeck`, `prepdeck drill`, `prepdeck mock`).
//!
//! Everything that can fail before the app starts (a broken state file, a lock held by another
//! prepdeck, a bad config) fails here, before the terminal is touched, so the message prints
//! plainly.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::home::Home;
use super::open_study::{open_study, open_study_quietly, print_warnings};
use super::{Cli, UsageError, decks, report_decks};
use crate::core::text::sanitize_line;
use crate::store::decks::FirstDecks;
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
    // Home's first frame needs only titles and counts: the decks come bare from the deck
    // overview cache when it has them, and whole after the first frame (`whole` below).
    let first_frame = matches!(start, Start::Home);
    let (decks_dir, extra, cache) = (
        home.decks_dir(),
        cli.deck_file.clone(),
        home.deck_cache_dir(),
    );
    let read = move || {
        if first_frame {
            crate::store::decks::load_first(&decks_dir, &extra, &cache)
        } else {
            FirstDecks {
                loaded: crate::store::decks::load_all_cached(&decks_dir, &extra, Some(&cache)),
                bare: false,
            }
        }
    };
    let (first, opened) = if cli.deck.is_empty() {
        // Without `--deck` filters loading the decks cannot fail, so the state file is opened
        // and replayed meanwhile; messages print in the usual order (decks first).
        let (first, study) = beside(read, || open_study_quietly(home));
        (first, Some(study))
    } else {
        (read(), None)
    };
    let FirstDecks { loaded, bare } = first;
    let mut loaded = report_decks(cli, loaded)?;
    let study = match opened {
        Some(study) => {
            let (study, warnings) = study?;
            print_warnings(home, &warnings);
            study
        }
        None => open_study(home)?,
    };
    let mut study = study.with_home(paths::Home::at(home.root()));
    if let Some(setup) = remembered {
        study = study.with_mock_setup(paths::Home::at(home.root()), setup);
    }

    let mut reload = whole_decks(cli, home);
    let mut whole: Option<crate::tui::app::WholeDecks> = None;
    if bare {
        if study.has_mock_records() {
            // The coverage of typed mock answers (in home's weakest categories) depends on
            // the cards' key points: the whole decks are needed before the first frame.
            loaded.decks = reload().0;
        } else {
            whole = Some(Box::new(whole_decks(cli, home)));
        }
    }
    crate::tui::run(
        loaded.decks,
        Box::new(study),
        loaded.problems,
        start,
        Box::new(reload),
        whole,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Loads every deck whole, with the `--deck` filters applied: the decks and the files that
/// did not load (after `$EDITOR` closed, or after a first frame drawn from bare decks).
fn whole_decks(
    cli: &Cli,
    home: &Home,
) -> impl FnMut() -> (
    Vec<crate::core::deck::Deck>,
    Vec<crate::core::deck::DeckProblem>,
) + 'static {
    let decks_dir = home.decks_dir();
    let cache = home.deck_cache_dir();
    let extra = cli.deck_file.clone();
    let only = cli.deck.clone();
    move || {
        let mut l = crate::store::decks::load_all_cached(&decks_dir, &extra, Some(&cache));
        if !only.is_empty() {
            l.decks
                .retain(|d| only.iter().any(|id| id == d.id.as_str()));
        }
        (l.decks, l.problems)
    }
}

/// Runs `side` on another thread while `main` runs on this one, and returns both results.
/// When `main` is done before the other thread started `side` (on a busy machine a new
/// thread can wait milliseconds for a core), `side` runs here instead of being waited for,
/// and the other thread, when it runs, finds nothing to do. If it panicked, `side` runs here.
fn beside<A: Send + 'static, B>(
    side: impl Fn() -> A + Send + Sync + 'static,
    main: impl FnOnce() -> B,
) -> (A, B) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let side = Arc::new(side);
    let taken = Arc::new(AtomicBool::new(false));
    let claim = |taken: &AtomicBool| !taken.swap(true, Ordering::AcqRel);
    let other = {
        let (side, taken) = (side.clone(), taken.clone());
        std::thread::Builder::new()
            .spawn(move || claim(&taken).then(|| side()))
            .ok()
    };
    let b = main();
    let a = if claim(&taken) {
        side()
    } else {
        other
            .and_then(|h| h.join().ok().flatten())
            .unwrap_or_else(|| side())
    };
    (a, b)
}
