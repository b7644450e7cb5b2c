//! The terminal app (ratatui). Thin: turns keys into actions and draws screens.
//!
//! [`screens`] are components: each owns its state, turns key actions ([`keymap`]) into
//! [`screen::Effect`]s and draws itself ([`view`]). [`app`] routes between them, holds the one
//! modal layer and is the one interpreter of their effects, the only code here that reaches
//! progress ([`crate::study`]). [`runner`] is the event loop (generic over the backend, so
//! screens are snapshot-tested with `TestBackend`); [`terminal`] owns the real terminal.

pub mod app;
pub mod keymap;
pub mod keys;
pub mod runner;
pub mod screen;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod view;

#[cfg(test)]
mod tests;

use std::io::Write;

use crate::study::{DrillFilter, Study};
use app::App;
use terminal::TerminalHost;
use theme::Theme;

use crate::core::deck::{Deck, DeckProblem, StartDecks};
use crate::core::session::MockSetup;

/// The screen the app opens on.
pub enum Start {
    Home,
    /// A drill on today's cards.
    Drill(DrillFilter),
    /// A mock interview's setup screen.
    MockSetup,
    /// A mock interview with this setup, straight away.
    Mock(MockSetup),
    /// A drill on the stories of the bank that are due.
    StoryDrill,
    /// A drill for an interview target (today's part of its plan first; its weakest
    /// categories with `weakest`).
    TargetDrill {
        name: crate::core::target::TargetName,
        weakest: Option<usize>,
    },
    /// A mock interview drawn from a target's job description, straight away.
    TargetMock {
        name: crate::core::target::TargetName,
        setup: MockSetup,
    },
}

/// Opens the app on the real terminal and runs it until the user quits, on the `start`
/// screen. The terminal is restored before this returns, whatever happened. With `whole`,
/// `decks` are bare ([`StartDecks::Bare`]) and `whole` loads them after the first frame.
pub fn run(
    decks: StartDecks,
    study: Box<dyn Study>,
    broken: Vec<DeckProblem>,
    start: Start,
    mut reload: Box<dyn FnMut() -> (Vec<Deck>, Vec<DeckProblem>)>,
    whole: Option<app::WholeDecks>,
    first_frame_drawn: Box<dyn FnOnce()>,
) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    let theme = Theme::from_env();
    let mut app = match (decks, whole) {
        (StartDecks::Whole(decks), _) => App::new(decks, study, theme, now),
        (StartDecks::Bare(decks), Some(whole)) => App::new_bare(decks, study, theme, now, whole),
        // Nothing to load them whole with after the first frame: now.
        (StartDecks::Bare(_), None) => App::new(reload().0, study, theme, now),
    }
    .with_broken(broken);
    // Only home's first frame is drawn from bare decks.
    if !matches!(start, Start::Home) {
        app.complete_decks(now);
    }
    match start {
        Start::Home => {}
        Start::Drill(filter) => app.start_drill(filter, now),
        Start::MockSetup => app.open_mock_setup(now),
        Start::Mock(setup) => app.start_mock(setup, now),
        Start::StoryDrill => app.start_story_drill(now),
        Start::TargetDrill { name, weakest } => app.start_target_drill(&name, weakest, now),
        Start::TargetMock { name, setup } => app.start_target_mock(&name, Some(setup), now),
    }
    terminal::watch_terminal()?;
    // Installs a panic hook that restores the terminal before the panic message prints.
    let mut term = terminal::enter()?;
    // A paste arrives as one event (an answer pasted whole, not typed key by key).
    terminal::bracketed_paste(true);
    let mut host = TerminalHost::new(reload).after_first_frame(first_frame_drawn);
    let result = runner::run(&mut term, &mut app, &mut host);
    terminal::bracketed_paste(false);
    let _ = ratatui::try_restore();
    // (Bare decks, when the first frame was never drawn, are not what the snapshot is for.)
    if !app.decks_bare() {
        app.study.keep_home(&app.decks, chrono::Utc::now());
    }
    app.study.close();
    // A frame that could not be written because the terminal was closed: leave as on SIGHUP
    // (the hang-up thread's exit, when it is first), not with an error nobody can read.
    if result.is_err() && terminal::hung_up(&std::io::stdout()) {
        std::process::exit(129);
    }
    // Only after the user confirmed quitting without them (a second Ctrl-C).
    let lost = app.unsaved_count();
    if lost > 0 {
        // Not `eprintln!`: standard error may be the terminal that was just closed.
        let _ = writeln!(
            std::io::stderr(),
            "warning: {lost} record(s) of the mock interview could not be saved and were dropped"
        );
    }
    result
}
