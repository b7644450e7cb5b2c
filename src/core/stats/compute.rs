//! One pass over the cards and one over the reviews: everything in [`Stats`].

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{DateTime, Duration, Utc};

use super::activity::{by_day, calendar_start, forecast, streak_days, study_date};
use super::readiness::{Evidence, LAPSE_DAYS, RETENTION_DAYS};
use super::{CategoryStats, Stats, StatsInput, TimeSpent};
use crate::core::deck::{Deck, DeckCards};
use crate::core::fast_hash::{FastMap, FastSet};
use crate::core::grade::Grade;
use crate::core::ids::DeckId;
use crate::core::schedule::{
    CardMemory, Model, Phase, QueueFilter, build_queue, day_start, next_day_start,
};

/// Probability of recalling a card now (FSRS, whole days since the last review, as the
/// scheduler counts them); 0 for a card never reviewed.
pub fn recall_now(model: &Model, card: &CardMemory, now: DateTime<Utc>) -> f64 {
    match (card.memory, card.last_review) {
        (Some(m), Some(last)) => {
            let days = (now - last).num_seconds().div_euclid(86_400);
            let r = model.retrievability(m.stability, days);
            if r.is_finite() {
                r.clamp(0.0, 1.0)
            } else {
                0.0
            }
        }
        _ => 0.0,
    }
}

pub(super) struct CategoryAcc {
    pub(super) evidence: Evidence,
    due: usize,
    mock_sum: f64,
    mock_answers: usize,
}

/// What the home screen shows of the statistics: the weakest categories and the streak.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Categories with at least one card, weakest first, as in [`Stats::categories`].
    pub categories: Vec<CategoryStats>,
    pub streak_days: u32,
    /// As [`Stats::reviews_total`].
    pub reviews_total: usize,
}

/// The figures of [`Summary`], equal to those of [`compute`], without what only the statistics
/// screen shows (calendar, forecast, time spent, today's queue).
///
/// Walks only the reviews the categories depend on (the retention and lapse windows): the
/// streak is found by bisection, day by day, and the total from the cards' review counts, so
/// the home screen does not walk a long history.
pub fn summary<D: DeckCards>(input: &StatsInput<'_, D>) -> Summary {
    let since = input.now - Duration::days(RETENTION_DAYS.max(LAPSE_DAYS));
    let pass = pass(input, DueDates::Skip, Some(since));
    Summary {
        streak_days: streak_by_day(input),
        categories: pass.rows,
        reviews_total: input
            .progress
            .cards()
            .filter(|(key, _)| of_decks(input.decks, &key.deck))
            .map(|(_, memory)| memory.reps as usize)
            .sum(),
    }
}

/// [`streak_days`] of the study days with a review of a loaded deck, looking each day up in
/// the reviews (in time order) by bisection.
fn streak_by_day<D: DeckCards>(input: &StatsInput<'_, D>) -> u32 {
    let studied = |from: DateTime<Utc>| {
        input
            .progress
            .studied(from, from + Duration::days(1), |deck| {
                of_decks(input.decks, deck)
            })
    };
    let today = day_start(input.now, input.offset, input.config.day_starts_at);
    streak_from(today, studied)
}

/// Whether `deck` is the id of one of `decks`.
pub(super) fn of_decks<D: DeckCards>(decks: &[D], deck: &DeckId) -> bool {
    decks.iter().any(|d| d.head().id == *deck)
}

/// The streak ending today (whose study day begins at `today`) or yesterday: how many study
/// days in a row `studied(day's start)` holds.
pub(super) fn streak_from(today: DateTime<Utc>, studied: impl Fn(DateTime<Utc>) -> bool) -> u32 {
    let mut day = if studied(today) {
        today
    } else {
        today - Duration::days(1)
    };
    let mut streak = 0;
    while studied(day) {
        streak += 1;
        day -= Duration::days(1);
    }
    streak
}

