//! Records of the state log: one event each (a review, an undo, a suspension...).
//!
//! Pure data. The store writes them as JSON Lines; card state is derived by replaying them
//! (see [`crate::core::schedule`]). Nothing derived is ever stored in a record.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::grade::Grade;
use crate::core::ids::{CardId, DeckId, RecordId};
use crate::core::session::{
    MockAnswered, MockDebriefed, MockFinished, MockFollowUp, MockRecord, MockStarted,
};

pub use crate::core::millis::{millis, serialize_millis};

/// The newest record format this build writes and understands. A record with a larger `v` is
/// from a newer prepdeck: the file is then read-only for us.
///
/// Each record is written with the oldest format that reads it correctly
/// ([`RecordBody::format`]), so a log stays readable by older builds until it holds something
/// they would misread. Format 2: `mock_debriefed` records, and `mock_started` records of
/// interviews whose grades and ticks are in them (an older build would take a later review of
/// the same card for the interview's grade); `note`, `my_answer` and `drill_answer` records (an
/// older build would call them damage). Format 3: `practice` records (an older build would call
/// them damage). A `drill_answer` with `ticks_of` stays format 2: its answer is empty, and
/// builds that do not know the field skip empty drafts. Format 4: `mock_follow_up` records
/// (the follow-up's answer, written apart from the main answer's `mock_answered`, which
/// stays format 1: on its own it reads correctly everywhere, as an answer with no follow-up).
pub const RECORD_FORMAT: u32 = 4;

/// One line of the state log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Record format version.
    pub v: u32,
    /// Unique id: merging two logs is a union by id.
    pub id: RecordId,
    /// When it happened (UTC).
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub body: RecordBody,
}

/// What a record says happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RecordBody {
    /// The candidate graded a card.
    Review(Review),
    /// Takes back an earlier record (a review) by id.
    Undo {
        target: RecordId,
    },
    /// The card leaves every queue until unsuspended.
    Suspend {
        deck: DeckId,
        card: CardId,
    },
    Unsuspend {
        deck: DeckId,
        card: CardId,
    },
    /// The card is hidden until `until` (the next day's rollover).
    Bury {
        deck: DeckId,
        card: CardId,
        until: DateTime<Utc>,
    },
    /// A mock interview began (its setup and questions).
    MockStarted(Box<MockStarted>),
    /// One mock-interview question was answered or skipped (written as it happens; with a
    /// follow-up, when the main answer is submitted).
    MockAnswered(Box<MockAnswered>),
    /// The follow-up's answer to a question whose main answer is a `MockAnswered` record
    /// (format 4).
    MockFollowUp(Box<MockFollowUp>),
    /// A mock interview ended (completed or quit early).
    MockFinished(MockFinished),
    /// The candidate's note on a card (an empty text clears it). The latest one counts.
    Note(CardText),
    /// The candidate's own answer to a card (an empty text clears it). The latest one counts.
    MyAnswer(MyAnswer),
    /// What the candidate typed in a drill before revealing the answer (written at the reveal,
    /// so the draft is kept even when the card is then skipped or the session ends).
    DrillAnswer(Box<DrillAnswer>),
    /// The candidate's ticks and grade for one question of a mock interview (format 2).
    MockDebriefed(Box<MockDebriefed>),
    /// A card answered ahead of schedule as practice: kept for statistics, never scheduled
    /// (the card's due date does not move). Format 3.
    Practice(Practice),
}

/// A practice answer: a grade that does not reschedule the card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub deck: DeckId,
    pub card: CardId,
    pub grade: Grade,
    /// Time the candidate took, in milliseconds.
    pub took_ms: u64,
}

/// A text the candidate keeps on one card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardText {
    pub deck: DeckId,
    pub card: CardId,
    pub text: String,
}

/// The candidate's own answer to a card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyAnswer {
    pub deck: DeckId,
    pub card: CardId,
    pub text: String,
    /// The record of the attempt (drill answer or mock answer) it was promoted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<RecordId>,
}

