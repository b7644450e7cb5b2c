//! STAR read as a person reads it (issue 11 item 4, session 22, 2026-12-07): single words
//! read wrongly. "I hired two contractors" is a step (the word stood in a list of verbs that
//! name no step, for "I was hired to..."); "instead of" compares, it tells no change. Found on
//! the fourth and sixth held-out sets once they were read. Every sentence is written for
//! these tests, none taken from a labelled answer.

use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// "I hired two contractors", "I appointed a release manager": the speaker's steps ("I was
/// hired to..." still gives the speaker a duty, not a step).
#[test]
fn hiring_someone_is_a_step() {
    let wrong = disagreements(&[
        ("I hired two contractors for the migration.", &[Action]),
        (
            "I appointed a release manager for the programme.",
            &[Action],
        ),
        ("I was hired to fix the network.", &[Task]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "kept for seven years instead of one" compares two periods after the speaker's step; "so
/// we paid 40% less instead" tells a change.
#[test]
fn instead_of_tells_no_change() {
    let wrong = disagreements(&[
        (
            "I went through the storage bill, with backups kept for seven years instead of \
             one.",
            &[Action],
        ),
        (
            "I moved the backups to cold storage, so we paid 40% less instead.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
