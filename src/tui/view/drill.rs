//! The drill screen: question with its think-time clock, the draft editor, and the revealed
//! answer (checklist, guidance, model answer, follow-ups) with the grade buttons.

use crate::core::text::truncate_line;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::layout::{clock, compact, footer, footer_height, hints, width, wrap};
use crate::core::deck::find_card;
use crate::core::deck::{Card, Deck};
use crate::core::grade::Grade;
use crate::core::session::debrief_text::star_line;
use crate::core::session::drill::{GradeAs, Phase};
use crate::core::text::{reflow, sanitize, sanitize_line};
use crate::study::interval_label;
use crate::tui::keys::{Action, Context};
use crate::tui::screen::{Cx, Draw, Screen};
use crate::tui::screens::drill::DrillScreen;
use crate::tui::theme::Theme;

fn hint_spans(cx: &Cx, d: &DrillScreen) -> Vec<Span<'static>> {
    let ctx = d.context();
    let list: &[(Action, &str)] = match ctx {
        Context::Draft => &[
            (Action::CloseDraft, "close editor"),
            (Action::Reveal, "reveal"),
            (Action::Help, "help"),
        ],
        Context::Question => &[
            (Action::Reveal, "reveal"),
            (Action::Draft, "type a draft"),
            (Action::Skip, "skip"),
            (Action::Bury, "bury"),
            (Action::Suspend, "suspend"),
            (Action::EditCard, "edit"),
            (Action::Undo, "undo"),
            (Action::Help, "help"),
            (Action::Back, "end"),
        ],
        _ => &[
            (Action::Down, "scroll"),
            (Action::NextPoint, "next point"),
            (Action::TogglePoint, "tick"),
            (Action::Undo, "undo"),
            (Action::EditCard, "edit"),
            (Action::Help, "help"),
            (Action::Back, "end"),
        ],
    };
    hints(ctx, list, cx.theme)
}

/// The areas of the drill screen at a size.
struct Areas {
    header: Rect,
    question: Rect,
    body: Rect,
    grades: Rect,
    footer: Rect,
}

fn areas(cx: &Cx, d: &DrillScreen, area: Rect, question_lines: usize) -> Areas {
    let small = compact(area);
    let foot = footer_height(&hint_spans(cx, d), cx.message, area.width);
    let revealed = d.session().phase() != Phase::Question;
    let q_max: u16 = match (revealed, small) {
        (true, true) => 2,
        (true, false) => 4,
        (false, _) => area.height,
    };
    let q = u16::try_from(question_lines)
        .unwrap_or(u16::MAX)
        .min(q_max)
        .max(1);
    let [header, _, question, body, grades, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if small { 0 } else { 1 }),
        if revealed {
            Constraint::Length(q + 1)
        } else {
            Constraint::Max(q + 1)
        },
        Constraint::Fill(1),
        Constraint::Length(if revealed { 1 } else { 0 }),
        Constraint::Length(foot),
    ])
    .areas(area);
    Areas {
        header,
        question,
        body,
        grades,
        footer,
    }
}

pub fn render(cx: &Cx, d: &DrillScreen, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let card = d.current_key().and_then(|k| find_card(d.decks(cx), k));
    let question = card.map_or_else(
        || "This card is no longer in its deck (was it edited?). Skip it with s.".to_string(),
        |(_, c)| sanitize(&c.question),
    );
    let q_lines = wrap(&question, usize::from(area.width));
    let a = areas(cx, d, area, q_lines.len());

    render_header(cx, d, card, now, a.header, buf);
    let lines: Vec<Line> = q_lines
        .into_iter()
        .map(|l| Line::styled(l, t.title()))
        .collect();
    Paragraph::new(lines).render(a.question, buf);

    match d.session().phase() {
        Phase::Question => render_draft(cx, d, a.body, buf),
        _ => {
            let width = usize::from(a.body.width);
            let lines = card.map_or_else(Vec::new, |(_, c)| answer_lines(t, d, c, width));
            let max = lines.len().saturating_sub(usize::from(a.body.height));
            let scroll = usize::from(d.scroll).min(max);
            Paragraph::new(lines)
                .scroll((u16::try_from(scroll).unwrap_or(0), 0))
                .render(a.body, buf);
            render_grades(t, d, a.grades, buf);
        }
    }
    footer(a.footer, buf, hint_spans(cx, d), cx.message, t);
}

