//! STAR read as a person reads it (issue 11 item 4, session 20, 2026-12-07): a place named by
//! its kind of organisation sets the scene ("at the hospital", "at head office"), as does the
//! clock of a story told in the present; a step kept to its plan ("ran on time"), a change
//! watched ("we saw calls fall") and the speaker promoted after a span are outcomes; what an
//! outcome spared, told with "would have", supposes nothing; a charge told in the passive ("was
//! led by me"), a state the speaker needed ("I needed it settled") and a terse "so my call"
//! are the task. From the sixteenth set: soft influence ("I encouraged", "I stayed positive") is
//! no step, a habit of the speaker's ("I always made sure") sets no scene wherever it is placed,
//! an end the speaker cannot give ("I can't really tell you") leaves no result, and a goal owned
//! by its label ("Board's ask:", "Remit included"), a hyphened rank ("my number-one priority"),
//! a charge to do ("I owned getting it live") or a goal set ("I made it my first project") is the
//! task. Every sentence is written for these tests, none taken from a labelled answer.

use super::tests_debrief::assert_debrief_set_floors;
use super::tests_turns::assert_story_floors;
use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// A place named by its kind of organisation, after "the" or with no article, is a place of
/// the story; a meeting or a day is not, nor is what went with a step or whom it was for.
#[test]
fn an_organisation_named_is_the_place_of_the_story() {
    let wrong = disagreements(&[
        (
            "We piloted a new rostering app at the hospital, and the ward sisters hated it. \
             I rewrote the shift templates with them.",
            &[Situation, Action],
        ),
        (
            "I ran the email migration at head office while the old server was failing. I \
             moved the finance team first.",
            &[Situation, Action],
        ),
        (
            "At a further education college the network was ten years old and failing \
             weekly. I replaced the core switches.",
            &[Situation, Action],
        ),
        (
            "I reported the numbers at the council meeting. I then cut the backlog by a \
             third.",
            &[Action, Result],
        ),
        (
            "I wrote a summary with a one-page appendix. I sent it to the board.",
            &[Action],
        ),
        (
            "I set up a script that flagged odd records for a person to check. I trained two \
             analysts on it.",
            &[Action],
        ),
        (
            "I was asked to automate the month-end report, and that was my goal for the \
             quarter. I wrote a script.",
            &[Task, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A story told in the present opens on its clock; a step kept to its plan, a change watched
/// and the speaker promoted after a span are outcomes; a plan to keep to time is none.
#[test]
fn the_clock_a_plan_kept_and_a_change_watched() {
    let wrong = disagreements(&[
        (
            "It's 7:15 on a Tuesday at a courier firm and the depot scanners are offline. I \
             call the supplier and open a bridge. By 9:00 the scanners are back.",
            &[Situation, Action, Result],
        ),
        (
            "Our audit was due in May. I rebuilt the evidence folders. The audit ran on time \
             and closed with no findings.",
            &[Situation, Action, Result],
        ),
        (
            "I planned the cut-over for a Sunday. We had to finish on time, so I booked extra \
             engineers.",
            &[Task, Action],
        ),
        (
            "I published the guides on the intranet. Over the next term we saw password \
             calls fall by half.",
            &[Action, Result],
        ),
        (
            "I rewrote the release checklist. Two weeks later we caught three defects that \
             would have reached customers.",
            &[Action, Result],
        ),
        (
            "I studied for a management qualification and mentored two juniors. A year later \
             I was promoted to head of infrastructure.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The task told in the passive, as a state needed, or as a terse "so my call".
#[test]
fn a_charge_in_the_passive_a_state_needed_and_a_terse_call_are_the_task() {
    let wrong = disagreements(&[
        (
            "The data centre exit was led by me as operations manager. I moved 80 servers in \
             four waves.",
            &[Task, Action],
        ),
        (
            "Two teams disputed who owned the firewall. I needed it settled before the \
             audit, so I called them together.",
            &[Situation, Task, Action],
        ),
        (
            "My charge from the board was to cut the cloud bill. I turned off the idle test \
             servers.",
            &[Task, Action],
        ),
        (
            "The payroll run failed at midnight. I was on call, so my call. I rolled back \
             the patch.",
            &[Situation, Task, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The fourteenth held-out set (`tests/fixtures/holdout-14/`), written blind, measured
/// unread (see its README), then its STAR errors read for this file's rules: the floors keep
/// what the detector reaches.
#[test]
fn the_fourteenth_held_out_set_keeps_its_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-14/debrief-answers.json"),
        15,
        [14, 14, 14, 15],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-14/star-stories.json"),
        // Result 21 since session 23: one story tells its outcome first ("when we re-ran the
        // test, we got the record back inside our 4-hour target"), which is not read; it
        // was found before only by "trained two more engineers", a step's count read as an
        // outcome.
        [22, 23, 24, 21],
    );
}

/// Soft influence and a habit are no story's step or scene; an end the speaker cannot give is
/// no result; a goal owned by its label, its rank or its charge is the task.
#[test]
fn the_sixteenth_sets_patterns() {
    let wrong = disagreements(&[
        (
            "At a regional bank I encouraged the team to be more proactive and I stayed \
             positive throughout.",
            &[],
        ),
        (
            "In my last role I always made sure the team kept the users informed.",
            &[],
        ),
        (
            "Our release failed twice in March. I rewrote the rollback plan. The next release \
             went out on time. I'd love to give you the figures, but I moved to another job \
             soon after.",
            &[Situation, Action],
        ),
        (
            "Our release failed twice in March. I rewrote the rollback plan. The next release \
             went out on time. Honestly I can't really tell you what changed after that.",
            &[Situation, Action],
        ),
        (
            "Board's ask: a single supplier by April. I ran a tender with three bidders.",
            &[Task, Action],
        ),
        (
            "Remit included the backup estate and the firewalls. I replaced both in a year.",
            &[Task, Action],
        ),
        (
            "Getting the payroll right was my number-one priority. I rebuilt the scheduler.",
            &[Task, Action],
        ),
        (
            "As head of service I owned getting the new portal live. I trained forty agents.",
            &[Task, Action],
        ),
        (
            "Security is everyone's responsibility, so I talk about it in every team meeting.",
            &[],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A review of this session's rules (a helper, with sentences of its own run before and after)
/// found them too broad or too narrow here: each sentence is read as a person reads it.
#[test]
fn what_the_review_found_these_rules_must_leave_alone() {
    let frame = "Our payroll system kept failing. I was asked to fix it. I rebuilt the scheduler.";
    let framed = |s: &str| format!("{frame} {s}");
    let texts = [
        framed("Eventually I was appointed interim head of IT and had to sort out the mess."),
        framed(
            "I pitched an upgrade that would have prevented the outage, but finance turned it down.",
        ),
        framed("We haven't seen costs fall at all."),
        framed("At 2am we saw the payment service stop responding again."),
        framed("Before I arrived, it never ran on time."),
        framed("I wanted the rota delivered on time."),
        framed(
            "The last two upgrades had gone through without a hitch, so nobody expected trouble.",
        ),
        framed("I needed that extended warranty."),
    ];
    let mut cases: Vec<(&str, &[StarPart])> = texts
        .iter()
        .map(|t| (t.as_str(), &[Situation, Task, Action][..]))
        .collect();
    cases.extend([
        // "It's 24/7" and "50/50" are no clock.
        (
            "When a server goes down I call the vendor, it's 24/7 for us. I keep the team \
             informed.",
            &[][..],
        ),
        // A client worked for and an insurer named by a hyphened word are places.
        (
            "Back then I was contracting for a client. I rebuilt their network.",
            &[Situation, Action][..],
        ),
        (
            "I was with a London-based insurer. I rebuilt their network.",
            &[Situation, Action][..],
        ),
        // A place inside the goal's clause is where the goal is carried out, no scene.
        (
            "I had to present the patching plan to the board at head office. I wrote the deck.",
            &[Task, Action][..],
        ),
    ]);
    let wrong = disagreements(&cases);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The sixteenth held-out set (`tests/fixtures/holdout-16/`), written blind, measured unread
/// (see its README), then its STAR errors read for this file's rules: the floors keep what the
/// detector reaches.
#[test]
fn the_sixteenth_held_out_set_keeps_its_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-16/debrief-answers.json"),
        15,
        [13, 15, 15, 14],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-16/star-stories.json"),
        [22, 23, 24, 21],
    );
}

/// From the fifteenth set: a contraction typed without its apostrophe reads as one, an end the
/// speaker cannot give counts in the sentence of the result too, where something is written
/// down is no place, one goal among the speaker's may be told in the present, a relative
/// clause of someone else's is no step had done, and a goal noun mid-sentence is no label.
#[test]
fn the_fifteenth_sets_patterns() {
    let wrong = disagreements(&[
        (
            "Our print contract was ending. I ran a tender with three suppliers. We signed \
             with the cheapest, but the contract's still being finalised so I cant tell you \
             how it's going yet.",
            &[Situation, Action],
        ),
        (
            "I logged every restore test in a register and reviewed it monthly.",
            &[Action],
        ),
        (
            "I'm head of IT for a school trust, and one of my objectives this year is making \
             sure nobody is a single point of failure. I've paired each technician with a \
             backup.",
            &[Situation, Task, Action],
        ),
        (
            "I had a developer whose work kept bouncing back from testing. I paired him with \
             a senior for a month.",
            &[Situation, Action],
        ),
        (
            "I had the old firewall rules rewritten by the supplier.",
            &[Action],
        ),
        (
            "We didnt hit the deadline, and I wasnt happy about it. I rewrote the plan.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The fifteenth held-out set (`tests/fixtures/holdout-15/`), written blind, measured unread
/// (see its README), then its STAR errors read for this file's rules: the floors keep what the
/// detector reaches.
#[test]
fn the_fifteenth_held_out_set_keeps_its_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-15/debrief-answers.json"),
        15,
        [14, 15, 13, 15],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-15/star-stories.json"),
        [24, 24, 24, 22],
    );
}

/// A second review (a helper, with sentences of its own, on the sixteenth and fifteenth sets'
/// rules) found these read wrongly; each is read as a person reads it.
#[test]
fn what_the_second_review_found_these_rules_must_leave_alone() {
    let frame = "Our payroll system kept failing. I was asked to fix it. I rebuilt the scheduler.";
    let framed = |s: &str| format!("{frame} {s}");
    let texts = [
        // A target made is hit, no goal set.
        framed("We made our target for on-time payments two weeks early."),
        // How someone felt is told, not an end unknown.
        framed("The errors fell to zero, and I can't tell you how relieved the finance team was."),
        // Others never finding out is no end the speaker cannot give.
        framed(
            "We switched over in under an hour, and the staff never found out anything had gone wrong.",
        ),
    ];
    let mut cases: Vec<(&str, &[StarPart])> = texts
        .iter()
        .map(|t| (t.as_str(), &[Situation, Task, Action, Result][..]))
        .collect();
    cases.extend([
        // A habit beside an event of the story still places it.
        (
            "At my last company I usually worked nights, and one night the payroll server \
             crashed. I restored it from backup.",
            &[Situation, Action][..],
        ),
        // Urging something named, and staying open by a step named, are steps.
        (
            "I urged the board to approve a second server, and they did.",
            &[Action][..],
        ),
        (
            "I stayed transparent with the client by sending a status email every morning.",
            &[Action][..],
        ),
        // A goal noun owned, then an aside, judges; no label.
        (
            "Team's focus, as always, was speed over quality. I added a test stage.",
            &[Action][..],
        ),
        // Covering for a colleague names no place.
        (
            "I covered for a colleague who was off sick. I ran the change board.",
            &[Action][..],
        ),
    ]);
    let wrong = disagreements(&cases);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
