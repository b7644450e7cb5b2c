//! STAR read in answers told as a practice, the answer to "how do you..." (issue 11 item 4,
//! 2026-12-06): a condition of any case marks a practice, not a story told in the present;
//! steps told in their order are the speaker's practice; what a practice led to is told in
//! the perfect or in the past since it began; the present of the speaker's current post is a
//! scene. Every sentence is written for these tests, none taken from a labelled answer.

use super::tests::agreement_of;
use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// "When a project slips, I...": an answer about any case is a practice; its present verbs
/// of others ("before the board meets", "each action gets an owner") are no scene and no
/// outcome, and its steps in their order are the speaker's Action.
#[test]
fn a_condition_of_any_case_is_a_practice() {
    let wrong = disagreements(&[
        (
            "When a release starts to overrun, I re-plan it with the release manager and I \
             ask for a date we can keep. Then I phone the product owner before the review \
             meets, so nobody hears it first in a meeting.",
            &[Action],
        ),
        (
            "If somebody misses a deadline twice, I book half an hour with them. Then I go \
             through their list with them and we cut what can wait.",
            &[Action],
        ),
        (
            "In my team we hold a short review within two days of every outage. We write \
             up the timeline together, we agree two or three actions, and each action gets an \
             owner. We track them on our board until they close.",
            &[],
        ),
        // A moment of a story, not any case: still the scene.
        (
            "When the payroll server crashed on a Friday, I rang the supplier and I restored \
             the database from the night before.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// What a practice led to: told in the perfect or in the past since it began ("this year",
/// "since then"); a past told with another moment may open an episode, no outcome.
#[test]
fn what_a_practice_led_to() {
    let wrong = disagreements(&[
        (
            "Every month I check the patch report myself the morning after patching. This \
             summer we passed our security certification for the first time.",
            &[Action, Result],
        ),
        (
            "Every Monday I read the five oldest tickets with the agent who owns them. \
             Tickets older than a month have fallen from eighty to twelve.",
            &[Action, Result],
        ),
        (
            "I meet each engineer for half an hour every fortnight. It was in one of those \
             meetings last winter that one of them mentioned the rota.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "for a" after a word whose object it is names no place; "cost", "put", "set" are past
/// only in a story told in the past; the particle of the speaker's present verb is no change.
#[test]
fn objects_of_for_and_present_forms() {
    let wrong = disagreements(&[
        (
            "I'm responsible for a budget of two million, so I can't check every invoice.",
            &[Task],
        ),
        (
            "I run IT for a school of 900 pupils, and the wifi kept failing in the exam halls.",
            &[Situation],
        ),
        (
            "For instance, I write down three options with their cost and I ask the \
             director to pick one.",
            &[],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The present of the speaker's current post, named as such, is the scene as "at my last
/// job we had" is in the past: a state or an event of the speaker's side or of others; the
/// speaker's own post with a figure describes them.
#[test]
fn the_present_of_the_current_post() {
    let wrong = disagreements(&[
        (
            "In my current job we get about sixty laptop requests a month.",
            &[Situation],
        ),
        (
            "At my current company the warehouse has two wifi networks that nobody can name.",
            &[Situation],
        ),
        (
            "In my current job I look after about thirty suppliers.",
            &[],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A post told by whom it serves, counted, is the scene of a practice ("across two
/// hospitals"; not "for three months"); a volume looked after is the post's scope, no step;
/// "set" beside a present of others is present, no event of a scene.
#[test]
fn posts_volumes_and_present_forms_beside() {
    let wrong = disagreements(&[
        (
            "I lead a team of five technicians covering 900 staff across four depots.",
            &[Situation],
        ),
        ("I stayed on the project for three months.", &[Action]),
        (
            "In my current job I handle about 120 change requests a quarter.",
            &[],
        ),
        (
            "Every new analyst gets a mentor for their first month, and they set their own \
             learning goals together. I keep a note of what we agreed.",
            &[],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A duty held now, in an answer about how the speaker works: "I have to", "I need to", "I'm
/// expected to", "I own the..." (a comment, "I have to say", or a lesson, "I need to get
/// better at", is no duty).
#[test]
fn duties_held_now() {
    let wrong = disagreements(&[
        (
            "I have to keep our tills up to date without closing a shop.",
            &[Task],
        ),
        (
            "I'm accountable for the uptime of the booking system.",
            &[Task],
        ),
        ("I own the contract with our broadband supplier.", &[Task]),
        ("I need to get better at saying no.", &[]),
        ("I have to say the team were brilliant.", &[]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The practice set (`stories-practice.json`, written and labelled before these rules,
/// first measured at 83/96/88/71 % on its first 24 answers) keeps its figures.
#[test]
fn practice_stories_keep_their_figures() {
    let stories = include_str!("../../../../tests/fixtures/star/stories-practice.json");
    let report = agreement_of(stories, 28, [0.96, 0.96, 0.92, 0.82]);
    assert!(report.is_empty(), "{report:#?}");
}
