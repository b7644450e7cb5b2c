use chrono::{DateTime, Duration, Utc};

use super::*;
use crate::core::grade::Grade;
use crate::core::ids::{CardId, DeckId, InterviewId};
use crate::core::record::{CardText, DrillAnswer, MyAnswer, Review, ReviewMode};
use crate::core::schedule::{SchedulerConfig, replay};
use crate::core::session::MockAnswered;

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z")
        .unwrap()
        .to_utc()
}

fn rec(id: &str, minutes: i64, body: RecordBody) -> Record {
    Record::new(RecordId::new(id), t0() + Duration::minutes(minutes), body)
}

fn note(id: &str, minutes: i64, text: &str) -> Record {
    rec(
        id,
        minutes,
        RecordBody::Note(CardText {
            deck: DeckId::new("d"),
            card: CardId::new("c"),
            text: text.into(),
        }),
    )
}

fn draft(id: &str, minutes: i64, text: &str, coverage: Vec<bool>) -> Record {
    rec(
        id,
        minutes,
        RecordBody::DrillAnswer(Box::new(DrillAnswer {
            deck: DeckId::new("d"),
            card: CardId::new("c"),
            answer: text.into(),
            coverage,
            ticks_of: None,
        })),
    )
}

fn review(id: &str, minutes: i64, grade: Grade, mode: ReviewMode) -> Record {
    rec(
        id,
        minutes,
        RecordBody::Review(Review {
            deck: DeckId::new("d"),
            card: CardId::new("c"),
            grade,
            took_ms: 1000,
            mode,
        }),
    )
}

fn key() -> CardKey {
    CardKey::new("d", "c")
}

#[test]
fn the_latest_note_counts_whatever_the_order_and_empty_clears() {
    let records = vec![
        note("a", 0, "first"),
        note("b", 5, "second"),
        note("c", 2, "middle"),
    ];
    let mut reversed = records.clone();
    reversed.reverse();
    let one = Notebook::from_records(&records);
    assert_eq!(one, Notebook::from_records(&reversed));
    assert_eq!(one.note(&key()).unwrap().text, "second");
    let mut cleared = records.clone();
    cleared.push(note("d", 9, ""));
    let book = Notebook::from_records(&cleared);
    assert!(book.note(&key()).is_none());
    assert!(book.notes().is_empty());
}

#[test]
fn same_time_edits_are_decided_by_id_the_same_way_everywhere() {
    let a = note("x1", 0, "from laptop");
    let b = note("x2", 0, "from desktop");
    let ab = Notebook::from_records([&a, &b]);
    let ba = Notebook::from_records([&b, &a]);
    assert_eq!(ab.note(&key()).unwrap().text, "from desktop");
    assert_eq!(ab, ba);
}

#[test]
fn attempts_are_newest_first_with_the_grade_of_the_review_that_followed() {
    let records = vec![
        draft("d1", 0, "first try", vec![true, false]),
        review("r1", 1, Grade::Hard, ReviewMode::Drill),
        draft("d2", 60 * 24, "second try", vec![true, true]),
        review("r2", 60 * 24 + 1, Grade::Again, ReviewMode::Drill),
        // The second grade was undone and given again.
        rec(
            "u",
            60 * 24 + 2,
            RecordBody::Undo {
                target: RecordId::new("r2"),
            },
        ),
        review("r3", 60 * 24 + 3, Grade::Good, ReviewMode::Drill),
        // A draft revealed and skipped; a review the next day without a draft.
        draft("d3", 60 * 48, "skipped", vec![false, false]),
        review("r4", 60 * 72, Grade::Easy, ReviewMode::Drill),
    ];
    let progress = replay(&records, &SchedulerConfig::default());
    let attempts = Notebook::from_records(&records).attempts_in(&key(), &progress);
    let shown: Vec<(&str, Option<Grade>)> = attempts
        .iter()
        .map(|a| (a.text.as_str(), a.grade))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("skipped", None),
            ("second try", Some(Grade::Good)),
            ("first try", Some(Grade::Hard)),
        ]
    );
    assert_eq!(best_attempt(&attempts).unwrap().text, "second try");
    assert_eq!(attempts[1].covered(), (2, 2));
}

