//! Launches the terminal app (`prepdeck`, `prepdeck drill`, `prepdeck mock`).
//!
//! Everything that can fail before the app starts (a broken state file, a lock held by another
//! prepdeck, a bad config) fails here, before the terminal is touched, so the message prints
//! plainly.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::home::Home;
use super::huge_pages::Pause;
use chrono::FixedOffset;

use super::open_study::{open_study, open_study_quietly, print_warnings};
use super::{Cli, UsageError, decks, report_decks};
use crate::core::deck::{Deck, StartDecks};
use crate::core::schedule::SchedulerConfig;
use crate::core::stats::HomeInputs;
use crate::core::text::sanitize_line;
use crate::store::config::load_config;
use crate::store::decks::{FirstDecks, LoadedDecks};
use crate::store::log::{LoadWarning, LockedLog, StateLog};
use crate::store::mock_setup::load_mock_setup;
use crate::store::paths;
use crate::study::{FirstFrame, LogStudy, OpenProgress, Study, lock_for_home, open_study_locked};
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
    // A first frame from small caches is drawn without transparent huge pages (see
    // `huge_pages`); they are back on once it is drawn.
    let pause = first_frame.then(|| {
        Pause::for_first_frame(
            &crate::store::deck_overview::file(&home.deck_cache_dir()),
            &[home.home_snapshot_file(), home.progress_cache_file()],
        )
    });
    let (decks_dir, extra, cache) = (
        home.decks_dir(),
        cli.deck_file.clone(),
        home.deck_cache_dir(),
    );
    let read = move || {
        if first_frame {
            crate::store::decks::load_first(&decks_dir, &extra, &cache)
        } else {
            let l = crate::store::decks::load_all_cached(&decks_dir, &extra, Some(&cache));
            FirstDecks {
                decks: StartDecks::Whole(l.decks),
                problems: l.problems,
            }
        }
    };
    let (first, opened) = if cli.deck.is_empty() {
        // Without `--deck` filters loading the decks cannot fail, so the state file is opened
        // meanwhile; messages print in the usual order (decks first). For home, when the home
        // snapshot was made from the state file as it is, the progress itself is opened only
        // after the first frame.
        let (first, study) = beside(read, || open_for_start(home, first_frame));
        (first, Some(study))
    } else {
        (read(), None)
    };
    let FirstDecks {
        decks: mut first,
        problems,
    } = first;
    // The problems are reported and the `--deck` filters checked on the decks themselves.
    let heads: Vec<Deck> = first.heads().into_iter().map(Deck::without_cards).collect();
    let loaded = report_decks(
        cli,
        LoadedDecks {
            decks: heads,
            problems,
        },
    )?;
    first.retain(|d| loaded.find(d.id.as_str()).is_some());
    let owned = paths::Home::at(home.root());
    let finish = move |study: LogStudy<StateLog>| {
        let study = study.with_home(owned.clone());
        match remembered {
            Some(setup) => study.with_mock_setup(owned, setup),
            None => study,
        }
    };
    let opened = match opened {
        Some(opening) => opening?,
        None => Opening::Opened(open_study(home)?, vec![]),
    };
    let study: Box<dyn Study> = match opened {
        Opening::Opened(study, warnings) => {
            print_warnings(home, &warnings);
            Box::new(finish(study))
        }
        Opening::Locked {
            locked,
            inputs: Some(inputs),
            config,
            offset,
        } if inputs.covers(chrono::Utc::now()) && fits(&inputs, &first) => {
            let at = paths::Home::at(home.root());
            let replay = config.clone();
            let open: OpenProgress = Box::new(move || {
                let (study, _) = open_study_locked(&at, replay, offset, locked)?;
                let study = study.with_home_snapshot(at.home_snapshot_file(), true);
                Ok(Box::new(finish(study)) as Box<dyn Study>)
            });
            Box::new(FirstFrame::new(
                inputs,
                config,
                offset,
                home.state_file(),
                open,
            ))
        }
        Opening::Locked {
            locked,
            config,
            offset,
            ..
        } => {
            let (study, warnings) = open_study_locked(home, config, offset, locked)?;
            print_warnings(home, &warnings);
            Box::new(finish(study))
        }
    };

    // Bare decks are loaded whole after the first frame, or before it when home cannot be
    // drawn from them (a log with mock interviews: `App::new_bare`).
    let whole: Option<crate::tui::app::WholeDecks> = matches!(first, StartDecks::Bare(_))
        .then(|| Box::new(whole_decks(cli, home)) as crate::tui::app::WholeDecks);
    let reload = whole_decks(cli, home);
    crate::tui::run(
        first,
        study,
        loaded.problems,
        start,
        Box::new(reload),
        whole,
        Box::new(move || drop(pause)),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Whether the home snapshot's `inputs` were made for `decks`.
fn fits(inputs: &HomeInputs, decks: &StartDecks) -> bool {
    match decks {
        StartDecks::Whole(d) => inputs.view(d).is_some(),
        StartDecks::Bare(d) => inputs.view(d).is_some(),
    }
}

/// How the state file was opened for a start (one value per start: its size does not
/// matter).
#[allow(clippy::large_enum_variant)]
enum Opening {
    /// The progress is open; what loading found worth a warning.
    Opened(LogStudy<StateLog>, Vec<LoadWarning>),
    /// Home's start: the state file is locked, the progress not opened yet; the home snapshot
    /// when it was made from the file as it is.
    Locked {
        locked: LockedLog,
        inputs: Option<HomeInputs>,
        config: SchedulerConfig,
        offset: FixedOffset,
    },
}

/// Opens the state file for a start: for home's first frame only locked (and the home
/// snapshot read), otherwise with the progress.
fn open_for_start(home: &Home, first_frame: bool) -> anyhow::Result<Opening> {
    if !first_frame {
        let (study, warnings) = open_study_quietly(home)?;
        return Ok(Opening::Opened(study, warnings));
    }
    let config = load_config(home.root())?.scheduler;
    let offset = *chrono::Local::now().offset();
    let (locked, inputs) = lock_for_home(home, &config)?;
    Ok(Opening::Locked {
        locked,
        inputs,
        config,
        offset,
    })
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
