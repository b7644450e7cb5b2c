//! Unit tests of the deck parser (the CLI table of malformed decks lives in `tests/`).

use super::*;
use proptest::prelude::*;

pub(crate) const VALID: &str = r#"format = 1

[deck]
id = "demo"
title = "Demo deck"
answer_seconds = 90

[[category]]
id = "budget"
title = "Budget"

[[category]]
id = "people"
title = "People"

[[card]]
id = "b1"
category = "budget"
kind = "behavioral"
level = 2
tags = ["capex"]
question = "How do you build a budget?"
guidance = "Show a method."
answer = "I start from last year's actuals."
follow_ups = ["What went wrong?"]

[[card.key_point]]
text = "Starts from actuals"
keywords = ["actuals", "last year"]

[[card]]
id = "p1"
category = "people"
kind = "situational"
question = "An engineer misses deadlines. What do you do?"
answer = "I talk to them first."
answer_seconds = 60
"#;

fn parse(text: &str) -> Result<Deck, Diagnostics> {
    parse_deck(text, DeckSource::File("t.toml".into()))
}

fn errors(text: &str) -> Vec<(usize, String)> {
    match parse(text) {
        Ok(_) => panic!("expected errors"),
        Err(d) => d.iter().map(|d| (d.line, d.message.clone())).collect(),
    }
}

#[test]
fn valid_deck_loads_every_field() {
    let deck = parse(VALID).unwrap();
    assert_eq!(deck.id.as_str(), "demo");
    assert_eq!(deck.categories.len(), 2);
    assert_eq!(deck.cards.len(), 2);
    let b1 = &deck.cards[0];
    assert_eq!(b1.kind, Kind::Behavioral);
    assert_eq!(b1.level, Some(2));
    assert_eq!(b1.key_points[0].keywords, vec!["actuals", "last year"]);
    assert_eq!(b1.line, 16);
    assert_eq!(deck.cards[1].line, 31);
    assert_eq!(deck.answer_seconds_for(b1), 90);
    assert_eq!(deck.answer_seconds_for(&deck.cards[1]), 60);
}

#[test]
fn reports_every_error_in_a_file() {
    let text = VALID
        .replace("kind = \"behavioral\"", "kind = \"behaviorial\"")
        .replace("category = \"people\"", "category = \"peeple\"")
        .replace("level = 2", "level = 7")
        .replace("tags = [", "tagz = [");
    let errs = errors(&text);
    assert_eq!(errs.len(), 4, "{errs:?}");
    assert_eq!(errs[0], (19, "unknown kind `behaviorial`".to_string()));
    // Both spellings of behavioural are a kind.
    let british = parse(&VALID.replace("kind = \"behavioral\"", "kind = \"behavioural\"")).unwrap();
    assert_eq!(british.cards[0].kind, Kind::Behavioral);
    assert_eq!(errs[1], (20, "`level` is 7, out of range".to_string()));
    assert_eq!(errs[2], (21, "unknown key `tagz` in [[card]]".to_string()));
    assert_eq!(errs[3], (33, "unknown category `peeple`".to_string()));
}

#[test]
fn duplicate_ids_name_the_first_place() {
    let text = VALID.replace("id = \"p1\"", "id = \"b1\"");
    let err = parse(&text).unwrap_err();
    let d = &err.0[0];
    assert_eq!(d.message, "duplicate card id `b1`");
    assert_eq!(d.line, 32);
    assert!(d.help.as_deref().unwrap().contains("line 17"));
}

#[test]
fn newer_format_is_one_clear_error() {
    let errs = errors(&VALID.replace("format = 1", "format = 2"));
    assert_eq!(
        errs,
        vec![(
            1,
            "this deck uses format 2, but this prepdeck reads format 1".to_string()
        )]
    );
}

#[test]
fn missing_fields_point_at_the_table() {
    let text = VALID.replace("question = \"How do you build a budget?\"\n", "");
    let errs = errors(&text);
    assert_eq!(
        errs,
        vec![(16, "missing `question` in [[card]]".to_string())]
    );
}

#[test]
fn syntax_errors_are_located() {
    let errs = errors("format = 1\n[deck]\nid = \"x\ntitle = 3\n");
    assert!(
        errs.iter().all(|(_, m)| m.starts_with("invalid TOML")),
        "{errs:?}"
    );
    assert_eq!(errs[0].0, 3);
}

