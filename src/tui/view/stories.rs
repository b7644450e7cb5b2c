//! The story bank screen: the stories (the selected one in full) or the coverage table, and
//! the file's problems when it does not parse.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::{footer, footer_height, hints, wrap};
use super::own::text_lines;
use crate::core::stories::{STORIES_PER_COMPETENCY, Story};
use crate::core::text::{sanitize_line, truncate_line};
use crate::study::StoriesView;
use crate::tui::keys::{Action, Context, OwnAction, OwnCtx};
use crate::tui::screen::{Cx, Draw};
use crate::tui::screens::stories::{Pane, StoriesScreen};
use crate::tui::theme::Theme;

fn hint_spans(cx: &Cx, s: &StoriesScreen) -> Vec<Span<'static>> {
    let o = Action::Own;
    let exists = s.view.as_ref().is_some_and(|v| v.read.exists);
    let list: &[(Action, &str)] = if exists {
        &[
            (o(OwnAction::SwitchPane), "stories/coverage"),
            (Action::Down, "move"),
            (o(OwnAction::EditStory), "edit in $EDITOR"),
            (o(OwnAction::DrillStories), "drill stories"),
            (Action::Help, "help"),
            (Action::Back, "home"),
        ]
    } else {
        &[
            (o(OwnAction::CreateStories), "create from template"),
            (o(OwnAction::SwitchPane), "coverage"),
            (Action::Help, "help"),
            (Action::Back, "home"),
        ]
    };
    hints(Context::Own(OwnCtx::Stories), list, cx.theme)
}

fn lines_of(text: &str, w: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrap(&sanitize_line(text), w.max(1))
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn story_row(t: Theme, s: &Story, w: usize, selected: bool) -> Line<'static> {
    let figure = if s.result_has_figure() { "   " } else { "no#" };
    let short = if s.short.is_some() { "90s" } else { "   " };
    let head = format!("{figure} {short} ");
    let title = truncate_line(
        &sanitize_line(&format!("{} [{}]", s.title, s.id)),
        w.saturating_sub(head.len()),
    );
    let style = if selected { t.selected() } else { t.text() };
    Line::from(vec![
        Span::styled(head, t.warn().patch(style)),
        Span::styled(title, style),
    ])
}

fn story_lines(t: Theme, s: &Story, w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (label, text) in [
        ("Situation", s.situation.as_str()),
        ("Task", s.task.as_str()),
        ("Action", s.action.as_str()),
        ("Result", s.result.as_str()),
    ] {
        out.push(Line::styled(label, t.heading()));
        out.extend(text_lines(t, text, w, 2, usize::MAX));
    }
    if !s.result_has_figure() {
        out.extend(lines_of(
            "The result has no figure: add one (how much, how many, how fast).",
            w,
            t.warn(),
        ));
    }
    match &s.short {
        Some(short) => {
            out.push(Line::styled("90-second version", t.heading()));
            out.extend(text_lines(t, short, w, 2, usize::MAX));
        }
        None => out.extend(lines_of("No 90-second version (`short`) yet.", w, t.dim())),
    }
    out.extend(lines_of(
        &format!("Competencies: {}", s.competencies.join(", ")),
        w,
        t.dim(),
    ));
    out
}

fn coverage_lines(t: Theme, v: &StoriesView, w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let c = &v.coverage;
    out.extend(lines_of(
        &format!(
            "{} competencies from the decks in use; {} with fewer than {STORIES_PER_COMPETENCY} stories.",
            c.competencies.len(),
            c.short_count()
        ),
        w,
        t.heading(),
    ));
    for row in &c.competencies {
        let n = row.stories.len();
        let mark = if row.short { "!" } else { " " };
        let style = if row.short { t.warn() } else { t.text() };
        let stories = if row.stories.is_empty() {
            "none".to_string()
        } else {
            row.stories.join(", ")
        };
        let text = format!("{mark} {n}  {}: {stories}", row.title);
        out.push(Line::styled(truncate_line(&sanitize_line(&text), w), style));
    }
    if !c.unmatched.is_empty() {
        out.push(Line::raw(""));
        let words: Vec<String> = c
            .unmatched
            .iter()
            .map(|(story, comp)| format!("{comp} ({story})"))
            .collect();
        out.extend(lines_of(
            &format!(
                "Competencies that name no category of your decks: {}",
                words.join(", ")
            ),
            w,
            t.dim(),
        ));
    }
    out
}

