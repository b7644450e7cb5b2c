//! How the progress cache writes and reads the effective reviews: the bulk of an entry (a
//! million reviews in a long history), so each is a fixed run of bytes read in one piece, and
//! the calendar date of a time is worked out once per day rather than once per review.
//!
//! A review: [`FIXED`] bytes: the card's position (u32), the time (seconds i64, nanoseconds
//! u32), grade, mode and phase before (u8 each), the time taken (u32 milliseconds) and the
//! interval it set (u32, see [`ReviewEntry::interval_code`]). No record id: the log keeps it.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::{MODES, PHASES, mode_code, phase_code};
use crate::core::grade::Grade;
use crate::core::ids::CardKey;
use crate::core::schedule::ReviewEntry;

/// The bytes of a review.
pub(super) const FIXED: usize = 4 + 12 + 3 + 4 + 4;

/// Writes `r`, whose card is at `position` among the entry's cards.
pub(super) fn write(out: &mut Vec<u8>, r: &ReviewEntry, position: u32) {
    let mut b = [0u8; FIXED];
    b[0..4].copy_from_slice(&position.to_le_bytes());
    put_time(&mut b[4..16], r.at);
    b[16] = r.grade as u8;
    b[17] = mode_code(r.mode);
    b[18] = phase_code(r.phase_before);
    b[19..23].copy_from_slice(&r.took_ms.to_le_bytes());
    b[23..27].copy_from_slice(&r.interval_code().to_le_bytes());
    out.extend_from_slice(&b);
}

fn put_time(b: &mut [u8], t: DateTime<Utc>) {
    b[0..8].copy_from_slice(&t.timestamp().to_le_bytes());
    b[8..12].copy_from_slice(&t.timestamp_subsec_nanos().to_le_bytes());
}

/// Reads what [`write`] wrote, remembering the last day seen (reviews come in time order).
#[derive(Default)]
pub(super) struct Reader {
    at_day: Day,
}

impl Reader {
    /// The review in `b` ([`FIXED`] bytes) whose [`Reader::time`] is `at`; `None` when they
    /// do not read as one (or name a card not among `keys`).
    pub(super) fn read(
        &self,
        b: &[u8],
        at: DateTime<Utc>,
        keys: &[Arc<CardKey>],
    ) -> Option<ReviewEntry> {
        let b = b.get(..FIXED)?;
        let position = usize::try_from(le32(&b[0..4])?).ok()?;
        Some(ReviewEntry::from_parts(
            Arc::clone(keys.get(position)?),
            at,
            le32(&b[19..23])?,
            le32(&b[23..27])?,
            *Grade::ALL.get(usize::from(b[16]).checked_sub(1)?)?,
            *MODES.get(usize::from(b[17]))?,
            *PHASES.get(usize::from(b[18]))?,
        ))
    }

    /// The time of the review in `b`.
    pub(super) fn time(&mut self, b: &[u8]) -> Option<DateTime<Utc>> {
        self.at_day.time(b.get(4..16)?)
    }
}

fn le32(b: &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(b.try_into().ok()?))
}

fn le64(b: &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(b.try_into().ok()?))
}

/// The last day a time fell on (days since 1970) and its date.
#[derive(Default)]
struct Day(Option<(i64, NaiveDate)>);

impl Day {
    /// The time in `b` (seconds, nanoseconds), exactly as `DateTime::from_timestamp` reads it.
    fn time(&mut self, b: &[u8]) -> Option<DateTime<Utc>> {
        let secs = le64(&b[0..8])? as i64;
        let nanos = u32::from_le_bytes(b[8..12].try_into().ok()?);
        let day = secs.div_euclid(86_400);
        let date = match self.0 {
            Some((d, date)) if d == day => date,
            _ => {
                let date = DateTime::from_timestamp(day.checked_mul(86_400)?, 0)?.date_naive();
                self.0 = Some((day, date));
                date
            }
        };
        let of_day = u32::try_from(secs.rem_euclid(86_400)).ok()?;
        let time = NaiveTime::from_num_seconds_from_midnight_opt(of_day, nanos)?;
        Some(NaiveDateTime::new(date, time).and_utc())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A time read through the day cache is the one `from_timestamp` gives, or none when
        /// it gives none, whatever came before.
        #[test]
        fn times_read_as_from_timestamp(
            times in proptest::collection::vec(
                (prop_oneof![
                    -100_000_000_000i64..300_000_000_000,
                    1_700_000_000i64..1_700_300_000,
                    Just(i64::MIN), Just(i64::MAX),
                ], prop_oneof![0u32..1_000_000_000, Just(1_500_000_000), Just(u32::MAX)]),
                1..40,
            )
        ) {
            let mut day = Day::default();
            for (secs, nanos) in times {
                let mut b = [0u8; 12];
                b[0..8].copy_from_slice(&secs.to_le_bytes());
                b[8..12].copy_from_slice(&nanos.to_le_bytes());
                prop_assert_eq!(day.time(&b), DateTime::from_timestamp(secs, nanos));
            }
        }
    }
}
