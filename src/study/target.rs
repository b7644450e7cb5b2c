//! Drilling towards an interview target: a [`Study`] whose drill queue favours the target's
//! cards, for every front end (line mode now; the app's drill can take the same wrapper).
//!
//! Everything but the queue is the wrapped study's. The queue follows the target's plan: first
//! today's part of the plan in the plan's order (its reviews, then its new cards, most
//! relevant first, whether or not the scheduler would show them today), then the target's
//! other cards in today's queue, most relevant first, then the rest of today's queue (all
//! within the filter). The weakest-categories drill takes the weakest of the target's
//! categories.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

use super::port::{DrillFilter, Overview, Study, StudyError};
use crate::core::deck::{Deck, find_card};
use crate::core::ids::CardKey;
use crate::core::record::{Record, RecordBody};
use crate::core::session::MockSetup;
use crate::core::stats::Stats;
use crate::core::target::{Focus, Today};

/// What a drill favours: the target's cards and, when it has a date to come, today's part of
/// its plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetDrill {
    pub focus: Focus,
    pub today: Option<Today>,
}

/// `inner` with its drill queue favouring `target`.
pub struct TargetedStudy<'a> {
    inner: &'a mut dyn Study,
    target: TargetDrill,
}

impl<'a> TargetedStudy<'a> {
    pub fn new(inner: &'a mut dyn Study, target: TargetDrill) -> Self {
        Self { inner, target }
    }
}

fn in_filter(decks: &[Deck], filter: &DrillFilter, key: &CardKey) -> bool {
    let Some((deck, card)) = find_card(decks, key) else {
        return false;
    };
    (filter.decks.is_empty() || filter.decks.contains(&deck.id))
        && (filter.categories.is_empty() || filter.categories.contains(&card.category))
        && (filter.kinds.is_empty() || filter.kinds.contains(&card.kind))
}

/// Today's drill for `target` over `study`: see the module documentation.
pub fn target_queue(
    study: &dyn Study,
    decks: &[Deck],
    filter: &DrillFilter,
    target: &TargetDrill,
    now: DateTime<Utc>,
) -> Vec<CardKey> {
    if filter.weakest.is_some() {
        let mut f = filter.clone();
        if f.categories.is_empty() {
            for (_, c) in &target.focus.categories {
                if !f.categories.contains(c) {
                    f.categories.push(c.clone());
                }
            }
        }
        return study.queue(decks, &f, now);
    }
    let all = DrillFilter {
        limit: None,
        ..filter.clone()
    };
    let queue = study.queue(decks, &all, now);
    let mut out: Vec<CardKey> = Vec::new();
    let mut taken: HashSet<CardKey> = HashSet::new();
    if let Some(today) = &target.today {
        for k in today.reviews.iter().chain(&today.new) {
            if in_filter(decks, filter, k) && taken.insert(k.clone()) {
                out.push(k.clone());
            }
        }
    }
    let mut relevant: Vec<&CardKey> = queue
        .iter()
        .filter(|k| target.focus.contains(k) && !taken.contains(*k))
        .collect();
    // Stable: equally relevant cards keep the scheduler's order.
    relevant.sort_by(|a, b| {
        target
            .focus
            .relevance(b)
            .total_cmp(&target.focus.relevance(a))
    });
    for k in relevant {
        if taken.insert(k.clone()) {
            out.push(k.clone());
        }
    }
    for k in queue {
        if !taken.contains(&k) {
            out.push(k);
        }
    }
    out.truncate(filter.limit.unwrap_or(usize::MAX));
    out
}

