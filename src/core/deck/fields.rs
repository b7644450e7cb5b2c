//! Reading typed fields from the spanned TOML tree: each reader reports its own problem
//! (missing, wrong type, blank, out of range, unknown key) at the right place and goes on.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::parse::{Table, Walker};

impl Walker<'_> {
    pub(crate) fn unknown_keys(&mut self, t: &Table<'_>, allowed: &[&str], place: &str) {
        for (k, _) in t.iter() {
            let key = k.get_ref().as_ref();
            if allowed.contains(&key) {
                continue;
            }
            let help = match closest(key, allowed) {
                Some(near) => format!(
                    "did you mean `{near}`? expected one of: {}",
                    allowed.join(", ")
                ),
                None => format!("expected one of: {}", allowed.join(", ")),
            };
            self.error(k.span(), format!("unknown key `{key}` {place}"), Some(help));
        }
    }

    pub(crate) fn type_error(
        &mut self,
        span: Range<usize>,
        key: &str,
        expected: &str,
        found: &DeValue<'_>,
    ) {
        self.error(
            span,
            format!("`{key}` must be {expected}, found {}", found.type_str()),
            None,
        );
    }

    pub(crate) fn missing(&mut self, span: &Range<usize>, key: &str, place: &str) {
        self.error(
            self.header_span(span),
            format!("missing `{key}` in {place}"),
            Some(format!("add `{key} = ...` to this table")),
        );
    }

    pub(crate) fn string(&mut self, v: &Spanned<DeValue<'_>>, key: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                self.type_error(v.span(), key, "a string", other);
                None
            }
        }
    }

    pub(crate) fn opt_string(&mut self, t: &Table<'_>, key: &str) -> Option<String> {
        get(t, key).and_then(|v| self.string(v, key))
    }

    /// A required string field with its value, or `None` after reporting it missing or mistyped.
    pub(crate) fn required_string<'t, 'i>(
        &mut self,
        t: &'t Table<'i>,
        key: &str,
        span: &Range<usize>,
        place: &str,
    ) -> Option<(&'t Spanned<DeValue<'i>>, String)> {
        let Some(v) = get(t, key) else {
            self.missing(span, key, place);
            return None;
        };
        let s = self.string(v, key)?;
        Some((v, s))
    }

    /// A required string that must not be blank.
    pub(crate) fn req_text(
        &mut self,
        t: &Table<'_>,
        key: &str,
        span: &Range<usize>,
        place: &str,
    ) -> Option<String> {
        let (v, s) = self.required_string(t, key, span, place)?;
        if s.trim().is_empty() {
            self.error(
                v.span(),
                format!("`{key}` is blank"),
                Some(format!("write the {key}")),
            );
            return None;
        }
        Some(s)
    }

    /// A required id: `[a-z0-9-]+`.
    pub(crate) fn req_id(
        &mut self,
        t: &Table<'_>,
        key: &str,
        span: &Range<usize>,
        place: &str,
    ) -> Option<String> {
        let (v, s) = self.required_string(t, key, span, place)?;
        if s.is_empty()
            || !s
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            self.error(
                v.span(),
                format!("`{key}` \"{s}\" is not a valid id"),
                Some(
                    "ids use only lowercase letters a-z, digits and `-`, e.g. \"budget-capex\""
                        .into(),
                ),
            );
            return None;
        }
        Some(s)
    }

    pub(crate) fn int(&mut self, v: &Spanned<DeValue<'_>>, key: &str) -> Option<i64> {
        match v.get_ref() {
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(i.as_str(), i.radix()).ok();
                if n.is_none() {
                    self.error(v.span(), format!("`{key}` is too large a number"), None);
                }
                n
            }
            other => {
                self.type_error(v.span(), key, "an integer", other);
                None
            }
        }
    }

    pub(crate) fn opt_range(&mut self, t: &Table<'_>, key: &str, range: Range<i64>) -> Option<i64> {
        let v = get(t, key)?;
        let n = self.int(v, key)?;
        if !range.contains(&n) {
            self.error(
                v.span(),
                format!("`{key}` is {n}, out of range"),
                Some(format!(
                    "expected a whole number from {} to {}",
                    range.start,
                    range.end - 1
                )),
            );
            return None;
        }
        Some(n)
    }

    pub(crate) fn strings(&mut self, v: &Spanned<DeValue<'_>>, key: &str) -> Vec<String> {
        match v.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| self.string(item, key))
                .collect(),
            other => {
                self.type_error(v.span(), key, "an array of strings", other);
                Vec::new()
            }
        }
    }

    pub(crate) fn opt_strings(&mut self, t: &Table<'_>, key: &str) -> Vec<String> {
        get(t, key)
            .map(|v| self.strings(v, key))
            .unwrap_or_default()
    }
}

pub(crate) fn get<'t, 'i>(t: &'t Table<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    t.iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

/// The allowed key nearest to a misspelt one, if it is close enough to be a typo.
fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let len = key.chars().count();
    allowed
        .iter()
        // The distance is at least the difference in length: most keys need no full count.
        .filter(|a| len.abs_diff(a.chars().count()) <= 2.max(a.len() / 4))
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

/// Levenshtein distance (used on short strings: keys and tags).
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
