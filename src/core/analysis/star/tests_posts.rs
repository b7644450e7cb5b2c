//! STAR read as a person reads it (issue 11 item 4, session 15, 2026-12-06): posts held for
//! the events and the duty that came with them, trouble handled with no step named,
//! experience claimed, a relative clause that describes a noun, and a duration that is no
//! moment. Every sentence is written for these tests, none taken from a labelled answer.

use super::tests_debrief::assert_debrief_set_floors;
use super::tests_turns::assert_story_floors;
use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// A post held for the events, named by its turn of duty, by "as", or with the duty it was
/// given, is the speaker's task; a post named for no event is not.
#[test]
fn posts_held_for_the_events() {
    let wrong = disagreements(&[
        (
            "I was duty network manager that weekend, so I rang the carrier.",
            &[Task, Action],
        ),
        (
            "I'm the on-call service manager for a ferry operator.",
            &[Situation, Task],
        ),
        (
            "As head of service I closed the walk-in desk for a day.",
            &[Task, Action],
        ),
        (
            "As the support lead, I rebuilt the printer queue myself.",
            &[Task, Action],
        ),
        (
            "I'm the records manager, tasked with getting every file scanned by spring.",
            &[Task],
        ),
        // "As" that names no post, and a post with no event.
        ("As a result, I rebuilt the printer queue.", &[Action]),
        (
            "As soon as the manager arrived I rang the carrier.",
            &[Situation, Action],
        ),
        ("As the manager of a small team I always listen first.", &[]),
        // A duty that recurs, run as its lead; a trial run is a step.
        (
            "I ran the weekly change board at a water company.",
            &[Situation, Task],
        ),
        ("I ran a two-week trial of the new headsets.", &[Action]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A piece of work the speaker answered for: owned with any determiner, managed in a
/// relative clause, or named as their project.
#[test]
fn work_the_speaker_answered_for() {
    let wrong = disagreements(&[
        (
            "I owned this contract at a housing trust.",
            &[Situation, Task],
        ),
        (
            "It was the cleaning contract at a college, which I managed; the supplier covered six buildings.",
            &[Situation, Task],
        ),
        (
            "The canteen tills were my project from the first day.",
            &[Situation, Task],
        ),
        // "Managed to" is an action, no post.
        (
            "The laptops, which I managed to recover, were fine.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Trouble handled with no step named, and experience claimed with "before", are no action;
/// the same verbs with a step are.
#[test]
fn trouble_handled_and_experience_claimed() {
    let wrong = disagreements(&[
        (
            "The courier kept losing parcels, so I dealt with it.",
            &[Situation],
        ),
        (
            "The scanners kept failing and I got to the bottom of it.",
            &[Situation],
        ),
        (
            "I have rolled out single sign-on before and users like it.",
            &[],
        ),
        // With the step named, or a moment of the story.
        (
            "I dealt with it by moving the scanners onto their own network.",
            &[Action],
        ),
        ("I've rewritten the rota before the audit.", &[Action]),
        // Something abstract encouraged everywhere is no step; somewhere named, it is.
        ("I encouraged ownership across the board.", &[]),
        ("I encouraged ownership across the two depots.", &[Action]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A verb in a relative clause describes a noun, and "fell during" tells when; neither is an
/// outcome. "How long" is no moment of the scene.
#[test]
fn descriptions_and_durations_tell_no_outcome_or_scene() {
    let wrong = disagreements(&[
        (
            "I moved the shops one region at a time, and finally the warehouse, which every shop depended on.",
            &[Action],
        ),
        (
            "I booked the engineers so the installs fell during the school holidays.",
            &[Situation, Action],
        ),
        ("I could have rebuilt it in an afternoon.", &[]),
        // An outcome after a relative clause, and a fall with its figure.
        (
            "I moved the warehouse first. The backlog, which had been 400 orders, was 40 by May.",
            &[Action, Result],
        ),
        (
            "I cut the report down. Calls fell by a third.",
            &[Action, Result],
        ),
        // A start-up is a place; "a steady pace" is none.
        ("I run a team of six at a payments start-up.", &[Situation]),
        ("I worked at a steady pace through the night.", &[]),
        // A group's event opening a clause of time is the scene.
        (
            "After we merged with a firm in Hull, the two service desks had to share one queue.",
            &[Situation],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The fifth held-out set (`tests/fixtures/holdout-5/`), written blind at the start of
/// session 15 and read for this file's rules: its 15 STAR-labelled debrief answers and 24
/// stories keep what the detector reaches on them (debrief S/T/A/R 15/14/14/14 of 15, from
/// 14/11/11/13; stories 22/22/23/23 of 24, from 19/17/23/23).
#[test]
fn the_fifth_held_out_set_keeps_its_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-5/debrief-answers.json"),
        15,
        // Action 13 since session 24: "The lesson I took away was to bring payroll in at the
        // start" is no step; the answer's Action had been read only there (its labelled
        // Action is the team's work it led).
        [15, 14, 13, 14],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-5/star-stories.json"),
        [22, 22, 23, 23],
    );
}

/// The seventh held-out set (`tests/fixtures/holdout-7/`), written blind in session 16,
/// measured unread (debrief S/T/A/R 15/12/13/9 of 15, stories 24/22/23/22 of 24), then its
/// debrief STAR errors read: the floors keep what the detector reaches (debrief 15/12/14/11).
#[test]
fn the_seventh_held_out_set_keeps_its_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-7/debrief-answers.json"),
        15,
        [15, 12, 14, 11],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-7/star-stories.json"),
        [24, 22, 23, 22],
    );
}

/// An end left open stays open when the sentence gives only its time, and a noun that is the
/// subject of "used to" is no outcome (session 16). Sentences written for the test.
#[test]
fn ends_left_open_and_nouns_before_used_to() {
    let wrong = disagreements(&[
        (
            "I ran three workshops with both warehouses. The new intake was still in progress \
             about eight months in.",
            &[Action],
        ),
        (
            "I moved the tills to the new network. It was still ongoing after 3 weeks.",
            &[Action],
        ),
        // A figure that measures the end is one.
        (
            "I moved the tills to the new network. By May it was 70% done and still in \
             progress.",
            &[Action, Result],
        ),
        (
            "I gave the depot a second line, because a single cable cut used to stop the \
             scanners.",
            &[Action],
        ),
        (
            "I gave the depot a second line. Outages that used to last hours now last minutes.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A state measured after an announced time is an outcome; "everything" done with nothing
/// named is a judgement; a verb with only how well it was done is no step (session 16).
/// Sentences written for the test.
#[test]
fn measured_states_everything_done_and_manner_only() {
    let wrong = disagreements(&[
        (
            "I paired each new starter with a mentor. A year later we were at 88% retention.",
            &[Action, Result],
        ),
        (
            "I split the desk into two queues. In the end everything was delivered.",
            &[Action],
        ),
        (
            "I split the desk into two queues. Everything went live on 3 May with 20% fewer \
             calls.",
            &[Action, Result],
        ),
        (
            "I split the desk into two queues. Once everything was migrated, complaints \
             stopped.",
            &[Action, Result],
        ),
        (
            "I split the desk into two queues. The next outage was resolved in 40 minutes.",
            &[Action, Result],
        ),
        // A time gone by that opens the sentence announces what it found.
        (
            "I split the desk into two queues. After three months the queue was half.",
            &[Action, Result],
        ),
        (
            "I split the desk into two queues. By the next March calls were down by a third.",
            &[Action, Result],
        ),
        (
            "I make a log of every crash with the shop manager. After three months the \
             crashes are half.",
            &[Result],
        ),
        ("After two weeks I called the vendor.", &[Action]),
        // An effort, a scene: no state measured.
        (
            "I split the desk into two queues. Two weeks later I was on 3 calls a day with \
             the vendor.",
            &[Action],
        ),
        (
            "I prioritised carefully and made sure the service was not impacted.",
            &[],
        ),
        // How often or when, and a specific verb with its manner, still tell a step.
        ("I reported regularly.", &[Action]),
        ("I tested properly.", &[Action]),
        (
            "I replied immediately, and the supplier sent a patch.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Duties handed over as things ("I was handed ownership of", "gave me one target:", "part
/// of my remit"), a terse note's own step after an adverb, and jargon that names no step
/// (session 16). Sentences written for the test.
#[test]
fn duties_handed_over_notes_and_jargon() {
    let wrong = disagreements(&[
        (
            "I was handed ownership of the print estate. I replaced the twelve oldest \
             printers.",
            &[Task, Action],
        ),
        (
            "The director gave me one target: a clean audit by June. I rewrote the access \
             review.",
            &[Task, Action],
        ),
        (
            "Keeping the labs patched was part of my role. I set up a weekly patch window.",
            &[Situation, Task, Action],
        ),
        // "part of" that is no duty.
        (
            "The lab was part of our campus. I set up a weekly patch window.",
            &[Situation, Action],
        ),
        (
            "This was part of our focus on growth. I set up a weekly patch window.",
            &[Action],
        ),
        (
            "Rebuilt the intake form. Also got the ward clerks to test it for a week.",
            &[Action],
        ),
        ("I leveraged the team's expertise.", &[]),
        // An opening word that is the subject is no left-out "I".
        (
            "I changed the rota. All agreed to the change.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
