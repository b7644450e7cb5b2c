use chrono::{DateTime, Duration, TimeZone, Utc};

use super::drill::{Drill, Effect, Event, Outcome, Phase, SessionCard};
use crate::core::analysis::StarPart;
use crate::core::deck::KeyPoint;
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, RecordId};
use crate::core::record::{Record, RecordBody};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

fn card(id: &str) -> SessionCard {
    SessionCard {
        key: CardKey::new("d", id),
        key_points: vec![
            KeyPoint {
                text: "root cause".into(),
                keywords: vec!["root cause".into(), "rca".into()],
                ..Default::default()
            },
            KeyPoint {
                text: "communicate".into(),
                keywords: vec!["stakeholder".into()],
                ..Default::default()
            },
        ],
        behavioral: false,
    }
}

/// Plays storage: every write succeeds with a fresh id. Returns the other effects.
fn store(d: &mut Drill, effects: Vec<Effect>, now: DateTime<Utc>, n: &mut u32) -> Vec<Effect> {
    let mut out = vec![];
    let mut todo: std::collections::VecDeque<Effect> = effects.into();
    while let Some(e) = todo.pop_front() {
        match e {
            Effect::Write(body) => {
                *n += 1;
                let rec = Record::new(RecordId::new(format!("r{n}")), now, body);
                todo.extend(d.handle(Event::Stored(rec), now));
            }
            other => out.push(other),
        }
    }
    out
}

#[test]
fn empty_session_finishes_at_once() {
    let (d, fx) = Drill::start(vec![], t0());
    assert_eq!(fx, vec![Effect::Finished]);
    assert_eq!(d.phase(), Phase::Finished);
}

#[test]
fn reveal_ticks_covered_points_and_grade_waits_for_storage() {
    let (mut d, fx) = Drill::start(vec![card("a"), card("b")], t0());
    assert_eq!(fx, vec![Effect::Show(0)]);
    assert_eq!(d.position(), (1, 2));
    let later = t0() + Duration::seconds(42);
    d.handle(
        Event::Reveal {
            draft: "We ran an RCA".into(),
        },
        later,
    );
    assert_eq!(d.phase(), Phase::Revealed);
    assert_eq!(d.checklist(), &[true, false]);
    assert_eq!(
        d.matched_words(),
        &[vec!["RCA".to_string()], Vec::new()],
        "the draft's words behind each tick, as typed"
    );
    d.handle(Event::Toggle(1), later);
    assert_eq!(d.checklist(), &[true, true]);
    assert_eq!(
        d.think_time(later + Duration::seconds(100)),
        std::time::Duration::from_secs(42)
    );

    let fx = d.handle(Event::Grade(Grade::Good), later);
    let [Effect::Write(RecordBody::Review(r))] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!((r.grade, r.took_ms), (Grade::Good, 42_000));
    assert_eq!(d.phase(), Phase::Saving);
    // Input waits while saving.
    assert!(d.handle(Event::Skip, later).is_empty());
    assert_eq!(d.position(), (1, 2));

    let rec = Record::new(RecordId::new("r1"), later, fx[0].clone().into_body());
    assert_eq!(d.handle(Event::Stored(rec), later), vec![Effect::Show(1)]);
    assert_eq!(d.position(), (2, 2));
    assert_eq!(d.phase(), Phase::Question);
}

