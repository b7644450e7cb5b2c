//! The walker the deck parser is built on: it parses the text into a spanned TOML tree (only
//! the first syntax error reported) and collects every other problem located at its line and
//! column. Shared with the story bank; its readers of single fields are in `fields.rs`, what a
//! deck holds is read in `parse.rs`.

use std::ops::Range;

use toml::de::{DeArray, DeTable, DeValue};

use crate::core::deck::{Diagnostic, Diagnostics};

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

/// Walks a spanned TOML tree, collecting located problems. The deck parser's, reused for
/// other files prepdeck reads with the same diagnostics (the story bank).
pub(crate) struct Walker<'a> {
    origin: &'a str,
    text: &'a str,
    /// Byte offsets of every `\n`, so a line number is a binary search, not a scan of the
    /// file (which made loading a 10,000-card deck take seconds).
    newlines: Vec<usize>,
    pub(super) errors: Vec<Diagnostic>,
}

pub(crate) type Table<'i> = DeTable<'i>;

impl<'a> Walker<'a> {
    /// A walker over `text`, naming it `origin` in messages.
    pub(crate) fn new(origin: &'a str, text: &'a str) -> Walker<'a> {
        Walker {
            origin,
            text,
            newlines: text
                .bytes()
                .enumerate()
                .filter_map(|(i, b)| (b == b'\n').then_some(i))
                .collect(),
            errors: Vec::new(),
        }
    }

    /// Parses the text into a spanned tree; `None` after recording its first syntax error.
    /// Only the first: the parser recovers from one by guessing, and what it finds after that
    /// is mostly noise from the same mistake (a stray `"""` gave six errors). A multi-line
    /// string never closed is named where it opens (the parser's own error for it is at the
    /// end of the file); otherwise the message says how many more problems were found.
    pub(crate) fn parse_toml(&mut self) -> Option<toml::Spanned<DeTable<'a>>> {
        use crate::core::toml_error;
        let (root, syntax) = DeTable::parse_recoverable(self.text);
        if syntax.is_empty() {
            return Some(root);
        }
        let located: Vec<_> = syntax
            .iter()
            .map(|e| (toml_error::span(self.text, e), e))
            .collect();
        let first = located
            .iter()
            .min_by_key(|(span, _)| span.as_ref().map_or(usize::MAX, |s| s.start));
        let first_at = first.and_then(|(s, _)| s.as_ref()).map(|s| s.start);
        if let Some(open) = toml_error::unclosed_string(self.text)
            && first_at.is_none_or(|at| at >= open.start)
        {
            let delim = self.text.get(open.clone()).unwrap_or("\"\"\"").to_string();
            self.error(
                open,
                format!(
                    "invalid TOML: this {delim} opens a multi-line string that is never closed"
                ),
                Some(format!(
                    "the rest of the file is read as its text: close it with {delim}, or \
                     remove it if it is a stray one"
                )),
            );
            return None;
        }
        let (span, e) = first?;
        let msg = first_line(e.message());
        let mut help = toml_error::help(e);
        if syntax.len() > 1 {
            let more = syntax.len() - 1;
            let note = format!(
                "the parser found {more} more problem{} after this one; {} may follow from it: \
                 fix it and check again",
                if more == 1 { "" } else { "s" },
                if more == 1 { "it" } else { "they" }
            );
            help = Some(match help {
                Some(h) => format!("{h}; {note}"),
                None => note,
            });
        }
        match span {
            Some(span) => self.error(span.clone(), format!("invalid TOML: {msg}"), help),
            None => self.errors.push(Diagnostic::whole_file(
                self.origin,
                format!("invalid TOML: {msg}"),
                help,
            )),
        }
        None
    }

    /// Whether a problem was found so far.
    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

impl Walker<'_> {
    pub(crate) fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.errors.push(Diagnostic::at_line_of(
            self.origin,
            self.text,
            &self.newlines,
            span,
            message,
            help,
        ));
    }

    pub(crate) fn finish(mut self) -> Diagnostics {
        self.errors.sort_by_key(|d| (d.line, d.column));
        self.errors.dedup();
        Diagnostics(self.errors)
    }

    /// The span to blame for something missing from a table: its header line.
    pub(crate) fn header_span(&self, span: &Range<usize>) -> Range<usize> {
        // Spans of tables from `[[card]]` begin at the header; make the caret cover `[[card]]`.
        let start = span.start.min(self.text.len());
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        start..end.max(start)
    }

    pub(crate) fn array_tables<'t, 'i>(
        &mut self,
        items: &'t DeArray<'i>,
        key: &str,
        example: &str,
    ) -> Vec<(&'t Table<'i>, Range<usize>)> {
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                other => self.type_error(item.span(), key, &format!("a table ({example})"), other),
            }
        }
        out
    }

    pub(crate) fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.newlines.partition_point(|&i| i < end) + 1
    }
}
