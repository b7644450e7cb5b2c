//! Deck errors as a compiler shows them: `path:line:column`, the line, a caret, what was expected.

use std::fmt;
use std::ops::Range;

use crate::core::text::{sanitize_line, show_hidden};

/// One problem in a deck file, located in the source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How the file is named in messages (a path, or `built-in:<name>`).
    pub origin: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    /// The offending line of the file (control characters removed), empty for whole-file problems.
    pub line_text: String,
    /// How many characters to underline (at least 1 when located).
    pub width: usize,
    pub message: String,
    /// What was expected, or how to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem located at a byte span of `text`. Finds the line by counting from the start:
    /// for one diagnostic; a file with many uses [`Diagnostic::at_line_of`] with its newlines.
    pub fn at(
        origin: &str,
        text: &str,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        Self::at_line_of(origin, text, &newlines(text), span, message, help)
    }

    /// [`Diagnostic::at`] with the byte offsets of every `\n` of `text` (from [`newlines`],
    /// once per file): the line is a binary search, so a file with thousands of problems is
    /// still read in one pass, not one pass per problem.
    pub fn at_line_of(
        origin: &str,
        text: &str,
        newlines: &[usize],
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let before = newlines.partition_point(|&i| i < start);
        let line_start = match before {
            0 => 0,
            n => newlines[n - 1] + 1,
        };
        let line_end = newlines
            .get(before)
            .copied()
            .unwrap_or(text.len())
            .clamp(start, text.len());
        let line = before + 1;
        let raw_line = text[line_start..line_end].trim_end_matches('\r');
        let column = text[line_start..start].chars().count() + 1;
        let shown = end.min(line_end);
        let width = text[start..shown].chars().count().max(1);
        Diagnostic {
            origin: origin.to_string(),
            line,
            column,
            line_text: sanitize_line(raw_line),
            width,
            message: message.into(),
            help,
        }
    }

    /// A problem with the whole file (unreadable, not UTF-8, too large, ...).
    pub fn whole_file(origin: &str, message: impl Into<String>, help: Option<String>) -> Self {
        Diagnostic {
            origin: origin.to_string(),
            line: 0,
            column: 0,
            line_text: String::new(),
            width: 0,
            message: message.into(),
            help,
        }
    }
}

/// The byte offset of every `\n` in `text`, in order.
pub fn newlines(text: &str) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
        .collect()
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let origin = sanitize_line(&show_hidden(&self.origin));
        // A value quoted in the message keeps its invisible characters visible (`\u0007`):
        // stripped, "`id` \"mydeck\" is not a valid id" would name an id that looks valid.
        let message = sanitize_line(&show_hidden(&self.message));
        let hidden = message != sanitize_line(&self.message);
        writeln!(f, "error: {message}")?;
        if self.line == 0 {
            writeln!(f, "  --> {origin}")?;
        } else {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            writeln!(f, "{pad}--> {origin}:{}:{}", self.line, self.column)?;
            writeln!(f, "{pad} |")?;
            writeln!(f, "{num} | {}", self.line_text)?;
            // The caret column counts characters; tabs in the line are kept as single spaces by
            // sanitize_line, so the caret stays under the right character.
            let lead = " ".repeat(self.column.saturating_sub(1));
            writeln!(f, "{pad} | {lead}{}", "^".repeat(self.width.max(1)))?;
        }
        let pad = " ".repeat(if self.line == 0 {
            1
        } else {
            self.line.to_string().len()
        });
        if let Some(help) = &self.help {
            writeln!(f, "{pad} = help: {}", sanitize_line(&show_hidden(help)))?;
        }
        if hidden {
            writeln!(
                f,
                "{pad} = note: the value holds invisible characters, written here as \\uXXXX; \
                 retype it without them"
            )?;
        }
        Ok(())
    }
}

/// A deck file that did not load, with every problem found in it.
#[derive(Clone, Debug)]
pub struct DeckProblem {
    /// How the file is named (its path, or `built-in:<name>`).
    pub origin: String,
    pub diagnostics: Diagnostics,
}

