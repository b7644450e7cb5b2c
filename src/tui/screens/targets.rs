//! The targets screen: the interview targets (soonest first) and, for the selected one, four
//! tabs: what the job stresses (categories, readiness, recall on the day, coverage), its
//! requirements with the cards and stories answering each, the plan to the date, and the
//! one-page brief. Keys add a target (the form), remove one (asks first), drill today's part
//! of its plan or its weakest categories, and start a mock interview drawn from the job.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::target_form::{FormKey, TargetForm};
use crate::core::target::{PlanLimits, TargetName};
use crate::study::{TargetDetail, TargetsList, WEAKEST_CATEGORIES};
use crate::tui::keys::{Action, Context, TargetAction, TargetCtx};
use crate::tui::screen::{Cx, Effect, Level, Reply, Route, Screen};

/// The selected target's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Job,
    Requirements,
    Plan,
    Brief,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Job, Tab::Requirements, Tab::Plan, Tab::Brief];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Job => "What the job stresses",
            Tab::Requirements => "Requirements",
            Tab::Plan => "Plan",
            Tab::Brief => "Brief",
        }
    }

    fn step(self, by: isize) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        Tab::ALL[(i + by).rem_euclid(Tab::ALL.len() as isize) as usize]
    }
}

pub struct TargetsScreen {
    /// `None` until loaded, or when this progress has no data folder.
    pub list: Option<TargetsList>,
    pub selected: usize,
    /// The selected target read against the bank, or why it could not be.
    pub detail: Option<Result<Box<TargetDetail>, String>>,
    pub tab: Tab,
    /// First line of the tab on screen.
    pub scroll: u16,
    pub form: Option<TargetForm>,
    pub confirm_remove: bool,
    /// Select this target when the list comes back (the one just added).
    select_name: Option<TargetName>,
}

impl Default for TargetsScreen {
    fn default() -> Self {
        Self::new()
    }
}

impl TargetsScreen {
    pub fn new() -> TargetsScreen {
        TargetsScreen {
            list: None,
            selected: 0,
            detail: None,
            tab: Tab::Job,
            scroll: 0,
            form: None,
            confirm_remove: false,
            select_name: None,
        }
    }

    /// The screen opening on the form (no target yet, or from a key).
    pub fn with_form(mut self) -> TargetsScreen {
        self.form = Some(TargetForm::new());
        self
    }

    fn count(&self) -> usize {
        self.list.as_ref().map_or(0, |l| l.targets.len())
    }

    pub fn selected_name(&self) -> Option<&TargetName> {
        self.list
            .as_ref()
            .and_then(|l| l.targets.get(self.selected))
            .map(|t| &t.name)
    }

    fn load_selected(&mut self) -> Vec<Effect> {
        self.scroll = 0;
        self.detail = None;
        match self.selected_name() {
            Some(n) => vec![Effect::LoadTarget(n.clone())],
            None => vec![],
        }
    }

    fn form_key(&mut self, key: KeyEvent, action: Option<Action>) -> Vec<Effect> {
        let Some(form) = &mut self.form else {
            return vec![];
        };
        match form.on_key(key, action) {
            FormKey::Typed => vec![],
            FormKey::Save(new) => vec![Effect::CreateTarget(new)],
            FormKey::Close => {
                self.form = None;
                vec![]
            }
            FormKey::AskDiscard => vec![Effect::Notify(
                Level::Info,
                "Close the form and lose what you typed? Esc again closes; any other key stays."
                    .into(),
            )],
        }
    }

    /// One step of the plan's limits (from those the plan applied), kept in the target's file.
    fn change_limits(&mut self, a: TargetAction) -> Vec<Effect> {
        let Some(Ok(d)) = &self.detail else {
            return vec![];
        };
        let Some(plan) = &d.plan else {
            return vec![Effect::Notify(
                Level::Info,
                "No plan without an interview date (prepdeck target edit NAME --date ...).".into(),
            )];
        };
        let (new, reviews) = plan.limits;
        let (new, reviews) = match a {
            TargetAction::MoreNew => (new.saturating_add(1).min(1000), reviews),
            TargetAction::FewerNew => (new.saturating_sub(1).max(1), reviews),
            TargetAction::MoreReviews => (new, reviews.saturating_add(10).min(10_000)),
            _ => (new, reviews.saturating_sub(10).max(10)),
        };
        self.tab = Tab::Plan;
        vec![Effect::SetTargetLimits(
            d.target.name.clone(),
            PlanLimits {
                new_per_day: Some(new),
                reviews_per_day: Some(reviews),
            },
        )]
    }

    /// A drill or mock for the selected target.
    fn go(&self, route: impl FnOnce(TargetName) -> Route) -> Vec<Effect> {
        match self.selected_name() {
            Some(n) => vec![Effect::Go(route(n.clone()))],
            None => vec![Effect::Notify(
                Level::Info,
                "No target yet: a adds one from a job description.".into(),
            )],
        }
    }
}

