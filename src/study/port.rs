//! What the app needs from progress: the state log and the scheduler behind one port.
//!
//! The app never computes schedules or writes files itself. [`Study`] is implemented over the
//! real state log and scheduler for the binary, and in memory for tests.

use chrono::{DateTime, Duration, FixedOffset, Offset, Utc};

use crate::core::deck::{BareDeck, Deck};
use crate::core::ids::{CardKey, CategoryId, DeckId};
use crate::core::notes::Notebook;
use crate::core::record::{Record, RecordBody};
use crate::core::schedule::Progress;
use crate::core::session::{MockSetup, PastInterview};
use crate::core::stats::Stats;
use crate::store::error::StoreError;

pub use crate::core::schedule::DeckCounts;

/// How many categories a weakest-categories drill takes unless told otherwise.
pub const WEAKEST_CATEGORIES: usize = 3;
/// How many cards a weakest-categories drill takes unless told otherwise.
pub const WEAKEST_LIMIT: usize = 20;

/// A category with low readiness, for the home screen (from [`crate::core::stats`]).
#[derive(Clone, Debug, PartialEq)]
pub struct WeakCategory {
    pub deck: DeckId,
    pub category: CategoryId,
    pub title: String,
    /// 0 to 100.
    pub readiness: f64,
}

/// Everything the home screen shows about progress.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    pub decks: Vec<DeckCounts>,
    /// All decks together, within the daily limits: (new, learning, due).
    pub total: (usize, usize, usize),
    pub reviewed_today: usize,
    pub streak_days: u32,
    /// The three categories with the lowest readiness, worst first; empty without history.
    pub weakest: Vec<WeakCategory>,
    /// When the next card comes due after what is due now.
    pub next_due: Option<DateTime<Utc>>,
}

/// Which cards a drill takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DrillFilter {
    pub decks: Vec<DeckId>,
    pub categories: Vec<CategoryId>,
    /// Only cards of these kinds (empty: every kind).
    pub kinds: Vec<crate::core::deck::Kind>,
    pub limit: Option<usize>,
    /// Drill the N weakest categories (by readiness) instead of today's queue: due cards first,
    /// then the lowest recall, then unseen cards; `limit` defaults to [`WEAKEST_LIMIT`].
    pub weakest: Option<usize>,
    /// Ahead of schedule: every card in scope, due or not, weakest first (with `weakest`: of
    /// the weakest categories), instead of today's queue; `limit` defaults to
    /// [`WEAKEST_LIMIT`]. Says how the grades count: practice (no due date moves) or reviews.
    /// `None`: today's queue, graded as reviews.
    pub ahead: Option<GradeAs>,
}

pub use crate::core::session::drill::GradeAs;

/// Progress could not be saved or read. Keeps the storage error whole, so its kind (a full
/// disk, a read-only file system, a lock, a damaged file) and its advice reach the user.
#[derive(Clone, Debug, thiserror::Error)]
pub enum StudyError {
    /// The store refused; its message names the file and says what to do.
    #[error(transparent)]
    Store(std::sync::Arc<StoreError>),
    /// The log could not be read back for an undo or a replay, so nothing was written.
    #[error("{0}; nothing was recorded (the state file is as it was)")]
    NotReadBack(std::sync::Arc<StoreError>),
    /// The mock setup could not be remembered.
    #[error(transparent)]
    MockSetup(std::sync::Arc<crate::store::mock_setup::MockSetupError>),
    /// The log was opened read-only (a read-only command) and takes no record.
    #[error("{} was opened read-only", .0.display())]
    ReadOnly(std::path::PathBuf),
    /// This progress has no data folder for the candidate's own files (as in tests).
    #[error("there is no data folder to keep this file in")]
    NoHome,
}

impl From<StoreError> for StudyError {
    fn from(e: StoreError) -> StudyError {
        StudyError::Store(std::sync::Arc::new(e))
    }
}

impl From<crate::store::mock_setup::MockSetupError> for StudyError {
    fn from(e: crate::store::mock_setup::MockSetupError) -> StudyError {
        StudyError::MockSetup(std::sync::Arc::new(e))
    }
}

impl StudyError {
    /// The storage error underneath, for a message that depends on its kind.
    pub fn store(&self) -> Option<&StoreError> {
        match self {
            StudyError::Store(e) | StudyError::NotReadBack(e) => Some(e),
            StudyError::MockSetup(e) => match &**e {
                crate::store::mock_setup::MockSetupError::Write(e) => Some(e),
                _ => None,
            },
            StudyError::ReadOnly(_) | StudyError::NoHome => None,
        }
    }
}

