//! The keyword matcher: does a typed answer cover a key point?
//!
//! The one implementation used by drill checklists, mock-interview debriefs and content tests.
//! Rule (deck format v1): a keyword matches case-insensitively on word boundaries; a keyword of
//! several words matches those words in order, separated by any whitespace or punctuation; a
//! trailing ending on the text's word still matches. Words are runs of letters and digits, so
//! "CI/CD" is the words `ci cd` and "3-2-1" is `3 2 1`.
//!
//! Endings accepted: `s`, `es`, `ed`, `ing` (the format's rule), plus `d` after a keyword ending
//! in `e` ("manage" -> "managed"), `ing` replacing a final `e` ("prioritise" -> "prioritising")
//! and `ies`/`ied` replacing a final `y` ("policy" -> "policies"), so that British and American
//! inflections a candidate types are not missed.

use crate::core::deck::KeyPoint;

/// Splits text into lowercase words (runs of letters and digits).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Whether the text's word `tw` is the keyword word `kw`, possibly with an ending.
fn word_matches(kw: &str, tw: &str) -> bool {
    if tw == kw {
        return true;
    }
    if let Some(rest) = tw.strip_prefix(kw)
        && matches!(rest, "s" | "es" | "ed" | "ing")
    {
        return true;
    }
    if let Some(stem) = kw.strip_suffix('e')
        && (tw == format!("{kw}d") || tw == format!("{stem}ing"))
    {
        return true;
    }
    if let Some(stem) = kw.strip_suffix('y')
        && (tw == format!("{stem}ies") || tw == format!("{stem}ied"))
    {
        return true;
    }
    false
}

/// A text prepared for matching many keywords against it.
#[derive(Clone, Debug, Default)]
pub struct MatchText {
    words: Vec<String>,
}

impl MatchText {
    pub fn new(text: &str) -> Self {
        Self { words: words(text) }
    }

    /// The text's words, lowercased.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The word index range of the first occurrence of `keyword`, if any.
    pub fn find(&self, keyword: &str) -> Option<std::ops::Range<usize>> {
        let kws = words(keyword);
        if kws.is_empty() || kws.len() > self.words.len() {
            return None;
        }
        (0..=self.words.len() - kws.len())
            .find(|&i| {
                kws.iter()
                    .zip(&self.words[i..])
                    .all(|(k, t)| word_matches(k, t))
            })
            .map(|i| i..i + kws.len())
    }

    pub fn contains(&self, keyword: &str) -> bool {
        self.find(keyword).is_some()
    }

    /// Whether any keyword of the key point occurs in the text.
    pub fn covers(&self, point: &KeyPoint) -> bool {
        point.keywords.iter().any(|k| self.contains(k))
    }
}

/// Whether `keyword` occurs in `text` by the matching rule.
pub fn contains_keyword(text: &str, keyword: &str) -> bool {
    MatchText::new(text).contains(keyword)
}

/// For each key point, whether the text covers it.
pub fn coverage(text: &str, points: &[KeyPoint]) -> Vec<bool> {
    let t = MatchText::new(text);
    points.iter().map(|p| t.covers(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn point(keywords: &[&str]) -> KeyPoint {
        KeyPoint {
            text: "p".into(),
            keywords: keywords.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn matching_table() {
        let cases: &[(&str, &str, bool)] = &[
            ("We cut the MTTR by half", "mttr", true),
            ("mean time to repair fell", "mean time to repair", true),
            ("mean-time-to-repair fell", "mean time to repair", true),
            ("mean time, to repair", "mean time to repair", true),
            ("time to mean repair", "mean time to repair", false),
            ("Our KPIs improved", "kpi", true),
            ("the budgets were tight", "budget", true),
            ("I prioritised the backlog", "prioritise", true),
            ("prioritising is hard", "prioritise", true),
            ("we managed it", "manage", true),
            ("new policies", "policy", true),
            ("I escalated", "escalate", true),
            ("patching weekly", "patch", true),
            ("the boxes", "box", true),
            ("kpis", "KPI", true),
            ("strategic", "strategy", false),
            ("restrategy", "strategy", false),
            ("budgetary", "budget", false),
            ("CI/CD pipeline", "ci/cd", true),
            ("CI CD", "ci/cd", true),
            ("the 3-2-1 rule", "3-2-1", true),
            ("3 2 1", "3-2-1", true),
            ("anything", "", false),
            ("", "kpi", false),
            ("ÉTÉ stuff", "été", true),
        ];
        for (text, kw, want) in cases {
            assert_eq!(contains_keyword(text, kw), *want, "{kw:?} in {text:?}");
        }
    }

    #[test]
    fn coverage_per_point() {
        let pts = [
            point(&["root cause", "rca"]),
            point(&["post-mortem", "review"]),
        ];
        assert_eq!(
            coverage("We did an RCA the next day", &pts),
            vec![true, false]
        );
        assert_eq!(coverage("", &pts), vec![false, false]);
    }

    #[test]
    fn find_reports_word_positions() {
        let t = MatchText::new("a b mean time to repair c");
        assert_eq!(t.find("mean time to repair"), Some(2..6));
    }

    proptest! {
        #[test]
        fn a_text_contains_each_of_its_own_words(s in "[a-z]{1,8}( [a-z]{1,8}){0,6}") {
            let t = MatchText::new(&s);
            for w in s.split(' ') {
                prop_assert!(t.contains(w));
            }
            prop_assert!(t.contains(&s));
        }

        #[test]
        fn never_panics(text in any::<String>(), kw in any::<String>()) {
            let _ = contains_keyword(&text, &kw);
        }
    }
}
