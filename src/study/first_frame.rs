//! A start whose first frame is drawn from the home snapshot (`store::home_snapshot`): the
//! state file is locked and recognised by its stamp before the first frame, and the progress
//! is opened right after it ([`Study::ready`], before any key is read). Until then home's
//! counts come from [`HomeInputs`], which give what the progress would; anything else opens
//! the progress first.

use std::cell::{OnceCell, RefCell};
use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::port::{Overview, Study, StudyError, WeakCategory};
use super::{LogStudy, ReadOnlyLog};
use crate::core::deck::{BareDeck, Deck, DeckCards};
use crate::core::ids::CardKey;
use crate::core::notes::Notebook;
use crate::core::record::{Record, RecordBody};
use crate::core::schedule::{
    DailyQueue, Progress, QueueFilter, SchedulerConfig, build_queue_from, next_day_start,
};
use crate::core::session::{MockSetup, PastInterview};
use crate::core::stats::{HomeInputs, Stats, Summary};

/// Home's overview from today's queue, the next due time and the summary of the statistics.
/// `reviewed_today`: today's reviews of the decks in use, counted as the streak is (the
/// queue's count, every deck's, is for the daily limits).
pub(crate) fn overview_from(
    q: DailyQueue,
    next_due: Option<DateTime<Utc>>,
    summary: Summary,
    config: &SchedulerConfig,
    reviewed_today: usize,
) -> Overview {
    // Without any review every category is at 0: nothing to single out yet.
    let weakest = if summary.reviews_total == 0 {
        vec![]
    } else {
        // Home singles out categories the candidate has started; untouched ones are not
        // "weak", just not begun.
        summary
            .categories
            .iter()
            .filter(|c| c.started())
            .take(3)
            .map(|c| WeakCategory {
                deck: c.deck.clone(),
                category: c.category.clone(),
                title: c.title.clone(),
                readiness: c.readiness,
            })
            .collect()
    };
    let learning = q.decks.iter().map(|c| c.learning).sum();
    let due = q.decks.iter().map(|c| c.due).sum::<usize>();
    Overview {
        total: (
            q.new_available_today,
            learning,
            due.min(config.reviews_per_day as usize),
        ),
        decks: q.decks,
        reviewed_today,
        streak_days: summary.streak_days,
        weakest,
        next_due,
    }
}

/// Opens the progress (with the state file locked before the first frame).
pub type OpenProgress = Box<dyn FnOnce() -> Result<Box<dyn Study>, StudyError>>;

/// See the module documentation.
pub struct FirstFrame {
    inputs: HomeInputs,
    config: SchedulerConfig,
    offset: FixedOffset,
    state_file: PathBuf,
    open: RefCell<Option<OpenProgress>>,
    study: OnceCell<Box<dyn Study>>,
    /// Why the progress could not be opened, if it could not ([`Study::ready`] says so).
    failed: OnceCell<StudyError>,
}

impl FirstFrame {
    /// Home's first frame from `inputs` (the snapshot recognised for the state file at
    /// `state_file`); `open` opens the progress when first needed.
    pub fn new(
        inputs: HomeInputs,
        config: SchedulerConfig,
        offset: FixedOffset,
        state_file: PathBuf,
        open: OpenProgress,
    ) -> FirstFrame {
        FirstFrame {
            inputs,
            config,
            offset,
            state_file,
            open: RefCell::new(Some(open)),
            study: OnceCell::new(),
            failed: OnceCell::new(),
        }
    }

    /// The progress, opened now if it was not. When it cannot be, a study with no progress
    /// that refuses every record stands in (nothing is lost: nothing can be written), and
    /// [`Study::ready`] reports the error.
    fn get(&self) -> &dyn Study {
        &**self.study.get_or_init(|| self.open_now())
    }

    fn open_now(&self) -> Box<dyn Study> {
        let open = self.open.borrow_mut().take();
        match open.map(|open| open()) {
            Some(Ok(study)) => study,
            Some(Err(e)) => {
                let _ = self.failed.set(e);
                self.stand_in()
            }
            None => self.stand_in(),
        }
    }

    fn get_mut(&mut self) -> &mut dyn Study {
        if self.study.get().is_none() {
            let study = self.open_now();
            self.study = OnceCell::from(study);
        }
        match self.study.get_mut() {
            Some(study) => &mut **study,
            // Set just above.
            None => unreachable!("the progress was just opened"),
        }
    }

    fn stand_in(&self) -> Box<dyn Study> {
        Box::new(LogStudy::new(
            ReadOnlyLog::new(self.state_file.clone()),
            vec![],
            self.config.clone(),
            self.offset,
        ))
    }

