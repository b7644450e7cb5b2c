//! Days to an interview, in words (`target show`, `target plan`).

/// "today", "tomorrow", "in 9 days", "past (archived)".
pub(crate) fn countdown(days: i64) -> String {
    match days {
        d if d < 0 => "past (archived)".into(),
        0 => "today".into(),
        1 => "tomorrow".into(),
        d => format!("in {d} days"),
    }
}
