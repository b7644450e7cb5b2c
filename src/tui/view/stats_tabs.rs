//! The statistics screen's sections as text lines, laid out for a given width.
//!
//! Pure: [`Stats`] in, lines out. Wider terminals get wider columns and bars; narrow ones drop
//! the least important columns. Nothing here depends on colour: bars and the calendar are made
//! of block characters, so `NO_COLOR` loses no information.

use crate::core::text::truncate_line;
use ratatui::text::{Line, Span};

use super::charts::{SHADES, calendar, column_chart, hbar, side_by_side, sparkline};
use super::layout::{duration_words, width};
use crate::core::stats::{CALENDAR_WEEKS, CategoryStats, Stats};
use crate::core::text::sanitize_line;
use crate::tui::screens::stats::Tab;
use crate::tui::theme::Theme;

/// A section: lines that stay at the top (a table's header), then lines that scroll.
pub struct Body {
    pub sticky: Vec<Line<'static>>,
    pub lines: Vec<Line<'static>>,
}

/// The lines of section `tab` for a body `cols` wide and `rows` tall.
pub fn body(s: &Stats, tab: Tab, t: Theme, cols: u16, rows: u16) -> Body {
    let w = usize::from(cols);
    let h = usize::from(rows);
    match tab {
        // Wide enough for two columns: the calendar and forecast sit beside the overview.
        Tab::Overview if w >= WIDE => {
            let right_w = w - DASH_LEFT - 2;
            Body {
                sticky: vec![],
                lines: side_by_side(
                    overview(s, t, DASH_LEFT),
                    activity(s, t, right_w, h),
                    DASH_LEFT + 2,
                ),
            }
        }
        Tab::Overview => Body {
            sticky: vec![],
            lines: overview(s, t, w),
        },
        Tab::Categories => categories(s, t, w),
        Tab::Activity => Body {
            sticky: vec![],
            lines: activity(s, t, w, h),
        },
        Tab::Mocks => Body {
            sticky: vec![],
            lines: mocks(s, t, w, h),
        },
    }
}

/// From this width the overview also shows the activity section, in a second column.
const WIDE: usize = 118;
/// The overview column's width on wide terminals.
const DASH_LEFT: usize = 54;

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{:.0}%", v * 100.0))
}

fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

fn field(t: Theme, label: &str, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {label:<12}"), t.dim()),
        Span::raw(value),
    ])
}

fn overview(s: &Stats, t: Theme, w: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled("Totals", t.heading())];
    out.push(field(
        t,
        "Cards",
        format!("{}, {} seen", s.cards_total, s.seen_total),
    ));
    out.push(field(
        t,
        "Reviews",
        format!("{}, {} today", s.reviews_total, s.reviewed_today),
    ));
    out.push(field(t, "Due now", {
        // Learning cards come due again later today: the forecast counts them.
        let due_today = s.forecast.first().map_or(0, |d| d.due);
        if due_today > s.due_now {
            format!(
                "{} ({due_today} by the end of the day; and {} new today)",
                s.due_now, s.new_available_today
            )
        } else {
            format!("{} (and {} new today)", s.due_now, s.new_available_today)
        }
    }));
    out.push(field(
        t,
        "Retention",
        match s.retention {
            Some(_) => format!(
                "{} of review cards passed, 90 days; you aim for {}",
                percent(s.retention),
                percent(Some(s.desired_retention))
            ),
            None => format!(
                "- (no review cards yet); you aim for {}",
                percent(Some(s.desired_retention))
            ),
        },
    ));
    if s.practice.total > 0 {
        let p = s.practice;
        out.push(field(
            t,
            "Practice",
            format!(
                "{}, {} today, {} recalled (no due date moved)",
                plural(p.total as u64, "answer", "answers"),
                p.today,
                percent(Some(p.recalled as f64 / p.total as f64))
            ),
        ));
    }
    out.push(field(
        t,
        "Time spent",
        format!(
            "{} today, {} in total",
            duration_words(s.time_spent_ms.today),
            duration_words(s.time_spent_ms.total)
        ),
    ));
    out.push(field(t, "Streak", plural(s.streak_days, "day", "days")));
    let mock = match s.mock_scores.last() {
        None => "no mock interviews yet".to_string(),
        Some(last) => {
            let room = w.saturating_sub(14 + 16).clamp(1, 40);
            let scores: Vec<u64> = s.mock_scores.iter().map(|m| u64::from(m.score)).collect();
            let from = scores.len().saturating_sub(room);
            format!("{} latest {}", sparkline(&scores[from..], 100), last.score)
        }
    };
    out.push(field(t, "Mock scores", mock));
    out.push(Line::raw(""));
    out.push(Line::styled(
        "Readiness by category, weakest first",
        t.heading(),
    ));
    if s.categories.is_empty() {
        out.push(Line::styled("  No cards in the decks.", t.dim()));
    }
    let name_w = (w / 2).clamp(8, 44);
    let bar_w = w.saturating_sub(2 + name_w + 1 + 4).min(50);
    let with_deck = s.categories.iter().any(|c| c.deck != s.categories[0].deck);
    for c in &s.categories {
        let name = super::charts::category_name(&c.title, c.deck.as_str(), with_deck);
        let name = format!("  {:<name_w$} ", truncate_line(&name, name_w));
        out.push(Line::from(vec![
            Span::raw(name),
            Span::styled(hbar(c.readiness / 100.0, bar_w), t.good()),
            Span::raw(format!("{:>4.0}", c.readiness)),
        ]));
    }
    out
}