/// Computes every figure of [`Stats`].
pub fn compute(input: &StatsInput<'_>) -> Stats {
    let Pass {
        rows,
        reviews_total,
        reviewed_today,
        days,
        time,
        due_dates,
    } = pass(input, DueDates::Collect, None);
    let StatsInput {
        decks,
        progress,
        mocks,
        config,
        now,
        offset,
    } = *input;
    let hour = config.day_starts_at;
    let today = study_date(now, offset, hour);
    let queue = build_queue(
        decks,
        progress,
        now,
        offset,
        config,
        &QueueFilter::default(),
    );
    let (passed, reviewed) = rows.iter().fold((0, 0), |(p, n), c| {
        (
            p + c.evidence.retention_passed,
            n + c.evidence.retention_reviews,
        )
    });
    let study_days: BTreeSet<_> = days.keys().copied().collect();
    let calendar = calendar_start(today);
    Stats {
        now,
        today,
        cards_total: rows.iter().map(|c| c.cards).sum(),
        seen_total: rows.iter().map(|c| c.seen).sum(),
        reviews_total,
        reviewed_today,
        due_now: queue.due_now,
        new_available_today: queue.new_available_today,
        retention: (reviewed > 0).then(|| passed as f64 / reviewed as f64),
        desired_retention: input.config.desired_retention,
        streak_days: streak_days(&study_days, today),
        calendar_start: calendar,
        reviews_by_day: by_day(&days, calendar),
        time_spent_ms: time,
        forecast: forecast(due_dates.into_iter(), today, offset, hour),
        categories: rows,
        mock_scores: mocks.scores.clone(),
        practice: super::PracticeStats::default(),
    }
}

/// The pass over the cards and the reviews that [`compute`] and [`summary`] share.
struct Pass {
    rows: Vec<CategoryStats>,
    reviews_total: usize,
    reviewed_today: usize,
    /// Reviews per study day.
    days: BTreeMap<chrono::NaiveDate, u32>,
    time: TimeSpent,
    /// Only with [`DueDates::Collect`].
    due_dates: Vec<DateTime<Utc>>,
}

/// Whether the pass keeps every card's due date (the forecast needs them; the summary does not).
#[derive(Clone, Copy, PartialEq, Eq)]
enum DueDates {
    Collect,
    Skip,
}

