//! STAR read as a person reads it (issue 11 item 4, session 22, 2026-12-07): notes that label
//! their parts ("S: ... T: ..."), a remark on the question before the story ("That's a tough
//! one"), the group's event at the story's place ("In my last role we outsourced..."), a story
//! told in the present that opens in a place ("We are in the weekly ops review"), and a habit
//! kept before the story ("I'd always run it myself"). Found on the twenty-second set's stories
//! once they were read. Every sentence is written for these tests, none taken from a labelled
//! answer.

use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

#[test]
fn labelled_notes_set_the_scene_and_the_goal() {
    let wrong = disagreements(&[
        (
            "S: quarterly review, the CFO had cut our cloud budget by a fifth. T: keep every \
             service up within the new budget. A: I moved the test servers to a nightly \
             schedule. R: the bill fell by 22% in two months.",
            &[Situation, Task, Action, Result],
        ),
        (
            "Situation\nOur payroll server died on a Friday.\nTask\nGet everyone paid by \
             Monday.\nAction\nI restored it from the backup.",
            &[Situation, Task, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A lone letter is no label: "A: I rebuilt the server" is a step, nothing more.
#[test]
fn a_lone_letter_is_no_label() {
    let one = [Sentence::new("A: I rebuilt the server")];
    assert_eq!(labels::labelled_parts(&one), vec![None]);
    let two = [Sentence::new("S: a bank"), Sentence::new("T: cut costs")];
    assert_eq!(
        labels::labelled_parts(&two),
        vec![Some(Situation), Some(Task)]
    );
    let wrong = disagreements(&[
        ("A: I rebuilt the server.", &[Action]),
        // Read as any sentence: an event of others that opens the story.
        (
            "S, the new starter, rang me. I reset her password.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_remark_on_the_question_is_no_step() {
    let wrong = disagreements(&[
        (
            "That's a hard one, because it didn't go the way I'd planned. I had an analyst \
             whose tickets kept bouncing back from QA. I paired him with a senior for a month.",
            &[Situation, Action],
        ),
        (
            "Good question. The night shift had no runbook for the payment gateway. I wrote \
             one with them.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "In my last role we outsourced desktop support": the group's event at the story's place
/// sets the scene ("At my previous company we introduced better monitoring" names nothing).
#[test]
fn the_groups_event_at_the_place_sets_the_scene() {
    let wrong = disagreements(&[
        (
            "In my last job we outsourced the service desk to a firm in Leeds. I set up a \
             monthly review of their figures.",
            &[Situation, Action],
        ),
        (
            "At my previous company we introduced better monitoring. I always learn from \
             incidents.",
            &[],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_present_story_opens_in_its_place() {
    let wrong = disagreements(&[(
        "We are in the Monday stand-up, and I tell the team that the release moves to \
         Thursday. One of the testers says I am wrong. I thank her and ask her to show me the \
         defects after the meeting. I check the defect list myself and she is right. I move the \
         release back.",
        &[Situation, Action],
    )]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "I'd always run it myself": a habit kept before the story is how things were, and the
/// scene beside it stands.
#[test]
fn a_habit_kept_before_the_story_leaves_the_scene() {
    let wrong = disagreements(&[(
        "The yearly failover test was coming up, and I'd always run it myself. I asked Priya \
         to run it this time.",
        &[Situation, Action],
    )]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Labels typed in one line, with no full stop between the parts, are read as separate notes;
/// "Plan A: ... Plan B: ..." labels no STAR part.
#[test]
fn labels_typed_in_one_line_are_read() {
    let wrong = disagreements(&[
        (
            "S: legacy billing system failing weekly T: replace it before year end without \
             downtime A: I ran both systems side by side for a month R: switched over with \
             zero downtime and complaints fell to zero",
            &[Situation, Task, Action, Result],
        ),
        ("Plan A: rebuild the server. Plan B: restore it.", &[]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
