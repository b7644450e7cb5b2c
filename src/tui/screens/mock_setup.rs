//! The mock interview's setup screen: one row per setting, changed with ←/→ (or Space), and
//! one row per deck to tick. No deck ticked means every deck.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::core::deck::{Deck, Kind};
use crate::core::ids::DeckId;
use crate::core::session::{AnswerMode, Focus, MAX_QUESTIONS, MockSetup, Timing};
use crate::core::target::TargetName;
use crate::tui::keys::{Action, Context, MockAction, MockCtx, TargetAction};
use crate::tui::screen::{Cx, Effect, Route, Screen};

/// Reading times offered, in seconds.
const PREP_STEPS: &[u32] = &[0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600];
/// Answer-time overrides offered, in seconds (the cards' own time comes before them).
const ANSWER_STEPS: &[u32] = &[
    10, 20, 30, 45, 60, 90, 120, 180, 240, 300, 600, 900, 1800, 3600,
];

/// The settings, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Questions,
    Focus,
    Prep,
    Answer,
    Mode,
    FollowUps,
    Timing,
}

pub const SETTINGS: [Setting; 7] = [
    Setting::Questions,
    Setting::Focus,
    Setting::Prep,
    Setting::Answer,
    Setting::Mode,
    Setting::FollowUps,
    Setting::Timing,
];

impl Setting {
    pub fn label(self) -> &'static str {
        match self {
            Setting::Questions => "Questions",
            Setting::Focus => "Focus",
            Setting::Prep => "Reading time",
            Setting::Answer => "Answer time",
            Setting::Mode => "Answers",
            Setting::FollowUps => "Follow-ups",
            Setting::Timing => "Timing",
        }
    }

    /// What the setting means, shown for the selected row.
    pub fn help(self) -> &'static str {
        match self {
            Setting::Questions => "How many questions (at most the cards in the chosen decks).",
            Setting::Focus => {
                "Mixed: every category in turn. Weakest: mostly your weakest categories. Or one \
                 category, or one kind of question."
            }
            Setting::Prep => "Time to read the question before the answer clock starts.",
            Setting::Answer => "The time for each answer: each card's own, or one for all.",
            Setting::Mode => {
                "Typed answers are analysed. Spoken: answer aloud, then tick the key points you \
                 made in the debrief."
            }
            Setting::FollowUps => "Ask a card's first follow-up question after the answer.",
            Setting::Timing => {
                "Strict: the answer is submitted at zero. Soft: the clock goes negative and the \
                 overtime is counted."
            }
        }
    }
}

/// The form: the setup being edited and the selected row (settings, then decks).
#[derive(Clone, Debug)]
pub struct SetupForm {
    pub setup: MockSetup,
    pub row: usize,
    /// The interview target remembered from the last mock for one (name, "role at company"):
    /// the questions come from its job description until dropped.
    pub target: Option<(TargetName, String)>,
}

/// Which way ←/→ moves a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// ←: the previous value.
    Less,
    /// →: the next value.
    More,
}

fn step(steps: &[u32], current: u32, way: Step) -> u32 {
    if way == Step::More {
        steps.iter().copied().find(|s| *s > current)
    } else {
        steps.iter().rev().copied().find(|s| *s < current)
    }
    .unwrap_or(current)
}

impl SetupForm {
    pub fn new(mut setup: MockSetup, decks: &[Deck]) -> SetupForm {
        // A remembered deck that is no longer loaded cannot be ticked off: forget it.
        setup.decks.retain(|id| decks.iter().any(|d| &d.id == id));
        setup.questions = setup.questions.clamp(1, MAX_QUESTIONS);
        SetupForm {
            setup,
            row: 0,
            target: None,
        }
    }

    /// The form for a mock interview for `target` (name and title).
    pub fn with_target(mut self, target: Option<(TargetName, String)>) -> SetupForm {
        self.target = target;
        self
    }

    pub fn rows(&self, decks: &[Deck]) -> usize {
        SETTINGS.len() + decks.len()
    }

    /// The setting on the selected row, `None` on a deck row.
    pub fn setting(&self) -> Option<Setting> {
        SETTINGS.get(self.row).copied()
    }

