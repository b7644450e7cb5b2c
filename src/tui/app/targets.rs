//! The app's side of interview targets: opening the targets screen, carrying out its effects
//! through the study layer, a drill or mock interview for a target, and the next interview on
//! the home screen.

use chrono::{DateTime, Utc};

use super::{App, Current, Level};
use crate::core::session::MockSetup;
use crate::core::target::{TargetName, target_questions};
use crate::study::{
    RememberedTarget, create_target, delete_target, next_target, prepare_mock_with,
    remember_mock_target, remembered_mock_target, set_target_limits, target_detail,
    target_drill_cards, targets_list,
};
use crate::tui::screen::{Effect, Reply};
use crate::tui::screens::targets::TargetsScreen;

impl App {
    /// Carries out an effect of the targets screen; its reply.
    pub(super) fn target_effect(&mut self, effect: Effect, now: DateTime<Utc>) -> Option<Reply> {
        Some(match effect {
            Effect::LoadTargets => Reply::Targets(targets_list(&*self.study, now)),
            Effect::LoadTarget(name) => {
                Reply::Target(target_detail(&*self.study, &self.decks, &name, now).map(Box::new))
            }
            Effect::CreateTarget(new) => {
                let made = create_target(&*self.study, &new, now);
                if made.is_ok() {
                    self.refresh_next_target(now);
                }
                Reply::TargetCreated(made.map(|t| t.name).map_err(|e| e.0))
            }
            Effect::SetTargetLimits(name, limits) => {
                let changed = set_target_limits(&*self.study, &name, limits).map(|()| name);
                self.refresh_next_target(now);
                Reply::TargetChanged(changed)
            }
            Effect::ForgetMockTarget => {
                if let Some(home) = self.study.data_home()
                    && let Err(e) = remember_mock_target(home, None)
                {
                    self.notify(Level::Error, format!("The target was not forgotten: {e}"));
                }
                return None;
            }
            Effect::RemoveTarget(name) => {
                let gone = delete_target(&*self.study, &name).map(|()| name);
                self.refresh_next_target(now);
                Reply::TargetRemoved(gone)
            }
            _ => return None,
        })
    }

    /// Opens the targets screen (on the form when there is no target yet).
    pub fn open_targets(&mut self, now: DateTime<Utc>) {
        let Some(list) = targets_list(&*self.study, now) else {
            self.notify(
                Level::Error,
                "Targets need a data folder (this progress has none).",
            );
            return;
        };
        let empty = list.targets.is_empty();
        let mut screen = TargetsScreen::new();
        if empty {
            screen = screen.with_form();
        }
        self.show(Current::Targets(Box::new(screen)));
        self.reply_to_screen(Reply::Targets(Some(list)), now);
        if empty {
            self.notify(
                Level::Info,
                "No target yet: paste the job description, give the interview date, Ctrl-S saves.",
            );
        }
    }

    /// Target `name` read against the bank and the progress; on failure the user is told why.
    fn read_target(
        &mut self,
        name: &TargetName,
        now: DateTime<Utc>,
    ) -> Option<crate::study::TargetDetail> {
        match target_detail(&*self.study, &self.decks, name, now) {
            Ok(d) => Some(d),
            Err(e) => {
                self.notify(Level::Error, e);
                None
            }
        }
    }

    /// A drill for target `name`: today's part of its plan first (or its weakest categories).
    pub fn start_target_drill(
        &mut self,
        name: &TargetName,
        weakest: Option<usize>,
        now: DateTime<Utc>,
    ) {
        let Some(detail) = self.read_target(name, now) else {
            return;
        };
        let keys = target_drill_cards(&*self.study, &self.decks, &detail, weakest, now);
        if keys.is_empty() {
            self.notify(
                Level::Info,
                "Nothing to drill for this target today: its cards are learned and not due.",
            );
            return;
        }
        self.start_drill_cards(keys, now);
        if detail.archived {
            self.notify(
                Level::Info,
                format!("The interview for {name} is over (archived): this is the normal drill."),
            );
        }
    }

    /// A mock interview drawn from target `name`'s job description, with the remembered
    /// setup's timing; the target is remembered for the next mock (`prepdeck mock --plain`
    /// too).
    pub fn start_target_mock(
        &mut self,
        name: &TargetName,
        setup: Option<MockSetup>,
        now: DateTime<Utc>,
    ) {
        let Some(detail) = self.read_target(name, now) else {
            return;
        };
        let decks = &self.decks;
        let (reading, focus) = (&detail.reading, &detail.focus);
        let choose = |setup: &MockSetup, weakness: &dyn Fn(&_) -> f64, seed: u64| {
            target_questions(decks, focus, reading, setup, weakness, seed)
        };
        let setup = MockSetup {
            seed: None,
            ..setup.unwrap_or_else(|| self.study.mock_setup())
        };
        let Some(prepared) = prepare_mock_with(&mut *self.study, setup, now, &choose) else {
            self.notify(
                Level::Error,
                "No card of the bank answers this job's requirements.",
            );
            return;
        };
        if let Some(home) = self.study.data_home()
            && let Err(e) = remember_mock_target(home, Some(name))
        {
            self.notify(Level::Error, format!("The target was not remembered: {e}"));
        }
        self.run_prepared_mock(prepared, now);
    }

    /// The target the next mock interview is for: the remembered one while it is upcoming (a
    /// removed, broken or past one is forgotten, as `mock --plain` does).
    pub(super) fn remembered_mock_target(
        &mut self,
        now: DateTime<Utc>,
    ) -> Option<(TargetName, String)> {
        let home = self.study.data_home()?;
        let (_, offset) = self.study.schedule_settings();
        match remembered_mock_target(home, now, offset) {
            RememberedTarget::Upcoming(t) => Some((t.name.clone(), crate::study::target_title(&t))),
            RememberedTarget::None | RememberedTarget::Forgotten(..) => None,
        }
    }

    /// What a drill from home favours: the next interview's cards and today's part of its
    /// plan (not for practice ahead, nor once the interview is past).
    pub(super) fn next_target_drill(
        &mut self,
        filter: &crate::study::DrillFilter,
        now: DateTime<Utc>,
    ) -> Option<(TargetName, crate::study::TargetDrill)> {
        if filter.ahead.is_some() {
            return None;
        }
        // A drill the app opens on (`prepdeck drill`) comes before the first frame.
        self.run_deferred(now);
        let next = self.home.next.as_ref()?;
        let detail = target_detail(&*self.study, &self.decks, &next.name, now).ok()?;
        if detail.archived {
            return None;
        }
        Some((
            next.name.clone(),
            crate::study::TargetDrill {
                focus: detail.focus,
                today: detail.plan.map(|p| p.today),
            },
        ))
    }

    /// The next interview on the home screen, from the targets and the progress now.
    pub(super) fn refresh_next_target(&mut self, now: DateTime<Utc>) {
        self.next_pending = false;
        self.home.next = next_target(&*self.study, &self.decks, now);
    }
}
