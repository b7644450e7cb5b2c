//! A target as the user gives it: a name, a job description, an interview date and notes, and
//! the checks on each (pure: the caller passes the bytes it read and `now`).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// The largest job description accepted. Real postings are 2 to 20 KB; this leaves room for a
/// long one pasted with its page's clutter, and refuses a log file or a binary.
pub const MAX_JOB_BYTES: usize = 256 * 1024;
/// Names are file names: short, lower-case, safe everywhere.
pub const MAX_NAME_CHARS: usize = 40;
/// The time of day assumed for an interview given as a date only.
pub const DEFAULT_HOUR: u32 = 9;

/// Why a target cannot be made as given. Each message says what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TargetInputError {
    #[error(
        "bad target name `{0}`: use 1 to {MAX_NAME_CHARS} lower-case letters, digits and \
         hyphens, starting with a letter or digit (e.g. acme-it-manager)"
    )]
    BadName(String),
    #[error("the job description is empty; give the text of the posting (a file, or - for stdin)")]
    EmptyJob,
    #[error(
        "the job description is {0} bytes; the limit is {MAX_JOB_BYTES} (256 KB). Save only \
         the posting's text and try again"
    )]
    JobTooLarge(usize),
    #[error(
        "the job description is not text (it looks like a binary file); give a plain-text file"
    )]
    BinaryJob,
    #[error(
        "bad date `{0}`: use YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2026-03-14T10:30"
    )]
    BadDate(String),
    #[error("the interview date `{0}` is in the past; give the date of an interview to come")]
    PastDate(String),
}

/// A target's name: `[a-z0-9][a-z0-9-]*`, at most [`MAX_NAME_CHARS`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TargetName(String);

impl TargetName {
    pub fn parse(s: &str) -> Result<TargetName, TargetInputError> {
        let ok = !s.is_empty()
            && s.chars().count() <= MAX_NAME_CHARS
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-');
        if ok {
            Ok(TargetName(s.to_string()))
        } else {
            Err(TargetInputError::BadName(crate::core::text::quoted(s)))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TargetName {
    type Error = TargetInputError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        TargetName::parse(&s)
    }
}

impl From<TargetName> for String {
    fn from(n: TargetName) -> String {
        n.0
    }
}

impl std::fmt::Display for TargetName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The interview's local date and, when known, time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct InterviewDate {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl InterviewDate {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a space instead of `T` is accepted too).
    pub fn parse(s: &str) -> Result<InterviewDate, TargetInputError> {
        let t = s.trim();
        if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Ok(InterviewDate { date, time: None });
        }
        for f in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
            if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
                return Ok(InterviewDate {
                    date: dt.date(),
                    time: Some(dt.time()),
                });
            }
        }
        Err(TargetInputError::BadDate(crate::core::text::quoted(s)))
    }

    /// The instant of the interview in the local time `offset` (a date alone: 09:00).
    pub fn at(&self, offset: FixedOffset) -> DateTime<Utc> {
        let time = self.time.unwrap_or_else(|| {
            NaiveTime::from_hms_opt(DEFAULT_HOUR, 0, 0).unwrap_or(NaiveTime::MIN)
        });
        let local = self.date.and_time(time);
        local
            .and_local_timezone(offset)
            .single()
            .map_or_else(|| local.and_utc(), |t| t.to_utc())
    }

    /// Refuses a date already over: a date alone before today, a time before `now`.
    pub fn check_future(
        &self,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<(), TargetInputError> {
        let today = now.with_timezone(&offset).date_naive();
        let past = match self.time {
            None => self.date < today,
            Some(_) => self.at(offset) < now,
        };
        if past {
            Err(TargetInputError::PastDate(self.to_string()))
        } else {
            Ok(())
        }
    }

    /// Over: the interview day has ended (local time), so the target is archived.
    pub fn is_past(&self, now: DateTime<Utc>, offset: FixedOffset) -> bool {
        now.with_timezone(&offset).date_naive() > self.date
    }

    /// Whole local days from `now`'s day to the interview day (0 on the day, negative after).
    pub fn days_left(&self, now: DateTime<Utc>, offset: FixedOffset) -> i64 {
        (self.date - now.with_timezone(&offset).date_naive()).num_days()
    }

    /// The instant the interview is taken to be, for forecasts: its time, else [`DEFAULT_HOUR`].
    pub fn instant(&self, offset: FixedOffset) -> DateTime<Utc> {
        self.at(offset)
    }
}

impl std::fmt::Display for InterviewDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.time {
            None => write!(f, "{}", self.date.format("%Y-%m-%d")),
            Some(t) => write!(f, "{}T{}", self.date.format("%Y-%m-%d"), t.format("%H:%M")),
        }
    }
}

