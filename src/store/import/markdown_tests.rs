use super::*;

#[test]
fn blocks_under_headings() {
    let text = "# Interview prep\n\nSome intro text.\n\n## Networking\n\nQ: What is DNS?\nA: The phone book\nof the internet.\n\n- names to IPs\n\nQ: What is DHCP?\nA: Leases addresses.\n\n## Security\n\n**Q:** What is MFA?\n**A:** Two or more factors.\n";
    let p = parse(text);
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    assert_eq!(p.title.as_deref(), Some("Interview prep"));
    assert_eq!(p.cards.len(), 3);
    let dns = &p.cards[0];
    assert_eq!(dns.line, 7);
    assert_eq!(
        dns.answer,
        "The phone book\nof the internet.\n\n- names to IPs"
    );
    assert_eq!(dns.category.as_deref(), Some("Networking"));
    assert_eq!(p.cards[2].question, "What is MFA?");
    assert_eq!(p.cards[2].category.as_deref(), Some("Security"));
    assert_eq!(
        p.notes,
        vec!["line 3: text outside a Q:/A: block is not imported"]
    );
}

#[test]
fn single_level_headings_are_categories() {
    let p = parse("# Networking\nQ: a\nA: b\n# Security\nQ: c\nA: d\n");
    assert_eq!(p.title, None);
    assert_eq!(p.cards[0].category.as_deref(), Some("Networking"));
    assert_eq!(p.cards[1].category.as_deref(), Some("Security"));
}

#[test]
fn problems_are_reported_with_lines() {
    let text = "Q: no answer here\n\nQ: fine\nA: yes\n\nA: orphan answer\nQ:\nA: x\nQ: empty\nA:\n";
    let p = parse(text);
    let r: Vec<(usize, &str)> = p
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(r.len(), 4, "{r:?}");
    assert_eq!(r[0].0, 1);
    assert!(r[0].1.starts_with("no answer"));
    assert_eq!(r[1].0, 6);
    assert!(r[1].1.starts_with("an answer without a question"));
    assert_eq!(r[2], (7, "empty question"));
    assert_eq!(r[3], (9, "empty answer"));
    assert_eq!(p.cards.len(), 1);
    assert_eq!(p.cards[0].answer, "yes");
}

#[test]
fn answers_end_at_rules_and_fences_hide_markers() {
    let text =
        "Q: code?\nA: like this:\n```\nQ: not a question\n# not a heading\n```\n---\nA: stray\n";
    let p = parse(text);
    assert_eq!(p.cards.len(), 1);
    assert_eq!(
        p.cards[0].answer,
        "like this:\n```\nQ: not a question\n# not a heading\n```"
    );
    assert_eq!(p.skipped[0].line, 8);
    assert!(
        p.skipped[0]
            .reason
            .starts_with("an answer without a question")
    );
}

#[test]
fn recognises_markdown() {
    assert!(looks_like("Q: a\nA: b\n"));
    assert!(looks_like("question: a\nanswer: b\n"));
    assert!(!looks_like("a,b\n"));
    assert!(!looks_like("Q: a\n"));
}
