//! `prepdeck mock`: the setup (remembered in `<home>/mock-setup.toml`, flags override it), the
//! choice of questions weighted by the scheduler's progress, and the line-mode interview.
//! The full-screen interview belongs to the app (`src/tui`).

pub mod args;
mod debrief;
mod plain;

use std::io::{BufRead, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};

pub use args::{HistoryArgs, MockArgs, ReportArgs, ReportFormat};
pub use plain::PlainOutcome;

use super::home::Home;
use super::target::FrontEnd;
use super::{Cli, UserError, load_decks};
use crate::core::deck::Deck;
use crate::core::ids::CardKey;
use crate::core::session::select_questions;
use crate::core::session::{Focus, MockQuestion, MockSetup};
use crate::core::text::sanitize_line;
use crate::store::mock_setup::load_mock_setup;
use crate::store::paths;
use crate::study::{Study, prepare_mock_with};
use crate::tui::Start;
use plain::Plain;

/// Runs a whole line-mode interview and its debrief on `questions`, writing through `study`.
pub fn run_plain(
    input: impl BufRead,
    output: impl Write,
    clock: &dyn Fn() -> DateTime<Utc>,
    setup: MockSetup,
    questions: Vec<MockQuestion>,
    study: &mut dyn Study,
) -> anyhow::Result<PlainOutcome> {
    let mut p = Plain::start(input, output, clock, setup, questions, study)?;
    p.interview()?;
    debrief::run(&mut p)
}

pub fn run(cli: &Cli, home: &Home, args: &MockArgs) -> anyhow::Result<ExitCode> {
    let remembered = load_mock_setup(home)?.unwrap_or_default();
    let setup = args.apply(remembered.clone(), &cli.deck);
    let loaded = load_decks(cli, home)?;
    if loaded.decks.iter().all(|d| d.cards.is_empty()) {
        return Err(UserError("no cards to ask: no deck with cards is loaded".into()).into());
    }
    check_focus(&setup, &loaded.decks)?;
    if !args.plain {
        let target = super::target::mock_target(
            home,
            args.target.as_deref(),
            args.no_target,
            FrontEnd::App,
            Utc::now(),
        )?;
        // Flags given: start at once with them; none: the setup screen, prefilled (with the
        // remembered target, if any).
        let start = match target {
            Some(t) if args.has_setup_flags() => Start::TargetMock {
                name: t.name,
                setup,
            },
            _ if args.has_setup_flags() || !cli.deck.is_empty() => Start::Mock(setup),
            _ => Start::MockSetup,
        };
        return super::app::open(cli, home, start);
    }
    // The same progress (from the progress cache) and preparation as the app's interview.
    let mut study = super::open_study::open_study(home)?
        .with_mock_setup(paths::Home::at(home.root()), remembered);
    let now = Utc::now();
    let target = super::target::mock_target(
        home,
        args.target.as_deref(),
        args.no_target,
        FrontEnd::LineMode,
        now,
    )?;
    // A target's job description picks the questions; otherwise the usual choice.
    let choose = |setup: &MockSetup, weakness: &dyn Fn(&CardKey) -> f64, seed: u64| match &target {
        Some(t) => super::target::mock_questions(t, &loaded.decks, setup, weakness, seed),
        None => select_questions(&loaded.decks, setup, weakness, seed),
    };
    let Some(prepared) = prepare_mock_with(&mut study, setup, now, &choose) else {
        return Err(UserError("no cards to ask: no deck with cards is loaded".into()).into());
    };
    // Remembering the setup is a convenience: a full disk or a read-only file only costs the
    // next interview its defaults. The interview's own records are what must be saved.
    if let Err(e) = &prepared.remembered {
        eprintln!(
            "prepdeck: warning: {}; the interview goes on, but this setup will not be the \
             next one's default",
            sanitize_line(&e.to_string())
        );
    }
    let stdin = std::io::stdin().lock();
    let stdout = std::io::stdout().lock();
    let clock = Utc::now;
    let outcome = run_plain(
        stdin,
        stdout,
        &clock,
        prepared.setup,
        prepared.questions,
        &mut study,
    )?;
    let records = study.mock_records();
    super::stories::print_debrief_notes(home, &loaded.decks, &records, &outcome.interview)?;
    study.close();
    // Every record is on disk, or the exit status says some are not.
    Ok(if outcome.unsaved > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A focus on a category that no selected deck has is a mistake worth hearing about (the
/// selection would silently fall back to every category).
fn check_focus(setup: &MockSetup, decks: &[Deck]) -> anyhow::Result<()> {
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
