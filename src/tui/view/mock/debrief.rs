//! One question of the debrief: the answer as typed (fillers and hedges highlighted), time
//! against the limit, the key-point checklist, insights, and the model answer beside (wide
//! terminals) or below; the grade row under it.

use crate::core::text::truncate_line;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{wrap_styled, wrapped};
use crate::core::analysis::FillerKind;
use crate::core::grade::Grade;
use crate::core::session::DebriefItem;
use crate::core::session::debrief_text as text;
use crate::core::text::{reflow, sanitize, sanitize_line};
use crate::tui::keys::{Action, Context};
use crate::tui::keys::{MockAction, MockCtx};
use crate::tui::screen::{Cx, Draw};
use crate::tui::screens::debrief::DebriefState;
use crate::tui::theme::Theme;
use crate::tui::view::layout::{compact, footer, footer_height, hints, width};

/// From this width the model answer goes beside the candidate's.
pub const SIDE_BY_SIDE: u16 = 100;

fn hint_spans(cx: &Cx) -> Vec<Span<'static>> {
    let i = Action::Interview;
    hints(
        Context::Mock(MockCtx::Debrief),
        &[
            (i(MockAction::NextQuestion), "next"),
            (i(MockAction::PrevQuestion), "previous"),
            (Action::Down, "scroll"),
            (Action::NextPoint, "next point"),
            (Action::TogglePoint, "tick"),
            (i(MockAction::Summary), "summary"),
            (Action::Help, "help"),
        ],
        cx.theme,
    )
}

struct Areas {
    header: Rect,
    left: Rect,
    right: Option<Rect>,
    grades: Rect,
    footer: Rect,
}

fn areas(cx: &Cx, area: Rect) -> Areas {
    let small = compact(area);
    let foot = footer_height(&hint_spans(cx), cx.message, area.width);
    let [header, _, body, grades, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if small { 0 } else { 1 }),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(foot),
    ])
    .areas(area);
    let (left, right) = if area.width >= SIDE_BY_SIDE {
        let [l, _, r] = Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(body);
        (l, Some(r))
    } else {
        (body, None)
    };
    Areas {
        header,
        left,
        right,
        grades,
        footer,
    }
}

/// The answer with fillers and hedges styled; ranges that do not fall on character
/// boundaries are left plain.
fn highlighted(t: Theme, item: &DebriefItem, w: usize) -> Vec<Line<'static>> {
    let answer = item.answer.trim_end();
    let mut segs: Vec<(String, ratatui::style::Style)> = Vec::new();
    let mut at = 0;
    if let Some(ins) = &item.insights {
        for hit in &ins.fillers {
            let (Some(before), Some(word)) = (
                answer.get(at..hit.range.start),
                answer.get(hit.range.clone()),
            ) else {
                continue;
            };
            let style = match hit.kind {
                FillerKind::Filler => t.filler(),
                FillerKind::Hedge => t.hedge(),
            };
            segs.push((sanitize(before), t.text()));
            segs.push((sanitize(word), style));
            at = hit.range.end;
        }
    }
    segs.push((sanitize(answer.get(at..).unwrap_or("")), t.text()));
    wrap_styled(&segs, w)
}

