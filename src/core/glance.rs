//! Home-screen figures at a glance: the study streak and the weakest categories.
//!
//! A placeholder ranking (share of reviews graded Again per category) until the statistics
//! module lands; it then replaces these. Pure: days are cut with the scheduler's day rule.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, FixedOffset, Utc};

use crate::core::deck::Deck;
use crate::core::grade::Grade;
use crate::core::ids::{CategoryId, DeckId};
use crate::core::schedule::{ReviewEntry, day_start};

/// Consecutive study days with at least one review, ending today (or yesterday, when today
/// has no review yet: the streak is not broken before the day is over).
pub fn streak_days(
    reviews: &[ReviewEntry],
    now: DateTime<Utc>,
    offset: FixedOffset,
    day_starts_at: u32,
) -> u32 {
    let days: BTreeSet<DateTime<Utc>> = reviews
        .iter()
        .map(|r| day_start(r.at, offset, day_starts_at))
        .collect();
    let mut day = day_start(now, offset, day_starts_at);
    if !days.contains(&day) {
        day -= Duration::days(1);
    }
    let mut n = 0;
    while days.contains(&day) {
        n += 1;
        // Offsets are fixed, so every study day is 24 hours long.
        day -= Duration::days(1);
    }
    n
}

/// One category's record.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryLapses {
    pub deck: DeckId,
    pub category: CategoryId,
    pub reviews: usize,
    pub again: usize,
}

impl CategoryLapses {
    pub fn lapse_rate(&self) -> f64 {
        if self.reviews == 0 {
            0.0
        } else {
            self.again as f64 / self.reviews as f64
        }
    }
}

/// The `n` categories with the highest share of Again, worst first (ties: more reviews first,
/// then by id). Categories never graded Again are not weak and are left out.
pub fn weakest_categories(
    decks: &[Deck],
    reviews: &[ReviewEntry],
    n: usize,
) -> Vec<CategoryLapses> {
    let mut by: HashMap<(&DeckId, &CategoryId), (usize, usize)> = HashMap::new();
    for r in reviews {
        let Some(deck) = decks.iter().find(|d| d.id == r.key.deck) else {
            continue;
        };
        let Some(card) = deck.card(&r.key.card) else {
            continue;
        };
        let e = by.entry((&deck.id, &card.category)).or_default();
        e.0 += 1;
        if r.grade == Grade::Again {
            e.1 += 1;
        }
    }
    let mut out: Vec<CategoryLapses> = by
        .into_iter()
        .filter(|(_, (_, again))| *again > 0)
        .map(|((deck, category), (reviews, again))| CategoryLapses {
            deck: deck.clone(),
            category: category.clone(),
            reviews,
            again,
        })
        .collect();
    out.sort_by(|a, b| {
        b.lapse_rate()
            .total_cmp(&a.lapse_rate())
            .then(b.reviews.cmp(&a.reviews))
            .then_with(|| (&a.deck, &a.category).cmp(&(&b.deck, &b.category)))
    });
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{CardKey, RecordId};
    use crate::core::record::ReviewMode;
    use crate::core::schedule::Phase;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap()
    }

    fn review(card: &str, when: DateTime<Utc>, grade: Grade) -> ReviewEntry {
        ReviewEntry {
            id: RecordId::new(format!("{card}{when}")),
            key: CardKey::new("d", card).into(),
            at: when,
            grade,
            took_ms: 0,
            mode: ReviewMode::Drill,
            phase_before: Phase::New,
            due_after: None,
        }
    }

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let rs = vec![
            review("a", at(1, 10), Grade::Good),
            review("a", at(3, 10), Grade::Good),
            review("b", at(4, 10), Grade::Good),
            // Before the 4 o'clock rollover: still the 4th.
            review("b", at(5, 2), Grade::Good),
        ];
        assert_eq!(streak_days(&rs, at(5, 12), utc, 4), 2);
        assert_eq!(streak_days(&rs, at(4, 23), utc, 4), 2);
        assert_eq!(streak_days(&rs, at(7, 12), utc, 4), 0);
        assert_eq!(streak_days(&[], at(7, 12), utc, 4), 0);
    }
}
