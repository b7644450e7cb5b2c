//! Where records go: the state log in the binary, a list in tests. Every front end (the app,
//! the line-mode drill and interview) writes through this one trait.

use chrono::{DateTime, Utc};

use super::port::StudyError;
use crate::core::record::{Record, RecordBody};
use crate::store::log::{FileStamp, LogPrefix, StateLog};

/// Where records go: the state log in the binary, memory in tests.
pub trait Journal {
    /// Makes a new record durable and returns it.
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError>;
    /// Every record so far, in the order they were made durable.
    fn read_back(&self) -> Result<Vec<Record>, StudyError>;
    /// The records `keep` accepts, in the order of [`Journal::read_back`]; each of them has
    /// `needle` in its line as prepdeck writes it (a card's or a record's id in quotes), which
    /// lets a long log be searched without holding every record in memory.
    fn read_back_where(
        &self,
        needle: &str,
        keep: &dyn Fn(&Record) -> bool,
    ) -> Result<Vec<Record>, StudyError> {
        let _ = needle;
        Ok(self.read_back()?.into_iter().filter(|r| keep(r)).collect())
    }
    /// What the journal holds, for the progress cache; `None` when it cannot vouch for it.
    fn prefix(&self) -> Option<LogPrefix> {
        None
    }
    /// See [`super::Study::warm_up`].
    fn warm_up(&self) {}
    /// The file's stamp when it is settled and holds exactly what the journal does (see
    /// [`StateLog::settled_stamp`]): what the home snapshot is recognised by.
    fn settled_stamp(&self) -> Option<FileStamp> {
        None
    }
}

impl Journal for StateLog {
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        Ok(StateLog::append(self, body, now)?)
    }

    fn read_back(&self) -> Result<Vec<Record>, StudyError> {
        Ok(StateLog::read_back(self)?)
    }

    fn read_back_where(
        &self,
        needle: &str,
        keep: &dyn Fn(&Record) -> bool,
    ) -> Result<Vec<Record>, StudyError> {
        Ok(StateLog::read_back_where(self, needle, keep)?)
    }

    fn prefix(&self) -> Option<LogPrefix> {
        StateLog::prefix(self)
    }

    fn warm_up(&self) {
        StateLog::warm_up(self);
    }

    fn settled_stamp(&self) -> Option<FileStamp> {
        StateLog::settled_stamp(self)
    }
}

/// The state log read without its lock, for read-only commands (statistics): refuses every
/// append; reads the file back as it is now.
pub struct ReadOnlyLog {
    path: std::path::PathBuf,
    /// The file's records once [`Journal::read_back_where`] needed them: read at most once
    /// (without the lock another program may be appending, so the lines cannot be checked
    /// against a known number of records as [`StateLog::read_back_where`] does).
    read: std::sync::OnceLock<Vec<Record>>,
}

impl ReadOnlyLog {
    pub fn new(path: std::path::PathBuf) -> ReadOnlyLog {
        ReadOnlyLog {
            path,
            read: std::sync::OnceLock::new(),
        }
    }
}

impl Journal for ReadOnlyLog {
    fn append(&mut self, _: RecordBody, _: DateTime<Utc>) -> Result<Record, StudyError> {
        Err(StudyError::ReadOnly(self.path.clone()))
    }

    fn read_back(&self) -> Result<Vec<Record>, StudyError> {
        crate::store::log::read(&self.path)
            .map(|r| r.records)
            .map_err(StudyError::from)
    }

    fn read_back_where(
        &self,
        _needle: &str,
        keep: &dyn Fn(&Record) -> bool,
    ) -> Result<Vec<Record>, StudyError> {
        let records = match self.read.get() {
            Some(records) => records,
            None => {
                let records = self.read_back()?;
                self.read.get_or_init(|| records)
            }
        };
        Ok(records.iter().filter(|r| keep(r)).cloned().collect())
    }
}

/// Records kept in memory (tests); ids are `mem-1`, `mem-2`, ...
#[cfg(test)]
impl Journal for Vec<(RecordBody, DateTime<Utc>)> {
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        self.push((body.clone(), now));
        Ok(memory_record(self.len(), body, now))
    }

    fn read_back(&self) -> Result<Vec<Record>, StudyError> {
        Ok(self
            .iter()
            .enumerate()
            .map(|(i, (body, at))| memory_record(i + 1, body.clone(), *at))
            .collect())
    }
}

/// The `n`th record kept in memory.
#[cfg(test)]
fn memory_record(n: usize, body: RecordBody, at: DateTime<Utc>) -> Record {
    Record::new(
        crate::core::ids::RecordId::new(format!("mem-{n}")),
        at,
        body,
    )
}
