//! STAR read as a person reads it (issue 11 item 4, session 23, 2026-12-07): a goal the speaker
//! sets themselves, aims at or takes on, and a piece of work that was theirs, are the task.
//! Found in the read sets' stories whose task both readers saw and the rules missed. Every
//! sentence is written for these tests, none taken from a labelled answer.

use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

#[test]
fn a_goal_set_aimed_at_or_taken_on_is_the_task() {
    let wrong = disagreements(&[
        (
            "I set myself a goal: one protected hour a week for learning. I read the NCSC \
             advisories and built a lab at home.",
            &[Task, Action],
        ),
        (
            "What I was aiming for was one rota for both sites. I met each team lead.",
            &[Task, Action],
        ),
        (
            "The auditors had flagged old accounts still active. I took it on as my project \
             for the year. I built a workflow in Power Automate.",
            &[Situation, Task, Action],
        ),
        (
            "Ward printers kept going offline, 210 times in three months. I raised a problem \
             record and took ownership of the root cause. I got the network and print teams \
             together.",
            &[Situation, Task, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn work_that_was_the_speakers_is_the_task() {
    let wrong = disagreements(&[
        (
            "We were moving 1,800 staff to Microsoft 365. The communication plan was mine. I \
             wrote a sequence of messages.",
            &[Situation, Task, Action],
        ),
        (
            "The branch managers kept complaining about account opening. I was the IT lead \
             assigned to the branch team. I spent two days watching the process.",
            &[Situation, Task, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// How a thing was heard, and a habit of aiming, are no task.
#[test]
fn not_every_taking_or_aiming_is_a_task() {
    let wrong = disagreements(&[
        (
            "The feedback stung. I took it on the chin and asked my boss for a mentor.",
            &[Situation, Action],
        ),
        (
            "What I always aim for is a calm team. I meet each engineer every fortnight.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
