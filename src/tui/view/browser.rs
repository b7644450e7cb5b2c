//! The card browser: the search box, the filters and the list; and one card's page (question,
//! your answer and note, every attempt, review history, memory) with the text box over it
//! while writing.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::layout::{footer, footer_height, hints, width, wrap};
use super::own::{attempt_label, text_lines, when};
use crate::core::notes::{CardDetail, CardState};
use crate::core::text::{reflow, sanitize_line, truncate_line};
use crate::study::{BrowseRow, interval_label};
use crate::tui::keys::{Action, Context, OwnAction, OwnCtx};
use crate::tui::screen::{Cx, Draw, Screen};
use crate::tui::screens::browser::{BrowserScreen, CardPage};
use crate::tui::theme::Theme;

fn hint_spans(cx: &Cx, b: &BrowserScreen) -> Vec<Span<'static>> {
    let ctx = b.context();
    let o = Action::Own;
    let list: &[(Action, &str)] = match ctx {
        Context::Own(OwnCtx::Search) => &[
            (Action::Select, "open"),
            (Action::Down, "move"),
            (o(OwnAction::LeaveSearch), "done"),
            (Action::Help, "help"),
        ],
        Context::Own(OwnCtx::Card) => &[
            (o(OwnAction::DrillNow), "drill now"),
            (o(OwnAction::ToggleSuspend), "suspend/unsuspend"),
            (o(OwnAction::Unbury), "unbury"),
            (o(OwnAction::EditNote), "note"),
            (o(OwnAction::EditAnswer), "my answer"),
            (o(OwnAction::EditAnswerExternal), "answer in $EDITOR"),
            (o(OwnAction::Promote), "keep attempt"),
            (Action::EditCard, "deck file"),
            (Action::Help, "help"),
            (Action::Back, "back"),
        ],
        Context::Own(OwnCtx::Text) => &[
            (o(OwnAction::SaveText), "save"),
            (o(OwnAction::CancelText), "close"),
            (Action::Help, "help"),
        ],
        _ => &[
            (o(OwnAction::Search), "search"),
            (Action::Select, "open"),
            (o(OwnAction::FilterDeck), "deck"),
            (o(OwnAction::FilterCategory), "category"),
            (o(OwnAction::FilterKind), "kind"),
            (o(OwnAction::FilterState), "state"),
            (o(OwnAction::ClearFilters), "clear"),
            (o(OwnAction::DrillNow), "drill"),
            (o(OwnAction::ToggleSuspend), "suspend"),
            (o(OwnAction::Unbury), "unbury"),
            (Action::Help, "help"),
            (Action::Back, "home"),
        ],
    };
    hints(ctx, list, cx.theme)
}

/// The short state shown in the list: the most telling of the card's states.
fn state_label(states: &[CardState]) -> &'static str {
    for s in [
        CardState::Suspended,
        CardState::Buried,
        CardState::Leech,
        CardState::Due,
        CardState::Learning,
        CardState::New,
    ] {
        if states.contains(&s) {
            return s.as_str();
        }
    }
    "review"
}

fn filter_line(cx: &Cx, b: &BrowserScreen) -> String {
    let f = &b.filter;
    let deck = f.decks.first().map_or_else(
        || "all".to_string(),
        |id| {
            cx.decks
                .iter()
                .find(|d| &d.id == id)
                .map_or_else(|| id.to_string(), |d| d.title.clone())
        },
    );
    let category = f.categories.first().map_or_else(
        || "all".to_string(),
        |id| {
            cx.decks
                .iter()
                .find_map(|d| d.category(id))
                .map_or_else(|| id.to_string(), |c| c.title.clone())
        },
    );
    let kind = f.kinds.first().map_or("all", |k| k.as_str());
    let state = f.states.first().map_or("all", |s| s.as_str());
    sanitize_line(&format!(
        "Deck: {deck} · Category: {category} · Kind: {kind} · State: {state}"
    ))
}

fn row_line(t: Theme, r: &BrowseRow, w: usize, wide: bool, selected: bool) -> Line<'static> {
    let state = state_label(&r.states);
    let mut marks = String::new();
    if r.has_answer {
        marks.push('A');
    }
    if r.has_note {
        marks.push('N');
    }
    let marks = format!("{}{marks:<2}", if selected { "▸" } else { " " });
    let deck = if wide {
        format!(
            "  {}",
            truncate_line(&sanitize_line(&r.deck_title), 18.min(w / 5))
        )
    } else {
        String::new()
    };
    let fixed = 10 + 4 + width(&deck);
    let question = truncate_line(&sanitize_line(&r.question), w.saturating_sub(fixed));
    let gap = w.saturating_sub(fixed + width(&question));
    let style = if selected { t.selected() } else { t.text() };
    let state_style = match state {
        "due" | "learning" => t.warn(),
        "suspended" | "buried" | "leech" => t.error(),
        "new" => t.good(),
        _ => t.dim(),
    };
    Line::from(vec![
        Span::styled(format!("{state:<10}"), state_style.patch(style)),
        Span::styled(format!("{marks} "), t.key().patch(style)),
        Span::styled(question, style),
        Span::styled(" ".repeat(gap), style),
        Span::styled(deck, t.dim().patch(style)),
    ])
}

