//! The whole-interview summary: score, each question's score and grade, coverage by
//! category, time discipline, strongest and weakest answers.

use crate::core::text::truncate_line;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::core::session::Ending;
use crate::core::session::debrief_text as text;
use crate::core::text::{count_of, sanitize_line};
use crate::tui::keymap::key_for;
use crate::tui::keys::{Action, Context};
use crate::tui::keys::{MockAction, MockCtx};
use crate::tui::screen::Cx;
use crate::tui::screens::debrief::{DebriefState, Origin};
use crate::tui::view::layout::{footer, footer_height, hints};

/// What `a` does in "Leave ungraded?", in the dialog and in the footer alike.
const ACCEPT_ALL: &str = "record the suggested grades";

pub fn render(cx: &Cx, d: &DebriefState, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let i = Action::Interview;
    let back = match d.origin {
        Origin::Interview => "home",
        Origin::History => "back to the list",
    };
    let hint_spans = if d.leaving {
        hints(
            Context::Mock(MockCtx::ConfirmLeave),
            &[
                (i(MockAction::AcceptAll), ACCEPT_ALL),
                (i(MockAction::LeaveUngraded), "leave ungraded"),
                (i(MockAction::Stay), "stay"),
                (Action::Help, "help"),
            ],
            t,
        )
    } else {
        hints(
            Context::Mock(MockCtx::Summary),
            &[
                (i(MockAction::Home), back),
                (i(MockAction::BackToDebrief), "back to the debrief"),
                (Action::Help, "help"),
            ],
            t,
        )
    };
    let foot = footer_height(&hint_spans, cx.message, area.width);
    let [body, foot_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(foot)]).areas(area);
    let w = usize::from(body.width);
    let db = &d.debrief;
    let title = match db.ending {
        Ending::Completed => "Interview complete",
        Ending::QuitEarly => "Interview ended early",
        Ending::Interrupted => "Interview interrupted",
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
                Some(r) => r.grade.label().to_string(),
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
        // How the numbers are made (each question's sum is on its debrief page).
        lines.push(Line::styled(
            "Each question: 0.7 × key points covered + 0.3 × time kept (no time credit without \
             a key point); the interview: their mean. Each sum is on its debrief page.",
            t.dim(),
        ));
        lines.push(Line::raw(""));
        let cats = db.coverage_by_category();
        if !cats.is_empty() {
            lines.push(Line::styled("Coverage by category", t.heading()));
            for c in &cats {
                lines.push(Line::raw(format!("  {}", text::category(c))));
            }
        }
        let mut time = text::time_discipline(db);
        let paused = d.paused();
        if !paused.is_zero() {
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
                sanitize_line(d.interview.as_str())
            ),
            t.dim(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(body, buf);
    footer(foot_area, buf, hint_spans, cx.message, t);
    if d.leaving {
        render_leave(cx, d, area, buf);
    }
}

/// "Leave with N questions ungraded?": accept the suggestions, leave them, or stay.
fn render_leave(cx: &Cx, d: &DebriefState, area: Rect, buf: &mut Buffer) {
    let key =
        |a| key_for(Context::Mock(MockCtx::ConfirmLeave), Action::Interview(a)).unwrap_or_default();
    let n = d.ungraded();
    let (verb, them) = if n == 1 {
        ("has", "it")
    } else {
        ("have", "them")
    };
    let text = format!(
        "{} {verb} no grade, so your schedule will not hear of {them}. Record the suggested \
         {grades}, leave {them} ungraded (grade {them} later from History), or stay and grade \
         {them}?",
        count_of(n, d.recorded.len(), "question", "questions"),
        grades = if n == 1 { "grade" } else { "grades" },
    );
    let answers = [
        (key(MockAction::AcceptAll), ACCEPT_ALL),
        (key(MockAction::LeaveUngraded), "leave them ungraded"),
        (key(MockAction::Stay), "stay"),
    ];
    super::popup(cx.theme, "Leave ungraded?", &text, &answers, 60, area, buf);
}
