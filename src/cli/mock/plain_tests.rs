//! The line-mode interview driven by a script of timed lines and a fake clock: no test waits.

use crate::core::record::RecordBody;
use std::cell::Cell;
use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use chrono::{DateTime, TimeDelta, Utc};

use super::*;
use crate::core::deck::{KeyPoint, Kind};
use crate::core::grade::Grade;
use crate::core::ids::{CardKey, CategoryId};
use crate::core::record::{Review, ReviewMode};
use crate::core::schedule::SchedulerConfig;
use crate::core::session::MockAnswered;
use crate::study::LogStudy;

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
        + TimeDelta::milliseconds(ms)
}

/// Input lines, each typed at a moment: reading a line moves the shared clock to its moment.
struct Script {
    lines: VecDeque<(i64, Vec<u8>)>,
    cur: Vec<u8>,
    pos: usize,
    now: Rc<Cell<DateTime<Utc>>>,
}

impl Script {
    fn new(lines: &[(i64, &str)]) -> (Self, Rc<Cell<DateTime<Utc>>>) {
        let now = Rc::new(Cell::new(at(0)));
        let script = Script {
            lines: lines
                .iter()
                .map(|(ms, l)| (*ms, format!("{l}\n").into_bytes()))
                .collect(),
            cur: Vec::new(),
            pos: 0,
            now: now.clone(),
        };
        (script, now)
    }
}

