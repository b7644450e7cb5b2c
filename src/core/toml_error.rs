//! Where a TOML error is, for every TOML file prepdeck reads (decks, settings, the mock setup,
//! targets, stories, fitted weights): `toml` gives most errors a span, but refuses a dotted
//! key nested past its limit ("recursion limit") without one. [`span`] finds that key, so the
//! message names its line like any other.

use std::ops::Range;

/// Where `e` is in `text`: its own span, else (a key nested too deep) the first such key.
pub fn span(text: &str, e: &toml::de::Error) -> Option<Range<usize>> {
    e.span().or_else(|| deep_key_span(text))
}

/// The 1-based line of `e` in `text`, when it can be placed.
pub fn line(text: &str, e: &toml::de::Error) -> Option<usize> {
    span(text, e).map(|s| line_at(text, s.start))
}

/// A hint for the errors that need one: how deep a dotted key may go.
pub fn help(e: &toml::de::Error) -> Option<String> {
    is_too_deep(e).then(|| format!("a dotted key may have at most {KEY_DEPTH_LIMIT} dots"))
}

/// `e` on one line, starting with its line number when it has one, with [`help`] after it:
/// "line 5: recursion limit (a dotted key may have at most 80 dots)".
pub fn one_line(text: &str, e: &toml::de::Error) -> String {
    let mut msg = e.message().trim().replace('\n', " ");
    if let Some(help) = help(e) {
        msg = format!("{msg} ({help})");
    }
    match line(text, e) {
        Some(l) => format!("line {l}: {msg}"),
        None => msg,
    }
}

fn is_too_deep(e: &toml::de::Error) -> bool {
    e.message().trim() == "recursion limit"
}

fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// `toml` refuses a dotted key of more than [`KEY_DEPTH_LIMIT`] parts ("recursion limit")
/// without saying where it is. The span of the first such key (table headers included), found
/// with the parser `toml` uses, so the error gets a line and column like any other.
pub(crate) fn deep_key_span(text: &str) -> Option<Range<usize>> {
    use toml_parser::parser::EventReceiver;
    use toml_parser::{ErrorSink, Span};

    #[derive(Default)]
    struct DeepKey {
        /// The key being read: where it starts and ends, and how many dots so far.
        start: Option<usize>,
        end: usize,
        dots: usize,
        found: Option<Range<usize>>,
    }
    impl DeepKey {
        fn end_key(&mut self) {
            if self.found.is_none()
                && self.dots >= KEY_DEPTH_LIMIT
                && let Some(start) = self.start
            {
                self.found = Some(start..self.end);
            }
            self.start = None;
            self.dots = 0;
        }
    }
    impl EventReceiver for DeepKey {
        fn simple_key(
            &mut self,
            span: Span,
            _: Option<toml_parser::decoder::Encoding>,
            _: &mut dyn ErrorSink,
        ) {
            self.start.get_or_insert(span.start());
            self.end = span.end();
        }
        fn key_sep(&mut self, _: Span, _: &mut dyn ErrorSink) {
            self.dots += 1;
        }
        fn key_val_sep(&mut self, _: Span, _: &mut dyn ErrorSink) {
            self.end_key();
        }
        fn std_table_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
            self.end_key();
        }
        fn array_table_close(&mut self, _: Span, _: &mut dyn ErrorSink) {
            self.end_key();
        }
        fn newline(&mut self, _: Span, _: &mut dyn ErrorSink) {
            self.end_key();
        }
    }

    let source = toml_parser::Source::new(text);
    let tokens: Vec<_> = source.lex().collect();
    let mut receiver = DeepKey::default();
    toml_parser::parser::parse_document(&tokens, &mut receiver, &mut ());
    receiver.end_key();
    receiver.found
}

/// The opening delimiter (`"""` or `'''`) of the first multi-line string that is never
/// closed: the rest of the file is read as its text, so every error after it follows from it
/// (a stray `"""` makes a handful), and `toml`'s own error for it is at the end of the file.
pub fn unclosed_string(text: &str) -> Option<Range<usize>> {
    use toml_parser::lexer::TokenKind;
    let source = toml_parser::Source::new(text);
    source.lex().find_map(|t| {
        let delim = match t.kind() {
            TokenKind::MlBasicString => "\"\"\"",
            TokenKind::MlLiteralString => "'''",
            _ => return None,
        };
        let span = t.span();
        let raw = text.get(span.start()..span.end())?;
        let closed = raw.len() >= 2 * delim.len() && raw.ends_with(delim);
        (!closed).then(|| span.start()..span.start() + delim.len())
    })
}

/// How many dots a key may have before `toml` refuses it (its parser's `LIMIT` of 80 parts).
const KEY_DEPTH_LIMIT: usize = 80;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_multi_line_string_is_found_where_it_opens() {
        let text = "a = \"\"\"\nx\n\"\"\"\nb = 1\n\"\"\"\n\nc = 2\n";
        assert_eq!(
            unclosed_string(text),
            Some(20..23),
            "the stray one on line 5"
        );
        assert_eq!(unclosed_string("a = '''\nnever closed\n"), Some(4..7));
        assert_eq!(unclosed_string("a = \"\"\"x\"\"\"\nb = '''y'''\n"), None);
        assert_eq!(
            unclosed_string("a = \"\"\"\"\"\n"),
            Some(4..7),
            "five quotes"
        );
    }

    #[test]
    fn a_key_nested_too_deep_is_placed_on_its_line() {
        let text = format!("a = 1\n\nk{} = 2\n", ".k".repeat(200));
        let e = toml::from_str::<toml::Table>(&text).unwrap_err();
        assert_eq!(
            e.span(),
            None,
            "toml places it now: this module may be unneeded"
        );
        assert_eq!(line(&text, &e), Some(3));
        assert_eq!(
            one_line(&text, &e),
            "line 3: recursion limit (a dotted key may have at most 80 dots)"
        );
        // In a table header too.
        let text = format!("[k{}]\n", ".k".repeat(200));
        let e = toml::from_str::<toml::Table>(&text).unwrap_err();
        assert_eq!(line(&text, &e), Some(1));
    }

    #[test]
    fn other_errors_keep_their_own_place() {
        let e = toml::from_str::<toml::Table>("a = 1\nb = \n").unwrap_err();
        assert_eq!(line("a = 1\nb = \n", &e), Some(2));
        assert_eq!(help(&e), None);
    }
}
