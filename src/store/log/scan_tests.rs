use super::*;

const R1: &str = r#"{"v":1,"id":"a","at":"2026-01-02T03:04:05Z","type":"undo","target":"x"}"#;
const R2: &str = r#"{"v":1,"id":"b","at":"2026-01-02T03:04:06Z","type":"undo","target":"y"}"#;

#[test]
fn clean_file() {
    let s = scan(format!("{R1}\n{R2}\n").as_bytes());
    assert_eq!(s.records.len(), 2);
    assert!(s.is_clean());
    assert!(!s.missing_newline);
}

#[test]
fn empty_and_blank_lines() {
    assert!(scan(b"").records.is_empty());
    let s = scan(format!("\n{R1}\n\n  \n{R2}\n").as_bytes());
    assert_eq!(s.records.len(), 2);
    assert!(s.is_clean());
}

#[test]
fn torn_tail_is_set_apart_not_bad() {
    let text = format!("{R1}\n{}", &R2[..20]);
    let s = scan(text.as_bytes());
    assert_eq!(s.records.len(), 1);
    assert!(s.bad.is_empty());
    let torn = s.torn.unwrap();
    assert_eq!(torn.line, 2);
    assert_eq!(torn.offset, (R1.len() + 1) as u64);
    assert_eq!(torn.bytes, &R2.as_bytes()[..20]);
    assert_eq!(s.complete_len, torn.offset);
}

#[test]
fn whole_last_record_without_newline_is_kept() {
    let s = scan(format!("{R1}\n{R2}").as_bytes());
    assert_eq!(s.records.len(), 2);
    assert!(s.missing_newline);
    assert!(s.torn.is_none());
}

#[test]
fn garbage_in_the_middle_is_bad_with_line_number() {
    let s = scan(format!("{R1}\n{{oops\n{R2}\n").as_bytes());
    assert_eq!(s.records.len(), 2);
    assert_eq!(s.bad.len(), 1);
    assert_eq!(s.bad[0].line, 2);
    assert!(matches!(s.bad[0].problem, LineProblem::NotJson { .. }));
}

#[test]
fn unknown_type_and_newer_version() {
    let unknown = r#"{"v":1,"id":"c","at":"2026-01-02T03:04:05Z","type":"teleport"}"#;
    let newer = r#"{"v":5,"id":"d","at":"2026-01-02T03:04:05Z","type":"hologram"}"#;
    let s = scan(format!("{unknown}\n{newer}\n").as_bytes());
    assert!(matches!(s.bad[0].problem, LineProblem::NotRecord { .. }));
    assert_eq!(s.bad[1].problem, LineProblem::NewerFormat { version: 5 });
    assert_eq!(s.first_fatal().unwrap().line, 2);
    // Valid JSON without a newline is not torn: it was written whole.
    let s = scan(unknown.as_bytes());
    assert!(s.torn.is_none());
    assert_eq!(s.bad.len(), 1);
}

#[test]
fn both_readers_apply_one_rule_to_versions_and_times() {
    // Lines the fast reader parses (plain reviews), and the same with an escape in a
    // string, which only serde reads: each pair must be judged alike.
    let review = r#"{"v":1,"id":"r","at":"2026-01-02T03:04:05Z","type":"review","deck":"d","card":"c","grade":"good","took_ms":1,"mode":"drill"}"#;
    let cases = [
        (review.replace("\"v\":1", "\"v\":5"), Some(5)),
        (review.replace("2026-01-02T03:04:05Z", "+262142-12-31T23:59:59Z"), None),
        (review.replace("2026-01-02T03:04:05Z", "-262143-01-01T00:00:00Z"), None),
        (review.replace("2026-01-02T03:04:05Z", "+10000-01-01T00:00:00Z"), None),
        (review.replace("2026-01-02T03:04:05Z", "1960-01-01T00:00:00Z"), None),
        (
            r#"{"v":1,"id":"b","at":"2026-01-02T03:04:05Z","type":"bury","deck":"d","card":"c","until":"+200000-01-01T00:00:00Z"}"#.to_string(),
            None,
        ),
    ];
    for (line, newer) in cases {
        for line in [line.clone(), line.replace("\"d\"", "\"\\u0064\"")] {
            let s = scan(format!("{R1}\n{line}\n").as_bytes());
            assert_eq!(s.records.len(), 1, "{line}");
            assert_eq!(s.bad.len(), 1, "{line}");
            assert_eq!(s.bad[0].line, 2);
            match newer {
                Some(v) => {
                    assert_eq!(s.bad[0].problem, LineProblem::NewerFormat { version: v })
                }
                None => assert!(
                    s.bad[0]
                        .problem
                        .to_string()
                        .contains("outside the years 1970 to 9999"),
                    "{}",
                    s.bad[0].problem
                ),
            }
        }
    }
}

#[test]
fn pieces_read_in_parallel_join_like_one_pass() {
    let unknown = r#"{"v":1,"id":"c","at":"2026-01-02T03:04:05Z","type":"teleport"}"#;
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!(
            r#"{{"v":1,"id":"r{i}","at":"2026-01-02T03:04:05Z","type":"undo","target":"x"}}"#
        ));
        text.push('\n');
        match i % 700 {
            5 => text.push_str("\n  \n"),
            6 => text.push_str(&format!("{unknown}\n{{oops\n")),
            7 => text.push_str(&format!("{R1}\n")),
            8 => text.push_str(&format!("{} \n", R2.replace("undo\",", "undo\", "))),
            _ => {}
        }
    }
    text.push_str(&R2[..30]);
    let bytes = text.as_bytes();
    let whole = std::iter::once(0..bytes.len()).collect::<Vec<_>>();
    let one = scan_pieces(bytes, &whole);
    assert_eq!(one.records.len(), 3002);
    assert_eq!(one.duplicates.len(), 8);
    assert_eq!(one.bad.len(), 10);
    assert!(one.torn.is_some());
    for n in [2, 3, 7] {
        let mut cuts = vec![];
        let mut start = 0;
        for k in 1..n {
            let target = bytes.len() * k / n;
            let end = target + bytes[target..].iter().position(|&b| b == b'\n').unwrap() + 1;
            cuts.push(start..end);
            start = end;
        }
        cuts.push(start..bytes.len());
        assert_eq!(scan_pieces(bytes, &cuts), one, "{n} pieces");
    }
    assert_eq!(scan(bytes), one);
}

#[test]
fn duplicates_keep_the_first() {
    let r1b = R1.replace("\"x\"", "\"z\"");
    let s = scan(format!("{R1}\n{R2}\n{r1b}\n").as_bytes());
    assert_eq!(s.records.len(), 2);
    assert_eq!(s.duplicates.len(), 1);
    assert_eq!(s.duplicates[0].line, 3);
    assert_eq!(s.duplicates[0].first_line, 1);
}
