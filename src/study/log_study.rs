//! [`Study`] over a state log and the scheduler: the binary's progress.
//!
//! Holds the log open (and locked) for the app's life. Card state is replayed from the records
//! after each durable append; nothing derived is written.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::Journal;
use super::port::{DrillFilter, Overview, Study, StudyError, WeakCategory};
use crate::core::deck::Deck;
use crate::core::glance::{streak_days, weakest_categories};
use crate::core::ids::CardKey;
use crate::core::record::{Record, RecordBody};
use crate::core::schedule::{
    CardMemory, Model, Progress, QueueFilter, Scheduler, SchedulerConfig, build_queue,
    mock_weakness, next_day_start, replay,
};
use crate::core::session::MockSetup;
use crate::store::mock_setup::save_mock_setup;
use crate::store::paths::Home;

pub struct LogStudy<J: Journal> {
    log: J,
    records: Vec<Record>,
    config: SchedulerConfig,
    offset: FixedOffset,
    progress: Progress,
    /// Where the mock setup is remembered, and the setup last remembered.
    mock: Option<(Home, MockSetup)>,
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
        LogStudy {
            log,
            records,
            config,
            offset,
            progress,
            mock: None,
        }
    }

    /// Remembers mock setups in `home`'s `mock-setup.toml`; `remembered` is what it holds now.
    pub fn with_mock_setup(mut self, home: Home, remembered: MockSetup) -> LogStudy<J> {
        self.mock = Some((home, remembered));
        self
    }

    fn queue_for(
        &self,
        decks: &[Deck],
        filter: QueueFilter,
        now: DateTime<Utc>,
    ) -> crate::core::schedule::DailyQueue {
        build_queue(
            decks,
            &self.progress,
            now,
            self.offset,
            &self.config,
            &filter,
        )
    }
}

impl<J: Journal> Study for LogStudy<J> {
    fn overview(&self, decks: &[Deck], now: DateTime<Utc>) -> Overview {
        let q = self.queue_for(decks, QueueFilter::default(), now);
        let next_due = self
            .progress
            .cards()
            .filter(|(_, c)| !c.suspended)
            .filter_map(|(_, c)| c.due)
            .filter(|d| *d > now)
            .min();
        let weakest = weakest_categories(decks, self.progress.reviews(), 3)
            .into_iter()
            .map(|w| WeakCategory {
                lapse_rate: w.lapse_rate(),
                deck: w.deck,
                category: w.category,
                reviews: w.reviews,
            })
            .collect();
        let learning = q.decks.iter().map(|c| c.learning).sum();
        let due = q.decks.iter().map(|c| c.due).sum::<usize>();
        Overview {
            total: (
                q.new_available_today,
                learning,
                due.min(self.config.reviews_per_day as usize),
            ),
            decks: q.decks,
            reviewed_today: q.reviewed_today,
            streak_days: streak_days(
                self.progress.reviews(),
                now,
                self.offset,
                self.config.day_starts_at,
            ),
            weakest,
            next_due,
        }
    }

    fn queue(&self, decks: &[Deck], filter: &DrillFilter, now: DateTime<Utc>) -> Vec<CardKey> {
        let q = self.queue_for(
            decks,
            QueueFilter {
                decks: filter.decks.clone(),
                categories: filter.categories.clone(),
                kinds: vec![],
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

    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        let record = self.log.append(body, now)?;
        self.records.push(record.clone());
        self.progress = replay(&self.records, &self.config);
        Ok(record)
    }

    fn weakness(&self, key: &CardKey, now: DateTime<Utc>) -> f64 {
        mock_weakness(&Model::default(), self.progress.card(key), now)
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
        save_mock_setup(home, setup).map_err(|e| StudyError(e.to_string()))?;
        *remembered = MockSetup {
            seed: None,
            ..setup.clone()
        };
        Ok(())
    }
}
