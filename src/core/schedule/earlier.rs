//! The earlier part of a long history, read when a screen first asks for it: a start draws
//! the home screen from the recent reviews (today's, the last 90 days) and the cards' state,
//! and finds the streak from each deck's [`Activity`], without the years before.

use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Duration, Utc};

use super::progress::ReviewEntry;
use super::reviews::Reviews;
use crate::core::ids::DeckId;

/// Where the earlier reviews come from (the progress cache, the state file behind it).
pub trait EarlierSource: Send + Sync {
    /// Every effective review before the boundary it was made with, in replay order, each
    /// sharing its card's key with the progress it belongs to; `None` when they cannot be read.
    /// Best with room reserved for the later ones and those a session adds (they are appended
    /// in place before a change).
    fn load(&self) -> Option<Vec<ReviewEntry>>;
}

/// The reviews before `before`, not read yet (or read once asked for).
#[derive(Clone)]
pub(super) struct Earlier {
    pub(super) before: DateTime<Utc>,
    source: Arc<dyn EarlierSource>,
    /// `Some(None)` when they could not be read.
    loaded: Arc<OnceLock<Option<Vec<ReviewEntry>>>>,
    /// When each deck was studied, over every review (earlier and later), kept up to date.
    pub(super) activity: Activity,
}

impl std::fmt::Debug for Earlier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Earlier")
            .field("before", &self.before)
            .field(
                "loaded",
                &self.loaded.get().map(|l| l.as_ref().map(Vec::len)),
            )
            .finish_non_exhaustive()
    }
}

impl Earlier {
    pub(super) fn new(
        before: DateTime<Utc>,
        activity: Activity,
        source: Arc<dyn EarlierSource>,
    ) -> Earlier {
        Earlier {
            before,
            source,
            loaded: Arc::new(OnceLock::new()),
            activity,
        }
    }

    /// The earlier reviews, read now if not yet; `None` if they could not be.
    pub(super) fn get(&self) -> Option<&[ReviewEntry]> {
        self.loaded.get_or_init(|| self.source.load()).as_deref()
    }

    pub(super) fn is_loaded(&self) -> bool {
        self.loaded.get().is_some()
    }

    /// The earlier reviews as a list of their own (read now if not yet).
    pub(super) fn take(self) -> Option<Vec<ReviewEntry>> {
        self.get()?;
        match Arc::try_unwrap(self.loaded) {
            Ok(cell) => cell.into_inner().flatten(),
            Err(shared) => shared.get().cloned().flatten(),
        }
    }
}

/// One day: the streak's unit. Two reviews of a deck at most this far apart leave no study day
/// between them without a review of the deck.
fn day() -> Duration {
    Duration::days(1)
}

/// When each deck was studied: its reviews as runs `(first, last)` in which no two reviews
/// follow each other more than a day apart (runs are more than a day apart). A span of a day
/// or more holds a review of the deck exactly when it meets one of its runs: inside a run, a
/// day-long span after the first review holds the next review after its start. Small (a run
/// per break of more than a day), so the streak of a long history needs no review read back.
/// A deck's runs of reviews: `(first, last)`, in order.
pub type Runs = Vec<(DateTime<Utc>, DateTime<Utc>)>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Activity {
    decks: Vec<(DeckId, Runs)>,
}

impl Activity {
    /// The runs of `reviews` (in time order).
    pub fn of(reviews: Reviews<'_>) -> Activity {
        let mut activity = Activity::default();
        for r in reviews {
            activity.add(&r.key.deck, r.at);
        }
        activity
    }

    /// From runs as [`Activity::runs`] gives them; `None` unless each deck's are in order and
    /// more than a day apart.
    pub fn from_runs(decks: Vec<(DeckId, Runs)>) -> Option<Activity> {
        let ordered = decks.iter().all(|(_, runs)| {
            runs.iter().all(|(first, last)| first <= last)
                && runs.windows(2).all(|w| w[1].0 - w[0].1 > day())
        });
        ordered.then_some(Activity { decks })
    }

    /// Each deck's runs, in order.
    pub fn runs(&self) -> &[(DeckId, Runs)] {
        &self.decks
    }

    /// Counts a review of `deck` at `at` (in any order).
    pub fn add(&mut self, deck: &DeckId, at: DateTime<Utc>) {
        let runs = match self.decks.iter().position(|(d, _)| d == deck) {
            Some(i) => &mut self.decks[i].1,
            None => {
                self.decks.push((deck.clone(), vec![]));
                let last = self.decks.len() - 1;
                &mut self.decks[last].1
            }
        };
        // The first run that ends at `at` or later.
        let i = runs.partition_point(|(_, last)| *last < at);
        if runs.get(i).is_some_and(|(first, _)| *first <= at) {
            return;
        }
        let joins_before = i > 0 && at - runs[i - 1].1 <= day();
        let joins_after = runs.get(i).is_some_and(|(first, _)| *first - at <= day());
        match (joins_before, joins_after) {
            (true, true) => {
                runs[i - 1].1 = runs[i].1;
                runs.remove(i);
            }
            (true, false) => runs[i - 1].1 = at,
            (false, true) => runs[i].0 = at,
            (false, false) => runs.insert(i, (at, at)),
        }
    }

    /// Whether a deck `of_deck` accepts has a review from `from` to just before `to`; exact
    /// for spans of a day or more (`None` for shorter ones).
    pub fn studied(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        of_deck: impl Fn(&DeckId) -> bool,
    ) -> Option<bool> {
        if to - from < day() {
            return None;
        }
        Some(self.decks.iter().any(|(deck, runs)| {
            of_deck(deck) && {
                let i = runs.partition_point(|(_, last)| *last < from);
                runs.get(i).is_some_and(|(first, _)| *first < to)
            }
        }))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Whatever the order reviews arrive in, a span of a day or more holds a review of a
        /// deck exactly when the reviews say so.
        #[test]
        fn runs_answer_as_the_reviews_do(
            times in prop::collection::vec((0u8..3, 0i64..20 * 86_400), 0..60),
            spans in prop::collection::vec((0i64..21 * 86_400, 86_400i64..3 * 86_400), 1..30),
        ) {
            let t0 = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
            let decks = [DeckId::new("a"), DeckId::new("b"), DeckId::new("c")];
            let mut activity = Activity::default();
            for (d, s) in &times {
                activity.add(&decks[usize::from(*d)], t0 + Duration::seconds(*s));
            }
            prop_assert_eq!(Activity::from_runs(activity.runs().to_vec()), Some(activity.clone()));
            for (start, len) in spans {
                let from = t0 + Duration::seconds(start - 86_400);
                let to = from + Duration::seconds(len);
                for of in [vec![0u8], vec![1, 2], vec![]] {
                    let expected = times.iter().any(|(d, s)| {
                        let at = t0 + Duration::seconds(*s);
                        of.contains(d) && at >= from && at < to
                    });
                    let said = activity.studied(from, to, |deck| {
                        of.iter().any(|d| decks[usize::from(*d)] == *deck)
                    });
                    prop_assert_eq!(said, Some(expected));
                }
            }
        }
    }
}
