//! A card's key points read from its `[[card.key_point]]` tables: the text, and the terms
//! that count as covering the point (`keywords`, `together` groups, `require`), each problem
//! located.

use toml::de::DeValue;

use super::{Table, Walker};
use crate::core::deck::KeyPoint;
use crate::core::deck::fields::get;

const KEY_POINT_KEYS: &[&str] = &["text", "keywords", "together", "require"];

impl Walker<'_> {
    /// The card's `[[card.key_point]]` tables: `text`, and what counts as covering the point:
    /// `keywords` (any one), `together` (groups of terms that count only in one sentence) and
    /// `require` (terms of which one must occur too). A point needs at least one keyword or
    /// group; old decks (only `keywords`) read as before.
    pub(super) fn key_points(&mut self, t: &Table<'_>, question: &str) -> Vec<KeyPoint> {
        let Some(v) = get(t, "key_point") else {
            return Vec::new();
        };
        let items = match v.get_ref() {
            DeValue::Array(items) => self.array_tables(items, "key_point", "[[card.key_point]]"),
            other => {
                self.type_error(
                    v.span(),
                    "key_point",
                    "an array of tables ([[card.key_point]])",
                    other,
                );
                return Vec::new();
            }
        };
        let question = crate::core::matcher::content_stems(question);
        let mut out = Vec::new();
        for (kp, span) in items {
            self.unknown_keys(kp, KEY_POINT_KEYS, "in [[card.key_point]]");
            let text = self.req_text(kp, "text", &span, "[[card.key_point]]");
            let keywords = self.terms(kp, "keywords");
            let together = self.groups(kp);
            let require = self.terms(kp, "require");
            if get(kp, "keywords").is_none() && get(kp, "together").is_none() {
                self.error(
                    self.header_span(&span),
                    "key point without `keywords`",
                    Some(
                        "add `keywords = [\"...\"]` with at least one word a candidate would \
                         type (or `together = [[\"...\", \"...\"]]`)"
                            .into(),
                    ),
                );
            }
            if let (Some(text), Some(keywords), Some(together), Some(require)) =
                (text, keywords, together, require)
            {
                out.push(KeyPoint {
                    text,
                    keywords,
                    together,
                    require,
                    question: question.clone(),
                    line: self.line_of(span.start),
                });
            }
        }
        out
    }

    /// An optional list of terms (`keywords`, `require`): `None` after reporting a problem.
    fn terms(&mut self, kp: &Table<'_>, key: &str) -> Option<Vec<String>> {
        let Some(kv) = get(kp, key) else {
            return Some(Vec::new());
        };
        let words = self.strings(kv, key);
        if !matches!(kv.get_ref(), DeValue::Array(_)) {
            return None;
        }
        if words.is_empty() {
            self.error(
                kv.span(),
                format!("`{key}` is empty"),
                Some(format!("add at least one term, or leave `{key}` out")),
            );
            return None;
        }
        if words.iter().any(|w| w.trim().is_empty()) {
            let what = if key == "keywords" { "keyword" } else { "term" };
            self.error(
                kv.span(),
                format!("`{key}` holds a blank {what}"),
                Some("every term needs at least one letter or digit".into()),
            );
            return None;
        }
        Some(words)
    }

    /// `together = [["a", "b"], ...]`: each group two or more terms.
    fn groups(&mut self, kp: &Table<'_>) -> Option<Vec<Vec<String>>> {
        let Some(v) = get(kp, "together") else {
            return Some(Vec::new());
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(
                v.span(),
                "together",
                "an array of arrays of strings, e.g. [[\"risk\", \"early\"]]",
                v.get_ref(),
            );
            return None;
        };
        if items.iter().next().is_none() {
            self.error(
                v.span(),
                "`together` is empty",
                Some("add a group such as [\"risk\", \"early\"], or leave `together` out".into()),
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            let group = self.strings(item, "together");
            if !matches!(item.get_ref(), DeValue::Array(_)) {
                ok = false;
            } else if group.len() < 2 {
                self.error(
                    item.span(),
                    "a `together` group needs at least two terms",
                    Some("a single term belongs in `keywords`".into()),
                );
                ok = false;
            } else if group.iter().any(|w| w.trim().is_empty()) {
                self.error(
                    item.span(),
                    "`together` holds a blank term",
                    Some("every term needs at least one letter or digit".into()),
                );
                ok = false;
            }
            out.push(group);
        }
        ok.then_some(out)
    }
}