fn render_list(cx: &Cx, b: &BrowserScreen, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let hint = hint_spans(cx, b);
    let foot = footer_height(&hint, cx.message, area.width);
    let [title, search, filters, list, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(foot),
    ])
    .areas(area);
    let total: usize = cx.decks.iter().map(|d| d.cards.len()).sum();
    Line::from(vec![
        Span::styled("Cards", t.title()),
        Span::styled(format!("  {} of {total}", b.rows.len()), t.dim()),
        Span::styled("  A: your answer  N: your note", t.dim()),
    ])
    .render(title, buf);
    let w = usize::from(area.width);
    let query = sanitize_line(&b.filter.search);
    let search_line = if b.searching {
        Line::from(vec![
            Span::styled("Search: ", t.key()),
            Span::styled(
                truncate_line(&format!("{query}█"), w.saturating_sub(8)),
                t.text(),
            ),
        ])
    } else if query.is_empty() {
        Line::styled("Search: (press / and type)", t.dim())
    } else {
        Line::from(vec![
            Span::styled("Search: ", t.dim()),
            Span::styled(truncate_line(&query, w.saturating_sub(8)), t.text()),
        ])
    };
    search_line.render(search, buf);
    Line::styled(truncate_line(&filter_line(cx, b), w), t.dim()).render(filters, buf);
    let h = usize::from(list.height);
    if b.rows.is_empty() {
        let text = if total == 0 {
            "No deck is loaded."
        } else {
            "No card matches. Backspace shortens the search; x clears it and every filter."
        };
        Paragraph::new(
            wrap(text, w.max(1))
                .into_iter()
                .map(|l| Line::styled(l, t.dim()))
                .collect::<Vec<_>>(),
        )
        .render(list, buf);
    } else if h > 0 {
        let start = b.selected.saturating_sub(h - 1);
        let wide = area.width >= 70;
        let lines: Vec<Line> = b
            .rows
            .iter()
            .enumerate()
            .skip(start)
            .take(h)
            .map(|(i, r)| row_line(t, r, w, wide, i == b.selected))
            .collect();
        Paragraph::new(lines).render(list, buf);
    }
    footer(foot_area, buf, hint, cx.message, t);
}

/// The card page's lines (wrapped to `w`).
pub fn page_lines(
    t: Theme,
    p: &CardPage,
    d: &CardDetail,
    now: DateTime<Utc>,
    w: usize,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let heading = |out: &mut Vec<Line<'static>>, s: String| {
        out.push(Line::raw(""));
        out.push(Line::styled(s, t.heading()));
    };
    for l in wrap(&sanitize_line(&d.question), w.max(1)) {
        out.push(Line::styled(l, t.title()));
    }
    heading(&mut out, "Your answer".into());
    match &d.my_answer {
        Some(a) => out.extend(text_lines(t, &a.text, w, 0, usize::MAX)),
        None => out.push(Line::styled(
            "None yet: a writes one here, A in $EDITOR, P keeps an attempt.",
            t.dim(),
        )),
    }
    heading(&mut out, "Your note".into());
    match &d.note {
        Some(n) => out.extend(text_lines(t, &n.text, w, 0, usize::MAX)),
        None => out.push(Line::styled(
            "None yet: n writes one, N in $EDITOR.",
            t.dim(),
        )),
    }
    heading(
        &mut out,
        format!("Your attempts ({}, newest first)", d.attempts.len()),
    );
    if d.attempts.is_empty() {
        out.push(Line::styled(
            "None yet: type a draft in a drill (e), or answer it in a mock interview.",
            t.dim(),
        ));
    }
    for (i, a) in d.attempts.iter().enumerate() {
        let mut tags = Vec::new();
        if d.best_attempt.as_ref() == Some(&a.id) && d.attempts.len() > 1 {
            tags.push("best");
        }
        if d.my_answer.as_ref().and_then(|m| m.from.as_ref()) == Some(&a.id) {
            tags.push("kept as your answer");
        }
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" ({})", tags.join(", "))
        };
        let mark = if i == p.attempt { "▸ " } else { "  " };
        let label = format!("{mark}{}. {}{tags}", i + 1, attempt_label(a));
        let style = if i == p.attempt {
            t.selected()
        } else {
            t.key()
        };
        for l in wrap(&label, w.max(1)) {
            out.push(Line::styled(l, style));
        }
        out.extend(text_lines(t, &a.text, w, 4, usize::MAX));
        if let Some(f) = &a.follow_up {
            out.push(Line::styled("    Follow-up:", t.dim()));
            out.extend(text_lines(t, f, w, 4, usize::MAX));
        }
    }
    heading(&mut out, "Model answer".into());
    for k in &d.key_points {
        for l in wrap(&sanitize_line(&format!("• {k}")), w.max(1)) {
            out.push(Line::styled(l, t.text()));
        }
    }
    out.extend(text_lines(t, &reflow(&d.answer), w, 0, usize::MAX));
    heading(&mut out, format!("Review history ({})", d.history.len()));
    if d.history.is_empty() {
        out.push(Line::styled("Never reviewed.", t.dim()));
    }
    for h in &d.history {
        let ivl = h.interval.map_or_else(|| "-".to_string(), interval_label);
        let mode = match h.mode {
            crate::core::record::ReviewMode::Drill => "drill",
            crate::core::record::ReviewMode::Mock => "mock",
        };
        out.push(Line::from(vec![
            Span::styled(format!("{}  ", when(h.at)), t.dim()),
            Span::styled(format!("{:<5}", h.grade.label()), t.grade(h.grade.number())),
            Span::raw(format!("  next in {ivl:<6} {mode}")),
        ]));
    }
    heading(&mut out, "Memory".into());
    match &d.memory {
        Some(m) => {
            let due = m.due.map_or_else(
                || "not scheduled".to_string(),
                |due| {
                    if due <= now {
                        "due now".to_string()
                    } else {
                        format!("due in {}", interval_label(due - now))
                    }
                },
            );
            let text = format!(
                "Stability {:.1} days · difficulty {:.1} of 10 · recall now {:.0}% · {due} · {} reviews, {} lapses",
                m.stability,
                m.difficulty,
                m.recall_now * 100.0,
                m.reps,
                m.lapses
            );
            for l in wrap(&text, w.max(1)) {
                out.push(Line::styled(l, t.text()));
            }
        }
        None => out.push(Line::styled("Not learned yet (a new card).", t.dim())),
    }
    let states: Vec<&str> = d.states.iter().map(|s| s.as_str()).collect();
    out.push(Line::styled(
        truncate_line(
            &sanitize_line(&format!(
                "State: {} · {} line {}",
                states.join(", "),
                d.source,
                d.line
            )),
            w,
        ),
        t.dim(),
    ));
    out
}

