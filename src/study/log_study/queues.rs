//! The queues and home's overview of a [`LogStudy`]: which cards come next, from the
//! replayed progress.

use chrono::{DateTime, Utc};

use super::LogStudy;
use crate::core::deck::{Deck, DeckCards};
use crate::core::ids::CardKey;
use crate::core::schedule::{DailyQueue, Model, QueueFilter, build_queue};
use crate::core::stats::{MockHistory, StatsInput, practice_queue, weakest_drill_queue};
use crate::study::Journal;
use crate::study::first_frame::overview_from;
use crate::study::port::{DrillFilter, Overview, Study, WEAKEST_LIMIT};

impl<J: Journal> LogStudy<J> {
    pub(super) fn queue_for(
        &self,
        decks: &[Deck],
        filter: QueueFilter,
        now: DateTime<Utc>,
    ) -> DailyQueue {
        build_queue(
            decks,
            &self.progress,
            now,
            self.offset,
            &self.config,
            &filter,
        )
    }

    /// Home's overview of `decks` (whole or bare) with the mock history `mocks`.
    pub(super) fn overview_with<D: DeckCards>(
        &self,
        decks: &[D],
        mocks: &MockHistory,
        now: DateTime<Utc>,
    ) -> Overview {
        let q = build_queue(
            decks,
            &self.progress,
            now,
            self.offset,
            &self.config,
            &QueueFilter::default(),
        );
        let next_due = self
            .progress
            .cards()
            .filter(|(_, c)| !c.suspended)
            .filter_map(|(_, c)| c.due)
            .filter(|d| *d > now)
            .min();
        // Only what the home screen shows of the statistics.
        let summary = crate::core::stats::summary(&StatsInput {
            decks,
            progress: &self.progress,
            mocks,
            config: &self.config,
            now,
            offset: self.offset,
        });
        // Today's reviews of these decks' cards (the queue's count is every deck's, for the
        // limits).
        let reviewed = crate::core::stats::reviews_of_cards(
            decks,
            self.progress
                .reviews_between(q.day_start, q.next_day_start)
                .iter()
                .map(|r| &*r.key),
        );
        overview_from(q, next_due, summary, &self.config, reviewed)
    }

    /// The cards of the `n` weakest categories among the filter's decks (and categories, when
    /// given), ranked by [`weakest_drill_queue`].
    pub(super) fn weakest_queue(
        &self,
        decks: &[Deck],
        filter: &DrillFilter,
        n: usize,
        now: DateTime<Utc>,
    ) -> Vec<CardKey> {
        let scoped: Vec<Deck>;
        let decks = if filter.decks.is_empty() {
            decks
        } else {
            scoped = decks
                .iter()
                .filter(|d| filter.decks.contains(&d.id))
                .cloned()
                .collect();
            &scoped
        };
        let mut stats = self.stats(decks, now);
        if !filter.categories.is_empty() {
            stats
                .categories
                .retain(|c| filter.categories.contains(&c.category));
        }
        let limit = filter.limit.unwrap_or(WEAKEST_LIMIT);
        let model = Model::for_config(&self.config);
        if filter.ahead.is_some() {
            // Practice of the weakest categories: their cards, due or not, weakest first.
            let chosen: Vec<_> = stats
                .weakest(n)
                .into_iter()
                .map(|c| (c.deck.clone(), c.category.clone()))
                .collect();
            let scope = |d: &Deck, c: &crate::core::deck::Card| {
                (filter.kinds.is_empty() || filter.kinds.contains(&c.kind))
                    && chosen
                        .iter()
                        .any(|(deck, cat)| *deck == d.id && *cat == c.category)
            };
            return practice_queue(decks, &self.progress, &scope, &model, limit, now)
                .into_iter()
                .map(|p| p.key)
                .collect();
        }
        weakest_drill_queue(decks, &self.progress, &stats, n, limit, &model, now)
            .into_iter()
            .map(|p| p.key)
            .collect()
    }

    /// Every card of the filter's decks, categories and kinds, due or not, weakest first.
    pub(super) fn ahead_queue(
        &self,
        decks: &[Deck],
        filter: &DrillFilter,
        now: DateTime<Utc>,
    ) -> Vec<CardKey> {
        let scope = |d: &Deck, c: &crate::core::deck::Card| {
            (filter.decks.is_empty() || filter.decks.contains(&d.id))
                && (filter.categories.is_empty() || filter.categories.contains(&c.category))
                && (filter.kinds.is_empty() || filter.kinds.contains(&c.kind))
        };
        let limit = filter.limit.unwrap_or(WEAKEST_LIMIT);
        let model = Model::for_config(&self.config);
        practice_queue(decks, &self.progress, &scope, &model, limit, now)
            .into_iter()
            .map(|p| p.key)
            .collect()
    }
}
