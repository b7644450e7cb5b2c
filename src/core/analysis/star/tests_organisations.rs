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
