//! The "new target" form: five one-line fields and the job description's text box.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::layout::{footer, footer_height, hints};
use crate::core::text::truncate_line;
use crate::tui::keys::{Action, Context, TargetAction, TargetCtx};
use crate::tui::screen::Cx;
use crate::tui::screens::target_form::{FIELDS, JOB};
use crate::tui::screens::targets::TargetsScreen;

/// Width of the labels column.
const LABEL: u16 = 16;

pub fn render(cx: &Cx, s: &TargetsScreen, area: Rect, buf: &mut Buffer) {
    let Some(form) = &s.form else {
        return;
    };
    let t = cx.theme;
    let ta = Action::Target;
    let hint_spans = hints(
        Context::Target(TargetCtx::Form),
        &[
            (ta(TargetAction::NextField), "next field"),
            (ta(TargetAction::Save), "check and save"),
            (ta(TargetAction::Cancel), "close"),
            (Action::Help, "help"),
        ],
        t,
    );
    let foot = footer_height(&hint_spans, cx.message, area.width);
    let mut constraints = vec![Constraint::Length(2)];
    constraints.extend((0..JOB).map(|_| Constraint::Length(1)));
    constraints.push(Constraint::Fill(1));
    constraints.push(Constraint::Length(foot));
    let areas = Layout::vertical(constraints).split(area);
    let w = usize::from(area.width);
    Line::from(vec![
        Span::styled("New interview target", t.title()),
        Span::styled(
            truncate_line(
                "  the description stays on this computer; empty date: none yet",
                w.saturating_sub(20),
            ),
            t.dim(),
        ),
    ])
    .render(areas[0], buf);
    for (i, (label, _)) in FIELDS.iter().enumerate().take(JOB) {
        let row = areas[i + 1];
        let [l, field] =
            Layout::horizontal([Constraint::Length(LABEL), Constraint::Fill(1)]).areas(row);
        let style = if form.focus == i {
            t.key()
        } else {
            t.heading()
        };
        Span::styled(format!("{label}:"), style).render(l, buf);
        (&form.fields[i]).render(field, buf);
    }
    let job = areas[JOB + 1];
    let title = format!(
        " {} · Ctrl-S saves{} ",
        FIELDS[JOB].0,
        if form.confirm_discard {
            " · Esc again: discard"
        } else {
            ""
        }
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if form.focus == JOB {
            t.key()
        } else {
            t.border()
        })
        .title(Span::styled(
            truncate_line(&title, w.saturating_sub(2)),
            t.heading(),
        ));
    let inner = block.inner(job);
    block.render(job, buf);
    (&form.fields[JOB]).render(inner, buf);
    footer(areas[JOB + 2], buf, hint_spans, cx.message, t);
}
