//! Interval fuzz: Anki's fuzz ranges, drawn from a seed so replay gives the same dates.
//!
//! The seed comes from the review record's id through FNV-1a, a hash whose output is fixed by
//! its definition: a random generator or `std`'s hasher could change between releases and
//! move every due date on upgrade.

use crate::core::ids::RecordId;

/// (start, end, factor): an interval gains `factor` days of spread per day within the range.
const FUZZ_RANGES: [(f64, f64, f64); 3] = [
    (2.5, 7.0, 0.15),
    (7.0, 20.0, 0.1),
    (20.0, f64::INFINITY, 0.05),
];

/// The fuzz seed of a review, derived from its record id.
pub fn fuzz_seed(id: &RecordId) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.as_str().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A number in [0, 1) from a seed (the top 53 bits, mixed so similar ids spread out).
fn unit(seed: u64) -> f64 {
    // splitmix64 finalizer
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// The lowest and highest fuzzed interval for `days` (as py-fsrs 6 computes them).
pub fn fuzz_range(days: i64, maximum: i64) -> (i64, i64) {
    let ivl = days as f64;
    let mut delta = 1.0;
    for (start, end, factor) in FUZZ_RANGES {
        delta += factor * (ivl.min(end) - start).max(0.0);
    }
    let mut min = (ivl - delta).round_ties_even() as i64;
    let max = ((ivl + delta).round_ties_even() as i64).min(maximum);
    min = min.max(2).min(max);
    (min, max)
}

/// `days` moved to a deterministic point of its fuzz range. Intervals under 2.5 days are
/// left alone. For a fixed seed the result never decreases as `days` grows.
pub fn fuzz_days(days: i64, maximum: i64, seed: u64) -> i64 {
    if (days as f64) < 2.5 {
        return days;
    }
    let (min, max) = fuzz_range(days, maximum);
    let picked = unit(seed) * (max - min + 1) as f64 + min as f64;
    (picked.round_ties_even() as i64).min(max).min(maximum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_intervals_are_not_fuzzed() {
        for seed in 0..50 {
            assert_eq!(fuzz_days(1, 36500, seed), 1);
            assert_eq!(fuzz_days(2, 36500, seed), 2);
        }
    }

    #[test]
    fn fuzz_stays_in_anki_ranges() {
        assert_eq!(fuzz_range(3, 36500), (2, 4));
        assert_eq!(fuzz_range(10, 36500), (8, 12));
        assert_eq!(fuzz_range(100, 36500), (93, 107));
        for seed in 0..200 {
            let d = fuzz_days(100, 36500, seed);
            assert!((93..=107).contains(&d), "{d}");
            assert!(fuzz_days(36500, 36500, seed) <= 36500);
        }
    }

    #[test]
    fn seeds_are_stable_and_spread() {
        assert_eq!(fuzz_seed(&RecordId::new("")), 0xcbf2_9ce4_8422_2325);
        let picks: std::collections::BTreeSet<i64> = (0..100)
            .map(|i| fuzz_days(100, 36500, fuzz_seed(&RecordId::new(format!("r{i}")))))
            .collect();
        assert!(picks.len() > 5, "{picks:?}");
    }
}
