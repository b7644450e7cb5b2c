//! Anki cloze deletions: `{{c1::Paris::capital}}`.
//!
//! A cloze note has one text holding the deletions. prepdeck asks the text with each deletion
//! blanked (`[capital]`, or `[...]` without a hint) and answers with the deletions revealed.

/// True when the text holds at least one cloze deletion.
pub fn has_cloze(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find("{{c") {
        if parse_at(&rest[i..]).is_some() {
            return true;
        }
        rest = &rest[i + 3..];
    }
    false
}

/// The text with every deletion replaced by its text: `{{c1::Paris::capital}}` -> `Paris`.
pub fn reveal(text: &str) -> String {
    rewrite(text, &|c: &Cloze<'_>| reveal(c.text))
}

/// The text with every deletion blanked: `{{c1::Paris::capital}}` -> `[capital]`.
pub fn blank(text: &str) -> String {
    rewrite(text, &|c: &Cloze<'_>| match c.hint {
        Some(h) if !h.trim().is_empty() => format!("[{}]", reveal(h).trim()),
        _ => "[...]".to_string(),
    })
}

struct Cloze<'a> {
    text: &'a str,
    hint: Option<&'a str>,
    /// Bytes from `{{` to the end of `}}`.
    len: usize,
}

fn rewrite(text: &str, f: &dyn Fn(&Cloze<'_>) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("{{c") {
        out.push_str(&rest[..i]);
        match parse_at(&rest[i..]) {
            Some(c) => {
                out.push_str(&f(&c));
                rest = &rest[i + c.len..];
            }
            None => {
                out.push_str("{{c");
                rest = &rest[i + 3..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses a deletion at the start of `s` (`{{c<digits>::text[::hint]}}`, deletions may nest).
fn parse_at(s: &str) -> Option<Cloze<'_>> {
    let body = s.strip_prefix("{{c")?;
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let body = body[digits..].strip_prefix("::")?;
    let start = s.len() - body.len();
    let mut depth = 0usize;
    let mut hint_at = None;
    let bytes = body.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        match &bytes[i..i + 2] {
            b"{{" => {
                depth += 1;
                i += 2;
            }
            b"}}" if depth == 0 => {
                let inner = &body[..i];
                let (text, hint) = match hint_at {
                    Some(h) => (&inner[..h], Some(&inner[h + 2..])),
                    None => (inner, None),
                };
                return Some(Cloze {
                    text,
                    hint,
                    len: start + i + 2,
                });
            }
            b"}}" => {
                depth -= 1;
                i += 2;
            }
            b"::" if depth == 0 && hint_at.is_none() => {
                hint_at = Some(i);
                i += 2;
            }
            _ => i += 1,
        }
    }
    None
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

    proptest! {
        #[test]
        fn never_panics(s in "[{}c1:a-z é]{0,40}") {
            let _ = reveal(&s);
            let _ = blank(&s);
            let _ = has_cloze(&s);
        }
    }
}
