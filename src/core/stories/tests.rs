use super::*;
use crate::core::deck::DeckSource;
use crate::core::matcher::MatchText;

const BANK: &str = r#"format = 1

[[story]]
id = "pos-rescue"
title = "Rescuing the point-of-sale rollout"
situation = "A retailer's till replacement was six months in, 70% of the budget spent and 30% tested."
task = "Bring the project back to a date the sponsor could trust."
action = "I read the defect log, stopped the project for a week, cut scope with the sponsor and set up a weekly change board."
result = "Went live four months late but on the new date; till downtime under 15 minutes per store."
competencies = ["projects", "stakeholder management"]
short = "Failing till rollout; I reset scope with the sponsor; live on the new date."
tags = ["retail", "change control"]

[[story]]
id = "team-conflict"
title = "Two engineers who would not talk"
situation = "Two senior engineers disagreed about the network redesign and stopped speaking."
task = "Get the redesign decided without losing either of them."
action = "I met each alone, then together with the data, and let them co-own the decision record."
result = "The redesign shipped and both stayed; the team's survey score rose from 6.1 to 7.8."
competencies = ["people", "conflict"]

[[story]]
id = "vendor-talks"
title = "Renegotiating the service desk contract"
situation = "The outsourced service desk missed its targets every month."
task = "Fix the service or leave the contract."
action = "I gathered a year of ticket data and renegotiated the penalties with the vendor."
result = "The vendor met its targets from the next quarter and the relationship improved."
competencies = ["vendors"]
"#;

fn bank() -> StoryBank {
    let (bank, warnings) = parse_stories(BANK, "stories.toml").unwrap();
    assert_eq!(warnings.len(), 1, "{warnings}");
    bank
}

fn deck() -> Deck {
    crate::store::decks::load_builtin(
        "t.toml",
        r#"format = 1
[deck]
id = "t"
title = "T"
[[category]]
id = "projects"
title = "Projects & delivery"
[[category]]
id = "people"
title = "People management"
[[category]]
id = "routing"
title = "Routing protocols"
[[card]]
id = "failing"
category = "projects"
kind = "behavioral"
question = "Tell us about a project that was going off the rails. How did you bring it back?"
answer = "x"
[[card.key_point]]
text = "Resets scope with the sponsor"
keywords = ["scope", "sponsor"]
[[card]]
id = "clash"
category = "people"
kind = "behavioral"
question = "Describe a conflict between two people in your team and how you resolved it."
answer = "x"
[[card]]
id = "ospf"
category = "routing"
kind = "knowledge"
question = "What is OSPF?"
answer = "x"
"#,
    )
    .unwrap()
}

#[test]
fn a_valid_bank_reads_with_a_warning_for_a_result_without_a_figure() {
    let (bank, warnings) = parse_stories(BANK, "stories.toml").unwrap();
    assert_eq!(bank.stories.len(), 3);
    assert_eq!(bank.stories[0].line, 3);
    assert_eq!(
        bank.stories[0].competencies,
        vec!["projects", "stakeholder management"]
    );
    assert!(bank.stories[1].short.is_none());
    let w = &warnings.0[0];
    assert_eq!(w.message, "the result has no figure");
    let line = BANK
        .lines()
        .position(|l| l.starts_with("result = \"The vendor met"))
        .unwrap()
        + 1;
    assert_eq!((w.line, w.column), (line, 10));
    let text = warning_text(w);
    assert!(
        text.starts_with(&format!(
            "warning: the result has no figure\n  --> stories.toml:{line}:10"
        )),
        "{text}"
    );
    // On a screen: one line, with the line number and the help.
    let one = warning_line(w);
    assert!(
        one.starts_with(&format!("line {line}: the result has no figure (")),
        "{one}"
    );
    assert!(!one.contains('\n'), "{one}");
}