    pub fn up(&mut self) {
        self.row = self.row.saturating_sub(1);
    }

    pub fn down(&mut self, decks: &[Deck]) {
        self.row = (self.row + 1).min(self.rows(decks).saturating_sub(1));
    }

    fn chosen<'a>(&self, decks: &'a [Deck]) -> Vec<&'a Deck> {
        decks
            .iter()
            .filter(|d| self.setup.decks.is_empty() || self.setup.decks.contains(&d.id))
            .collect()
    }

    /// Cards in the chosen decks.
    pub fn pool(&self, decks: &[Deck]) -> usize {
        self.chosen(decks).iter().map(|d| d.cards.len()).sum()
    }

    /// Cards the questions are drawn from: the chosen decks' cards narrowed by the focus (a
    /// category or a kind; the whole pool when the focus matches none).
    pub fn focused_pool(&self, decks: &[Deck]) -> usize {
        crate::core::session::question_pool(decks, &self.setup).len()
    }

    /// The focuses offered for the chosen decks.
    pub fn focus_options(&self, decks: &[Deck]) -> Vec<Focus> {
        let mut out = vec![Focus::Mixed, Focus::Weakest];
        for d in self.chosen(decks) {
            for c in &d.categories {
                let f = Focus::Category(c.id.clone());
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        out.extend(Kind::ALL.iter().map(|k| Focus::Kind(*k)));
        out
    }

    pub fn is_ticked(&self, deck: &DeckId) -> bool {
        self.setup.decks.contains(deck)
    }

    /// ←/→ on the selected row.
    pub fn change(&mut self, decks: &[Deck], way: Step) {
        let up = way == Step::More;
        let setting = self.setting();
        let s = &mut self.setup;
        match setting {
            Some(Setting::Questions) => {
                s.questions = if up {
                    (s.questions + 1).min(MAX_QUESTIONS)
                } else {
                    s.questions.saturating_sub(1).max(1)
                };
            }
            Some(Setting::Focus) => {
                let options = self.focus_options(decks);
                let n = options.len();
                let at = options.iter().position(|f| *f == self.setup.focus);
                let next = match (at, up) {
                    (Some(i), true) => (i + 1) % n,
                    (Some(i), false) => (i + n - 1) % n,
                    (None, _) => 0,
                };
                self.setup.focus = options[next].clone();
            }
            Some(Setting::Prep) => s.prep_seconds = step(PREP_STEPS, s.prep_seconds, way),
            Some(Setting::Answer) => {
                s.answer_seconds = match (s.answer_seconds, up) {
                    (None, true) => ANSWER_STEPS.first().copied(),
                    (None, false) => None,
                    (Some(n), false) if n <= ANSWER_STEPS[0] => None,
                    (Some(n), _) => Some(step(ANSWER_STEPS, n, way)),
                };
            }
            Some(_) => self.toggle(decks),
            None => self.toggle(decks),
        }
    }

    /// Space: ticks a deck, switches a two-way setting, or steps a value forward.
    pub fn toggle(&mut self, decks: &[Deck]) {
        let setting = self.setting();
        let s = &mut self.setup;
        match setting {
            Some(Setting::Mode) => {
                s.mode = match s.mode {
                    AnswerMode::Typed => AnswerMode::Spoken,
                    AnswerMode::Spoken => AnswerMode::Typed,
                }
            }
            Some(Setting::FollowUps) => s.follow_ups = !s.follow_ups,
            Some(Setting::Timing) => {
                s.timing = match s.timing {
                    Timing::Strict => Timing::Soft,
                    Timing::Soft => Timing::Strict,
                }
            }
            Some(_) => self.change(decks, Step::More),
            None => {
                let Some(deck) = decks.get(self.row - SETTINGS.len()) else {
                    return;
                };
                match s.decks.iter().position(|id| *id == deck.id) {
                    Some(i) => {
                        s.decks.remove(i);
                    }
                    None => s.decks.push(deck.id.clone()),
                }
                // A category focus may no longer exist in the chosen decks.
                if !self.focus_options(decks).contains(&self.setup.focus) {
                    self.setup.focus = Focus::Mixed;
                }
            }
        }
    }

    /// The value shown for a setting.
    pub fn value(&self, setting: Setting, decks: &[Deck]) -> String {
        let s = &self.setup;
        match setting {
            Setting::Questions => s.questions.to_string(),
            Setting::Focus => focus_label(&s.focus, decks),
            Setting::Prep if s.prep_seconds == 0 => "none".into(),
            Setting::Prep => seconds(s.prep_seconds),
            Setting::Answer => s
                .answer_seconds
                .map_or_else(|| "each card's own".into(), seconds),
            Setting::Mode => match s.mode {
                AnswerMode::Typed => "typed".into(),
                AnswerMode::Spoken => "spoken".into(),
            },
            Setting::FollowUps if s.follow_ups => {
                format!("on ({})", seconds(s.follow_up_seconds))
            }
            Setting::FollowUps => "off".into(),
            Setting::Timing => match s.timing {
                Timing::Strict => "strict".into(),
                Timing::Soft => "soft".into(),
            },
        }
    }
}

/// "45s", "2m", "1m 30s".
pub fn seconds(s: u32) -> String {
    match (s / 60, s % 60) {
        (0, s) => format!("{s}s"),
        (m, 0) => format!("{m}m"),
        (m, s) => format!("{m}m {s:02}s"),
    }
}

pub fn focus_label(focus: &Focus, decks: &[Deck]) -> String {
    match focus {
        Focus::Mixed => "mixed".into(),
        Focus::Weakest => "weakest categories".into(),
        Focus::Category(id) => {
            let title = decks
                .iter()
                .find_map(|d| d.category(id))
                .map_or_else(|| id.to_string(), |c| c.title.clone());
            format!("category: {title}")
        }
        Focus::Kind(k) => format!("kind: {}", k.as_str()),
    }
}

impl Screen for SetupForm {
    fn context(&self) -> Context {
        Context::Mock(MockCtx::Setup)
    }

    fn on_key(
        &mut self,
        _key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        match action {
            Some(Action::Up) => self.up(),
            Some(Action::Down) => self.down(cx.decks),
            Some(Action::Interview(MockAction::Less)) => self.change(cx.decks, Step::Less),
            Some(Action::Interview(MockAction::More)) => self.change(cx.decks, Step::More),
            Some(Action::Interview(MockAction::Toggle)) => self.toggle(cx.decks),
            Some(Action::Interview(MockAction::Start)) => {
                let setup = self.setup.clone();
                return vec![Effect::Go(match &self.target {
                    Some((name, _)) => Route::TargetMock {
                        name: name.clone(),
                        setup: Some(setup),
                    },
                    None => Route::Mock(setup),
                })];
            }
            Some(Action::Target(TargetAction::DropTarget)) if self.target.is_some() => {
                self.target = None;
                return vec![Effect::ForgetMockTarget];
            }
            Some(Action::Interview(MockAction::Home)) => return vec![Effect::Go(Route::Home)],
            _ => {}
        }
        vec![]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::tests::support::deck;

    #[test]
    fn values_step_and_wrap() {
        let decks = vec![deck()];
        let mut f = SetupForm::new(MockSetup::default(), &decks);
        f.change(&decks, Step::Less);
        f.change(&decks, Step::Less);
        assert_eq!(f.setup.questions, 3);
        f.row = 1;
        f.change(&decks, Step::More);
        assert_eq!(f.setup.focus, Focus::Weakest);
        f.change(&decks, Step::Less);
        f.change(&decks, Step::Less);
        assert_eq!(f.setup.focus, Focus::Kind(Kind::Motivation));
        f.row = 3;
        f.change(&decks, Step::More);
        assert_eq!(f.setup.answer_seconds, Some(10));
        f.change(&decks, Step::Less);
        assert_eq!(f.setup.answer_seconds, None);
        f.row = SETTINGS.len();
        f.toggle(&decks);
        assert_eq!(f.setup.decks, vec![DeckId::new("test-deck")]);
        f.down(&decks);
        assert_eq!(f.row, SETTINGS.len());
        assert_eq!(seconds(90), "1m 30s");
    }
}