fn left_lines(t: Theme, d: &DebriefState, item: &DebriefItem, w: usize) -> Vec<Line<'static>> {
    let q = &item.question;
    let mut out = wrapped(&sanitize(q.question.trim()), t.title(), w);
    out.push(Line::raw(""));
    out.push(Line::styled("Your answer", t.heading()));
    if item.skipped {
        out.push(Line::styled("Skipped.", t.dim()));
    } else if d.spoken {
        out.push(Line::styled("Answered aloud.", t.dim()));
    } else if item.answer.trim().is_empty() {
        out.push(Line::styled("(nothing typed)", t.dim()));
    } else {
        out.extend(highlighted(t, item, w));
    }
    if let (Some(f), Some(a)) = (&q.follow_up, &item.follow_up_answer) {
        out.push(Line::raw(""));
        let head = format!("Follow-up: {}", sanitize_line(f.trim()));
        out.extend(wrapped(&head, t.heading(), w));
        if !d.spoken {
            let text = if a.trim().is_empty() {
                "(nothing typed)".to_string()
            } else {
                sanitize(a.trim())
            };
            out.extend(wrapped(&text, t.text(), w));
        }
    }
    if !item.skipped {
        out.push(Line::raw(""));
        let time = format!("Time: {}", text::time_used(item));
        let style = if item.within_time() {
            t.text()
        } else {
            t.warn()
        };
        out.extend(wrapped(&time, style, w));
    }
    // Why the score is what it is: the formula with this answer's numbers.
    out.extend(wrapped(&text::score_why(item), t.dim(), w));
    // Why the suggested grade is what it is: the step of the rule, with these ticks.
    let (grade, why) = item.suggested_grade_why();
    let why = format!("Suggested grade {}: {why}", grade.label());
    out.extend(wrapped(&why, t.dim(), w));
    checklist(t, d, item, w, &mut out);
    if let Some(ins) = &item.insights {
        out.push(Line::raw(""));
        out.push(Line::styled("Insights", t.heading()));
        for line in text::insights(ins) {
            let style = if line.starts_with("Fillers") {
                t.filler()
            } else if line.starts_with("Hedges") {
                t.hedge()
            } else {
                t.text()
            };
            let (head, rest) = line.split_once(':').unwrap_or((line.as_str(), ""));
            let segs = vec![(format!("{head}:"), style), (rest.to_string(), t.text())];
            out.extend(wrap_styled(&segs, w));
        }
    }
    out
}

fn checklist(
    t: Theme,
    d: &DebriefState,
    item: &DebriefItem,
    w: usize,
    out: &mut Vec<Line<'static>>,
) {
    let points = &item.question.key_points;
    if points.is_empty() {
        return;
    }
    out.push(Line::raw(""));
    let covered = item.checklist.iter().filter(|c| **c).count();
    let pct = item.coverage_percent().unwrap_or(0);
    let cov = format!("{covered} of {} covered, {pct}%", points.len());
    let head = if d.spoken {
        format!("Key points: tick the ones you made ({cov})")
    } else {
        format!("Key points ({cov})")
    };
    out.extend(wrapped(&head, t.heading(), w));
    if let Some(other) = d.reads_like.get(d.pos).and_then(Option::as_ref) {
        let note = format!(
            "This reads like an answer to another question (\"{}\"), so the matcher ticked \
             nothing. Tick what you made.",
            sanitize_line(&other.question)
        );
        out.extend(wrapped(&note, t.dim(), w));
    }
    for (i, p) in points.iter().enumerate() {
        let ticked = item.checklist.get(i).copied().unwrap_or(false);
        let mark = if ticked { "[x] " } else { "[ ] " };
        let mut style = if ticked { t.good() } else { t.text() };
        if d.point.get() == Some(i) {
            style = style.patch(t.selected());
        }
        let lines = crate::tui::view::layout::wrap(&sanitize_line(&p.text), w.saturating_sub(4));
        for (j, l) in lines.into_iter().enumerate() {
            let prefix = if j == 0 { mark } else { "    " };
            out.push(Line::styled(format!("{prefix}{l}"), style));
        }
        if let Some(why) = text::tick_why(item, i) {
            for l in crate::tui::view::layout::wrap(&why, w.saturating_sub(4)) {
                out.push(Line::styled(format!("    {l}"), t.dim()));
            }
        }
    }
}

fn model_lines(t: Theme, item: &DebriefItem, w: usize) -> Vec<Line<'static>> {
    let q = &item.question;
    let mut out = vec![Line::styled("Model answer", t.heading())];
    out.extend(wrapped(
        &sanitize(&reflow(q.model_answer.trim())),
        t.text(),
        w,
    ));
    if let Some(g) = &q.guidance {
        out.push(Line::raw(""));
        out.push(Line::styled("What a good answer shows", t.heading()));
        out.extend(wrapped(&sanitize(g.trim()), t.dim(), w));
    }
    out
}

