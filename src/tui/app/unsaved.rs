//! Records of a mock interview that storage refused: kept, tried again before leaving, and
//! thrown away only when the user asks twice.

use chrono::{DateTime, Utc};

use super::{App, Modal};
use crate::study::StudyError;
use crate::tui::keymap::key_for;
use crate::tui::keys::{Action, MockAction};
use crate::tui::screen::{Level, Route};

impl App {
    /// How many records of a mock interview storage has not made durable.
    pub fn unsaved_count(&self) -> usize {
        self.pending.len()
    }

    /// Writes the queued records; a success closes a pending "discard?" question.
    pub(super) fn flush_unsaved(&mut self, now: DateTime<Utc>) -> Result<(), StudyError> {
        let flushed = self.pending.flush(&mut *self.study, now);
        if flushed.is_ok() && self.modal == Some(Modal::DiscardUnsaved) {
            self.modal = None;
        }
        flushed
    }

    /// Quits, unless a mock interview has records storage refused: they are tried again;
    /// when they still fail the user is asked, and only a second Ctrl-C quits without them.
    /// (Every review the user saw as recorded is already durable.)
    pub(super) fn request_quit(&mut self, now: DateTime<Utc>) {
        let Err(e) = self.flush_unsaved(now) else {
            self.quit = true;
            return;
        };
        if self.modal == Some(Modal::QuitUnsaved) {
            self.quit = true;
            return;
        }
        let n = self.unsaved_count();
        self.modal = Some(Modal::QuitUnsaved);
        self.notify(
            Level::Error,
            format!(
                "{n} record(s) of this interview are not saved: {e}. Press Ctrl-C again to quit \
                 without them, or any other key to stay."
            ),
        );
    }

    /// Tries the queued records once more; true when none is left. When some still fail,
    /// says so, with the keys to try again or to discard them.
    pub(super) fn flush_before_leaving(&mut self, now: DateTime<Utc>) -> bool {
        let Err(e) = self.flush_unsaved(now) else {
            return true;
        };
        let ctx = self.context();
        let retry =
            key_for(ctx, Action::Interview(MockAction::Home)).unwrap_or_else(|| "Enter".into());
        let n = self.unsaved_count();
        let discard = key_for(ctx, Action::Interview(MockAction::Discard))
            .map(|k| format!(", or {k} to discard them"))
            .unwrap_or_default();
        self.notify(
            Level::Error,
            format!(
                "{n} record(s) of this interview are not saved: {e}. Press {retry} to try \
                 again{discard}."
            ),
        );
        false
    }

    /// The discard key: the first press asks, the second throws the queued records away and
    /// goes home. Without queued records it does nothing.
    pub(super) fn discard_unsaved(&mut self, now: DateTime<Utc>) {
        let n = self.pending.len();
        if n == 0 {
            return;
        }
        if self.modal == Some(Modal::DiscardUnsaved) {
            self.pending.discard();
            self.modal = None;
            self.go(Route::Home, now);
            self.notify(
                Level::Error,
                format!("{n} unsaved record(s) of the interview were discarded."),
            );
        } else {
            self.modal = Some(Modal::DiscardUnsaved);
            self.notify(
                Level::Error,
                format!(
                    "Discard {n} unsaved record(s) for good? Press D again to discard them; \
                     any other key keeps them."
                ),
            );
        }
    }
}
