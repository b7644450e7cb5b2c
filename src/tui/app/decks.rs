//! The app's decks over time: the deck files that did not load (named after `$EDITOR`
//! closed, reopened at their error), and home's counts at the turn of the study day.

use chrono::{DateTime, Utc};

use super::{App, Level};
use crate::core::deck::{BareDeck, CardTable, Deck, DeckProblem};
use crate::study::Study;
use crate::tui::screen::Reply;
use crate::tui::theme::Theme;

/// Loads the whole decks (and the files that did not load) for an app started with bare ones.
pub type WholeDecks = Box<dyn FnOnce() -> (Vec<Deck>, Vec<DeckProblem>)>;

/// What an app started with bare decks keeps until the whole ones are in place: each deck's
/// cards (the decks themselves are [`App::decks`], with no cards) and what loads them whole.
pub(super) struct Completion {
    cards: Vec<CardTable>,
    load: WholeDecks,
}

impl App {
    /// An app whose home's first frame is drawn from bare decks ([`BareDeck`]); `whole` loads
    /// them whole, after the first frame and before anything else ([`App::complete_decks`]):
    /// no screen but home's first frame ever sees a deck without its cards. Until then
    /// [`App::decks`] holds the decks with no cards (titles and categories: all home draws of
    /// them). When the study cannot draw home from bare decks (a log with mock answers: their
    /// coverage depends on the key points), the whole decks are loaded first.
    pub fn new_bare(
        decks: Vec<BareDeck>,
        study: Box<dyn Study>,
        theme: Theme,
        now: DateTime<Utc>,
        whole: WholeDecks,
    ) -> App {
        let Some(overview) = study.overview_bare(&decks, now) else {
            let (decks, _) = whole();
            return App::new(decks, study, theme, now);
        };
        let (heads, cards): (Vec<Deck>, Vec<CardTable>) =
            decks.into_iter().map(|d| (d.head, d.cards)).unzip();
        let mut app = App::with_overview(heads, study, theme, now, overview);
        app.whole = Some(Completion { cards, load: whole });
        app
    }

    /// Whether the whole decks are still to be loaded ([`App::new_bare`]).
    pub fn decks_bare(&self) -> bool {
        self.whole.is_some()
    }

    /// Puts the whole decks in place of bare ones, when they are still to be loaded. When they
    /// are what the bare ones said (the usual case), nothing visible changes; otherwise (a
    /// deck changed meanwhile, a stale cache) home's counts are worked out again.
    pub fn complete_decks(&mut self, now: DateTime<Utc>) {
        let Some(Completion { cards, load }) = self.whole.take() else {
            return;
        };
        let (decks, problems) = load();
        let heads = std::mem::replace(&mut self.decks, decks);
        let same = heads.len() == self.decks.len()
            && cards.len() == heads.len()
            && heads
                .into_iter()
                .zip(cards)
                .map(|(head, cards)| BareDeck { head, cards })
                .zip(&self.decks)
                .all(|(bare, whole)| bare.is_of(whole))
            && problems.len() == self.broken.len()
            && problems
                .iter()
                .zip(&self.broken)
                .all(|(a, b)| a.origin == b.origin && a.diagnostics == b.diagnostics);
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
