//! Activity over time: study days, the streak, the review calendar and the due forecast.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

/// Weeks shown by the review calendar.
pub const CALENDAR_WEEKS: i64 = 26;
/// Days covered by the due forecast, today included.
pub const FORECAST_DAYS: usize = 30;

/// The study day (a local date) that instant `at` belongs to: days begin at `day_starts_at`
/// o'clock local time, so 01:00 counts for the day before when days start at 04:00.
pub fn study_date(at: DateTime<Utc>, offset: FixedOffset, day_starts_at: u32) -> NaiveDate {
    let hour = Duration::hours(i64::from(day_starts_at.min(23)));
    (at.with_timezone(&offset) - hour).date_naive()
}

/// Consecutive study days with at least one review, ending today, or yesterday when nothing
/// was reviewed yet today (the streak is not broken until the day is over).
pub fn streak_days(days: &BTreeSet<NaiveDate>, today: NaiveDate) -> u32 {
    let Some(mut day) = [Some(today), today.pred_opt()]
        .into_iter()
        .flatten()
        .find(|d| days.contains(d))
    else {
        return 0;
    };
    let mut streak = 0;
    while days.contains(&day) {
        streak += 1;
        match day.pred_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    streak
}

/// The first day of the calendar: the Monday that begins a grid of [`CALENDAR_WEEKS`] weeks
/// whose last column holds `today`.
pub fn calendar_start(today: NaiveDate) -> NaiveDate {
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    monday - Duration::weeks(CALENDAR_WEEKS - 1)
}

/// Due cards on one study day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ForecastDay {
    pub date: NaiveDate,
    pub due: usize,
}

/// Counts `due` dates per study day from `today` on, for [`FORECAST_DAYS`] days. Cards
/// already overdue count for today.
pub fn forecast(
    due: impl Iterator<Item = DateTime<Utc>>,
    today: NaiveDate,
    offset: FixedOffset,
    day_starts_at: u32,
) -> Vec<ForecastDay> {
    let mut counts = vec![0usize; FORECAST_DAYS];
    for at in due {
        let day = study_date(at, offset, day_starts_at);
        let index = (day - today).num_days().max(0);
        if let Some(slot) = usize::try_from(index).ok().and_then(|i| counts.get_mut(i)) {
            *slot += 1;
        }
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, due)| ForecastDay {
            date: today + Duration::days(i as i64),
            due,
        })
        .collect()
}

/// Reviews per study day from `start` on (days without reviews are left out).
pub fn by_day(days: &BTreeMap<NaiveDate, u32>, start: NaiveDate) -> BTreeMap<NaiveDate, u32> {
    days.range(start..).map(|(d, n)| (*d, *n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    #[test]
    fn study_date_follows_day_starts_at_and_offset() {
        assert_eq!(
            study_date(at("2026-03-10T03:59:00Z"), utc(), 4),
            date("2026-03-09")
        );
        assert_eq!(
            study_date(at("2026-03-10T04:00:00Z"), utc(), 4),
            date("2026-03-10")
        );
        let plus2 = FixedOffset::east_opt(7200).unwrap();
        // 02:30 UTC is 04:30 local: a new day.
        assert_eq!(
            study_date(at("2026-03-10T02:30:00Z"), plus2, 4),
            date("2026-03-10")
        );
        let minus5 = FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(
            study_date(at("2026-03-10T03:00:00Z"), minus5, 0),
            date("2026-03-09")
        );
    }

    #[test]
    fn streak_ends_today_or_yesterday() {
        let days: BTreeSet<NaiveDate> = ["2026-03-05", "2026-03-07", "2026-03-08", "2026-03-09"]
            .into_iter()
            .map(date)
            .collect();
        assert_eq!(streak_days(&days, date("2026-03-09")), 3);
        assert_eq!(streak_days(&days, date("2026-03-10")), 3);
        assert_eq!(streak_days(&days, date("2026-03-11")), 0);
        assert_eq!(streak_days(&days, date("2026-03-06")), 1);
        assert_eq!(streak_days(&BTreeSet::new(), date("2026-03-06")), 0);
    }

    #[test]
    fn calendar_starts_on_a_monday_26_weeks_back() {
        // 2026-03-11 is a Wednesday; its week starts on Monday 2026-03-09.
        let start = calendar_start(date("2026-03-11"));
        assert_eq!(start.weekday(), chrono::Weekday::Mon);
        assert_eq!(start, date("2026-03-09") - Duration::weeks(25));
        assert_eq!(calendar_start(date("2026-03-09")), start);
    }

    #[test]
    fn forecast_folds_overdue_into_today_and_drops_the_far_future() {
        let today = date("2026-03-10");
        let due = [
            at("2026-03-01T12:00:00Z"),
            at("2026-03-10T12:00:00Z"),
            at("2026-03-11T03:00:00Z"), // before 04:00: still the 10th
            at("2026-03-11T05:00:00Z"),
            at("2026-04-08T05:00:00Z"), // day 29
            at("2026-04-09T05:00:00Z"), // day 30: out
        ];
        let f = forecast(due.into_iter(), today, utc(), 4);
        assert_eq!(f.len(), FORECAST_DAYS);
        assert_eq!(f[0].date, today);
        assert_eq!(f[0].due, 3);
        assert_eq!(f[1].due, 1);
        assert_eq!(f[29].due, 1);
        assert_eq!(f.iter().map(|d| d.due).sum::<usize>(), 5);
    }
}