/// Checks the bytes of a job description and returns its text: UTF-8 (a byte-order mark is
/// dropped, Windows line endings become `\n`), not binary, not empty, at most
/// [`MAX_JOB_BYTES`].
pub fn check_job_text(bytes: &[u8]) -> Result<String, TargetInputError> {
    if bytes.len() > MAX_JOB_BYTES {
        return Err(TargetInputError::JobTooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(TargetInputError::BinaryJob);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| TargetInputError::BinaryJob)?;
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    // A stray escape or form feed is fine (it is stripped on output); a file full of them is
    // not a posting.
    if controls * 20 > text.chars().count().max(1) {
        return Err(TargetInputError::BinaryJob);
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err(TargetInputError::EmptyJob);
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Limits on a target's daily plan (`None`: the defaults).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLimits {
    /// New target cards per day at most.
    pub new_per_day: Option<u32>,
    /// Reviews of target cards per day at most.
    pub reviews_per_day: Option<u32>,
}

/// A target: what the user gave, as kept in the data folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub name: TargetName,
    pub company: Option<String>,
    pub role: Option<String>,
    pub date: Option<InterviewDate>,
    /// Free notes: interviewers, logistics, questions to ask them.
    pub notes: Option<String>,
    pub created: DateTime<Utc>,
    pub limits: PlanLimits,
    /// The job description as given.
    pub job: String,
}

impl Target {
    /// Archived: the interview day is over.
    pub fn is_past(&self, now: DateTime<Utc>, offset: FixedOffset) -> bool {
        self.date.is_some_and(|d| d.is_past(now, offset))
    }
}

/// Days to an interview in words: "today", "tomorrow", "in 9 days", "past (archived)".
pub fn countdown(days: i64) -> String {
    match days {
        d if d < 0 => "past (archived)".into(),
        0 => "today".into(),
        1 => "tomorrow".into(),
        d => format!("in {d} days"),
    }
}

/// Upcoming targets (soonest first), undated ones, then past ones (latest first); by name
/// within each.
pub fn sort_targets(targets: &mut [Target], now: DateTime<Utc>, offset: FixedOffset) {
    targets.sort_by_key(|t| {
        let at = t.date.map(|d| d.at(offset).timestamp());
        match at {
            _ if t.is_past(now, offset) => (2, -at.unwrap_or(0), t.name.clone()),
            Some(at) => (0, at, t.name.clone()),
            None => (1, 0, t.name.clone()),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn names_are_safe_file_names() {
        for ok in ["acme", "acme-it-2", "9lives"] {
            assert!(TargetName::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["", "Acme", "a b", "../x", "-x", "a/b", "é", &"x".repeat(41)] {
            assert!(TargetName::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_parse_with_or_without_a_time() {
        let d = InterviewDate::parse("2026-03-14").unwrap();
        assert_eq!(d.time, None);
        assert_eq!(d.to_string(), "2026-03-14");
        let t = InterviewDate::parse("2026-03-14T10:30").unwrap();
        assert_eq!(t.to_string(), "2026-03-14T10:30");
        assert!(InterviewDate::parse("14/03/2026").is_err());
        assert!(InterviewDate::parse("2026-02-30").is_err());
    }

    #[test]
    fn past_dates_are_refused_but_today_is_fine() {
        let offset = FixedOffset::east_opt(3600).unwrap();
        let now = utc("2026-03-14T12:00:00Z"); // 13:00 local
        let today = InterviewDate::parse("2026-03-14").unwrap();
        assert!(today.check_future(now, offset).is_ok());
        assert!(!today.is_past(now, offset));
        assert_eq!(today.days_left(now, offset), 0);
        let earlier = InterviewDate::parse("2026-03-14T12:30").unwrap();
        assert!(earlier.check_future(now, offset).is_err());
        let yesterday = InterviewDate::parse("2026-03-13").unwrap();
        assert!(matches!(
            yesterday.check_future(now, offset),
            Err(TargetInputError::PastDate(_))
        ));
        assert!(yesterday.is_past(now, offset));
        assert_eq!(
            InterviewDate::parse("2026-03-20")
                .unwrap()
                .days_left(now, offset),
            6
        );
    }

    #[test]
    fn job_text_checks() {
        assert_eq!(check_job_text(b""), Err(TargetInputError::EmptyJob));
        assert_eq!(
            check_job_text(b" \n\t- \n"),
            Err(TargetInputError::EmptyJob)
        );
        assert_eq!(check_job_text(b"ab\0cd"), Err(TargetInputError::BinaryJob));
        assert_eq!(
            check_job_text(&[0xff, 0xfe, 0x41]),
            Err(TargetInputError::BinaryJob)
        );
        assert_eq!(
            check_job_text(&vec![b'a'; MAX_JOB_BYTES + 1]),
            Err(TargetInputError::JobTooLarge(MAX_JOB_BYTES + 1))
        );
        assert_eq!(
            check_job_text(b"\xef\xbb\xbfRun IT\r\n").unwrap(),
            "Run IT\n"
        );
        assert!(
            check_job_text("Lead the team and run the service desk \u{1b}[31m".as_bytes()).is_ok()
        );
    }
}
