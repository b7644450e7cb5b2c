//! The targets screen: the list of targets, the selected one's tabs (what the job stresses,
//! requirements, plan, brief), and the "new target" form.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::charts::hbar;
use super::layout::{footer, footer_height, hints, rows, wrap};
use crate::core::deck::{Deck, find_card};
use crate::core::target::{Coverage, Target, countdown};
use crate::core::text::{sanitize_line, truncate_line};
use crate::study::{TargetDetail, target_title};
use crate::tui::keys::{Action, Context, TargetAction, TargetCtx};
use crate::tui::screen::{Cx, Draw};
use crate::tui::screens::targets::{Tab, TargetsScreen};
use crate::tui::theme::Theme;

fn hint_spans(cx: &Cx, s: &TargetsScreen) -> Vec<Span<'static>> {
    let t = Action::Target;
    if s.confirm_remove {
        return hints(
            Context::Target(TargetCtx::ConfirmRemove),
            &[
                (t(TargetAction::ConfirmRemove), "remove"),
                (t(TargetAction::CancelRemove), "keep"),
            ],
            cx.theme,
        );
    }
    hints(
        Context::Target(TargetCtx::List),
        &[
            (Action::Down, "target"),
            (Action::NextTab, "tab"),
            (Action::PageDown, "scroll"),
            (t(TargetAction::Drill), "drill today's plan"),
            (t(TargetAction::Weakest), "weakest"),
            (t(TargetAction::Mock), "mock for this job"),
            (t(TargetAction::Add), "add"),
            (t(TargetAction::Remove), "remove"),
            (Action::Help, "help"),
            (Action::Back, "home"),
        ],
        cx.theme,
    )
}

fn when(t: &Target, now: DateTime<Utc>, d: &Option<&TargetDetail>) -> String {
    let offset = d.map_or(chrono::Offset::fix(&Utc), |d| d.offset);
    match t.date {
        None => "no date".into(),
        Some(date) => format!("{date} ({})", countdown(date.days_left(now, offset))),
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn para(text: &str, w: usize, indent: usize, style: Style) -> Vec<Line<'static>> {
    let pad = " ".repeat(indent);
    wrap(&sanitize_line(text), w.saturating_sub(indent).max(10))
        .into_iter()
        .map(|l| Line::styled(format!("{pad}{l}"), style))
        .collect()
}

fn question(decks: &[Deck], key: &crate::core::ids::CardKey) -> String {
    find_card(decks, key).map_or(key.card.to_string(), |(_, c)| sanitize_line(&c.question))
}

fn category_title(decks: &[Deck], deck: &crate::core::ids::DeckId, cat: &str) -> String {
    decks
        .iter()
        .find(|d| &d.id == deck)
        .and_then(|d| d.categories.iter().find(|c| c.id.as_str() == cat))
        .map_or(cat.to_string(), |c| sanitize_line(&c.title))
}

/// What the job stresses: categories with relevance, readiness and recall on the day;
/// coverage in numbers; notes.
fn job_lines(cx: &Cx, d: &TargetDetail, w: usize) -> Vec<Line<'static>> {
    let t = cx.theme;
    let mut out = Vec::new();
    let req = &d.reading.requirements;
    let count = |c: Coverage| req.iter().filter(|r| r.coverage == c).count();
    if d.archived {
        out.extend(para(
            "The interview is over: this target is archived and drills follow the normal \
             schedule again.",
            w,
            0,
            t.warn(),
        ));
    }
    out.push(Line::styled(
        "Categories the job stresses (relevance · readiness · recall on the day)",
        t.heading(),
    ));
    let name_w = w.saturating_sub(36).clamp(12, 44);
    for c in d.reading.categories.iter().take(8) {
        let readiness = d
            .readiness
            .get(&(c.deck.clone(), c.category.clone()))
            .map_or("  -".to_string(), |r| format!("{r:>3.0}"));
        let recall = d
            .plan
            .as_ref()
            .and_then(|p| {
                p.categories
                    .iter()
                    .find(|f| f.deck == c.deck && f.category == c.category)
            })
            .map_or("   -".to_string(), |f| {
                format!("{:>4}", pct(f.recall_on_day))
            });
        out.push(Line::raw(format!(
            "  {:<name_w$} {} {:>4}  {readiness}  {recall}",
            truncate_line(&sanitize_line(&c.title), name_w),
            hbar(c.score, 8),
            format!("{:.2}", c.score),
        )));
    }
    out.push(Line::raw(""));
    out.push(Line::from(vec![
        Span::styled("Requirements: ", t.heading()),
        Span::styled(format!("{} covered well", count(Coverage::Well)), t.good()),
        Span::raw(", "),
        Span::styled(format!("{} thinly", count(Coverage::Thin)), t.warn()),
        Span::raw(", "),
        Span::styled(
            match count(Coverage::Gap) {
                1 => "1 gap".to_string(),
                n => format!("{n} gaps"),
            },
            t.error(),
        ),
        Span::styled("  (Tab: the requirements)", t.dim()),
    ]));
    if let Some(p) = &d.plan
        && !p.archived
    {
        out.push(Line::raw(format!(
            "Plan: {} of {} cards learned, recall on the day if you stopped now {}; today {} new, \
             {} reviews",
            p.learned,
            p.cards,
            pct(p.recall_on_day),
            p.today.new.len(),
            p.today.reviews.len()
        )));
    }
    if let Some(notes) = &d.target.notes {
        out.push(Line::raw(""));
        out.push(Line::styled("Your notes", t.heading()));
        for l in notes.lines() {
            out.extend(para(l, w, 2, t.text()));
        }
    }
    out
}

