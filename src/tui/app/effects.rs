//! The effect interpreter: the one place the app's screens reach the study layer.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};

use super::{App, Current, Level, Modal, Request};
use crate::study::record_grade;
use crate::tui::screen::{Cx, Effect, Reply};

impl App {
    /// Carries out `fx` (and what the screens answer), in order.
    pub(super) fn run(&mut self, fx: Vec<Effect>, now: DateTime<Utc>) {
        let mut requests = Vec::new();
        self.run_collecting(fx, now, &mut requests);
    }

    /// The effect interpreter: the one place the app's screens reach the study layer.
    /// Effects a reply causes run before the rest of the batch.
    pub(super) fn run_collecting(
        &mut self,
        fx: Vec<Effect>,
        now: DateTime<Utc>,
        out: &mut Vec<Request>,
    ) {
        let mut todo: VecDeque<Effect> = fx.into();
        while let Some(effect) = todo.pop_front() {
            let reply = match effect {
                Effect::Drill(event) => {
                    let Current::Drill(d) = &mut self.current else {
                        continue;
                    };
                    Reply::Drill(d.driver.handle(&mut *self.study, event, now))
                }
                Effect::Interview(event) => {
                    let Current::MockRun(r) = &mut self.current else {
                        continue;
                    };
                    Reply::Mock(
                        r.driver
                            .handle(&mut *self.study, &mut self.pending, event, now),
                    )
                }
                Effect::Grade { review, previous } => Reply::Graded(record_grade(
                    &mut *self.study,
                    &mut self.pending,
                    review,
                    previous,
                    now,
                )),
                Effect::Record(body) => {
                    if let Err(e) = self.pending.record(&mut *self.study, body, now) {
                        // An error already on screen (a grade not recorded) says more; the
                        // record waits in the queue either way.
                        if !matches!(self.message, Some((Level::Error, _))) {
                            self.notify(
                                Level::Error,
                                format!(
                                    "Not saved yet: {e}. It will be tried again at the next step."
                                ),
                            );
                        }
                    }
                    continue;
                }
                Effect::Preview(key) => Reply::Preview(self.study.preview(&key, now)),
                Effect::NextDay => Reply::NextDay(self.study.next_day_start(now)),
                Effect::Go(route) => {
                    self.go(route, now);
                    continue;
                }
                Effect::RefreshOverview => {
                    self.overview = self.study.overview(&self.decks, now);
                    self.refresh_next_target(now);
                    continue;
                }
                Effect::Notify(level, text) => {
                    self.notify(level, text);
                    continue;
                }
                Effect::ConfirmEnd => {
                    self.modal = Some(Modal::EndInterview);
                    continue;
                }
                Effect::Edit { path, line } => {
                    self.last_edit = Some(path.clone());
                    out.push(Request::Edit { path, line });
                    continue;
                }
                Effect::Quit => {
                    self.quit = true;
                    continue;
                }
                e @ (Effect::LoadTargets
                | Effect::LoadTarget(_)
                | Effect::CreateTarget(_)
                | Effect::RemoveTarget(_)
                | Effect::SetTargetLimits(..)
                | Effect::ForgetMockTarget) => match self.target_effect(e, now) {
                    Some(reply) => reply,
                    None => continue,
                },
                other => match self.own_effect(other, now, out) {
                    Some(reply) => reply,
                    None => continue,
                },
            };
            let context = self.context();
            let more = match self.current.screen_mut() {
                Some(s) => s.on_reply(reply, &cx!(self, context), now),
                None => vec![],
            };
            for e in more.into_iter().rev() {
                todo.push_front(e);
            }
        }
    }
}
