//! Home-screen figures at a glance: the study streak and the weakest categories.
//!
//! A placeholder ranking (share of reviews graded Again per category) until the statistics
//! module lands; it then replaces these. Pure: days are cut with the scheduler's day rule.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, FixedOffset, Utc};

use crate::core::deck::Deck;
use crate::core::fast_hash::FastMap;
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, CategoryId, DeckId};
use crate::core::schedule::{ReviewEntry, day_start};

/// Consecutive study days with at least one review, ending today (or yesterday, when today
/// has no review yet: the streak is not broken before the day is over).
pub fn streak_days(
    reviews: &[ReviewEntry],
    now: DateTime<Utc>,
    offset: FixedOffset,
    day_starts_at: u32,
) -> u32 {
    // Offsets are fixed, so every study day is 24 hours long: a review within the day of the
    // previous one needs no new day computation (reviews come mostly in time order).
    let mut days: BTreeSet<DateTime<Utc>> = BTreeSet::new();
    let mut current: Option<(DateTime<Utc>, DateTime<Utc>)> = None;
    for r in reviews {
        if let Some((start, end)) = current
            && start <= r.at
            && r.at < end
        {
            continue;
        }
        let start = day_start(r.at, offset, day_starts_at);
        days.insert(start);
        current = start
            .checked_add_signed(Duration::days(1))
            .map(|end| (start, end));
    }
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
    // Reviews are counted per card first (the reviews of a card share one key), then each card
    // is looked up once: a search of the decks per review took seconds at 100,000 reviews.
    // (By the key's address first, which is one multiply to hash; equal keys in different
    // allocations are then added together.)
    let mut per_arc: FastMap<usize, (&CardKey, usize, usize)> = FastMap::default();
    for r in reviews {
        let e = per_arc
            .entry(std::sync::Arc::as_ptr(&r.key) as usize)
            .or_insert((&*r.key, 0, 0));
        e.1 += 1;
        if r.grade == Grade::Again {
            e.2 += 1;
        }
    }
    let mut per_card: FastMap<&CardKey, (usize, usize)> = FastMap::default();
    for (key, reviews, again) in per_arc.into_values() {
        let e = per_card.entry(key).or_default();
        e.0 += reviews;
        e.1 += again;
    }
    // The first deck of each id, as a search in deck order would find it.
    let mut deck_of: FastMap<&str, &Deck> = FastMap::default();
    for d in decks {
        deck_of.entry(d.id.as_str()).or_insert(d);
    }
    let mut card_index: FastMap<&str, FastMap<&str, &CategoryId>> = FastMap::default();
    let mut by: HashMap<(&DeckId, &CategoryId), (usize, usize)> = HashMap::new();
    for (key, (reviews, again)) in per_card {
        let Some(deck) = deck_of.get(key.deck.as_str()) else {
            continue;
        };
        let cards = card_index.entry(deck.id.as_str()).or_insert_with(|| {
            let mut m = FastMap::default();
            for c in &deck.cards {
                m.entry(c.id.as_str()).or_insert(&c.category);
            }
            m
        });
        let Some(category) = cards.get(key.card.as_str()) else {
            continue;
        };
        let e = by.entry((&deck.id, category)).or_default();
        e.0 += reviews;
        e.1 += again;
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

    #[test]
    fn weakest_categories_count_each_review_in_its_card_category() {
        use crate::core::deck::{DeckSource, parse_deck};
        let deck = |id: &str| {
            let text = format!(
                "format = 1\n[deck]\nid = \"{id}\"\ntitle = \"T\"\n\
                 [[category]]\nid = \"x\"\ntitle = \"X\"\n[[category]]\nid = \"y\"\ntitle = \"Y\"\n\
                 [[card]]\nid = \"a\"\ncategory = \"x\"\nkind = \"technical\"\nquestion = \"Q\"\nanswer = \"A\"\n\
                 [[card]]\nid = \"b\"\ncategory = \"y\"\nkind = \"technical\"\nquestion = \"Q\"\nanswer = \"A\"\n"
            );
            parse_deck(&text, DeckSource::Builtin(id.into())).unwrap()
        };
        let decks = vec![deck("d"), deck("e")];
        let mut rs = vec![
            review("a", at(1, 10), Grade::Again),
            review("a", at(1, 11), Grade::Good),
            review("b", at(1, 12), Grade::Again),
            review("gone", at(1, 13), Grade::Again),
        ];
        let mut other = review("a", at(2, 10), Grade::Again);
        other.key = CardKey::new("e", "a").into();
        rs.push(other);
        let mut unknown = review("a", at(2, 11), Grade::Again);
        unknown.key = CardKey::new("nope", "a").into();
        rs.push(unknown);
        let w = weakest_categories(&decks, &rs, 5);
        let got: Vec<(&str, &str, usize, usize)> = w
            .iter()
            .map(|c| (c.deck.as_str(), c.category.as_str(), c.reviews, c.again))
            .collect();
        assert_eq!(got, [("d", "y", 1, 1), ("e", "x", 1, 1), ("d", "x", 2, 1)]);
    }
}
