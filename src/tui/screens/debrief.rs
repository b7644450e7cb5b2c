//! The debrief after the interview: one question at a time (checklist to tick, grade to
//! confirm), then the whole-interview summary. A confirmed grade is a `Review { mode: Mock }`
//! record; changing it later takes the old one back with an `Undo` first (both written by
//! [`crate::study::record_grade`], which the app runs for this screen).

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::core::grade::Grade;
use crate::core::ids::{InterviewId, RecordId};
use crate::core::record::{Review, ReviewMode};
use crate::core::session::{AnswerMode, Debrief, MockSetup};
use crate::study::{GradeError, GradeOutcome};
use crate::tui::keys::{Action, Context, MockAction, MockCtx};
use crate::tui::screen::{Cx, Effect, Level, Reply, Route, Screen};

pub struct DebriefState {
    pub debrief: Debrief,
    pub interview: InterviewId,
    pub spoken: bool,
    /// The question shown (a position in `debrief.items`).
    pub pos: usize,
    /// The key point Space ticks.
    pub point: usize,
    /// First line of the debrief body on screen.
    pub scroll: u16,
    /// Per question: the grade recorded, with its record (to take it back).
    pub recorded: Vec<Option<(Grade, RecordId)>>,
    /// The summary is shown instead of a question.
    pub summary: bool,
    /// The grade being recorded (question, grade, the grade it replaces), until the app says
    /// how it went.
    grading: Option<(usize, Grade, Option<Grade>)>,
    /// Per question: the candidate's answer, note, earlier attempts and fitting stories
    /// (filled by the app when the debrief opens; see `debrief_own.rs`).
    pub beside: Vec<Option<Box<crate::study::Beside>>>,
    /// What the answers say about the story bank (a story told twice, a result without a
    /// figure), for the summary.
    pub story_notes: Vec<String>,
}

impl DebriefState {
    pub fn new(debrief: Debrief, setup: &MockSetup, interview: InterviewId) -> DebriefState {
        let n = debrief.items.len();
        DebriefState {
            summary: n == 0,
            debrief,
            interview,
            spoken: setup.mode == AnswerMode::Spoken,
            pos: 0,
            point: 0,
            scroll: 0,
            recorded: vec![None; n],
            grading: None,
            beside: vec![None; n],
            story_notes: Vec::new(),
        }
    }

    fn show(&mut self, pos: usize) {
        self.pos = pos.min(self.debrief.items.len().saturating_sub(1));
        self.point = 0;
        self.scroll = 0;
        self.summary = false;
    }

    /// Total paused time over the interview.
    pub fn paused_ms(&self) -> u64 {
        self.debrief.items.iter().map(|i| i.paused_ms).sum()
    }

    pub fn graded(&self) -> usize {
        self.recorded.iter().filter(|r| r.is_some()).count()
    }

    /// The next question, or the summary after the last.
    fn next(&mut self, pos: usize) {
        if pos + 1 < self.debrief.items.len() {
            self.show(pos + 1);
        } else {
            self.summary = true;
        }
    }

    /// Records grade `g` for the question shown, then shows the next one (the summary after
    /// the last). The same grade again just moves on.
    fn confirm_grade(&mut self, g: Grade) -> Vec<Effect> {
        let pos = self.pos;
        let Some(item) = self.debrief.items.get(pos) else {
            return vec![];
        };
        let previous = self.recorded.get(pos).cloned().flatten();
        if previous.as_ref().is_some_and(|(old, _)| *old == g) {
            self.next(pos);
            return vec![];
        }
        let review = Review {
            deck: item.question.key.deck.clone(),
            card: item.question.key.card.clone(),
            grade: g,
            took_ms: item.timing.used_ms,
            mode: ReviewMode::Mock,
        };
        self.grading = Some((pos, g, previous.as_ref().map(|(old, _)| *old)));
        vec![Effect::Grade {
            review,
            previous: previous.map(|(_, id)| id),
        }]
    }

