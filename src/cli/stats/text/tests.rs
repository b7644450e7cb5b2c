use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::*;
use crate::core::stats::{Evidence, FORECAST_DAYS, ForecastDay, TimeSpent, calendar_start};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn row(category: &str, title: &str, readiness: f64) -> CategoryStats {
    CategoryStats {
        deck: "it-manager".into(),
        category: category.into(),
        title: title.into(),
        cards: 12,
        seen: 3,
        due: 1,
        retention: Some(0.914),
        recall: 0.2,
        lapsed: 0,
        mock_coverage: None,
        mock_answers: 0,
        readiness,
        evidence: Evidence::default(),
    }
}

fn sample() -> Stats {
    let today = date("2026-03-11");
    let mut reviews_by_day = BTreeMap::new();
    reviews_by_day.insert(date("2026-03-09"), 2);
    reviews_by_day.insert(date("2026-03-10"), 8);
    reviews_by_day.insert(date("2026-03-11"), 4);
    Stats {
        now: DateTime::parse_from_rfc3339("2026-03-11T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc),
        today,
        cards_total: 24,
        seen_total: 6,
        reviews_total: 14,
        reviewed_today: 4,
        due_now: 2,
        new_available_today: 10,
        retention: Some(0.9),
        desired_retention: 0.9,
        streak_days: 3,
        calendar_start: calendar_start(today),
        reviews_by_day,
        time_spent_ms: TimeSpent {
            today: std::time::Duration::from_secs(95),
            total: std::time::Duration::from_secs(7_500),
        },
        forecast: (0..FORECAST_DAYS)
            .map(|i| ForecastDay {
                date: today + Duration::days(i as i64),
                due: [2, 8, 0, 1][i % 4],
            })
            .collect(),
        categories: vec![
            row(
                "budget",
                "Budget and finance \u{1b}[31m with a very long title indeed",
                9.4,
            ),
            row("people", "People", 71.0),
        ],
        mock_scores: vec![],
        practice: crate::core::stats::PracticeStats {
            total: 5,
            today: 2,
            recalled: 4,
            time: std::time::Duration::from_secs(60),
        },
    }
}

#[test]
fn report_has_every_section() {
    let text = render(&sample(), &Extras::default());
    for needle in [
        "Readiness by category, weakest first",
        "Practice    5 answers (2 today), 80% recalled",
        "DECK",
        "READINESS",
        "Budget and finance",
        "91%",
        "Cards       24 (6 seen)",
        "Reviews     14 (4 today)",
        "Time spent  1m today, 2h 05m in total",
        "Streak      3 days",
        "Due in the next 30 days",
        "today 2, tomorrow 8, next 7 days 21, next 30 days",
        "Reviews, last 26 weeks",
        "Mon",
        "Sun",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    // Deck text is sanitised and cut to the column.
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains('…'));
    let budget = text.find("Budget").unwrap();
    let people = text.find("People").unwrap();
    assert!(budget < people);
}

#[test]
fn retention_is_set_against_the_aim_and_the_optimiser_is_suggested() {
    let x = Extras {
        desired_retention: 0.9,
        optimize: Some("800 reviews, 400 at the last `prepdeck optimize`".into()),
    };
    let text = render(&sample(), &x);
    assert!(text.contains("you aim for 90%"), "{text}");
    assert!(
        text.contains("Optimise    800 reviews, 400 at the last"),
        "{text}"
    );
    assert!(!render(&sample(), &Extras::default()).contains("Optimise"));
}

#[test]
fn calendar_marks_the_busiest_day_darkest_and_leaves_the_future_blank() {
    let text = render(&sample(), &Extras::default());
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Reviews, last"))
        .skip(2)
        .take(7)
        .collect();
    assert_eq!(rows.len(), 7);
    // 2026-03-09 is a Monday in the last column; the 10th (busiest) a Tuesday.
    assert!(rows[0].ends_with('░'), "{:?}", rows[0]);
    assert!(rows[1].ends_with('█'), "{:?}", rows[1]);
    assert!(rows[2].ends_with('▒'), "{:?}", rows[2]);
    // Thursday 12th and later are in the future.
    assert_eq!(rows[3].chars().count(), rows[0].chars().count() - 1);
}

#[test]
fn helpers() {
    let ms = std::time::Duration::from_millis;
    assert_eq!(duration(ms(999)), "0s");
    assert_eq!(duration(ms(61_000)), "1m");
    assert_eq!(duration(ms(3_600_000 * 3 + 60_000 * 7)), "3h 07m");
    assert_eq!(percent(None), "-");
    assert_eq!(percent(Some(0.5)), "50%");
    assert_eq!(bar(1.0, 10), "█".repeat(10));
    assert_eq!(bar(0.0, 10), "");
    assert_eq!(bar(0.05, 10), "▌");
}

#[test]
fn month_labels_do_not_collide() {
    let text = render(&sample(), &Extras::default());
    let months = text
        .lines()
        .skip_while(|l| !l.starts_with("Reviews, last"))
        .nth(1)
        .unwrap();
    // The calendar starts on 2025-09-15: September has too few columns for its label, and
    // March (the last two columns) too.
    assert_eq!(months.trim(), "Oct Nov Dec  Jan Feb");
}
