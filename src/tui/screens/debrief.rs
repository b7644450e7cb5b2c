//! The debrief after the interview: one question at a time (checklist to tick, grade to
//! confirm), then the whole-interview summary. A confirmed grade is a `Review { mode: Mock }`
//! record; changing it later takes the old one back with an `Undo` first (both written by
//! [`crate::study::record_grade`], which the app runs for this screen).
//!
//! The same screen shows a past interview opened from the history screen: grades recorded in
//! an earlier session are kept (their records are not at hand to take back), the questions
//! left ungraded are offered their suggested grades again, and leaving goes back to the list.
//!
//! Nothing is dropped silently: leaving the summary with questions ungraded asks first, for a
//! new interview and for a past one opened from History alike.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::core::analysis::check_answer;
use crate::core::analysis::relevance::OtherQuestion;
use crate::core::grade::Grade;
use crate::core::ids::{InterviewId, RecordId};
use crate::core::record::{Review, ReviewMode};
use crate::core::session::{AnswerMode, Debrief, DebriefItem, MockSetup};
use crate::study::{GradeError, GradeOutcome};
use crate::tui::keys::{Action, Context, MockAction, MockCtx};
use crate::tui::screen::{Cx, Effect, Level, Reply, Route, Screen};
use crate::tui::screens::point_cursor::PointCursor;

/// A grade the screen shows as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    pub grade: Grade,
    /// The review record, to take it back when the grade changes; `None` for a grade recorded
    /// in an earlier session (a past interview), which stays.
    pub record: Option<RecordId>,
}

/// Where the debrief was opened from, and so where leaving goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The interview that just ended: leaving goes home (asking first while questions are
    /// ungraded).
    Interview,
    /// A past interview opened from the history screen: leaving goes back to the list.
    History,
}

pub struct DebriefState {
    pub debrief: Debrief,
    pub interview: InterviewId,
    pub spoken: bool,
    pub origin: Origin,
    /// The question shown (a position in `debrief.items`).
    pub pos: usize,
    /// The key point Space ticks.
    pub point: PointCursor,
    /// First line of the debrief body on screen.
    pub scroll: u16,
    /// Per question: the grade recorded.
    pub recorded: Vec<Option<Recorded>>,
    /// The summary is shown instead of a question.
    pub summary: bool,
    /// "Leave with N questions ungraded?" is asked over the summary.
    pub leaving: bool,
    /// The candidate answered it "leave them ungraded": not asked again (a leave that a failed
    /// save held back is retried with the same key).
    leave_confirmed: bool,
    /// Per question: the other question its answer reads like, when it does (then the matcher
    /// ticked nothing).
    pub reads_like: Vec<Option<OtherQuestion>>,
    /// The grade being recorded (question, grade, the grade it replaces), until the app says
    /// how it went.
    grading: Option<(usize, Grade, Option<Grade>)>,
    /// Recording every ungraded question's suggested grade, then leaving.
    accepting: bool,
    /// Per question: the candidate's answer, note, earlier attempts and fitting stories
    /// (filled by the app when the debrief opens; see `debrief_own.rs`).
    pub beside: Vec<Option<Box<crate::study::Beside>>>,
    /// What the answers say about the story bank (a story told twice, a result without a
    /// figure), for the summary.
    pub story_notes: Vec<String>,
}

/// The other question a typed answer (with its follow-up answer) reads like, if it does (then
/// the matcher ticked nothing); nothing for a spoken, skipped or empty one. The words that
/// made each tick are the debrief item's own ([`DebriefItem::matched_words`]).
fn reads_like(item: &DebriefItem) -> Option<OtherQuestion> {
    let follow_up = item
        .question
        .follow_up
        .as_deref()
        .zip(item.follow_up_answer.as_deref());
    let said =
        !item.answer.trim().is_empty() || follow_up.is_some_and(|(_, a)| !a.trim().is_empty());
    if item.skipped || !said {
        return None;
    }
    let checked = check_answer(
        &item.question.topic(),
        &item.question.key_points,
        &item.answer,
        follow_up,
    );
    checked.relevance.and_then(|r| r.reads_like)
}

