//! STAR read as a person reads it (issue 11 item 4, session 21, 2026-12-07): an organisation
//! introduced by its kind ("a bank in Lisbon", "a regional bus company") at the start of a
//! story in which the speaker acts is where it is set, with no time or state beside it. Found
//! where both readers of the labelled answers saw a scene and the detector did not (the
//! second reader: `examples/common/second_reader.rs`). Every sentence is written for these
//! tests, none taken from a labelled answer.

use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

#[test]
fn an_organisation_introduced_at_the_start_sets_the_scene() {
    let wrong = disagreements(&[
        (
            "At my previous job, a logistics firm in Hull, we swapped every handheld scanner. \
             I ran the pilot in the Goole depot first.",
            &[Situation, Action],
        ),
        (
            "I still remember a request from the finance team at a mid-sized housing \
             association. I built them a simple cash-flow report.",
            &[Situation, Action],
        ),
        (
            "Picture a family-run insurance firm with one overworked server. I moved the \
             files to SharePoint over two weekends.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Only an organisation that the story is set in: not one a step was for or a goal was to
/// find, not one named after the speaker's first step, not one in a sentence that states the
/// goal, and not in an answer where the speaker does nothing.
#[test]
fn an_organisation_named_in_passing_sets_no_scene() {
    let wrong = disagreements(&[
        // What a step was for.
        (
            "I drafted the case for a new company laptop policy. I sent it to the directors.",
            &[Action],
        ),
        // Named after the speaker's first step, in a later sentence.
        (
            "I rewrote the rota. I wrote the handover notes. I later shared the template with \
             a friend at a bank.",
            &[Action],
        ),
        // The goal's sentence: the goal, no scene.
        (
            "At a small museum my aim was to get the tills working offline. I installed a \
             local cache on each till.",
            &[Task, Action],
        ),
        // The speaker does nothing in it.
        (
            "I have worked at a big retailer and a regional bank. Change is always hard.",
            &[],
        ),
        // Words that are not the organisation's description between "a" and the kind.
        (
            "I sent a survey to every branch. I read all the answers myself.",
            &[Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// From a review of the rule (its own sentences): in the sentence of the speaker's step, an
/// organisation after the verb is what the step was done to; one inside a goal's clause, a
/// general subject and one denied or supposed are no place either. Where the story is, set off
/// or after "of", still is.
#[test]
fn what_the_review_found_the_organisation_rule_must_leave_alone() {
    let wrong = disagreements(&[
        (
            "I created a feature branch for the fix. I merged it after review.",
            &[Action],
        ),
        (
            "I emailed an insurer to ask for three quotes. I picked the cheapest.",
            &[Action],
        ),
        (
            "I decided to find and hire a firm. I interviewed three.",
            &[Action],
        ),
        (
            "I borrowed the idea from a hospital in Leeds. I ran a pilot.",
            &[Action],
        ),
        (
            "A company is only as good as its people. I rewrote the onboarding guide.",
            &[Action],
        ),
        (
            "I have never worked at a bank, but I rebuilt our payroll exports. It took a month.",
            &[Action],
        ),
        (
            "In my last company, a bank in Lisbon, I changed the VPN for 900 people. \
             Complaints about it fell.",
            &[Situation, Action, Result],
        ),
        (
            "I took our roadmap to the board of a regional bus company. I rewrote the slides.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
