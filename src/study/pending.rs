//! Records a session made that storage has not made durable yet, written first, in order, at
//! the next write. The one durability rule for records the session does not wait for (a mock
//! interview's answers): when a write fails, queue the record, say so, and try again at the
//! next step; never leave the session while any is queued unless the user discards them.

use chrono::{DateTime, Utc};

use super::port::{Study, StudyError};
use crate::core::record::RecordBody;

/// The queue of records not saved yet.
#[derive(Debug, Default)]
pub struct Pending {
    records: Vec<RecordBody>,
}

impl Pending {
    /// Queues `body` after any earlier record that failed and writes them all, in order.
    /// `Err` when one still fails: it stays queued with every record after it.
    pub fn record(
        &mut self,
        study: &mut dyn Study,
        body: RecordBody,
        now: DateTime<Utc>,
    ) -> Result<(), StudyError> {
        self.records.push(body);
        self.flush(study, now)
    }

    /// Writes the queued records, in order; stops at the first that fails.
    pub fn flush(&mut self, study: &mut dyn Study, now: DateTime<Utc>) -> Result<(), StudyError> {
        while let Some(first) = self.records.first() {
            study.append(first.clone(), now)?;
            self.records.remove(0);
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Throws the queued records away (the user confirmed it); returns how many there were.
    pub fn discard(&mut self) -> usize {
        std::mem::take(&mut self.records).len()
    }
}
