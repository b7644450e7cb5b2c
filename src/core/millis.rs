//! Durations as whole milliseconds: how the state log's records keep times (`took_ms`,
//! `answer_ms`, `paused_ms`...) and how JSON output shows them. A leaf: the program works with
//! `Duration`, and converts only here, at those two edges.

use std::time::Duration;

/// A duration as the records hold it: whole milliseconds.
pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// A duration in JSON output as whole milliseconds (`#[serde(serialize_with = ..)]` on a
/// `Duration` field named `..._ms`): how the reports have always shown times.
pub fn serialize_millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(millis(*d))
}
