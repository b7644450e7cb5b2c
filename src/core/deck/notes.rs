//! Reading a card's optional coaching and provenance fields (`outline`, `own_story`,
//! `manager_angle`, `jurisdiction`, `checked`), each problem reported at its own place.

use toml::Spanned;
use toml::de::DeValue;

use super::fields::get;
use super::model::CardNotes;
use super::parse::{Table, Walker};

/// The most bullets an `outline` may have: it is something to say aloud, not a second answer.
pub(super) const MAX_OUTLINE: usize = 8;

impl Walker<'_> {
    pub(super) fn card_notes(&mut self, t: &Table<'_>) -> CardNotes {
        CardNotes {
            outline: self.outline(t),
            own_story: self.non_blank(t, "own_story"),
            manager_angle: self.non_blank(t, "manager_angle"),
            jurisdiction: self.non_blank(t, "jurisdiction"),
            checked: get(t, "checked").and_then(|v| self.checked(v)),
        }
    }

    fn outline(&mut self, t: &Table<'_>) -> Vec<String> {
        let Some(v) = get(t, "outline") else {
            return Vec::new();
        };
        let items = self.strings(v, "outline");
        if matches!(v.get_ref(), DeValue::Array(a) if a.is_empty()) {
            self.error(
                v.span(),
                "`outline` is empty",
                Some("list the answer's steps, e.g. [\"Situation\", \"What I did\"], or remove the key".into()),
            );
        } else if items.len() > MAX_OUTLINE {
            self.error(
                v.span(),
                format!(
                    "`outline` has {} bullets, more than {MAX_OUTLINE}",
                    items.len()
                ),
                Some("an outline is what you say aloud: five short bullets are plenty".into()),
            );
        }
        if items.iter().any(|s| s.trim().is_empty()) {
            self.error(
                v.span(),
                "`outline` holds a blank bullet",
                Some("every bullet needs some words".into()),
            );
        }
        items
    }

    /// An optional string that must not be blank.
    fn non_blank(&mut self, t: &Table<'_>, key: &str) -> Option<String> {
        let v = get(t, key)?;
        let s = self.string(v, key)?;
        if s.trim().is_empty() {
            self.error(
                v.span(),
                format!("`{key}` is blank"),
                Some(format!("write the {key} or remove the key")),
            );
            return None;
        }
        Some(s)
    }

    fn checked(&mut self, v: &Spanned<DeValue<'_>>) -> Option<String> {
        let s = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(_) => {
                self.error(
                    v.span(),
                    "`checked` must be a quoted string",
                    Some("write the date in quotes, e.g. checked = \"2026-12\"".into()),
                );
                return None;
            }
            other => {
                self.type_error(v.span(), "checked", "a string", other);
                return None;
            }
        };
        if valid_checked(&s) {
            return Some(s);
        }
        self.error(
            v.span(),
            format!("`checked` \"{s}\" is not a date"),
            Some(
                "expected \"YYYY-MM\" or \"YYYY-MM-DD\", e.g. \"2026-12\" or \"2026-12-05\"".into(),
            ),
        );
        None
    }
}

/// `YYYY-MM` or `YYYY-MM-DD`, a real month (and day) of a year from 1900 to 2999.
pub(super) fn valid_checked(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month)) = (
        parts.first().and_then(|p| num(p, 4)),
        parts.get(1).and_then(|p| num(p, 2)),
    ) else {
        return false;
    };
    if !(1900..3000).contains(&year) || !(1..=12).contains(&month) {
        return false;
    }
    match parts.as_slice() {
        [_, _] => true,
        [_, _, d] => num(d, 2)
            .is_some_and(|day| chrono::NaiveDate::from_ymd_opt(year as i32, month, day).is_some()),
        _ => false,
    }
}
