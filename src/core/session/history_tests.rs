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

#[test]
fn an_interrupted_interview_has_its_history_score_in_statistics() {
    let d = decks();
    let mut records = interview(0, Event::Tick);
    records.retain(|r| !matches!(r.body, RecordBody::MockFinished(_)));
    let all = past_interviews(&records);
    assert_eq!(all[0].ending, Ending::Interrupted);
    let shown = all[0].scored_debrief_in(&CardIndex::new(&d)).score();
    let stats = crate::core::stats::MockHistory::from_records(&records, &d);
    assert_eq!(stats.scores.len(), 1);
    assert_eq!(stats.scores[0].score, shown);
    assert!(!stats.scores[0].completed);
    // At its last answer's time.
    assert_eq!(stats.scores[0].at, at(10_000));
    // Cut off before its first answer: nothing to score.
    let first: Vec<Record> = records
        .iter()
        .filter(|r| matches!(r.body, RecordBody::MockStarted(_)))
        .cloned()
        .collect();
    assert!(
        crate::core::stats::MockHistory::from_records(&first, &d)
            .scores
            .is_empty()
    );
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

/// The records of a one-question interview on a card with a follow-up: the main answer
/// submitted at 10 s, then `follow_up` (the follow-up answered at 20 s, or nothing: the
/// process died during the follow-up).
fn with_follow_up(follow_up: Option<&str>) -> (Vec<Deck>, Vec<Record>) {
    let mut c1 = card("b1", "budget", Kind::Behavioral);
    c1.follow_ups = vec!["What if they are wrong?".into()];
    c1.key_points = ["actuals", "pilot"]
        .iter()
        .map(|k| KeyPoint {
            text: format!("mentions {k}"),
            keywords: vec![k.to_string()],
            ..Default::default()
        })
        .collect();
    let d = vec![deck("d", vec![c1])];
    let setup = MockSetup {
        prep_seconds: 0,
        answer_seconds: Some(30),
        ..MockSetup::default()
    };
    let (mut m, mut fx) =
        MockInterview::new(setup, vec![MockQuestion::new(&d[0], &d[0].cards[0])], at(0));
    let mut records = Vec::new();
    let mut keep = |fx: Vec<Effect>, ms: i64| {
        for e in fx {
            if let Effect::Record(r) = e {
                let id = RecordId::new(format!("r{}", records.len()));
                records.push(Record::new(id, at(ms), r.into()));
            }
        }
    };
    keep(std::mem::take(&mut fx), 0);
    let main = Event::Submit {
        text: "I compared actuals".into(),
    };
    keep(m.handle(main, at(10_000)), 10_000);
    if let Some(text) = follow_up {
        let event = Event::Submit { text: text.into() };
        keep(m.handle(event, at(20_000)), 20_000);
    }
    (d, records)
}

/// A log cut after the main answer (killed during the follow-up) replays to that answer,
/// interrupted and ungraded, with the suggested grade to offer again; the follow-up's record,
/// once there, joins it: one answer, never two.
#[test]
fn a_log_cut_during_the_follow_up_keeps_the_main_answer_to_grade_later() {
    let (d, cut) = with_follow_up(None);
    let kinds: Vec<&str> = cut
        .iter()
        .map(|r| match r.body {
            RecordBody::MockStarted(_) => "started",
            RecordBody::MockAnswered(_) => "answered",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["started", "answered"]);
    let all = past_interviews(&cut);
    let p = &all[0];
    assert_eq!(
        (p.ending, p.answered(), p.ungraded()),
        (Ending::Interrupted, 1, 1)
    );
    let debrief = p.debrief(&d);
    assert_eq!(debrief.items.len(), 1);
    let item = &debrief.items[0];
    assert_eq!(item.answer, "I compared actuals");
    assert_eq!(item.follow_up_answer, None);
    assert_eq!(item.checklist, [true, false]);
    assert_eq!(item.confirmed, None);
    assert!(p.answers[0].grade.is_some(), "a suggestion to offer again");
    assert_eq!(p.answered_at.get(&0), Some(&at(10_000)));

    let (_, whole) = with_follow_up(Some("I would run a pilot"));
    assert_eq!(whole.len(), 4, "started, answered, follow-up, finished");
    assert_eq!(whole[1], cut[1], "the main answer is written the same way");
    let mut shuffled = whole.clone();
    shuffled.reverse(); // file order does not matter
    for records in [whole, shuffled] {
        let all = past_interviews(&records);
        let p = &all[0];
        assert_eq!((p.ending, p.answers.len()), (Ending::Completed, 1));
        let a = &p.answers[0];
        assert_eq!(a.answer, "I compared actuals");
        assert_eq!(a.follow_up_answer.as_deref(), Some("I would run a pilot"));
        assert_eq!((a.answer_ms, a.follow_up_ms), (10_000, Some(10_000)));
        assert_eq!(a.coverage, [true, true], "the follow-up's point counts");
        assert_eq!(p.debrief(&d).items.len(), 1);
    }
}

/// A `mock_answered` line written before follow-ups had their own record (both answers in
/// it) reads as it always did.
#[test]
fn an_old_answer_with_its_follow_up_in_one_record_still_loads() {
    let lines = [
        r#"{"v":2,"id":"s","at":"2026-11-22T08:43:59.624Z","type":"mock_started","interview":"mock-1","setup":{"questions":1,"focus":"mixed","prep_seconds":0,"follow_ups":true,"follow_up_seconds":60,"mode":"typed","timing":"strict","seed":7,"decks":["d"],"answer_seconds":30},"questions":[{"deck":"d","card":"b1"}]}"#,
        r#"{"v":1,"id":"a","at":"2026-11-22T08:44:41.102Z","type":"mock_answered","interview":"mock-1","index":0,"card":{"deck":"d","card":"b1"},"answer":"I listen first.","follow_up_answer":"Then I act.","answer_ms":8100,"overtime_ms":0,"follow_up_ms":4000,"follow_up_overtime_ms":0,"paused_ms":0,"skipped":false,"coverage":[true],"grade":"hard"}"#,
    ];
    let records: Vec<Record> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let all = past_interviews(&records);
    let a = &all[0].answers;
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0].answer.as_str(), a[0].follow_up_answer.as_deref()),
        ("I listen first.", Some("Then I act."))
    );
    assert_eq!(
        (a[0].follow_up_ms, a[0].grade),
        (Some(4000), Some(Grade::Hard))
    );
}
