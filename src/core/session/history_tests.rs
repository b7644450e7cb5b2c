//! Rebuilding interviews from records.

use super::*;
use crate::core::deck::KeyPoint;
use crate::core::ids::CardId;
use crate::core::record::Review;
use crate::core::session::test_support::{at, card, deck};
use crate::core::session::{Effect, Event, MockInterview};

fn decks() -> Vec<Deck> {
    let mut c1 = card("b1", "budget", Kind::Behavioral);
    c1.key_points = vec![KeyPoint {
        text: "mentions actuals".into(),
        keywords: vec!["actuals".into()],
        ..Default::default()
    }];
    let c2 = card("p1", "people", Kind::Knowledge);
    vec![deck("d", vec![c1, c2])]
}

/// Runs an interview over both cards, answering the first and then doing `last` at `at(ms)`.
fn interview(start_ms: i64, last: Event) -> Vec<Record> {
    let d = decks();
    let qs = vec![
        MockQuestion::new(&d[0], &d[0].cards[0]),
        MockQuestion::new(&d[0], &d[0].cards[1]),
    ];
    let setup = MockSetup {
        prep_seconds: 0,
        answer_seconds: Some(30),
        ..MockSetup::default()
    };
    let mut records = Vec::new();
    let mut keep = |fx: Vec<Effect>, ms: i64| {
        for e in fx {
            if let Effect::Record(r) = e {
                let n = records.len();
                records.push(Record::new(
                    RecordId::new(format!("{start_ms}-{n}")),
                    at(ms),
                    r.into(),
                ));
            }
        }
    };
    let (mut m, fx) = MockInterview::new(setup, qs, at(start_ms));
    keep(fx, start_ms);
    let fx = m.handle(
        Event::Submit {
            text: "I compared actuals".into(),
        },
        at(start_ms + 10_000),
    );
    keep(fx, start_ms + 10_000);
    let fx = m.handle(last, at(start_ms + 20_000));
    keep(fx, start_ms + 20_000);
    records
}

fn review(card: &str, grade: Grade, ms: i64, id: &str) -> Record {
    Record::new(
        RecordId::new(id),
        at(ms),
        RecordBody::Review(Review {
            deck: DeckId::new("d"),
            card: CardId::new(card),
            grade,
            took_ms: 1,
            mode: ReviewMode::Mock,
        }),
    )
}

/// The same records as a build before `mock_debriefed` wrote them (`mock_started` format 1).
fn format_1(mut records: Vec<Record>) -> Vec<Record> {
    for r in &mut records {
        r.v = 1;
    }
    records
}

#[test]
fn groups_records_by_interview_and_attaches_grades() {
    let mut records = format_1(interview(0, Event::Quit));
    records.push(review("b1", Grade::Hard, 25_000, "g1"));
    records.extend(format_1(interview(
        100_000,
        Event::Submit {
            text: "team".into(),
        },
    )));
    records.push(review("b1", Grade::Easy, 125_000, "g2"));
    records.push(review("p1", Grade::Good, 125_001, "g3"));
    // Taken back: does not count.
    records.push(review("p1", Grade::Again, 125_000, "g4"));
    records.push(Record::new(
        RecordId::new("u"),
        at(125_002),
        RecordBody::Undo {
            target: RecordId::new("g4"),
        },
    ));
    records.reverse(); // file order does not matter

    let all = past_interviews(&records);
    assert_eq!(all.len(), 2);
    let first = &all[0];
    assert_eq!(first.ending, Ending::QuitEarly);
    assert_eq!(first.answers.len(), 1);
    assert_eq!(first.answered(), 1);
    assert_eq!(first.questions.len(), 2);
    assert_eq!(first.decks(), vec![DeckId::new("d")]);
    assert_eq!(
        first.grades.get(&CardKey::new("d", "b1")),
        Some(&Grade::Hard)
    );
    let second = &all[1];
    assert_eq!(second.ending, Ending::Completed);
    assert_eq!(second.answered(), 2);
    assert_eq!(
        second.grades.get(&CardKey::new("d", "p1")),
        Some(&Grade::Good)
    );

    let debrief = second.debrief(&decks());
    assert_eq!(debrief.items.len(), 2);
    assert_eq!(debrief.items[0].confirmed, Some(Grade::Easy));
    assert_eq!(
        debrief.items[0].timing.limit,
        std::time::Duration::from_secs(30),
        "override applied"
    );
    assert_eq!(debrief.items[0].coverage_percent(), Some(100));
    assert!(find_interview(&all, second.id.as_str()).is_some());
    assert!(find_interview(&all, "nope").is_none());
}

#[test]
fn a_crash_mid_interview_is_interrupted_and_gone_cards_are_placeholders() {
    let mut records = interview(0, Event::Tick);
    records.retain(|r| !matches!(r.body, RecordBody::MockFinished(_)));
    let all = past_interviews(&records);
    assert_eq!(all[0].ending, Ending::Interrupted);
    assert_eq!(all[0].recorded_score, None);
    let qs = all[0].mock_questions(&[]);
    assert_eq!(qs.len(), 2);
    assert!(qs[1].question.contains("d/p1"), "{}", qs[1].question);
    let debrief = all[0].debrief(&[]);
    assert_eq!(debrief.items.len(), 1);
    assert_eq!(debrief.items[0].answer, "I compared actuals");
}

