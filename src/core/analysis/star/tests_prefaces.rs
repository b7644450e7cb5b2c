//! STAR read as a person reads it (issue 11 item 4, session 22, 2026-12-07): the speaker
//! talking about the answer ("I'll give a recent example", "Let me tell you about...") is no
//! step, so the scene may still follow; a question nobody could answer ("we didn't know how it
//! would behave") is the scene's uncertainty, not a supposition; a general truth told to "you"
//! sets no scene. Found on the fourth held-out set once it was read. Every sentence is written
//! for these tests, none taken from a labelled answer.

use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

#[test]
fn a_preface_leaves_room_for_the_scene() {
    let wrong = disagreements(&[
        (
            "I'll give you a recent one. The night shift were short of two people and the \
             ticket queue kept growing. I hired two contractors.",
            &[Situation, Action],
        ),
        (
            "Let me tell you about the week our CRM went down. I rang the vendor and moved \
             the sales team onto spreadsheets.",
            &[Situation, Action],
        ),
        (
            "So, I'd say the best example is the printer contract. The old supplier kept \
             missing visits. I put the contract out to tender.",
            &[Situation, Action],
        ),
        (
            "An example I can give is from my time at the council. The website kept falling \
             over on bin days. I moved it to a hosted service.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A preface is no step: with nothing done after it there is no Action, and what follows
/// is no outcome of it.
#[test]
fn a_preface_is_no_step() {
    let wrong = disagreements(&[
        (
            "Let me walk you through how I run change. Every release gets a named owner.",
            &[],
        ),
        (
            "I want to share a story about my old team. The team was small.",
            &[Situation],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "I'd said" and "I'd told" are "I had": steps, not a preface.
#[test]
fn had_with_a_participle_is_no_preface() {
    let wrong = disagreements(&[(
        "The backup had failed twice that month. I'd told the board in March and I replaced \
         the tape drive in April.",
        &[Situation, Action],
    )]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_question_nobody_could_answer_is_the_scene() {
    let wrong = disagreements(&[
        (
            "We had to choose a new firewall. The vendor's notes were thin and nobody could \
             tell us how it would cope with our traffic. I ran it in parallel for a week.",
            &[Situation, Task, Action],
        ),
        (
            "Deciding on the tablets was hard. We weren't sure if the warehouse wifi would \
             hold up. I borrowed ten tablets and tested them on the night shift.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Known, the question tells what followed: "so they knew which lines would stop" is the
/// outcome, not the scene's doubt.
#[test]
fn a_question_answered_is_no_doubt() {
    let t = Sentence::new("we didn't know how it would behave");
    let u = Sentence::new("they knew which lines would stop");
    assert!(
        !t.hypothetical(),
        "a question nobody could answer supposes nothing"
    );
    assert!(u.hypothetical(), "a known question keeps its would");
}

#[test]
fn a_truth_told_to_you_sets_no_scene() {
    let wrong = disagreements(&[
        (
            "I keep in touch with every department. You hear things in a canteen that never \
             reach a ticket. I meet each head of department every month.",
            &[Action],
        ),
        // The filler "you know" before a scene leaves the scene.
        (
            "You know, in 2019 the payroll server failed on the last day of the month. I \
             restored it from the backup.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
