//! The history screen: past mock interviews newest first (date, answered, score, status with
//! the ungraded count), the selected one's decks and id, and what Enter does with it.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::layout::{compact, footer, footer_height, hints, rows, wrap};
use crate::core::text::{sanitize_line, truncate_line};
use crate::tui::keymap::key_for;
use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Draw};
use crate::tui::screens::history::{HistoryRow, HistoryScreen};

/// The status column: how it ended, and the questions left ungraded (only those when
/// narrow).
fn status(r: &HistoryRow, narrow: bool) -> String {
    match (r.ungraded, narrow) {
        (0, _) => r.ending.label().to_string(),
        (n, true) => format!("{n} ungraded"),
        (n, false) => format!("{}, {n} ungraded", r.ending.label()),
    }
}

/// The list's columns at a width: (header, a row), the decks last when there is room.
struct Columns {
    narrow: bool,
    decks_w: usize,
}

impl Columns {
    /// Wide: date 16, answered 8, score 5, status 24 and the decks in what is left (at least
    /// 10 cells); narrow (under 66 cells): date, answered, score and a short status.
    fn at(w: usize) -> Columns {
        let narrow = w < 66;
        let decks_w = w.saturating_sub(2 + 63 + 2);
        Columns {
            narrow,
            decks_w: if !narrow && decks_w >= 10 { decks_w } else { 0 },
        }
    }

    fn line(&self, date: &str, answered: &str, score: &str, status: &str, decks: &str) -> String {
        if self.narrow {
            return format!("{date:<16} {answered:>4} {score:>5} {status}");
        }
        let mut s = format!("{date:<16}  {answered:>8}  {score:>5}  {status:<24}");
        if self.decks_w > 0 {
            s.push_str("  ");
            s.push_str(&truncate_line(decks, self.decks_w));
        }
        s
    }

    fn header(&self) -> String {
        let answered = if self.narrow { "Done" } else { "Answered" };
        self.line("Date", answered, "Score", "Status", "Decks")
    }

    fn row(&self, r: &HistoryRow) -> String {
        self.line(
            &r.started,
            &format!("{}/{}", r.answered, r.questions),
            &r.score.to_string(),
            &status(r, self.narrow),
            &sanitize_line(&r.decks.join(", ")),
        )
    }
}

pub fn render(cx: &Cx, h: &HistoryScreen, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let small = compact(area);
    let hint_spans = hints(
        Context::History,
        &[
            (Action::Open, "open / grade"),
            (Action::Down, "choose"),
            (Action::Help, "help"),
            (Action::Back, "back"),
        ],
        t,
    );
    let foot = footer_height(&hint_spans, cx.message, area.width);
    let detail = h
        .rows
        .get(h.selected)
        .filter(|_| area.height >= 12)
        .map(|r| detail_lines(cx, r, usize::from(area.width), small))
        .unwrap_or_default();
    let detail_h = rows(detail.len());
    let [title, _, list, detail_area, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if small { 0 } else { 1 }),
        Constraint::Fill(1),
        Constraint::Length(detail_h),
        Constraint::Length(foot),
    ])
    .areas(area);
    let w = usize::from(area.width);

    let n = h.rows.len();
    let summary = match (n, h.with_ungraded()) {
        (0, _) => String::new(),
        (n, 0) => format!("  {n} interview(s), all graded"),
        (n, u) => format!("  {n} interview(s), {u} with questions to grade"),
    };
    let head = Line::from(vec![
        Span::styled("Past mock interviews", t.title()),
        Span::styled(summary, t.dim()),
    ]);
    Paragraph::new(head).render(title, buf);

    if h.rows.is_empty() {
        let mock = key_for(Context::Home, Action::Mock).unwrap_or_default();
        let text = format!(
            "No mock interviews yet. Press {mock} on the home screen to start one; each \
             interview you do is listed here, with its score and any questions left to grade."
        );
        Paragraph::new(text)
            .style(t.dim())
            .wrap(Wrap { trim: true })
            .render(list, buf);
        footer(foot_area, buf, hint_spans, cx.message, t);
        return;
    }

    let cols = Columns::at(w);
    let mut lines = vec![Line::styled(
        truncate_line(&format!("  {}", cols.header()), w),
        t.dim(),
    )];
    for (i, r) in h.rows.iter().enumerate() {
        let selected = i == h.selected;
        let marker = if selected { "▸ " } else { "  " };
        let text = truncate_line(&format!("{marker}{}", cols.row(r)), w);
        let style = if selected {
            t.selected()
        } else if r.ungraded > 0 {
            t.warn()
        } else {
            t.text()
        };
        lines.push(Line::styled(text, style));
    }
    // Keep the selected row on screen (the header is the first line).
    let visible = usize::from(list.height).max(1);
    let first = (h.selected + 2).saturating_sub(visible);
    Paragraph::new(lines)
        .scroll((u16::try_from(first).unwrap_or(0), 0))
        .render(list, buf);

    Paragraph::new(detail).render(detail_area, buf);
    footer(foot_area, buf, hint_spans, cx.message, t);
}

/// The selected interview's lines: its decks and id (unless small), and what opening it
/// offers, wrapped to `w`.
fn detail_lines(cx: &Cx, r: &HistoryRow, w: usize, small: bool) -> Vec<Line<'static>> {
    let t = cx.theme;
    let enter = key_for(Context::History, Action::Open).unwrap_or_default();
    let what = match r.ungraded {
        0 => format!("{enter} opens its debrief."),
        1 => format!(
            "{enter} opens it to grade 1 question, its suggested grade offered again (your \
             schedule has not heard of it)."
        ),
        n => format!(
            "{enter} opens it to grade {n} questions, their suggested grades offered again \
             (your schedule has not heard of them)."
        ),
    };
    let mut lines = Vec::new();
    if !small {
        lines.push(Line::raw(""));
        let decks = format!(
            "Decks: {} · {}",
            sanitize_line(&r.decks.join(", ")),
            sanitize_line(r.id.as_str())
        );
        lines.push(Line::styled(truncate_line(&decks, w), t.dim()));
    }
    let style = if r.ungraded > 0 { t.warn() } else { t.dim() };
    lines.extend(wrap(&what, w).into_iter().map(|l| Line::styled(l, style)));
    lines
}

impl Draw for HistoryScreen {
    fn render(&self, cx: &Cx, _now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        render(cx, self, area, buf);
    }
}