fn debriefed(
    interview: &str,
    index: usize,
    card: &str,
    ticks: &[bool],
    grade: Option<Grade>,
    ms: i64,
    id: &str,
) -> Record {
    Record::new(
        RecordId::new(id),
        at(ms),
        RecordBody::MockDebriefed(Box::new(MockDebriefed {
            interview: InterviewId::new(interview),
            index,
            card: CardKey::new("d", card),
            checklist: ticks.to_vec(),
            grade,
        })),
    )
}

#[test]
fn the_latest_verdict_of_each_question_is_what_history_shows() {
    let mut records = interview(
        0,
        Event::Submit {
            text: "team".into(),
        },
    );
    let id = past_interviews(&records)[0].id.to_string();
    assert!(past_interviews(&records)[0].linked);
    assert_eq!(records[0].v, 2, "mock_started is written in format 2");
    // Unticked by hand, then graded; the second question graded; a review of the same card
    // made later (another interview's, graded afterwards) is not this interview's grade.
    records.push(review("b1", Grade::Hard, 30_000, "r1"));
    records.push(debriefed(
        &id,
        0,
        "b1",
        &[false],
        Some(Grade::Hard),
        30_000,
        "x9",
    ));
    records.push(debriefed(&id, 0, "b1", &[true], None, 29_000, "x0"));
    records.push(review("p1", Grade::Good, 40_000, "r2"));
    let all = past_interviews(&records);
    let p = &all[0];
    assert_eq!(
        p.ungraded(),
        1,
        "p1's review has no verdict: not this interview's"
    );
    let d = p.debrief(&decks());
    assert_eq!(d.items[0].checklist, vec![false]);
    assert_eq!(d.items[0].matched, vec![true], "the matcher's view is kept");
    assert_eq!(d.items[0].confirmed, Some(Grade::Hard));
    assert_eq!(d.items[1].confirmed, None);
    assert_eq!(d.ungraded(), vec![1]);
    // Nothing changed since the log: nothing to write.
    let mut d = d;
    assert!(d.take_records().is_empty());
}

#[test]
fn two_verdicts_at_the_same_instant_keep_the_one_written_last() {
    let mut records = interview(
        0,
        Event::Submit {
            text: "team".into(),
        },
    );
    let id = past_interviews(&records)[0].id.to_string();
    records.push(debriefed(&id, 0, "b1", &[false], None, 30_000, "zz"));
    records.push(debriefed(
        &id,
        0,
        "b1",
        &[true],
        Some(Grade::Good),
        30_000,
        "aa",
    ));
    let all = past_interviews(&records);
    assert_eq!(all[0].debriefed[&0].grade, Some(Grade::Good));
}

#[test]
fn a_format_1_interview_graded_later_takes_the_verdict() {
    let mut records = format_1(interview(
        0,
        Event::Submit {
            text: "team".into(),
        },
    ));
    records.push(review("b1", Grade::Easy, 25_000, "g1"));
    let id = past_interviews(&records)[0].id.to_string();
    assert_eq!(past_interviews(&records)[0].ungraded(), 1);
    records.push(debriefed(
        &id,
        1,
        "p1",
        &[],
        Some(Grade::Hard),
        90_000,
        "x1",
    ));
    let all = past_interviews(&records);
    assert_eq!(all[0].ungraded(), 0);
    let d = all[0].debrief(&decks());
    assert_eq!(
        (d.items[0].confirmed, d.items[1].confirmed),
        (Some(Grade::Easy), Some(Grade::Hard))
    );
}

#[test]
fn an_id_shown_without_its_control_characters_finds_the_interview() {
    let mut records = interview(0, Event::Quit);
    if let RecordBody::MockStarted(m) = &mut records[0].body {
        m.interview = InterviewId::new("mock-\u{9b}31m");
    }
    for r in &mut records {
        if let RecordBody::MockAnswered(a) = &mut r.body {
            a.interview = InterviewId::new("mock-\u{9b}31m");
        }
    }
    let all = past_interviews(&records);
    let shown = sanitize_line(all[0].id.as_str());
    assert_ne!(shown, all[0].id.as_str());
    assert_eq!(
        find_interview(&all, &shown).map(|p| &p.id),
        Some(&all[0].id)
    );
    assert!(find_interview(&all, "").is_none());
}

#[test]
fn two_ids_that_differ_only_in_hidden_characters_are_shown_apart_and_found() {
    let mut records = Vec::new();
    for (start, name) in [(0, "mock-\u{9b}31m"), (100_000, "mock-\u{9b}32m")] {
        for mut r in interview(start, Event::Quit) {
            match &mut r.body {
                RecordBody::MockStarted(m) => m.interview = InterviewId::new(name),
                RecordBody::MockAnswered(a) => a.interview = InterviewId::new(name),
                RecordBody::MockFinished(f) => f.interview = InterviewId::new(name),
                _ => {}
            }
            records.push(r);
        }
    }
    let all = past_interviews(&records);
    assert_eq!(all.len(), 2);
    let shown: Vec<String> = all.iter().map(PastInterview::shown_id).collect();
    assert_eq!(shown, ["mock-\\u009B31m", "mock-\\u009B32m"]);
    for (p, shown) in all.iter().zip(&shown) {
        assert_eq!(find_interview(&all, shown).map(|f| &f.id), Some(&p.id));
    }
    // Stripped, both read `mock-`: that names no one interview.
    assert!(find_interview(&all, "mock-").is_none());
}