/// Which table columns fit, narrowest terminals dropping the most.
struct Columns {
    deck: usize,
    name: usize,
    counts: bool,
    rates: bool,
    bar: usize,
}

impl Columns {
    fn fit(rows: &[CategoryStats], w: usize) -> Columns {
        let deck = if w >= 72 {
            rows.iter()
                .map(|r| width(&sanitize_line(r.deck.as_str())))
                .max()
                .unwrap_or(4)
                .clamp(4, 16)
        } else {
            0
        };
        let counts = w >= 44;
        let rates = w >= 56;
        let bar = match w {
            w if w >= 110 => 20,
            w if w >= 72 => 8,
            _ => 0,
        };
        let fixed = 2
            + if deck > 0 { deck + 2 } else { 0 }
            + if counts { 6 + 5 + 5 } else { 0 }
            + if rates { 7 + 6 } else { 0 }
            + 6
            + if bar > 0 { bar + 1 } else { 0 };
        let name = w.saturating_sub(fixed).max(8);
        Columns {
            deck,
            name,
            counts,
            rates,
            bar,
        }
    }

    fn row(&self, deck: &str, name: &str, nums: [&str; 5], ready: &str) -> String {
        let mut s = String::from("  ");
        if self.deck > 0 {
            s += &format!("{:<w$}  ", truncate_line(deck, self.deck), w = self.deck);
        }
        s += &format!("{:<w$}", truncate_line(name, self.name), w = self.name);
        if self.counts {
            s += &format!(" {:>5} {:>4} {:>4}", nums[0], nums[1], nums[2]);
        }
        if self.rates {
            s += &format!(" {:>6} {:>5}", nums[3], nums[4]);
        }
        s += &format!(" {ready:>5}");
        s
    }
}

fn categories(s: &Stats, t: Theme, w: usize) -> Body {
    let cols = Columns::fit(&s.categories, w);
    let mut head = cols.row(
        "DECK",
        "CATEGORY",
        ["CARDS", "SEEN", "DUE", "RETAIN", "MOCK"],
        "READY",
    );
    if cols.bar > 0 {
        head.push(' ');
    }
    let sticky = vec![
        Line::styled(
            format!(
                "Readiness by category, weakest first ({})",
                plural(s.categories.len() as u64, "category", "categories")
            ),
            t.heading(),
        ),
        Line::styled(head, t.dim()),
    ];
    let mut lines = vec![];
    if s.categories.is_empty() {
        lines.push(Line::styled("  No cards in the decks.", t.dim()));
    }
    for c in &s.categories {
        let nums = [
            c.cards.to_string(),
            c.seen.to_string(),
            c.due.to_string(),
            percent(c.retention),
            percent(c.mock_coverage),
        ];
        let text = cols.row(
            &sanitize_line(c.deck.as_str()),
            &sanitize_line(&c.title),
            [&nums[0], &nums[1], &nums[2], &nums[3], &nums[4]],
            &format!("{:.0}", c.readiness),
        );
        let mut spans = vec![Span::raw(text)];
        if cols.bar > 0 {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(hbar(c.readiness / 100.0, cols.bar), t.good()));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "  RETAIN: review cards passed (90 days)  MOCK: key points covered in mocks",
        t.dim(),
    ));
    Body { sticky, lines }
}

