//! The terminal app (ratatui). Thin: turns keys into actions and draws screens.
//!
//! [`app`] holds the current screen and dispatches keys through [`keymap`]; [`view`] draws;
//! [`runner`] is the event loop (generic over the backend, so screens are snapshot-tested with
//! `TestBackend`); [`terminal`] owns the real terminal. Progress is reached only through
//! [`study::Study`].

pub mod app;
mod drill_screen;
pub mod keymap;
pub mod runner;
mod stats_screen;
pub mod terminal;
pub mod theme;
pub mod view;

#[cfg(test)]
mod tests;

use crate::study::{DrillFilter, Study};
use app::App;
use terminal::TerminalHost;
use theme::Theme;

use crate::core::deck::Deck;

/// Opens the app on the real terminal and runs it until the user quits; `drill` opens a drill
/// straight away. The terminal is restored before this returns, whatever happened.
pub fn run(
    decks: Vec<Deck>,
    study: Box<dyn Study>,
    drill: Option<DrillFilter>,
    reload: Box<dyn FnMut() -> (Vec<Deck>, Vec<String>)>,
) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    let mut app = App::new(decks, study, Theme::from_env(), now);
    if let Some(filter) = drill {
        app.start_drill(filter, now);
    }
    terminal::restore_on_signals()?;
    // Installs a panic hook that restores the terminal before the panic message prints.
    let mut term = ratatui::try_init()?;
    let result = runner::run(&mut term, &mut app, &mut TerminalHost::new(reload));
    ratatui::restore();
    result
}
