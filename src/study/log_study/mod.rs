//! [`Study`] over a state log and the scheduler: the binary's progress.
//!
//! Holds the log open (and locked) for the app's life. Card state is replayed from the records
//! and kept up to date after each durable append. A start can resume from the progress cache
//! (`store::progress_cache`): the records of the log are then not in memory, and the few a
//! change needs (an undo, a record out of time order: one card's records) are read back from
//! the log.

use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::Journal;
use super::port::{DrillFilter, Overview, Study, StudyError};
use crate::core::deck::{BareDeck, Deck};
use crate::core::fast_hash::{FastMap, FastSet};
use crate::core::ids::{CardKey, RecordId};
use crate::core::notes::Notebook;
use crate::core::record::{Record, RecordBody};
use crate::core::schedule::{
    CardMemory, Model, Progress, QueueFilter, Scheduler, SchedulerConfig, mock_weakness,
    next_day_start, replay,
};
use crate::core::session::{MockSetup, PastInterview, past_interviews};
use crate::core::stats::{HomeInputs, MockHistory, Stats, practice_stats};
use crate::store::home_snapshot;
use crate::store::mock_setup::save_mock_setup;
use crate::store::paths::Home;
use crate::store::progress_cache::{self, Snapshot, SnapshotRef};

mod absorb;
mod queues;

use absorb::{is_kept, is_mock};

/// The progress cache against the log: whether [`LogStudy::save_progress_cache`] has anything
/// to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheState {
    /// The log has records the cache does not.
    Behind,
    /// The cache holds everything the log does.
    Current,
}

pub struct LogStudy<J: Journal> {
    log: J,
    /// Every record of the log, in file order, when kept (tests); `None` when they are read
    /// back from the log as needed (see [`LogStudy::reading_back`]).
    records: Option<Vec<Record>>,
    /// Made from the progress cache (tests check which way a start went).
    #[cfg(test)]
    resumed: bool,
    /// The records of past mock interviews, in file order (statistics need them; they are
    /// few).
    mocks: Vec<Record>,
    /// The candidate's notes, own answers, drill drafts and practice answers, in file order
    /// (kept by the progress cache), and what the first three fold to with the mock answers.
    own: Vec<Record>,
    notebook: Notebook,
    config: SchedulerConfig,
    offset: FixedOffset,
    progress: Progress,
    /// The last record in replay order (time, then id), and every record an `Undo` targets:
    /// what decides whether an appended record can be applied on its own.
    latest: Option<(DateTime<Utc>, RecordId)>,
    undone: FastSet<RecordId>,
    /// The last record in replay order of the cards whose records were looked at (a record
    /// arrived out of time order, see [`LogStudy::absorb`]), kept up to date after that.
    card_latest: FastMap<CardKey, Option<(DateTime<Utc>, RecordId)>>,
    /// While a start resumes: the records after the cached ones not taken in yet. They are in
    /// the log already, and left out of what is read back for the record being taken in.
    unabsorbed: FastSet<RecordId>,
    /// When the records are not in memory: the card of each record taken in since the start
    /// (what an undo in this session targets).
    taken_in: FastMap<RecordId, Option<CardKey>>,
    /// Where the mock setup is remembered, and the setup last remembered.
    mock: Option<(Home, MockSetup)>,
    /// Where the replayed state is cached, and whether the cache is behind the log.
    cache: Option<(PathBuf, CacheState)>,
    /// The cache matches the log but lacks the log's current stamp (so the next start would
    /// hash the whole log to recognise it): saved again when a stamp can be had.
    restamp: bool,
    /// The data folder of the candidate's own files (the story bank, editor drafts).
    home: Option<Home>,
    /// Where the home snapshot is kept, and whether it holds what this progress would give.
    home_snapshot: Option<(PathBuf, bool)>,
}

