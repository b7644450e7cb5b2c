//! The vocabulary of keys: the screens' key contexts, the actions keys ask for, and a key
//! with its modifiers. Data only; the bindings are in [`super::keymap`].

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::core::grade::Grade;

mod own;
mod targets;
pub use own::{OwnAction, OwnCtx};
pub use targets::{TargetAction, TargetCtx};

/// Where the user is: each has its own bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Home,
    /// A card's question, thinking.
    Question,
    /// Typing a draft answer in the editor.
    Draft,
    /// The answer is shown; grading.
    Revealed,
    Summary,
    /// The statistics screen.
    Stats,
    /// The deck files that did not load.
    Problems,
    /// Past mock interviews.
    History,
    Help,
    /// A mock-interview screen.
    Mock(MockCtx),
    /// The card browser, a card's page, the text box, the story bank.
    Own(OwnCtx),
    Target(TargetCtx),
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Home => "Home",
            Context::Question => "Drill: question",
            Context::Draft => "Drill: typing a draft",
            Context::Revealed => "Drill: answer",
            Context::Summary => "Session summary",
            Context::Stats => "Statistics",
            Context::Problems => "Deck problems",
            Context::History => "Past mock interviews",
            Context::Help => "Help",
            Context::Mock(m) => m.title(),
            Context::Own(o) => o.title(),
            Context::Target(t) => t.title(),
        }
    }
}

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    /// To the top of the list.
    Top,
    /// To the bottom of the list.
    Bottom,
    Select,
    DrillDue,
    Mock,
    Weak,
    /// Practise the selected deck ahead of schedule; no due date moves.
    Practice,
    /// The same, the grades counting as reviews (they reschedule).
    PracticeReviews,
    Stats,
    /// Every problem of the deck files that did not load.
    Problems,
    /// A deck file that did not load, in `$EDITOR` at its first problem.
    OpenBroken,
    Back,
    Help,
    Reveal,
    Draft,
    CloseDraft,
    Grade(Grade),
    Undo,
    Suspend,
    Bury,
    Skip,
    EditCard,
    NextPoint,
    PrevPoint,
    TogglePoint,
    /// A mock-interview action.
    Interview(MockAction),
    NextTab,
    PrevTab,
    /// Past mock interviews (home).
    History,
    /// Open the selected past interview.
    Open,
    /// An action of the candidate's own material.
    Own(OwnAction),
    Target(TargetAction),
}

impl Action {
    /// One line for the help screen of `ctx`: as [`Action::describe`], except the grades of a
    /// mock debrief, which judge an answer (as the suggested grade does), not a recall.
    pub fn describe_in(self, ctx: Context) -> &'static str {
        match (ctx, self) {
            (Context::Mock(MockCtx::Debrief), Action::Grade(g)) => match g {
                Grade::Again => "grade Again: no answer, or under half the key points",
                Grade::Hard => "grade Hard: key points missed, or over time",
                Grade::Good => "grade Good: most key points, within time",
                Grade::Easy => "grade Easy: nearly every key point, with time to spare",
            },
            (Context::Own(OwnCtx::Browser | OwnCtx::Search), Action::Select) => {
                "open the selected card: your note, answer and attempts"
            }
            _ => self.describe(),
        }
    }

    /// One line for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Up => "move up / scroll up",
            Action::Down => "move down / scroll down",
            Action::PageUp => "scroll a page up",
            Action::PageDown => "scroll a page down",
            Action::Top => "to the top",
            Action::Bottom => "to the bottom",
            Action::Select => "drill the selected deck",
            Action::DrillDue => "drill what is due (all decks)",
            Action::Mock => "mock interview",
            Action::Weak => "drill the 3 weakest categories (lowest readiness)",
            Action::Practice => {
                "practise the selected deck early, weakest first (no due date moves)"
            }
            Action::PracticeReviews => "the same, the grades counting as reviews (they reschedule)",
            Action::Stats => "statistics",
            Action::Problems => "the deck files that did not load, every problem",
            Action::OpenBroken => "open a deck file that did not load in $EDITOR, at the error",
            Action::Back => "back / quit (recorded reviews are kept)",
            Action::Help => "this help",
            Action::Reveal => "reveal the answer",
            Action::Draft => "type a draft answer first",
            Action::CloseDraft => "close the editor (the draft is kept)",
            Action::Grade(Grade::Again) => "grade Again: forgot it",
            Action::Grade(Grade::Hard) => "grade Hard: recalled with effort",
            Action::Grade(Grade::Good) => "grade Good: recalled it",
            Action::Grade(Grade::Easy) => "grade Easy: effortless",
            Action::Undo => "undo the last action (grade, skip, bury or suspend)",
            Action::Suspend => "suspend the card (leaves every queue)",
            Action::Bury => "bury the card until tomorrow",
            Action::Skip => "skip the card for now",
            Action::EditCard => "open the card's deck file in $EDITOR",
            Action::NextPoint => "next key point",
            Action::PrevPoint => "previous key point",
            Action::TogglePoint => "tick / untick the key point",
            Action::Interview(m) => m.describe(),
            Action::NextTab => "next section",
            Action::PrevTab => "previous section",
            Action::History => "past mock interviews (grade the ones left ungraded)",
            Action::Open => "open the interview: its debrief, grading what is left",
            Action::Own(o) => o.describe(),
            Action::Target(t) => t.describe(),
        }
    }
}