impl Study for TargetedStudy<'_> {
    fn overview(&self, decks: &[Deck], now: DateTime<Utc>) -> Overview {
        self.inner.overview(decks, now)
    }
    fn overview_bare(
        &self,
        decks: &[crate::core::deck::BareDeck],
        now: DateTime<Utc>,
    ) -> Option<Overview> {
        self.inner.overview_bare(decks, now)
    }
    fn queue(&self, decks: &[Deck], filter: &DrillFilter, now: DateTime<Utc>) -> Vec<CardKey> {
        target_queue(&*self.inner, decks, filter, &self.target, now)
    }
    fn preview(&self, key: &CardKey, now: DateTime<Utc>) -> Option<[Duration; 4]> {
        self.inner.preview(key, now)
    }
    fn next_day_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.inner.next_day_start(now)
    }
    fn stats(&self, decks: &[Deck], now: DateTime<Utc>) -> Stats {
        self.inner.stats(decks, now)
    }
    fn due(&self, key: &CardKey) -> Option<DateTime<Utc>> {
        self.inner.due(key)
    }
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        self.inner.append(body, now)
    }
    fn weakness(&self, key: &CardKey, now: DateTime<Utc>) -> f64 {
        self.inner.weakness(key, now)
    }
    fn mock_setup(&self) -> MockSetup {
        self.inner.mock_setup()
    }
    fn past_interviews(&self) -> Vec<crate::core::session::PastInterview> {
        self.inner.past_interviews()
    }
    fn utc_offset(&self) -> chrono::FixedOffset {
        self.inner.utc_offset()
    }
    fn close(&mut self) {
        self.inner.close()
    }
    fn save_mock_setup(&mut self, setup: &MockSetup) -> Result<(), StudyError> {
        self.inner.save_mock_setup(setup)
    }
    fn read_back(&self) -> Vec<Record> {
        self.inner.read_back()
    }
    fn mock_records(&self) -> Vec<Record> {
        self.inner.mock_records()
    }
    fn notebook(&self) -> Option<&crate::core::notes::Notebook> {
        self.inner.notebook()
    }
    fn replayed(&self) -> Option<&crate::core::schedule::Progress> {
        self.inner.replayed()
    }
    fn stories(&self) -> Option<super::StoriesRead> {
        self.inner.stories()
    }
    fn create_stories(&mut self) -> Result<std::path::PathBuf, StudyError> {
        self.inner.create_stories()
    }
    fn write_draft(&self, name: &str, text: &str) -> Result<std::path::PathBuf, StudyError> {
        self.inner.write_draft(name, text)
    }
    fn take_draft(&self, path: &std::path::Path) -> Result<String, StudyError> {
        self.inner.take_draft(path)
    }
    fn data_home(&self) -> Option<&crate::store::paths::Home> {
        self.inner.data_home()
    }
    fn schedule_settings(&self) -> (crate::core::schedule::SchedulerConfig, chrono::FixedOffset) {
        self.inner.schedule_settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::DeckId;
    use crate::core::target::RelevantCard;

    /// Today's queue is fixed; records go nowhere.
    struct Fixed(Vec<CardKey>, std::cell::RefCell<Vec<DrillFilter>>);

    impl Study for Fixed {
        fn overview(&self, _: &[Deck], _: DateTime<Utc>) -> Overview {
            Overview::default()
        }
        fn overview_bare(
            &self,
            _: &[crate::core::deck::BareDeck],
            _: DateTime<Utc>,
        ) -> Option<Overview> {
            Some(Overview::default())
        }
        fn queue(&self, _: &[Deck], f: &DrillFilter, _: DateTime<Utc>) -> Vec<CardKey> {
            self.1.borrow_mut().push(f.clone());
            self.0
                .iter()
                .take(f.limit.unwrap_or(usize::MAX))
                .cloned()
                .collect()
        }
        fn preview(&self, _: &CardKey, _: DateTime<Utc>) -> Option<[Duration; 4]> {
            None
        }
        fn next_day_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
            now
        }
        fn stats(&self, _: &[Deck], _: DateTime<Utc>) -> Stats {
            unimplemented!()
        }
        fn append(&mut self, _: RecordBody, _: DateTime<Utc>) -> Result<Record, StudyError> {
            Err(StudyError::ReadOnly("state.jsonl".into()))
        }
    }

    fn key(c: &str) -> CardKey {
        CardKey {
            deck: DeckId::new("d"),
            card: crate::core::ids::CardId::new(c),
        }
    }

    fn deck() -> Deck {
        let mut spec = crate::fixtures::FixtureSpec::new(6, 0, DateTime::<Utc>::default());
        spec.deck_id = "d".into();
        spec.categories = 2;
        crate::store::decks::load_builtin("d.toml", &crate::fixtures::deck_toml(&spec)).unwrap()
    }

    #[test]
    fn the_plans_part_first_in_its_order_then_relevant_cards_then_the_rest() {
        let d = deck();
        let ids: Vec<String> = d.cards.iter().map(|c| c.id.to_string()).collect();
        assert!(ids.len() >= 5, "the sample deck has too few cards");
        // The scheduler would show 0, 1, 2 and 4 today.
        let fixed = Fixed(
            [0, 1, 2, 4].iter().map(|&i| key(&ids[i])).collect(),
            Default::default(),
        );
        let relevant = |i: usize, relevance: f64| RelevantCard {
            key: key(&ids[i]),
            category: d.cards[i].category.clone(),
            relevance,
        };
        let target = TargetDrill {
            focus: Focus {
                categories: vec![(DeckId::new("d"), d.cards[2].category.clone())],
                cards: vec![
                    relevant(1, 0.5),
                    relevant(2, 0.9),
                    relevant(3, 1.0),
                    relevant(4, 0.8),
                ],
            },
            // The plan: review 4, learn 3 (which the scheduler would not show today).
            today: Some(Today {
                new: vec![key(&ids[3])],
                reviews: vec![key(&ids[4])],
                new_done: 0,
            }),
        };
        let now = DateTime::<Utc>::default();
        let decks = vec![d];
        let q = target_queue(&fixed, &decks, &DrillFilter::default(), &target, now);
        let order = |v: &[usize]| v.iter().map(|&i| key(&ids[i])).collect::<Vec<_>>();
        assert_eq!(q, order(&[4, 3, 2, 1, 0]));
        let limited = DrillFilter {
            limit: Some(2),
            ..DrillFilter::default()
        };
        let q = target_queue(&fixed, &decks, &limited, &target, now);
        assert_eq!(q, order(&[4, 3]));
        // Without a plan for today (no date), the relevant cards still come first.
        let undated = TargetDrill {
            today: None,
            ..target.clone()
        };
        let q = target_queue(&fixed, &decks, &DrillFilter::default(), &undated, now);
        assert_eq!(q, order(&[2, 4, 1, 0]));
        // The weakest drill is narrowed to the target's categories.
        let weakest = DrillFilter {
            weakest: Some(1),
            ..DrillFilter::default()
        };
        target_queue(&fixed, &decks, &weakest, &target, now);
        let asked = fixed.1.borrow().last().cloned().unwrap();
        assert_eq!(asked.categories, [decks[0].cards[2].category.clone()]);
    }
}
