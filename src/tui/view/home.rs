//! The home screen: decks with their counts, today's progress, weakest categories, actions.

use crate::core::text::truncate_line;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::charts::hbar;
use super::layout::{compact, footer, footer_height, hints, rows};
use crate::core::text::sanitize_line;
use crate::study::DeckCounts;
use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Draw};
use crate::tui::screens::home::HomeScreen;

fn counts_for<'a>(cx: &'a Cx, id: &crate::core::ids::DeckId) -> Option<&'a DeckCounts> {
    cx.overview.decks.iter().find(|c| &c.deck == id)
}

/// Home's hints; with `select`, Enter on the deck list (offered only when the list shows).
fn hint_spans(cx: &Cx, select: bool) -> Vec<Span<'static>> {
    let mut keys = vec![
        (Action::Select, "drill selected"),
        (Action::DrillDue, "drill all due"),
        (Action::Mock, "mock interview"),
        (Action::Weak, "drill weakest"),
        (Action::Practice, "practise"),
        (Action::Stats, "statistics"),
        (Action::History, "history"),
        (
            Action::Own(crate::tui::keys::OwnAction::Search),
            "find a card",
        ),
        (Action::Own(crate::tui::keys::OwnAction::Stories), "stories"),
        (
            Action::Target(crate::tui::keys::TargetAction::Open),
            "targets",
        ),
        (Action::Help, "help"),
        (Action::Back, "quit"),
    ];
    if !select {
        keys.remove(0);
    }
    hints(Context::Home, &keys, cx.theme)
}