/// A key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
pub const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// How help and hints name the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }

    pub fn matches(self, ev: &KeyEvent) -> bool {
        // Shifted letters arrive as the upper-case char, sometimes with SHIFT set.
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        self.code == ev.code && self.mods == mods
    }
}

/// Where the candidate is in a mock interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MockCtx {
    /// Choosing decks, questions, focus and timing.
    Setup,
    /// Reading the question before the answer clock starts.
    Prep,
    /// Typing the answer (or the follow-up's) in the editor.
    Typing,
    /// Answering aloud.
    Spoken,
    Paused,
    /// "End the interview?"
    ConfirmQuit,
    /// One question of the debrief.
    Debrief,
    /// The whole-interview summary.
    Summary,
    /// "Leave with questions ungraded?", over the summary.
    ConfirmLeave,
}

impl MockCtx {
    pub fn title(self) -> &'static str {
        match self {
            MockCtx::Setup => "Mock interview: setup",
            MockCtx::Prep => "Mock interview: reading time",
            MockCtx::Typing => "Mock interview: typing the answer",
            MockCtx::Spoken => "Mock interview: answering aloud",
            MockCtx::Paused => "Mock interview: paused",
            MockCtx::ConfirmQuit => "Mock interview: end early?",
            MockCtx::Debrief => "Mock interview: debrief",
            MockCtx::Summary => "Mock interview: summary",
            MockCtx::ConfirmLeave => "Mock interview: leave with questions ungraded?",
        }
    }
}

/// What a key asks for in a mock interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MockAction {
    Less,
    More,
    Toggle,
    Start,
    StartAnswer,
    Submit,
    Done,
    Pause,
    Resume,
    Skip,
    Quit,
    ConfirmQuit,
    CancelQuit,
    PrevQuestion,
    NextQuestion,
    AcceptGrade,
    Summary,
    BackToDebrief,
    Home,
    /// Throw away the records that could not be saved (asks first).
    Discard,
    /// Leaving with questions ungraded: record every suggested grade, then leave.
    AcceptAll,
    /// Leaving with questions ungraded: leave them so (graded later from History).
    LeaveUngraded,
    /// Leaving with questions ungraded: stay on the summary.
    Stay,
}

impl MockAction {
    pub fn describe(self) -> &'static str {
        match self {
            MockAction::Less => "previous value of the setting",
            MockAction::More => "next value of the setting",
            MockAction::Toggle => "tick / untick a deck, switch a setting",
            MockAction::Start => "start the interview (the setup is remembered)",
            MockAction::StartAnswer => "start answering now (skip the rest of the reading time)",
            MockAction::Submit => "submit the answer",
            MockAction::Done => "done answering",
            MockAction::Pause => "pause the clock",
            MockAction::Resume => "resume",
            MockAction::Skip => "skip the question (or the follow-up)",
            MockAction::Quit => "end the interview early (asks first; answers are kept)",
            MockAction::ConfirmQuit => "yes, end the interview",
            MockAction::CancelQuit => "no, go on",
            MockAction::PrevQuestion => "previous question",
            MockAction::NextQuestion => "next question",
            MockAction::AcceptGrade => "record the suggested grade, next question",
            MockAction::Summary => "the whole-interview summary",
            MockAction::BackToDebrief => "back to the debrief",
            MockAction::Home => "back to the home screen",
            MockAction::Discard => "after a failed save: discard the unsaved records (asks first)",
            MockAction::AcceptAll => {
                "record the suggested grade of every ungraded question, then leave"
            }
            MockAction::LeaveUngraded => "leave them ungraded (grade them later from History)",
            MockAction::Stay => "stay and grade them",
        }
    }
}
