//! Times as the commands print them.

use chrono::{DateTime, Local, SecondsFormat, Utc};

/// Local date and time, to the minute.
pub(crate) fn local_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// UTC, to the millisecond (JSON and reports).
pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}