/// With `since`, only the reviews from then on are walked, and only for the categories'
/// evidence (the summary: no totals, time or days are counted).
fn pass<D: DeckCards>(
    input: &StatsInput<'_, D>,
    due_dates_wanted: DueDates,
    since: Option<DateTime<Utc>>,
) -> Pass {
    let StatsInput {
        decks,
        progress,
        mocks,
        config,
        now,
        offset,
    } = *input;
    let model = Model::for_config(config);
    let hour = config.day_starts_at;
    let start = day_start(now, offset, hour);
    let tomorrow = next_day_start(now, offset, hour);

    // Each card's category by its place in progress (a card the log mentions), so reviews
    // find theirs without a map of every card's ids; by the ids only for mock answers.
    let mut category_at: Vec<Option<usize>> = vec![None; progress.len()];
    // What a review's key says (loaded deck? which category?), found by the key's address:
    // filled here for the cards of the decks, worked out in the walk for any other.
    let mut per_key: FastMap<usize, (bool, Option<usize>)> = FastMap::default();
    let mut card_category: FastMap<(&str, &str), usize> = FastMap::default();
    let by_ids = !mocks.answers.is_empty();
    let mut due_dates = vec![];
    let mut categories = walk_cards(
        decks,
        &model,
        (now, tomorrow),
        |_, deck, card, index| {
            if by_ids {
                card_category.insert((deck.as_str(), card), index);
            }
            // Each card's state by its ids (no key is built per card).
            let place = progress.place_of_ids(deck.as_str(), card)?;
            let (key, state) = progress.card_at(place)?;
            category_at[place] = Some(index);
            per_key.insert(std::sync::Arc::as_ptr(key) as usize, (true, Some(index)));
            Some(state)
        },
        (due_dates_wanted == DueDates::Collect).then_some(&mut due_dates),
    );

    // Reviews, oldest first.
    let retention_from = now - Duration::days(RETENTION_DAYS);
    let lapse_from = now - Duration::days(LAPSE_DAYS);
    let mut lapsed: FastSet<(&str, &str)> = HashSet::default();
    let mut days: BTreeMap<chrono::NaiveDate, u32> = BTreeMap::new();
    let mut time = TimeSpent::default();
    let (mut reviews_total, mut reviewed_today) = (0, 0);
    // Reviews come in time order: the study date only changes at day boundaries.
    let mut day_cache: Option<(DateTime<Utc>, DateTime<Utc>, chrono::NaiveDate)> = None;
    let mut run: Option<(chrono::NaiveDate, u32)> = None;
    // The reviews of a card share one key: what the key says is worked out once per card
    // (when the walk of the decks did not), found again by the key's address.
    let reviews = match since {
        Some(since) => progress.reviews_since(since),
        None => progress.reviews(),
    };
    let evidence_only = since.is_some();
    for r in reviews {
        let retained = r.phase_before == Phase::Review && r.at >= retention_from;
        let lapsed_now =
            r.grade == Grade::Again && r.phase_before != Phase::New && r.at >= lapse_from;
        if evidence_only && !retained && !lapsed_now {
            continue;
        }
        let (loaded, category) = *per_key
            .entry(std::sync::Arc::as_ptr(&r.key) as usize)
            .or_insert_with(|| {
                (
                    of_decks(decks, &r.key.deck),
                    progress
                        .place_of(&r.key.deck, &r.key.card)
                        .and_then(|p| category_at[p]),
                )
            });
        if !loaded {
            continue;
        }
        if !evidence_only {
            reviews_total += 1;
            time.total = time
                .total
                .saturating_add(std::time::Duration::from_millis(u64::from(r.took_ms)));
            if r.at >= start && r.at < tomorrow {
                reviewed_today += 1;
                time.today = time
                    .today
                    .saturating_add(std::time::Duration::from_millis(u64::from(r.took_ms)));
            }
            let date = match day_cache {
                Some((from, to, date)) if r.at >= from && r.at < to => date,
                _ => {
                    let from = day_start(r.at, offset, hour);
                    let date = study_date(r.at, offset, hour);
                    day_cache = Some((from, from + Duration::days(1), date));
                    date
                }
            };
            // Reviews come in time order: counted per run of one day, then added to the map.
            match &mut run {
                Some((d, n)) if *d == date => *n += 1,
                _ => {
                    if let Some((d, n)) = run.replace((date, 1)) {
                        *days.entry(d).or_insert(0) += n;
                    }
                }
            }
        }

        let card = (r.key.deck.as_str(), r.key.card.as_str());
        let Some(index) = category else {
            continue;
        };
        let evidence = &mut categories[index].2.evidence;
        if retained {
            evidence.retention_reviews += 1;
            if r.grade >= Grade::Hard {
                evidence.retention_passed += 1;
            }
        }
        if lapsed_now && lapsed.insert(card) {
            evidence.lapsed_cards += 1;
        }
    }

    if let Some((d, n)) = run {
        *days.entry(d).or_insert(0) += n;
    }

    for answer in &mocks.answers {
        let card = (answer.key.deck.as_str(), answer.key.card.as_str());
        if let Some(&index) = card_category.get(&card) {
            let acc = &mut categories[index].2;
            acc.mock_sum += answer.coverage.clamp(0.0, 1.0);
            acc.mock_answers += 1;
        }
    }

    let rows = category_rows(categories, decks);
    Pass {
        rows,
        reviews_total,
        reviewed_today,
        days,
        time,
        due_dates,
    }
}

