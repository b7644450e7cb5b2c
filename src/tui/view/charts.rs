//! Charts drawn as text: horizontal bars, column charts and the review calendar.
//!
//! Plain strings of block characters, so they read the same with `NO_COLOR`, in snapshots and
//! through a screen reader's "read line"; colour is only ever added on top.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// Eighths of a cell, growing upwards (index 0 is empty).
const UP: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// Eighths of a cell, growing rightwards (index 0 is empty).
const RIGHT: [char; 9] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
/// Calendar intensities: no reviews, then four quarters of the busiest day.
pub const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];

/// A bar `width` cells long filled to `fraction` (0..=1), in eighths, padded with spaces.
pub fn hbar(fraction: f64, width: usize) -> String {
    let f = if fraction.is_nan() {
        0.0
    } else {
        fraction.clamp(0.0, 1.0)
    };
    let eighths = (f * width as f64 * 8.0).round() as usize;
    let mut out = String::with_capacity(width * 3);
    for cell in 0..width {
        let fill = eighths.saturating_sub(cell * 8).min(8);
        out.push(RIGHT[fill]);
    }
    out
}

/// A column chart `height` rows tall: one column per value, `bar` cells wide, `gap` cells
/// apart, scaled so `max` fills the height. Any value above 0 shows at least an eighth.
/// Rows are returned top first.
pub fn columns(values: &[u64], max: u64, height: usize, bar: usize, gap: usize) -> Vec<String> {
    let max = max.max(1);
    let total = height as u64 * 8;
    let scaled: Vec<u64> = values
        .iter()
        .map(|&v| {
            let s = (v.min(max) * total + max / 2) / max;
            if v > 0 { s.max(1) } else { 0 }
        })
        .collect();
    (0..height)
        .map(|row| {
            let from_bottom = (height - 1 - row) as u64;
            let mut line = String::new();
            for (i, s) in scaled.iter().enumerate() {
                if i > 0 {
                    line.extend(std::iter::repeat_n(' ', gap));
                }
                let fill = s.saturating_sub(from_bottom * 8).min(8) as usize;
                line.extend(std::iter::repeat_n(UP[fill], bar));
            }
            line
        })
        .collect()
}

/// A one-row sparkline of `values` scaled to `max`.
pub fn sparkline(values: &[u64], max: u64) -> String {
    let max = max.max(1);
    values
        .iter()
        .map(|&v| {
            let level = (v.min(max) * 7 + max / 2) / max;
            UP[1 + level as usize]
        })
        .collect()
}

/// The calendar intensity of a day with `n` reviews when the busiest day had `max`.
pub fn shade(n: u32, max: u32) -> char {
    if n == 0 || max == 0 {
        return SHADES[0];
    }
    let level = (u64::from(n) * 4).div_ceil(u64::from(max)).clamp(1, 4);
    SHADES[level as usize]
}

/// The review calendar: a month header, then one row per weekday (Monday first), one column
/// per week from `start` (a Monday) to the week of `today`; each column `cell` cells wide.
/// Days after `today` are blank. Rows start with a 4-cell weekday label.
pub fn calendar(
    days: &BTreeMap<NaiveDate, u32>,
    start: NaiveDate,
    today: NaiveDate,
    weeks: usize,
    cell: usize,
) -> Vec<String> {
    let cell = cell.max(1);
    let max = days.values().copied().max().unwrap_or(0);
    let mut header: Vec<char> = vec![' '; 4 + weeks * cell];
    let mut free_from = 4;
    for w in 0..weeks {
        let monday = start + Duration::weeks(w as i64);
        let sunday = monday + Duration::days(6);
        // Label the week in which a month begins, and the first week when its month goes on
        // for a while (otherwise its label would crowd out the next month's).
        if (w == 0 && monday.day() <= 14) || sunday.month() != monday.month() || monday.day() == 1 {
            let month = if w == 0 { monday } else { sunday };
            let label = month.format("%b").to_string();
            let at = 4 + w * cell;
            if at >= free_from && at + label.len() <= header.len() {
                for (i, c) in label.chars().enumerate() {
                    header[at + i] = c;
                }
                free_from = at + label.len() + 1;
            }
        }
    }
    let mut rows = vec![
        header
            .into_iter()
            .collect::<String>()
            .trim_end()
            .to_string(),
    ];
    for (d, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let mut line = format!("{name} ");
        for w in 0..weeks {
            let day = start + Duration::days((w * 7 + d) as i64);
            let c = if day > today {
                ' '
            } else {
                shade(days.get(&day).copied().unwrap_or(0), max)
            };
            line.push(c);
            line.extend(std::iter::repeat_n(' ', cell - 1));
        }
        rows.push(line.trim_end().to_string());
    }
    rows
}

