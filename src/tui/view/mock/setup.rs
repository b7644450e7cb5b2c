//! The setup screen: the settings with their values, the decks to tick, and what the selected
//! setting means.

use crate::core::text::truncate_line;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::wrapped;
use crate::core::text::sanitize_line;
use crate::tui::keys::{Action, Context};
use crate::tui::keys::{MockAction, MockCtx};
use crate::tui::screen::{Cx, Draw};
use crate::tui::screens::mock_setup::{SETTINGS, SetupForm};
use crate::tui::view::layout::{compact, footer, footer_height, hints};

pub fn render(cx: &Cx, form: &SetupForm, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let small = compact(area);
    let ctx = Context::Mock(MockCtx::Setup);
    let hint_spans = hints(
        ctx,
        &[
            (Action::Interview(MockAction::Start), "start"),
            (Action::Down, "choose"),
            (Action::Interview(MockAction::More), "change"),
            (Action::Interview(MockAction::Toggle), "tick"),
            (Action::Help, "help"),
            (Action::Interview(MockAction::Home), "back"),
        ],
        t,
    );
    let foot = footer_height(&hint_spans, cx.message, area.width);
    let w = usize::from(area.width);
    let about = match form.setting() {
        Some(s) => s.help(),
        None => "Tick the decks to draw from; none ticked means every deck.",
    };
    let about_lines = wrapped(about, t.dim(), w);
    let about_h = if small {
        0
    } else {
        u16::try_from(about_lines.len()).unwrap_or(3).min(3)
    };
    let [title, _, body, about_area, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if small { 0 } else { 1 }),
        Constraint::Fill(1),
        Constraint::Length(about_h),
        Constraint::Length(foot),
    ])
    .areas(area);

    let pool = form.pool(cx.decks);
    let about_pool = match &form.target {
        // The questions come from the job; the decks and focus rows do not apply.
        Some((_, job)) => Span::styled(
            crate::core::text::truncate_line(
                &format!(
                    "  for the job: {} (T: the whole bank)",
                    crate::core::text::sanitize_line(job)
                ),
                w.saturating_sub(20),
            ),
            t.warn(),
        ),
        None => {
            let focused = form.focused_pool(cx.decks);
            let text = if focused < pool {
                format!("  {focused} of {pool} cards match the focus")
            } else {
                format!("  {pool} cards in the chosen decks")
            };
            Span::styled(text, t.dim())
        }
    };
    Line::from(vec![
        Span::styled("Mock interview setup", t.title()),
        about_pool,
    ])
    .render(title, buf);

    let label_w = 14;
    let mut lines: Vec<Line> = Vec::new();
    for (i, s) in SETTINGS.iter().enumerate() {
        let selected = form.row == i;
        let value = form.value(*s, cx.decks);
        let text = format!(
            "{}{:<label_w$}◂ {} ▸",
            if selected { "▸ " } else { "  " },
            s.label(),
            sanitize_line(&value)
        );
        let text = truncate_line(&text, w);
        lines.push(if selected {
            Line::styled(text, t.selected())
        } else {
            Line::raw(text)
        });
    }
    let all = form.setup.decks.is_empty();
    lines.push(Line::styled(
        if all {
            "  Decks (none ticked: every deck)"
        } else {
            "  Decks"
        },
        t.heading(),
    ));
    for (i, d) in cx.decks.iter().enumerate() {
        let row = SETTINGS.len() + i;
        let selected = form.row == row;
        let mark = if form.is_ticked(&d.id) { "[x]" } else { "[ ]" };
        let text = format!(
            "{}{mark} {} ({} cards)",
            if selected { "▸ " } else { "  " },
            sanitize_line(&d.title),
            d.cards.len()
        );
        let text = truncate_line(&text, w);
        lines.push(if selected {
            Line::styled(text, t.selected())
        } else {
            Line::raw(text)
        });
    }
    // Keep the selected row on screen (deck rows come after the heading line).
    let selected_line = if form.row < SETTINGS.len() {
        form.row
    } else {
        form.row + 1
    };
    let visible = usize::from(body.height).max(1);
    let first = (selected_line + 1).saturating_sub(visible);
    Paragraph::new(lines)
        .scroll((u16::try_from(first).unwrap_or(0), 0))
        .render(body, buf);
    Paragraph::new(about_lines).render(about_area, buf);
    footer(foot_area, buf, hint_spans, cx.message, t);
}

impl Draw for SetupForm {
    fn render(&self, cx: &Cx, _now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        render(cx, self, area, buf);
    }
}
