//! Writing JSON that is safe to print: every control character escaped as `\uXXXX`.
//!
//! serde_json escapes only what JSON requires (C0 controls, `"` and `\`). A C1 control
//! (U+009B is CSI, U+009D OSC) or DEL passes raw, and many terminals act on them, so JSON
//! that prepdeck prints (`--json`, `report --format json`, exports) or appends to the state log
//! could carry escape sequences from a deck or an answer straight to a terminal that shows it
//! (`cat`, `jq`, `tail -f`). Every JSON prepdeck writes goes through these functions, which
//! escape the same characters [`crate::core::text::sanitize`] removes (controls, bidi
//! overrides) plus the line and paragraph separators; the value read back is unchanged.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

use crate::core::text::is_unsafe;

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
        Escaping(CompactFormatter),
    ))
}

/// `value` as indented JSON (two spaces), written to `writer`.
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(
        writer,
        Escaping(PrettyFormatter::new()),
    ))
}

/// `value` as indented JSON.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(256);
    to_writer_pretty(&mut out, value)?;
    // Only whole strings and ASCII escapes were written.
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// Characters escaped beyond what serde_json escapes itself.
fn needs_escape(c: char) -> bool {
    is_unsafe(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A formatter that writes like `F`, with [`needs_escape`] characters as `\uXXXX`.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_read_back_unchanged() {
        let text = "a\u{9b}31m b\u{9d}0;t\u{9c} c\u{7f} d\u{1b}[1m e\u{202e} f\u{2028} é 😀";
        let value = serde_json::json!({ "k\u{9b}": [text] });
        for bytes in [
            to_vec(&value).unwrap(),
            to_string_pretty(&value).unwrap().into_bytes(),
        ] {
            let json = String::from_utf8(bytes).unwrap();
            assert!(
                !json.chars().any(|c| c.is_control() && c != '\n'),
                "{json:?}"
            );
            assert!(
                json.contains("\\u009b") && json.contains("\\u202e"),
                "{json}"
            );
            assert!(json.contains("é 😀"), "{json}");
            let back: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(back, value);
        }
        // Pretty output is serde_json's own layout.
        let plain = serde_json::json!({"a": [1, {"b": "c"}]});
        assert_eq!(
            to_string_pretty(&plain).unwrap(),
            serde_json::to_string_pretty(&plain).unwrap()
        );
        assert_eq!(to_vec(&plain).unwrap(), serde_json::to_vec(&plain).unwrap());
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