/// The categories of `decks` in order, each with its deck's and its own position, and what
/// its cards say (count, seen, recall now, due by `tomorrow`): the walk over the cards that
/// the statistics and the home screen's snapshot share. `state` gives a card's state
/// (`None`: new, never touched) from its place (deck and card positions), deck id, card id and
/// category (its position among the categories); `due_dates` collects every due date.
pub(super) fn walk_cards<'d, 'p, D: DeckCards>(
    decks: &'d [D],
    model: &Model,
    (now, tomorrow): (DateTime<Utc>, DateTime<Utc>),
    mut state: impl FnMut((usize, usize), &'d DeckId, &'d str, usize) -> Option<&'p CardMemory>,
    mut due_dates: Option<&mut Vec<DateTime<Utc>>>,
) -> Vec<(usize, usize, CategoryAcc)> {
    let mut categories: Vec<(usize, usize, CategoryAcc)> = vec![];
    let fresh = CardMemory::new();
    for (d, cards) in decks.iter().enumerate() {
        let deck = cards.head();
        // A card's category is the one at its place (`CardRef::place`) among the deck's, if
        // it is listed.
        let first = categories.len();
        for (c, _) in deck.categories.iter().enumerate() {
            categories.push((
                d,
                c,
                CategoryAcc {
                    evidence: Evidence::default(),
                    due: 0,
                    mock_sum: 0.0,
                    mock_answers: 0,
                },
            ));
        }
        let listed = deck.categories.len();
        for (c, card) in cards.card_refs().enumerate() {
            let place = card.place as usize;
            if place >= listed {
                continue;
            }
            let index = first + place;
            let state = state((d, c), &deck.id, card.id, index).unwrap_or(&fresh);
            let acc = &mut categories[index].2;
            acc.evidence.cards += 1;
            if state.reps > 0 {
                acc.evidence.seen += 1;
                acc.evidence.recall_sum += recall_now(model, state, now);
            }
            if let (Some(due), false, true) =
                (state.due, state.suspended, state.phase != Phase::New)
            {
                if let Some(dates) = due_dates.as_mut() {
                    dates.push(due);
                }
                if due < tomorrow {
                    acc.due += 1;
                }
            }
        }
    }
    categories
}

/// The rows of the categories with at least one card, weakest first.
pub(super) fn category_rows<D: DeckCards>(
    categories: Vec<(usize, usize, CategoryAcc)>,
    decks: &[D],
) -> Vec<CategoryStats> {
    let mut rows: Vec<CategoryStats> = categories
        .into_iter()
        .filter(|(_, _, acc)| acc.evidence.cards > 0)
        .map(|(d, c, mut acc)| {
            let deck: &Deck = decks[d].head();
            let category = &deck.categories[c];
            acc.evidence.mock_coverage =
                (acc.mock_answers > 0).then(|| acc.mock_sum / acc.mock_answers as f64);
            let e = acc.evidence;
            CategoryStats {
                deck: deck.id.clone(),
                category: category.id.clone(),
                title: category.title.clone(),
                cards: e.cards,
                seen: e.seen,
                due: acc.due,
                retention: e.retention(),
                recall: e.recall(),
                lapsed: e.lapsed_cards,
                mock_coverage: e.mock_coverage,
                mock_answers: acc.mock_answers,
                readiness: e.readiness(),
                evidence: e,
            }
        })
        .collect();
    rank_weakest_first(&mut rows);
    rows
}

/// Started categories first (reviewed, or answered in a mock: [`CategoryStats::started`]; a
/// category never started scores 0, but it is not begun rather than weak), each part weakest
/// first; ties go to the category with fewer cards seen, then deck and category id.
pub fn rank_weakest_first(rows: &mut [CategoryStats]) {
    rows.sort_by(|a, b| {
        (!a.started())
            .cmp(&!b.started())
            .then_with(|| a.readiness.total_cmp(&b.readiness))
            .then_with(|| a.seen.cmp(&b.seen))
            .then_with(|| a.deck.cmp(&b.deck))
            .then_with(|| a.category.cmp(&b.category))
    });
}