pub fn render(cx: &Cx, s: &StoriesScreen, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let hint = hint_spans(cx, s);
    let foot = footer_height(&hint, cx.message, area.width);
    let [title, tabs, body, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(foot),
    ])
    .areas(area);
    let w = usize::from(area.width);
    let Some(v) = &s.view else {
        Line::styled("Story bank", t.title()).render(title, buf);
        Paragraph::new(lines_of(
            "This progress has no data folder for a story bank.",
            w,
            t.dim(),
        ))
        .render(body, buf);
        footer(foot_area, buf, hint, cx.message, t);
        return;
    };
    let count = v.read.bank.as_ref().map_or(0, |b| b.stories.len());
    Line::from(vec![
        Span::styled("Story bank", t.title()),
        Span::styled(
            truncate_line(
                &sanitize_line(&format!("  {count} stories · {}", v.read.path.display())),
                w.saturating_sub(10),
            ),
            t.dim(),
        ),
    ])
    .render(title, buf);
    let tab = |name: &'static str, on: bool| {
        if on {
            Span::styled(format!("[{name}]"), t.selected())
        } else {
            Span::styled(format!(" {name} "), t.dim())
        }
    };
    Line::from(vec![
        tab("Stories", s.pane == Pane::Stories),
        Span::raw(" "),
        tab("Coverage", s.pane == Pane::Coverage),
    ])
    .render(tabs, buf);

    if s.pane == Pane::Coverage {
        let lines = coverage_lines(t, v, w);
        let max = lines.len().saturating_sub(usize::from(body.height));
        let scroll = usize::from(s.scroll).min(max);
        Paragraph::new(lines)
            .scroll((u16::try_from(scroll).unwrap_or(0), 0))
            .render(body, buf);
        footer(foot_area, buf, hint, cx.message, t);
        return;
    }
    match &v.read.bank {
        Err(problems) => {
            let mut lines = lines_of(
                "The story bank does not parse. Your text is kept as you wrote it; e opens the \
                 file to fix it (`prepdeck stories check` says the same).",
                w,
                t.error(),
            );
            for p in problems {
                lines.push(Line::raw(""));
                // Kept unwrapped: the caret under the column must stay where it points.
                for l in p.lines() {
                    lines.push(Line::styled(truncate_line(&sanitize_line(l), w), t.text()));
                }
            }
            Paragraph::new(lines).render(body, buf);
        }
        Ok(bank) if bank.stories.is_empty() => {
            let text = if v.read.exists {
                "The story bank has no story yet: e opens it; copy the commented example's \
                 [[story]] block without its \"# \" (the example itself does not count)."
            } else {
                "No story bank yet. Coaches advise 8 to 10 STAR stories, two or more per \
                 competency, each with a 90-second version and a result with a number. n \
                 creates the file from a commented template; e then opens it."
            };
            Paragraph::new(lines_of(text, w, t.dim())).render(body, buf);
        }
        Ok(bank) => {
            let list_rows = u16::try_from(bank.stories.len())
                .unwrap_or(u16::MAX)
                .min(body.height / 2)
                .max(1);
            let [list, legend, detail] = Layout::vertical([
                Constraint::Length(list_rows),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(body);
            let h = usize::from(list.height);
            let start = s.selected.saturating_sub(h.saturating_sub(1));
            let rows: Vec<Line> = bank
                .stories
                .iter()
                .enumerate()
                .skip(start)
                .take(h)
                .map(|(i, st)| story_row(t, st, w, i == s.selected))
                .collect();
            Paragraph::new(rows).render(list, buf);
            // What the marks of the list mean (the row between the list and the story).
            Line::styled(
                truncate_line("no# result without a figure · 90s a 90-second version", w),
                t.dim(),
            )
            .render(legend, buf);
            if let Some(st) = bank.stories.get(s.selected) {
                let mut lines = story_lines(t, st, w);
                if !v.read.warnings.is_empty() {
                    lines.push(Line::raw(""));
                    lines.push(Line::styled("Warnings in the file", t.heading()));
                    for warning in &v.read.warnings {
                        lines.extend(lines_of(warning, w, t.warn()));
                    }
                }
                Paragraph::new(lines).render(detail, buf);
            }
        }
    }
    footer(foot_area, buf, hint, cx.message, t);
}

impl Draw for StoriesScreen {
    fn render(&self, cx: &Cx, _now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        render(cx, self, area, buf);
    }
}
