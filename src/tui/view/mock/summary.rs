//! The whole-interview summary: score, each question's score and grade, coverage by
//! category, time discipline, strongest and weakest answers.

use crate::core::text::truncate_line;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::core::session::debrief_text as text;
use crate::core::text::sanitize_line;
use crate::tui::keys::{Action, Context};
use crate::tui::keys::{MockAction, MockCtx};
use crate::tui::screen::Cx;
use crate::tui::screens::debrief::DebriefState;
use crate::tui::view::layout::{footer, footer_height, hints};

pub fn render(cx: &Cx, d: &DebriefState, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let i = Action::Interview;
    let hint_spans = hints(
        Context::Mock(MockCtx::Summary),
        &[
            (i(MockAction::Home), "home"),
            (i(MockAction::BackToDebrief), "back to the debrief"),
            (Action::Help, "help"),
        ],
        t,
    );
    let foot = footer_height(&hint_spans, cx.message, area.width);
    let [body, foot_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(foot)]).areas(area);
    let w = usize::from(body.width);
    let db = &d.debrief;
    let title = if db.completed {
        "Interview complete"
    } else {
        "Interview ended early"
    };
    let mut lines = vec![Line::styled(title, t.title()), Line::raw("")];
    if db.items.is_empty() {
        lines.push(Line::raw(
            "No answers to debrief: the interview ended before the first.",
        ));
    } else {
        lines.push(Line::styled(text::score(db), t.heading()));
        for (pos, item) in db.items.iter().enumerate() {
            let grade = match d.recorded.get(pos).cloned().flatten() {
                Some((g, _)) => g.label().to_string(),
                None => "not graded".to_string(),
            };
            let status = if item.skipped {
                "skipped".to_string()
            } else {
                format!("{}/100", item.score())
            };
            let row = format!(
                "  {}. {}  {status} · {grade}",
                item.index + 1,
                sanitize_line(&item.question.category_title)
            );
            lines.push(Line::raw(truncate_line(&row, w)));
        }
        lines.push(Line::raw(""));
        let cats = db.coverage_by_category();
        if !cats.is_empty() {
            lines.push(Line::styled("Coverage by category", t.heading()));
            for c in &cats {
                lines.push(Line::raw(format!("  {}", text::category(c))));
            }
        }
        let mut time = text::time_discipline(db);
        let paused = d.paused_ms();
        if paused > 0 {
            time.push_str(&format!("; paused {}", text::duration(paused)));
        }
        lines.push(Line::from(vec![
            Span::styled("Time discipline ", t.heading()),
            Span::raw(time),
        ]));
        for line in text::best_and_worst(db) {
            lines.push(Line::raw(line));
        }
        if !d.story_notes.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled("Stories", t.heading()));
            for note in &d.story_notes {
                lines.push(Line::raw(format!("  {}", sanitize_line(note))));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "Grades recorded: {} of {}. Review it later: prepdeck report --id {}",
                d.graded(),
                db.items.len(),
                d.interview
            ),
            t.dim(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(body, buf);
    footer(foot_area, buf, hint_spans, cx.message, t);
}
