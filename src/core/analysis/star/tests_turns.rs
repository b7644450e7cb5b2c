//! STAR outcomes told apart from the story's turns (issue 11 item 4, session 14): what others
//! said that the speaker then answers, a harm a step was meant to keep away, something going
//! on, an amount nobody counted, what a step involved, and "IT" the department. Every sentence
//! is written for these tests, none taken from a labelled answer.

use super::tests::Story;
use super::tests_debrief::{assert_debrief_set_floors, assert_labelled_floors};
use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

#[test]
fn what_others_said_is_the_outcome_only_when_the_story_ends_there() {
    let wrong = disagreements(&[
        // Answered by another step of the speaker's: a turn, not the outcome.
        (
            "At a logistics firm the night drivers were quitting over the rota. I moved the \
             night shift to a four-day week. One driver \
             complained on the team board that nobody had asked him. I rang him and went \
             through the rota line by line.",
            &[Situation, Action],
        ),
        // The last word, after the steps: the outcome.
        (
            "At a logistics firm the night drivers were quitting over the rota. I moved the \
             night shift to a four-day week. I rang every \
             driver and went through the rota line by line. The union rep told us it was the \
             first rota change nobody had appealed.",
            &[Situation, Action, Result],
        ),
        // Counted, it is an outcome whatever follows.
        (
            "At a logistics firm the night drivers were quitting over the rota. I moved the \
             night shift to a four-day week. Payroll said \
             overtime fell by 30 percent. I wrote up the new rota for the other depots.",
            &[Situation, Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_harm_kept_away_after_so_is_the_steps_purpose() {
    let wrong = disagreements(&[
        (
            "At a dental group the practice servers were failing every week. I replaced them. I did the cut-overs on \
             Sundays so no surgery was disrupted.",
            &[Situation, Action],
        ),
        (
            "At a dental group the practice servers were failing every week. I replaced them. I briefed every practice \
             manager so nobody heard about it from a patient.",
            &[Situation, Action],
        ),
        // Counted, it is what happened.
        (
            "At a dental group the practice servers were failing every week. I replaced them. I did the cut-overs on \
             Sundays, so not one of the 14 surgeries lost a booking.",
            &[Situation, Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn something_going_on_or_an_uncounted_amount_is_no_outcome() {
    let wrong = disagreements(&[
        (
            "At a print works the service desk queue had grown to 300 tickets. I sorted the queue by age. \
             Users were still reopening old tickets.",
            &[Situation, Action],
        ),
        // At its moment ("by May"), the progressive tells how things turned out.
        (
            "At a print works the service desk queue had grown to 300 tickets. I sorted the queue by age. By \
             May the team were closing tickets on the first call.",
            &[Situation, Action, Result],
        ),
        (
            "At a print works the stock report took a day every week. I scripted it, which saved a lot of time.",
            &[Situation, Action],
        ),
        (
            "At a print works the stock report took a day every week. I scripted it, which saved six hours a \
             week.",
            &[Situation, Action, Result],
        ),
        // What a step involved, not what it led to.
        (
            "At a print works the monthly report had always been mine. I gave it to my deputy, \
             which meant presenting it to the directors himself.",
            &[Situation, Action],
        ),
        // A step kept up, and a step keeping things apart, are no outcome.
        (
            "At a print works the service desk queue had grown to 300 tickets. I kept checking the queue every \
             Friday.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn it_in_capitals_is_the_department() {
    // Kept as typed, "IT" matches no grammar word: not the pronoun "it".
    let words = sentence::Sentence::new("Only IT was testing it. It worked").words;
    assert_eq!(
        words,
        ["only", "IT", "was", "testing", "it", "it", "worked"]
    );
}

/// What the speaker answers for, told as a post that names it or owned after "and".
#[test]
fn what_the_speaker_answers_for_is_their_task() {
    let wrong = disagreements(&[
        ("I was the budget holder for the estates team.", &[Task]),
        ("I was the service owner for payroll.", &[Task]),
        ("I was head of IT and owned the print contract.", &[Task]),
        // A thing owned by others is the scene; a relation is no post.
        ("The bank owned the building.", &[Situation]),
        ("I was the owner's nephew.", &[]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A modal in a purpose clause after a told event ("so the night nurse could see") does not
/// make the scene a supposition; the purpose is still no outcome.
#[test]
fn a_purpose_after_a_told_event_keeps_the_scene() {
    let wrong = disagreements(&[
        (
            "Our district nurses were losing an hour a day to paperwork, and a supplier lent \
             us twenty tablets so a nurse could file notes from the car. I ran the trial.",
            &[Situation, Action],
        ),
        // Supposed from the start: no scene.
        (
            "A supplier would lend us twenty tablets so a nurse could file notes from the car.",
            &[],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// An end told with nothing in it is no outcome; with a figure it is one.
#[test]
fn an_end_with_nothing_in_it_is_no_outcome() {
    let wrong = disagreements(&[
        (
            "At a housing trust the repairs queue had doubled. I split it by trade. It took \
             months but we got there in the end.",
            &[Situation, Action],
        ),
        (
            "At a housing trust the repairs queue had doubled. I split it by trade. The new \
             queue was still in progress when I left.",
            &[Situation, Action],
        ),
        (
            "At a housing trust the repairs queue had doubled. I split it by trade. It was the \
             right decision for the tenants.",
            &[Situation, Action],
        ),
        (
            "At a housing trust the repairs queue had doubled. I split it by trade. And then it \
             was sort of...",
            &[Situation, Action],
        ),
        (
            "At a housing trust the repairs queue had doubled. I split it by trade. We got there \
             in the end: the queue was down to 40 jobs by June.",
            &[Situation, Action, Result],
        ),
        // A finished thought that ends on "was" still tells what happened.
        (
            "At a housing trust the repairs queue had doubled. I split it by trade. Tenants \
             wrote in to say how quick it was.",
            &[Situation, Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A duty handed without its article, and a post told with its duty.
#[test]
fn duties_handed_bare_or_with_the_post() {
    let wrong = disagreements(&[
        (
            "The registrar gave me responsibility for the exam data.",
            &[Task],
        ),
        (
            "I was the site manager who had to keep the kitchens open.",
            &[Task],
        ),
        // A post with a wish of the speaker's is no duty.
        ("I was the site manager who wanted to retire.", &[]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The third held-out set (`tests/fixtures/holdout-3/`), read since session 14 when a fourth
/// set took its place: its 15 STAR-labelled debrief answers and 24 stories keep what the
/// detector reaches on them after this file's rules (debrief S/T/A/R 14/15/14/14 of 15, from
/// 14/14/14/11 at the start of session 14; stories 19/21/24/20 of 24, from 18/20/24/20).
/// Session 19: stories Situation 19 -> 18, as "asked what they were worried about" (a thing
/// named after "what", `Sentence::what_named`) no longer tells a state beside "for a coffee":
/// the scene it found there was not the story's (a stand-off told in the first sentence).
#[test]
fn the_third_held_out_set_keeps_its_star_figures() {
    assert_debrief_set_floors(
        include_str!("../../../../tests/fixtures/holdout-3/debrief-answers.json"),
        15,
        [14, 15, 14, 14],
    );
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-3/star-stories.json"),
        [18, 21, 24, 20],
    );
}

/// The second held-out set's stories, read since session 14 (its README): S/T/A/R 21/22/24/21
/// of 24 after the labelled-scene rule, from 20/22/24/21.
#[test]
fn the_second_held_out_set_keeps_its_star_figures() {
    assert_story_floors(
        include_str!("../../../../tests/fixtures/holdout-2/star-stories.json"),
        [21, 22, 24, 21],
    );
}

/// Panics, naming the stories each part is wrong on, when a STAR part agrees with the labels
/// of the 24 stories of `json` on fewer stories than its floor (S, T, A, R).
pub(super) fn assert_story_floors(json: &str, floors: [usize; 4]) {
    let stories: Vec<Story> = serde_json::from_str(json).expect("the fixture is valid JSON");
    assert_eq!(stories.len(), 24);
    let named: Vec<(String, &str, &std::collections::BTreeMap<String, bool>)> = stories
        .iter()
        .map(|s| (s.id.clone(), s.answer.as_str(), &s.star))
        .collect();
    assert_labelled_floors(&named, floors);
}

/// A note that labels its scene ("Context: ...", "Background: ...") sets it.
#[test]
fn a_labelled_scene_sets_it() {
    let wrong = disagreements(&[
        (
            "Context: new IT lead at a bakery chain, forty shops, one of me.\n- Logged every \
             till crash for a month.",
            &[Situation, Action],
        ),
        // The word alone labels nothing.
        ("Context matters in these stories.", &[]),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}
