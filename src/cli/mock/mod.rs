//! `prepdeck mock`: the setup (remembered in `<home>/mock-setup.toml`, flags override it), the
//! choice of questions weighted by the scheduler's progress, and the line-mode interview.
//! The full-screen interview belongs to the app (`src/tui`).

mod args;
mod debrief;
mod plain;

use std::process::ExitCode;

use chrono::Utc;

pub use args::{HistoryArgs, MockArgs, ReportArgs, ReportFormat};
pub use plain::{PlainOutcome, run_plain};

use super::home::Home;
use super::{Cli, UserError, load_decks};
use crate::core::schedule::{Model, mock_weakness, replay};
use crate::core::session::{Focus, MockSetup, select_questions};
use crate::core::text::sanitize_line;
use crate::store::config::load_config;
use crate::store::log::StateLog;
use crate::store::mock_setup::{load_mock_setup, save_mock_setup};
use crate::tui::Start;

pub fn run(cli: &Cli, home: &Home, args: &MockArgs) -> anyhow::Result<ExitCode> {
    let remembered = load_mock_setup(home)?.unwrap_or_default();
    let mut setup = args.apply(remembered, &cli.deck);
    let loaded = load_decks(cli, home)?;
    if loaded.decks.iter().all(|d| d.cards.is_empty()) {
        return Err(UserError("no cards to ask: no deck with cards is loaded".into()).into());
    }
    check_focus(&setup, &loaded.decks)?;
    if !args.plain {
        super::target::mock_target(
            home,
            args.target.as_deref(),
            args.no_target,
            false,
            Utc::now(),
        )?;
        // Flags given: start at once with them; none: the setup screen, prefilled.
        let start = if args.has_setup_flags() || !cli.deck.is_empty() {
            Start::Mock(setup)
        } else {
            Start::MockSetup
        };
        return super::app::open(cli, home, start);
    }
    let config = load_config(home.root())?;
    let (mut log, report) = StateLog::open(home.state_file())?;
    crate::cli::print_load_warnings(&home.state_file(), &report.warnings);
    let now = Utc::now();
    let progress = replay(&report.records, &config.scheduler);
    let model = Model::default();
    // Under 2^63: the seed is written into TOML (signed 64-bit integers).
    let seed = setup.seed.unwrap_or_else(|| rand::random::<u64>() >> 1);
    setup.seed = Some(seed);
    let weakness = |k: &_| mock_weakness(&model, progress.card(k), now);
    let target =
        super::target::mock_target(home, args.target.as_deref(), args.no_target, true, now)?;
    let questions = match &target {
        Some(t) => super::target::mock_questions(t, &loaded.decks, &setup, weakness, seed),
        None => select_questions(&loaded.decks, &setup, weakness, seed),
    };
    save_mock_setup(home, &setup)?;
    let stdin = std::io::stdin().lock();
    let stdout = std::io::stdout().lock();
    let clock = Utc::now;
    let outcome = run_plain(stdin, stdout, &clock, setup, questions, &mut log)?;
    let records = log.read_back().unwrap_or_default();
    super::stories::print_debrief_notes(home, &loaded.decks, &records, &outcome.interview)?;
    Ok(ExitCode::SUCCESS)
}

/// A focus on a category that no selected deck has is a mistake worth hearing about (the
/// selection would silently fall back to every category).
fn check_focus(setup: &MockSetup, decks: &[crate::core::deck::Deck]) -> anyhow::Result<()> {
    let Focus::Category(id) = &setup.focus else {
        return Ok(());
    };
    let chosen: Vec<_> = decks
        .iter()
        .filter(|d| setup.decks.is_empty() || setup.decks.contains(&d.id))
        .collect();
    if chosen.iter().any(|d| d.category(id).is_some()) {
        return Ok(());
    }
    let mut known: Vec<String> = chosen
        .iter()
        .flat_map(|d| d.categories.iter().map(|c| c.id.to_string()))
        .collect();
    known.sort();
    known.dedup();
    Err(UserError(format!(
        "no category `{}` in the chosen decks (from --focus or {}); categories: {}",
        sanitize_line(id.as_str()),
        "mock-setup.toml",
        sanitize_line(&known.join(", "))
    ))
    .into())
}