    /// How recording the grade went.
    fn grade_recorded(&mut self, outcome: GradeOutcome) -> Vec<Effect> {
        let Some((pos, g, old)) = self.grading.take() else {
            return vec![];
        };
        if outcome.taken_back {
            // The old grade is taken back on disk: the screen must not show it any more,
            // whatever happened to the new one.
            self.recorded[pos] = None;
            self.debrief.clear_grade(pos);
        }
        let message = match outcome.result {
            Ok(record) => {
                self.debrief.set_grade(pos, g);
                self.recorded[pos] = Some((g, record.id));
                self.next(pos);
                return vec![Effect::Notify(Level::Info, format!("Recorded: {g}."))];
            }
            Err(GradeError::Queued(e)) => format!("Grade not recorded: {e}"),
            Err(GradeError::Undo(e)) => format!("Grade not changed: {e}"),
            Err(GradeError::Review(e)) => {
                let was = old
                    .filter(|_| outcome.taken_back)
                    .map(|old| {
                        format!(" The earlier grade ({old}) was taken back: none is recorded.")
                    })
                    .unwrap_or_default();
                format!("Grade not recorded: {e}.{was}")
            }
        };
        vec![Effect::Notify(Level::Error, message)]
    }

    fn scroll(&mut self, action: Action, cx: &Cx) {
        let (content, visible) = self.body_height(cx);
        let max = content.saturating_sub(visible);
        let page = visible.saturating_sub(1).max(1);
        let s = self.scroll;
        self.scroll = match action {
            Action::Up => s.saturating_sub(1),
            Action::Down => s.saturating_add(1),
            Action::PageUp => s.saturating_sub(page),
            _ => s.saturating_add(page),
        }
        .min(max);
    }
}

impl DebriefState {
    /// The debrief's changed ticks and grades (`MockDebriefed` records), written like the
    /// interview's other records: what the candidate sees is what is stored.
    fn records(&mut self) -> impl Iterator<Item = Effect> {
        self.debrief
            .take_records()
            .into_iter()
            .map(|r| Effect::Record(r.into()))
    }

    fn action(&mut self, action: Action, cx: &Cx) -> Vec<Effect> {
        let n = self.debrief.items.len();
        match action {
            Action::Interview(MockAction::Home) => {
                // The ticks and grades first: leaving waits for them.
                let mut fx: Vec<Effect> = self.records().collect();
                fx.push(Effect::Go(Route::Home));
                return fx;
            }
            Action::Interview(MockAction::Summary) => self.summary = true,
            Action::Interview(MockAction::BackToDebrief) if n > 0 => self.show(self.pos),
            Action::Interview(MockAction::NextQuestion) if self.pos + 1 < n => {
                self.show(self.pos + 1)
            }
            Action::Interview(MockAction::NextQuestion) => self.summary = true,
            Action::Interview(MockAction::PrevQuestion) => self.show(self.pos.saturating_sub(1)),
            Action::Interview(MockAction::AcceptGrade) => {
                let g = match self.recorded.get(self.pos) {
                    Some(Some((g, _))) => *g,
                    _ => match self.debrief.items.get(self.pos) {
                        Some(item) => item.suggested_grade(),
                        None => return vec![],
                    },
                };
                return self.confirm_grade(g);
            }
            Action::Grade(g) => return self.confirm_grade(g),
            Action::Own(crate::tui::keys::OwnAction::Promote) => return self.promote(),
            Action::TogglePoint => {
                let (pos, point) = (self.pos, self.point);
                self.debrief.toggle_point(pos, point);
            }
            Action::NextPoint | Action::PrevPoint => {
                let points = self
                    .debrief
                    .items
                    .get(self.pos)
                    .map_or(0, |i| i.checklist.len());
                let p = points.max(1);
                self.point = if action == Action::NextPoint {
                    (self.point + 1) % p
                } else {
                    (self.point + p - 1) % p
                };
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.scroll(action, cx)
            }
            _ => {}
        }
        vec![]
    }
}

impl Screen for DebriefState {
    fn context(&self) -> Context {
        Context::Mock(if self.summary {
            MockCtx::Summary
        } else {
            MockCtx::Debrief
        })
    }

    fn on_key(
        &mut self,
        _key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let mut fx = match action {
            Some(action) => self.action(action, cx),
            None => vec![],
        };
        fx.extend(self.records());
        fx
    }

    fn on_reply(&mut self, reply: Reply, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        let mut fx = match reply {
            Reply::Graded(outcome) => self.grade_recorded(outcome),
            other => self.own_reply(other),
        };
        fx.extend(self.records());
        fx
    }
}
