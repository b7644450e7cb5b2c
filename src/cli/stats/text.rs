//! The plain-text report of `prepdeck stats`: a table per category, totals, a forecast
//! sparkline and a 26-week calendar. Pure: `Stats` in, text out.

use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate};

use crate::core::stats::{CALENDAR_WEEKS, CategoryStats, Stats};
use crate::core::text::{sanitize_line, truncate_line};

const TITLE_WIDTH: usize = 32;
const BAR_WIDTH: usize = 10;
const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const SHADES: [char; 4] = ['░', '▒', '▓', '█'];

/// What the report shows beside the statistics: the scheduler's aim and the optimiser's
/// advice.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Extras {
    /// The `desired_retention` setting, to set true retention against.
    pub desired_retention: f64,
    /// Why running `prepdeck optimize` is worth it now, if it is.
    pub optimize: Option<String>,
}

/// The whole report.
pub fn render(s: &Stats, x: &Extras) -> String {
    let mut out = String::new();
    categories(&mut out, &s.categories);
    out.push('\n');
    totals(&mut out, s, x);
    out.push('\n');
    forecast(&mut out, s);
    out.push('\n');
    calendar(&mut out, s);
    out
}

fn categories(out: &mut String, rows: &[CategoryStats]) {
    out.push_str("Readiness by category, weakest first\n");
    if rows.is_empty() {
        out.push_str("  (no cards)\n");
        return;
    }
    let deck_width = rows
        .iter()
        .map(|r| r.deck.as_str().chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(
        out,
        "  {:<deck_width$}  {:<TITLE_WIDTH$}  {:>5}  {:>4}  {:>4}  {:>9}  {:>4}  READINESS",
        "DECK", "CATEGORY", "CARDS", "SEEN", "DUE", "RETENTION", "MOCK"
    );
    for r in rows {
        let line = format!(
            "  {:<deck_width$}  {:<TITLE_WIDTH$}  {:>5}  {:>4}  {:>4}  {:>9}  {:>4}  {:>3} {}",
            sanitize_line(r.deck.as_str()),
            truncate_line(&r.title, TITLE_WIDTH),
            r.cards,
            r.seen,
            r.due,
            percent(r.retention),
            percent(r.mock_coverage),
            r.readiness.round() as i64,
            bar(r.readiness / 100.0, BAR_WIDTH),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn totals(out: &mut String, s: &Stats, x: &Extras) {
    let due_today = s.forecast.first().map_or(0, |d| d.due);
    let days = |n: u32| if n == 1 { "day" } else { "days" };
    let lines = [
        (
            "Cards",
            format!("{} ({} seen)", s.cards_total, s.seen_total),
        ),
        (
            "Reviews",
            format!("{} ({} today)", s.reviews_total, s.reviewed_today),
        ),
        (
            "Due now",
            if due_today > s.due_now {
                format!(
                    "{} ({due_today} by the end of the study day, as in the forecast)",
                    s.due_now
                )
            } else {
                s.due_now.to_string()
            },
        ),
        ("New today", s.new_available_today.to_string()),
        (
            "Retention",
            match s.retention {
                Some(_) => format!(
                    "{} of reviews passed (review cards, last 90 days); you aim for {}",
                    percent(s.retention),
                    percent(Some(x.desired_retention))
                ),
                None => "- (no review cards in the last 90 days)".to_string(),
            },
        ),
        (
            "Time spent",
            format!(
                "{} today, {} in total",
                duration(s.time_spent_ms.today),
                duration(s.time_spent_ms.total)
            ),
        ),
        (
            "Streak",
            format!("{} {}", s.streak_days, days(s.streak_days)),
        ),
    ];
    for (label, value) in lines {
        let _ = writeln!(out, "{label:<12}{value}");
    }
    if s.practice.total > 0 {
        let p = s.practice;
        let _ = writeln!(
            out,
            "{:<12}{} ({} today), {} recalled; they move no due date and are not in \
             retention",
            "Practice",
            if p.total == 1 {
                "1 answer".to_string()
            } else {
                format!("{} answers", p.total)
            },
            p.today,
            percent(Some(p.recalled as f64 / p.total as f64)),
        );
    }
    if let Some(why) = &x.optimize {
        let _ = writeln!(out, "{:<12}{}", "Optimise", sanitize_line(why));
    }
    if let Some(last) = s.mock_scores.last() {
        let scores: Vec<String> = s.mock_scores.iter().map(|m| m.score.to_string()).collect();
        let _ = writeln!(
            out,
            "{:<12}{} (latest {} on {})",
            "Mock scores",
            scores.join(" "),
            last.score,
            last.at.date_naive()
        );
    }
}

fn forecast(out: &mut String, s: &Stats) {
    let max = s.forecast.iter().map(|d| d.due).max().unwrap_or(0);
    let _ = writeln!(
        out,
        "Due in the next {} days (one column a day, highest {max})",
        s.forecast.len()
    );
    let line: String = s
        .forecast
        .iter()
        .map(|d| match d.due {
            0 => '·',
            n => SPARKS[((n * SPARKS.len()).div_ceil(max.max(1))).clamp(1, SPARKS.len()) - 1],
        })
        .collect();
    let _ = writeln!(out, "  {line}");
    let width = s.forecast.len();
    let _ = writeln!(
        out,
        "  today{:>w$}",
        format!("+{}d", width.saturating_sub(1)),
        w = width.saturating_sub(5)
    );
    let sum = |n: usize| s.forecast.iter().take(n).map(|d| d.due).sum::<usize>();
    let tomorrow = s.forecast.get(1).map_or(0, |d| d.due);
    let _ = writeln!(
        out,
        "  today {}, tomorrow {tomorrow}, next 7 days {}, next 30 days {}",
        sum(1),
        sum(7),
        sum(30)
    );
}

fn calendar(out: &mut String, s: &Stats) {
    let max = s.reviews_by_day.values().copied().max().unwrap_or(0);
    let _ = writeln!(
        out,
        "Reviews, last {CALENDAR_WEEKS} weeks (· none, {} more; busiest day {max})",
        SHADES.iter().collect::<String>()
    );
    let weeks = CALENDAR_WEEKS as usize;
    let mut months = vec![' '; weeks];
    let month_of = |w: usize| (s.calendar_start + Duration::weeks(w as i64)).month();
    let starts: Vec<usize> = (1..weeks)
        .filter(|&w| month_of(w) != month_of(w - 1))
        .collect();
    // The first, partial month is labelled only when its label fits before the next one.
    let first = starts.first().is_none_or(|&w| w >= 4).then_some(0);
    for w in first.into_iter().chain(starts) {
        if w + 3 <= weeks {
            let name = month_name(s.calendar_start + Duration::weeks(w as i64));
            months[w..w + 3].copy_from_slice(&name);
        }
    }
    let months: String = months.iter().collect();
    let _ = writeln!(out, "      {}", months.trim_end());
    for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let cells: String = (0..weeks)
            .map(|w| {
                let day = s.calendar_start + Duration::days((w * 7 + row) as i64);
                if day > s.today {
                    return ' ';
                }
                match s.reviews_by_day.get(&day).copied().unwrap_or(0) {
                    0 => '·',
                    n => {
                        let level = (n as usize * SHADES.len()).div_ceil(max.max(1) as usize);
                        SHADES[level.clamp(1, SHADES.len()) - 1]
                    }
                }
            })
            .collect();
        let _ = writeln!(out, "  {name} {}", cells.trim_end());
    }
}

fn month_name(d: NaiveDate) -> [char; 3] {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut c = NAMES[d.month0() as usize % 12].chars();
    [
        c.next().unwrap_or(' '),
        c.next().unwrap_or(' '),
        c.next().unwrap_or(' '),
    ]
}

/// `Some(0.914)` -> "91%", `None` -> "-".
fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |x| format!("{:.0}%", x * 100.0))
}

/// A bar of `width` cells filled to `share` (0 to 1), with eighth-cell precision.
fn bar(share: f64, width: usize) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (share.clamp(0.0, 1.0) * (width * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    let rest = eighths % 8;
    if rest > 0 {
        s.push(EIGHTHS[rest]);
    }
    s
}

/// "45s", "12m", "2h 05m".
fn duration(d: std::time::Duration) -> String {
    let secs = d.as_secs();
    match secs {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m", s / 60),
        s => format!("{}h {:02}m", s / 3600, (s % 3600) / 60),
    }
}

#[cfg(test)]
mod tests;