#[test]
fn mock_answers_are_attempts_with_their_suggested_grade_until_confirmed() {
    let answered = |id: &str, minutes: i64, text: &str, skipped: bool| {
        rec(
            id,
            minutes,
            RecordBody::MockAnswered(Box::new(MockAnswered {
                interview: InterviewId::new("m1"),
                index: 0,
                card: key(),
                answer: text.into(),
                follow_up_answer: Some("follow".into()),
                answer_ms: 1,
                overtime_ms: 0,
                follow_up_ms: None,
                follow_up_overtime_ms: 0,
                paused_ms: 0,
                skipped,
                coverage: vec![true],
                grade: Some(Grade::Hard),
            })),
        )
    };
    let records = vec![
        answered("m", 0, "in the mock", false),
        answered("s", 1, "", true),
    ];
    let progress = replay(&records, &SchedulerConfig::default());
    let book = Notebook::from_records(&records);
    let attempts = book.attempts_in(&key(), &progress);
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].grade, None);
    assert_eq!(attempts[0].shown_grade(), Some(Grade::Hard));
    assert_eq!(attempts[0].follow_up.as_deref(), Some("follow"));
    let mut confirmed = records.clone();
    confirmed.push(review("r", 5, Grade::Good, ReviewMode::Mock));
    let progress = replay(&confirmed, &SchedulerConfig::default());
    let attempts = Notebook::from_records(&confirmed).attempts_in(&key(), &progress);
    assert_eq!(attempts[0].grade, Some(Grade::Good));
    // A format-2 debrief has the candidate's own ticks and grade; the latest counts.
    let debriefed = |id: &str, minutes: i64, grade: Option<Grade>, ticks: Vec<bool>| {
        rec(
            id,
            minutes,
            RecordBody::MockDebriefed(Box::new(crate::core::session::MockDebriefed {
                interview: InterviewId::new("m1"),
                index: 0,
                card: key(),
                checklist: ticks,
                grade,
            })),
        )
    };
    confirmed.push(debriefed("d1", 6, Some(Grade::Easy), vec![false]));
    confirmed.push(debriefed("d2", 7, None, vec![true]));
    let attempts = Notebook::from_records(&confirmed).attempts_in(&key(), &progress);
    assert_eq!(
        attempts[0].grade, None,
        "the grade was taken back in the debrief"
    );
    assert_eq!(attempts[0].coverage, vec![true]);
    confirmed.push(debriefed("d0", 6, Some(Grade::Hard), vec![false]));
    let attempts = Notebook::from_records(&confirmed).attempts_in(&key(), &progress);
    assert_eq!(
        attempts[0].grade, None,
        "an older debrief record changes nothing"
    );
}

#[test]
fn a_promoted_answer_remembers_its_attempt() {
    let records = vec![rec(
        "a",
        0,
        RecordBody::MyAnswer(MyAnswer {
            deck: DeckId::new("d"),
            card: CardId::new("c"),
            text: "my words".into(),
            from: Some(RecordId::new("d1")),
        }),
    )];
    let book = Notebook::from_records(&records);
    let mine = book.my_answer(&key()).unwrap();
    assert_eq!(mine.from, Some(RecordId::new("d1")));
    assert_eq!(book.my_answers().len(), 1);
}

#[test]
fn card_states_cover_the_browser_filters() {
    let now = t0() + Duration::days(30);
    assert_eq!(card_states(None, now), vec![CardState::New]);
    let records = vec![
        review("r1", 0, Grade::Good, ReviewMode::Drill),
        rec(
            "s",
            1,
            RecordBody::Suspend {
                deck: DeckId::new("d"),
                card: CardId::new("c"),
            },
        ),
    ];
    let progress = replay(&records, &SchedulerConfig::default());
    let states = card_states(progress.card(&key()), now);
    assert!(states.contains(&CardState::Suspended), "{states:?}");
    assert!(
        !states.contains(&CardState::Due),
        "suspended cards are not due"
    );
    let progress = replay(&records[..1], &SchedulerConfig::default());
    let states = card_states(progress.card(&key()), now);
    assert!(states.contains(&CardState::Due), "{states:?}");
    for s in CardState::ALL {
        assert_eq!(CardState::parse(s.as_str()), Some(s));
    }
}

/// The ticks a candidate changed after a drill reveal (`drill_answer` with `ticks_of`): the
/// latest counts, whatever the order the records come in, and they make no attempt of their own.
#[test]
fn ticks_changed_after_a_drill_reveal_are_the_attempts_coverage() {
    let ticks = |id: &str, minutes: i64, of: &str, coverage: Vec<bool>| {
        rec(
            id,
            minutes,
            RecordBody::DrillAnswer(Box::new(DrillAnswer {
                deck: DeckId::new("d"),
                card: CardId::new("c"),
                answer: String::new(),
                coverage,
                ticks_of: Some(RecordId::new(of)),
            })),
        )
    };
    let mut records = vec![
        draft("d1", 0, "first try", vec![false, false]),
        ticks("t1", 1, "d1", vec![true, false]),
        ticks("t2", 2, "d1", vec![true, true]),
        review("r1", 3, Grade::Good, ReviewMode::Drill),
        draft("d2", 60, "second try", vec![true, false]),
        // Ticks of a record the log does not have change nothing.
        ticks("t3", 61, "gone", vec![false, false]),
    ];
    for order in 0..2 {
        if order == 1 {
            records.reverse();
        }
        let progress = replay(&records, &SchedulerConfig::default());
        let attempts = Notebook::from_records(&records).attempts_in(&key(), &progress);
        let shown: Vec<(&str, (usize, usize), Option<Grade>)> = attempts
            .iter()
            .map(|a| (a.text.as_str(), a.covered(), a.grade))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("second try", (1, 2), None),
                ("first try", (2, 2), Some(Grade::Good)),
            ]
        );
    }
}

#[test]
fn search_needs_every_word_somewhere_in_the_card_or_its_notes() {
    let card = crate::core::deck::Card {
        id: CardId::new("budget-cut"),
        category: crate::core::ids::CategoryId::new("budget"),
        kind: crate::core::deck::Kind::Situational,
        level: None,
        tags: vec!["finance".into()],
        question: "Your budget is cut by 20%. What do you do?".into(),
        guidance: None,
        answer: "Prioritise with the stakeholders.".into(),
        answer_seconds: None,
        follow_ups: vec![],
        key_points: vec![],
        line: 1,
        notes: Default::default(),
    };
    assert!(search_matches("", &card, &[]));
    assert!(search_matches("BUDGET stakeholders", &card, &[]));
    assert!(search_matches("finance", &card, &[]));
    assert!(!search_matches("budget vendor", &card, &[]));
    assert!(search_matches(
        "budget vendor",
        &card,
        &["ask the vendor first"]
    ));
}
