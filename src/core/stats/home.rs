//! [`HomeInputs`]: what the home screen's counts read of the progress, for the cards of given
//! decks, small enough that a start draws its first frame from it without the progress (the
//! home snapshot, `store::home_snapshot`); the progress loads right after that frame.
//!
//! Derived, never the truth: made from a [`Progress`] and decks, it gives the same queue
//! counts, next due time and summary as that progress does at any `now` from when it was
//! made on ([`HomeInputs::covers`]), for decks of the same shape ([`HomeInputs::fits`]: the
//! same deck and card ids in the same order; titles and categories are read from the decks
//! given each time). Only for a progress without mock answers (their coverage needs the
//! cards' key points): the caller checks.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::Summary;
use super::compute::{category_rows, of_decks, streak_from, walk_cards};
use super::readiness::{LAPSE_DAYS, RETENTION_DAYS};
use crate::core::deck::{Deck, DeckCards};
use crate::core::fast_hash::FastSet;
use crate::core::grade::Grade;
use crate::core::ids::DeckId;
use crate::core::schedule::{
    Activity, CardMemory, Done, Model, Phase, Progress, QueueSource, SchedulerConfig, day_start,
    next_day_start,
};

/// A time as seconds and nanoseconds since the epoch: compared as a pair, in the order of
/// the times (no calendar date is worked out for it).
pub type Instant = (i64, u32);

/// `at` as an [`Instant`].
pub fn instant(at: DateTime<Utc>) -> Instant {
    (at.timestamp(), at.timestamp_subsec_nanos())
}

/// A review as the home screen counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HomeReview {
    pub at: Instant,
    /// The card's place among the decks' cards (all decks' in order), if one of them.
    pub card: Option<u32>,
    pub grade: Grade,
    pub phase_before: Phase,
}

/// How many of `reviews` (by card) are of a card of `decks`: home's "Today: N reviewed", of
/// the decks in use as the streak is (not a story, another deck, or a card no longer in its
/// deck). What [`HomeView::reviews_of_decks_between`] counts from the snapshot.
pub fn reviews_of_cards<'a, D: DeckCards>(
    decks: &[D],
    reviews: impl Iterator<Item = &'a crate::core::ids::CardKey>,
) -> usize {
    let mine: Vec<&crate::core::ids::CardKey> =
        reviews.filter(|k| of_decks(decks, &k.deck)).collect();
    if mine.is_empty() {
        return 0;
    }
    let cards: FastSet<(&str, &str)> = decks
        .iter()
        .filter(|d| mine.iter().any(|k| k.deck == d.head().id))
        .flat_map(|d| {
            let id = d.head().id.as_str();
            (0..d.card_count()).filter_map(move |i| d.card_id(i).map(|c| (id, c)))
        })
        .collect();
    mine.iter()
        .filter(|k| cards.contains(&(k.deck.as_str(), k.card.as_str())))
        .count()
}

/// See the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct HomeInputs {
    /// When it was made: it answers for any `now` from then on.
    pub made_at: DateTime<Utc>,
    /// [`shape`] of the decks it was made for.
    pub shape: u64,
    /// The state of each card of the decks (every deck's cards, in order); `None`: new,
    /// never touched.
    pub cards: Vec<Option<CardMemory>>,
    /// When the cards the log mentions that are not among the decks' come due (those not
    /// suspended), in order: the next due time counts them.
    pub other_due: Vec<DateTime<Utc>>,
    /// In time order: every review from two days before `made_at` on (today's, for any
    /// `now` from `made_at` on), and the earlier ones of the decks' cards that a category's
    /// evidence may count (the retention and lapse windows).
    pub reviews: Vec<HomeReview>,
    /// When the decks were studied (the streak).
    pub activity: Activity,
    /// The reviews of the cards of the decks' ids (the summary's total).
    pub reviews_total: usize,
}

/// [`HomeInputs`] for decks of the shape they were made for: answers as the progress does.
pub struct HomeView<'a> {
    inputs: &'a HomeInputs,
    /// Where each deck's cards start in [`HomeInputs::cards`].
    starts: Vec<usize>,
}

/// A hash of the deck and card ids of `decks` in order: what [`HomeInputs`] depends on of
/// them. The same for a deck whole or bare.
pub fn shape<D: DeckCards>(decks: &[D]) -> u64 {
    let mut bytes =
        Vec::with_capacity(64 + decks.iter().map(|d| d.card_count() * 16).sum::<usize>());
    let mut put = |s: &str| {
        bytes.extend_from_slice(&(s.len() as u32).to_le_bytes());
        bytes.extend_from_slice(s.as_bytes());
    };
    for deck in decks {
        put(deck.head().id.as_str());
        put(&deck.card_count().to_string());
        for card in deck.card_refs() {
            put(card.id);
        }
    }
    xxhash_rust::xxh3::xxh3_64(&bytes)
}