impl DeckProblem {
    /// The file to open to fix it; `None` for a built-in deck.
    pub fn path(&self) -> Option<std::path::PathBuf> {
        (!self.origin.starts_with("built-in:")).then(|| std::path::PathBuf::from(&self.origin))
    }

    /// The line of the first located problem (1 when none is located): where an editor opens.
    pub fn first_line(&self) -> usize {
        self.diagnostics
            .iter()
            .map(|d| d.line)
            .find(|l| *l > 0)
            .unwrap_or(1)
    }

    /// One line naming the file and its first problem: `my.toml:27:12: unknown category`.
    pub fn summary(&self) -> String {
        self.summary_as(&self.origin)
    }

    /// The same with only the file's name (where a line is short).
    pub fn short_summary(&self) -> String {
        let name = std::path::Path::new(&self.origin)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.origin.clone());
        self.summary_as(&name)
    }

    fn summary_as(&self, origin: &str) -> String {
        let origin = sanitize_line(&show_hidden(origin));
        match self.diagnostics.iter().next() {
            Some(d) if d.line > 0 => format!(
                "{origin}:{}:{}: {}",
                d.line,
                d.column,
                sanitize_line(&show_hidden(&d.message))
            ),
            Some(d) => format!("{origin}: {}", sanitize_line(&show_hidden(&d.message))),
            None => format!("{origin}: could not be loaded"),
        }
    }
}

/// Every problem found in one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl Diagnostics {
    /// The first `max` problems as [`Diagnostics`] prints them, then a line saying how many
    /// more there are: a file with 40,000 problems printed 13 MB on every start.
    pub fn first(&self, max: usize, more: &str) -> String {
        let shown = Diagnostics(self.0.iter().take(max).cloned().collect());
        match self.0.len().saturating_sub(max) {
            0 => shown.to_string(),
            n => format!("{shown}\n... and {n} more problem(s) in this file{more}\n"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let text = "a = 1\nquestoin = \"x\"\n";
        let d = Diagnostic::at(
            "deck.toml",
            text,
            6..14,
            "unknown key `questoin`",
            Some("expected one of: question".into()),
        );
        assert_eq!((d.line, d.column, d.width), (2, 1, 8));
        let shown = d.to_string();
        assert_eq!(
            shown,
            "error: unknown key `questoin`\n --> deck.toml:2:1\n  |\n2 | questoin = \"x\"\n  | ^^^^^^^^\n  = help: expected one of: question\n"
        );
    }

    #[test]
    fn invisible_characters_in_a_message_are_written_out_and_explained() {
        let text = "id = \"my\u{7}deck\"\n";
        let d = Diagnostic::at(
            "deck.toml",
            text,
            5..16,
            "`id` \"my\u{7}deck\" is not a valid id",
            None,
        );
        let shown = d.to_string();
        assert!(
            shown.contains("error: `id` \"my\\u0007deck\" is not a valid id"),
            "{shown}"
        );
        assert!(
            shown.contains("= note: the value holds invisible characters"),
            "{shown}"
        );
        assert!(!shown.contains('\u{7}'), "{shown}");
        let plain = Diagnostic::at("deck.toml", text, 5..16, "plain", None).to_string();
        assert!(!plain.contains("note:"), "{plain}");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "t = \"é\" x";
        let d = Diagnostic::at("f", text, 9..10, "m", None);
        assert_eq!(d.column, 9);
    }

    #[test]
    fn lines_from_the_index_match_counting() {
        let text = "a\r\nbé = 1\n\n  c = 2\nlast";
        let index = newlines(text);
        for start in 0..=text.len() + 2 {
            let d = Diagnostic::at_line_of("f", text, &index, start..start + 3, "m", None);
            let clamped = floor_char_boundary(text, start.min(text.len()));
            let counted = text[..clamped].matches('\n').count() + 1;
            assert_eq!(d.line, counted, "{start}");
            assert!(!d.line_text.contains('\n'));
        }
    }

    #[test]
    fn spans_past_the_end_do_not_panic() {
        let d = Diagnostic::at("f", "abc", 10..20, "m", None);
        assert_eq!(d.line, 1);
        let d = Diagnostic::at("f", "", 0..0, "m", None);
        assert_eq!(d.line, 1);
    }
}