/// Each requirement: its coverage, the cards and stories answering it, what the bank lacks.
fn requirement_lines(cx: &Cx, d: &TargetDetail, w: usize) -> Vec<Line<'static>> {
    let t = cx.theme;
    let mut out = Vec::new();
    if d.reading.requirements.is_empty() {
        out.extend(para(
            "No requirement was found in the job description (no list of duties or criteria).",
            w,
            0,
            t.dim(),
        ));
    }
    for r in &d.reading.requirements {
        let (label, style) = match r.coverage {
            Coverage::Well => ("well  ", t.good()),
            Coverage::Thin => ("thinly", t.warn()),
            Coverage::Gap => ("gap   ", t.error()),
        };
        let text = wrap(&sanitize_line(&r.text), w.saturating_sub(9).max(10));
        for (i, l) in text.into_iter().enumerate() {
            let head = if i == 0 { label } else { "      " };
            out.push(Line::from(vec![
                Span::styled(format!("{head}  "), style),
                Span::styled(l, t.text()),
            ]));
        }
        for a in r.cards.iter().take(3) {
            out.push(Line::styled(
                truncate_line(&format!("        card: {}", question(cx.decks, &a.key)), w),
                t.dim(),
            ));
        }
        for s in &r.stories {
            out.push(Line::styled(
                truncate_line(
                    &sanitize_line(&format!("        your story: {}", s.title)),
                    w,
                ),
                t.good(),
            ));
        }
        if !r.missing.is_empty() {
            out.push(Line::styled(
                truncate_line(
                    &sanitize_line(&format!(
                        "        not in the bank: {}",
                        r.missing.join(", ")
                    )),
                    w,
                ),
                t.warn(),
            ));
        }
    }
    out
}

/// The plan to the date: days left, quotas, the final window, per category recall.
fn plan_lines(cx: &Cx, d: &TargetDetail, w: usize) -> Vec<Line<'static>> {
    let t = cx.theme;
    let Some(p) = &d.plan else {
        return para(
            "No interview date: the plan needs one (prepdeck target edit NAME --date \
             YYYY-MM-DD). The job's categories are on the first tab.",
            w,
            0,
            t.dim(),
        );
    };
    if p.archived {
        return para(
            "The interview is over (archived): drills follow the normal schedule again.",
            w,
            0,
            t.warn(),
        );
    }
    let name = &d.target.name;
    let mut out = vec![Line::styled(
        format!(
            "Interview {}: {} of {} target cards learned; recall on the day if you stopped now {}",
            countdown(p.days_left),
            p.learned,
            p.cards,
            pct(p.recall_on_day)
        ),
        t.heading(),
    )];
    out.extend(para(
        &format!(
            "Each day: {} new, about {}. The last {}, from {}, see every card \
             again: {} reviews a day, so the last review is close to the interview.",
            p.new_per_day,
            crate::core::text::count(p.reviews_per_day as usize, "review", "reviews"),
            crate::core::text::count(usize::try_from(p.final_days).unwrap_or(0), "day", "days"),
            p.final_window_from
                .with_timezone(&d.offset)
                .format("%a %-d %b"),
            p.final_reviews_per_day
        ),
        w,
        2,
        t.text(),
    ));
    out.extend(para(
        &format!(
            "Today: {} new, {}{} (d drills them). Limits: {} new and {} reviews a day \
             (+/- and ]/[ change them here; prepdeck target edit {name} --new-per-day N \
             --reviews-per-day N).",
            p.today.new.len(),
            crate::core::text::count(p.today.reviews.len(), "review", "reviews"),
            if p.today.new_done > 0 {
                format!(", {} new done already", p.today.new_done)
            } else {
                String::new()
            },
            p.limits.0,
            p.limits.1
        ),
        w,
        2,
        t.text(),
    ));
    if !p.feasible {
        out.extend(para(
            &format!(
                "Not enough room: {} card(s) cannot be learned in time within the limits; \
                 raise them or expect to skip some.",
                p.not_learned_in_time
            ),
            w,
            2,
            t.error(),
        ));
    }
    out.push(Line::raw(""));
    let name_w = w.saturating_sub(40).clamp(12, 40);
    out.push(Line::styled(
        format!(
            "  {:<name_w$} {:>5} {:>7} {:>7} {:>5} {:>9}",
            "Category", "cards", "learned", "recall*", "ready", "readiness"
        ),
        t.dim(),
    ));
    for c in &p.categories {
        let readiness = d
            .readiness
            .get(&(c.deck.clone(), c.category.clone()))
            .map_or("-".to_string(), |r| format!("{r:.0}"));
        out.push(Line::raw(format!(
            "  {:<name_w$} {:>5} {:>7} {:>7} {:>5} {:>9}",
            truncate_line(
                &category_title(cx.decks, &c.deck, c.category.as_str()),
                name_w
            ),
            c.cards,
            c.learned,
            pct(c.recall_on_day),
            c.ready,
            readiness
        )));
    }
    out.push(Line::styled(
        "  * predicted recall (FSRS) on the interview day if you stopped now",
        t.dim(),
    ));
    for (label, keys) in [
        ("New today", &p.today.new),
        ("Reviews today", &p.today.reviews),
    ] {
        if keys.is_empty() {
            continue;
        }
        out.push(Line::raw(""));
        out.push(Line::styled(label, t.heading()));
        for k in keys {
            out.push(Line::raw(truncate_line(
                &format!("  {}", question(cx.decks, k)),
                w,
            )));
        }
    }
    out
}

