//! STAR read as a person reads it (issue 11 item 4, session 18, 2026-12-07): what was done
//! before the story is its scene; a meeting, a finding, a share, a design and a turn are no
//! outcome; a goal wanted or labelled is the task; effort and manner name no step. Every
//! sentence is written for these tests, none taken from a labelled answer.

use super::tests_debrief::assert_debrief_set_floors;
use super::tests_turns::assert_story_floors;
use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// What the speaker or their group had done before the story, told before any step of it,
/// sets the scene; "I'd" before a form that is also a base is "would".
#[test]
fn what_was_done_before_the_story_is_its_scene() {
    let wrong = disagreements(&[
        (
            "We'd just moved our payroll to a new provider and nobody had checked the tax \
             codes. I compared every code by hand.",
            &[Situation, Action],
        ),
        (
            "The first time round I'd taken a forty-page report to the trustees and lost \
             them. So I rewrote it as one page.",
            &[Situation, Action],
        ),
        (
            "There was a time when two of my engineers would not speak to each other. I sat \
             them down together.",
            &[Situation, Action],
        ),
        (
            "At the housing trust the board pack used to be eighty pages, and you could see \
             nobody read it. I rewrote it as a summary.",
            &[Situation, Action],
        ),
        (
            "I once sent a password notice that half the staff read as a deletion warning. \
             I rang the service desk lead.",
            &[Situation, Action],
        ),
        (
            "We review every ticket weekly. When I took over the desk at a housing trust my \
             brief was to fix its reputation. I read a month of comments.",
            &[Situation, Task, Action],
        ),
        // "I'd run" is "I would run": no scene.
        ("I'd run a pilot with one team first.", &[]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A meeting, what a look found, what something was made of, how a change works, and what
/// others did that the speaker then answered are no outcome.
#[test]
fn meetings_findings_shares_designs_and_turns_are_no_outcome() {
    let wrong = disagreements(&[
        (
            "I booked a room for Monday. We met, and I set out the standard in writing.",
            &[Action],
        ),
        (
            "I pulled the call logs. I also met the union rep to go through the rota.",
            &[Action],
        ),
        (
            "I ran the reviews every month. One thing that came out of them was that nobody \
             knew where the runbooks were.",
            &[Action],
        ),
        (
            "I asked internal audit to test us early. They found that our patch records were \
             incomplete.",
            &[Action],
        ),
        (
            "I sorted a year of tickets and found that printers and passwords accounted for \
             40 percent of calls.",
            &[Action],
        ),
        (
            "We changed the rota so the second engineer gets paged if nobody answers within \
             ten minutes.",
            &[],
        ),
        (
            "I presented the plan to the board. The chair pushed back on the cost, so I \
             walked her through the figures again.",
            &[Action],
        ),
        (
            "I built a shared folder where the owners dropped their evidence.",
            &[Action],
        ),
        (
            "I wrote the scoring sheet. Every candidate got the same questions and the same \
             exercise.",
            &[Action],
        ),
        (
            "Every branch went live by someone copying files over on a Sunday night. I set up \
             a pipeline.",
            &[Action],
        ),
        (
            "I rolled out the policy. Two weeks before the auditors arrived, I checked every \
             record.",
            &[Action],
        ),
        (
            "I sent the monthly figures. The directors were very supportive.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// What the new rules leave alone: a target met, an outcome announced, others' outcome told
/// without a step answering it.
#[test]
fn outcomes_the_new_rules_leave_alone() {
    let wrong = disagreements(&[
        (
            "I rebuilt the release plan. We met the deadline.",
            &[Action, Result],
        ),
        (
            "I moved the reviews to Fridays. The result was that defects fell by a third.",
            &[Action, Result],
        ),
        (
            "I moved the reviews to Fridays. The chair signed off the budget in March.",
            &[Action, Result],
        ),
        (
            "I coached him for a quarter. Eight months later he's our network lead.",
            &[Action, Result],
        ),
        (
            "I rewrote the alerts. Calls dropped by 30 percent in a month.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A goal the speaker wanted, one labelled before a colon, and one pursued in the
/// progressive are the task.
#[test]
fn goals_wanted_labelled_or_pursued_are_the_task() {
    let wrong = disagreements(&[
        (
            "I wanted handovers with no gaps in them. I wrote a checklist for each shift.",
            &[Task, Action],
        ),
        (
            "Goal I set myself: every new starter productive in a week.\nWhat I did: built \
             a starter pack and booked their accounts before day one.",
            &[Task, Action],
        ),
        (
            "I was trying to explain to the partners why we needed a second site, so I drew \
             the office on a whiteboard.",
            &[Task, Action],
        ),
        // A wish with no qualifier, and trying to help, state no goal.
        (
            "I wanted a career in IT. I applied to the council.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Effort spent, a manner kept, a culture encouraged and a reflection name no step.
#[test]
fn effort_manner_and_reflection_name_no_step() {
    let wrong = disagreements(&[
        ("I put a lot of energy into it and kept it simple.", &[]),
        ("I encouraged a culture of sharing.", &[]),
        ("I kept security high on the agenda.", &[]),
        ("I've reflected on this a lot.", &[]),
        // A step named is still a step.
        ("I put a new alert on the core switch.", &[Action]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Who the speaker's side or the story's people are sets the scene when a story follows;
/// arrangements, timings, troubles going on, a meeting of someone, what something was and
/// an end still awaited are no outcome.
#[test]
fn descriptions_arrangements_and_open_ends() {
    let wrong = disagreements(&[
        (
            "We're a charity with forty shops, so card payments matter. I moved the tills to \
             a second line.",
            &[Situation, Action],
        ),
        (
            "They're mostly volunteers in their seventies. I wrote the guide in large print.",
            &[Situation, Action],
        ),
        // A description with claims and no story sets no scene.
        ("We're a small team, so I do a bit of everything.", &[]),
        (
            "I wrote the policy. Reminders were set to go out after a week and a fortnight.",
            &[Action],
        ),
        (
            "I agreed the dates with the directors so the moves fell over the two shutdowns.",
            &[Action],
        ),
        (
            "I rebuilt the queue. The desk is getting swamped with resets, a quarter of all \
             tickets.",
            &[Action],
        ),
        (
            "I drew the network on a napkin. The chair stopped me halfway through.",
            &[Action],
        ),
        (
            "I wrote the test plan. The second phase was a two-week trial of the form.",
            &[Action],
        ),
        (
            "I sent the proposal in May. That meeting was on Friday, so I'm still waiting \
             to hear.",
            &[Action],
        ),
        (
            "I set up a pilot to see whether it would really cut the resets down.",
            &[Action],
        ),
        // What they leave alone.
        (
            "I rebuilt the queue. Calls stopped coming in after six.",
            &[Action, Result],
        ),
        (
            "I rebuilt the queue. Downtime was a mere 4 minutes that quarter.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A review's counter-sentences (a helper, on the session's diff): targets met, things
/// prevented, changes within a span, outcomes counted or announced, steps joined to steps
/// and an interrupted errand keep their reading.
#[test]
fn what_the_review_found_the_rules_must_leave_alone() {
    const P: &str =
        "Our backlog was 400 tickets. I was asked to fix it. I rewrote the triage rota.";
    let with = |s: &str| format!("{P} {s}");
    let cases = [
        with("We met every target that quarter."),
        with("We met the deadline to go live in March."),
        with("We set three targets and met them all."),
        with("It stopped us losing two days a month to rework."),
        with("Tickets fell within a month."),
        with("Within a week 95 percent of calls were getting answered within 30 seconds."),
        with("The next audit was a clean pass."),
        with("Within two weeks the team made up the lost ground."),
        with("The verdict from the auditors was that every control passed."),
        with("Each team had its backlog under 50 by June."),
        with("The backlog was gone in three weeks and I handed the rota over to the team lead."),
        with("Before long the queue was down to 20 tickets."),
        with("Two weeks before the audit the backlog was down to 20."),
    ];
    let owned: Vec<(&str, &[StarPart])> = cases
        .iter()
        .map(|c| (c.as_str(), &[Situation, Task, Action, Result][..]))
        .collect();
    let wrong = disagreements(&owned);
    assert!(wrong.is_empty(), "{wrong:#?}");
    let wrong = disagreements(&[
        (
            "Every branch went live on the new tills without a single lost day of trading. It \
             started when our old supplier went bust. I ran the tender.",
            &[Situation, Action, Result],
        ),
        (
            "I invested time into writing a proper runbook for every service.",
            &[Action],
        ),
        (
            "I set myself up a staging environment that mirrored production.",
            &[Action],
        ),
        (
            "I'd already rewritten the runbook and trained the night shift before the audit.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The tenth and eleventh held-out sets (`tests/fixtures/holdout-10/`, `holdout-11/`),
/// written blind, measured unread (see their READMEs), then their STAR errors read for this
/// file's rules: the floors keep what the detector reaches.
#[test]
fn the_tenth_and_eleventh_held_out_sets_keep_their_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-10/debrief-answers.json"),
        15,
        [14, 15, 14, 15],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-10/star-stories.json"),
        [24, 22, 23, 24],
    );
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-11/debrief-answers.json"),
        15,
        [13, 14, 14, 13],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-11/star-stories.json"),
        [23, 23, 22, 23],
    );
}
