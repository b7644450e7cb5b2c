//! The deck problems screen: the file, then every problem as `decks check` prints it.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::{footer, footer_height, hints};
use crate::core::text::sanitize_line;
use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Draw};
use crate::tui::screens::problems::ProblemsScreen;

impl Draw for ProblemsScreen {
    fn render(&self, cx: &Cx, _now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        let t = cx.theme;
        let hint_spans = hints(
            Context::Problems,
            &[
                (Action::OpenBroken, "open in $EDITOR at the error"),
                (Action::NextTab, "next deck"),
                (Action::Down, "scroll"),
                (Action::Help, "help"),
                (Action::Back, "home"),
            ],
            t,
        );
        let foot = footer_height(&hint_spans, cx.message, area.width);
        let [title, body, foot_area] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(foot),
        ])
        .areas(area);
        let n = cx.broken.len();
        let heading = match cx.broken.get(self.selected) {
            Some(b) => format!(
                "Deck {} of {n} that did not load: {}",
                self.selected + 1,
                sanitize_line(&b.origin)
            ),
            None => "Every deck loads.".into(),
        };
        Paragraph::new(Line::from(Span::styled(heading, t.heading())))
            .wrap(ratatui::widgets::Wrap { trim: false })
            .render(title, buf);
        let lines: Vec<Line> = cx
            .broken
            .get(self.selected)
            .map(|b| {
                b.diagnostics
                    .to_string()
                    .lines()
                    .map(|l| Line::raw(sanitize_line(l)))
                    .collect()
            })
            .unwrap_or_default();
        let max = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_sub(body.height);
        Paragraph::new(lines)
            .scroll((self.scroll.min(max), 0))
            .render(body, buf);
        footer(foot_area, buf, hint_spans, cx.message, t);
    }
}
