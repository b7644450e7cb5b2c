//! The debrief after the interview: one question at a time (checklist to tick, grade to
//! confirm), then the whole-interview summary. A confirmed grade is a `Review { mode: Mock }`
//! record; changing it later takes the old one back with an `Undo` first.

use chrono::{DateTime, Utc};

use super::Stage;
use super::keys::MockAction;
use crate::core::grade::Grade;
use crate::core::ids::RecordId;
use crate::core::record::{RecordBody, Review, ReviewMode};
use crate::core::session::{AnswerMode, Debrief, MockSetup};
use crate::tui::app::{App, Level, Screen};
use crate::tui::keymap::Action;

pub struct DebriefState {
    pub debrief: Debrief,
    pub interview: String,
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
}

impl DebriefState {
    pub fn new(debrief: Debrief, setup: &MockSetup, interview: String) -> DebriefState {
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
}

impl App {
    fn debrief_state(&mut self) -> Option<&mut DebriefState> {
        match &mut self.screen {
            Screen::Mock(ms) => match &mut ms.stage {
                Stage::Debrief(d) => Some(d),
                _ => None,
            },
            _ => None,
        }
    }

    /// Writes the debrief's changed ticks and grades (`MockDebriefed` records), like the
    /// interview's other records: what the candidate sees is what is stored.
    fn save_debrief(&mut self, now: DateTime<Utc>) {
        let records = self
            .debrief_state()
            .map(|d| d.debrief.take_records())
            .unwrap_or_default();
        let Screen::Mock(ms) = &mut self.screen else {
            return;
        };
        if records.is_empty() {
            return;
        }
        ms.unsaved.extend(records.into_iter().map(RecordBody::from));
        if let Err(e) = self.flush_unsaved(now) {
            // An error already on screen (a grade not recorded) says more; the ticks wait
            // in the queue either way.
            if !matches!(self.message, Some((Level::Error, _))) {
                self.notify(
                    Level::Error,
                    format!("Not saved yet: {e}. It will be tried again at the next step."),
                );
            }
        }
    }

    pub(super) fn debrief_key(&mut self, action: Option<Action>, now: DateTime<Utc>) {
        self.debrief_action(action, now);
        self.save_debrief(now);
    }

    fn debrief_action(&mut self, action: Option<Action>, now: DateTime<Utc>) {
        let Some(action) = action else { return };
        let (w, h) = self.size;
        let (content, visible) = crate::tui::view::mock::debrief::body_height(self, w, h);
        let Some(d) = self.debrief_state() else {
            return;
        };
        let n = d.debrief.items.len();
        match action {
            Action::Interview(MockAction::Home) => {
                self.save_debrief(now);
                self.leave_mock(now)
            }
            Action::Interview(MockAction::Summary) => d.summary = true,
            Action::Interview(MockAction::BackToDebrief) if n > 0 => d.show(d.pos),
            Action::Interview(MockAction::NextQuestion) if d.pos + 1 < n => d.show(d.pos + 1),
            Action::Interview(MockAction::NextQuestion) => d.summary = true,
            Action::Interview(MockAction::PrevQuestion) => d.show(d.pos.saturating_sub(1)),
            Action::Interview(MockAction::AcceptGrade) => {
                let g = match d.recorded.get(d.pos) {
                    Some(Some((g, _))) => *g,
                    _ => match d.debrief.items.get(d.pos) {
                        Some(item) => item.suggested_grade(),
                        None => return,
                    },
                };
                self.confirm_grade(g, now);
            }
            Action::Grade(g) => self.confirm_grade(g, now),
            Action::TogglePoint => {
                let (pos, point) = (d.pos, d.point);
                d.debrief.toggle_point(pos, point);
            }
            Action::NextPoint | Action::PrevPoint => {
                let points = d.debrief.items.get(d.pos).map_or(0, |i| i.checklist.len());
                let p = points.max(1);
                d.point = if action == Action::NextPoint {
                    (d.point + 1) % p
                } else {
                    (d.point + p - 1) % p
                };
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let max = content.saturating_sub(visible);
                let page = visible.saturating_sub(1).max(1);
                let s = d.scroll;
                d.scroll = match action {
                    Action::Up => s.saturating_sub(1),
                    Action::Down => s.saturating_add(1),
                    Action::PageUp => s.saturating_sub(page),
                    _ => s.saturating_add(page),
                }
                .min(max);
            }
            _ => {}
        }
    }

    /// Records grade `g` for the question shown, then shows the next one (the summary after
    /// the last). The same grade again just moves on.
    fn confirm_grade(&mut self, g: Grade, now: DateTime<Utc>) {
        let Some(d) = self.debrief_state() else {
            return;
        };
        let pos = d.pos;
        let Some(item) = d.debrief.items.get(pos) else {
            return;
        };
        let previous = d.recorded.get(pos).cloned().flatten();
        let review = Review {
            deck: item.question.key.deck.clone(),
            card: item.question.key.card.clone(),
            grade: g,
            took_ms: item.timing.used_ms,
            mode: ReviewMode::Mock,
        };
        if previous.as_ref().is_none_or(|(old, _)| *old != g) {
            if let Err(e) = self.flush_unsaved(now) {
                self.notify(Level::Error, format!("Grade not recorded: {e}"));
                return;
            }
            let mut taken_back = None;
            if let Some((old, target)) = previous {
                if let Err(e) = self.study.append(RecordBody::Undo { target }, now) {
                    self.notify(Level::Error, format!("Grade not changed: {e}"));
                    return;
                }
                // The old grade is taken back on disk: the screen must not show it any more,
                // whatever happens to the new one.
                if let Some(d) = self.debrief_state() {
                    d.recorded[pos] = None;
                    d.debrief.clear_grade(pos);
                }
                taken_back = Some(old);
            }
            match self.study.append(RecordBody::Review(review), now) {
                Ok(record) => {
                    if let Some(d) = self.debrief_state() {
                        d.debrief.set_grade(pos, g);
                        d.recorded[pos] = Some((g, record.id));
                    }
                    self.notify(Level::Info, format!("Recorded: {g}."));
                }
                Err(e) => {
                    let was = taken_back
                        .map(|old| {
                            format!(" The earlier grade ({old}) was taken back: none is recorded.")
                        })
                        .unwrap_or_default();
                    self.notify(Level::Error, format!("Grade not recorded: {e}.{was}"));
                    return;
                }
            }
        }
        let Some(d) = self.debrief_state() else {
            return;
        };
        if pos + 1 < d.debrief.items.len() {
            d.show(pos + 1);
        } else {
            d.summary = true;
        }
    }
}
