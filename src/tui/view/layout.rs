//! Shared drawing helpers: size classes, wrapping, key hints and the status line.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::keymap::key_for;
use crate::tui::keys::{Action, Context};
use crate::tui::screen::Level;
use crate::tui::theme::Theme;

/// Below this the app shows only "terminal too small".
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

/// Smaller than 80x24: drop borders and spacing.
pub fn compact(area: Rect) -> bool {
    area.width < 80 || area.height < 24
}

/// The message shown instead of the app when the terminal is too small.
pub fn too_small(area: Rect, buf: &mut Buffer, theme: Theme) {
    let text = format!(
        "Terminal too small ({}x{}). prepdeck needs at least {MIN_WIDTH}x{MIN_HEIGHT}. q quits.",
        area.width, area.height
    );
    Paragraph::new(text)
        .style(theme.warn())
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// Word-wraps `text` to `max` cells per line; long words are cut. Keeps blank lines.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut out = Vec::new();
    for para in text.trim_end().split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for word in para.split_whitespace() {
            let ww = width(word);
            if w > 0 && w + 1 + ww > max {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
            if ww > max {
                for c in word.chars() {
                    let cw = width(c.encode_utf8(&mut [0; 4]));
                    if w + cw > max {
                        out.push(std::mem::take(&mut line));
                        w = 0;
                    }
                    line.push(c);
                    w += cw;
                }
                continue;
            }
            if w > 0 {
                line.push(' ');
                w += 1;
            }
            line.push_str(word);
            w += ww;
        }
        out.push(line);
    }
    out
}

/// "key label" pairs for the footer, from the keymap, as one wrapped paragraph.
pub fn hints(ctx: Context, actions: &[(Action, &str)], theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (action, label) in actions {
        let Some(key) = key_for(ctx, *action) else {
            continue;
        };
        if !spans.is_empty() {
            spans.push(Span::raw(HINT_GAP));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {label}")));
    }
    spans
}

/// The gap between two hints ([`hints`] puts it between them).
const HINT_GAP: &str = "  ";

/// The hints laid out in rows of at most `width` columns, breaking only between two hints
/// (a hint wider than the row gets a row of its own and is cut there).
fn hint_rows(spans: &[Span<'static>], width: usize) -> Vec<Line<'static>> {
    let mut groups: Vec<Vec<Span<'static>>> = vec![];
    let mut current = vec![];
    for span in spans {
        if span.content == HINT_GAP {
            groups.push(std::mem::take(&mut current));
        } else {
            current.push(span.clone());
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    let mut rows: Vec<Vec<Span<'static>>> = vec![];
    let mut used = 0;
    for group in groups {
        let w: usize = group.iter().map(|s| self::width(&s.content)).sum();
        match rows.last_mut() {
            Some(row) if used + HINT_GAP.len() + w <= width => {
                row.push(Span::raw(HINT_GAP));
                row.extend(group);
                used += HINT_GAP.len() + w;
            }
            _ => {
                rows.push(group);
                used = w;
            }
        }
    }
    rows.into_iter().map(Line::from).collect()
}

/// Draws the footer: hints (wrapped between hints, never inside one), and the status message
/// over them when there is one.
pub fn footer(
    area: Rect,
    buf: &mut Buffer,
    hints: Vec<Span<'static>>,
    message: Option<&(Level, String)>,
    theme: Theme,
) {
    let line = match message {
        Some((Level::Error, text)) => Line::from(Span::styled(text.clone(), theme.error())),
        Some((Level::Info, text)) => Line::from(Span::styled(text.clone(), theme.warn())),
        None => {
            Paragraph::new(hint_rows(&hints, usize::from(area.width))).render(area, buf);
            return;
        }
    };
    Paragraph::new(line)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// How many rows the footer needs at `width` (1 to 3).
pub fn footer_height(
    spans: &[Span<'static>],
    message: Option<&(Level, String)>,
    width: u16,
) -> u16 {
    let rows = match message {
        // `wrap` collapses runs of spaces; keep double spaces as a visible stand-in so the
        // count errs on the side of one row too many, never too few.
        Some((_, t)) => wrap(&t.replace("  ", " ~"), usize::from(width)).len(),
        None => hint_rows(spans, usize::from(width)).len(),
    };
    u16::try_from(rows).unwrap_or(3).clamp(1, 3)
}

/// `m:ss` (or `h:mm:ss`) for a clock.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// "4m 12s", "1h 03m", "12s" for durations in prose.
pub fn duration_words(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m {:02}s", s / 60, s % 60),
        s => format!("{}h {:02}m", s / 3600, s / 60 % 60),
    }
}

/// A count of rows as a terminal height: saturates (a `u16` cast would wrap past 65535).
pub fn rows(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_cuts_long_words() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefg", 3), vec!["abc", "def", "g"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(wrap("", 0), vec![""]);
    }

    #[test]
    fn clocks() {
        assert_eq!(clock(Duration::from_secs(42)), "0:42");
        assert_eq!(clock(Duration::from_secs(3_723)), "1:02:03");
        assert_eq!(duration_words(Duration::from_secs(252)), "4m 12s");
    }
}
