//! Making untrusted text (deck files, imports, typed answers) safe to print in a terminal.
//!
//! Deck text must never reach the terminal raw: an escape sequence in a deck could move the
//! cursor, change the title or worse. Every front end prints through these functions.

/// Removes escape sequences and control characters, keeping newlines; tabs become spaces.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\u{1b}' => skip_escape(&mut chars),
            // C1 control introducers (CSI, OSC, DCS...) are escapes too in some terminals.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Like [`sanitize`], for text shown on one line: newlines and tabs become single spaces.
pub fn sanitize_line(text: &str) -> String {
    sanitize(&text.replace(['\n', '\r', '\t'], " "))
}

/// [`sanitize_line`], then cut to `max` terminal cells (wide characters count two), ending
/// with `…` when cut. The one helper for every table column and screen row.
pub fn truncate_line(text: &str, max: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let s = sanitize_line(text);
    if s.width() <= max {
        return s;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        // Bidirectional overrides can make text read differently from what it is.
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if ('\u{20}'..='\u{2f}').contains(c) => {
            // ESC + intermediates + final byte (e.g. `ESC ( B`).
            for c in chars.by_ref() {
                if ('\u{30}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

fn skip_csi(chars: &mut Chars<'_>) {
    // Parameters and intermediates, then one final byte in 0x40..=0x7e.
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

fn skip_string(chars: &mut Chars<'_>) {
    // Runs until BEL, ST (ESC \) or the C1 ST.
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strips_csi_osc_and_controls() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(sanitize("x\u{1b}]8;;http://e\u{1b}\\link"), "xlink");
        assert_eq!(sanitize("bell\u{7}\u{8}\r!"), "bell!");
        assert_eq!(sanitize("line1\nline2\tend"), "line1\nline2    end");
        assert_eq!(sanitize("\u{9b}2Jclear"), "clear");
        assert_eq!(sanitize("rtl\u{202e}txt"), "rtltxt");
        assert_eq!(sanitize("trailing\u{1b}"), "trailing");
    }

    #[test]
    fn one_line_form_joins_lines() {
        assert_eq!(sanitize_line("a\nb\r\nc"), "a b  c");
    }

    #[test]
    fn truncate_line_cuts_by_cells_and_sanitizes() {
        assert_eq!(truncate_line("abcdef", 4), "abc…");
        assert_eq!(truncate_line("abc", 4), "abc");
        assert_eq!(truncate_line("abc", 0), "");
        assert_eq!(truncate_line("日本語です", 5), "日本…");
        assert_eq!(truncate_line("a\u{1b}[31mb\nc", 10), "ab c");
    }

    proptest! {
        #[test]
        fn output_never_holds_escapes_or_controls(s in any::<String>()) {
            let out = sanitize(&s);
            prop_assert!(out.chars().all(|c| c == '\n' || !c.is_control()));
            let line = sanitize_line(&s);
            prop_assert!(line.chars().all(|c| !c.is_control()));
        }

        #[test]
        fn plain_text_is_unchanged(s in "[a-zA-Z0-9 .,;:!?'()-]{0,80}") {
            prop_assert_eq!(sanitize(&s), s);
        }
    }
}