fn activity(s: &Stats, t: Theme, w: usize, h: usize) -> Vec<Line<'static>> {
    let weeks = CALENDAR_WEEKS as usize;
    let cell = if w >= 4 + weeks * 2 { 2 } else { 1 };
    let mut out = vec![Line::styled(
        format!("Reviews per day, last {weeks} weeks"),
        t.heading(),
    )];
    let grid = calendar(&s.reviews_by_day, s.calendar_start, s.today, weeks, cell);
    for (i, row) in grid.into_iter().enumerate() {
        if i == 0 {
            out.push(Line::styled(row, t.dim()));
        } else {
            let (label, cells) = row.split_at(row.len().min(4));
            out.push(Line::from(vec![
                Span::styled(label.to_string(), t.dim()),
                Span::styled(cells.to_string(), t.good()),
            ]));
        }
    }
    let busiest = s.reviews_by_day.values().copied().max().unwrap_or(0);
    let legend: String = SHADES.iter().flat_map(|c| [*c, ' ']).collect();
    out.push(Line::styled(format!("    less {legend}more"), t.dim()));
    out.push(Line::styled(
        format!(
            "    busiest day {busiest} · {} · streak {}",
            plural(s.reviews_by_day.len() as u64, "study day", "study days"),
            plural(s.streak_days, "day", "days"),
        ),
        t.dim(),
    ));
    out.push(Line::raw(""));

    let total: usize = s.forecast.iter().map(|d| d.due).sum();
    out.push(Line::styled(
        format!(
            "Due in the next {} days ({} today, {total} in all)",
            s.forecast.len(),
            s.forecast.first().map_or(0, |d| d.due)
        ),
        t.heading(),
    ));
    if total == 0 {
        out.push(Line::styled(
            "  Nothing comes due: cards you study are scheduled here.",
            t.dim(),
        ));
        return out;
    }
    let values: Vec<u64> = s.forecast.iter().map(|d| d.due as u64).collect();
    let height = h.saturating_sub(out.len() + 1).clamp(3, 12);
    let labels: Vec<(usize, String)> = [0usize, 7, 14, 21, 28]
        .iter()
        .filter(|i| **i < values.len())
        .map(|&i| {
            let text = if i == 0 {
                "today".to_string()
            } else {
                format!("+{i}")
            };
            (i, text)
        })
        .collect();
    out.extend(column_chart(&values, None, height, w, &labels, t));
    out
}

fn mocks(s: &Stats, t: Theme, w: usize, h: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        "Mock interview scores (0 to 100), oldest first",
        t.heading(),
    )];
    if s.mock_scores.is_empty() {
        out.push(Line::raw("  No mock interviews yet."));
        out.push(Line::styled(
            "  `prepdeck mock` runs one; its score shows here.",
            t.dim(),
        ));
        return out;
    }
    let values: Vec<u64> = s.mock_scores.iter().map(|m| u64::from(m.score)).collect();
    let height = h.saturating_sub(6).clamp(3, 8);
    out.extend(column_chart(&values, Some(100), height, w, &[], t));
    out.push(Line::raw(""));
    out.push(Line::styled("Latest first", t.heading()));
    for m in s.mock_scores.iter().rev() {
        let how = m.ending;
        out.push(Line::raw(format!(
            "  {}  {:>3}  {how}",
            m.at.format("%Y-%m-%d"),
            m.score
        )));
    }
    out
}
