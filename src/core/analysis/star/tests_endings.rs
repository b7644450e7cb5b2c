//! STAR read as a person reads it (issue 11 item 4, session 23, 2026-12-07): a story whose last
//! lines leave it open has no result; a step had done by someone else ("I had the platform team
//! build...") is the speaker's; a conflict the speaker was part of is the scene, not a step;
//! many occasions at once are no scene; a post named for a piece of work is the task. Found on
//! the seventeenth and eighteenth held-out sets once they were read. Every sentence is written
//! for these tests, none taken from a labelled answer.

use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

#[test]
fn a_story_left_open_has_no_result() {
    let wrong = disagreements(&[
        (
            "Our ticket tool was out of support, so I was asked to replace it. I compared four \
             products and ran a pilot with the payroll team. I'm not sure what they chose in \
             the end; I moved to another site that spring.",
            &[Situation, Task, Action],
        ),
        (
            "The warehouse scanners kept dropping off the network. I surveyed the signal in \
             every aisle and ordered six more access points. Still a work in progress when I \
             left, honestly.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Leaving is no open end when the result was told and the speaker only left later, or
/// when what they don't know is what came after it.
#[test]
fn leaving_after_the_result_keeps_it() {
    let wrong = disagreements(&[
        (
            "The warehouse scanners kept dropping off the network. I surveyed the signal in \
             every aisle and ordered six more access points. Dropouts fell from forty a week \
             to three. I moved on in 2022, but I'm still in touch with the team.",
            &[Situation, Action, Result],
        ),
        (
            "The warehouse scanners kept dropping off the network. I surveyed the signal in \
             every aisle and ordered six more access points. Dropouts fell from forty a week \
             to three. I'm not sure what happened next, as I left a year later.",
            &[Situation, Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_step_had_done_by_someone_is_the_speakers() {
    let wrong = disagreements(&[
        (
            "The release process was all manual. I had the platform team build a pipeline and \
             I had our lead tester write the smoke tests.",
            &[Situation, Action],
        ),
        // Someone described is no step had done.
        (
            "The release process was all manual. I had a developer whose work kept failing \
             review.",
            &[Situation],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_conflict_is_the_scene_not_a_step() {
    let wrong = disagreements(&[(
        "In my last role a colleague and I disagreed about the rollout plan. I booked an hour \
         with him and we agreed a pilot.",
        &[Situation, Action],
    )]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn many_occasions_are_no_scene() {
    let wrong = disagreements(&[(
        "There have been plenty of times when I've had to decide quickly. I always stay calm \
         and weigh the options.",
        &[],
    )]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn marks_reached_and_ends_told_in_the_present() {
    let wrong = disagreements(&[
        (
            "When I took over the service desk, first-time fix was 48%. I started weekly case \
             reviews with the analysts. We reached 65% in eight months.",
            &[Situation, Action, Result],
        ),
        // A learner's past told in present forms after "in the end".
        (
            "I worked before in a hospital in Lisbon. The backups were all on tape and often \
             failed. My manager asked me to lead the change to disk. I wrote a plan and bought \
             two storage arrays. In the end the failures go down a lot.",
            &[Situation, Task, Action, Result],
        ),
        // "In the end" with a judgement tells none.
        (
            "I worked before in a hospital in Lisbon. The backups were all on tape and often \
             failed. My manager asked me to lead the change to disk. I wrote a plan and bought \
             two storage arrays. In the end the team is happy.",
            &[Situation, Task, Action],
        ),
        // A participle between a determiner and its noun describes the thing.
        (
            "I set up a short survey on every closed ticket and read the comments each Friday.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn openings_a_reader_hears_as_the_scene_or_the_task() {
    let wrong = disagreements(&[
        // A remark on the question is no step.
        (
            "Oh, I love this question! At my last company, a small insurer, the helpdesk was \
             drowning in password resets. I set up self-service resets.",
            &[Situation, Action],
        ),
        // A note that opens on the organisation by its kind.
        (
            "Mid-size housing charity, 400 staff, I ran IT. I moved the file shares to \
             SharePoint over one summer.",
            &[Situation, Action],
        ),
        // A post named for a piece of work.
        (
            "I was the project manager for the move. The old data centre lease ended in March. \
             I planned four weekend cut-overs.",
            &[Situation, Task, Action],
        ),
        // The subject named by what the speaker led, a vague step and a lesson: none.
        (
            "The biggest project I've led was a network refresh. I made sure everybody was kept \
             informed. The main thing it taught me is to plan early.",
            &[],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_measure_as_it_stands_now_closes_a_past_story() {
    let wrong = disagreements(&[
        (
            "The scanners kept dropping off the wifi. I moved the access points. Scanner \
             dropouts are down to one or two a month.",
            &[Situation, Action, Result],
        ),
        (
            "Releases kept needing hotfixes. I sat with the developer before each release and \
             went through the rollback. We've had two hotfixes this year.",
            &[Situation, Action, Result],
        ),
        // A goal's level is no outcome.
        (
            "The scanners kept dropping off the wifi. I moved the access points. The target \
             is under two dropouts a month.",
            &[Situation, Task, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Close variants a review wrote against this session's rules, each read as a reader would.
#[test]
fn this_sessions_rules_keep_to_their_cases() {
    let wrong = disagreements(&[
        // An open end is about the story, not the answer, a comparison or an unknown settled.
        (
            "The pager was going off all night. I redesigned it around follow-the-sun shifts. \
             Pages per engineer fell from 30 to 8 a month. I'm not sure if that answers your \
             question.",
            &[Situation, Action, Result],
        ),
        (
            "The pager was going off all night. I redesigned it around follow-the-sun shifts. \
             Pages per engineer fell from 30 to 8 a month. I don't know how we managed without \
             it before.",
            &[Situation, Action, Result],
        ),
        (
            "The pager was going off all night. I redesigned it around follow-the-sun shifts. \
             Before I left, pages per engineer had fallen from 30 to 8 a month.",
            &[Situation, Action, Result],
        ),
        (
            "The pager was going off all night. I redesigned it around follow-the-sun shifts. \
             Pages per engineer fell from 30 to 8 a month. I'm not sure what happened later.",
            &[Situation, Action, Result],
        ),
        // Something done to the speaker, or by the doer alone, is no step had done.
        ("I had a customer complain directly to the CEO.", &[]),
        ("I had my boss sign off two extra contractors.", &[Action]),
        // "Took it on" and "aiming" only where a piece of work or a goal is.
        (
            "I took it on my bike to the data centre. I swapped the disk.",
            &[Action],
        ),
        (
            "I was aiming to leave early that Friday when the payment alerts started. I \
             rolled back the release.",
            &[Situation, Action],
        ),
        (
            "I escalated to the vendor, their engineer reviewed the logs and took ownership of \
             the fix.",
            &[Action],
        ),
        // The mark a group hit before anything was done is the trouble.
        (
            "Last July the cooling in our server room failed. By noon we hit 40 degrees, so I \
             moved the critical VMs.",
            &[Situation, Action],
        ),
        // More of what was sold or handled is a change; more of what was bought is not.
        (
            "I reworked the pricing page. We sold 200 more units than the previous quarter.",
            &[Action, Result],
        ),
        // Choosing in a present story is a step, no remark on the question.
        (
            "The vendor sends three quotes. I like that one, so I sign the contract and book \
             the install for Monday.",
            &[Action],
        ),
        // A post for a place is no task; a conflict with someone sets the scene.
        (
            "I was the account manager for the hospital. When their contract came up, I \
             rebuilt the pricing model.",
            &[Situation, Action],
        ),
        (
            "In my last role I clashed with the product owner over priorities. I set up a \
             weekly review with her.",
            &[Situation, Action],
        ),
        // One period's crashes are the scene, not many occasions.
        (
            "In March our payroll server crashed several times a day. I traced it to a memory \
             leak and patched it.",
            &[Situation, Action],
        ),
        // A one-word kind with its size, a moment opening the sentence.
        (
            "Charity, 40 staff, I ran IT. I moved the file shares to SharePoint.",
            &[Situation, Action],
        ),
        (
            "One year we went over budget because of extra licensing costs. I informed my \
             manager and the finance team.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A test passed after the steps is an outcome; something passed on is none.
#[test]
fn a_test_passed_is_an_outcome() {
    let wrong = disagreements(&[
        (
            "I sent two analysts on the ITIL course. Both passed the exam.",
            &[Action, Result],
        ),
        (
            "In my last team I sent one of the engineers on a security course and he passed \
             it.",
            &[Action, Result],
        ),
        (
            "I rewrote the runbook and passed it to the vendor.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