impl Screen for TargetsScreen {
    fn context(&self) -> Context {
        if self.form.is_some() {
            Context::Target(TargetCtx::Form)
        } else if self.confirm_remove {
            Context::Target(TargetCtx::ConfirmRemove)
        } else {
            Context::Target(TargetCtx::List)
        }
    }

    fn on_key(
        &mut self,
        key: KeyEvent,
        action: Option<Action>,
        _cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        if self.form.is_some() {
            return self.form_key(key, action);
        }
        if self.confirm_remove {
            self.confirm_remove = false;
            return match (action, self.selected_name()) {
                (Some(Action::Target(TargetAction::ConfirmRemove)), Some(n)) => {
                    vec![Effect::RemoveTarget(n.clone())]
                }
                _ => vec![Effect::Notify(Level::Info, "Kept.".into())],
            };
        }
        let n = self.count();
        match action {
            Some(Action::Up) if self.selected > 0 => {
                self.selected -= 1;
                return self.load_selected();
            }
            Some(Action::Down) if self.selected + 1 < n => {
                self.selected += 1;
                return self.load_selected();
            }
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            Some(Action::PageDown) => self.scroll = self.scroll.saturating_add(10),
            Some(Action::NextTab) => {
                self.tab = self.tab.step(1);
                self.scroll = 0;
            }
            Some(Action::PrevTab) => {
                self.tab = self.tab.step(-1);
                self.scroll = 0;
            }
            Some(Action::Target(
                a @ (TargetAction::MoreNew
                | TargetAction::FewerNew
                | TargetAction::MoreReviews
                | TargetAction::FewerReviews),
            )) => return self.change_limits(a),
            Some(Action::Target(TargetAction::Add)) => self.form = Some(TargetForm::new()),
            Some(Action::Target(TargetAction::Remove)) => {
                if let Some(name) = self.selected_name().cloned() {
                    self.confirm_remove = true;
                    return vec![Effect::Notify(
                        Level::Info,
                        format!(
                            "Remove target {name} and its job description? y removes, n keeps."
                        ),
                    )];
                }
            }
            Some(Action::Target(TargetAction::Drill)) => {
                return self.go(|name| Route::TargetDrill {
                    name,
                    weakest: None,
                });
            }
            Some(Action::Target(TargetAction::Weakest)) => {
                return self.go(|name| Route::TargetDrill {
                    name,
                    weakest: Some(WEAKEST_CATEGORIES),
                });
            }
            Some(Action::Target(TargetAction::Mock)) => {
                return self.go(|name| Route::TargetMock { name, setup: None });
            }
            Some(Action::Back) => return vec![Effect::Go(Route::Home)],
            _ => {}
        }
        vec![]
    }

    fn on_paste(&mut self, text: &str, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        let Some(form) = self.form.as_mut() else {
            return vec![];
        };
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        match form.paste(&text) {
            Ok(()) => vec![],
            Err(e) => vec![Effect::Notify(Level::Error, e)],
        }
    }

    fn on_reply(&mut self, reply: Reply, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        match reply {
            Reply::Targets(list) => {
                self.list = list;
                if let Some(name) = self.select_name.take()
                    && let Some(i) = self
                        .list
                        .as_ref()
                        .and_then(|l| l.targets.iter().position(|t| t.name == name))
                {
                    self.selected = i;
                }
                self.selected = self.selected.min(self.count().saturating_sub(1));
                let mut fx = self.load_selected();
                if let Some(p) = self.list.as_ref().and_then(|l| l.problems.first()) {
                    fx.push(Effect::Notify(Level::Error, p.clone()));
                }
                fx
            }
            Reply::Target(detail) => {
                let wanted = self.selected_name();
                let same = match &detail {
                    Ok(d) => Some(&d.target.name) == wanted,
                    Err(_) => true,
                };
                if same {
                    self.detail = Some(detail);
                }
                vec![]
            }
            Reply::TargetCreated(Ok(name)) => {
                self.form = None;
                self.tab = Tab::Job;
                let msg = format!(
                    "Added target {name}: the job's categories, your readiness and recall on \
                     the day below; d drills today's part of the plan."
                );
                self.select_name = Some(name);
                vec![Effect::LoadTargets, Effect::Notify(Level::Info, msg)]
            }
            Reply::TargetCreated(Err(e)) => vec![Effect::Notify(
                Level::Error,
                format!("Not saved: {e} (nothing was written; fix it and Ctrl-S again)"),
            )],
            Reply::TargetRemoved(Ok(name)) => vec![
                Effect::LoadTargets,
                Effect::Notify(Level::Info, format!("Removed target {name}.")),
            ],
            Reply::TargetRemoved(Err(e)) => {
                vec![Effect::Notify(Level::Error, format!("Not removed: {e}"))]
            }
            Reply::TargetChanged(Ok(_)) => {
                let scroll = self.scroll;
                let fx = self.load_selected();
                self.scroll = scroll;
                fx
            }
            Reply::TargetChanged(Err(e)) => {
                vec![Effect::Notify(Level::Error, format!("Not changed: {e}"))]
            }
            Reply::Reloaded => self.load_selected(),
            _ => vec![],
        }
    }
}