fn starts_of<D: DeckCards>(decks: &[D]) -> Vec<usize> {
    decks
        .iter()
        .scan(0, |at, d| {
            let start = *at;
            *at += d.card_count();
            Some(start)
        })
        .collect()
}

/// How far back the reviews go: the evidence windows, and two days for today's.
fn window() -> Duration {
    Duration::days(RETENTION_DAYS.max(LAPSE_DAYS))
}

impl HomeInputs {
    /// What `progress` says for `decks`, made at `made_at`. `None` when two cards of the
    /// decks have the same deck and card ids (a place could not stand for one card).
    pub fn of(decks: &[Deck], progress: &Progress, made_at: DateTime<Utc>) -> Option<HomeInputs> {
        let mut ids: FastSet<(&str, &str)> = FastSet::default();
        let mut at_decks = vec![false; progress.len()];
        let mut cards = Vec::with_capacity(decks.iter().map(|d| d.cards.len()).sum());
        let mut place_of = crate::core::fast_hash::FastMap::default();
        for deck in decks {
            for card in &deck.cards {
                if !ids.insert((deck.id.as_str(), card.id.as_str())) {
                    return None;
                }
                let place = progress.place_of(&deck.id, &card.id);
                if let Some(p) = place {
                    at_decks[p] = true;
                    let key = progress.card_at(p).map(|(k, _)| std::sync::Arc::as_ptr(k));
                    if let Some(key) = key {
                        place_of.insert(key as usize, u32::try_from(cards.len()).ok()?);
                    }
                }
                cards.push(
                    place
                        .and_then(|p| progress.card_at(p))
                        .map(|(_, m)| m.clone()),
                );
            }
        }
        let mut other_due: Vec<DateTime<Utc>> = (0..progress.len())
            .filter(|p| !at_decks[*p])
            .filter_map(|p| progress.card_at(p))
            .filter(|(_, m)| !m.suspended)
            .filter_map(|(_, m)| m.due)
            .collect();
        other_due.sort_unstable();
        let today_from = made_at - Duration::days(2);
        let reviews = progress
            .reviews_since(made_at - window())
            .iter()
            .filter_map(|r| {
                let card = place_of
                    .get(&(std::sync::Arc::as_ptr(&r.key) as usize))
                    .copied();
                let evidence = r.phase_before == Phase::Review
                    || (r.grade == Grade::Again && r.phase_before != Phase::New);
                (r.at >= today_from || (card.is_some() && evidence)).then_some(HomeReview {
                    at: instant(r.at),
                    card,
                    grade: r.grade,
                    phase_before: r.phase_before,
                })
            })
            .collect();
        let of_decks = |deck: &crate::core::ids::DeckId| decks.iter().any(|d| d.id == *deck);
        let activity = Activity::from_runs(
            progress
                .activity()
                .runs()
                .iter()
                .filter(|(deck, _)| of_decks(deck))
                .cloned()
                .collect(),
        )?;
        let reviews_total = progress
            .cards()
            .filter(|(key, _)| of_decks(&key.deck))
            .map(|(_, memory)| memory.reps as usize)
            .sum();
        Some(HomeInputs {
            made_at,
            shape: shape(decks),
            cards,
            other_due,
            reviews,
            activity,
            reviews_total,
        })
    }

    /// From the parts kept (see the fields); `None` unless the reviews are in time order and
    /// every review's card is among `cards`.
    #[allow(clippy::too_many_arguments)]
    pub fn from_parts(
        made_at: DateTime<Utc>,
        shape: u64,
        cards: Vec<Option<CardMemory>>,
        other_due: Vec<DateTime<Utc>>,
        reviews: Vec<HomeReview>,
        activity: Activity,
        reviews_total: usize,
    ) -> Option<HomeInputs> {
        let ordered = reviews.windows(2).all(|w| w[0].at <= w[1].at)
            && other_due.is_sorted()
            && reviews
                .iter()
                .all(|r| r.card.is_none_or(|c| (c as usize) < cards.len()));
        ordered.then_some(HomeInputs {
            made_at,
            shape,
            cards,
            other_due,
            reviews,
            activity,
            reviews_total,
        })
    }

    /// Whether it answers for `now`: made then or before.
    pub fn covers(&self, now: DateTime<Utc>) -> bool {
        now >= self.made_at
    }

    /// These inputs for `decks`, when made for decks of their shape.
    pub fn view<D: DeckCards>(&self, decks: &[D]) -> Option<HomeView<'_>> {
        let fits = decks.iter().map(DeckCards::card_count).sum::<usize>() == self.cards.len()
            && shape(decks) == self.shape;
        fits.then(|| HomeView {
            inputs: self,
            starts: starts_of(decks),
        })
    }
}