/// Progress as the app sees it.
pub trait Study {
    fn overview(&self, decks: &[Deck], now: DateTime<Utc>) -> Overview;
    /// [`Study::overview`] for bare decks (home's first frame): the same answer, or `None`
    /// when it cannot be given without the whole decks (the coverage of typed mock answers
    /// needs the cards' key points). By default `None`: the whole decks are loaded first.
    fn overview_bare(&self, decks: &[BareDeck], now: DateTime<Utc>) -> Option<Overview> {
        let _ = (decks, now);
        None
    }
    /// Today's cards for a drill, in order, within `filter.limit`.
    fn queue(&self, decks: &[Deck], filter: &DrillFilter, now: DateTime<Utc>) -> Vec<CardKey>;
    /// The interval each grade would give the card, Again..Easy.
    fn preview(&self, key: &CardKey, now: DateTime<Utc>) -> Option<[Duration; 4]>;
    /// When today's buried cards come back.
    fn next_day_start(&self, now: DateTime<Utc>) -> DateTime<Utc>;
    /// Every statistics figure for `decks`, from the replayed log and its mock records.
    /// Costs a pass over the whole log: call it when a screen opens, not per frame.
    fn stats(&self, decks: &[Deck], now: DateTime<Utc>) -> Stats;
    /// When the card is next due (`None` for a new card or when unknown).
    fn due(&self, _key: &CardKey) -> Option<DateTime<Utc>> {
        None
    }
    /// Every record so far, read back (what is shown beside a model answer needs the notes
    /// and answers kept in the log); empty when they cannot be read.
    fn read_back(&self) -> Vec<Record> {
        Vec::new()
    }
    /// The records past mock interviews are rebuilt from
    /// ([`crate::core::record::RecordBody::is_mock_history`]), in file order: what a
    /// debrief needs of the log, without reading it all back.
    fn mock_records(&self) -> Vec<Record> {
        self.read_back()
            .into_iter()
            .filter(|r| r.body.is_mock_history())
            .collect()
    }
    /// Every past mock interview, oldest first: `history`'s list, for the app's history
    /// screen (those with [`PastInterview::ungraded`] questions can be graded there).
    fn past_interviews(&self) -> Vec<PastInterview> {
        crate::core::session::past_interviews(&self.read_back())
    }
    /// The local offset dates are shown in (study days end by it too).
    fn utc_offset(&self) -> FixedOffset {
        Utc.fix()
    }
    /// Makes the record durable; only `Ok` means it is on disk.
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError>;
    /// The candidate's notes, own answers and typed attempts (`None` when this progress keeps
    /// none, as in tests).
    fn notebook(&self) -> Option<&Notebook> {
        None
    }
    /// The replayed state of every card (for a card's detail page: history and memory).
    fn replayed(&self) -> Option<&Progress> {
        None
    }
    /// The story bank file (`None` when this progress has no data folder, as in tests).
    fn stories(&self) -> Option<super::StoriesRead> {
        None
    }
    /// Creates the story bank file from the template; fails when one exists.
    fn create_stories(&mut self) -> Result<std::path::PathBuf, StudyError> {
        Err(StudyError::NoHome)
    }
    /// Writes `text` to a new private file for `$EDITOR`; its path.
    fn write_draft(&self, name: &str, text: &str) -> Result<std::path::PathBuf, StudyError> {
        let _ = (name, text);
        Err(StudyError::NoHome)
    }
    /// What the editor left in a draft file (removed once read; kept when unreadable).
    fn take_draft(&self, path: &std::path::Path) -> Result<String, StudyError> {
        let _ = path;
        Err(StudyError::NoHome)
    }
    /// How much a card needs practice, for choosing mock-interview questions (higher: weaker).
    fn weakness(&self, key: &CardKey, now: DateTime<Utc>) -> f64 {
        let _ = (key, now);
        1.0
    }
    /// The last mock-interview setup (the defaults when none was saved).
    fn mock_setup(&self) -> MockSetup {
        MockSetup::default()
    }
    /// The app is closing: a chance to save what makes the next start quick. Never fails
    /// (nothing the user made depends on it).
    fn close(&mut self) {}
    /// The first screen is drawn: a chance to make ready what the first write needs, so that
    /// no key waits for it.
    fn warm_up(&self) {}
    /// The first frame is on screen: what it was drawn without is loaded now (a start drawn
    /// from the home snapshot opens the progress here, before any key is read). An error
    /// ends the app, as one at its start would.
    fn ready(&mut self) -> Result<(), StudyError> {
        Ok(())
    }
    /// Keeps what the next start's first frame needs of the progress for `decks` (the home
    /// snapshot), when it changed and the state file can be recognised. Never fails: it is
    /// only a cache.
    fn keep_home(&mut self, decks: &[Deck], now: DateTime<Utc>) {
        let _ = (decks, now);
    }
    /// Remembers the setup of an interview that starts.
    fn save_mock_setup(&mut self, setup: &MockSetup) -> Result<(), StudyError> {
        let _ = setup;
        Ok(())
    }
    /// The data folder of the candidate's own files (targets, the story bank); `None` when
    /// this progress has none, as in tests.
    fn data_home(&self) -> Option<&crate::store::paths::Home> {
        None
    }
    /// The scheduler's settings and the local offset study days are counted in.
    fn schedule_settings(&self) -> (crate::core::schedule::SchedulerConfig, chrono::FixedOffset) {
        (Default::default(), chrono::Offset::fix(&Utc))
    }
}

/// "10m", "2d", "3mo": the label under a grade button.
pub use crate::core::schedule::format_interval as interval_label;