fn render_page(
    cx: &Cx,
    b: &BrowserScreen,
    p: &CardPage,
    now: DateTime<Utc>,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = cx.theme;
    let hint = hint_spans(cx, b);
    let foot = footer_height(&hint, cx.message, area.width);
    let [title, body, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(foot),
    ])
    .areas(area);
    let w = usize::from(area.width);
    let Some(d) = &p.detail else {
        let text = if p.loaded {
            "This card is no longer in a loaded deck (its notes and progress are kept)."
        } else {
            "Loading…"
        };
        Line::styled(text, t.dim()).render(body, buf);
        footer(foot_area, buf, hint, cx.message, t);
        return;
    };
    let category = cx
        .decks
        .iter()
        .find(|x| x.id == d.deck)
        .and_then(|x| x.category(&d.category))
        .map_or_else(|| d.category.to_string(), |c| c.title.clone());
    let head = sanitize_line(&format!(
        "{} · {category} · {} · {}",
        d.deck_title, d.kind, d.card
    ));
    Line::styled(truncate_line(&head, w), t.heading()).render(title, buf);
    let (text_area, body) = match &p.editor {
        Some(_) => {
            let [top, rest] =
                Layout::vertical([Constraint::Percentage(60), Constraint::Fill(1)]).areas(body);
            (Some(top), rest)
        }
        None => (None, body),
    };
    let lines = page_lines(t, p, d, now, w);
    let max = lines.len().saturating_sub(usize::from(body.height));
    let scroll = usize::from(p.scroll).min(max);
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(0), 0))
        .render(body, buf);
    if let (Some(r), Some(e)) = (text_area, &p.editor) {
        let title = format!(
            " Your {} · Ctrl-S saves · Esc closes{} ",
            e.which.name(),
            if e.confirm_discard {
                " (again: discard)"
            } else {
                ""
            }
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.key())
            .title(Span::styled(
                truncate_line(&title, w.saturating_sub(2)),
                t.heading(),
            ));
        let inner = block.inner(r);
        block.render(r, buf);
        (&e.area).render(inner, buf);
    }
    footer(foot_area, buf, hint, cx.message, t);
}

impl BrowserScreen {
    /// How far the card page scrolls at the terminal's size (its lines less the rows shown):
    /// measured here, beside the drawing it must agree with.
    pub fn page_max_scroll(&self, cx: &Cx, now: DateTime<Utc>) -> u16 {
        let Some(p) = &self.page else {
            return 0;
        };
        let Some(d) = &p.detail else {
            return 0;
        };
        let (w, h) = cx.size;
        let hint = hint_spans(cx, self);
        let foot = footer_height(&hint, cx.message, w);
        let mut body = h.saturating_sub(1 + foot);
        if p.editor.is_some() {
            body -= body * 60 / 100;
        }
        let n = page_lines(cx.theme, p, d, now, usize::from(w)).len();
        u16::try_from(n.saturating_sub(usize::from(body))).unwrap_or(u16::MAX)
    }
}

impl Draw for BrowserScreen {
    fn render(&self, cx: &Cx, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        match &self.page {
            Some(p) => render_page(cx, self, p, now, area, buf),
            None => render_list(cx, self, area, buf),
        }
    }
}