impl<J: Journal> LogStudy<J> {
    /// `records` are the log's as loaded; `offset` is the local UTC offset for study days.
    pub fn new(
        log: J,
        records: Vec<Record>,
        config: SchedulerConfig,
        offset: FixedOffset,
    ) -> LogStudy<J> {
        let progress = replay(&records, &config);
        let latest = records
            .iter()
            .max_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)))
            .map(|r| (r.at, r.id.clone()));
        let undone = records
            .iter()
            .filter_map(|r| match &r.body {
                RecordBody::Undo { target } => Some(target.clone()),
                _ => None,
            })
            .collect();
        let mocks: Vec<Record> = records.iter().filter(|r| is_mock(r)).cloned().collect();
        let own: Vec<Record> = records.iter().filter(|r| is_kept(r)).cloned().collect();
        let notebook = Notebook::from_records(own.iter().chain(&mocks));
        LogStudy {
            log,
            records: Some(records),
            #[cfg(test)]
            resumed: false,
            mocks,
            own,
            notebook,
            latest,
            undone,
            card_latest: FastMap::default(),
            unabsorbed: FastSet::default(),
            taken_in: FastMap::default(),
            config,
            offset,
            progress,
            mock: None,
            cache: None,
            restamp: false,
            home: None,
            home_snapshot: None,
        }
    }

    /// Resumes from a snapshot of the log's first records (the progress cache) and `tail`, the
    /// records after them. Fails only when the tail needs a full replay and the log cannot be
    /// read back.
    pub fn resume(
        log: J,
        snapshot: Snapshot,
        tail: Vec<Record>,
        config: SchedulerConfig,
        offset: FixedOffset,
    ) -> Result<LogStudy<J>, StudyError> {
        let mut study = LogStudy {
            log,
            records: None,
            #[cfg(test)]
            resumed: true,
            notebook: Notebook::from_records(snapshot.own.iter().chain(&snapshot.mocks)),
            mocks: snapshot.mocks,
            own: snapshot.own,
            config,
            offset,
            progress: snapshot.progress,
            latest: snapshot.latest,
            undone: snapshot.undone.into_iter().collect(),
            card_latest: FastMap::default(),
            unabsorbed: FastSet::default(),
            taken_in: FastMap::default(),
            mock: None,
            cache: None,
            restamp: false,
            home: None,
            home_snapshot: None,
        };
        study.unabsorbed = tail.iter().map(|r| r.id.clone()).collect();
        for record in &tail {
            study.unabsorbed.remove(&record.id);
            study.absorb(record, None)?;
        }
        Ok(study)
    }

    /// The replayed state of every card the log mentions (a target's plan reads it).
    pub(crate) fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Whether this study resumed from the progress cache (rather than replaying the log).
    #[cfg(test)]
    pub(crate) fn resumed(&self) -> bool {
        self.resumed
    }

    /// Lets go of the records given to [`LogStudy::new`], which the journal holds exactly (the
    /// state log just read): what a change needs of them is read back from it (a million
    /// records kept for a session took ~300 MB).
    pub fn reading_back(mut self) -> LogStudy<J> {
        self.records = None;
        self
    }

    /// Keeps the replayed state in the cache at `path`, which is `state` against the log.
    /// [`Study::close`] saves it when it is behind.
    pub fn with_progress_cache(mut self, path: PathBuf, state: CacheState) -> LogStudy<J> {
        self.cache = Some((path, state));
        self
    }

    /// Keeps the home snapshot at `path`; `fresh` when it holds what this progress gives.
    pub fn with_home_snapshot(mut self, path: PathBuf, fresh: bool) -> LogStudy<J> {
        self.home_snapshot = Some((path, fresh));
        self
    }

    /// The cache matches the log but not its stamp: save it again (with the stamp) when the
    /// log has one worth keeping.
    pub fn restamp_progress_cache(mut self) -> LogStudy<J> {
        self.restamp = true;
        self
    }

    /// Saves the progress cache if it is behind the log (or lacks its stamp, and one can be
    /// had now). Never fails: it is only a cache (one that could not be written is tried
    /// again at the next save).
    pub fn save_progress_cache(&mut self) {
        let Some((path, state)) = &self.cache else {
            return;
        };
        let stale = *state == CacheState::Behind;
        if !stale && !self.restamp {
            return;
        }
        let Some(prefix) = self.log.prefix() else {
            return;
        };
        if !stale && prefix.stamp.is_none() {
            // The same entry again, still without a stamp: nothing to gain.
            return;
        }
        let saved = progress_cache::save(
            path,
            &self.config,
            &SnapshotRef {
                prefix: &prefix,
                progress: &self.progress,
                latest: self.latest.as_ref(),
                undone: self.undone.iter().collect(),
                mocks: &self.mocks,
                own: &self.own,
            },
        );
        if saved && let Some((_, state)) = &mut self.cache {
            *state = CacheState::Current;
            self.restamp = false;
        }
    }

    /// Where the records go (tests read what was written).
    pub fn journal(&self) -> &J {
        &self.log
    }

    /// Keeps the candidate's own files (the story bank, editor drafts) in `home`.
    pub fn with_home(mut self, home: Home) -> LogStudy<J> {
        self.home = Some(home);
        self
    }

    /// Remembers mock setups in `home`'s `mock-setup.toml`; `remembered` is what it holds now.
    pub fn with_mock_setup(mut self, home: Home, remembered: MockSetup) -> LogStudy<J> {
        self.mock = Some((home, remembered));
        self
    }
}

impl<J: Journal> Study for LogStudy<J> {
    fn overview(&self, decks: &[Deck], now: DateTime<Utc>) -> Overview {
        self.overview_with(decks, &MockHistory::from_records(&self.mocks, decks), now)
    }

    /// Without a past mock interview the mock history is empty whatever the decks say.
    fn overview_bare(&self, decks: &[BareDeck], now: DateTime<Utc>) -> Option<Overview> {
        past_interviews(&self.mocks)
            .is_empty()
            .then(|| self.overview_with(decks, &MockHistory::default(), now))
    }

    fn queue(&self, decks: &[Deck], filter: &DrillFilter, now: DateTime<Utc>) -> Vec<CardKey> {
        if let Some(n) = filter.weakest {
            return self.weakest_queue(decks, filter, n, now);
        }
        if filter.ahead.is_some() {
            return self.ahead_queue(decks, filter, now);
        }
        let q = self.queue_for(
            decks,
            QueueFilter {
                decks: filter.decks.clone(),
                categories: filter.categories.clone(),
                kinds: filter.kinds.clone(),
            },
            now,
        );
        let limit = filter.limit.unwrap_or(usize::MAX);
        q.entries.into_iter().take(limit).map(|e| e.key).collect()
    }