impl HomeView<'_> {
    fn place(&self, (deck, card): (usize, usize)) -> Option<usize> {
        Some(self.starts.get(deck)? + card)
    }

    /// How many reviews of the decks' cards fall from `start` to just before `end`: home's
    /// "Today: N reviewed", counted as the streak is (the decks in use only).
    pub fn reviews_of_decks_between(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> usize {
        let (start, end) = (instant(start), instant(end));
        let first = self.inputs.reviews.partition_point(|r| r.at < start);
        let last = self.inputs.reviews.partition_point(|r| r.at < end);
        self.inputs.reviews[first..last.max(first)]
            .iter()
            .filter(|r| r.card.is_some())
            .count()
    }

    /// When the next card comes due after `now` (any card the log mentions, not suspended).
    pub fn next_due(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let of_decks = self
            .inputs
            .cards
            .iter()
            .flatten()
            .filter(|c| !c.suspended)
            .filter_map(|c| c.due)
            .filter(|d| *d > now)
            .min();
        let i = self.inputs.other_due.partition_point(|d| *d <= now);
        let other = self.inputs.other_due.get(i).copied();
        match (of_decks, other) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// What [`super::summary`] gives for the progress and the decks at `now` (which the
    /// inputs must [`HomeInputs::covers`]).
    pub fn summary<D: DeckCards>(
        &self,
        decks: &[D],
        config: &SchedulerConfig,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Summary {
        let model = Model::for_config(config);
        let tomorrow = next_day_start(now, offset, config.day_starts_at);
        let mut category_of: Vec<Option<usize>> = vec![None; self.inputs.cards.len()];
        let mut categories = walk_cards(
            decks,
            &model,
            (now, tomorrow),
            |place, _, _, index| {
                let place = self.place(place)?;
                *category_of.get_mut(place)? = Some(index);
                self.inputs.cards.get(place)?.as_ref()
            },
            None,
        );
        // The categories' evidence: as the statistics walk the reviews of the windows.
        let retention_from = instant(now - Duration::days(RETENTION_DAYS));
        let lapse_from = instant(now - Duration::days(LAPSE_DAYS));
        let since = instant(now - window());
        let first = self.inputs.reviews.partition_point(|r| r.at < since);
        let mut lapsed: FastSet<u32> = FastSet::default();
        for r in &self.inputs.reviews[first..] {
            let retained = r.phase_before == Phase::Review && r.at >= retention_from;
            let lapsed_now =
                r.grade == Grade::Again && r.phase_before != Phase::New && r.at >= lapse_from;
            if !retained && !lapsed_now {
                continue;
            }
            let Some(index) = r
                .card
                .and_then(|c| category_of.get(c as usize).copied().flatten())
            else {
                continue;
            };
            let evidence = &mut categories[index].2.evidence;
            if retained {
                evidence.retention_reviews += 1;
                if r.grade >= Grade::Hard {
                    evidence.retention_passed += 1;
                }
            }
            if lapsed_now && r.card.is_some_and(|c| lapsed.insert(c)) {
                evidence.lapsed_cards += 1;
            }
        }
        let today = day_start(now, offset, config.day_starts_at);
        let of_decks = |deck: &DeckId| of_decks(decks, deck);
        Summary {
            categories: category_rows(categories, decks),
            streak_days: streak_from(today, |from| {
                self.inputs
                    .activity
                    .studied(from, from + Duration::days(1), of_decks)
                    == Some(true)
            }),
            reviews_total: self.inputs.reviews_total,
        }
    }
}

impl QueueSource for HomeView<'_> {
    fn state(&self, place: (usize, usize), _deck: &DeckId, _card: &str) -> Option<&CardMemory> {
        self.inputs.cards.get(self.place(place)?)?.as_ref()
    }

    fn new_cards_hint(&self) -> usize {
        let new = |c: &&Option<CardMemory>| c.as_ref().is_none_or(|m| m.phase == Phase::New);
        self.inputs.cards.iter().filter(new).count()
    }

    fn done(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> Done<'_> {
        let (start, end) = (instant(start), instant(end));
        let first = self.inputs.reviews.partition_point(|r| r.at < start);
        let last = self.inputs.reviews.partition_point(|r| r.at < end);
        let today = &self.inputs.reviews[first..last.max(first)];
        let count = |phase| today.iter().filter(|r| r.phase_before == phase).count();
        let introduced: FastSet<u32> = today
            .iter()
            .filter(|r| r.phase_before == Phase::New)
            .filter_map(|r| r.card)
            .collect();
        Done {
            reviews: today.len(),
            new: count(Phase::New),
            of_review_cards: count(Phase::Review),
            introduced: Box::new(move |place, _, _| {
                self.place(place)
                    .and_then(|p| u32::try_from(p).ok())
                    .is_some_and(|p| introduced.contains(&p))
            }),
        }
    }
}
