//! The help overlay: every key of the current screen, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::core::text::truncate_line;
use crate::tui::keymap::help_rows;
use crate::tui::keys::Context;
use crate::tui::screen::Cx;

pub fn render(cx: &Cx, ctx: Context, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let rows = help_rows(ctx);
    let key_w = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let want_w = rows
        .iter()
        .map(|(_, d)| key_w + 2 + d.chars().count())
        .max()
        .unwrap_or(0) as u16
        + 4;
    let w = want_w.min(area.width);
    let h = super::layout::rows(rows.len())
        .saturating_add(3)
        .min(area.height);
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    let popup = Rect::new(x, y, w, h);
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.key())
        .title(Span::styled(
            format!(" Keys: {} ", ctx.title()),
            t.heading(),
        ))
        .title_bottom(Span::styled(" any key closes ", t.dim()));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let desc_w = usize::from(inner.width).saturating_sub(key_w + 2);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!("{k:<key_w$}  "), t.key()),
                Span::raw(truncate_line(d, desc_w)),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
