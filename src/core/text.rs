//! Making untrusted text (deck files, imports, typed answers) safe to print in a terminal.
//!
//! Deck text must never reach the terminal raw: an escape sequence in a deck could move the
//! cursor, change the title or worse. Every front end prints through these functions.

/// Removes escape sequences and control characters, keeping newlines; tabs become spaces.
pub fn sanitize(text: &str) -> String {
    clean(text, "    ")
}

/// [`sanitize`] keeping tabs as they are: for JSON, which escapes them.
pub fn sanitize_keeping_tabs(text: &str) -> String {
    clean(text, "\t")
}

fn clean(text: &str, tab: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str(tab),
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

/// The most characters a typed answer keeps (a mock interview's answer or follow-up answer,
/// a drill's draft): about 3,000 words, far more than anyone says in an answer's few minutes.
/// A longer paste (a whole file by mistake) would make the debrief's matching take minutes.
pub const MAX_ANSWER_CHARS: usize = 20_000;

/// A typed answer as prepdeck keeps it: its first [`MAX_ANSWER_CHARS`] characters,
/// [`sanitize`]d (escape sequences and control characters removed, newlines kept, tabs as
/// spaces). Also says whether it was cut, for the front end to tell the candidate.
pub fn accept_answer(text: &str) -> (String, bool) {
    // Only the part that is kept is looked at: a 10 MB paste costs no more than the cap.
    match text.char_indices().nth(MAX_ANSWER_CHARS) {
        Some((end, _)) => (sanitize(&text[..end]), true),
        None => (sanitize(text), false),
    }
}

/// Whether `c` is a character a terminal does not show as itself: the controls and overrides
/// [`sanitize`] removes, and the invisible format characters it keeps (zero-width spaces and
/// joiners, the byte-order mark, the soft hyphen). Newlines and tabs are not hidden.
pub fn is_hidden(c: char) -> bool {
    (is_unsafe(c) && !matches!(c, '\n' | '\t'))
        || matches!(
            c,
            '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
}

/// `text` with every [hidden](is_hidden) character written out as `\u0007` (TOML's and JSON's
/// spelling): for messages that quote a value the user gave, so
/// a refused id that holds an invisible character is not shown as one that looks valid
/// ("unknown kind `knowledge`"). What is left is safe to print.
pub fn show_hidden(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            // Every hidden character is below U+10000: four digits.
            out.push_str(&format!("\\u{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// "1 question", "3 questions": a count with its noun in the right number (`many` is the
/// plural, for nouns that do not just take an "s").
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 of 3 questions", "1 of 1 question": a part of a count, the noun agreeing with the whole.
pub fn count_of(n: usize, total: usize, one: &str, many: &str) -> String {
    format!("{n} of {}", count(total, one, many))
}

/// A value the user gave (an id, a name), as a message quotes it: on one line, with its
/// hidden characters written out ([`show_hidden`]) rather than dropped.
pub fn quoted(text: &str) -> String {
    sanitize_line(&show_hidden(text))
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

/// A deck's text as its author meant it, not as their editor wrapped it: a line break inside
/// a paragraph, after a line filled to a wrap column ([`REFLOW_WIDTH`] characters or more),
/// joins the two lines, so the screen can wrap the paragraph to its own width. Blank lines, list
/// items ("- ", "* ", "• ", "1. ", "2) ") and short lines ("Best,", a signature, a heading) keep
/// their breaks. Typed answers are never reflowed: this is for texts of a deck.
pub fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim_end();
        let joins = prev.is_some_and(|p| {
            !p.trim().is_empty()
                && !trimmed.trim().is_empty()
                && p.chars().count() >= REFLOW_WIDTH
                && !p.ends_with(':')
                && !is_list_item(trimmed)
        });
        if joins {
            out.push(' ');
            out.push_str(trimmed.trim_start());
        } else {
            if prev.is_some() {
                out.push('\n');
            }
            out.push_str(trimmed);
        }
        prev = Some(trimmed);
    }
    out
}

/// How long a line must be for a break after it to be read as an editor's wrap.
pub const REFLOW_WIDTH: usize = 50;

fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if ["- ", "* ", "\u{2022} ", "\u{2013} ", "> "]
        .iter()
        .any(|m| t.starts_with(m))
    {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && matches!(t[digits..].chars().next(), Some('.' | ')'))
        && t[digits..].chars().nth(1).is_some_and(char::is_whitespace)
}

pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        // Bidirectional overrides can make text read differently from what it is; line and
        // paragraph separators break lines where no newline is seen (and end a JavaScript
        // string that embeds JSON).
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
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
    #[test]
    fn reflow_joins_an_editors_wraps_and_keeps_the_authors_breaks() {
        use super::reflow;
        let wrapped = "We moved 420 mailboxes in four waves over six weeks, each one\n\
                       rehearsed on a test group first.\n\
                       \n\
                       What I did:\n\
                       - wrote the runbook, which every engineer followed to the letter\n\
                       - ran the pilot\n\
                       1. first wave\n\
                       2) second wave\n\
                       \n\
                       Best,\n\
                       Sam Patel";
        assert_eq!(
            reflow(wrapped),
            "We moved 420 mailboxes in four waves over six weeks, each one rehearsed on a test \
             group first.\n\nWhat I did:\n- wrote the runbook, which every engineer followed to \
             the letter\n- ran the pilot\n1. first wave\n2) second wave\n\nBest,\nSam Patel"
        );
        // Windows line ends and trailing spaces; a text with no break is unchanged.
        assert_eq!(
            reflow("A line that an editor wrapped at its column, long enough   \r\nto join."),
            "A line that an editor wrapped at its column, long enough to join."
        );
        assert_eq!(reflow("One paragraph."), "One paragraph.");
        assert_eq!(reflow(""), "");
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(0, "question", "questions"), "0 questions");
        assert_eq!(count(1, "question", "questions"), "1 question");
        assert_eq!(count(2, "grade", "grades"), "2 grades");
        assert_eq!(count_of(1, 1, "question", "questions"), "1 of 1 question");
        assert_eq!(count_of(1, 3, "question", "questions"), "1 of 3 questions");
    }

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
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "abc");
        assert_eq!(sanitize_keeping_tabs("a\tb\u{1b}[1m\r\n"), "a\tb\n");
        assert_eq!(sanitize("trailing\u{1b}"), "trailing");
    }

    #[test]
    fn answers_are_cleaned_and_capped() {
        assert_eq!(
            accept_answer("I led\n\tthe \u{1b}[31mteam\u{9b}2J"),
            ("I led\n    the team".to_string(), false)
        );
        let exact = "é".repeat(MAX_ANSWER_CHARS);
        assert_eq!(accept_answer(&exact), (exact.clone(), false));
        let (long, cut) = accept_answer(&"word ".repeat(2_000_000));
        assert!(cut);
        assert_eq!(long.chars().count(), MAX_ANSWER_CHARS);
        // What is kept is whole characters.
        let (kept, cut) = accept_answer(&"ü".repeat(MAX_ANSWER_CHARS + 5));
        assert!(cut);
        assert_eq!(kept, "ü".repeat(MAX_ANSWER_CHARS));
    }

    #[test]
    fn hidden_characters_are_written_out() {
        assert_eq!(show_hidden("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(show_hidden("know\u{1b}ledge"), "know\\u001Bledge");
        assert_eq!(
            show_hidden("a\u{9b}b\u{200b}c\u{feff}d\u{202e}e\u{7f}"),
            "a\\u009Bb\\u200Bc\\uFEFFd\\u202Ee\\u007F"
        );
        let shown = show_hidden("x\u{1b}]0;title\u{7}");
        assert_eq!(sanitize(&shown), shown);
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
