//! Anki cloze deletions: `{{c1::Paris::capital}}`.
//!
//! A cloze note has one text holding the deletions. prepdeck asks the text with each deletion
//! blanked (`[capital]`, or `[...]` without a hint) and answers with the deletions revealed.

/// Deletions nested deeper than this are kept as written (Anki itself nests a few levels).
pub const MAX_NESTING: usize = 32;

/// True when the text holds at least one cloze deletion.
pub fn has_cloze(text: &str) -> bool {
    rewrite(text, Mode::Reveal).1
}

/// The text with every deletion replaced by its text: `{{c1::Paris::capital}}` -> `Paris`.
pub fn reveal(text: &str) -> String {
    rewrite(text, Mode::Reveal).0
}

/// The text with every deletion blanked: `{{c1::Paris::capital}}` -> `[capital]`.
pub fn blank(text: &str) -> String {
    rewrite(text, Mode::Blank).0
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Reveal,
    Blank,
}

/// A deletion being read: `{{c1::` seen, its `}}` not yet.
struct Frame {
    /// The deletion as written so far, with the deletions inside it rewritten in the
    /// top-level mode: what is kept if it is never closed.
    written: String,
    /// Its text, inner deletions revealed.
    text: String,
    /// Its hint (after the first `::`), inner deletions revealed.
    hint: Option<String>,
    /// Plain `{{` opened inside it and not closed yet: their `}}` are not the deletion's.
    braces: usize,
}

impl Frame {
    fn push(&mut self, s: &str) {
        self.written.push_str(s);
        self.content(s);
    }

    fn content(&mut self, s: &str) {
        match &mut self.hint {
            Some(h) => h.push_str(s),
            None => self.text.push_str(s),
        }
    }
}

/// The length of a deletion's opening `{{c<digits>::` at the start of `s`.
fn opener_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("{{c")?;
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    body[digits..].starts_with("::").then_some(3 + digits + 2)
}

/// One pass over `text` with a stack of open deletions (no recursion, linear time): every
/// closed deletion is rewritten (`mode` at the top level, revealed inside another); one never
/// closed is kept as written. Returns the text and whether any deletion was found.
fn rewrite(text: &str, mode: Mode) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut found = false;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(n) = opener_len(rest).filter(|_| stack.len() < MAX_NESTING) {
            stack.push(Frame {
                written: rest[..n].to_string(),
                text: String::new(),
                hint: None,
                braces: 0,
            });
            i += n;
            continue;
        }
        if let Some(top) = stack.last_mut() {
            if rest.starts_with("{{") {
                top.braces += 1;
                top.push("{{");
                i += 2;
                continue;
            }
            if rest.starts_with("}}") && top.braces > 0 {
                top.braces -= 1;
                top.push("}}");
                i += 2;
                continue;
            }
            if rest.starts_with("::") && top.braces == 0 && top.hint.is_none() {
                top.written.push_str("::");
                top.hint = Some(String::new());
                i += 2;
                continue;
            }
            if rest.starts_with("}}")
                && let Some(done) = stack.pop()
            {
                found = true;
                let shown = match (mode, &done.hint) {
                    (Mode::Reveal, _) => done.text.clone(),
                    (Mode::Blank, Some(h)) if !h.trim().is_empty() => format!("[{}]", h.trim()),
                    (Mode::Blank, _) => "[...]".to_string(),
                };
                match stack.last_mut() {
                    Some(parent) => {
                        parent.written.push_str(&shown);
                        parent.content(&done.text);
                    }
                    None => out.push_str(&shown),
                }
                i += 2;
                continue;
            }
        }
        // Plain text up to the next character that may start a token.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let len = rest[first..]
            .find(['{', '}', ':'])
            .map_or(rest.len(), |p| p + first);
        match stack.last_mut() {
            Some(top) => top.push(&rest[..len]),
            None => out.push_str(&rest[..len]),
        }
        i += len;
    }
    // Deletions never closed, innermost last: each is kept as written, inside its parent.
    let mut tail = String::new();
    while let Some(f) = stack.pop() {
        let mut written = f.written;
        written.push_str(&tail);
        tail = written;
    }
    out.push_str(&tail);
    (out, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn deletions_are_revealed_or_blanked() {
        let t = "The capital of {{c1::France}} is {{c2::Paris::city}}.";
        assert!(has_cloze(t));
        assert_eq!(reveal(t), "The capital of France is Paris.");
        assert_eq!(blank(t), "The capital of [...] is [city].");
    }

    #[test]
    fn nested_and_broken_deletions() {
        let t = "{{c1::outer {{c2::inner}} text}}";
        assert_eq!(reveal(t), "outer inner text");
        assert_eq!(blank(t), "[...]");
        assert_eq!(reveal("{{c1::unclosed"), "{{c1::unclosed");
        assert_eq!(reveal("{{cx::no}} {{c::no}}"), "{{cx::no}} {{c::no}}");
        assert!(!has_cloze("{{Front}} {{c1::x"));
        assert_eq!(reveal("a::b {{c10::x::y::z}}"), "a::b x");
    }

    #[test]
    fn deep_nesting_is_linear_and_capped() {
        let n = 100_000;
        let open = "{{c1::".repeat(n);
        let t = format!("{open}x");
        assert_eq!(reveal(&t), t, "never closed: kept as written");
        assert!(!has_cloze(&t));
        let t = format!("{open}x{}", "}}".repeat(n));
        let revealed = reveal(&t);
        assert!(has_cloze(&t));
        // The 32 outermost are deletions; the ones deeper are kept as written.
        let inner = MAX_NESTING;
        assert!(
            revealed.starts_with(&"{{c1::".repeat(n - inner)),
            "{}",
            &revealed[..40]
        );
        assert!(revealed.len() < t.len());
        let t = format!("{}x{}", "{{c1::".repeat(40), "}}".repeat(40));
        assert_eq!(
            reveal(&t),
            format!("{}x{}", "{{c1::".repeat(8), "}}".repeat(8))
        );
        assert_eq!(blank("{{c1::a {{c2::b::h}} c::hint}}"), "[hint]");
        assert_eq!(blank("{{c1::a {{c2::b::h}}"), "{{c1::a [h]");
    }

    proptest! {
        #[test]
        fn never_panics(s in "[{}c1:a-z é]{0,40}") {
            let _ = reveal(&s);
            let _ = blank(&s);
            let _ = has_cloze(&s);
        }
    }
}