impl Read for Script {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Script {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.cur.len() {
            match self.lines.pop_front() {
                Some((ms, line)) => {
                    self.now.set(at(ms));
                    self.cur = line;
                    self.pos = 0;
                }
                None => return Ok(&[]),
            }
        }
        Ok(&self.cur[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
    }
}

fn question(id: &str, seconds: u32, follow_up: Option<&str>, points: &[&str]) -> MockQuestion {
    MockQuestion {
        key: CardKey::new("d", id),
        category: CategoryId::new("budget"),
        category_title: "Budgeting".into(),
        kind: Kind::Behavioral,
        question: format!("Tell me about {id}.\u{1b}[31m"),
        guidance: None,
        model_answer: format!("The model answer for {id}."),
        answer_time: std::time::Duration::from_secs(u64::from(seconds)),
        follow_up: follow_up.map(str::to_string),
        key_points: points
            .iter()
            .map(|k| KeyPoint {
                text: format!("Mentions {k}"),
                keywords: vec![k.to_string()],
                ..Default::default()
            })
            .collect(),
    }
}

fn setup(prep: u32, timing: Timing, mode: AnswerMode) -> MockSetup {
    MockSetup {
        prep_seconds: prep,
        timing,
        mode,
        follow_up_seconds: 30,
        ..MockSetup::default()
    }
}

type Records = Vec<(RecordBody, DateTime<Utc>)>;

fn run(
    s: MockSetup,
    qs: Vec<MockQuestion>,
    lines: &[(i64, &str)],
) -> (String, Records, PlainOutcome) {
    let (input, now) = Script::new(lines);
    let clock = move || now.get();
    let mut out = Vec::new();
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    let mut study = LogStudy::new(Records::new(), vec![], SchedulerConfig::default(), utc);
    let outcome = super::super::run_plain(input, &mut out, &clock, s, qs, &mut study).unwrap();
    (
        String::from_utf8(out).unwrap(),
        study.journal().clone(),
        outcome,
    )
}

fn answered(records: &Records) -> Vec<(MockAnswered, DateTime<Utc>)> {
    records
        .iter()
        .filter_map(|(b, t)| match b {
            RecordBody::MockAnswered(a) => Some((a.as_ref().clone(), *t)),
            _ => None,
        })
        .collect()
}

fn reviews(records: &Records) -> Vec<Review> {
    records
        .iter()
        .filter_map(|(b, _)| match b {
            RecordBody::Review(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn two_typed_questions_one_on_time_with_follow_up_one_cut_at_the_limit() {
    let qs = vec![
        question("q1", 60, Some("Why that way?"), &["actuals", "forecast"]),
        question("q2", 30, None, &["incidents"]),
    ];
    let (out, records, outcome) = run(
        setup(20, Timing::Strict, AnswerMode::Typed),
        qs,
        &[
            (5_000, ""), // ready: the answer clock starts at 5 s
            (20_000, "I compare actuals with the forecast"),
            (25_000, "every month."),
            (30_000, "."),
            (40_000, "Because we hit our targets."),
            (45_000, "."),
            (50_000, ""), // question 2: answer from 50 s, limit 30 s
            (60_000, "At my last job I led the fix."),
            (95_000, "As a result incidents fell."), // after the limit: not kept
            (96_000, ""),                            // grade 1: accept the suggestion
            (97_000, "2"),                           // grade 2: Hard
        ],
    );
    assert!(
        out.contains("Question 1 of 2\nCategory: Budgeting\nTell me about q1.\n"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "escape sequences are stripped");
    assert!(out.contains("Prep time: 20s."), "{out}");
    assert!(out.contains("Answer time: 1m 00s."), "{out}");
    assert!(out.contains("\n> "), "prompts end in `> `");
    assert!(out.contains("Answered in 25s of 1m 00s."), "{out}");
    assert!(
        out.contains("Follow-up: Why that way?\nAnswer time: 30s."),
        "{out}"
    );
    assert!(out.contains("Follow-up answered in 15s of 30s."), "{out}");
    assert!(
        out.contains(
            "Time is up: the answer was cut at the 30s limit; the line finished after the limit was not kept."
        ),
        "{out}"
    );
    assert!(out.contains("The interview is over."), "{out}");

    let a = answered(&records);
    assert_eq!(a.len(), 2);
    assert_eq!(
        a[0].0.answer,
        "I compare actuals with the forecast\nevery month."
    );
    assert_eq!(a[0].0.answer_ms, 25_000);
    assert_eq!(
        a[0].0.follow_up_answer, None,
        "the follow-up's answer comes apart"
    );
    assert_eq!(a[0].0.coverage, vec![true, true]);
    assert_eq!(
        a[0].1,
        at(30_000),
        "written when the main answer is submitted"
    );
    let RecordBody::MockFollowUp(f) = &records[2].0 else {
        panic!("{records:?}")
    };
    assert_eq!(
        records[2].1,
        at(45_000),
        "written when the follow-up is done"
    );
    let joined = a[0].0.join(f).unwrap();
    assert_eq!(
        joined.follow_up_answer.as_deref(),
        Some("Because we hit our targets.")
    );
    assert_eq!(joined.follow_up_ms, Some(15_000));
    assert_eq!(a[1].0.answer, "At my last job I led the fix.");
    assert_eq!(a[1].0.answer_ms, 30_000, "capped at the limit");
    assert!(matches!(records[0].0, RecordBody::MockStarted(_)));
    assert!(
        matches!(&records[4].0, RecordBody::MockFinished(f) if f.completed),
        "{records:?}"
    );

    // Debrief: answer, time, key points, insights, model answer, suggested grade.
    assert!(
        out.contains("Your answer:\n    I compare actuals with the forecast\n    every month.\n")
    );
    assert!(out.contains("Time: 25s of 1m 00s."), "{out}");
    assert!(out.contains("2 of 2 key points covered (100%)."), "{out}");
    assert!(out.contains("  1. Covered: Mentions actuals"), "{out}");
    assert!(out.contains("0 of 1 key point covered (0%)."), "{out}");
    assert!(out.contains("  1. Missed: Mentions incidents"), "{out}");
    assert!(out.contains("Insights:\n  Words: 8\n"), "{out}");
    assert!(out.contains("STAR: found"), "{out}");
    assert!(
        out.contains("Model answer:\n    The model answer for q1.\n"),
        "{out}"
    );
    assert!(out.contains("Suggested grade: Easy."), "{out}");
    assert!(out.contains("Suggested grade: Again."), "{out}");
    let r = reviews(&records);
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].grade, r[0].mode), (Grade::Easy, ReviewMode::Mock));
    assert_eq!(r[1].grade, Grade::Hard);
    assert_eq!(r[1].card.as_str(), "q2");
    assert_eq!(outcome.graded, 2);
    assert_eq!(outcome.ending, Ending::Completed);

    // Summary.
    assert!(out.contains("\nSummary\nScore: "), "{out}");
    assert!(
        out.contains("Coverage by category:\n  Budgeting: 2 of 3 key points (67%) in 2 questions.")
    );
    assert!(
        // Question 2 was cut off by the strict clock: over time, not within.
        out.contains("Time discipline: 1 of 2 answers within time; 1 cut off by the clock."),
        "{out}"
    );
    assert!(
        out.contains("Strongest answer: question 1 (Budgeting)"),
        "{out}"
    );
    assert!(
        out.contains("Weakest answer: question 2 (Budgeting)"),
        "{out}"
    );
}

#[test]
fn soft_timing_reports_the_overtime() {
    let (out, records, _) = run(
        setup(0, Timing::Soft, AnswerMode::Typed),
        vec![question("q1", 60, None, &["budget"])],
        &[
            (50_000, "My budget plan."),
            (70_000, "And more."),
            (72_000, "."),
            (73_000, "good"),
        ],
    );
    assert!(
        out.contains("Answer time: 1m 00s. Type your answer"),
        "{out}"
    );
    assert!(out.contains("you are over time now"), "{out}");
    assert!(
        out.contains("Answered in 1m 12s of 1m 00s; 12s over."),
        "{out}"
    );
    let a = answered(&records);
    assert_eq!((a[0].0.answer_ms, a[0].0.overtime_ms), (72_000, 12_000));
    assert!(out.contains("Time: 1m 12s of 1m 00s; 12s over."), "{out}");
    assert_eq!(reviews(&records)[0].grade, Grade::Good);
}

#[test]
fn end_of_input_keeps_the_answers_so_far_and_quits_cleanly() {
    let (out, records, outcome) = run(
        setup(0, Timing::Strict, AnswerMode::Typed),
        vec![
            question("q1", 60, Some("And then?"), &[]),
            question("q2", 60, None, &[]),
        ],
        &[(10_000, "A first line without the final dot")],
    );
    assert!(out.contains("Input ended."), "{out}");
    assert!(out.contains("ended early: 1 of 2 questions done"), "{out}");
    let a = answered(&records);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].0.answer, "A first line without the final dot");
    assert_eq!(a[0].0.follow_up_answer, None);
    assert!(matches!(
        records.last().map(|r| &r.0),
        Some(RecordBody::MockFinished(f)) if !f.completed
    ));
    assert!(reviews(&records).is_empty(), "no grade without input");
    assert!(out.contains("Suggested grade: Good."), "{out}");
    assert_eq!(outcome.ending, Ending::QuitEarly);
    assert_eq!(outcome.reached, 1);
}

/// The end of input, or `/quit`, on the last question with lines typed: the lines are the
/// answer, and the interview ended early (not "completed").
#[test]
fn ending_on_the_last_question_with_lines_typed_is_ending_early() {
    for last in [None, Some("/quit")] {
        let mut lines = vec![
            (5_000, "A first answer."),
            (6_000, "."),
            (9_000, "Half of a second"),
        ];
        if let Some(q) = last {
            lines.push((10_000, q));
        }
        let (out, records, outcome) = run(
            setup(0, Timing::Strict, AnswerMode::Typed),
            vec![question("q1", 60, None, &[]), question("q2", 60, None, &[])],
            &lines,
        );
        let a = answered(&records);
        assert_eq!(a.len(), 2, "{out}");
        assert_eq!(a[1].0.answer, "Half of a second");
        assert!(
            out.contains("The interview ended early, on its last question"),
            "{out}"
        );
        assert!(matches!(
            records.iter().rev().find(|r| matches!(r.0, RecordBody::MockFinished(_))).map(|r| &r.0),
            Some(RecordBody::MockFinished(f)) if !f.completed
        ));
        assert_eq!(outcome.ending, Ending::QuitEarly);
    }
}

#[test]
fn skip_and_quit_commands() {
    let (out, records, _) = run(
        setup(0, Timing::Strict, AnswerMode::Typed),
        vec![question("q1", 60, None, &[]), question("q2", 60, None, &[])],
        &[(1_000, "/skip"), (2_000, "/quit")],
    );
    let a = answered(&records);
    assert_eq!(a.len(), 1);
    assert!(a[0].0.skipped);
    assert!(out.contains("Skipped."), "{out}");
    assert!(out.contains("ended early"), "{out}");
}

#[test]
fn spoken_answers_are_ticked_by_the_candidate() {
    let (out, records, _) = run(
        setup(0, Timing::Strict, AnswerMode::Spoken),
        vec![question("q1", 60, None, &["actuals", "forecast"])],
        &[(30_000, ""), (31_000, "9"), (32_000, "2"), (33_000, "")],
    );
    assert!(out.contains("Answer aloud now"), "{out}");
    assert!(out.contains("Key points:\n  1. Mentions actuals\n  2. Mentions forecast\n"));
    assert!(out.contains("Numbers from 1 to 2, please."), "{out}");
    assert!(out.contains("1 of 2 key points covered (50%)."), "{out}");
    assert!(out.contains("Suggested grade: Hard."), "{out}");
    assert_eq!(reviews(&records)[0].grade, Grade::Hard);
    let a = answered(&records);
    assert_eq!(a[0].0.answer_ms, 30_000);
    assert!(matches!(&records[0].0, RecordBody::MockStarted(_)));
}
