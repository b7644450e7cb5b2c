//! The import pipeline as a whole: decoding, format detection, building, and the promise that
//! no input makes it panic or write a deck that prepdeck would refuse.

use proptest::prelude::*;

use super::*;
use crate::core::deck::{DeckSource, Kind, parse_deck, write_deck};
use crate::core::ids::DeckId;

fn opts() -> BuildOptions {
    BuildOptions {
        deck_id: DeckId::new("imported-deck"),
        title: "Imported deck".into(),
        description: Some("Imported from test".into()),
        category: None,
    }
}

/// Runs the whole pipeline; panics if a deck with cards does not validate.
fn pipeline(name: &str, bytes: &[u8]) -> Option<crate::core::deck::Deck> {
    let text = decode(bytes).ok()?;
    let parsed = parse(detect(name, &text), &text);
    let (deck, _) = build_deck(&parsed, &opts());
    if deck.cards.is_empty() {
        return None;
    }
    let toml = write_deck(&deck);
    match parse_deck(&toml, DeckSource::File("x.toml".into())) {
        Ok(d) => Some(d),
        Err(e) => panic!("an imported deck does not validate:\n{e}\n{toml}"),
    }
}

#[test]
fn decodes_utf8_with_bom_and_utf16() {
    assert_eq!(decode(b"\xef\xbb\xbfq,a").unwrap(), "q,a");
    let utf16le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("q\ta\u{e9}".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(decode(&utf16le).unwrap(), "q\ta\u{e9}");
    let utf16be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain("q".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(decode(&utf16be).unwrap(), "q");
}

#[test]
fn refuses_binary_and_other_encodings() {
    assert_eq!(decode(b"\x7fELF\x00\x01\xff"), Err(DecodeError::Binary));
    assert_eq!(decode(b"ok\0"), Err(DecodeError::Binary));
    assert_eq!(
        decode(b"line one\nline two caf\xe9\n"),
        Err(DecodeError::NotUtf8 { line: 2 })
    );
}

#[test]
fn detects_formats_by_extension_and_content() {
    assert_eq!(detect("x.csv", "q,a\n"), Format::Delimited(b','));
    assert_eq!(detect("x.csv", "q;a\n"), Format::Delimited(b';'));
    assert_eq!(detect("x.tsv", "q,a\n"), Format::Delimited(b'\t'));
    assert_eq!(detect("x.txt", "#separator:tab\nq\ta\n"), Format::Anki);
    assert_eq!(detect("x.csv", "#separator:comma\nq,a\n"), Format::Anki);
    assert_eq!(detect("x.txt", "q\ta\n"), Format::Delimited(b'\t'));
    assert_eq!(detect("x.txt", "Q: q\nA: a\n"), Format::Markdown);
    assert_eq!(detect("X.MD", "anything"), Format::Markdown);
    assert_eq!(detect("notes", "q,a\n"), Format::Delimited(b','));
}

#[test]
fn builds_categories_ids_kinds_and_tags() {
    let text = "question,answer,category,tags,kind\n\
                What is DNS?,Names,Networking,Networking::DNS core,\n\
                What is DNS?,Again,networking!,,technical\n\
                Why us?,Because,Fit,,Behavioural\n\
                Odd?,Yes,Fit,,riddle\n\
                \u{1b}[31m\u{7},\u{1b}]0;x\u{7}Red,Fit,,\n";
    let parsed = parse(Format::Delimited(b','), text);
    let (deck, skipped, warnings) =
        crate::store::import::build_deck_with_warnings(&parsed, &opts());
    let ids: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["what-is-dns", "what-is-dns-2", "why-us", "odd"]);
    // An unknown kind is imported as knowledge, with a warning.
    assert_eq!(deck.cards[3].kind, Kind::Knowledge);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].line, 5);
    assert!(warnings[0].reason.starts_with("unknown kind `riddle`"));
    assert!(warnings[0].reason.ends_with("imported as knowledge"));
    let cats: Vec<(&str, &str)> = deck
        .categories
        .iter()
        .map(|c| (c.id.as_str(), c.title.as_str()))
        .collect();
    assert_eq!(
        cats,
        vec![
            ("networking", "Networking"),
            ("networking-2", "networking!"),
            ("fit", "Fit")
        ]
    );
    assert_eq!(deck.cards[0].tags, vec!["networking-dns", "core"]);
    assert_eq!(deck.cards[0].kind, Kind::Knowledge);
    assert_eq!(deck.cards[1].kind, Kind::Technical);
    assert_eq!(deck.cards[2].kind, Kind::Behavioral);
    let reasons: Vec<(usize, &str)> = skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [(6, "empty question (once control characters are removed)")]
    );
}

#[test]
fn category_option_overrides_and_default_is_imported() {
    let parsed = parse(Format::Delimited(b','), "q1,a1,Net\nq2,a2,Sec\n");
    let mut o = opts();
    o.category = Some("Interview Basics".into());
    let (deck, _) = build_deck(&parsed, &o);
    assert_eq!(deck.categories.len(), 1);
    assert_eq!(deck.categories[0].id.as_str(), "interview-basics");
    assert_eq!(deck.categories[0].title, "Interview Basics");
    let parsed = parse(Format::Delimited(b','), "q1,a1\n");
    let (deck, _) = build_deck(&parsed, &opts());
    assert_eq!(deck.categories[0].id.as_str(), "imported");
}

#[test]
fn escapes_never_reach_the_deck() {
    let text = "Q: \u{1b}[2JWhat\u{9b}31m is\u{7} this?\nA: An \u{1b}]8;;http://x\u{1b}\\answer\u{202e}.\n";
    let deck = pipeline("x.md", text.as_bytes()).unwrap();
    assert_eq!(deck.cards[0].question, "What is this?");
    assert_eq!(deck.cards[0].answer, "An answer.");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), ext in 0usize..5) {
        let name = ["x.csv", "x.tsv", "x.txt", "x.md", "x"][ext];
        let _ = pipeline(name, &bytes);
    }

    #[test]
    fn arbitrary_text_in_every_format_builds_a_valid_deck(text in any::<String>()) {
        for format in [Format::Delimited(b','), Format::Delimited(b'\t'), Format::Anki, Format::Markdown] {
            let parsed = parse(format, &text);
            let (deck, _) = build_deck(&parsed, &opts());
            if !deck.cards.is_empty() {
                let toml = write_deck(&deck);
                prop_assert!(parse_deck(&toml, DeckSource::File("x.toml".into())).is_ok(), "{}", toml);
            }
        }
    }

    #[test]
    fn structured_rows_survive(rows in proptest::collection::vec(("[ -~\t\n\"é]{0,30}", "[ -~\t\n\"é]{0,30}"), 1..6)) {
        let mut csv = String::from("question,answer\n");
        for (q, a) in &rows {
            csv.push_str(&format!("\"{}\",\"{}\"\n", q.replace('"', "\"\""), a.replace('"', "\"\"")));
        }
        let _ = pipeline("x.csv", csv.as_bytes());
    }
}
