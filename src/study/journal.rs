//! Where records go: the state log in the binary, a list in tests. Every front end (the app,
//! the line-mode drill and interview) writes through this one trait.

use chrono::{DateTime, Utc};

use super::port::StudyError;
use crate::core::ids::RecordId;
use crate::core::record::{Record, RecordBody};
use crate::store::log::StateLog;

/// Where records go: the state log in the binary, memory in tests.
pub trait Journal {
    /// Makes a new record durable and returns it.
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError>;
}

impl Journal for StateLog {
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        StateLog::append(self, body, now).map_err(|e| StudyError(e.to_string()))
    }
}

/// Records kept in memory (tests and dry runs); ids are `mem-1`, `mem-2`, ...
impl Journal for Vec<(RecordBody, DateTime<Utc>)> {
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        self.push((body.clone(), now));
        Ok(Record::new(
            RecordId::new(format!("mem-{}", self.len())),
            now,
            body,
        ))
    }
}
