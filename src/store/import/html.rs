//! HTML fields (Anki's `#html:true`) turned into plain text.
//!
//! Hand-written because Anki fields are small fragments, not documents: line-breaking tags
//! become newlines, list items become `- ` lines, every other tag is dropped, and character
//! references are decoded. Images are kept as `[image: name]` so their absence is visible.

/// The plain text of an HTML fragment: trailing spaces cut from each line, runs of blank lines
/// folded into one, and no blank lines at either end.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let after = &rest[lt + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |i| &comment[i + 3..]);
            continue;
        }
        // `<` starts a tag only before a letter, `/` or `!`; otherwise it is text ("1 < 2").
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let gt = after.find('>');
        let (true, Some(gt)) = (is_tag, gt) else {
            out.push('<');
            rest = after;
            continue;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let name = tag_name(tag);
        if matches!(name.as_str(), "script" | "style") {
            // Their content is code, not text: skip to the closing tag.
            let close = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&close) {
                Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                None => "",
            };
            continue;
        }
        apply_tag(&mut out, &name, tag);
    }
    out.push_str(&decode_entities(rest));
    tidy(&out)
}

/// The lowercase name of a tag, with the `/` of a closing tag kept: `/div`, `br`, `img`.
fn tag_name(tag: &str) -> String {
    let t = tag.trim_start();
    let (slash, t) = match t.strip_prefix('/') {
        Some(t) => ("/", t.trim_start()),
        None => ("", t),
    };
    let name: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("{slash}{}", name.to_ascii_lowercase())
}

fn apply_tag(out: &mut String, name: &str, tag: &str) {
    match name {
        "br" | "/br" => out.push('\n'),
        "div" | "/div" | "p" | "/p" | "ul" | "/ul" | "ol" | "/ol" | "tr" | "/tr" | "h1" | "/h1"
        | "h2" | "/h2" | "h3" | "/h3" | "h4" | "/h4" | "blockquote" | "/blockquote" | "pre"
        | "/pre" | "hr" | "table" | "/table"
            if !out.is_empty() && !out.ends_with('\n') =>
        {
            out.push('\n');
        }
        "li" => {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str("- ");
        }
        "td" | "th" if !out.is_empty() && !out.ends_with(['\n', ' ']) => {
            out.push(' ');
        }
        "img" => {
            if let Some(src) = attribute(tag, "src") {
                out.push_str(&format!("[image: {}]", decode_entities(&src)));
            }
        }
        _ => {}
    }
}

/// The value of `name="..."` (or `'...'`, or unquoted) in a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let start = from + i;
        from = start + name.len();
        let before_ok = lower[..start].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()
                .unwrap_or("")
                .to_string(),
        });
    }
    None
}

/// Decodes `&amp;`, `&nbsp;`, `&#39;`, `&#x2014;` and the other common references. Anything
/// unknown is left as it is.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        match end.and_then(|e| entity(&after[..e]).map(|c| (e, c))) {
            Some((e, c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "times" => '×',
        "divide" => '÷',
        "deg" => '°',
        "rarr" => '→',
        "larr" => '←',
        _ => return None,
    })
}

/// Cuts trailing spaces from lines, folds runs of blank lines and trims blank ends.
fn tidy(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn line_breaking_tags_become_newlines() {
        assert_eq!(
            to_text("one<br>two<br/>three<BR />four"),
            "one\ntwo\nthree\nfour"
        );
        assert_eq!(to_text("<div>a</div><div>b</div>"), "a\nb");
        assert_eq!(to_text("<p>first</p><p>second</p>"), "first\nsecond");
        assert_eq!(to_text("para<br><br>next"), "para\n\nnext");
        assert_eq!(to_text("a<br><br><br><br>b<br>"), "a\n\nb");
    }

    #[test]
    fn other_tags_are_stripped() {
        assert_eq!(
            to_text("<b>DNS</b> is <i>the</i> <span style=\"x\">phone book</span>"),
            "DNS is the phone book"
        );
        assert_eq!(to_text("<ul><li>one</li><li>two</li></ul>"), "- one\n- two");
        assert_eq!(
            to_text("x<script>alert('<b>')</script>y<style>b{}</style>z"),
            "xyz"
        );
        assert_eq!(to_text("a <!-- note --> b"), "a  b");
        assert_eq!(to_text("<img src=\"dns.png\">"), "[image: dns.png]");
        assert_eq!(to_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            to_text(
                "a&nbsp;b &amp; &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x2014; &#8364; &bogus; & x"
            ),
            "a b & <c> \"d\" 'e' — € &bogus; & x"
        );
        assert_eq!(decode_entities("&amp;lt;"), "&lt;");
        assert_eq!(decode_entities("&#0; &#xFFFFFFFF;"), "&#0; &#xFFFFFFFF;");
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = to_text(&s);
        }

        #[test]
        fn tag_soup_never_panics(s in "[<>/a-z!\\- =\"'&#;]{0,60}") {
            let _ = to_text(&s);
        }
    }
}
