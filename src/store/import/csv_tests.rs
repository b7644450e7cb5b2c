use super::*;

fn reasons(p: &Parsed) -> Vec<(usize, &str)> {
    p.skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect()
}

#[test]
fn header_names_the_columns_in_any_order() {
    let text = "Tags,Answer,Question,Category,Notes\n\
                \"dns, networking\",Maps names to addresses,What is DNS?,Networking,Be brief\n";
    let p = parse(text, b',');
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    let c = &p.cards[0];
    assert_eq!(c.line, 2);
    assert_eq!(c.question, "What is DNS?");
    assert_eq!(c.answer, "Maps names to addresses");
    assert_eq!(c.category.as_deref(), Some("Networking"));
    assert_eq!(c.tags, vec!["dns", "networking"]);
    assert_eq!(c.guidance.as_deref(), Some("Be brief"));
}

#[test]
fn quoted_fields_hold_separators_quotes_and_newlines() {
    let text = "question,answer\n\"One, two\",\"He said \"\"hi\"\"\nthen left\"\nnext,row\n";
    let p = parse(text, b',');
    assert_eq!(p.cards.len(), 2);
    assert_eq!(p.cards[0].question, "One, two");
    assert_eq!(p.cards[0].answer, "He said \"hi\"\nthen left");
    assert_eq!(p.cards[1].line, 4);
}

#[test]
fn without_a_header_columns_are_positional() {
    let text = "What is DNS?\tName lookup\tNetworking\tdns\n\
                What is DHCP?\tAddress leases\tNetworking\tdhcp ip\n";
    let p = parse(text, b'\t');
    assert_eq!(p.cards.len(), 2);
    assert_eq!(p.cards[1].tags, vec!["dhcp", "ip"]);
    assert_eq!(p.cards[1].category.as_deref(), Some("Networking"));
}

#[test]
fn bad_rows_are_reported_with_their_lines() {
    let text = "question,answer,category\n\
                ,no question,x\n\
                no answer,,x\n\
                only one\n\
                a,b,c,d\n\
                ok,fine,x\n";
    let p = parse(text, b',');
    assert_eq!(p.cards.len(), 1);
    let r = reasons(&p);
    assert_eq!(r[0], (2, "empty question"));
    assert_eq!(r[1], (3, "empty answer"));
    assert_eq!(r[2].0, 4);
    assert!(r[2].1.starts_with("too few columns: found 1"), "{}", r[2].1);
    assert_eq!(r[3].0, 5);
    assert!(
        r[3].1.starts_with("wrong number of columns: found 4"),
        "{}",
        r[3].1
    );
}

#[test]
fn rows_unlike_the_others_are_skipped_without_a_header() {
    let text = "a,b\nc,d\ne,f,g\nh,i\n";
    let p = parse(text, b',');
    assert_eq!(p.cards.len(), 3);
    assert_eq!(p.skipped[0].line, 3);
}

#[test]
fn a_header_without_an_answer_column_is_explained() {
    let p = parse("question,notes\nq,n\n", b',');
    assert!(p.cards.is_empty());
    assert_eq!(
        p.skipped[0].reason,
        "the header row has no answer column (name one `answer`)"
    );
}

#[test]
fn unknown_columns_are_noted() {
    let p = parse("question,answer,difficulty\nq,a,3\n", b',');
    assert_eq!(p.cards.len(), 1);
    assert!(p.notes[0].contains("`difficulty`"), "{:?}", p.notes);
}

#[test]
fn delimiters_are_sniffed_outside_quotes() {
    assert_eq!(sniff_delimiter("a;b;c\n", b",;\t"), b';');
    assert_eq!(sniff_delimiter("\"a,b,c\";d\n", b",;"), b';');
    assert_eq!(sniff_delimiter("abc\n", b"\t,"), b'\t');
    assert_eq!(sniff_delimiter("a,b\tc,d\n", b"\t,"), b',');
}
