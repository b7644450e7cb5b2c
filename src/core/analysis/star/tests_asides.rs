//! STAR read as a person reads it (issue 11 item 4, session 19, 2026-12-07): a goal given
//! around an aside is still given, a listener's wish is no goal, an occasion or an
//! organisation named sets the scene, and what goes along with a step (a copy sent, work done
//! with the speaker, what a state meant before anything was done, a thing named after "what",
//! a plan) is no outcome. Every sentence is written for these tests, none taken from a
//! labelled answer.

use super::tests_debrief::assert_debrief_set_floors;
use super::tests_turns::assert_story_floors;
use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// A goal handed over is the task with the post between commas, after something else given
/// with it, or judged before its colon; a role named second is still the speaker's.
#[test]
fn a_goal_given_around_an_aside_is_the_task() {
    let wrong = disagreements(&[
        (
            "Our finance director asked me, as the service desk manager, to halve the \
             backlog before the audit. I split the queue by urgency.",
            &[Task, Action],
        ),
        (
            "The trustees gave me six months and a target of moving every office onto one \
             network. I surveyed all nine sites.",
            &[Task, Action],
        ),
        (
            "My director's ask was simple: stop the Monday outages. I moved the batch jobs \
             to Sunday night.",
            &[Task, Action],
        ),
        (
            "I was the network manager and the named recovery lead in our continuity plan. \
             I rebuilt the core switch from the spare.",
            &[Task, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// What a listener wanted to hear is no goal; what the speaker wanted others to hear is one.
#[test]
fn a_wish_to_hear_someone_out_is_no_task() {
    let wrong = disagreements(&[
        (
            "My deputy said the new rota was unfair. I thanked him, said I wanted to hear all \
             of it, and booked an hour with him.",
            &[Situation, Action],
        ),
        (
            "I wanted the engineers to hear about changes from me first, so I started a \
             Monday briefing.",
            &[Task, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// An occasion that opens the story ("During a budget review at...") and an organisation
/// named as what it owns ("a housing trust's tenants") set the scene.
#[test]
fn an_occasion_or_an_organisation_named_sets_the_scene() {
    let wrong = disagreements(&[
        (
            "During a supplier review at a bus company I proposed dropping our oldest \
             contract.",
            &[Situation, Action],
        ),
        (
            "I ran the move of a housing trust's repair records from paper to a new system.",
            &[Situation, Action],
        ),
        // A colleague's laptop is no place.
        (
            "I fixed a colleague's laptop and wrote up the fault.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// What goes along with a step is no outcome: a copy sent "with their manager copied in",
/// work done "with us", a clause of time before the speaker's own clause, what a state meant
/// before anything was done. A saving counted by the month is one, and so is what others did
/// after an ability used.
#[test]
fn what_goes_along_with_a_step_is_no_outcome() {
    let wrong = disagreements(&[
        (
            "I rewrote the phishing follow-up. Anyone who clicks gets a short note from us, \
             never with their manager copied in.",
            &[Action],
        ),
        (
            "I set up a design group. Before any screen was built we invited two nurses \
             from each ward, and they drew the forms with us.",
            &[Action],
        ),
        (
            "The warehouse kept its scanners on the old firmware for a quarter, which meant \
             ninety days of a known flaw. I met the warehouse manager and agreed a \
             test window.",
            &[Situation, Action],
        ),
        (
            "I wrote scripts for the patching. The automation alone saves about 20 hours a \
             month.",
            &[Action, Result],
        ),
        (
            "I read the vendor's roadmap every quarter. When the partners asked about it I \
             could answer on the spot, and they agreed to a small pilot.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Effort thrown into something names no step; "ITIL best practice" introduced is no step.
#[test]
fn effort_and_best_practice_name_no_step() {
    let wrong = disagreements(&[
        (
            "The office move was huge and I threw myself into it. We finished a week early.",
            &[Situation, Result],
        ),
        (
            "I introduced best practice and got everyone on board with the new way of \
             working.",
            &[],
        ),
        ("I threw myself into rewriting every runbook.", &[Action]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A goal among the speaker's, a goal they set then said, a charge asked for, and a duty
/// joined to the post by a gerund are the task; people counted who needed something are the
/// scene, no stakeholder's want.
#[test]
fn goals_set_asked_for_or_counted_among_others() {
    let wrong = disagreements(&[
        (
            "One of my priorities that spring was to get every laptop encrypted. I bought \
             the licences in April.",
            &[Task, Action],
        ),
        (
            "The aim we agreed was one queue for every site. I moved two engineers onto the \
             new queue.",
            &[Task, Action],
        ),
        (
            "I ran the network team and I asked to lead the firewall replacement. I wrote \
             the tender in a week.",
            &[Task, Action],
        ),
        (
            "I was operations manager and keeping the tills running was on me. I rebuilt \
             the two oldest ones.",
            &[Task, Action],
        ),
        (
            "That morning four hundred nurses needed new passwords and the portal was down. \
             I set up a walk-in desk in the canteen.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "From the last month" says where something was taken from, no moment of the story; "last
/// month" or "over the last month" opening the story is one.
#[test]
fn a_span_counted_back_is_no_moment() {
    let wrong = disagreements(&[
        (
            "I exported every ticket from the last month into a spreadsheet and tagged \
             them by cause.",
            &[Action],
        ),
        (
            "Last month our badge readers failed twice. I replaced the controller.",
            &[Situation, Action],
        ),
        (
            "Over the last month our badge readers failed twice. I replaced the controller.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// No outcome: what went wrong, looked at; what people were saying, listened to; the moment
/// a step was taken ("when the survey came back I..."); a plan's figure; one of the things
/// found. An outcome: what was counted a span after the story, and a change after "once".
#[test]
fn the_moment_a_plan_and_a_thing_named_are_no_outcome() {
    let wrong = disagreements(&[
        (
            "I rang the supplier. Afterwards we looked at what went wrong and made some \
             improvements to our processes.",
            &[Action],
        ),
        (
            "In my last job we always tried to listen to what people were saying.",
            &[],
        ),
        (
            "I sent a survey to every branch. When the answers came back I read all of \
             them.",
            &[Action],
        ),
        (
            "I was head of IT for a chain that had grown to forty shops, and the plan was \
             ninety within three years. I mapped our support load against it.",
            &[Situation, Action],
        ),
        (
            "I ran a survey of the depots. The worst one was drivers saying the tablets \
             froze at every stop.",
            &[Action],
        ),
        (
            "I moved the releases onto a pipeline. Three months later we shipped twice a \
             week and a release took ten minutes.",
            &[Action, Result],
        ),
        (
            "I moved the mailboxes in batches. Once the last batch was done, the old \
             server was switched off.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// An end the speaker says they do not know, told after what read as the result, leaves the
/// story without one; told before a result, it does not.
#[test]
fn an_end_the_speaker_does_not_know_is_no_result() {
    let wrong = disagreements(&[
        (
            "I trimmed the logging form from twelve fields down to four. I moved teams soon \
             after, so I can't tell you how the complaints went.",
            &[Action],
        ),
        (
            "I trimmed the logging form from twelve fields down to four. I never found out \
             whether the survey moved.",
            &[Action],
        ),
        (
            "I couldn't tell you at first whether it would work. I trimmed the form to four \
             fields and complaints fell by half.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// What follows from the speaker's post is theirs to do ("I was their manager, so that one
/// was on me"); a fault owned with no post before it is no task.
#[test]
fn a_duty_that_follows_from_the_post_is_the_task() {
    let wrong = disagreements(&[
        (
            "I was the desk's team leader, so that one was on me. I rang every caller back.",
            &[Task, Action],
        ),
        (
            "I was the facilities manager, so the keys were on me. I changed every lock.",
            &[Task, Action],
        ),
        (
            "That was on me: I'd sent the notice to the wrong list.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The twelfth and thirteenth held-out sets (`tests/fixtures/holdout-12/`, `holdout-13/`),
/// written blind, measured unread (see their READMEs), then their STAR errors read for this
/// file's rules: the floors keep what the detector reaches.
#[test]
fn the_twelfth_and_thirteenth_held_out_sets_keep_their_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-12/debrief-answers.json"),
        15,
        [14, 15, 14, 15],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-12/star-stories.json"),
        [24, 24, 23, 22],
    );
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-13/debrief-answers.json"),
        15,
        [12, 14, 13, 12],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-13/star-stories.json"),
        [24, 23, 22, 24],
    );
}

/// A review of this file's rules (a helper, with sentences of its own run before and after)
/// found them too broad here: each sentence is read as it was before the rules.
#[test]
fn what_the_review_found_these_rules_must_leave_alone() {
    let wrong = disagreements(&[
        // Done "with us" is work alongside only for a verb of making.
        (
            "I rang the supplier. The client placed a second order with us.",
            &[Action, Result],
        ),
        // What something was credited with is an outcome.
        (
            "I rewrote the runbook. That is what cut the outage time in half.",
            &[Action, Result],
        ),
        (
            "I rang the supplier. In the end that's what saved the contract.",
            &[Action, Result],
        ),
        // A time phrase with no verb of its own leaves the sentence's verb alone.
        (
            "I rebuilt the triage. A month after go-live the backlog was down to 20 tickets, \
             from 300.",
            &[Action, Result],
        ),
        (
            "I rebuilt the triage. Two weeks before the audit the backlog was down to 20 \
             tickets, from 300.",
            &[Action, Result],
        ),
        (
            "I rang the supplier. With this, customers started paying on time.",
            &[Action, Result],
        ),
        // A supposition stays one.
        (
            "I rang the supplier. If we missed the deadline we could lose a big contract, and \
             the client knew it.",
            &[Action],
        ),
        // Someone else's role, someone else's fault.
        (
            "I was away and Sam was incident lead in my place. I rang the supplier.",
            &[Situation, Action],
        ),
        (
            "We spent the week planning and testing and the delay was on me. I rang the \
             supplier.",
            &[Action],
        ),
        // How a goal ended is no goal.
        (
            "I rang the supplier. The target we set was missed by a mile.",
            &[Action],
        ),
        (
            "I asked to take the afternoon off. I rang the supplier.",
            &[Action],
        ),
        (
            "I wanted to hear back from every customer within a day, so I set up an \
             auto-reply.",
            &[Task, Action],
        ),
        // Steps after all.
        ("I documented best practice for laptop builds.", &[Action]),
        (
            "I rolled out the new best practice guide to 40 engineers.",
            &[Action],
        ),
        (
            "I put myself into the on-call rota for the first month.",
            &[Action],
        ),
        // A span of the steps, and a person's, set no scene.
        (
            "During the next two weeks I rang every customer on the list.",
            &[Action],
        ),
        (
            "I ran the handover of a contractor's project to our team.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
