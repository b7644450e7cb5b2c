//! What `MatchText::evidence_of` counts of a key point's words.

use super::{MatchText, PreparedPoint};
use crate::core::deck::KeyPoint;

fn register() -> KeyPoint {
    KeyPoint {
        text: "Keeps a risk register with owners and actions".into(),
        keywords: vec!["risk register".into(), "raid log".into()],
        ..KeyPoint::default()
    }
}

fn evidence(point: &KeyPoint, text: &str) -> super::PointEvidence {
    MatchText::new(text).evidence_of(&PreparedPoint::new(point))
}

#[test]
fn counts_keywords_their_words_and_the_points_words() {
    let e = evidence(
        &register(),
        "Every risk had an owner and a date. We did not use a RAID log.",
    );
    // "raid log" is negated, "risk register" is not there whole.
    assert_eq!(e.keywords_found, 0);
    // Of "risk register", "risk" is there: half of it.
    assert_eq!(e.best_keyword_share, 0.5);
    // risk, register, raid, log: "risk", and "log" (past the negation's reach: the keyword's
    // first word is what a negation must reach).
    assert_eq!((e.keyword_words_found, e.keyword_words), (2, 4));
    // keep, risk, register, owner, action: "risk" and "owner", both in the first sentence.
    assert_eq!((e.text_words_found, e.text_words), (2, 5));
    assert_eq!(e.best_sentence, 2);
    // A tick made on this shows the point's words as typed.
    assert_eq!(e.words, ["risk", "owner"]);
    assert!(e.gates);
}

#[test]
fn a_keyword_found_is_what_a_tick_shows() {
    let e = evidence(
        &register(),
        "We kept a risk register and reviewed it with each owner weekly.",
    );
    assert_eq!(e.keywords_found, 1);
    assert_eq!(e.best_keyword_share, 1.0);
    assert_eq!(e.words, ["risk", "register"]);
}

#[test]
fn the_questions_words_never_count() {
    let mut point = register();
    point.question = vec!["risk".into()];
    let e = evidence(&point, "Every risk had an owner.");
    // "risk" is the question's: neither the keywords' nor the text's words hold it now.
    assert_eq!((e.keyword_words_found, e.keyword_words), (0, 3));
    assert_eq!((e.text_words_found, e.text_words), (1, 4));
    assert_eq!(e.best_keyword_share, 0.0);
}

#[test]
fn the_authors_gates_hold_or_not() {
    let gated = KeyPoint {
        text: "Quantifies the saving".into(),
        keywords: vec!["saving".into()],
        require: vec!["per year".into(), "a year".into()],
        ..KeyPoint::default()
    };
    // No `require` term.
    assert!(!evidence(&gated, "The saving was large.").gates);
    // A `require` term but no figure, where the point asks for one.
    assert!(!evidence(&gated, "The saving was large a year later.").gates);
    assert!(evidence(&gated, "The saving was 40,000 pounds a year.").gates);
}
