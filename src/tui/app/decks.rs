//! The app's decks over time: the deck files that did not load (named after `$EDITOR`
//! closed, reopened at their error), and home's counts at the turn of the study day.

use chrono::{DateTime, Utc};

use super::{App, Level};
use crate::core::deck::{Deck, DeckProblem};
use crate::tui::screen::Reply;

/// Loads the whole decks (and the files that did not load) for an app started with bare ones.
pub type WholeDecks = Box<dyn FnOnce() -> (Vec<Deck>, Vec<DeckProblem>)>;

impl App {
    /// The app was made with bare decks ([`Deck::bare`], enough for home's first frame):
    /// `whole` loads them whole. That happens after the first frame and before anything else
    /// ([`App::complete_decks`]); no screen but home's first frame ever sees a bare deck.
    pub fn with_whole_decks(mut self, whole: WholeDecks) -> App {
        self.whole = Some(whole);
        self
    }

    /// Puts the whole decks in place of bare ones, when they are still to be loaded. When they
    /// are what the bare ones said (the usual case), nothing visible changes; otherwise (a
    /// deck changed meanwhile, a stale cache) home's counts are worked out again.
    pub fn complete_decks(&mut self, now: DateTime<Utc>) {
        let Some(load) = self.whole.take() else {
            return;
        };
        let (decks, problems) = load();
        let same = decks.len() == self.decks.len()
            && decks.iter().zip(&self.decks).all(|(a, b)| a.same_bare(b))
            && problems.len() == self.broken.len()
            && problems
                .iter()
                .zip(&self.broken)
                .all(|(a, b)| a.origin == b.origin && a.diagnostics == b.diagnostics);
        self.decks = decks;
        self.broken = problems;
        if !same {
            self.overview = self.study.overview(&self.decks, now);
            self.home.decks_changed(self.decks.len());
        }
    }

    /// The deck files that did not load when the app started.
    pub fn with_broken(mut self, broken: Vec<DeckProblem>) -> App {
        self.broken = broken;
        self
    }

    /// When the loop must wake up even without input: the next study day's start, when home's
    /// counts change. Capped at an hour so a computer that slept catches up within one.
    pub fn wake_in(&self, now: DateTime<Utc>) -> std::time::Duration {
        let hour = std::time::Duration::from_secs(3600);
        (self.next_day - now)
            .to_std()
            .map_or(std::time::Duration::ZERO, |d| d.min(hour))
    }

    /// Recomputes home's counts once a new study day has begun; true when it did.
    pub fn day_turned(&mut self, now: DateTime<Utc>) -> bool {
        if now < self.next_day {
            return false;
        }
        self.overview = self.study.overview(&self.decks, now);
        self.next_day = self.study.next_day_start(now);
        true
    }

    /// The decks after `$EDITOR` closed: replaces them and refreshes what is shown.
    /// The file just edited is named: whether it loads now, or its first problem and the key
    /// that opens it again at that line.
    pub fn reload_decks(
        &mut self,
        decks: Vec<Deck>,
        problems: Vec<DeckProblem>,
        now: DateTime<Utc>,
    ) {
        self.whole = None;
        self.decks = decks;
        self.broken = problems;
        self.overview = self.study.overview(&self.decks, now);
        self.home.decks_changed(self.decks.len());
        let edited = self.last_edit.take();
        let still = edited
            .as_ref()
            .and_then(|p| self.broken.iter().find(|b| b.path().as_ref() == Some(p)));
        let message = match (still, self.broken.first()) {
            (Some(b), _) => Some(format!(
                "Not loaded: {} ({}). Press o to open it again at line {}.",
                b.summary(),
                problem_count(b),
                b.first_line()
            )),
            (None, Some(b)) => Some(format!(
                "{} did not load: {}. On home, D shows every problem and o opens the file.",
                decks_count(self.broken.len()),
                b.summary()
            )),
            (None, None) => None,
        };
        match message {
            Some(m) => self.notify(Level::Error, m),
            None => match edited {
                Some(p) => self.notify(
                    Level::Info,
                    format!("Decks reloaded: {} loads.", p.display()),
                ),
                None => self.notify(Level::Info, "Decks reloaded."),
            },
        }
        self.reply_to_screen(Reply::Reloaded, now);
    }
}

/// "1 problem", "3 problems".
fn problem_count(b: &DeckProblem) -> String {
    match b.diagnostics.len() {
        1 => "1 problem".into(),
        n => format!("{n} problems"),
    }
}

/// "A deck", "2 decks".
fn decks_count(n: usize) -> String {
    match n {
        1 => "A deck".into(),
        n => format!("{n} decks"),
    }
}