#[test]
fn every_problem_is_located_with_did_you_mean() {
    let text = "[[story]]\nid = \"Bad Id\"\ntitel = \"x\"\nsituation = \"s\"\ntask = \"t\"\naction = \"\"\nresult = \"r 1\"\ncompetencies = [\"a\", \" \"]\n\n[[story]]\nid = \"dup\"\ntitle = \"x\"\nsituation = \"s\"\ntask = \"t\"\naction = \"a\"\nresult = \"1\"\n[[story]]\nid = \"dup\"\ntitle = \"y\"\nsituation = \"s\"\ntask = \"t\"\naction = \"a\"\nresult = \"2\"\n";
    let err = parse_stories(text, "s.toml").unwrap_err();
    let shown = err.to_string();
    let messages: Vec<(&str, usize, usize)> = err
        .iter()
        .map(|d| (d.message.as_str(), d.line, d.column))
        .collect();
    assert!(
        messages.contains(&("`id` \"Bad Id\" is not a valid id", 2, 6)),
        "{messages:?}"
    );
    assert!(
        messages.contains(&("unknown key `titel` in [[story]]", 3, 1)),
        "{messages:?}"
    );
    assert!(shown.contains("did you mean `title`?"), "{shown}");
    assert!(
        messages.contains(&("missing `title` in [[story]]", 1, 1)),
        "{messages:?}"
    );
    assert!(
        messages.contains(&("`action` is blank", 6, 10)),
        "{messages:?}"
    );
    assert!(
        messages.contains(&("`competencies` holds a blank entry", 8, 16)),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.0 == "duplicate story id `dup`" && m.1 == 18),
        "{messages:?}"
    );
    assert!(shown.contains("--> s.toml:3:1"), "{shown}");
}

#[test]
fn syntax_errors_newer_formats_and_empty_files() {
    let err = parse_stories("[[story]\nid = 1", "s.toml").unwrap_err();
    assert!(err.to_string().contains("invalid TOML"), "{err}");
    let err = parse_stories("format = 2\n[[story]]\nwhatever = 1\n", "s.toml").unwrap_err();
    assert_eq!(err.len(), 1, "a newer format stops there: {err}");
    assert!(err.to_string().contains("update prepdeck"), "{err}");
    let err = parse_stories("story = 3\n", "s.toml").unwrap_err();
    assert!(
        err.to_string()
            .contains("`story` must be an array of tables"),
        "{err}"
    );
    let (bank, warnings) = parse_stories("  \n", "s.toml").unwrap();
    assert!(bank.stories.is_empty() && warnings.is_empty());
}

#[test]
fn coverage_counts_stories_per_story_competency_and_flags_fewer_than_two() {
    let bank = bank();
    let cov = coverage(&bank, &[deck()]);
    let rows: Vec<(&str, Vec<&str>, bool)> = cov
        .competencies
        .iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.stories.iter().map(String::as_str).collect(),
                r.short,
            )
        })
        .collect();
    // "routing" has only a knowledge card: not a competency a story proves.
    assert_eq!(
        rows,
        vec![
            ("projects", vec!["pos-rescue"], true),
            ("people", vec!["team-conflict"], true),
        ]
    );
    assert_eq!(cov.short_count(), 2);
    assert!(
        cov.unmatched
            .contains(&("vendor-talks".into(), "vendors".into()))
    );
    assert!(
        cov.unmatched
            .contains(&("team-conflict".into(), "conflict".into()))
    );
}

#[test]
fn a_deck_without_behavioural_questions_probes_no_competency() {
    let craft = crate::store::decks::load_builtin(
        "craft.toml",
        r#"format = 1
[deck]
id = "craft"
title = "Craft"
[[category]]
id = "asking"
title = "Questions to ask"
[[category]]
id = "projects"
title = "Projects"
[[card]]
id = "ask"
category = "asking"
kind = "situational"
question = "The panel asks whether you have any questions for them. What do you ask?"
answer = "x"
[[card]]
id = "plan"
category = "projects"
kind = "situational"
question = "Your project is a month late on day one. What do you do?"
answer = "x"
"#,
    )
    .unwrap();
    let bank = bank();
    let ids = |decks: &[Deck]| -> Vec<String> {
        coverage(&bank, decks)
            .competencies
            .iter()
            .map(|r| r.id.to_string())
            .collect()
    };
    // Situational questions about the interview itself are no competency a story proves.
    assert!(ids(std::slice::from_ref(&craft)).is_empty());
    // The same deck beside one that asks for stories still adds none, and its "projects"
    // category is the other deck's competency, not a second one.
    assert_eq!(ids(&[deck(), craft]), ["projects", "people"]);
}

#[test]
fn competencies_match_ids_titles_and_inflections() {
    assert!(competency_matches("people", "people", "People management"));
    assert!(competency_matches(
        "Managing people",
        "people",
        "People management"
    ));
    assert!(competency_matches(
        "budgeting",
        "budget-capex",
        "Budgets and capex"
    ));
    assert!(!competency_matches(
        "leadership",
        "people",
        "People management"
    ));
    assert!(!competency_matches("  ", "people", "People management"));
}