impl DebriefState {
    /// The debrief of the interview that just ended.
    pub fn new(debrief: Debrief, setup: &MockSetup, interview: InterviewId) -> DebriefState {
        Self::open(debrief, setup, interview, Origin::Interview)
    }

    /// A past interview's debrief (from the history screen), with the grades the log holds.
    pub fn past(debrief: Debrief, setup: &MockSetup) -> DebriefState {
        let interview = debrief.interview.clone();
        let mut d = Self::open(debrief, setup, interview, Origin::History);
        d.recorded = d
            .debrief
            .items
            .iter()
            .map(|i| {
                i.confirmed.map(|grade| Recorded {
                    grade,
                    record: None,
                })
            })
            .collect();
        // Straight to the first question still to grade.
        if let Some(&first) = d.debrief.ungraded().first() {
            d.show(first);
        }
        d
    }

    fn open(
        debrief: Debrief,
        setup: &MockSetup,
        interview: InterviewId,
        origin: Origin,
    ) -> DebriefState {
        let n = debrief.items.len();
        let reads_like = debrief.items.iter().map(reads_like).collect();
        DebriefState {
            summary: n == 0,
            reads_like,
            debrief,
            interview,
            spoken: setup.mode == AnswerMode::Spoken,
            origin,
            pos: 0,
            point: PointCursor::default(),
            scroll: 0,
            recorded: vec![None; n],
            leaving: false,
            leave_confirmed: false,
            grading: None,
            accepting: false,
            beside: vec![None; n],
            story_notes: Vec::new(),
        }
    }

    /// How many key points the question shown has.
    fn points(&self) -> usize {
        self.debrief
            .items
            .get(self.pos)
            .map_or(0, |i| i.checklist.len())
    }

    fn show(&mut self, pos: usize) {
        self.pos = pos.min(self.debrief.items.len().saturating_sub(1));
        self.point.reset();
        self.scroll = 0;
        self.summary = false;
    }

    /// Total paused time over the interview.
    pub fn paused(&self) -> std::time::Duration {
        self.debrief.items.iter().map(|i| i.paused).sum()
    }

    pub fn graded(&self) -> usize {
        self.recorded.iter().filter(|r| r.is_some()).count()
    }

    /// Questions without a recorded grade.
    pub fn ungraded(&self) -> usize {
        self.recorded.len() - self.graded()
    }

    /// The next question, or the summary after the last.
    fn next(&mut self, pos: usize) {
        if pos + 1 < self.debrief.items.len() {
            self.show(pos + 1);
        } else {
            self.summary = true;
        }
    }

    /// Asks the app to record grade `g` for question `pos` (taking back `previous`).
    fn grade_effect(&mut self, pos: usize, g: Grade, previous: Option<Recorded>) -> Vec<Effect> {
        let Some(item) = self.debrief.items.get(pos) else {
            return vec![];
        };
        let review = Review {
            deck: item.question.key.deck.clone(),
            card: item.question.key.card.clone(),
            grade: g,
            took_ms: crate::core::record::millis(item.timing.used),
            mode: ReviewMode::Mock,
        };
        self.grading = Some((pos, g, previous.as_ref().map(|r| r.grade)));
        vec![Effect::Grade {
            review,
            previous: previous.and_then(|r| r.record),
        }]
    }