fn brief_lines(cx: &Cx, d: &TargetDetail, w: usize) -> Vec<Line<'static>> {
    let t = cx.theme;
    let mut out = para(
        &format!(
            "The one-page brief (prepdeck target brief {} -o brief.md writes it):",
            d.target.name
        ),
        w,
        0,
        t.dim(),
    );
    for l in d.brief.lines() {
        let style = if l.starts_with('#') {
            t.heading()
        } else {
            t.text()
        };
        if l.is_empty() {
            out.push(Line::raw(""));
        } else {
            let indent = l.len() - l.trim_start().len();
            out.extend(para(l, w, indent, style));
        }
    }
    out
}

fn tab_bar(t: Theme, tab: Tab) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, x) in Tab::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", t.dim()));
        }
        let style = if *x == tab { t.selected() } else { t.dim() };
        spans.push(Span::styled(format!(" {} ", x.title()), style));
    }
    Line::from(spans)
}

fn render_list(cx: &Cx, s: &TargetsScreen, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
    let t = cx.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border())
        .title(Span::styled(" Interview targets ", t.heading()));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    let detail = s
        .detail
        .as_ref()
        .and_then(|d| d.as_ref().ok())
        .map(|b| &**b);
    let lines: Vec<Line> = match &s.list {
        None => vec![Line::styled("Loading…", t.dim())],
        Some(l) if l.targets.is_empty() => vec![Line::styled(
            "No target yet: a adds one (paste the job description, give the date).",
            t.dim(),
        )],
        Some(l) => l
            .targets
            .iter()
            .enumerate()
            .map(|(i, target)| {
                let marker = if i == s.selected { "▸ " } else { "  " };
                let text = format!(
                    "{marker}{:<22} {:<34} {}",
                    truncate_line(target.name.as_str(), 22),
                    truncate_line(&target_title(target), 34),
                    when(target, now, &detail)
                );
                let text = truncate_line(&text, w);
                if i == s.selected {
                    Line::styled(text, t.selected())
                } else {
                    Line::raw(text)
                }
            })
            .collect(),
    };
    let visible = usize::from(inner.height).max(1);
    let first = (s.selected + 1).saturating_sub(visible);
    Paragraph::new(lines)
        .scroll((u16::try_from(first).unwrap_or(0), 0))
        .render(inner, buf);
}

pub fn render(cx: &Cx, s: &TargetsScreen, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
    if s.form.is_some() {
        super::target_form::render(cx, s, area, buf);
        return;
    }
    let t = cx.theme;
    let hint_spans = hint_spans(cx, s);
    let foot = footer_height(&hint_spans, cx.message, area.width);
    let count = s.list.as_ref().map_or(1, |l| l.targets.len().max(1));
    let [list, tabs, body, foot_area] = Layout::vertical([
        Constraint::Length(rows(count.min(5)).saturating_add(2)),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(foot),
    ])
    .areas(area);
    render_list(cx, s, now, list, buf);
    tab_bar(t, s.tab).render(tabs, buf);
    let w = usize::from(body.width).saturating_sub(1);
    let lines = match &s.detail {
        None if s.selected_name().is_some() => vec![Line::styled("Reading the job…", t.dim())],
        None => vec![],
        Some(Err(e)) => para(e, w, 0, t.error()),
        Some(Ok(d)) => match s.tab {
            Tab::Job => job_lines(cx, d, w),
            Tab::Requirements => requirement_lines(cx, d, w),
            Tab::Plan => plan_lines(cx, d, w),
            Tab::Brief => brief_lines(cx, d, w),
        },
    };
    let max = u16::try_from(lines.len().saturating_sub(usize::from(body.height))).unwrap_or(0);
    Paragraph::new(lines)
        .scroll((s.scroll.min(max), 0))
        .render(body, buf);
    footer(foot_area, buf, hint_spans, cx.message, t);
}

impl Draw for TargetsScreen {
    fn render(&self, cx: &Cx, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
        render(cx, self, now, area, buf);
    }
}