#[test]
fn suggestions_rank_the_story_that_fits_first_and_say_why() {
    let bank = bank();
    let d = deck();
    let failing = d.card(&"failing".into()).unwrap();
    let s = suggest_for_card(&bank, &d, failing);
    assert_eq!(s[0].id, "pos-rescue", "{s:?}");
    assert!(s[0].competency_match);
    assert!(
        s[0].shared.iter().any(|w| w == "sponsor" || w == "scope"),
        "{s:?}"
    );
    let clash = d.card(&"clash".into()).unwrap();
    let s = suggest_for_card(&bank, &d, clash);
    assert_eq!(s[0].id, "team-conflict", "{s:?}");
    assert!(s.windows(2).all(|w| w[0].score >= w[1].score));
    // Nothing in common and no competency: not suggested at all.
    let ospf = d.card(&"ospf".into()).unwrap();
    assert!(suggest_for_card(&bank, &d, ospf).is_empty());
    assert!(suggest_for_card(&StoryBank::default(), &d, failing).is_empty());
}

#[test]
fn a_story_told_twice_and_answers_without_figures_are_noted() {
    let bank = bank();
    let told = "The till replacement at the retailer was failing: I read the defect log, stopped the project for a week and cut scope with the sponsor, then ran a weekly change board.";
    let answers = [
        AnsweredQuestion {
            index: 0,
            answer: told,
            wants_story: true,
        },
        AnsweredQuestion {
            index: 1,
            answer: "I like clear plans and honest sponsors.",
            wants_story: true,
        },
        AnsweredQuestion {
            index: 2,
            answer: told,
            wants_story: true,
        },
        AnsweredQuestion {
            index: 3,
            answer: "The outsourced service desk missed targets; I gathered a year of ticket data and renegotiated the contract penalties with the vendor.",
            wants_story: false,
        },
    ];
    let notes = story_notes(&bank, &answers);
    assert_eq!(
        notes[0],
        StoryNote::Reused {
            story: "pos-rescue".into(),
            title: "Rescuing the point-of-sale rollout".into(),
            questions: vec![1, 3]
        }
    );
    assert!(notes.contains(&StoryNote::AnswerWithoutFigure { question: 2 }));
    assert!(notes.contains(&StoryNote::StoryResultWithoutFigure {
        story: "vendor-talks".into(),
        title: "Renegotiating the service desk contract".into(),
        question: 4
    }));
    assert!(
        !notes.contains(&StoryNote::AnswerWithoutFigure { question: 4 }),
        "not a story question"
    );
    assert!(notes[0].sentence().contains("questions 1 and 3"));
}

#[test]
fn each_story_is_a_card_asked_by_its_title_with_star_key_points() {
    let bank = bank();
    let d = story_deck(&bank, "stories.toml");
    assert_eq!(d.id.as_str(), STORY_DECK);
    assert_eq!(d.cards.len(), 3);
    let c = &d.cards[0];
    assert!(
        c.question.contains("Rescuing the point-of-sale rollout"),
        "{}",
        c.question
    );
    assert!(c.answer.contains("Result: Went live"));
    assert!(c.answer.contains("90-second version"));
    assert_eq!(c.key_points.len(), 4);
    assert!(
        c.key_points[3].keywords.contains(&"15".to_string()),
        "{:?}",
        c.key_points[3]
    );
    // A recall that tells the story ticks its parts; an unrelated one does not.
    let recall = MatchText::new(&bank.stories[0].full_text());
    assert!(
        c.key_points.iter().all(|k| recall.covers(k)),
        "{:?}",
        c.key_points
    );
    let other = MatchText::new("we migrated the mail server");
    assert!(!c.key_points.iter().any(|k| other.covers(k)));
    assert!(matches!(d.source, DeckSource::File(_)));
}

proptest::proptest! {
    #[test]
    fn the_parser_never_panics(text in "(\\[\\[story\\]\\]\n|[a-z]{1,8} = \"[^\"\n]{0,12}\"\n|result = \"[0-9a-z ]{0,9}\"\n|competencies = \\[\"x\"\\]\n|.{0,10}\n){0,12}") {
        let _ = parse_stories(&text, "p.toml");
    }
}

/// The template's example is commented out: it is no story of the user's (it counted in
/// `check` and `coverage`); uncommented, it is a valid story without warnings.
#[test]
fn the_templates_example_does_not_count_but_is_valid_uncommented() {
    let (bank, warnings) = parse_stories(STORIES_TEMPLATE, "stories.toml").unwrap();
    assert!(bank.stories.is_empty(), "{:?}", bank.stories);
    assert!(warnings.is_empty());
    let text = super::template::uncommented_example();
    let (bank, warnings) = parse_stories(&text, "stories.toml").unwrap();
    assert_eq!(bank.stories.len(), 1, "{text}");
    assert_eq!(bank.stories[0].id, "crm-migration");
    assert!(bank.stories[0].short.is_some() && bank.stories[0].result_has_figure());
    assert!(warnings.is_empty(), "{warnings:?}");
}