impl Effect {
    fn into_body(self) -> RecordBody {
        match self {
            Effect::Write(b) => b,
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_failed_write_keeps_the_card_and_records_nothing() {
    let (mut d, _) = Drill::start(vec![card("a")], t0());
    d.handle(Event::Reveal { draft: "".into() }, t0());
    d.handle(Event::Grade(Grade::Again), t0());
    assert!(d.handle(Event::StoreFailed, t0()).is_empty());
    assert_eq!(d.phase(), Phase::Revealed);
    assert_eq!(d.summary(t0()).reviewed, 0);
    // The candidate can grade again.
    assert!(matches!(
        d.handle(Event::Grade(Grade::Hard), t0()).as_slice(),
        [Effect::Write(_)]
    ));
}

#[test]
fn undo_takes_back_the_most_recent_action_whatever_it_was() {
    let (mut d, _) = Drill::start(vec![card("a"), card("b"), card("c"), card("d")], t0());
    let mut n = 0;
    d.handle(
        Event::Reveal {
            draft: "rca".into(),
        },
        t0(),
    );
    let fx = d.handle(Event::Grade(Grade::Good), t0());
    store(&mut d, fx, t0(), &mut n);
    assert_eq!(
        d.last_action().unwrap().confirmation(),
        "Graded Good. u: undo the Good grade."
    );
    // b is buried, c suspended from its revealed answer.
    let fx = d.handle(
        Event::Bury {
            until: t0() + Duration::days(1),
        },
        t0(),
    );
    assert!(matches!(
        fx.as_slice(),
        [Effect::Write(RecordBody::Bury { .. })]
    ));
    store(&mut d, fx, t0(), &mut n);
    d.handle(Event::Reveal { draft: "".into() }, t0());
    let fx = d.handle(Event::Suspend, t0());
    store(&mut d, fx, t0(), &mut n);
    assert_eq!(d.current(), Some(3));
    let last = d.last_action().unwrap();
    assert_eq!((last.index, last.key.card.as_str()), (2, "c"));
    assert_eq!(last.confirmation(), "Suspended. u: undo the suspension.");

    // Most recent first: the suspension (r3), the bury (r2), then the grade (r1).
    for (target, index, phase, label) in [
        ("r3", 2, Phase::Revealed, "the suspension"),
        ("r2", 1, Phase::Question, "the bury"),
        ("r1", 0, Phase::Revealed, "the Good grade"),
    ] {
        let fx = d.handle(Event::Undo, t0());
        let [Effect::Write(RecordBody::Undo { target: t })] = fx.as_slice() else {
            panic!("{fx:?}")
        };
        assert_eq!(t.as_str(), target);
        let fx = store(&mut d, fx, t0(), &mut n);
        assert_eq!(
            fx,
            vec![
                Effect::Show(index),
                Effect::Notice(format!("Undone: {label}."))
            ]
        );
        assert_eq!((d.current(), d.phase()), (Some(index), phase));
    }
    assert_eq!(d.checklist(), &[true, false]);
    assert_eq!(d.draft(), "rca");
    assert_eq!(d.position(), (1, 4));
    assert_eq!(d.last_action(), None);
    assert_eq!(
        d.handle(Event::Undo, t0()),
        vec![Effect::Notice("Nothing to undo in this session.".into())]
    );
    // The cards come again in their order: a (graded again), then b, c, d.
    let fx = d.handle(Event::Grade(Grade::Easy), t0());
    assert_eq!(store(&mut d, fx, t0(), &mut n), vec![Effect::Show(1)]);
}

#[test]
fn a_skip_is_undone_without_writing() {
    let (mut d, _) = Drill::start(vec![card("a"), card("b")], t0());
    d.handle(Event::Reveal { draft: "x".into() }, t0());
    d.handle(Event::Skip, t0());
    assert_eq!(d.current(), Some(1));
    assert_eq!(
        d.last_action().unwrap().confirmation(),
        "Skipped. u: undo the skip."
    );
    let fx = d.handle(Event::Undo, t0());
    assert_eq!(
        fx,
        vec![Effect::Show(0), Effect::Notice("Undone: the skip.".into())]
    );
    assert_eq!((d.phase(), d.draft()), (Phase::Revealed, "x"));
    assert_eq!(d.summary(t0()).skipped, 0);
}

#[test]
fn a_failed_undo_changes_nothing() {
    let (mut d, _) = Drill::start(vec![card("a"), card("b")], t0());
    let mut n = 0;
    let fx = d.handle(Event::Suspend, t0());
    store(&mut d, fx, t0(), &mut n);
    let fx = d.handle(Event::Undo, t0());
    assert!(matches!(
        fx.as_slice(),
        [Effect::Write(RecordBody::Undo { .. })]
    ));
    assert_eq!(d.handle(Event::StoreFailed, t0()), vec![]);
    assert_eq!((d.current(), d.phase()), (Some(1), Phase::Question));
    assert_eq!(d.last_action().unwrap().outcome, Outcome::Suspended);
}

#[test]
fn summary_counts_grades_and_time() {
    let cards = vec![card("a"), card("b"), card("c"), card("d")];
    let (mut d, _) = Drill::start(cards, t0());
    let mut n = 0;
    let mut now = t0();
    for g in [Grade::Again, Grade::Good] {
        now += Duration::seconds(10);
        d.handle(Event::Reveal { draft: "".into() }, now);
        now += Duration::seconds(5);
        let fx = d.handle(Event::Grade(g), now);
        store(&mut d, fx, now, &mut n);
    }
    d.handle(Event::Skip, now);
    let fx = d.handle(Event::Suspend, now);
    assert_eq!(store(&mut d, fx, now, &mut n), vec![Effect::Finished]);
    let s = d.summary(now + Duration::hours(1));
    assert_eq!(s.reviewed, 2);
    assert_eq!(s.grades, [1, 0, 1, 0]);
    assert_eq!((s.skipped, s.suspended, s.buried), (1, 1, 0));
    assert_eq!(s.think, std::time::Duration::from_secs(20));
    assert_eq!(s.elapsed, std::time::Duration::from_secs(30));
}

#[test]
fn finish_early_then_undo_resumes() {
    let (mut d, _) = Drill::start(vec![card("a"), card("b")], t0());
    let mut n = 0;
    d.handle(Event::Reveal { draft: "".into() }, t0());
    let fx = d.handle(Event::Grade(Grade::Hard), t0());
    store(&mut d, fx, t0(), &mut n);
    assert_eq!(d.handle(Event::Finish, t0()), vec![Effect::Finished]);
    assert!(d.handle(Event::Skip, t0()).is_empty());
    let fx = d.handle(Event::Undo, t0());
    assert_eq!(
        store(&mut d, fx, t0(), &mut n),
        vec![
            Effect::Show(0),
            Effect::Notice("Undone: the Hard grade.".into())
        ]
    );
    assert_eq!(d.phase(), Phase::Revealed);
}

#[test]
fn a_typed_draft_is_written_at_the_reveal_and_waits_for_nothing() {
    let (mut d, _) = Drill::start(vec![card("a"), card("b")], t0());
    let fx = d.handle(
        Event::Reveal {
            draft: "We ran an RCA".into(),
        },
        t0(),
    );
    let [Effect::Write(RecordBody::DrillAnswer(a))] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!((a.card.as_str(), a.answer.as_str()), ("a", "We ran an RCA"));
    assert_eq!(a.coverage, vec![true, false]);
    // Storage's answer (or failure) changes nothing: the card stays revealed.
    let rec = Record::new(RecordId::new("x"), t0(), fx[0].clone().into_body());
    assert_eq!(d.handle(Event::Stored(rec), t0()), vec![]);
    assert_eq!(d.handle(Event::StoreFailed, t0()), vec![]);
    assert_eq!(d.phase(), Phase::Revealed);
    let mut n = 0;
    let fx = d.handle(Event::Grade(Grade::Good), t0());
    assert!(
        matches!(fx.as_slice(), [Effect::Write(RecordBody::Review(_))]),
        "{fx:?}"
    );
    assert_eq!(store(&mut d, fx, t0(), &mut n), vec![Effect::Show(1)]);
    // A blank draft is not kept.
    let (mut d, _) = Drill::start(vec![card("a")], t0());
    assert_eq!(
        d.handle(
            Event::Reveal {
                draft: " \n".into()
            },
            t0()
        ),
        vec![]
    );
}

#[test]
fn ticks_changed_after_the_reveal_are_written_against_the_kept_draft() {
    let (mut d, _) = Drill::start(vec![card("a")], t0());
    // Before storage has the draft there is nothing to write them against (a toggle still
    // changes what is on screen and in the grade).
    let fx = d.handle(
        Event::Reveal {
            draft: "We ran an RCA".into(),
        },
        t0(),
    );
    assert_eq!(d.handle(Event::Toggle(1), t0()), vec![]);
    assert_eq!(d.handle(Event::Toggle(1), t0()), vec![]);
    let rec = Record::new(RecordId::new("draft-1"), t0(), fx[0].clone().into_body());
    assert_eq!(d.handle(Event::Stored(rec), t0()), vec![]);
    let fx = d.handle(Event::Toggle(1), t0());
    let [Effect::Write(RecordBody::DrillAnswer(t))] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(t.ticks_of, Some(RecordId::new("draft-1")));
    assert_eq!(t.coverage, vec![true, true]);
    assert!(t.answer.is_empty());
    // Its own storage answer is not taken for a new draft, nor for the grade's.
    let rec = Record::new(RecordId::new("ticks-1"), t0(), fx[0].clone().into_body());
    assert_eq!(d.handle(Event::Stored(rec), t0()), vec![]);
    let fx = d.handle(Event::Toggle(0), t0());
    let [Effect::Write(RecordBody::DrillAnswer(t))] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(t.ticks_of, Some(RecordId::new("draft-1")));
    assert_eq!(t.coverage, vec![false, true]);
    // A toggle out of range writes nothing.
    assert_eq!(d.handle(Event::Toggle(9), t0()), vec![]);
}

#[test]
fn practice_grades_write_practice_records_and_undo_them() {
    use super::drill::GradeAs;
    let (mut d, _) = Drill::start_as(vec![card("a"), card("b")], GradeAs::Practice, t0());
    assert_eq!(d.grade_as(), GradeAs::Practice);
    let later = t0() + Duration::seconds(5);
    d.handle(
        Event::Reveal {
            draft: String::new(),
        },
        later,
    );
    let fx = d.handle(Event::Grade(Grade::Hard), later);
    let [Effect::Write(RecordBody::Practice(p))] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(
        (p.card.as_str(), p.grade, p.took_ms),
        ("a", Grade::Hard, 5000)
    );
    let mut n = 0;
    store(&mut d, fx, later, &mut n);
    let last = d.last_action().unwrap();
    assert_eq!(last.outcome, Outcome::Practised(Grade::Hard));
    assert_eq!(
        last.confirmation(),
        "Practised: Hard (no due date moved). u: undo the Hard practice grade."
    );
    assert_eq!(d.summary(later).reviewed, 1);
    let fx = d.handle(Event::Undo, later);
    assert!(matches!(
        fx.as_slice(),
        [Effect::Write(RecordBody::Undo { .. })]
    ));
    let out = store(&mut d, fx, later, &mut n);
    assert!(out.contains(&Effect::Notice("Undone: the Hard practice grade.".into())));
    assert_eq!(d.current(), Some(0));
}

#[test]
fn a_draft_answering_another_question_ticks_nothing_and_says_so_until_the_next_card() {
    // A built-in card: its words in the bank say what it is about.
    let release = SessionCard {
        key: CardKey::new("it-manager", "software-delivery-failed-release"),
        key_points: vec![KeyPoint {
            text: "Takes personal ownership and shows the result".into(),
            keywords: vec!["without losing any service".into()],
            ..Default::default()
        }],
        behavioral: true,
    };
    let (mut d, _) = Drill::start(vec![release, card("b")], t0());
    let budget = "In my second year the finance director told me the IT budget would be cut by \
        twelve per cent for the next financial year. I went through every contract and licence \
        line with the accountant, found forty unused software licences and two support \
        contracts for servers we had already retired, cancelled them at renewal and moved our \
        backup storage to a cheaper tier. We met the cut without losing any service and the \
        savings were confirmed in the quarterly budget review.";
    d.handle(
        Event::Reveal {
            draft: budget.into(),
        },
        t0(),
    );
    assert_eq!(d.checklist(), &[false]);
    let other = d
        .reads_like()
        .expect("names the question the draft reads like");
    assert!(other.card.starts_with("it-manager/budget"), "{other:?}");
    let mut n = 0;
    let fx = d.handle(Event::Grade(Grade::Good), t0());
    store(&mut d, fx, t0(), &mut n);
    assert_eq!(d.reads_like(), None, "the next card starts clean");
    let fx = d.handle(Event::Undo, t0());
    store(&mut d, fx, t0(), &mut n);
    assert!(
        d.reads_like().is_some(),
        "undo brings the revealed card back as it was"
    );
}

/// The revealed draft of a behavioural card has its STAR parts read, as the mock debrief reads
/// them; a card of another kind, an empty draft or a card not yet revealed has none, and an
/// undo that brings the revealed card back brings its reading back.
#[test]
fn a_behavioural_cards_revealed_draft_has_its_star_parts() {
    let story = SessionCard {
        behavioral: true,
        ..card("story")
    };
    let (mut d, _) = Drill::start(vec![story, card("plain")], t0());
    let mut n = 0;
    assert_eq!(d.star(), None, "nothing before the reveal");
    let draft = "At a regional bus company the depot wifi dropped every afternoon. I surveyed \
        the yard and moved four access points. Dropouts fell from forty a day to two.";
    let e = d.handle(
        Event::Reveal {
            draft: draft.into(),
        },
        t0(),
    );
    store(&mut d, e, t0(), &mut n);
    let star = d.star().expect("a behavioural card's draft is read");
    assert!(star.has(StarPart::Action), "{star:?}");
    assert!(star.has(StarPart::Result), "{star:?}");
    let e = d.handle(Event::Grade(Grade::Good), t0());
    store(&mut d, e, t0(), &mut n);
    // The next card is of another kind: no reading, draft or not.
    let e = d.handle(
        Event::Reveal {
            draft: draft.into(),
        },
        t0(),
    );
    store(&mut d, e, t0(), &mut n);
    assert_eq!(d.star(), None, "a card of another kind has none");
    // Undo the grade of the first card: it comes back revealed, with its reading.
    let e = d.handle(Event::Undo, t0());
    store(&mut d, e, t0(), &mut n);
    assert_eq!(d.current_card().map(|c| c.key.card.as_str()), Some("story"));
    assert!(d.star().is_some_and(|s| s.has(StarPart::Result)));
}

#[test]
fn an_empty_draft_has_no_star_reading() {
    let story = SessionCard {
        behavioral: true,
        ..card("story")
    };
    let (mut d, _) = Drill::start(vec![story], t0());
    let e = d.handle(
        Event::Reveal {
            draft: "   ".into(),
        },
        t0(),
    );
    let mut n = 0;
    store(&mut d, e, t0(), &mut n);
    assert_eq!(d.star(), None);
}
