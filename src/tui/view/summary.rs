//! The end-of-session summary: cards reviewed, grade mix, time spent, what is due next.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::layout::{duration_words, footer, footer_height, hints};
use crate::core::grade::Grade;
use crate::study::interval_label;
use crate::tui::keys::{Action, Context};
use crate::tui::screen::Cx;
use crate::tui::screens::drill::DrillScreen;

pub fn render(cx: &Cx, d: &DrillScreen, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    // The session's own end time: the summary does not change while it is shown.
    let s = d.session().summary(d.session_end());
    let hint_spans = hints(
        Context::Summary,
        &[
            (Action::Back, "home"),
            (Action::Undo, "undo the last action"),
            (Action::Help, "help"),
        ],
        t,
    );
    let foot = footer_height(&hint_spans, cx.message, area.width);
    let [body, foot_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(foot)]).areas(area);

    let (_, total) = d.session().position();
    let title = if s.reviewed + s.skipped + s.buried + s.suspended >= total {
        "Session complete"
    } else {
        "Session ended"
    };
    let mut lines = vec![
        Line::styled(title, t.title()),
        Line::raw(""),
        Line::from(vec![
            Span::styled("Cards reviewed  ", t.heading()),
            Span::raw(format!("{} of {total}", s.reviewed)),
        ]),
    ];
    let mut mix = vec![Span::styled("Grades          ", t.heading())];
    for g in Grade::ALL {
        if mix.len() > 1 {
            mix.push(Span::styled(" · ", t.dim()));
        }
        mix.push(Span::styled(
            format!("{} {}", g.label(), s.grades[usize::from(g.number() - 1)]),
            t.grade(g.number()),
        ));
    }
    lines.push(Line::from(mix));
    lines.push(Line::from(vec![
        Span::styled("Time spent      ", t.heading()),
        Span::raw(format!(
            "{} (thinking {})",
            duration_words(s.elapsed),
            duration_words(s.think)
        )),
    ]));
    if s.skipped + s.buried + s.suspended > 0 {
        lines.push(Line::from(vec![
            Span::styled("Set aside       ", t.heading()),
            Span::raw(format!(
                "{} skipped · {} buried · {} suspended",
                s.skipped, s.buried, s.suspended
            )),
        ]));
    }
    let o = cx.overview;
    let due: usize = o.decks.iter().map(|c| c.due + c.learning).sum();
    let next = match (due, o.next_due) {
        (1, _) => "1 card still due today".to_string(),
        (n, _) if n > 0 => format!("{n} cards still due today"),
        (_, Some(at)) => format!("next card in {}", interval_label(at - d.session_end())),
        _ => "nothing scheduled yet".to_string(),
    };
    lines.push(Line::from(vec![
        Span::styled("Due next        ", t.heading()),
        Span::raw(next),
    ]));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(body, buf);
    footer(foot_area, buf, hint_spans, cx.message, t);
}