/// A typed drill draft, as the reveal showed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DrillAnswer {
    pub deck: DeckId,
    pub card: CardId,
    pub answer: String,
    /// Per key point, whether the matcher found it in the draft (or, with `ticks_of`, whether
    /// the candidate left it ticked).
    #[serde(default)]
    pub coverage: Vec<bool>,
    /// When set, this record is no new attempt: it holds the key points as the candidate
    /// ticked them after revealing the `drill_answer` record with this id (its `answer` is
    /// empty; the latest such record counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticks_of: Option<RecordId>,
}

impl RecordBody {
    /// The record format this body is written with: the oldest that reads it correctly.
    pub fn format(&self) -> u32 {
        match self {
            RecordBody::MockStarted(_)
            | RecordBody::MockDebriefed(_)
            | RecordBody::Note(_)
            | RecordBody::MyAnswer(_)
            | RecordBody::DrillAnswer(_) => 2,
            RecordBody::Practice(_) => 3,
            RecordBody::MockFollowUp(_) => 4,
            _ => 1,
        }
    }

    /// Whether past mock interviews (their history, debriefs and statistics) need this
    /// record: the interviews' own records, the mock-mode reviews that carried their grades
    /// before format 2, and undos (which may take such a review back).
    pub fn is_mock_history(&self) -> bool {
        match self {
            RecordBody::MockStarted(_)
            | RecordBody::MockAnswered(_)
            | RecordBody::MockFollowUp(_)
            | RecordBody::MockFinished(_)
            | RecordBody::MockDebriefed(_)
            | RecordBody::Undo { .. } => true,
            RecordBody::Review(r) => r.mode == ReviewMode::Mock,
            RecordBody::Suspend { .. }
            | RecordBody::Unsuspend { .. }
            | RecordBody::Bury { .. }
            | RecordBody::Note(_)
            | RecordBody::MyAnswer(_)
            | RecordBody::DrillAnswer(_)
            | RecordBody::Practice(_) => false,
        }
    }
}

impl From<MockRecord> for RecordBody {
    fn from(r: MockRecord) -> Self {
        match r {
            MockRecord::MockStarted(m) => RecordBody::MockStarted(Box::new(m)),
            MockRecord::MockAnswered(m) => RecordBody::MockAnswered(Box::new(m)),
            MockRecord::MockFollowUp(m) => RecordBody::MockFollowUp(Box::new(m)),
            MockRecord::MockFinished(m) => RecordBody::MockFinished(m),
            MockRecord::MockDebriefed(m) => RecordBody::MockDebriefed(Box::new(m)),
        }
    }
}

/// A graded review of one card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub deck: DeckId,
    pub card: CardId,
    pub grade: Grade,
    /// Time the candidate took, in milliseconds.
    pub took_ms: u64,
    pub mode: ReviewMode,
}

/// Where a review was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewMode {
    Drill,
    Mock,
}

