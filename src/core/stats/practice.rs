//! Practice answers (cards answered ahead of schedule without rescheduling): how many, today
//! and in total, and how many were recalled. They count for nothing else: not for retention,
//! readiness, the streak or the forecast, since they move no due date.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::activity::study_date;
use crate::core::deck::Deck;
use crate::core::fast_hash::FastSet;
use crate::core::grade::Grade;
use crate::core::ids::RecordId;
use crate::core::record::{Record, RecordBody};

/// The practice answers of the decks in scope.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PracticeStats {
    pub total: usize,
    /// Since the study day began.
    pub today: usize,
    /// Answers graded Hard, Good or Easy.
    pub recalled: usize,
    /// Time spent answering (in milliseconds in JSON).
    #[serde(
        rename = "time_ms",
        serialize_with = "crate::core::millis::serialize_millis"
    )]
    pub time: Duration,
}

/// Counts the `practice` records of `records` on `decks`' cards, leaving out the `undone`.
pub fn practice_stats(
    records: &[Record],
    undone: &FastSet<RecordId>,
    decks: &[Deck],
    now: DateTime<Utc>,
    offset: FixedOffset,
    day_starts_at: u32,
) -> PracticeStats {
    let today = study_date(now, offset, day_starts_at);
    let mut s = PracticeStats::default();
    for r in records {
        let RecordBody::Practice(p) = &r.body else {
            continue;
        };
        if undone.contains(&r.id) || !decks.iter().any(|d| d.id == p.deck) {
            continue;
        }
        s.total += 1;
        if study_date(r.at, offset, day_starts_at) == today {
            s.today += 1;
        }
        if p.grade != Grade::Again {
            s.recalled += 1;
        }
        s.time = s.time.saturating_add(Duration::from_millis(p.took_ms));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::CardId;
    use crate::core::record::Practice;
    use crate::core::stats::tests::support::{at, deck, utc};

    fn practice(id: &str, when: &str, deck: &str, grade: Grade) -> Record {
        Record::new(
            RecordId::new(id),
            at(when),
            RecordBody::Practice(Practice {
                deck: crate::core::ids::DeckId::new(deck),
                card: CardId::new("k-0"),
                grade,
                took_ms: 1000,
            }),
        )
    }

    #[test]
    fn counts_today_total_and_recalled_without_undone_or_other_decks() {
        let records = vec![
            practice("a", "2026-03-01T10:00:00Z", "d", Grade::Good),
            practice("b", "2026-03-02T10:00:00Z", "d", Grade::Again),
            practice("c", "2026-03-02T11:00:00Z", "d", Grade::Easy),
            practice("e", "2026-03-02T11:00:00Z", "other", Grade::Easy),
        ];
        let undone: FastSet<RecordId> = [RecordId::new("c")].into_iter().collect();
        let s = practice_stats(
            &records,
            &undone,
            &[deck("d", &[("k", 1)])],
            at("2026-03-02T12:00:00Z"),
            utc(),
            4,
        );
        assert_eq!(
            s,
            PracticeStats {
                total: 2,
                today: 1,
                recalled: 1,
                time: Duration::from_secs(2)
            }
        );
        assert_eq!(
            serde_json::to_value(s).unwrap()["time_ms"],
            2000,
            "JSON in ms"
        );
    }
}
