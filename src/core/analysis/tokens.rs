//! Words of an answer with their byte ranges, and the counts built on them: word count,
//! ownership ("I" vs "we") and the most-used words.
//!
//! A word is a run of letters and digits; an apostrophe between two letters stays inside the
//! word, so "I'm" and "don't" are one word each (the matcher splits them, which is right for
//! keywords but wrong for counting words).

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

/// One word of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word, lowercased, with a typographic apostrophe made plain.
    pub lower: String,
    /// Byte range in the original text.
    pub range: Range<usize>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into words with their byte ranges.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_alnum = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let inside = c.is_alphanumeric() || (is_apostrophe(c) && prev_alnum && next_alnum);
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(token(text, s..i));
                start = None;
            }
            _ => {}
        }
        prev_alnum = c.is_alphanumeric();
    }
    if let Some(s) = start {
        out.push(token(text, s..text.len()));
    }
    out
}

fn token(text: &str, range: Range<usize>) -> Token {
    let lower = text[range.clone()].to_lowercase().replace('\u{2019}', "'");
    Token { lower, range }
}

/// How much the candidate speaks of themselves versus of the team.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ownership {
    /// "I", "me", "my", "mine", "myself" and the contractions "I'm", "I've", "I'd", "I'll".
    pub i: usize,
    /// "we", "us", "our", "ours", "ourselves" and "we're", "we've", "we'd", "we'll".
    pub we: usize,
}

impl Ownership {
    pub fn count(tokens: &[Token]) -> Self {
        let mut o = Ownership::default();
        for t in tokens {
            match t.lower.as_str() {
                "i" | "me" | "my" | "mine" | "myself" | "i'm" | "i've" | "i'd" | "i'll" => o.i += 1,
                "we" | "us" | "our" | "ours" | "ourselves" | "we're" | "we've" | "we'd"
                | "we'll" => o.we += 1,
                _ => {}
            }
        }
        o
    }

    /// The share of "I" among all first-person words (0.0 = all "we", 1.0 = all "I"), or `None`
    /// when there are none. Interviewers want to hear what *you* did: a low share on a
    /// behavioral answer is worth a hint.
    pub fn i_share(&self) -> Option<f64> {
        let total = self.i + self.we;
        (total > 0).then(|| self.i as f64 / total as f64)
    }
}

/// Words too common to say anything about an answer.
pub(super) const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don't",
    "down",
    "each",
    "even",
    "few",
    "for",
    "from",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "just",
    "like",
    "me",
    "more",
    "most",
    "my",
    "no",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "really",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "up",
    "us",
    "very",
    "was",
    "we",
    "we're",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    // Fillers are reported on their own; they must not crowd the top words too.
    "um",
    "uh",
    "er",
    "erm",
    "hmm",
    "basically",
    "actually",
    "literally",
    "know",
    "think",
    "guess",
    "kind",
    "sort",
    "mean",
    "maybe",
    "probably",
];

/// How many of the most-used words [`top_words`] returns.
pub const TOP_WORDS: usize = 5;

/// The most-used words, stop words, numbers and one-letter words left out: at most
/// [`TOP_WORDS`], most frequent first, ties in order of first use.
pub fn top_words(tokens: &[Token]) -> Vec<(String, usize)> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (pos, t) in tokens.iter().enumerate() {
        let w = t.lower.as_str();
        if w.chars().count() < 2 || w.chars().all(|c| c.is_numeric()) || STOP_WORDS.contains(&w) {
            continue;
        }
        counts.entry(w).or_insert((0, pos)).0 += 1;
    }
    let mut v: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    v.into_iter()
        .take(TOP_WORDS)
        .map(|(w, (n, _))| (w.to_string(), n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        assert_eq!(
            words("I'm sure we’ve 'won'"),
            ["i'm", "sure", "we've", "won"]
        );
        assert_eq!(words("CI/CD, 3-2-1!"), ["ci", "cd", "3", "2", "1"]);
        assert_eq!(words(""), Vec::<String>::new());
    }

    #[test]
    fn ranges_point_into_the_text() {
        let text = "Über  café’s x";
        for t in tokenize(text) {
            assert_eq!(
                text[t.range.clone()].to_lowercase().replace('’', "'"),
                t.lower
            );
        }
    }

    #[test]
    fn ownership_counts_and_share() {
        let o = Ownership::count(&tokenize(
            "I led it; my team and I shipped, we're proud of us",
        ));
        assert_eq!(o, Ownership { i: 3, we: 2 });
        assert_eq!(o.i_share(), Some(0.6));
        assert_eq!(Ownership::default().i_share(), None);
    }

    #[test]
    fn top_words_skip_stop_words_and_break_ties_by_first_use() {
        let t =
            tokenize("The budget, the budget and the forecast: forecast, budget, 2024, people, x");
        assert_eq!(
            top_words(&t),
            vec![
                ("budget".into(), 3),
                ("forecast".into(), 2),
                ("people".into(), 1)
            ]
        );
    }

    proptest! {
        #[test]
        fn tokens_are_valid_slices(s in any::<String>()) {
            for t in tokenize(&s) {
                prop_assert!(s.get(t.range.clone()).is_some());
                prop_assert!(!t.lower.is_empty());
            }
        }
    }
}