    fn preview(&self, key: &CardKey, now: DateTime<Utc>) -> Option<[Duration; 4]> {
        let fresh = CardMemory::new();
        let card = self.progress.card(key).unwrap_or(&fresh);
        let p = Scheduler::new(&self.config).preview(card, now);
        Some(p.map(|g| g.interval))
    }

    fn due(&self, key: &CardKey) -> Option<DateTime<Utc>> {
        self.progress.card(key).and_then(|c| c.due)
    }

    fn next_day_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        next_day_start(now, self.offset, self.config.day_starts_at)
    }

    fn stats(&self, decks: &[Deck], now: DateTime<Utc>) -> Stats {
        let mocks = MockHistory::from_records(&self.mocks, decks);
        let mut stats = crate::core::stats::stats(
            decks,
            &self.progress,
            &mocks,
            &self.config,
            now,
            self.offset,
        );
        stats.practice = practice_stats(
            &self.own,
            &self.undone,
            decks,
            now,
            self.offset,
            self.config.day_starts_at,
        );
        stats
    }

    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        // A record that will need its card's records (an undo; a clock that went back) reads
        // them back first: if that fails, nothing is written.
        let before = self.read_before(&body, now).map_err(|e| match e {
            StudyError::Store(e) => StudyError::NotReadBack(e),
            other => other,
        })?;
        let record = self.log.append(body, now)?;
        if self.absorb(&record, before).is_err() {
            // On disk whatever happens next. The log could not be read back (`read_before`
            // makes that all but impossible): the schedule is behind until the next start,
            // which must not come from the cache.
            self.cache = None;
        }
        Ok(record)
    }

    fn close(&mut self) {
        self.save_progress_cache();
    }

    fn warm_up(&self) {
        self.log.warm_up();
    }

    /// Only for a progress that is the log's (cached, so nothing to warn about), without
    /// mock interviews (their coverage needs the whole decks).
    fn keep_home(&mut self, decks: &[Deck], now: DateTime<Utc>) {
        let Some((path, false)) = &self.home_snapshot else {
            return;
        };
        if self.cache.is_none() || !self.mocks.is_empty() || !self.progress.is_complete() {
            return;
        }
        let Some(stamp) = self.log.settled_stamp() else {
            return;
        };
        let Some(inputs) = HomeInputs::of(decks, &self.progress, now) else {
            return;
        };
        if home_snapshot::save(path, &self.config, &stamp, &inputs)
            && let Some((_, fresh)) = &mut self.home_snapshot
        {
            *fresh = true;
        }
    }

    fn notebook(&self) -> Option<&Notebook> {
        Some(&self.notebook)
    }

    fn replayed(&self) -> Option<&Progress> {
        Some(&self.progress)
    }

    fn read_back(&self) -> Vec<Record> {
        match &self.records {
            Some(records) => records.clone(),
            None => self.log.read_back().unwrap_or_default(),
        }
    }

    /// Kept apart, always in memory (kept up to date by `append`).
    fn mock_records(&self) -> Vec<Record> {
        self.mocks.clone()
    }

    /// From the mock records kept apart (always in memory, kept up to date by `append`).
    fn past_interviews(&self) -> Vec<PastInterview> {
        past_interviews(&self.mocks)
    }

    fn utc_offset(&self) -> FixedOffset {
        self.offset
    }

    fn stories(&self) -> Option<super::StoriesRead> {
        self.home.as_ref().map(super::own_files::read_stories)
    }

    fn create_stories(&mut self) -> Result<PathBuf, StudyError> {
        super::own_files::create_stories(self.home.as_ref())
    }

    fn data_home(&self) -> Option<&Home> {
        self.home.as_ref()
    }

    fn schedule_settings(&self) -> (SchedulerConfig, FixedOffset) {
        (self.config.clone(), self.offset)
    }

    fn write_draft(&self, name: &str, text: &str) -> Result<PathBuf, StudyError> {
        super::own_files::write_draft(self.home.as_ref(), name, text)
    }

    fn take_draft(&self, path: &std::path::Path) -> Result<String, StudyError> {
        super::own_files::take_draft(path)
    }

    fn weakness(&self, key: &CardKey, now: DateTime<Utc>) -> f64 {
        mock_weakness(
            &Model::for_config(&self.config),
            self.progress.card(key),
            now,
        )
    }

    fn mock_setup(&self) -> MockSetup {
        self.mock
            .as_ref()
            .map_or_else(MockSetup::default, |(_, s)| s.clone())
    }

    fn save_mock_setup(&mut self, setup: &MockSetup) -> Result<(), StudyError> {
        let Some((home, remembered)) = &mut self.mock else {
            return Ok(());
        };
        save_mock_setup(home, setup)?;
        *remembered = MockSetup {
            seed: None,
            ..setup.clone()
        };
        Ok(())
    }
}