#[test]
fn only_the_first_syntax_error_is_reported() {
    // A stray `"""` swallows the rest of the deck: named where it opens, alone.
    let text = VALID.replacen("[[card]]", "\"\"\"\n[[card]]", 1);
    let line = text.lines().position(|l| l == "\"\"\"").unwrap() + 1;
    let err = parse(&text).unwrap_err();
    assert_eq!(err.len(), 1, "{err}");
    let d = &err.0[0];
    assert_eq!((d.line, d.column), (line, 1));
    assert!(d.message.contains("never closed"), "{}", d.message);
    // Several other errors: the first, saying how many more were found.
    let err = parse("format = 1\n[deck]\nid = \"a\" \"b\"\ntitle = = 2\n").unwrap_err();
    assert_eq!(err.len(), 1, "{err}");
    assert_eq!(err.0[0].line, 3);
    let help = err.0[0].help.as_deref().unwrap_or("");
    assert!(help.contains("more problem"), "{help}");
}

#[test]
fn empty_file_is_explained() {
    let err = parse("  \n").unwrap_err();
    assert_eq!(err.0[0].message, "the file is empty");
}

#[test]
fn misspelt_keys_get_a_suggestion() {
    let err = parse(&VALID.replace("question =", "questoin =")).unwrap_err();
    let unknown = err.iter().find(|d| d.message.contains("questoin")).unwrap();
    assert!(
        unknown
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `question`?")
    );
}

#[test]
fn key_points_need_keywords() {
    let text = VALID.replace("keywords = [\"actuals\", \"last year\"]", "keywords = []");
    assert_eq!(errors(&text), vec![(29, "`keywords` is empty".to_string())]);
    let text = VALID.replace(
        "keywords = [\"actuals\", \"last year\"]",
        "keywords = [\" \"]",
    );
    assert_eq!(
        errors(&text),
        vec![(29, "`keywords` holds a blank keyword".to_string())]
    );
}

#[test]
fn key_points_read_together_and_require() {
    let kw = "keywords = [\"actuals\", \"last year\"]";
    let text = VALID.replace(
        kw,
        "together = [[\"last\", \"year\"], [\"prior\", \"spend\"]]\nrequire = [\"actuals\"]",
    );
    let deck = parse(&text).unwrap();
    let p = &deck.cards[0].key_points[0];
    assert!(p.keywords.is_empty());
    assert_eq!(
        p.together,
        vec![vec!["last", "year"], vec!["prior", "spend"]]
    );
    assert_eq!(p.require, vec!["actuals"]);
    assert_eq!(p.line, 27);
    // The question's words (stemmed, stop words left out) travel with the point.
    assert_eq!(p.question, vec!["build", "budget"]);
    // An old deck reads as before.
    let old = &parse(VALID).unwrap().cards[0].key_points[0];
    assert_eq!(old.keywords, vec!["actuals", "last year"]);
    assert!(old.together.is_empty() && old.require.is_empty());
}

#[test]
fn together_and_require_are_checked() {
    let kw = "keywords = [\"actuals\", \"last year\"]";
    let cases: &[(&str, &str)] = &[
        (
            "together = [[\"alone\"]]",
            "a `together` group needs at least two terms",
        ),
        ("together = []", "`together` is empty"),
        (
            "together = [\"a\", \"b\"]",
            "`together` must be an array of strings, found string",
        ),
        (
            "together = [[\"a\", \" \"]]",
            "`together` holds a blank term",
        ),
        (
            "together = 3",
            "`together` must be an array of arrays of strings, e.g. [[\"risk\", \"early\"]], found integer",
        ),
        ("keywords = [\"a\"]\nrequire = []", "`require` is empty"),
        (
            "keywords = [\"a\"]\nrequire = [\"\"]",
            "`require` holds a blank term",
        ),
    ];
    for (with, want) in cases {
        let errs = errors(&VALID.replace(kw, with));
        assert!(errs.iter().any(|(_, m)| m == want), "{with}: {errs:?}");
    }
}

#[test]
fn ids_must_be_lowercase_words() {
    let errs = errors(&VALID.replace("id = \"demo\"", "id = \"My Deck\""));
    assert_eq!(
        errs,
        vec![(4, "`id` \"My Deck\" is not a valid id".to_string())]
    );
}

/// VALID with the optional coaching and provenance fields on card `b1`, `extra` lines added.
fn with_notes(extra: &str) -> String {
    VALID.replace(
        "follow_ups = [\"What went wrong?\"]\n",
        &format!("follow_ups = [\"What went wrong?\"]\n{extra}"),
    )
}