    /// Records grade `g` for the question shown, then shows the next one (the summary after
    /// the last). The same grade again just moves on.
    fn confirm_grade(&mut self, g: Grade) -> Vec<Effect> {
        let pos = self.pos;
        if self.debrief.items.get(pos).is_none() {
            return vec![];
        }
        let previous = self.recorded.get(pos).cloned().flatten();
        match &previous {
            Some(r) if r.grade == g => {
                self.next(pos);
                return vec![];
            }
            Some(Recorded {
                grade,
                record: None,
            }) => {
                return vec![Effect::Notify(
                    Level::Info,
                    format!(
                        "This question was graded {grade} in an earlier session; that grade stays."
                    ),
                )];
            }
            _ => {}
        }
        self.grade_effect(pos, g, previous)
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
                self.recorded[pos] = Some(Recorded {
                    grade: g,
                    record: Some(record.id),
                });
                if self.accepting {
                    return self.accept_next();
                }
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
        // A failed grade stops "accept them all": the candidate stays, told why.
        self.accepting = false;
        vec![Effect::Notify(Level::Error, message)]
    }

    /// The suggested grade of the next ungraded question, or, when none is left, leaving.
    fn accept_next(&mut self) -> Vec<Effect> {
        let next = (0..self.recorded.len()).find(|&p| self.recorded[p].is_none());
        match next {
            Some(pos) => {
                let g = self.debrief.items[pos].suggested_grade();
                self.grade_effect(pos, g, None)
            }
            None => {
                self.accepting = false;
                let done = match self.recorded.len() {
                    1 => "the question is graded".to_string(),
                    n => format!("all {n} questions are graded"),
                };
                self.leave(Some(format!("Recorded the suggested grades: {done}.")))
            }
        }
    }

    /// Leaves the debrief: its changed ticks and grades first (leaving waits for them), then
    /// `note` (before leaving, so a failed save's message replaces it).
    fn leave(&mut self, note: Option<String>) -> Vec<Effect> {
        self.leaving = false;
        let mut fx: Vec<Effect> = self.records().collect();
        fx.extend(note.map(|n| Effect::Notify(Level::Info, n)));
        fx.push(Effect::Go(match self.origin {
            Origin::Interview => Route::Home,
            Origin::History => Route::History(Some(self.interview.clone())),
        }));
        fx
    }

    /// The answer to "Leave with N questions ungraded?".
    fn answer_leave(&mut self, action: MockAction) -> Vec<Effect> {
        match action {
            MockAction::AcceptAll => {
                self.leaving = false;
                self.accepting = true;
                self.accept_next()
            }
            MockAction::LeaveUngraded => {
                self.leave_confirmed = true;
                let n = self.ungraded();
                let left = crate::core::text::count(n, "question", "questions");
                let them = if n == 1 { "it" } else { "them" };
                let later = match self.origin {
                    Origin::Interview => "from History (h on the home screen)",
                    Origin::History => "by opening the interview again",
                };
                self.leave(Some(format!(
                    "{left} left ungraded: your schedule has not heard of {them}. Grade {them} later \
                     {later}."
                )))
            }
            MockAction::Stay => {
                self.leaving = false;
                vec![]
            }
            _ => vec![],
        }
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
        if self.accepting || self.grading.is_some() {
            // A grade is on its way: nothing moves until the app says how it went.
            return vec![];
        }
        if self.leaving {
            return match action {
                Action::Interview(a) => self.answer_leave(a),
                _ => vec![],
            };
        }
        match action {
            Action::Interview(MockAction::Home) => {
                // A past interview opened from History asks too: leaving it is as silent.
                if self.ungraded() > 0 && !self.leave_confirmed {
                    self.leaving = true;
                    return vec![];
                }
                return self.leave(None);
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
                    Some(Some(r)) => r.grade,
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
                let pos = self.pos;
                if let Some(point) = self.point.target(self.points()) {
                    self.debrief.toggle_point(pos, point);
                }
            }
            Action::NextPoint => self.point.next(self.points()),
            Action::PrevPoint => self.point.prev(self.points()),
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
        Context::Mock(if self.leaving {
            MockCtx::ConfirmLeave
        } else if self.summary {
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
        // Ticks and grades before anything else the reply asks for (leaving waits for them).
        let mut out: Vec<Effect> = self.records().collect();
        out.append(&mut fx);
        out
    }
}
