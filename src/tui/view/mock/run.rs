//! The running interview: "Question N of M", the category, the question (and follow-up), the
//! countdown gauge, and the answer editor or what to do now.

use crate::core::text::truncate_line;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::{gauge, wrapped};
use crate::core::session::Phase;
use crate::core::text::{sanitize, sanitize_line};
use crate::tui::keymap::key_for;
use crate::tui::keys::{Action, Context};
use crate::tui::keys::{MockAction, MockCtx};
use crate::tui::screen::{Cx, Draw};
use crate::tui::screens::mock_run::RunScreen;
use crate::tui::theme::Theme;
use crate::tui::view::layout::{compact, footer, footer_height, hints, width};

fn hint_spans(cx: &Cx, ctx: MockCtx) -> Vec<Span<'static>> {
    use MockAction as M;
    let i = Action::Interview;
    let list: &[(Action, &str)] = match ctx {
        MockCtx::Prep => &[
            (i(M::StartAnswer), "start answering"),
            (i(M::Pause), "pause"),
            (i(M::Skip), "skip"),
            (i(M::Quit), "end"),
            (Action::Help, "help"),
        ],
        MockCtx::Typing => &[
            (i(M::Submit), "submit"),
            (i(M::Pause), "pause"),
            (i(M::Skip), "skip"),
            (i(M::Quit), "end"),
            (Action::Help, "help"),
        ],
        MockCtx::Spoken => &[
            (i(M::Done), "done"),
            (i(M::Pause), "pause"),
            (i(M::Skip), "skip"),
            (i(M::Quit), "end"),
            (Action::Help, "help"),
        ],
        MockCtx::Paused => &[
            (i(M::Resume), "resume"),
            (i(M::Quit), "end"),
            (Action::Help, "help"),
        ],
        _ => &[(i(M::ConfirmQuit), "yes, end"), (i(M::CancelQuit), "no")],
    };
    hints(Context::Mock(ctx), list, cx.theme)
}

pub fn render(cx: &Cx, r: &RunScreen, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(q) = r.interview().current() else {
        return;
    };
    let small = compact(area);
    // The app's modal layer may be asking "End the interview?" over the screen.
    let Context::Mock(ctx) = cx.context else {
        return;
    };
    let hint_spans = hint_spans(cx, ctx);
    let foot = footer_height(&hint_spans, cx.message, area.width);
    let w = usize::from(area.width);

    let mut top = wrapped(&sanitize(q.question.trim()), t.title(), w);
    if let Some(f) = &r.follow_up {
        top.push(Line::raw(""));
        let text = format!("Follow-up: {}", sanitize_line(f.trim()));
        top.extend(wrapped(&text, t.heading(), w));
    }
    // The question keeps at least half the room left once the fixed rows are counted.
    let fixed = 2 + foot + if small { 0 } else { 2 };
    let room = area.height.saturating_sub(fixed);
    let top_h = u16::try_from(top.len())
        .unwrap_or(u16::MAX)
        .min((room / 2).max(1));
    let [header, _, question, _, clock_row, body, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if small { 0 } else { 1 }),
        Constraint::Length(top_h),
        Constraint::Length(if small { 0 } else { 1 }),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(foot),
    ])
    .areas(area);

    render_header(cx, r, header, buf);
    Paragraph::new(top).render(question, buf);
    if let Some(c) = r.interview().clock(now) {
        gauge(t, &c, usize::from(clock_row.width)).render(clock_row, buf);
    }
    render_body(cx, r, ctx, body, buf);
    footer(foot_area, buf, hint_spans, cx.message, t);
    if ctx == MockCtx::ConfirmQuit {
        render_confirm(t, area, buf);
    }
}