#[test]
fn notes_are_optional_and_read_when_present() {
    assert!(parse(VALID).unwrap().cards[0].notes.is_empty());
    let text = with_notes(
        "outline = [\"Situation\", \"What I did\"]\nown_story = \"Use your own budget.\"\n\
         manager_angle = \"Money is the board's question.\"\njurisdiction = \"UK\"\n\
         checked = \"2026-12\"\n",
    );
    let notes = parse(&text).unwrap().cards[0].notes.clone();
    assert_eq!(notes.outline, vec!["Situation", "What I did"]);
    assert_eq!(notes.own_story.as_deref(), Some("Use your own budget."));
    assert_eq!(
        notes.manager_angle.as_deref(),
        Some("Money is the board's question.")
    );
    assert_eq!(notes.jurisdiction.as_deref(), Some("UK"));
    assert_eq!(notes.checked.as_deref(), Some("2026-12"));
    let lines = notes.reveal_lines();
    assert_eq!(
        lines[0],
        "Why a manager cares: Money is the board's question."
    );
    assert_eq!(lines[1..4], ["Outline:", "  - Situation", "  - What I did"]);
    assert_eq!(lines[4], "Your own story: Use your own budget.");
    assert_eq!(lines[5], "Facts: UK, checked 2026-12");
    let day = parse(&with_notes("checked = \"2024-02-29\"\n")).unwrap();
    assert_eq!(day.cards[0].notes.checked.as_deref(), Some("2024-02-29"));
}

#[test]
fn a_checked_date_that_is_not_one_is_located() {
    for bad in [
        "2026-13",
        "2026-1",
        "26-12",
        "2026",
        "2025-02-29",
        "2026-12-5",
        "Dec 2026",
        "2026-12-01-01",
    ] {
        let errs = errors(&with_notes(&format!("checked = \"{bad}\"\n")));
        assert_eq!(
            errs,
            vec![(26, format!("`checked` \"{bad}\" is not a date"))],
            "{bad}"
        );
    }
    let errs = errors(&with_notes("checked = 2026-12-01\n"));
    assert_eq!(
        errs,
        vec![(26, "`checked` must be a quoted string".to_string())]
    );
    let errs = errors(&with_notes("checked = 202612\n"));
    assert_eq!(
        errs,
        vec![(26, "`checked` must be a string, found integer".to_string())]
    );
}

#[test]
fn bad_notes_are_errors_and_unknown_keys_still_are() {
    let cases = [
        ("outline = []\n", "`outline` is empty"),
        (
            "outline = [\"a\", \" \"]\n",
            "`outline` holds a blank bullet",
        ),
        (
            "outline = \"a\"\n",
            "`outline` must be an array of strings, found string",
        ),
        ("own_story = \"  \"\n", "`own_story` is blank"),
        (
            "jurisdiction = 3\n",
            "`jurisdiction` must be a string, found integer",
        ),
        (
            "jurisdicton = \"UK\"\n",
            "unknown key `jurisdicton` in [[card]]",
        ),
    ];
    for (line, message) in cases {
        assert_eq!(
            errors(&with_notes(line)),
            vec![(26, message.to_string())],
            "{line}"
        );
    }
    let nine: Vec<String> = (0..9).map(|i| format!("\"b{i}\"")).collect();
    let errs = errors(&with_notes(&format!("outline = [{}]\n", nine.join(", "))));
    assert_eq!(
        errs,
        vec![(26, "`outline` has 9 bullets, more than 8".to_string())]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = parse(&s);
    }

    #[test]
    fn mutations_of_a_valid_deck_never_panic(pos in 0usize..VALID.len(), len in 0usize..40, insert in any::<String>()) {
        let mut bytes = VALID.as_bytes().to_vec();
        let end = (pos + len).min(bytes.len());
        bytes.splice(pos..end, insert.bytes());
        let text = String::from_utf8_lossy(&bytes);
        if let Err(d) = parse(&text) {
            prop_assert!(!d.is_empty());
            for diag in d.iter() {
                let _ = diag.to_string();
            }
        }
    }
}

/// `toml` reports a dotted key nested past its limit without a position: the error still
/// gets the key's line and column (in a table header, a key/value line or an inline table).
#[test]
fn a_key_nested_past_the_recursion_limit_is_located() {
    let deep = |n: usize| format!("a{}", ".a".repeat(n));
    for (line, text) in [
        (3, format!("format = 1\n[deck]\n{} = 1\n", deep(300))),
        (2, format!("format = 1\n[{}]\nx = 1\n", deep(90))),
        (
            4,
            format!("format = 1\n\n\nx = {{ ok = 1, {} = 2 }}\n", deep(85)),
        ),
    ] {
        let d = parse(&text).unwrap_err();
        let d = d.iter().next().unwrap();
        assert_eq!(d.line, line, "{d}");
        assert!(d.column > 0, "{d}");
        assert!(d.message.contains("recursion limit"), "{d}");
        assert!(d.help.as_deref().unwrap_or("").contains("80 dots"), "{d}");
    }
    // 79 dots are still fine for `toml` (the deck then reports an unknown key).
    let ok = format!("format = 1\n[deck]\n{} = 1\n", deep(79));
    assert!(errors(&ok).iter().all(|(_, m)| !m.contains("recursion")));
}
