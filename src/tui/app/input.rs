//! What reaches the app from outside: a key (to the modal open, else the screen), a paste (to
//! the screen's editor) and a redraw-tick (a due deadline fires).

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{App, Modal, Request};
use crate::tui::keymap;
use crate::tui::keys::{Action, Context, MockAction};
use crate::tui::screen::{Cx, Screen, Ticking};
use crate::tui::view::layout::fits;

impl App {
    /// Redraw-tick: lets a due deadline fire (prep ends, strict time runs out).
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.complete_decks(now);
        self.day_turned(now);
        if self.screen().ticking() != Ticking::Deadline {
            return;
        }
        let context = self.context();
        let fx = match self.current.screen_mut() {
            Some(s) => s.on_tick(&cx!(self, context), now),
            None => return,
        };
        self.run(fx, now);
    }

    /// Handles one key; returns what the loop must do outside the app.
    pub fn handle_key(&mut self, ev: KeyEvent, now: DateTime<Utc>) -> Option<Request> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        self.complete_decks(now);
        if ev.code == KeyCode::Char('c') && ev.modifiers.contains(KeyModifiers::CONTROL) {
            self.request_quit(now);
            return None;
        }
        if self.modal == Some(Modal::QuitUnsaved) {
            self.modal = None;
        }
        self.message = None;
        if !fits(self.size.0, self.size.1) {
            if matches!(ev.code, KeyCode::Char('q') | KeyCode::Esc) {
                self.request_quit(now);
            }
            return None;
        }
        let ctx = self.context();
        let action = keymap::action(ctx, &ev);
        if ctx == Context::Help {
            self.modal = None;
            return None;
        }
        if action == Some(Action::Help) {
            self.modal = Some(Modal::Help(ctx));
            return None;
        }
        if action == Some(Action::Interview(MockAction::Discard)) {
            self.discard_unsaved(now);
            return None;
        }
        if self.modal == Some(Modal::DiscardUnsaved) {
            self.modal = None;
        }
        // A deadline that passed fires first; the screen drops the key if it moved on.
        self.tick(now);
        let mut requests = Vec::new();
        let fx = match self.modal {
            Some(Modal::EndInterview) => match action {
                Some(Action::Interview(MockAction::ConfirmQuit)) => {
                    self.modal = None;
                    match self.current.screen_mut() {
                        Some(s) => s.on_confirm(&cx!(self, ctx), now),
                        None => vec![],
                    }
                }
                Some(Action::Interview(MockAction::CancelQuit)) => {
                    self.modal = None;
                    match self.current.screen_mut() {
                        Some(s) => s.on_cancel(&cx!(self, ctx), now),
                        None => vec![],
                    }
                }
                _ => vec![],
            },
            _ => {
                let cx = cx!(self, ctx);
                match self.current.screen_mut() {
                    Some(s) => s.on_key(ev, action, &cx, now),
                    None => self.home.on_key(ev, action, &cx, now),
                }
            }
        };
        self.run_collecting(fx, now, &mut requests);
        requests.into_iter().next()
    }

    /// Text pasted into the terminal: the screen's editor takes it whole (thousands of
    /// characters as one insertion, not one key each). Ignored under a modal.
    pub fn paste(&mut self, text: &str, now: DateTime<Utc>) {
        self.complete_decks(now);
        if self.modal.is_some() || !fits(self.size.0, self.size.1) {
            return;
        }
        self.message = None;
        self.tick(now);
        let ctx = self.context();
        let cx = cx!(self, ctx);
        let fx = match self.current.screen_mut() {
            Some(s) => s.on_paste(text, &cx, now),
            None => vec![],
        };
        self.run(fx, now);
    }
}