/// The body's columns: (left, right); narrow terminals get everything on the left.
fn columns(cx: &Cx, d: &DebriefState, a: &Areas) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let t = cx.theme;
    let Some(item) = d.debrief.items.get(d.pos) else {
        return (Vec::new(), Vec::new());
    };
    let mut left = left_lines(t, d, item, usize::from(a.left.width));
    // The candidate's own material goes under the model answer (see `debrief_own.rs`).
    let own = |w: u16| -> Vec<Line<'static>> {
        let promote = crate::tui::keymap::key_for(
            Context::Mock(MockCtx::Debrief),
            Action::Own(crate::tui::keys::OwnAction::Promote),
        );
        d.beside
            .get(d.pos)
            .and_then(|b| b.as_ref())
            .map(|b| crate::tui::view::own::beside_lines(t, b, usize::from(w), promote.as_deref()))
            .unwrap_or_default()
    };
    match a.right {
        Some(r) => {
            let mut right = model_lines(t, item, usize::from(r.width));
            right.extend(own(r.width));
            (left, right)
        }
        None => {
            left.push(Line::raw(""));
            left.extend(model_lines(t, item, usize::from(a.left.width)));
            left.extend(own(a.left.width));
            (left, Vec::new())
        }
    }
}

pub fn render(cx: &Cx, d: &DebriefState, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let a = areas(cx, area);
    let Some(item) = d.debrief.items.get(d.pos) else {
        return;
    };
    let left = format!(
        "Debrief · Question {} of {}",
        item.index + 1,
        d.debrief.planned
    );
    let right = sanitize_line(&item.question.category_title);
    let room = usize::from(area.width).saturating_sub(width(&left) + 2);
    let right = truncate_line(&right, room);
    let gap = usize::from(area.width).saturating_sub(width(&left) + width(&right));
    Line::from(vec![
        Span::styled(truncate_line(&left, usize::from(area.width)), t.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, t.heading()),
    ])
    .render(a.header, buf);

    let (l, r) = columns(cx, d, &a);
    let scroll = |n: usize, h: u16| {
        let max = n.saturating_sub(usize::from(h));
        u16::try_from(usize::from(d.scroll).min(max)).unwrap_or(0)
    };
    let sl = scroll(l.len(), a.left.height);
    Paragraph::new(l).scroll((sl, 0)).render(a.left, buf);
    if let Some(ra) = a.right {
        let sr = scroll(r.len(), ra.height);
        Paragraph::new(r).scroll((sr, 0)).render(ra, buf);
    }
    grade_row(t, d, item, a.grades, buf);
    footer(a.footer, buf, hint_spans(cx), cx.message, t);
}

fn grade_row(t: Theme, d: &DebriefState, item: &DebriefItem, area: Rect, buf: &mut Buffer) {
    let recorded = d.recorded.get(d.pos).cloned().flatten().map(|r| r.grade);
    let mut spans = match recorded {
        Some(g) => vec![
            Span::styled("Recorded ", t.dim()),
            Span::styled(g.label(), t.grade(g.number())),
        ],
        None => {
            let g = item.suggested_grade();
            vec![
                Span::styled("Suggested ", t.dim()),
                Span::styled(g.label(), t.grade(g.number())),
            ]
        }
    };
    spans.push(Span::raw("  "));
    if area.width < 60 {
        // Narrow: the grade buttons as one range, so the accept key stays in view.
        spans.push(Span::styled("1-4", t.key()));
        spans.push(Span::raw(" grade  "));
    } else {
        for g in Grade::ALL {
            spans.push(Span::styled(g.number().to_string(), t.key()));
            spans.push(Span::styled(
                format!(" {} ", g.label()),
                t.grade(g.number()),
            ));
        }
    }
    let enter = crate::tui::keymap::key_for(
        Context::Mock(MockCtx::Debrief),
        Action::Interview(MockAction::AcceptGrade),
    )
    .unwrap_or_default();
    spans.push(Span::styled(enter, t.key()));
    spans.push(Span::raw(if recorded.is_some() {
        " next"
    } else {
        " accept"
    }));
    Line::from(spans).render(area, buf);
}

impl DebriefState {
    /// (lines of the body, rows it has) as drawn at the terminal's size: for clamping the
    /// scroll. Measured here, beside the drawing it must agree with.
    pub fn body_height(&self, cx: &Cx) -> (u16, u16) {
        let (width, height) = cx.size;
        let a = areas(cx, Rect::new(0, 0, width, height));
        let (l, r) = columns(cx, self, &a);
        let n = l.len().max(r.len());
        (u16::try_from(n).unwrap_or(u16::MAX), a.left.height)
    }
}

impl Draw for DebriefState {
    fn render(&self, cx: &Cx, _now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        if self.summary {
            super::summary::render(cx, self, area, buf);
        } else {
            render(cx, self, area, buf);
        }
    }
}
