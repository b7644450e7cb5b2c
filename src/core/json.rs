//! Writing JSON that is safe to print: untrusted text with its control characters stripped.
//!
//! serde_json escapes only what JSON requires (C0 controls, `"` and `\\`). A C1 control
//! (U+009B is CSI, U+009D OSC) or DEL passes raw, and many terminals act on them; an escaped
//! C0 control (`\\u001b`) is decoded by every consumer (`jq -r`, a script) and printed raw. So
//! JSON that prepdeck prints (`--json`, `report --format json`, exports) or appends to the state
//! log could carry escape sequences from a deck or an answer to a terminal. Every JSON prepdeck
//! writes goes through these functions, which remove from every string (keys included)
//! exactly what [`crate::core::text::sanitize`] removes from printed text: escape sequences,
//! control characters (C0, C1, DEL), bidirectional overrides and the line and paragraph
//! separators. Newlines and tabs, which multi-line text holds legitimately, are kept (as
//! `\\n` and `\\t`). Text without such characters is written exactly as serde_json writes it.

use std::io;

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter, Serializer};

use crate::core::text::sanitize_keeping_tabs;

/// `value` as one line of JSON.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(128);
    to_writer(&mut out, value)?;
    Ok(out)
}

/// `value` as one line of JSON, written to `writer`.
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(
        writer,
        Stripping::new(CompactFormatter),
    ))
}

/// `value` as indented JSON (two spaces), written to `writer`.
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(
        writer,
        Stripping::new(PrettyFormatter::new()),
    ))
}

/// `value` as indented JSON.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(256);
    to_writer_pretty(&mut out, value)?;
    // Only whole strings and ASCII escapes were written.
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// A formatter that writes like `F`, with every string's text gathered and cleaned before it
/// is written (an escape sequence spans several of serde_json's fragments).
struct Stripping<F> {
    inner: F,
    /// The text of the string being written.
    text: String,
}

impl<F> Stripping<F> {
    fn new(inner: F) -> Self {
        Stripping {
            inner,
            text: String::new(),
        }
    }
}

impl<F: Formatter> Formatter for Stripping<F> {
    fn begin_string<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.text.clear();
        self.inner.begin_string(writer)
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        _writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        self.text.push_str(fragment);
        Ok(())
    }

    fn write_char_escape<W: ?Sized + io::Write>(
        &mut self,
        _writer: &mut W,
        char_escape: CharEscape,
    ) -> io::Result<()> {
        self.text.push(match char_escape {
            CharEscape::Quote => '"',
            CharEscape::ReverseSolidus => '\\',
            CharEscape::Solidus => '/',
            CharEscape::Backspace => '\u{8}',
            CharEscape::FormFeed => '\u{c}',
            CharEscape::LineFeed => '\n',
            CharEscape::CarriageReturn => '\r',
            CharEscape::Tab => '\t',
            CharEscape::AsciiControl(byte) => char::from(byte),
        });
        Ok(())
    }

    fn end_string<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        let text = std::mem::take(&mut self.text);
        let clean = sanitize_keeping_tabs(&text);
        let mut start = 0;
        for (i, c) in clean.char_indices() {
            let escape = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => continue,
            };
            self.inner.write_string_fragment(writer, &clean[start..i])?;
            writer.write_all(escape.as_bytes())?;
            start = i + c.len_utf8();
        }
        self.inner.write_string_fragment(writer, &clean[start..])?;
        self.text = text;
        self.inner.end_string(writer)
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.inner.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_stripped_and_newlines_and_tabs_kept() {
        let text = "a\u{9b}31m b\u{9d}0;t\u{9c} c\u{7f} d\u{1b}[1m e\u{202e} f\u{2028}\r\u{1}\n\tg \"q\" \\ é 😀";
        let value = serde_json::json!({ "k\u{9b}2J": [text] });
        let clean = "a b c d e f\n\tg \"q\" \\ é 😀";
        for bytes in [
            to_vec(&value).unwrap(),
            to_string_pretty(&value).unwrap().into_bytes(),
        ] {
            let json = String::from_utf8(bytes).unwrap();
            assert!(
                !json.chars().any(
                    |c| (c.is_control() && c != '\n') || ('\u{2028}'..='\u{202e}').contains(&c)
                ),
                "{json:?}"
            );
            assert!(
                !json.contains("\\u"),
                "nothing is escaped as \\uXXXX: {json}"
            );
            assert!(json.contains("\\n\\tg"), "{json}");
            let back: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(back, serde_json::json!({ "k": [clean] }));
        }
        // Plain text is written exactly as serde_json writes it.
        let plain = serde_json::json!({"a": [1, {"b": "c \"d\" \\ e\nf\tg"}], "2": null});
        assert_eq!(
            to_string_pretty(&plain).unwrap(),
            serde_json::to_string_pretty(&plain).unwrap()
        );
        assert_eq!(to_vec(&plain).unwrap(), serde_json::to_vec(&plain).unwrap());
    }

    /// Map keys that are numbers are written as strings by serde_json: they stay whole.
    #[test]
    fn number_keys_and_empty_strings_are_unchanged() {
        let map: std::collections::BTreeMap<u32, &str> = [(7, ""), (12, "x")].into();
        assert_eq!(to_vec(&map).unwrap(), serde_json::to_vec(&map).unwrap());
    }

    /// Every JSON prepdeck prints or stores goes through this module: serde_json's own writers
    /// (which pass C1 controls raw) appear nowhere else in the source.
    #[test]
    fn no_other_json_writer_in_the_source() {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("core/json.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (n, line) in text.lines().enumerate() {
                        let writer = ["to_writer", "to_string_pretty", "to_vec"]
                            .iter()
                            .any(|f| line.contains(&format!("serde_json::{f}(")));
                        if writer {
                            found.push(format!("{}:{}", path.display(), n + 1));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.is_empty(), "use crate::core::json instead: {found:?}");
    }
}