fn render_header(cx: &Cx, r: &RunScreen, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let Some(q) = r.interview().current() else {
        return;
    };
    let n = r.interview().questions().len();
    let left = format!("Question {} of {n}", r.interview().index() + 1);
    let right = sanitize_line(&q.category_title);
    let room = usize::from(area.width).saturating_sub(width(&left) + 2);
    let right = truncate_line(&right, room);
    let gap = usize::from(area.width).saturating_sub(width(&left) + width(&right));
    Line::from(vec![
        Span::styled(left, t.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, t.heading()),
    ])
    .render(area, buf);
}

fn render_body(cx: &Cx, r: &RunScreen, ctx: MockCtx, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let w = usize::from(area.width);
    let say = |text: &str, buf: &mut Buffer| {
        Paragraph::new(wrapped(text, t.text(), w)).render(area, buf);
    };
    let key = |a: MockAction, c: MockCtx| {
        key_for(Context::Mock(c), Action::Interview(a)).unwrap_or_default()
    };
    // Under "End the interview?" the clock is stopped too, but the answer stays in view.
    if r.interview().is_paused() && ctx != MockCtx::ConfirmQuit {
        let text = format!(
            "Paused: the clock is stopped. Press {} to go on.",
            key(MockAction::Resume, MockCtx::Paused)
        );
        return say(&text, buf);
    }
    match (r.interview().phase(), ctx) {
        (Phase::Prep, _) => {
            let how = if r.typed() {
                "then type your answer"
            } else {
                "then answer aloud"
            };
            let text = format!(
                "Read the question and gather your thoughts, {how}. The answer clock starts \
                 when the reading time is over; press {} to start now.",
                key(MockAction::StartAnswer, MockCtx::Prep)
            );
            let mut lines = wrapped(&text, t.text(), w);
            // The stories of the bank that fit (own material: `screens/mock_run_own.rs`).
            if let Some((i, hints)) = &r.story_hints
                && *i == r.interview().index()
                && !hints.is_empty()
            {
                lines.push(Line::raw(""));
                lines.push(Line::styled("Stories that fit", t.heading()));
                for h in hints {
                    let s = sanitize_line(&format!("• {} [{}]", h.title, h.id));
                    lines.extend(wrapped(&s, t.text(), w));
                }
            }
            Paragraph::new(lines).render(area, buf)
        }
        (_, MockCtx::Spoken | MockCtx::ConfirmQuit) if !r.typed() => {
            let text = format!(
                "Answer aloud now. Press {} when you are done.",
                key(MockAction::Done, MockCtx::Spoken)
            );
            say(&text, buf)
        }
        _ => render_editor(t, r, area, buf),
    }
}

fn render_editor(t: Theme, r: &RunScreen, area: Rect, buf: &mut Buffer) {
    if area.height < 3 || area.width < 8 {
        (&r.editor).render(area, buf);
        return;
    }
    let submit = key_for(
        Context::Mock(MockCtx::Typing),
        Action::Interview(MockAction::Submit),
    )
    .unwrap_or_default();
    let title = if r.follow_up.is_some() {
        format!(" Your follow-up answer · {submit} submits ")
    } else {
        format!(" Your answer · {submit} submits ")
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.key())
        .title(Span::styled(
            truncate_line(&title, usize::from(area.width).saturating_sub(2)),
            t.heading(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    (&r.editor).render(inner, buf);
}

fn render_confirm(t: Theme, area: Rect, buf: &mut Buffer) {
    let key = |a| key_for(Context::Mock(MockCtx::ConfirmQuit), Action::Interview(a));
    let answers = [
        (key(MockAction::ConfirmQuit).unwrap_or_default(), "yes, end"),
        (key(MockAction::CancelQuit).unwrap_or_default(), "no, go on"),
    ];
    super::popup(
        t,
        "End early?",
        "End the interview now? Your answers so far are kept and debriefed. The clock is \
         stopped while you decide.",
        &answers,
        44,
        area,
        buf,
    );
}

impl Draw for RunScreen {
    fn render(&self, cx: &Cx, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        render(cx, self, now, area, buf);
    }
}
