//! Starting a mock interview from the app, and the start-up nudge about one left ungraded.

use chrono::{DateTime, Utc};

use super::{App, Current, Modal};
use crate::study::{MockDriver, Study, prepare_mock};
use crate::tui::keymap::key_for;
use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Level, Reply};
use crate::tui::screens::mock_run::RunScreen;
use crate::tui::screens::mock_setup::SetupForm;

/// "Your last mock interview has 2 questions not graded" ("1 question"): said once at start when the latest
/// interview was left with questions ungraded (a quit, a closed terminal, a crash), so nothing
/// is dropped silently.
pub(super) fn ungraded_nudge(study: &dyn Study) -> Option<(Level, String)> {
    let last = study.past_interviews().pop()?;
    let n = last.ungraded();
    if n == 0 {
        return None;
    }
    let key = key_for(Context::Home, Action::History).unwrap_or_else(|| "h".into());
    Some((
        Level::Info,
        format!(
            "Your last mock interview has {} not graded: press {key} to grade {}.",
            crate::core::text::count(n, "question", "questions"),
            if n == 1 { "it" } else { "them" }
        ),
    ))
}

impl App {
    /// Opens the mock interview's setup screen, prefilled from the remembered setup.
    pub fn open_mock_setup(&mut self, now: DateTime<Utc>) {
        let target = self.remembered_mock_target(now);
        let form = SetupForm::new(self.study.mock_setup(), &self.decks).with_target(target);
        self.show(Current::MockSetup(Box::new(form)));
    }

    /// Chooses the questions and starts the interview; remembers the setup.
    pub fn start_mock(&mut self, setup: crate::core::session::MockSetup, now: DateTime<Utc>) {
        // The start-up nudge about an ungraded interview names a home-screen key: not for the
        // interview's screen (started straight from `prepdeck mock`).
        if matches!(&self.message, Some((Level::Info, m)) if m.starts_with("Your last mock")) {
            self.message = None;
        }
        let Some(prepared) = prepare_mock(&mut *self.study, &self.decks, setup, now) else {
            self.notify(
                Level::Error,
                "No cards to ask: no deck with cards is loaded.",
            );
            return;
        };
        self.run_prepared_mock(prepared, now);
    }

    /// Starts the interview on questions already chosen.
    pub(super) fn run_prepared_mock(
        &mut self,
        prepared: crate::study::PreparedMock,
        now: DateTime<Utc>,
    ) {
        let (driver, updates) = MockDriver::start(
            &mut *self.study,
            &mut self.pending,
            prepared.setup,
            prepared.questions,
            now,
        );
        self.show(Current::MockRun(Box::new(RunScreen::new(driver))));
        if self.modal == Some(Modal::DiscardUnsaved) {
            self.modal = None;
        }
        let context = self.context();
        let fx = match self.current.screen_mut() {
            Some(s) => s.on_reply(Reply::Mock(updates), &cx!(self, context), now),
            None => vec![],
        };
        self.run(fx, now);
        if let Err(e) = prepared.remembered {
            self.notify(Level::Error, format!("The setup was not remembered: {e}"));
        }
    }
}
