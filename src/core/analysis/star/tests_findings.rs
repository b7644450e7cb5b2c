//! STAR read as a person reads it (issue 11 item 4, session 17, 2026-12-06): what a review
//! found is no outcome, nor a plan or what mattered; a step the speaker had others do is
//! theirs; a vague effort names no step; a decision owned in a story
//! told in the present, and "I was the one who...", are the task. Every sentence is written
//! for these tests, none taken from a labelled answer.

use super::tests_debrief::assert_debrief_set_floors;
use super::tests_turns::assert_story_floors;
use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// What a look into the trouble found, what something was, a plan and what mattered are no
/// outcome; a finding told with a figure or with what was gone still is.
#[test]
fn findings_plans_and_lessons_are_no_outcome() {
    let wrong = disagreements(&[
        (
            "I interviewed the warehouse leads. The real issue was that nobody trusted the \
             stock counts.",
            &[Action],
        ),
        (
            "I pulled the logs for the week. It was the nightly sync job, clashing with the \
             backup window.",
            &[Action],
        ),
        (
            "I rebuilt the mail rules. It was the old spam filter, tagging every invoice.",
            &[Action],
        ),
        (
            "I wrote to every branch manager. The plan is to run the survey again in spring \
             and, if the branches are still unhappy, to visit each of them.",
            &[Action],
        ),
        (
            "I sat with each supervisor in turn. Honesty was crucial.",
            &[Action],
        ),
        // A finding counted, a step's own end, and what was gone are outcomes.
        (
            "I rewrote the rota. The problem was down to 3 calls a week by June.",
            &[Action, Result],
        ),
        (
            "I rewrote the rota. It was the first month with no missed handovers.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// An end told only as going on together is no outcome.
#[test]
fn moving_forward_is_no_outcome() {
    let wrong = disagreements(&[
        (
            "I met both engineers on Monday. Eventually they agreed and we moved forward.",
            &[Action],
        ),
        (
            "I met both engineers on Monday. By Friday the duplicate tickets had fallen to 4 \
             a day and we moved forward with the rollout.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "I had the switches replaced" is the speaker's step, done by others at their word; a
/// group's "we had the old firewall installed in 2012" and "I had a team of six" are not.
#[test]
fn steps_the_speaker_had_others_do() {
    let wrong = disagreements(&[
        (
            "Before the cutover I had the old switches replaced on every floor.",
            &[Action],
        ),
        ("I had the contract reviewed by our solicitor.", &[Action]),
        ("I had a team of six engineers.", &[]),
        ("I had my doubts about the plan.", &[]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A vague effort ("I leaned into it", "I took a step back", "I kept a strong focus on value")
/// names no step.
#[test]
fn vague_efforts_name_no_step() {
    let wrong = disagreements(&[
        ("I leaned into it and took a step back.", &[]),
        (
            "I took steps to improve things and kept a strong focus on quality.",
            &[],
        ),
        // A step named after "took" still counts.
        ("I took the laptops to the depot myself.", &[Action]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A decision owned in a story told in the present, and being the one who made the call
/// the story turns on, are the task; a duty stated as a general truth is not.
#[test]
fn decisions_owned_are_the_task() {
    let wrong = disagreements(&[
        (
            "It's a Monday in March and the payroll run is stuck. Nobody else is in, so it's \
             my call. I roll back the release.",
            &[Situation, Task, Action],
        ),
        (
            "I was the one who picked the supplier, and I rang them the same morning.",
            &[Task, Action],
        ),
        (
            "I was the one who'd approved the change. I rolled it back within the hour.",
            &[Task, Action],
        ),
        ("It's our job to support the business.", &[]),
        ("I was the one person in IT.", &[]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// How things looked before the trouble, judged with a figure or a "but", opens the story;
/// what others had been doing for a span of time counted is the time before it, wherever it
/// stands; a judgement alone stays one.
#[test]
fn how_things_looked_before_the_trouble() {
    let wrong = disagreements(&[
        (
            "The audit score looked fine, about 92% compliant. I went through the sample \
             by hand.",
            &[Situation, Action],
        ),
        (
            "The new portal was fine, but the phone queue kept growing. I moved two \
             analysts onto calls.",
            &[Situation, Action],
        ),
        (
            "Replaced the ageing phone system for four branches. The receptionists had been \
             using the old handsets for fifteen years. I ran a drop-in session at each branch.",
            &[Situation, Action],
        ),
        (
            "It was a great experience. I ran a drop-in session at each branch.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The speaker's own verb of change followed by more of their steps was one of the steps
/// ("I cut the slides down to eight. I rehearsed twice"); told last, it is the outcome. What
/// others were obliged to do is a rule set, no outcome.
#[test]
fn own_changes_among_steps_and_duties_of_others() {
    let wrong = disagreements(&[
        (
            "I cut the pack down to eight slides. Then I rehearsed it twice with the finance \
             director.",
            &[Action],
        ),
        (
            "I rehearsed the pitch twice with the finance director. In the end I cut the \
             overtime bill by a third.",
            &[Action, Result],
        ),
        (
            "I rewrote the leavers process. Every manager had to sign the checklist.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The first sentence names the occasion: a group's event for something of theirs ("We moved
/// to a new phone system for our branches") or the speaker's at a moment in the past ("Last year I presented..."); a
/// result told first is no occasion, nor is the speaker's step with no moment.
#[test]
fn the_first_sentence_names_the_occasion() {
    let wrong = disagreements(&[
        (
            "We moved to a new phone system for our branches. It was fine in the end.",
            &[Situation],
        ),
        (
            "Last year I presented our security plan to the trustees. Overall it went well.",
            &[Situation, Action],
        ),
        (
            "We halved our printing costs in a year. I started by counting the printers.",
            &[Action, Result],
        ),
        ("I presented our security plan to the trustees.", &[Action]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The ninth held-out set (`tests/fixtures/holdout-9/`), written blind in session 17,
/// measured unread (debrief S/T/A/R 11/14/14/12 of 15, stories 21/21/21/21 of 24), then its
/// STAR errors read for this file's rules: the floors keep what the detector reaches (debrief
/// 12/15/14/14, stories 22/24/24/23).
#[test]
fn the_ninth_held_out_set_keeps_its_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-9/debrief-answers.json"),
        15,
        [12, 15, 14, 14],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-9/star-stories.json"),
        [22, 24, 24, 23],
    );
}

/// A change in someone told with "much" and nothing counted is how the speaker rates it.
#[test]
fn much_more_is_a_judgement() {
    let wrong = disagreements(&[
        (
            "I paired her with our network lead for a month. She's much more confident now.",
            &[Action],
        ),
        (
            "I paired her with our network lead for a month. Her first-time fix rate went \
             from 40% to 65%.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// What the rules above leave alone (a review's sentences): a passive end, an end named as
/// such, what nobody had to do any more, a change measured by a percentage, a plan beaten,
/// where things stood at a moment after the actions, someone named, a step with "step" in
/// it, "Last," as an order, "by much more", and being blamed.
#[test]
fn what_the_new_rules_leave_alone() {
    let wrong = disagreements(&[
        (
            "I fixed the alerting. The issue was fixed within a day.",
            &[Action, Result],
        ),
        (
            "I fixed the alerting. That was the end of the complaints.",
            &[Action, Result],
        ),
        (
            "I rebuilt the import. After the change, nobody had to re-enter the data.",
            &[Action, Result],
        ),
        (
            "I cut costs by 30%. Then I presented the savings to the board.",
            &[Action, Result],
        ),
        (
            "I reviewed the plan. The plan was to finish by May, but we finished two weeks \
             early.",
            &[Action, Result],
        ),
        (
            "I changed the pipeline. By March the new process had been running for six weeks \
             without a failed deploy.",
            &[Action, Result],
        ),
        // Told of others: a scene, no step and no task.
        (
            "I had a manager called Priya who checked every email.",
            &[Situation],
        ),
        ("I moved the deploy step to the nightly run.", &[Action]),
        ("Last, I rang the supplier to confirm.", &[Action]),
        (
            "I changed the rota. Sickness fell by much more than we expected.",
            &[Action, Result],
        ),
        ("I was the one who got blamed for the outage.", &[Situation]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "Now" announces an outcome only after the actions and with a state measured.
#[test]
fn now_announces_only_a_state_measured_after_the_actions() {
    let wrong = disagreements(&[
        (
            "Right now the team is down to 6 people. I asked for two contractors.",
            &[Action],
        ),
        (
            "I changed the rota. Now the queue is down to 40 tickets a week.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Session 22 (the eighth set, read): what others did or were, told right after the speaker
/// looked into something, is what the look found; a check kept on a schedule watches the
/// steps' outcome instead.
#[test]
fn what_a_look_found_is_no_outcome() {
    let wrong = disagreements(&[
        (
            "I sat with the warehouse team for two days and observed the picking. Most of the \
             delay was staff walking to a single printer.",
            &[Action],
        ),
        (
            "I dug into the cloud bill and it was mostly one test server left running.",
            &[Action],
        ),
        // A check on a schedule: what follows is the outcome of the steps.
        (
            "We moved the printers next to the packing benches and we checked the times every \
             Monday. Pickers were faster.",
            &[Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
