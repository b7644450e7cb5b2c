//! STAR read as a person reads it (issue 11 item 4, session 22, 2026-12-07): words read
//! wrongly. "I hired two contractors" is a step (the word stood in a list of verbs that name
//! no step, for "I was hired to..."); "instead of" compares, it tells no change; a bond built
//! ("a strong partnership") names no step; "I went ahead and booked" is a step; a habit told
//! earlier in a sentence holds for "set"; work handed over "to run", or that "sat on my desk",
//! is the task. Found on the fourth, sixth and eighth held-out sets once they were read.
//! Every sentence is written for these tests, none taken from a labelled answer.

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

/// "I built a strong partnership with their managers" builds a bond, names no step ("I built
/// a trust portal" builds a thing).
#[test]
fn a_bond_built_is_no_step() {
    let wrong = disagreements(&[
        (
            "I built a strong partnership with the supplier's managers.",
            &[],
        ),
        ("We fostered trust between the two sites.", &[]),
        (
            "I built a trust portal for the hospital's patients.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "Then I went ahead and booked a contractor" is a step; "the project went ahead" an outcome.
#[test]
fn going_ahead_and_doing_is_a_step() {
    let wrong = disagreements(&[
        (
            "I sent him a sharp email about it. Then I went ahead and booked our own cabler.",
            &[Action],
        ),
        (
            "I took the plan to the board. The project went ahead in May.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "I'm normally hands-off - I set the outcome and let people get on with it": a habit told
/// earlier in the sentence holds for "set" too; the scene may follow.
#[test]
fn a_habit_told_earlier_holds_for_set() {
    let wrong = disagreements(&[(
        "I'm usually hands-off, I set the goal and let people work out the how. At a bank in \
         Leeds one of my new leads was struggling. I sat in on her planning sessions for six weeks.",
        &[Situation, Action],
    )]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "The CIO gave me the refresh to own end to end": a piece of work handed over with what to
/// do with it is the speaker's task.
#[test]
fn work_handed_over_to_run_is_the_task() {
    let wrong = disagreements(&[
        (
            "The director gave me the office move to run. I booked the movers for a weekend.",
            &[Task, Action],
        ),
        (
            "She handed us the payroll upgrade to deliver by April.",
            &[Task],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "So the compliance work sat on my desk" hands the speaker a duty, as "landed on my desk"
/// does; "the auditor sat with us" hands none.
#[test]
fn work_that_sat_on_my_desk_is_the_task() {
    let wrong = disagreements(&[
        (
            "Nobody else knew the rules, so the compliance work sat on my desk. I wrote the \
             policies in a month.",
            &[Situation, Task, Action],
        ),
        (
            "The auditor sat with us for two days. I wrote the policies in a month.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "Since we started the huddle, breaches have fallen by half": the participles of verbs of
/// change ("fallen", "risen", "grown", "shrunk") tell an outcome as their past forms do.
#[test]
fn a_change_in_the_perfect_is_an_outcome() {
    let wrong = disagreements(&[
        (
            "I added a morning huddle. Since we started it, breaches have fallen by half.",
            &[Action, Result],
        ),
        (
            "I moved the backups to object storage. Since then our storage bill has shrunk \
             by a third.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Sentences a review of this session's rules wrote against them (2026-12-07): each rule
/// keeps to what it is for.
#[test]
fn this_sessions_rules_keep_to_their_cases() {
    let wrong = disagreements(&[
        // "I could take the weekend shift" is no preface; a step after a remark is a step.
        (
            "The release was slipping badly. I could take the weekend shift myself, so I took \
             it and rebuilt the pipeline.",
            &[Situation, Action],
        ),
        (
            "Our biggest client threatened to leave. That's the one time I went over my \
             manager's head: I emailed the CTO directly.",
            &[Situation, Action],
        ),
        // A contrast after the habit tells the event.
        (
            "The finance team kept missing month-end. Usually the close is quiet, but that \
             month I set up a daily stand-up with the controllers.",
            &[Situation, Action],
        ),
        // Tools and permission handed over are no task.
        (
            "My manager gave me the go-ahead to hire two engineers.",
            &[Situation],
        ),
        // A formal partnership is a step; a laptop on a desk is no duty.
        (
            "Our graduate intake was too small. I established a partnership with a local \
             university.",
            &[Situation, Action],
        ),
        (
            "I was new to the team. My old laptop sat on my desk for weeks, unused.",
            &[Situation],
        ),
        // A result told first is no scene.
        (
            "Last quarter we reduced churn by 15%. I did it by calling every customer who \
             cancelled.",
            &[Action, Result],
        ),
        // "You can imagine" opens; it tells no general truth.
        (
            "You can imagine that in March 2020 our call volume tripled. I moved half the team \
             to chat. Wait times halved.",
            &[Situation, Action, Result],
        ),
        // A step after the look, and "now": the outcome stands.
        (
            "The claims team kept missing their targets. I observed the process and then \
             rewrote the intake form with the team leads. The team now closes claims in three \
             days.",
            &[Situation, Action, Result],
        ),
        // The past perfect of a change is what came before the story.
        (
            "Sales had fallen by 20% before I joined. I rebuilt the pipeline reports.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