impl Record {
    /// A record of `body`, in the format it needs ([`RecordBody::format`]).
    pub fn new(id: RecordId, at: DateTime<Utc>, body: RecordBody) -> Self {
        Self {
            v: body.format(),
            id,
            at,
            body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_round_trips_as_one_flat_json_object() {
        let at = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Utc);
        let r = Record::new(
            RecordId::new("r1"),
            at,
            RecordBody::Review(Review {
                deck: DeckId::new("d"),
                card: CardId::new("c"),
                grade: Grade::Good,
                took_ms: 1500,
                mode: ReviewMode::Drill,
            }),
        );
        let line = serde_json::to_string(&r).unwrap();
        assert_eq!(
            line,
            r#"{"v":1,"id":"r1","at":"2026-01-02T03:04:05Z","type":"review","deck":"d","card":"c","grade":"good","took_ms":1500,"mode":"drill"}"#
        );
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn mock_records_are_flat_lines_of_their_own_type() {
        let at = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Utc);
        let body: RecordBody = MockRecord::MockFinished(MockFinished {
            interview: crate::core::ids::InterviewId::new("mock-1"),
            score: 72,
            completed: true,
        })
        .into();
        let r = Record::new(RecordId::new("r2"), at, body);
        let line = serde_json::to_string(&r).unwrap();
        assert_eq!(
            line,
            r#"{"v":1,"id":"r2","at":"2026-01-02T03:04:05Z","type":"mock_finished","interview":"mock-1","score":72,"completed":true}"#
        );
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), r);
    }

    #[test]
    fn own_material_records_are_format_2_and_round_trip() {
        let at = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Utc);
        let note = Record::new(
            RecordId::new("n1"),
            at,
            RecordBody::Note(CardText {
                deck: DeckId::new("d"),
                card: CardId::new("c"),
                text: "say the number".into(),
            }),
        );
        let line = serde_json::to_string(&note).unwrap();
        assert_eq!(
            line,
            r#"{"v":2,"id":"n1","at":"2026-01-02T03:04:05Z","type":"note","deck":"d","card":"c","text":"say the number"}"#
        );
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), note);
        let mine = Record::new(
            RecordId::new("a1"),
            at,
            RecordBody::MyAnswer(MyAnswer {
                deck: DeckId::new("d"),
                card: CardId::new("c"),
                text: "mine".into(),
                from: None,
            }),
        );
        let line = serde_json::to_string(&mine).unwrap();
        assert!(
            line.contains(r#""type":"my_answer""#) && !line.contains("from"),
            "{line}"
        );
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), mine);
        let draft = r#"{"v":2,"id":"x","at":"2026-01-02T03:04:05Z","type":"drill_answer","deck":"d","card":"c","answer":"a"}"#;
        let RecordBody::DrillAnswer(d) = serde_json::from_str::<Record>(draft).unwrap().body else {
            panic!("not a drill answer")
        };
        assert!(d.coverage.is_empty());
        // The older types keep format 1, so an older prepdeck still reads a log of them.
        assert_eq!(
            Record::new(
                RecordId::new("u"),
                at,
                RecordBody::Undo {
                    target: RecordId::new("r")
                }
            )
            .v,
            1
        );
    }

    /// A follow-up recorded apart from its main answer is a format-4 line of its own type (an
    /// older prepdeck refuses the file instead of calling it damage); the main answer's
    /// `mock_answered` stays format 1.
    #[test]
    fn a_follow_up_is_a_format_4_line_and_its_main_answer_format_1() {
        use crate::core::ids::{CardKey, InterviewId};
        let at = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Utc);
        let main = MockAnswered {
            interview: InterviewId::new("mock-1"),
            index: 0,
            card: CardKey::new("d", "c"),
            answer: "main".into(),
            follow_up_answer: None,
            answer_ms: 9_000,
            overtime_ms: 0,
            follow_up_ms: None,
            follow_up_overtime_ms: 0,
            paused_ms: 0,
            skipped: false,
            coverage: vec![false],
            grade: Some(Grade::Again),
        };
        let whole = MockAnswered {
            follow_up_answer: Some("then".into()),
            follow_up_ms: Some(3_000),
            coverage: vec![true],
            grade: Some(Grade::Good),
            ..main.clone()
        };
        let f = MockFollowUp::of(&whole);
        assert_eq!(main.join(&f), Some(whole));
        let r = Record::new(RecordId::new("f"), at, MockRecord::MockFollowUp(f).into());
        let line = serde_json::to_string(&r).unwrap();
        assert_eq!(
            line,
            r#"{"v":4,"id":"f","at":"2026-01-02T03:04:05Z","type":"mock_follow_up","interview":"mock-1","index":0,"card":{"deck":"d","card":"c"},"follow_up_answer":"then","follow_up_ms":3000,"follow_up_overtime_ms":0,"paused_ms":0,"coverage":[true],"grade":"good"}"#
        );
        assert!(!line.contains("main"), "the main answer is not repeated");
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), r);
        assert!(r.body.is_mock_history());
        let main = Record::new(
            RecordId::new("a"),
            at,
            MockRecord::MockAnswered(main).into(),
        );
        assert_eq!(main.v, 1);
        assert_eq!(RECORD_FORMAT, 4);
    }

    #[test]
    fn unknown_type_is_an_error() {
        let line = r#"{"v":1,"id":"x","at":"2026-01-02T03:04:05Z","type":"teleport"}"#;
        assert!(serde_json::from_str::<Record>(line).is_err());
    }
}
