//! Study days and interval labels.
//!
//! A study day begins at `day_starts_at` o'clock local time, so a late-night session still
//! counts for the day before. The local offset is a value passed in: the core never asks the
//! system for its time zone.

use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveTime, Utc};

/// The years a time read from a file may fall in. The scheduler adds intervals of up to a
/// century (and study-day arithmetic a day) to the times it is given; chrono's range ends
/// near the year 262,000, so times in these years can never make that overflow. A time
/// outside them is a damaged record (a clock gone wrong, an edit), never a real review.
pub const SUPPORTED_YEARS: RangeInclusive<i32> = 1970..=9999;

/// Whether `t` is in [`SUPPORTED_YEARS`].
pub fn is_supported_time(t: DateTime<Utc>) -> bool {
    SUPPORTED_YEARS.contains(&t.year())
}

/// The instant the study day containing `now` began.
pub fn day_start(now: DateTime<Utc>, offset: FixedOffset, day_starts_at: u32) -> DateTime<Utc> {
    let hour = Duration::hours(i64::from(day_starts_at.min(23)));
    // In local wall-clock time, with checked steps: only at the very ends of chrono's range
    // can this not be computed, and the answer is then `now` itself.
    let start = now
        .naive_utc()
        .checked_add_offset(offset)
        .and_then(|local| local.checked_sub_signed(hour))
        .map(|shifted| shifted.date().and_time(NaiveTime::MIN))
        .and_then(|midnight| midnight.checked_add_signed(hour))
        .and_then(|start| start.checked_sub_offset(offset));
    start.map_or(now, |t| t.and_utc())
}

/// The next day rollover after `now` (when cards buried today come back).
pub fn next_day_start(
    now: DateTime<Utc>,
    offset: FixedOffset,
    day_starts_at: u32,
) -> DateTime<Utc> {
    let start = day_start(now, offset, day_starts_at);
    start
        .checked_add_signed(Duration::days(1))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// A short label for an interval, as on Anki's answer buttons: "45s", "10m", "2h", "4d",
/// "3mo", "1.2y". Negative durations read as zero.
pub fn format_interval(d: Duration) -> String {
    let secs = d.num_seconds().max(0) as f64;
    const MINUTE: f64 = 60.0;
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 86400.0;
    const MONTH: f64 = 30.0 * DAY;
    const YEAR: f64 = 365.0 * DAY;
    if secs < MINUTE {
        format!("{secs}s")
    } else if secs < HOUR - 30.0 {
        format!("{}m", (secs / MINUTE).round())
    } else if secs < DAY - HOUR / 2.0 {
        format!("{}h", (secs / HOUR).round())
    } else if secs < MONTH - DAY / 2.0 {
        format!("{}d", (secs / DAY).round())
    } else if secs < YEAR - MONTH / 2.0 {
        format!("{}mo", one_decimal(secs / MONTH))
    } else {
        format!("{}y", one_decimal(secs / YEAR))
    }
}

/// `3.0` -> "3", `1.24` -> "1.2".
fn one_decimal(x: f64) -> String {
    let tenths = (x * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn labels() {
        let cases = [
            (Duration::seconds(-5), "0s"),
            (Duration::seconds(45), "45s"),
            (Duration::minutes(1), "1m"),
            (Duration::seconds(330), "6m"),
            (Duration::minutes(10), "10m"),
            (Duration::minutes(59), "59m"),
            (Duration::minutes(60), "1h"),
            (Duration::hours(2), "2h"),
            (Duration::days(1), "1d"),
            (Duration::days(4), "4d"),
            (Duration::days(29), "29d"),
            (Duration::days(30), "1mo"),
            (Duration::days(45), "1.5mo"),
            (Duration::days(90), "3mo"),
            (Duration::days(365), "1y"),
            (Duration::days(438), "1.2y"),
            (Duration::days(36500), "100y"),
        ];
        for (d, want) in cases {
            assert_eq!(format_interval(d), want, "{d:?}");
        }
    }

    #[test]
    fn the_ends_of_time_do_not_panic() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let plus14 = FixedOffset::east_opt(14 * 3600).unwrap();
        for t in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            for offset in [utc, plus14] {
                let start = day_start(t, offset, 4);
                assert!(next_day_start(t, offset, 4) >= start);
            }
        }
        assert!(is_supported_time(at("2026-03-10T03:59:00Z")));
        assert!(!is_supported_time(
            "+10000-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap()
        ));
        assert!(!is_supported_time(at("1969-12-31T23:59:59Z")));
    }

    #[test]
    fn day_starts_at_the_configured_local_hour() {
        let utc = FixedOffset::east_opt(0).unwrap();
        assert_eq!(
            day_start(at("2026-03-10T03:59:00Z"), utc, 4),
            at("2026-03-09T04:00:00Z")
        );
        assert_eq!(
            day_start(at("2026-03-10T04:00:00Z"), utc, 4),
            at("2026-03-10T04:00:00Z")
        );
        // UTC+2: 04:00 local is 02:00 UTC.
        let plus2 = FixedOffset::east_opt(2 * 3600).unwrap();
        assert_eq!(
            day_start(at("2026-03-10T01:30:00Z"), plus2, 4),
            at("2026-03-09T02:00:00Z")
        );
        assert_eq!(
            next_day_start(at("2026-03-10T02:30:00Z"), plus2, 4),
            at("2026-03-11T02:00:00Z")
        );
        // UTC-5, day starting at midnight.
        let minus5 = FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(
            day_start(at("2026-03-10T03:00:00Z"), minus5, 0),
            at("2026-03-09T05:00:00Z")
        );
    }
}
