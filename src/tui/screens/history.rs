//! Past mock interviews, newest first: when, how much was answered, the score `history` and
//! `report` show, and how many questions were left ungraded (a quit, a closed terminal, a
//! crash). Enter opens one in the debrief, where the questions still to grade are offered their
//! suggested grades again; the grades go through the study layer like a new debrief's.

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::core::deck::Deck;
use crate::core::ids::InterviewId;
use crate::core::session::{CardIndex, Ending, PastInterview};
use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Effect, Route, Screen};

/// One interview as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    pub id: InterviewId,
    /// Local date and time, to the minute.
    pub started: String,
    /// The decks asked from, by title where loaded.
    pub decks: Vec<String>,
    pub questions: usize,
    pub answered: usize,
    /// The score as `history`, `report` and `stats` show it (the candidate's final ticks).
    pub score: u8,
    /// Questions reached without a confirmed grade.
    pub ungraded: usize,
    pub ending: Ending,
}

pub struct HistoryScreen {
    /// Newest first, beside their rows.
    past: Vec<PastInterview>,
    pub rows: Vec<HistoryRow>,
    pub selected: usize,
}

impl HistoryScreen {
    /// The list from `past` (oldest first, as the log has them), with `select` selected when
    /// it is there.
    pub fn new(
        mut past: Vec<PastInterview>,
        decks: &[Deck],
        offset: FixedOffset,
        select: Option<&InterviewId>,
    ) -> HistoryScreen {
        past.reverse();
        let cards = CardIndex::new(decks);
        let title = |id: &crate::core::ids::DeckId| {
            decks
                .iter()
                .find(|d| &d.id == id)
                .map_or_else(|| id.to_string(), |d| d.title.clone())
        };
        let rows = past
            .iter()
            .map(|p| HistoryRow {
                id: p.id.clone(),
                started: p
                    .started_at
                    .with_timezone(&offset)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                decks: p.decks().iter().map(title).collect(),
                questions: p.questions.len(),
                answered: p.answered(),
                score: p.scored_debrief_in(&cards).score(),
                ungraded: p.ungraded(),
                ending: p.ending,
            })
            .collect::<Vec<_>>();
        let selected = select
            .and_then(|id| rows.iter().position(|r| &r.id == id))
            .unwrap_or(0);
        HistoryScreen {
            past,
            rows,
            selected,
        }
    }

    /// How many interviews have questions left ungraded.
    pub fn with_ungraded(&self) -> usize {
        self.rows.iter().filter(|r| r.ungraded > 0).count()
    }

    fn open(&self, cx: &Cx) -> Vec<Effect> {
        let Some(p) = self.past.get(self.selected) else {
            return vec![];
        };
        vec![Effect::Go(Route::PastDebrief(
            Box::new(p.debrief(cx.decks)),
            p.setup.clone(),
        ))]
    }

    /// Rows a page moves: the list's height on screen, less one.
    fn page(cx: &Cx) -> usize {
        usize::from(cx.size.1.saturating_sub(8)).max(1)
    }
}

impl Screen for HistoryScreen {
    fn context(&self) -> Context {
        Context::History
    }

    fn on_key(
        &mut self,
        _key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let last = self.rows.len().saturating_sub(1);
        match action {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(last),
            Some(Action::PageUp) => self.selected = self.selected.saturating_sub(Self::page(cx)),
            Some(Action::PageDown) => self.selected = (self.selected + Self::page(cx)).min(last),
            Some(Action::Open) => return self.open(cx),
            Some(Action::Back) => return vec![Effect::Go(Route::Home)],
            _ => {}
        }
        vec![]
    }
}