fn render_header(
    cx: &Cx,
    d: &DrillScreen,
    card: Option<(&Deck, &Card)>,
    now: DateTime<Utc>,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = cx.theme;
    let (pos, total) = d.session().position();
    let practice = if d.session().grade_as() == GradeAs::Practice {
        "practice  "
    } else {
        ""
    };
    let right = format!(
        "{practice}{pos}/{total}  ⏱ {}",
        clock(d.session().think_time(now))
    );
    let left = card.map_or_else(String::new, |(deck, c)| {
        let cat = deck
            .category(&c.category)
            .map_or_else(|| c.category.to_string(), |x| x.title.clone());
        sanitize_line(&format!("{} · {} · {}", deck.title, cat, c.kind))
    });
    let room = usize::from(area.width).saturating_sub(width(&right) + 2);
    let left = truncate_line(&left, room);
    let gap = usize::from(area.width).saturating_sub(width(&left) + width(&right));
    Line::from(vec![
        Span::styled(left, t.heading()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, t.dim()),
    ])
    .render(area, buf);
}

fn render_draft(cx: &Cx, d: &DrillScreen, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    if !d.editing && d.editor.is_empty() {
        let text = "Think it through, answer out loud, then reveal. Press e to type a draft first.";
        Paragraph::new(
            wrap(text, usize::from(area.width))
                .into_iter()
                .map(Line::raw)
                .collect::<Vec<_>>(),
        )
        .style(t.dim())
        .render(area, buf);
        return;
    }
    let title = if d.editing {
        " Draft (typing) "
    } else {
        " Draft "
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if d.editing { t.key() } else { t.border() })
        .title(Span::styled(title, t.heading()));
    let inner = block.inner(area);
    block.render(area, buf);
    (&d.editor).render(inner, buf);
}

/// The revealed body: your draft, checklist, guidance, model answer and follow-ups, wrapped
/// to `width`.
pub fn answer_lines(t: Theme, d: &DrillScreen, card: &Card, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let push_wrapped = |out: &mut Vec<Line<'static>>, text: &str, indent: usize| {
        for l in wrap(text, width.saturating_sub(indent)) {
            out.push(Line::raw(format!("{}{l}", " ".repeat(indent))));
        }
    };
    // The draft first: read what you said, then how it measured up, then the model.
    if !d.session().draft().trim().is_empty() {
        out.push(Line::styled("Your draft", t.heading()));
        push_wrapped(&mut out, &sanitize(d.session().draft()), 0);
        out.push(Line::raw(""));
    }
    let checklist = d.session().checklist();
    if !card.key_points.is_empty() {
        let got = checklist.iter().filter(|c| **c).count();
        out.push(Line::styled(
            format!("Key points ({got}/{} covered)", card.key_points.len()),
            t.heading(),
        ));
        if let Some(other) = d.session().reads_like() {
            let note = format!(
                "Your draft reads like an answer to another question (\"{}\"), so nothing \
                 is ticked.",
                sanitize_line(&other.question)
            );
            for l in wrap(&note, width) {
                out.push(Line::styled(l, t.dim()));
            }
        }
        for (i, p) in card.key_points.iter().enumerate() {
            let ticked = checklist.get(i).copied().unwrap_or(false);
            let mark = if ticked { "[x] " } else { "[ ] " };
            let lines = wrap(&sanitize_line(&p.text), width.saturating_sub(4));
            for (j, l) in lines.into_iter().enumerate() {
                let prefix = if j == 0 { mark } else { "    " };
                let mut style = if ticked { t.good() } else { t.text() };
                if d.point.get() == Some(i) {
                    style = style.patch(t.selected());
                }
                out.push(Line::styled(format!("{prefix}{l}"), style));
            }
        }
        out.push(Line::raw(""));
    }
    // A behavioural card's draft: the STAR parts it tells, as the mock debrief reads them.
    if let Some(star) = d.session().star() {
        for l in wrap(&star_line(star), width) {
            out.push(Line::styled(l, t.text()));
        }
        out.push(Line::raw(""));
    }
    if let Some(g) = &card.guidance {
        out.push(Line::styled("Guidance", t.heading()));
        push_wrapped(&mut out, &sanitize(g), 0);
        out.push(Line::raw(""));
    }
    out.push(Line::styled("Model answer", t.heading()));
    push_wrapped(&mut out, &sanitize(&reflow(&card.answer)), 0);
    if let Some(b) = &d.beside {
        out.extend(super::own::own_text_lines(t, b, width));
    }
    if !card.follow_ups.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Follow-up questions", t.heading()));
        for f in &card.follow_ups {
            let lines = wrap(&sanitize_line(f), width.saturating_sub(2));
            for (j, l) in lines.into_iter().enumerate() {
                out.push(Line::raw(format!(
                    "{}{l}",
                    if j == 0 { "• " } else { "  " }
                )));
            }
        }
    }
    if let Some(b) = &d.beside {
        let promote = crate::tui::keymap::key_for(
            Context::Revealed,
            Action::Own(crate::tui::keys::OwnAction::Promote),
        );
        out.extend(super::own::attempt_lines(t, b, width, promote.as_deref()));
    }
    out
}

