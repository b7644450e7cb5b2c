use std::cell::Cell;
use std::rc::Rc;

use chrono::TimeZone;

use super::*;
use crate::core::deck::{DeckSource, parse_deck};
use crate::core::record::Record;
use crate::core::schedule::SchedulerConfig;
use crate::fixtures::{FixtureSpec, deck_toml};
use crate::study::{Journal, LogStudy, StudyError};

/// Fails every append while `fail` is set.
struct Flaky(Rc<Cell<bool>>, Vec<(RecordBody, DateTime<Utc>)>);

impl Journal for Flaky {
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        if self.0.get() {
            return Err(crate::store::error::StoreError::Io {
                path: "state.jsonl".into(),
                action: "save to",
                source: std::io::Error::other("the disk is full"),
            }
            .into());
        }
        Journal::append(&mut self.1, body, now)
    }

    fn read_back(&self) -> Result<Vec<Record>, StudyError> {
        self.1.read_back()
    }
}

fn drill(input: &[u8], fail: bool) -> (PlainDrillOutcome, String) {
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    let spec = FixtureSpec::new(2, 0, now);
    let deck = parse_deck(&deck_toml(&spec), DeckSource::Builtin("b.toml".into())).unwrap();
    let journal = Flaky(Rc::new(Cell::new(fail)), Vec::new());
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    let mut study = LogStudy::new(journal, vec![], SchedulerConfig::default(), utc);
    let mut out = Vec::new();
    let outcome = run_plain_drill(
        input,
        &mut out,
        &|| now,
        &[deck],
        &mut study,
        &DrillFilter::default(),
    )
    .unwrap();
    (outcome, String::from_utf8(out).unwrap())
}

#[test]
fn grades_storage_refused_are_counted_and_said_after_the_summary() {
    // Each grade fails; the card is skipped after it.
    let (outcome, out) = drill(b"\n3\ns\n\n3\ns\n", true);
    assert_eq!(outcome.not_recorded, 2, "{out}");
    let summary = out.find("Session over").unwrap();
    let said = out.find("2 grade(s) could not be recorded").unwrap();
    assert!(said > summary, "{out}");
    let (outcome, out) = drill(b"\n3\n\n3\n", false);
    assert_eq!(outcome.not_recorded, 0, "{out}");
    assert!(!out.contains("could not be recorded"));
}

#[test]
fn undo_at_the_grade_prompt_names_the_card_it_brings_back() {
    // Bury card 1 from its answer, reveal card 2, then `/undo` (as at the question
    // prompt) twice.
    let (_, out) = drill(b"\nb\n\n/undo\n/undo\nq\n", false);
    assert!(out.contains("Undone: the bury."), "{out}");
    assert!(out.contains("Nothing to undo in this session."), "{out}");
    // The undo shows the card it went back to (card 1 again); "nothing to undo" does not.
    assert_eq!(out.matches("Card 1 of 2").count(), 2, "{out}");
    assert_eq!(out.matches("Card 2 of 2").count(), 1, "{out}");
}

#[test]
fn u_at_the_next_question_undoes_the_grade_it_was_offered_for() {
    // Grade card 1, then `u` (as its confirmation offers) at card 2's question.
    let (outcome, out) = drill(b"\n3\nu\n4\n/quit\n", false);
    assert!(out.contains("(u: undo"), "{out}");
    assert!(out.contains("Undone: the Good grade"), "{out}");
    assert!(!out.contains("your draft covers"), "{out}");
    // Card 1 is back and graded again; `u` in a longer draft stays text.
    assert_eq!(out.matches("Card 1 of 2").count(), 2, "{out}");
    assert_eq!(outcome.summary.reviewed, 1, "{out}");
    let (_, out) = drill(b"\n3\nfirst line\nu\n\n4\nq\n", false);
    assert!(!out.contains("Undone"), "{out}");
}

#[test]
fn non_utf8_input_is_read_lossily() {
    let (outcome, out) = drill(b"caf\xe9 draft\n\n3\nq\n", false);
    assert_eq!(outcome.summary.reviewed, 1, "{out}");
}