    fn loaded(&self) -> Option<&dyn Study> {
        self.study.get().map(|s| &**s)
    }
}

/// Home's overview from the home snapshot's `inputs`, when they answer for `decks` at `now`:
/// what the progress they were made from gives.
pub fn home_overview<D: DeckCards>(
    inputs: &HomeInputs,
    decks: &[D],
    now: DateTime<Utc>,
    config: &SchedulerConfig,
    offset: FixedOffset,
) -> Option<Overview> {
    if !inputs.covers(now) {
        return None;
    }
    let view = inputs.view(decks)?;
    let q = build_queue_from(decks, &view, now, offset, config, &QueueFilter::default());
    let summary = view.summary(decks, config, now, offset);
    let reviewed = view.reviews_of_decks_between(q.day_start, q.next_day_start);
    Some(overview_from(
        q,
        view.next_due(now),
        summary,
        config,
        reviewed,
    ))
}

impl Study for FirstFrame {
    fn overview(&self, decks: &[Deck], now: DateTime<Utc>) -> Overview {
        if self.loaded().is_none()
            && let Some(overview) =
                home_overview(&self.inputs, decks, now, &self.config, self.offset)
        {
            return overview;
        }
        self.get().overview(decks, now)
    }

    fn overview_bare(&self, decks: &[BareDeck], now: DateTime<Utc>) -> Option<Overview> {
        if self.loaded().is_none()
            && let Some(overview) =
                home_overview(&self.inputs, decks, now, &self.config, self.offset)
        {
            return Some(overview);
        }
        self.get().overview_bare(decks, now)
    }

    fn queue(
        &self,
        decks: &[Deck],
        filter: &super::DrillFilter,
        now: DateTime<Utc>,
    ) -> Vec<CardKey> {
        self.get().queue(decks, filter, now)
    }

    fn preview(&self, key: &CardKey, now: DateTime<Utc>) -> Option<[Duration; 4]> {
        self.get().preview(key, now)
    }

    fn next_day_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        next_day_start(now, self.offset, self.config.day_starts_at)
    }

    fn stats(&self, decks: &[Deck], now: DateTime<Utc>) -> Stats {
        self.get().stats(decks, now)
    }

    fn due(&self, key: &CardKey) -> Option<DateTime<Utc>> {
        self.get().due(key)
    }

    fn read_back(&self) -> Vec<Record> {
        self.get().read_back()
    }

    fn mock_records(&self) -> Vec<Record> {
        self.get().mock_records()
    }

    /// A snapshot is only made of a log without mock interviews.
    fn past_interviews(&self) -> Vec<PastInterview> {
        self.loaded()
            .map_or_else(Vec::new, |study| study.past_interviews())
    }

    fn utc_offset(&self) -> FixedOffset {
        self.offset
    }

    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        self.get_mut().append(body, now)
    }

    fn notebook(&self) -> Option<&Notebook> {
        self.get().notebook()
    }

    fn replayed(&self) -> Option<&Progress> {
        self.get().replayed()
    }

    fn stories(&self) -> Option<super::StoriesRead> {
        self.get().stories()
    }

    fn create_stories(&mut self) -> Result<PathBuf, StudyError> {
        self.get_mut().create_stories()
    }

    fn write_draft(&self, name: &str, text: &str) -> Result<PathBuf, StudyError> {
        self.get().write_draft(name, text)
    }

    fn take_draft(&self, path: &std::path::Path) -> Result<String, StudyError> {
        self.get().take_draft(path)
    }

    fn weakness(&self, key: &CardKey, now: DateTime<Utc>) -> f64 {
        self.get().weakness(key, now)
    }

    fn mock_setup(&self) -> MockSetup {
        self.get().mock_setup()
    }

    fn close(&mut self) {
        if self.study.get().is_some() {
            self.get_mut().close();
        }
    }

    fn warm_up(&self) {
        self.get().warm_up();
    }

    fn ready(&mut self) -> Result<(), StudyError> {
        self.get_mut().ready()?;
        match self.failed.get() {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    fn keep_home(&mut self, decks: &[Deck], now: DateTime<Utc>) {
        if self.study.get().is_some() {
            self.get_mut().keep_home(decks, now);
        }
    }

    fn save_mock_setup(&mut self, setup: &MockSetup) -> Result<(), StudyError> {
        self.get_mut().save_mock_setup(setup)
    }

    fn data_home(&self) -> Option<&crate::store::paths::Home> {
        self.get().data_home()
    }

    fn schedule_settings(&self) -> (SchedulerConfig, FixedOffset) {
        (self.config.clone(), self.offset)
    }
}
