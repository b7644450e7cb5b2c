//! The contract between the app and its screens.
//!
//! A screen (home, drill, statistics, the mock interview's setup, run and debrief) owns its
//! state, turns key actions into [`Effect`]s given a read-only [`Cx`] and `now`, and draws
//! itself. It never calls the study layer: it asks for what it needs as effects, and the app
//! (the one effect interpreter) answers with a [`Reply`] where an effect has an answer.
//!
//! Adding a screen: a state-and-keys file in `screens/`, a drawing file in `view/`, its
//! bindings in the keymap, and one [`Route`] the app knows how to open.

use chrono::{DateTime, Duration, Utc};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::keys::{Action, Context};
use super::theme::Theme;
use crate::core::deck::{Deck, DeckProblem};
use crate::core::ids::{CardKey, InterviewId, RecordId};
use crate::core::notes::{BrowseFilter, CardDetail};
use crate::core::record::{RecordBody, Review};
use crate::core::session::{Debrief, MockSetup};
use crate::core::target::TargetName;
use crate::study::{
    Beside, BrowseRow, DrillFilter, DrillUpdate, GradeOutcome, MockUpdate, NewTarget, Overview,
    OwnText, Saved, Shown, StoriesView, TargetDetail, TargetsList, WEAKEST_CATEGORIES,
};

/// How a status message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// What a screen may read: never changed by drawing or by handling a key.
pub struct Cx<'a> {
    pub decks: &'a [Deck],
    pub overview: &'a Overview,
    /// The deck files that did not load (home names them; `o` opens them).
    pub broken: &'a [DeckProblem],
    pub theme: Theme,
    /// The size of the last frame: scrolling is clamped to what fits.
    pub size: (u16, u16),
    /// The status line, when there is one.
    pub message: Option<&'a (Level, String)>,
    /// The keys in force: the screen's own, or those of a confirmation the app's modal layer
    /// asks over it ("End the interview?").
    pub context: Context,
}

/// How the card browser opens: on the list, or with the search box ready for typing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrowserStart {
    List,
    Search,
}

/// A screen the app can open.
pub enum Route {
    Home,
    /// A drill on today's cards matching the filter (stays home when none is due).
    Drill(DrillFilter),
    MockSetup,
    /// A mock interview with this setup, straight away.
    Mock(MockSetup),
    /// The debrief of the interview that just ended.
    Debrief(Box<Debrief>, MockSetup, InterviewId),
    Stats,
    /// The deck files that did not load, with every problem.
    Problems,
    /// Past mock interviews, newest first (with this one selected, when given).
    History(Option<InterviewId>),
    /// A past interview's debrief (from the history screen), to grade what is left.
    PastDebrief(Box<Debrief>, MockSetup),
    /// The card browser, on the list or with the search box ready.
    Browser(BrowserStart),
    /// A drill on exactly these cards, due or not.
    DrillCards(Vec<CardKey>),
    /// The story bank.
    Stories,
    /// A drill on the stories of the bank that are due.
    StoryDrill,
    /// The interview targets (on the "new target" form when there is none yet).
    Targets,
    /// A drill for a target: today's part of its plan and its cards first, or (with
    /// `weakest`) its weakest categories. The normal drill once it is past.
    TargetDrill {
        name: TargetName,
        weakest: Option<usize>,
    },
    /// A mock interview drawn from a target's job description (remembered for the next), with
    /// this setup's timing and answers (the remembered setup's when `None`).
    TargetMock {
        name: TargetName,
        setup: Option<MockSetup>,
    },
}

impl Route {
    /// Targeted practice (home's and the statistics' key): a drill of the weakest categories,
    /// due or not.
    pub fn weakest_drill() -> Route {
        Route::Drill(DrillFilter {
            weakest: Some(WEAKEST_CATEGORIES),
            ..DrillFilter::default()
        })
    }
}

