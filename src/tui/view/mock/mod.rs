//! The mock interview's screens: setup, the running interview, the debrief and the summary,
//! and what they share (the countdown gauge, styled word-wrapping).

pub mod debrief;
pub mod run;
pub mod setup;
pub mod summary;

use std::time::Duration;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::layout::{clock, width};
use crate::core::session::{ClockView, Phase};
use crate::tui::theme::Theme;

/// Whole seconds left, rounded up while time remains ("0:10" until the last tenth is gone);
/// negative in overtime.
pub fn seconds_left(c: &ClockView) -> i64 {
    let ms = c.remaining.num_milliseconds();
    if ms >= 0 {
        (ms + 999) / 1000
    } else {
        ms / 1000
    }
}

/// "Answer  1:42 left  ██████░░░░": the phase, the time as text (readable without colour),
/// and a bar of the time left, coloured by how much is left.
pub fn gauge(t: Theme, c: &ClockView, max: usize) -> Line<'static> {
    let label = match c.phase {
        Phase::Prep => "Reading time",
        Phase::Answer => "Answer",
        Phase::FollowUp => "Follow-up",
        Phase::Done => "",
    };
    let secs = seconds_left(c);
    let time = if secs >= 0 {
        format!("{} left", clock(Duration::from_secs(secs.unsigned_abs())))
    } else {
        format!("+{} over", clock(Duration::from_secs(secs.unsigned_abs())))
    };
    let paused = if c.paused { " (paused)" } else { "" };
    let style = t.clock(secs);
    let head = format!("{label}  ");
    let text = format!("{time}{paused}");
    let used = width(&head) + width(&text) + 2;
    let mut spans = vec![Span::styled(head, t.heading()), Span::styled(text, style)];
    let bar = max.saturating_sub(used);
    if bar >= 4 {
        let share = if c.limit.is_zero() {
            0.0
        } else {
            c.remaining.num_milliseconds().max(0) as f64 / c.limit.as_millis() as f64
        };
        let full = ((share * bar as f64).ceil() as usize).min(bar);
        spans.push(Span::raw("  "));
        spans.push(Span::styled("█".repeat(full), style));
        spans.push(Span::styled("░".repeat(bar - full), t.dim()));
    }
    Line::from(spans)
}

/// Word-wraps styled text to `max` cells a line; long words are cut, `\n` breaks lines.
pub fn wrap_styled(segments: &[(String, Style)], max: usize) -> Vec<Line<'static>> {
    let max = max.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<(char, Style)> = Vec::new();
    let mut word: Vec<(char, Style)> = Vec::new();
    let cell = |c: char| width(c.encode_utf8(&mut [0; 4]));
    let cells = |v: &[(char, Style)]| v.iter().map(|(c, _)| cell(*c)).sum::<usize>();
    let flush_word = |line: &mut Vec<(char, Style)>,
                      word: &mut Vec<(char, Style)>,
                      lines: &mut Vec<Line<'static>>| {
        if word.is_empty() {
            return;
        }
        let lw = cells(line);
        let ww = cells(word);
        if lw > 0 && lw + 1 + ww > max {
            lines.push(to_line(std::mem::take(line)));
        } else if lw > 0 {
            line.push((' ', Style::new()));
        }
        for (c, s) in word.drain(..) {
            if cells(line) + cell(c) > max && !line.is_empty() {
                lines.push(to_line(std::mem::take(line)));
            }
            line.push((c, s));
        }
    };
    for (text, style) in segments {
        for c in text.chars() {
            match c {
                '\n' => {
                    flush_word(&mut line, &mut word, &mut lines);
                    lines.push(to_line(std::mem::take(&mut line)));
                }
                c if c.is_whitespace() => flush_word(&mut line, &mut word, &mut lines),
                c => word.push((c, *style)),
            }
        }
    }
    flush_word(&mut line, &mut word, &mut lines);
    lines.push(to_line(line));
    lines
}

fn to_line(chars: Vec<(char, Style)>) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut style = Style::new();
    for (c, s) in chars {
        if s != style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        style = s;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, style));
    }
    Line::from(spans)
}

/// Plain text wrapped to `max`, every line in `style`.
pub fn wrapped(text: &str, style: Style, max: usize) -> Vec<Line<'static>> {
    super::layout::wrap(text, max)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A question in a box over the screen: `text` wrapped, then the answers' keys ("y yes, end"),
/// one per line when they do not fit on one. The box is at most `max_w` wide, centred.
pub fn popup(
    t: Theme,
    title: &str,
    text: &str,
    answers: &[(String, &str)],
    max_w: u16,
    area: ratatui::layout::Rect,
    buf: &mut ratatui::buffer::Buffer,
) {
    use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
    let w = area.width.min(max_w);
    let inner_w = usize::from(w.saturating_sub(2)).max(1);
    let mut lines = wrapped(text, t.text(), inner_w);
    let one_line: usize = answers
        .iter()
        .map(|(k, what)| width(k) + 1 + width(what) + 3)
        .sum();
    let mut row: Vec<Span<'static>> = Vec::new();
    for (k, what) in answers {
        if one_line > inner_w + 3 && !row.is_empty() {
            lines.push(Line::from(std::mem::take(&mut row)));
        } else if !row.is_empty() {
            row.push(Span::raw("   "));
        }
        row.push(Span::styled(k.clone(), t.key()));
        row.push(Span::raw(format!(" {what}")));
    }
    if !row.is_empty() {
        lines.push(Line::from(row));
    }
    let h = (u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2))
    .min(area.height);
    let popup = ratatui::layout::Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.warn())
        .title(Span::styled(format!(" {title} "), t.warn()));
    let inner = block.inner(popup);
    block.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn styled_wrap_breaks_on_words_and_keeps_styles() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let segs = vec![
            ("so ".to_string(), Style::new()),
            ("um".to_string(), bold),
            (", we fixed\nit".to_string(), Style::new()),
        ];
        let lines = wrap_styled(&segs, 8);
        assert_eq!(plain(&lines), vec!["so um,", "we fixed", "it"]);
        assert_eq!(lines[0].spans[1].style, bold);
        assert_eq!(
            plain(&wrap_styled(&[("abcdefghij".into(), bold)], 4)).len(),
            3
        );
        assert_eq!(plain(&wrap_styled(&[], 0)), vec![""]);
    }

    #[test]
    fn gauge_shows_time_as_text() {
        let c = ClockView {
            phase: Phase::Answer,
            remaining: chrono::TimeDelta::milliseconds(9_500),
            limit: Duration::from_secs(60),
            paused: false,
        };
        let l = gauge(Theme::plain(), &c, 40).to_string();
        assert!(l.starts_with("Answer  0:10 left"), "{l}");
        let over = ClockView {
            remaining: chrono::TimeDelta::milliseconds(-12_000),
            ..c
        };
        assert!(
            gauge(Theme::plain(), &over, 10)
                .to_string()
                .contains("+0:12 over")
        );
    }
}