fn render_grades(t: Theme, d: &DrillScreen, area: Rect, buf: &mut Buffer) {
    if d.session().phase() == Phase::Saving {
        Line::styled("Saving…", t.dim()).render(area, buf);
        return;
    }
    let practice = d.session().grade_as() == GradeAs::Practice;
    let room = usize::from(area.width);
    // Widest first; then tighter gaps; then the labels' first letters, so the bar fits at 40
    // columns.
    for (gap, short) in [("  ", false), (" ", false), ("  ", true)] {
        let spans = grade_spans(t, d, practice, gap, short);
        let w: usize = spans.iter().map(|s| width(&s.content)).sum();
        if w <= room || short {
            let mut spans = spans;
            let note = "  practice: no due date moves";
            if practice && w + width(note) <= room {
                spans.push(Span::styled(note, t.dim()));
            }
            Line::from(spans).render(area, buf);
            return;
        }
    }
}

/// The grade buttons: key, label (or its first letter) and, outside practice, the interval.
fn grade_spans(
    t: Theme,
    d: &DrillScreen,
    practice: bool,
    gap: &'static str,
    short: bool,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for g in Grade::ALL {
        let ivl = d
            .preview
            .filter(|_| !practice)
            .map(|p| interval_label(p[usize::from(g.number() - 1)]))
            .unwrap_or_default();
        if !spans.is_empty() {
            spans.push(Span::raw(gap));
        }
        let label = if short {
            g.label().chars().take(1).collect()
        } else {
            g.label().to_string()
        };
        spans.push(Span::styled(format!("{}", g.number()), t.key()));
        spans.push(Span::styled(format!(" {label}"), t.grade(g.number())));
        if !ivl.is_empty() {
            spans.push(Span::raw(format!(" {ivl}")));
        }
    }
    spans
}

impl DrillScreen {
    /// (lines of the revealed body, rows it has) as drawn at the terminal's size: for clamping
    /// the scroll. Measured here, beside the drawing it must agree with.
    pub fn revealed_height(&self, cx: &Cx) -> (u16, u16) {
        let (width, height) = cx.size;
        let d = self;
        let area = Rect::new(0, 0, width, height);
        let Some((_, card)) = d.current_key().and_then(|k| find_card(d.decks(cx), k)) else {
            return (0, 0);
        };
        let q_lines = wrap(&sanitize(&card.question), usize::from(width)).len();
        let a = areas(cx, d, area, q_lines);
        let n = answer_lines(cx.theme, d, card, usize::from(a.body.width)).len();
        (u16::try_from(n).unwrap_or(u16::MAX), a.body.height)
    }
}

impl Draw for DrillScreen {
    fn render(&self, cx: &Cx, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        if self.context() == Context::Summary {
            super::summary::render(cx, self, area, buf);
        } else {
            render(cx, self, now, area, buf);
        }
    }
}