/// `left` and `right` as columns: each left line padded to `at` cells.
pub fn side_by_side(
    left: Vec<Line<'static>>,
    right: Vec<Line<'static>>,
    at: usize,
) -> Vec<Line<'static>> {
    let n = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..n)
        .map(|_| {
            let mut line = left.next().unwrap_or_default();
            if let Some(r) = right.next() {
                let pad = at.saturating_sub(line.width());
                line.spans.push(Span::raw(" ".repeat(pad)));
                line.spans.extend(r.spans);
            }
            line
        })
        .collect()
}

/// A column chart with the maximum on the top row's axis and `labels` under given columns.
/// Only the last values that fit are drawn (the newest, for time series).
pub fn column_chart(
    values: &[u64],
    max: Option<u64>,
    height: usize,
    w: usize,
    labels: &[(usize, String)],
    t: Theme,
) -> Vec<Line<'static>> {
    let max = max.unwrap_or_else(|| values.iter().copied().max().unwrap_or(0));
    let margin = max.to_string().len().max(1) + 3;
    let room = w.saturating_sub(margin);
    let n = values.len().max(1);
    let (bar, gap) = if room >= n * 3 - 1 {
        (2, 1)
    } else if room >= n * 2 - 1 {
        (1, 1)
    } else {
        (1, 0)
    };
    let fit = (room + gap).checked_div(bar + gap).unwrap_or(0);
    let shown = &values[values.len().saturating_sub(fit)..];
    let offset = values.len() - shown.len();
    let rows = columns(shown, max, height, bar, gap);
    let mut out = vec![];
    for (i, row) in rows.into_iter().enumerate() {
        let axis = if i == 0 {
            format!("{max:>aw$} ┤", aw = margin - 2)
        } else {
            format!("{:>aw$} │", "", aw = margin - 2)
        };
        out.push(Line::from(vec![
            Span::styled(axis, t.dim()),
            Span::styled(row, t.good()),
        ]));
    }
    let mut axis: Vec<char> = format!("{:>aw$} └", "0", aw = margin - 2).chars().collect();
    let mut free = axis.len();
    for (i, text) in labels {
        let Some(col) = i.checked_sub(offset) else {
            continue;
        };
        let at = margin + col * (bar + gap);
        if at < free || at + text.len() > w {
            continue;
        }
        axis.resize(at, ' ');
        axis.extend(text.chars());
        free = at + text.len() + 1;
    }
    out.push(Line::styled(axis.into_iter().collect::<String>(), t.dim()));
    out
}

/// A category as lists name it: with its deck's id when more than one deck is loaded, since
/// two decks may both have a "Service management".
pub(crate) fn category_name(title: &str, deck: &str, with_deck: bool) -> String {
    use crate::core::text::sanitize_line;
    if with_deck {
        format!("{} · {}", sanitize_line(title), sanitize_line(deck))
    } else {
        sanitize_line(title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hbar_fills_in_eighths() {
        assert_eq!(hbar(0.0, 4), "    ");
        assert_eq!(hbar(1.0, 4), "████");
        assert_eq!(hbar(0.5, 3), "█▌ ");
        assert_eq!(hbar(f64::NAN, 2), "  ");
        assert_eq!(hbar(7.0, 0), "");
    }

    #[test]
    fn columns_scale_to_the_height_and_show_small_values() {
        let rows = columns(&[0, 1, 8, 4], 8, 2, 1, 1);
        assert_eq!(rows, vec!["    █  ", "  ▂ █ █"]);
        assert!(columns(&[3], 0, 0, 1, 0).is_empty());
    }

    #[test]
    fn shades_by_quarter_of_the_busiest_day() {
        assert_eq!(shade(0, 10), '·');
        assert_eq!(shade(1, 10), '░');
        assert_eq!(shade(5, 10), '▒');
        assert_eq!(shade(7, 10), '▓');
        assert_eq!(shade(8, 10), '█');
        assert_eq!(shade(10, 10), '█');
        assert_eq!(sparkline(&[0, 100, 50], 100), "▁█▅");
    }

    #[test]
    fn calendar_has_weekday_rows_and_blank_future() {
        let start: NaiveDate = "2026-03-02".parse().unwrap(); // a Monday
        let today: NaiveDate = "2026-03-11".parse().unwrap(); // Wednesday of week 2
        let days = BTreeMap::from([(today, 4), (start, 1)]);
        let rows = calendar(&days, start, today, 2, 2);
        assert_eq!(rows.len(), 8);
        assert_eq!(rows[0], "    Mar");
        assert_eq!(rows[1], "Mon ░ ·");
        assert_eq!(rows[3], "Wed · █");
        assert_eq!(rows[4], "Thu ·");
    }
}
