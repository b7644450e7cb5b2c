//! The statistics screen: a row of sections (tabs), the current section, and the key hints.
//!
//! Each section is a list of text lines ([`stats_tabs`]), so every one scrolls the same way and
//! small terminals lose nothing: what does not fit is one scroll away.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::{compact, footer, footer_height, hints, width};
use super::stats_tabs::{Body, body};
use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Draw, Level};
use crate::tui::screens::stats::{StatsScreen, Tab};
use crate::tui::theme::Theme;

fn hint_spans(theme: Theme) -> Vec<Span<'static>> {
    hints(
        Context::Stats,
        &[
            (Action::NextTab, "next section"),
            (Action::Down, "scroll"),
            (Action::Weak, "drill weakest"),
            (Action::Help, "help"),
            (Action::Back, "back"),
        ],
        theme,
    )
}

/// The screen's rows: tabs, body, footer.
fn frame(area: Rect, theme: Theme, message: Option<&(Level, String)>) -> [Rect; 3] {
    let foot = footer_height(&hint_spans(theme), message, area.width);
    let gap = if compact(area) { 0 } else { 1 };
    let [tabs, _, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Fill(1),
        Constraint::Length(foot),
    ])
    .areas(area);
    [tabs, body, foot]
}

impl StatsScreen {
    /// How far the current section can scroll at terminal size `size`, and a page's height.
    /// Measured here, beside the drawing it must agree with.
    pub fn scroll_room(&self, theme: Theme, size: (u16, u16)) -> (u16, u16) {
        let area = Rect::new(0, 0, size.0, size.1);
        let [_, area, _] = frame(area, theme, None);
        let b = body(&self.stats, self.tab, theme, area.width, area.height);
        let visible = usize::from(area.height).saturating_sub(b.sticky.len());
        let room = b.lines.len().saturating_sub(visible);
        (
            u16::try_from(room).unwrap_or(u16::MAX),
            u16::try_from(visible.max(1)).unwrap_or(1),
        )
    }
}

pub fn render(cx: &Cx, s: &StatsScreen, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let [tabs, area_body, foot] = frame(area, t, cx.message);
    tab_bar(s.tab, t, tabs.width).render(tabs, buf);

    let Body { sticky, lines } = body(&s.stats, s.tab, t, area_body.width, area_body.height);
    let sticky_h = u16::try_from(sticky.len())
        .unwrap_or(0)
        .min(area_body.height);
    let [head, rest] =
        Layout::vertical([Constraint::Length(sticky_h), Constraint::Fill(1)]).areas(area_body);
    Paragraph::new(sticky).render(head, buf);
    let room = lines.len().saturating_sub(usize::from(rest.height));
    let scroll = usize::from(s.scroll).min(room);
    let more_below = scroll < room;
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(0), 0))
        .render(rest, buf);
    // Say that there is more, at the right end of the tab row (never over the figures).
    if (more_below || scroll > 0) && tabs.width > 4 {
        let mark = match (scroll > 0, more_below) {
            (true, true) => "↑↓",
            (true, false) => "↑ ",
            _ => " ↓",
        };
        let x = tabs.right().saturating_sub(2);
        buf.set_string(x, tabs.y, mark, t.dim());
    }

    footer(foot, buf, hint_spans(t), cx.message, t);
}

/// "Statistics  Overview │ Categories │ …" with the current section marked; a short form
/// ("‹ Overview › 1/4") where that does not fit.
fn tab_bar(current: Tab, t: Theme, cols: u16) -> Line<'static> {
    let mut spans = vec![Span::styled("Statistics", t.title()), Span::raw("  ")];
    for (i, tab) in Tab::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", t.dim()));
        }
        let style = if *tab == current {
            t.selected()
        } else {
            t.dim()
        };
        spans.push(Span::styled(tab.title(), style));
    }
    let full: usize = spans.iter().map(|s| width(&s.content)).sum();
    if full <= usize::from(cols) {
        return Line::from(spans);
    }
    let n = Tab::ALL.iter().position(|x| *x == current).unwrap_or(0) + 1;
    let short = vec![
        Span::styled("‹ ", t.dim()),
        Span::styled(current.title(), t.selected()),
        Span::styled(format!(" › {n}/{}", Tab::ALL.len()), t.dim()),
    ];
    let short_w = 6 + current.title().len() + 3;
    if usize::from(cols) >= short_w + 12 {
        let mut with_title = vec![Span::styled("Statistics", t.title()), Span::raw("  ")];
        with_title.extend(short);
        Line::from(with_title)
    } else {
        Line::from(short)
    }
}

impl Draw for StatsScreen {
    fn render(&self, cx: &Cx, _now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        render(cx, self, area, buf);
    }
}
