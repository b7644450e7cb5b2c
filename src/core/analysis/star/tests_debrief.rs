//! STAR read in short debrief answers (issue 11 item 4, 2026-12-06, 02:45-04:45 UTC): a piece
//! of work placed in time or place is the scene, a trouble under way in an opening clause of
//! time is the scene, and an outcome told with emphasis and nothing measured is a judgement.
//! Every sentence is written for these tests, none taken from a labelled answer.

use super::tests_voices::disagreements;
use super::*;
use StarPart::*;

/// The scene of a short answer: an undertaking of the speaker's (a project, a migration, an
/// audit) placed in time or place, and a progressive of others in an opening clause of time
/// (an event under way, where a state there is the moment of what the speaker did).
#[test]
fn scenes_of_short_answers() {
    let wrong = disagreements(&[
        (
            "Two years ago I ran a migration of our mail to the cloud. I moved 300 \
             mailboxes over one weekend.",
            &[Situation, Action],
        ),
        (
            "We had a fire-safety inspection at the depot last spring. I walked every \
             corridor with the warden and replaced eleven signs.",
            &[Situation, Action],
        ),
        // Led, a project named is the scene, no step and no goal.
        (
            "I led a large network project at my previous employer. We picked a vendor.",
            &[Situation],
        ),
        // No undertaking named: a group's vague step beside a place sets no scene.
        (
            "At my previous employer we introduced better reporting and improved our ways of \
             working.",
            &[],
        ),
        // No time or place: the undertaking alone is a step.
        ("I ran a migration of our mail to the cloud.", &[Action]),
        (
            "When our phone system was failing twice a week, I rang three suppliers and \
             ordered a trial.",
            &[Situation, Action],
        ),
        // A state in that clause is still the moment of what the speaker did.
        ("When the figures were poor we met every week.", &[]),
        // A stretch of time says when, it measures nothing: the scene, not an outcome.
        (
            "Our courier went bust three weeks before the sale. I rang the second bidder.",
            &[Situation, Action],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// An outcome told with emphasis and no figure is how the speaker rates it; with a figure, or
/// told plainly, it is an outcome.
#[test]
fn emphatic_outcomes_are_judgements() {
    let wrong = disagreements(&[
        (
            "I rolled out a chat tool for the night shift. The nurses really loved it.",
            &[Action],
        ),
        (
            "I rolled out a chat tool for the night shift. It definitely reduced the load on \
             the ward clerks.",
            &[Action],
        ),
        (
            "I rolled out a chat tool for the night shift. The handovers were pretty smooth \
             after that.",
            &[Action],
        ),
        (
            "I rolled out a chat tool for the night shift. Calls to the ward really fell, by \
             about 40 per cent.",
            &[Action, Result],
        ),
        (
            "I rolled out a chat tool for the night shift. Calls to the ward fell.",
            &[Action, Result],
        ),
    ]);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[derive(serde::Deserialize)]
struct Answer {
    card: String,
    kind: String,
    answer: String,
    #[serde(default)]
    star: Option<std::collections::BTreeMap<String, bool>>,
}

/// The blind debrief answers' STAR labels (`tests/fixtures/debrief/blind-answers.json`, 48
/// answers to behavioural cards; `eval_debrief --split` prints them by half): each part
/// agrees with the label on at least as many answers as it did after this session's changes
/// (S/T/A/R 88/73/88/83 % at 03:00 UTC, from 81/73/88/79 %).
#[test]
fn blind_debrief_answers_keep_their_star_figures() {
    let answers: Vec<Answer> = serde_json::from_str(include_str!(
        "../../../../tests/fixtures/debrief/blind-answers.json"
    ))
    .expect("the fixture is valid JSON");
    let labelled: Vec<(&Answer, &std::collections::BTreeMap<String, bool>)> = answers
        .iter()
        .filter_map(|a| a.star.as_ref().map(|s| (a, s)))
        .collect();
    assert_eq!(labelled.len(), 48);
    let mut report = Vec::new();
    let mut below = false;
    for (part, floor) in StarPart::ALL.into_iter().zip([42, 35, 42, 40]) {
        let key = part.label().to_lowercase();
        let wrong: Vec<String> = labelled
            .iter()
            .filter(|(a, s)| StarCues::detect(&a.answer).has(part) != s[&key])
            .map(|(a, _)| format!("{} [{}]", a.card, a.kind))
            .collect();
        let agree = labelled.len() - wrong.len();
        below |= agree < floor;
        report.push(format!(
            "{}: {agree} of 48 (floor {floor}), wrong on {wrong:?}",
            part.label()
        ));
    }
    assert!(!below, "{}", report.join("\n"));
}