/// The screen's rows: title, today, banner, next interview, decks, weakest, gap, footer. On a
/// short terminal the deck list comes before the weakest categories: they are left out when
/// both do not fit.
fn areas(cx: &Cx, home: &HomeScreen, area: Rect, hint_spans: &[Span<'static>]) -> [Rect; 8] {
    let small = compact(area);
    let foot = footer_height(hint_spans, cx.message, area.width);
    let mut weak_rows = if cx.overview.weakest.is_empty() {
        0
    } else {
        rows(cx.overview.weakest.len()).saturating_add(1)
    };
    let banner_rows = banner_height(cx);
    let next_rows = match (&home.next, small) {
        (None, _) => 0,
        (Some(_), true) => 1,
        (Some(_), false) => 3,
    };
    let today_rows = if small { 1 } else { 2 };
    // The header and one deck row, inside the frame when there is one.
    let decks_least = if small { 2 } else { 4 };
    let taken = [1, today_rows, banner_rows, next_rows, foot, decks_least]
        .iter()
        .fold(0u16, |sum, n| sum.saturating_add(*n));
    if taken.saturating_add(weak_rows) > area.height {
        weak_rows = 0;
    }
    // Without the solver when the rows fit: this split is most of the first frame's layout work.
    super::stack::vertical(
        area,
        [
            Constraint::Length(1),
            Constraint::Length(today_rows),
            Constraint::Length(banner_rows),
            Constraint::Length(next_rows),
            Constraint::Max(rows(cx.decks.len()).saturating_add(if small { 2 } else { 4 })),
            Constraint::Length(weak_rows),
            Constraint::Fill(1),
            Constraint::Length(foot),
        ],
    )
}

/// Rows of deck list an area of the deck list shows (inside its frame on a large terminal).
fn deck_rows(area: Rect, small: bool) -> u16 {
    if small {
        area.height
    } else {
        area.height.saturating_sub(2)
    }
}

pub fn render(cx: &Cx, home: &HomeScreen, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let small = compact(area);
    let mut hint_spans = hint_spans(cx, true);
    let mut rows_of = areas(cx, home, area, &hint_spans);
    // No deck row on screen (a banner and a next interview on a short terminal): Enter is not
    // offered for a list that is not shown.
    if deck_rows(rows_of[4], small) == 0 {
        hint_spans = self::hint_spans(cx, false);
        rows_of = areas(cx, home, area, &hint_spans);
    }
    let [title, today, banner, next, decks, weak, _, foot_area] = rows_of;

    Line::from(vec![
        Span::styled("prepdeck", t.title()),
        Span::styled("  interview trainer", t.dim()),
    ])
    .render(title, buf);

    let o = cx.overview;
    let days = if o.streak_days == 1 { "day" } else { "days" };
    Line::from(vec![
        Span::styled("Today: ", t.heading()),
        Span::raw(format!("{} reviewed", o.reviewed_today)),
        Span::styled("  ·  ", t.dim()),
        Span::raw(format!("streak {} {days}", o.streak_days)),
    ])
    .render(today, buf);

    render_banner(cx, banner, buf);
    if let Some(n) = &home.next {
        render_next(cx, n, next, buf, small);
    }

    render_decks(cx, home, decks, buf, small);

    if !o.weakest.is_empty() {
        let mut lines = vec![Line::styled("Weakest categories (readiness)", t.heading())];
        let name_w = usize::from(weak.width).saturating_sub(20).clamp(1, 48);
        let with_deck = cx.decks.len() > 1;
        for w in &o.weakest {
            let name = super::charts::category_name(&w.title, w.deck.as_str(), with_deck);
            let text = format!(
                "  {:<name_w$}{:>4.0}%  {}",
                truncate_line(&name, name_w),
                w.readiness,
                hbar(w.readiness / 100.0, 10)
            );
            lines.push(Line::raw(truncate_line(&text, usize::from(weak.width))));
        }
        Paragraph::new(lines).render(weak, buf);
    }

    footer(foot_area, buf, hint_spans, cx.message, t);
}

/// Broken decks named at most this many at a time on home (`D` lists them all).
const BANNER_DECKS: usize = 3;

fn banner_height(cx: &Cx) -> u16 {
    match cx.broken.len() {
        0 => 0,
        n if n > BANNER_DECKS => BANNER_DECKS as u16 + 2,
        n => n as u16 + 1,
    }
}

/// One line per deck file that did not load, with its first problem, and the keys.
fn render_banner(cx: &Cx, area: Rect, buf: &mut Buffer) {
    if cx.broken.is_empty() {
        return;
    }
    let t = cx.theme;
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = cx
        .broken
        .iter()
        .take(BANNER_DECKS)
        .map(|b| {
            let more = match b.diagnostics.len() {
                0 | 1 => String::new(),
                n => format!(" (+{} more)", n - 1),
            };
            let text = format!("Not loaded: {}{more}", b.short_summary());
            Line::styled(truncate_line(&text, width), t.error())
        })
        .collect();
    if cx.broken.len() > BANNER_DECKS {
        lines.push(Line::styled(
            format!("and {} more deck(s)", cx.broken.len() - BANNER_DECKS),
            t.error(),
        ));
    }
    let mut keys = Vec::new();
    for (action, label) in [
        (Action::Problems, "every problem"),
        (Action::OpenBroken, "fix it in $EDITOR"),
    ] {
        if let Some(k) = crate::tui::keymap::key_for(Context::Home, action) {
            keys.push(Span::styled(k, t.key()));
            keys.push(Span::raw(format!(" {label}  ")));
        }
    }
    lines.push(Line::from(keys));
    Paragraph::new(lines).render(area, buf);
}

/// The next interview: its countdown and today's part of its plan.
fn render_next(cx: &Cx, n: &crate::study::NextTarget, area: Rect, buf: &mut Buffer, small: bool) {
    let t = cx.theme;
    let w = usize::from(area.width);
    let when = crate::core::target::countdown(n.days_left);
    let head = Line::from(vec![
        Span::styled("Interview ", t.heading()),
        Span::styled(when, t.warn()),
        Span::raw(": "),
        Span::raw(truncate_line(
            &sanitize_line(&n.title),
            w.saturating_sub(30).max(8),
        )),
    ]);
    let today = format!(
        "  Today's plan: {} new, {} ({} of {} cards learned; recall on the day if you \
         stopped now {:.0}%) · t: targets, plan, brief",
        n.new_today,
        crate::core::text::count(n.reviews_today, "review", "reviews"),
        n.learned,
        n.cards,
        n.recall_on_day * 100.0
    );
    let mut lines = vec![head];
    if !small {
        lines.push(Line::raw(truncate_line(&today, w)));
    }
    Paragraph::new(lines).render(area, buf);
}

fn render_decks(cx: &Cx, home: &HomeScreen, area: Rect, buf: &mut Buffer, small: bool) {
    let t = cx.theme;
    let inner = if small {
        area
    } else {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border())
            .title(Span::styled(" Decks ", t.heading()));
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    };
    let nums = 18usize; // "  new learn  due" columns
    let name_w = usize::from(inner.width).saturating_sub(nums + 2).max(1);
    let mut lines = vec![Line::styled(
        format!(
            "  {:<name_w$}{:>5}{:>6}{:>5}",
            "Deck", "new", "learn", "due"
        ),
        t.dim(),
    )];
    let total = cx.overview.total;
    let row = |selected: bool, name: &str, c: (usize, usize, usize)| {
        let marker = if selected { "▸ " } else { "  " };
        let text = format!(
            "{marker}{:<name_w$}{:>5}{:>6}{:>5}",
            truncate_line(name, name_w),
            c.0,
            c.1,
            c.2
        );
        if selected {
            Line::styled(text, t.selected())
        } else {
            Line::raw(text)
        }
    };
    lines.push(row(home.selected == 0, "All decks", total));
    for (i, d) in cx.decks.iter().enumerate() {
        // What this row's Enter gives: a drill of this deck alone (the daily limits applied to
        // it only); "All decks" is the day's total, so the rows may add up to more.
        let c = counts_for(cx, &d.id).map_or((0, 0, 0), |c| (c.new_alone, c.learning, c.due_alone));
        lines.push(row(home.selected == i + 1, &sanitize_line(&d.title), c));
    }
    // Keep the selected row on screen.
    let visible = usize::from(inner.height).max(1);
    let first = (home.selected + 2).saturating_sub(visible);
    // Line by line rather than through a `Paragraph`: the same cells (no wrapping here), without
    // the paragraph's line composer, which was most of the first frame's drawing work.
    for (line, y) in lines.iter().skip(first).zip(inner.top()..inner.bottom()) {
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

impl Draw for HomeScreen {
    fn render(&self, cx: &Cx, _now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        render(cx, self, area, buf);
    }
}
