//! Exporting a deck for other tools: Anki's "Notes in Plain Text" format.
//!
//! Pure: returns the text; the command decides where it goes. prepdeck's import reads this
//! format back (questions and answers come back unchanged; the extras, after
//! [`ANKI_EXTRA_MARKER`], come back as guidance text).

use std::fmt::Write as _;

use crate::core::deck::{Card, Deck};
use crate::core::text::{sanitize, sanitize_line};
use crate::store::import::ANKI_EXTRA_MARKER;

/// The deck as an Anki plain-text file: headers, then one tab-separated note per card
/// (front, back, tags).
pub fn anki_tsv(deck: &Deck) -> String {
    let mut out =
        String::from("#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n");
    for card in &deck.cards {
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "{}\t{}\t{}",
            front(&card.question),
            back(card),
            tags(deck, card).join(" ")
        );
    }
    out
}

/// The question as HTML. A leading `#` is written as a reference so Anki does not take the
/// line for a header or a comment.
fn front(question: &str) -> String {
    let html = to_html(question);
    match html.strip_prefix('#') {
        Some(rest) => format!("&#35;{rest}"),
        None => html,
    }
}

/// The answer, then guidance, key points and follow-up questions after a marker.
fn back(card: &Card) -> String {
    let mut out = to_html(&card.answer);
    let mut extras = Vec::new();
    if let Some(g) = card.guidance.as_deref().filter(|g| !g.trim().is_empty()) {
        extras.push(format!("<b>Guidance</b><br>{}", to_html(g)));
    }
    let list = |title: &str, items: Vec<&str>| {
        let li: String = items
            .iter()
            .map(|i| format!("<li>{}</li>", to_html(i)))
            .collect();
        format!("<b>{title}</b><ul>{li}</ul>")
    };
    if !card.key_points.is_empty() {
        let items = card.key_points.iter().map(|k| k.text.as_str()).collect();
        extras.push(list("Key points", items));
    }
    if !card.follow_ups.is_empty() {
        let items = card.follow_ups.iter().map(String::as_str).collect();
        extras.push(list("Follow-up questions", items));
    }
    if !extras.is_empty() {
        out.push_str(ANKI_EXTRA_MARKER);
        out.push_str(&extras.join("<br>"));
    }
    out
}

/// Anki tags: the deck id, the category, the kind and the card's own tags, without spaces.
fn tags(deck: &Deck, card: &Card) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = [deck.id.as_str(), card.category.as_str(), card.kind.as_str()]
        .into_iter()
        .chain(card.tags.iter().map(String::as_str));
    for t in all {
        let t = sanitize_line(t)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Text as one line of HTML: safe characters escaped, newlines as `<br>`, and spaces that HTML
/// would collapse (at a line's start or after another space) as `&nbsp;`.
fn to_html(text: &str) -> String {
    let clean = sanitize(text.trim());
    let mut out = String::with_capacity(clean.len() + 16);
    let mut prev_space = true;
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            ' ' if prev_space => out.push_str("&nbsp;"),
            c => out.push(c),
        }
        prev_space = matches!(c, ' ' | '\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deck::{DeckSource, parse_deck};
    use crate::store::import::{Format, parse};

    const DECK: &str = r##"format = 1
[deck]
id = "demo"
title = "Demo"
[[category]]
id = "net"
title = "Networking"
[[card]]
id = "dns"
category = "net"
kind = "technical"
tags = ["dns", "project management"]
question = "#1: What is <DNS> & why?"
guidance = "Keep it short."
answer = """
It maps names to "addresses".
  Indented line	with tab.
"""
follow_ups = ["And DHCP?"]
[[card.key_point]]
text = "Names to addresses"
keywords = ["name"]
"##;

    #[test]
    fn writes_anki_headers_and_escaped_notes() {
        let deck = parse_deck(DECK, DeckSource::File("d.toml".into())).unwrap();
        let text = anki_tsv(&deck);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "#separator:tab");
        assert_eq!(lines[1], "#html:true");
        assert_eq!(lines[2], "#columns:Front\tBack\tTags");
        assert_eq!(lines[3], "#tags column:3");
        assert_eq!(lines.len(), 5);
        let fields: Vec<&str> = lines[4].split('\t').collect();
        assert_eq!(fields.len(), 3, "{fields:?}");
        assert_eq!(fields[0], "&#35;1: What is &lt;DNS&gt; &amp; why?");
        assert!(fields[1].starts_with(
            "It maps names to &quot;addresses&quot;.<br>&nbsp;&nbsp;Indented line &nbsp;&nbsp;&nbsp;with tab."
        ), "{}", fields[1]);
        assert!(fields[1].contains("<li>Names to addresses</li>"));
        assert!(fields[1].contains("<li>And DHCP?</li>"));
        assert_eq!(fields[2], "demo net technical dns project-management");
    }

    #[test]
    fn reimport_gives_back_questions_and_answers() {
        let deck = parse_deck(DECK, DeckSource::File("d.toml".into())).unwrap();
        let parsed = parse(Format::Anki, &anki_tsv(&deck));
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let card = &parsed.cards[0];
        assert_eq!(card.question, deck.cards[0].question);
        assert_eq!(
            card.answer,
            "It maps names to \"addresses\".\n  Indented line    with tab."
        );
        let guidance = card.guidance.as_deref().unwrap();
        assert!(
            guidance.starts_with("Guidance\nKeep it short."),
            "{guidance}"
        );
        assert!(guidance.contains("- Names to addresses"));
        assert!(card.tags.contains(&"project-management".to_string()));
    }
}
