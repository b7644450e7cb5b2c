//! The candidate's own material as lines: beside a model answer (drill reveal, mock debrief)
//! and on a card's page. Every text is the user's or a deck's, so it is sanitised here.

use chrono::{DateTime, Utc};
use ratatui::text::Line;

use super::layout::wrap;
use crate::core::notes::{Attempt, AttemptSource};
use crate::core::text::{sanitize, sanitize_line};
use crate::study::Beside;
use crate::tui::theme::Theme;

/// At most this many lines of an earlier attempt beside a model answer (the card's page in
/// the browser has them whole).
pub const ATTEMPT_LINES: usize = 4;

/// "2026-03-02 09:00".
pub fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// "2026-03-02 09:00 · drill · 3/5 key points · Good".
pub fn attempt_label(a: &Attempt) -> String {
    let mut parts = vec![
        when(a.at),
        match a.source {
            AttemptSource::Drill => "drill".to_string(),
            AttemptSource::Mock { .. } => "mock".to_string(),
        },
    ];
    let (hit, of) = a.covered();
    if of > 0 {
        parts.push(format!("{hit}/{of} key points"));
    }
    parts.push(a.grade_text());
    parts.join(" · ")
}

/// `text` wrapped to `width` (indented by `indent`), at most `max` lines then "… N more lines".
pub fn text_lines(
    t: Theme,
    text: &str,
    width: usize,
    indent: usize,
    max: usize,
) -> Vec<Line<'static>> {
    let clean = sanitize(text.trim());
    let lines = wrap(&clean, width.saturating_sub(indent).max(1));
    let pad = " ".repeat(indent);
    let mut out: Vec<Line<'static>> = lines
        .iter()
        .take(max)
        .map(|l| Line::styled(format!("{pad}{l}"), t.text()))
        .collect();
    if lines.len() > max {
        out.push(Line::styled(
            format!(
                "{pad}… {} more lines (the card browser has it all)",
                lines.len() - max
            ),
            t.dim(),
        ));
    }
    out
}

fn section(t: Theme, out: &mut Vec<Line<'static>>, title: String, body: Vec<Line<'static>>) {
    out.push(Line::raw(""));
    out.push(Line::styled(title, t.heading()));
    out.extend(body);
}

/// The candidate's answer, note, previous and best attempts and the stories that fit, each
/// only when there is one; `promote_key` names the key that keeps an attempt as the answer.
pub fn beside_lines(
    t: Theme,
    b: &Beside,
    width: usize,
    promote_key: Option<&str>,
) -> Vec<Line<'static>> {
    let mut out = own_text_lines(t, b, width);
    out.extend(attempt_lines(t, b, width, promote_key));
    out
}

/// The candidate's own answer and note (what goes right under the model answer).
pub fn own_text_lines(t: Theme, b: &Beside, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let section = |out: &mut Vec<Line<'static>>, title: String, body| section(t, out, title, body);
    if let Some(a) = &b.my_answer {
        section(
            &mut out,
            "Your answer".into(),
            text_lines(t, &a.text, width, 0, usize::MAX),
        );
    }
    if let Some(n) = &b.note {
        section(
            &mut out,
            "Your note".into(),
            text_lines(t, &n.text, width, 0, usize::MAX),
        );
    }
    out
}

/// The previous and best attempts, the stories that fit and the promote hint.
pub fn attempt_lines(
    t: Theme,
    b: &Beside,
    width: usize,
    promote_key: Option<&str>,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let section = |out: &mut Vec<Line<'static>>, title: String, body| section(t, out, title, body);
    if let Some(p) = &b.previous {
        section(
            &mut out,
            format!("Your previous attempt ({})", attempt_label(p)),
            text_lines(t, &p.text, width, 2, ATTEMPT_LINES),
        );
    }
    if let Some(best) = &b.best {
        section(
            &mut out,
            format!("Your best attempt ({})", attempt_label(best)),
            text_lines(t, &best.text, width, 2, ATTEMPT_LINES),
        );
    }
    if !b.stories.is_empty() {
        let body = b
            .stories
            .iter()
            .flat_map(|s| {
                let why = if s.competency_match {
                    "proves this competency".to_string()
                } else {
                    let words: Vec<&str> = s.shared.iter().take(3).map(String::as_str).collect();
                    format!("shares: {}", words.join(", "))
                };
                wrap(
                    &sanitize_line(&format!("• {} [{}]: {why}", s.title, s.id)),
                    width.max(1),
                )
            })
            .map(|l| Line::styled(l, t.text()))
            .collect();
        section(&mut out, "Stories that fit".into(), body);
    } else if let Some(problem) = &b.stories_problem {
        section(
            &mut out,
            "Stories".into(),
            wrap(
                &sanitize_line(&format!(
                    "Your story bank has errors, so no story is suggested: {problem}"
                )),
                width.max(1),
            )
            .into_iter()
            .map(|l| Line::styled(l, t.warn()))
            .collect(),
        );
    }
    if let (Some(key), Some(a)) = (promote_key, b.promotable()) {
        let which = if b.current.as_ref().is_some_and(|c| c.id == a.id) {
            "this answer"
        } else {
            "your best attempt"
        };
        out.push(Line::raw(""));
        out.extend(
            wrap(&format!("{key}: keep {which} as your answer"), width.max(1))
                .into_iter()
                .map(|l| Line::styled(l, t.dim())),
        );
    }
    out
}
