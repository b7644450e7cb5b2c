//! STAR detection on example sentences, on the lint's filler answers and on the labelled
//! stories of `tests/fixtures/star/stories.json`.

use super::*;
use StarPart::*;

#[test]
fn star_table() {
    let cases: &[(&str, &[StarPart])] = &[
        (
            "At my last job our deploys failed weekly. My goal was to fix that, so I set up \
             canary releases. As a result, incidents fell by 40%.",
            &[Situation, Task, Action, Result],
        ),
        (
            "I decided to rewrite the pipeline and it reduced build times.",
            &[Action, Result],
        ),
        // A group's action is not the speaker's; its figure of change is an outcome.
        ("We shipped 30% faster.", &[Result]),
        ("I was responsible for onboarding.", &[Task]),
        ("Kafka is a log.", &[]),
        // Any verb in the past tense, not a phrase list.
        (
            "I reviewed every licence, removed 60 unused ones and renegotiated the support \
             contract.",
            &[Action],
        ),
        // A scene needs a state; "when" alone is not one; "on-time" is not an outcome.
        ("When the numbers were poor we met.", &[]),
        ("The project was delivered on-time.", &[]),
        ("It was a real success and everyone learned a lot.", &[]),
        ("I helped the team and made sure everyone was aligned.", &[]),
        (
            "At a university I worked at, the admissions team were furious. I was asked to \
             sort it out. I walked over and sat down with their director. Six months later \
             complaints had dropped to two a term.",
            &[Situation, Task, Action, Result],
        ),
        ("I would set up a call and the risk would fall.", &[]),
        ("", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(
            StarCues::detect(text).present(),
            want.to_vec(),
            "in {text:?}"
        );
    }
}

#[test]
fn reports_the_cue_and_the_missing_parts() {
    let s = StarCues::detect("So I rewrote the rota");
    assert_eq!(s.action.as_deref(), Some("I rewrote"));
    assert_eq!(s.missing(), vec![Situation, Task, Result]);
    // A piece of work led is the speaker's task, not a step (2026-12-06).
    let s = StarCues::detect("So I led the migration");
    assert_eq!(s.task.as_deref(), Some("i led"));
    assert_eq!(s.missing(), vec![Situation, Action, Result]);
}

/// Each case exercises one rule of sentence grammar (written for these tests, not taken from
/// any labelled answer).
#[test]
fn parts_read_from_grammar() {
    let cases: &[(&str, &[StarPart])] = &[
        // A regular past whose subject is a noun is an event of the scene ("ITIL-aligned" is
        // an adjective).
        ("Last month our build server crashed twice.", &[Situation]),
        // The opening sentence sets a scene without a time phrase; a task is not a scene.
        (
            "Our supplier missed three deliveries in a row. I rang their director and moved \
             half the order to a second supplier.",
            &[Situation, Action],
        ),
        ("My goal was to cut costs.", &[Task]),
        // A story told in the present.
        (
            "So it's the Monday of launch week and the payment page goes down. I call the \
             provider, roll back the release and post an update for customers. Checkout works \
             again by lunch.",
            &[Situation, Action, Result],
        ),
        // A form that is past and present alike ("put", "set") is present in a habit or
        // beside present verbs.
        ("I always put the customer first.", &[]),
        ("I set high standards and I hold people to them.", &[]),
        (
            "Last year our travel costs were too high, so I put every trip through one \
             booking tool.",
            &[Situation, Action],
        ),
        // Goals taken on or given: "needed to" with any verb, "wanted X to", a duty handed
        // to the speaker, a decision that is theirs, a goal set as an object, a stakeholder's
        // want.
        ("We needed to get the site back before Monday.", &[Task]),
        ("I wanted the team to own their estimates.", &[Task]),
        ("The migration was handed to me.", &[Task]),
        ("It was down to me to fix the rota.", &[Task]),
        ("Then it landed on my desk.", &[Task]),
        ("The decision was mine.", &[Task]),
        (
            "I set myself the target of answering every email within a day.",
            &[Task],
        ),
        // A named stakeholder's demand is the scene too (the pressure the story starts from).
        (
            "The board wanted a single supplier by April.",
            &[Situation, Task],
        ),
        // Actions told in the passive with the speaker as agent, or named as a step.
        (
            "The new rota was drawn up by me and sent to every ward.",
            &[Action],
        ),
        ("What I did was phone every client myself.", &[Action]),
        ("My first step was to freeze all changes.", &[Action]),
        ("I did the cutover myself on a Sunday.", &[Action]),
        // Not actions: "did my best", keeping people informed, generic objects, experience
        // claims, leaving.
        ("I did my best.", &[]),
        ("We kept the client in the loop.", &[]),
        ("I kept everyone informed.", &[]),
        (
            "We implemented new processes and introduced better tools.",
            &[],
        ),
        ("I improved the way we worked.", &[]),
        ("I've handled lots of angry customers.", &[]),
        ("I left before the launch.", &[]),
        // "went" is an outcome only with a figure after it.
        (
            "Two years ago my deputy went on leave for three months.",
            &[Situation],
        ),
        ("Satisfaction went from 60 to 85 per cent.", &[Result]),
        // Number words are figures too (`core::figures`), and "none" is a count.
        ("Satisfaction went from sixty to ninety.", &[Result]),
        ("Waiting times went down to thirteen minutes.", &[Result]),
        // The scene, before anything is done, is not the result.
        (
            "At my last job the budget was cut by a fifth.",
            &[Situation],
        ),
        // What followed the action, told of others, is the result; a judgement or the
        // speaker's next step is not.
        (
            "I rewrote the rota. Nobody missed a shift after that.",
            &[Action, Result],
        ),
        ("I rewrote the rota. It worked out fine.", &[Action]),
        ("I rewrote the rota. I also thanked the team.", &[Action]),
        (
            "At my old firm the files were a mess. A new filing system was bought and the old \
             files were sorted. Lost documents were rare after that.",
            &[Situation, Result],
        ),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got = StarCues::detect(text);
        if got.present() != want.to_vec() {
            wrong.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn agreeing_with_others_is_not_a_task() {
    assert!(!StarCues::detect("We agreed to meet weekly.").has(Task));
}

/// The lint's filler answers tell no story: no STAR part.
#[test]
fn filler_answers_have_no_parts() {
    for text in crate::core::deck::FILLER_ANSWERS {
        let got = StarCues::detect(text);
        assert!(got.present().is_empty(), "{text:?}: {got:?}");
    }
}

#[derive(serde::Deserialize)]
pub(super) struct Story {
    pub(super) id: String,
    pub(super) answer: String,
    pub(super) star: std::collections::BTreeMap<String, bool>,
}

/// The share of `stories` whose label for `part` the detector agrees with, and the ids of
/// those it does not.
fn agreement(stories: &[Story], part: StarPart) -> (f64, Vec<&str>) {
    let key = part.label().to_lowercase();
    let wrong: Vec<&str> = stories
        .iter()
        .filter(|s| StarCues::detect(&s.answer).has(part) != s.star[&key])
        .map(|s| s.id.as_str())
        .collect();
    (1.0 - wrong.len() as f64 / stories.len() as f64, wrong)
}

/// The parts of the stories in `json` (exactly `count` of them) whose agreement with the
/// labels is below its floor (S, T, A, R), with the stories it disagrees on.
pub(super) fn agreement_of(json: &str, count: usize, floors: [f64; 4]) -> Vec<String> {
    let stories: Vec<Story> = serde_json::from_str(json).expect("the fixture is valid JSON");
    assert_eq!(stories.len(), count);
    StarPart::ALL
        .into_iter()
        .zip(floors)
        .filter_map(|(part, floor)| {
            let (share, wrong) = agreement(&stories, part);
            (share < floor).then(|| {
                format!(
                    "{}: {:.1}% (floor {:.0}%), wrong on {wrong:?}",
                    part.label(),
                    share * 100.0,
                    floor * 100.0
                )
            })
        })
        .collect()
}

/// The labelled stories, all four sets (`examples/eval_star.rs` prints the figures and the
/// disagreements): each part agrees with the label on at least `FLOOR` of them.
#[test]
fn labelled_stories() {
    const FLOOR: f64 = 0.9;
    let mut stories: Vec<Story> =
        serde_json::from_str(include_str!("../../../../tests/fixtures/star/stories.json"))
            .expect("the fixture is valid JSON");
    let fresh: Vec<Story> = serde_json::from_str(include_str!(
        "../../../../tests/fixtures/star/stories-fresh.json"
    ))
    .expect("the fixture is valid JSON");
    stories.extend(fresh);
    for more in [
        include_str!("../../../../tests/fixtures/star/stories-fresh2.json"),
        include_str!("../../../../tests/fixtures/star/stories-voices.json"),
    ] {
        let more: Vec<Story> = serde_json::from_str(more).expect("the fixture is valid JSON");
        stories.extend(more);
    }
    assert!(stories.len() >= 30);
    for part in StarPart::ALL {
        let (share, wrong) = agreement(&stories, part);
        assert!(
            share >= FLOOR,
            "{}: {:.0}%, wrong on {wrong:?}",
            part.label(),
            share * 100.0
        );
    }
}

/// The three blind story sets, written by helpers who never saw the detector (A and B on
/// 2026-12-05, C on 2026-12-06; C was kept outside the repository until the session's STAR
/// work was done and measured 94/94/100/81 % after it). Set A was developed against, B and C
/// were not. Each part agrees with the labels on at least its floor over the 82 stories: what
/// the detector reaches on them (2026-12-06, d081826; tasks 92 -> 96 % at 05:50 UTC, set B
/// 83 -> 96 %; scenes 97 -> 98 % at 11:30 UTC, a note naming the work), short of the 90 %
/// goal for results.
#[test]
fn blind_stories_keep_their_figures() {
    let mut stories: Vec<Story> = Vec::new();
    for set in [
        include_str!("../../../../tests/fixtures/star/stories-blind-a.json"),
        include_str!("../../../../tests/fixtures/star/stories-blind-b.json"),
        include_str!("../../../../tests/fixtures/star/stories-blind-c.json"),
    ] {
        let more: Vec<Story> = serde_json::from_str(set).expect("the fixture is valid JSON");
        stories.extend(more);
    }
    assert_eq!(stories.len(), 82);
    let mut report = Vec::new();
    let mut below = false;
    for (part, floor) in StarPart::ALL.into_iter().zip([0.98, 0.96, 0.97, 0.89]) {
        let (share, wrong) = agreement(&stories, part);
        below |= share < floor;
        report.push(format!(
            "{}: {:.1}% (floor {:.0}%), wrong on {wrong:?}",
            part.label(),
            share * 100.0,
            floor * 100.0
        ));
    }
    assert!(!below, "{}", report.join("\n"));
}

/// Found on answers written after the first rules (`stories-fresh.json`, measured once before
/// these): a group's possession is a state, a cleft or a reflexive duty is a task, a goal or
/// a job after a preposition is neither scene nor task.
#[test]
fn states_clefts_and_prepositions() {
    let cases: &[(&str, &[StarPart])] = &[
        (
            "We had a new hire who kept missing deadlines. I paired with him twice a week.",
            &[Situation, Action],
        ),
        ("What I had to do was win the board round.", &[Task]),
        ("I took it upon myself to rewrite the guide.", &[Task]),
        (
            "At a small charity our aim was to double donations.",
            &[Task],
        ),
        (
            "Two weeks into my role, the finance system went down for a day.",
            &[Situation],
        ),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got = StarCues::detect(text);
        if got.present() != want.to_vec() {
            wrong.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Common ways of telling a task and an action that name them with a noun: a goal noun with
/// its complement before "was", a duty by selection, a step named as an approach or a fix.
#[test]
fn goals_and_steps_named_by_nouns() {
    let cases: &[(&str, &[StarPart])] = &[
        (
            "The brief from the director was to halve the backlog.",
            &[Task],
        ),
        (
            "The goal of the project was to move everyone to one CRM.",
            &[Task],
        ),
        ("I was chosen to lead the rollout.", &[Task]),
        (
            "My approach was to meet each supplier in person.",
            &[Action],
        ),
        ("Our fix was to move the reports to a replica.", &[]),
        ("My approach was good.", &[]),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got = StarCues::detect(text);
        if got.present() != want.to_vec() {
            wrong.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Spoken forms: a hedge between the speaker and the verb, "me and my deputy" as subject,
/// "was able to"; duties as responsibilities taken on ("took ownership of", "owned the",
/// "stepped in to", "I was the one who had to", "I was there to").
#[test]
fn spoken_subjects_and_responsibilities() {
    let cases: &[(&str, &[StarPart])] = &[
        ("I sort of pulled together a recovery plan.", &[Action]),
        ("Me and my deputy rebuilt the schedule.", &[Action]),
        ("My deputy and me rebuilt the schedule.", &[Action]),
        ("I was able to get the budget approved.", &[Action]),
        ("I took ownership of the outage.", &[Task]),
        ("I owned the relationship with the vendor.", &[Task]),
        ("I was the one who had to tell the board.", &[Task]),
        ("I was there to keep the move on track.", &[Task]),
        ("I stepped up to lead the rebuild.", &[Task, Action]),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got = StarCues::detect(text);
        if got.present() != want.to_vec() {
            wrong.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