/// What a screen asks the app to do.
pub enum Effect {
    /// Feed this event to the drill (the screen's [`crate::study::DrillDriver`], run by the
    /// app): the answer comes back as [`Reply::Drill`].
    Drill(crate::core::session::drill::Event),
    /// Feed this event to the interview (the screen's [`crate::study::MockDriver`], run by the
    /// app): the answer comes back as [`Reply::Mock`].
    Interview(crate::core::session::Event),
    /// Make the record durable; when storage refuses, it waits in the interview's queue and
    /// is tried again at the next write (the user is told unless an error is already shown).
    Record(RecordBody),
    /// Record a debrief grade, taking back the one recorded before (`previous`); the answer
    /// comes back as [`Reply::Graded`].
    Grade {
        review: Review,
        previous: Option<RecordId>,
    },
    /// The intervals each grade would give the card: [`Reply::Preview`].
    Preview(CardKey),
    /// When today's buried cards come back: [`Reply::NextDay`].
    NextDay,
    /// Open another screen (records still queued are saved first).
    Go(Route),
    /// Compute the home screen's counts again (after a session changed progress).
    RefreshOverview,
    Notify(Level, String),
    /// Ask before ending the interview (the screen stops its clock first; the answer comes
    /// to [`Screen::on_confirm`] or [`Screen::on_cancel`]).
    ConfirmEnd,
    /// Leave the terminal, run `$EDITOR +line path`, come back and reload the decks (the
    /// screen then hears [`Reply::Reloaded`]).
    Edit {
        path: std::path::PathBuf,
        line: usize,
    },
    /// The cards the filter keeps: [`Reply::Browse`].
    Browse(BrowseFilter),
    /// A card's detail page: [`Reply::Detail`].
    Detail(CardKey),
    /// The candidate's material beside the model answer of a card: [`Reply::Beside`].
    Beside(CardKey, Shown),
    /// Keep a note or an own answer (empty clears it; `from`: the attempt it is promoted
    /// from): [`Reply::SavedText`].
    SaveText {
        key: CardKey,
        which: OwnText,
        text: String,
        from: Option<RecordId>,
    },
    /// Make a record durable now (suspend, unsuspend): [`Reply::Written`].
    Write(RecordBody),
    /// Leave the terminal and edit `text` in `$EDITOR`; what was saved comes back as
    /// [`Reply::Edited`].
    EditText {
        which: OwnText,
        text: String,
    },
    /// The story bank and its coverage: [`Reply::Stories`].
    LoadStories,
    /// Create the story bank from the template: [`Reply::Written`], then the screen reloads.
    CreateStories,
    /// Every interview target: [`Reply::Targets`].
    LoadTargets,
    /// One target read against the bank and the progress: [`Reply::Target`].
    LoadTarget(TargetName),
    /// Check and write a new target: [`Reply::TargetCreated`].
    CreateTarget(NewTarget),
    /// Delete a target's file: [`Reply::TargetRemoved`].
    RemoveTarget(TargetName),
    /// Keep these plan limits in a target's file: [`Reply::TargetChanged`].
    SetTargetLimits(TargetName, crate::core::target::PlanLimits),
    /// Mock interviews ask from the whole bank again: the remembered target is forgotten.
    ForgetMockTarget,
    Quit,
}

/// The app's answer to an effect that has one.
pub enum Reply {
    Drill(Vec<DrillUpdate>),
    Mock(Vec<MockUpdate>),
    Graded(GradeOutcome),
    Preview(Option<[Duration; 4]>),
    NextDay(DateTime<Utc>),
    Browse(Vec<BrowseRow>),
    Detail(Option<Box<CardDetail>>),
    Beside(CardKey, Box<Beside>),
    SavedText(OwnText, Result<Saved, String>),
    Written(Result<(), String>),
    /// The text the editor left (`Ok(None)`: it was left empty or unchanged), or why it
    /// could not be read.
    Edited(OwnText, Result<Option<String>, String>),
    Stories(Option<Box<StoriesView>>),
    /// The decks were reloaded after `$EDITOR` (the files may have changed).
    Reloaded,
    /// `None` when this progress has no data folder.
    Targets(Option<TargetsList>),
    Target(Result<Box<TargetDetail>, String>),
    TargetCreated(Result<TargetName, String>),
    TargetRemoved(Result<TargetName, String>),
    TargetChanged(Result<TargetName, String>),
}

/// Whether a screen needs timer ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ticking {
    /// Nothing moves on its own: redraw on input only.
    No,
    /// A clock is on screen: redraw on ticks while it is visible (no overlay, big enough).
    Clock,
    /// Deadlines fire on ticks: tick always (under the help overlay too), and once more just
    /// before each key, so a key meant for a screen that time moved on is dropped.
    Deadline,
}

/// How a screen draws itself: implemented in the screen's file in `view/`, beside the drawing
/// code (the state file never imports its drawing, so no two files import each other).
pub trait Draw {
    /// Draws the screen; reads its state and `cx` only.
    fn render(&self, cx: &Cx, now: DateTime<Utc>, area: Rect, buf: &mut Buffer);
}

/// A screen of the app: its state, its keys and (through [`Draw`]) its drawing.
pub trait Screen: Draw {
    /// Where the keys are looked up.
    fn context(&self) -> Context;
    fn ticking(&self) -> Ticking {
        Ticking::No
    }
    /// One key, with the action the keymap bound to it on `cx.context` (if any).
    fn on_key(
        &mut self,
        key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        now: DateTime<Utc>,
    ) -> Vec<Effect>;
    /// Whether an editor of this screen takes the characters typed now (keys bound to
    /// nothing are typed into it, and a paste goes into it the same way): a run of such keys
    /// already waiting is then taken as one paste (`App::typed_text`).
    fn takes_typing(&self) -> bool {
        false
    }
    /// Text pasted into the terminal (bracketed paste): an editor takes it whole, at once.
    fn on_paste(&mut self, _text: &str, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        Vec::new()
    }
    /// A timer tick while [`Ticking::Deadline`]: lets a due deadline fire.
    fn on_tick(&mut self, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        Vec::new()
    }
    /// The answer to an effect this screen asked for.
    fn on_reply(&mut self, _reply: Reply, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        Vec::new()
    }
    /// The user confirmed the question this screen asked ([`Effect::ConfirmEnd`]).
    fn on_confirm(&mut self, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        Vec::new()
    }
    /// The user said no to the question this screen asked ([`Effect::ConfirmEnd`]).
    fn on_cancel(&mut self, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        Vec::new()
    }
}
