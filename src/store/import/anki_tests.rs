use super::*;

const EXPORT: &str = "#separator:tab\n\
#html:true\n\
#guid column:1\n\
#notetype column:2\n\
#deck column:3\n\
#tags column:6\n\
Ab1\tBasic\tInterview::Networking\tWhat is <b>DNS</b>?\tThe internet&#39;s phone book<br>Maps names&nbsp;to IPs\tNetworking::DNS Core\n\
Ab2\tCloze\tInterview\tThe capital of {{c1::France}} is {{c2::Paris::city}}.\tExtra &amp; more\t\n\
Ab3\tBasic\tInterview\t\"Quoted\ttab and\nnewline\"\t\"Say \"\"hi\"\"\"\tleadership\n";

#[test]
fn reads_a_real_shaped_export() {
    let p = parse(EXPORT);
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    assert!(p.notes.is_empty(), "{:?}", p.notes);
    assert_eq!(p.cards.len(), 3);
    let dns = &p.cards[0];
    assert_eq!(dns.line, 7);
    assert_eq!(dns.question, "What is DNS?");
    assert_eq!(dns.answer, "The internet's phone book\nMaps names to IPs");
    assert_eq!(dns.category.as_deref(), Some("Interview / Networking"));
    assert_eq!(dns.tags, vec!["Networking::DNS", "Core"]);
    let cloze = &p.cards[1];
    assert_eq!(cloze.question, "The capital of [...] is [city].");
    assert_eq!(
        cloze.answer,
        "The capital of France is Paris.\n\nExtra & more"
    );
    let quoted = &p.cards[2];
    assert_eq!(quoted.line, 9);
    assert_eq!(quoted.question, "Quoted\ttab and\nnewline");
    assert_eq!(quoted.answer, "Say \"hi\"");
}

#[test]
fn columns_header_names_front_and_back() {
    let text =
        "#separator:comma\n#html:false\n#columns:Back,Front\n\"Answer, with comma\",Question\n";
    let p = parse(text);
    assert_eq!(p.cards[0].question, "Question");
    assert_eq!(p.cards[0].answer, "Answer, with comma");
}

#[test]
fn separators_by_name_or_character() {
    for (name, sep) in [
        ("tab", '\t'),
        ("Comma", ','),
        ("semicolon", ';'),
        ("pipe", '|'),
        ("|", '|'),
    ] {
        let text = format!("#separator:{name}\n#html:false\nq{sep}a\n");
        let p = parse(&text);
        assert_eq!(p.cards.len(), 1, "{name}");
        assert_eq!(p.cards[0].answer, "a", "{name}");
    }
    let p = parse("#separator:space\n#html:false\nq a\n");
    assert_eq!(p.cards[0].answer, "a");
}

#[test]
fn fixed_deck_and_tags_apply_to_every_note() {
    let p = parse("#separator:tab\n#html:false\n#deck:Prep::Security\n#tags:exam  core\nq\ta\n");
    assert_eq!(p.cards[0].category.as_deref(), Some("Prep / Security"));
    assert_eq!(p.cards[0].tags, vec!["exam", "core"]);
}

#[test]
fn short_rows_and_empty_fields_are_reported() {
    let p = parse(
        "#separator:tab\n#html:true\nonly a question\n\tno question\nno answer\t<br>\nok\tfine\n",
    );
    let r: Vec<(usize, &str)> = p
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!(r[0].0, 3);
    assert!(r[0].1.starts_with("too few columns"));
    assert_eq!(r[1], (4, "empty question"));
    assert_eq!(r[2], (5, "empty answer"));
    assert_eq!(p.cards.len(), 1);
}

#[test]
fn html_is_guessed_without_the_header_and_sounds_dropped() {
    let p = parse("#separator:tab\nq<br>two\ta [sound:x.mp3]&amp;b\n");
    assert_eq!(p.cards[0].question, "q\ntwo");
    assert_eq!(p.cards[0].answer, "a &b");
}

#[test]
fn unknown_headers_are_noted() {
    let p = parse("#separator:tab\n#colour:blue\n#tags column:x\nq\ta\n");
    assert_eq!(p.notes.len(), 2, "{:?}", p.notes);
    assert_eq!(p.cards.len(), 1);
}

#[test]
fn detects_headers() {
    assert!(has_headers("#separator:tab\nq\ta\n"));
    assert!(has_headers("#html:true\n"));
    assert!(!has_headers("# Heading\nQ: x\n"));
    assert!(!has_headers("question,answer\n"));
}
