//! The deck problems screen: every deck file that did not load, one at a time with all its
//! problems, and the key that opens it in `$EDITOR` at the first one.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Effect, Level, Reply, Route, Screen};

/// Which broken deck is shown, and how far its problems are scrolled.
#[derive(Debug, Default)]
pub struct ProblemsScreen {
    pub selected: usize,
    pub scroll: u16,
}

impl ProblemsScreen {
    /// The `$EDITOR` request for the deck shown, at its first problem's line.
    fn open(&self, cx: &Cx) -> Vec<Effect> {
        match cx.broken.get(self.selected) {
            Some(b) => match b.path() {
                Some(path) => vec![Effect::Edit {
                    path,
                    line: b.first_line(),
                }],
                None => vec![Effect::Notify(
                    Level::Info,
                    "A built-in deck cannot be edited here.".into(),
                )],
            },
            None => vec![],
        }
    }
}

impl Screen for ProblemsScreen {
    fn context(&self) -> Context {
        Context::Problems
    }

    fn on_key(
        &mut self,
        _key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let n = cx.broken.len();
        match action {
            Some(Action::NextTab) if n > 0 => {
                self.selected = (self.selected + 1) % n;
                self.scroll = 0;
            }
            Some(Action::PrevTab) if n > 0 => {
                self.selected = (self.selected + n - 1) % n;
                self.scroll = 0;
            }
            Some(Action::Down) => self.scroll = self.scroll.saturating_add(1),
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll = self.scroll.saturating_add(10),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            Some(Action::OpenBroken) => return self.open(cx),
            Some(Action::Back) => return vec![Effect::Go(Route::Home)],
            _ => {}
        }
        vec![]
    }

    fn on_reply(&mut self, reply: Reply, cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        if let Reply::Reloaded = reply {
            self.selected = self.selected.min(cx.broken.len().saturating_sub(1));
            self.scroll = 0;
            if cx.broken.is_empty() {
                // Every deck loads: nothing left to show here.
                return vec![
                    Effect::Go(Route::Home),
                    Effect::Notify(Level::Info, "Every deck loads now.".into()),
                ];
            }
        }
        vec![]
    }
}
