//! The key-point matcher: does a typed answer cover a key point, and through which words?
//!
//! The one implementation used by drill checklists, mock-interview debriefs, `prepdeck answer`,
//! the `decks check` lint and the content tests. The rules (docs/deck-format.md explains them
//! to deck authors):
//!
//! - Words are runs of letters and digits, compared lowercased after Snowball English stemming
//!   (`rust-stemmers`), so "prioritise", "prioritised" and "prioritisation" are one word, and
//!   so are "policy" and "policies". American `-ize`/`-yze` spellings count as British
//!   `-ise`/`-yse` ("prioritize" is "prioritise").
//! - Typo tolerance: a typed word of 7 letters or more that is one edit (a letter added,
//!   dropped, changed, or two neighbours swapped) from a keyword word of 7 letters or more, with
//!   the same first letter, still matches ("managment"). Shorter words must be spelt right:
//!   one edit turns too many short words into others. Numbers must match exactly.
//! - A keyword of several words matches those words in order within one sentence, with at
//!   most [`GAP`] other words between two of them ("risks were tracked early" matches
//!   "risk early" only if `GAP` allows it).
//! - A key point is covered when one of its `keywords` matches, or when every term of one of
//!   its `together` groups matches in the same sentence; and then, if it has `require` terms,
//!   only when one of those matches too.
//! - A keyword whose words (stop words aside) all occur in the card's question never counts:
//!   repeating the question is not an answer. Likewise a `together` group whose terms all
//!   occur in the question. The parser records the question's words on each key point
//!   ([`KeyPoint::question`]).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::core::deck::KeyPoint;

/// Most other words allowed between two words of a multi-word keyword.
pub const GAP: usize = 1;

/// Shortest word (in letters) that typo tolerance applies to.
pub const TYPO_MIN_LEN: usize = 7;

/// Common English words that say nothing on their own: a keyword made only of these is
/// rejected by the lint, and they never decide whether a keyword is "in the question".
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
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
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "ll",
    "m",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "re",
    "s",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
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
    "until",
    "up",
    "us",
    "ve",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

fn stop_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

/// Whether a lowercased word is a stop word.
pub fn is_stop_word(lower: &str) -> bool {
    stop_words().contains(lower)
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stem of a lowercased word (American `-ize`/`-yze` forms made British first).
pub fn stem(lower: &str) -> String {
    // Texts repeat their words: a per-thread memo makes stemming a whole bank (the lint) cheap.
    thread_local! {
        static MEMO: std::cell::RefCell<std::collections::HashMap<String, String>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if let Some(s) = MEMO.with(|m| m.borrow().get(lower).cloned()) {
        return s;
    }
    let stemmed = stemmer().stem(&britishise(lower)).into_owned();
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(lower.to_string(), stemmed.clone());
    });
    stemmed
}

fn britishise(w: &str) -> String {
    for (us, uk) in [("iz", "is"), ("yz", "ys")] {
        for end in ["e", "es", "ed", "ing", "ation", "ations", "er", "ers"] {
            let suffix = format!("{us}{end}");
            if let Some(base) = w.strip_suffix(&suffix)
                && base.chars().count() >= 3
            {
                return format!("{base}{uk}{end}");
            }
        }
    }
    w.to_string()
}

/// Splits text into lowercase words (runs of letters and digits).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// The stems of a text's words that are not stop words (what "the question contains").
pub fn content_stems(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    words(text)
        .into_iter()
        .filter(|w| !is_stop_word(w))
        .map(|w| stem(&w))
        .filter(|s| seen.insert(s.clone()))
        .collect()
}

/// One word of a text or a keyword.
#[derive(Clone, Debug)]
struct Word {
    lower: String,
    stem: String,
    sentence: usize,
    range: Range<usize>,
}

fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_numeric())
}

/// Optimal string alignment distance, stopping early above 1 (only "at most one edit" is asked).
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    if a.is_empty() || b.is_empty() {
        return a.len() + b.len() <= 1;
    }
    a[1..] == b[1..]
        || a[1..] == *b
        || *a == b[1..]
        || (a.len() >= 2 && b.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..])
}

fn word_matches(kw: &Word, tw: &Word) -> bool {
    if kw.stem == tw.stem {
        return true;
    }
    // Snowball keeps the `s` of short words ending in a vowel ("kpis", "slas"): a plain plural
    // still counts.
    if tw
        .lower
        .strip_prefix(kw.lower.as_str())
        .is_some_and(|rest| matches!(rest, "s" | "es"))
    {
        return true;
    }
    // The byte-level checks first: this runs for every pair of words that differ, and most
    // pairs fail them (`decks check` spent half its time in `is_number` before).
    let lower = typo_possible(&kw.lower, &tw.lower);
    let stems = typo_possible(&kw.stem, &tw.stem);
    if !(lower || stems) || is_number(&kw.lower) || is_number(&tw.lower) {
        return false;
    }
    (lower && typo_close(&kw.lower, &tw.lower)) || (stems && typo_close(&kw.stem, &tw.stem))
}

/// Whether `a` and `b` may be one typo apart: both long enough, lengths close, the same first
/// byte.
fn typo_possible(a: &str, b: &str) -> bool {
    a.len() >= TYPO_MIN_LEN
        && b.len() >= TYPO_MIN_LEN
        && a.len().abs_diff(b.len()) <= 4
        && a.as_bytes()[0] == b.as_bytes()[0]
}

/// One edit apart, both long enough and with the same first letter.
fn typo_close(a: &str, b: &str) -> bool {
    if !typo_possible(a, b) {
        return false;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    a.len() >= TYPO_MIN_LEN && b.len() >= TYPO_MIN_LEN && within_one_edit(&a, &b)
}

fn split_words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Word>, range: Range<usize>, sentence: usize| {
        let lower = text[range.clone()].to_lowercase();
        out.push(Word {
            stem: stem(&lower),
            lower,
            sentence,
            range,
        });
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut out, s..i, sentence);
        }
        if matches!(c, '.' | '!' | '?' | ';' | '\n') {
            sentence += 1;
        }
    }
    if let Some(s) = start {
        push(&mut out, s..text.len(), sentence);
    }
    out
}

/// A keyword prepared for matching.
#[derive(Clone, Debug)]
pub struct Term {
    words: Vec<Word>,
    hyphenated: bool,
}

impl Term {
    pub fn new(keyword: &str) -> Self {
        Term {
            words: split_words(keyword),
            hyphenated: keyword
                .split_whitespace()
                .any(|w| w.trim_matches('-').contains('-')),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The stems of the term's words that are not stop words (all of them if all are).
    pub fn content_stems(&self) -> Vec<&str> {
        let content: Vec<&str> = self
            .words
            .iter()
            .filter(|w| !is_stop_word(&w.lower))
            .map(|w| w.stem.as_str())
            .collect();
        if content.is_empty() {
            self.words.iter().map(|w| w.stem.as_str()).collect()
        } else {
            content
        }
    }

    /// Whether all of the term's content words are among `stems` (e.g. the question's).
    pub fn within(&self, stems: &[String]) -> bool {
        !self.is_empty()
            && self
                .content_stems()
                .iter()
                .all(|s| stems.iter().any(|q| q == s))
    }

    /// Whether the term holds only stop words. A hyphenated compound ("must-have",
    /// "at-will") is one word of its own, not its parts.
    pub fn only_stop_words(&self) -> bool {
        self.words.iter().all(|w| is_stop_word(&w.lower)) && !self.hyphenated
    }
}

/// A key point's terms, stemmed once, with those the question contains left out.
#[derive(Clone, Debug)]
pub struct PreparedPoint {
    keywords: Vec<Term>,
    together: Vec<Vec<Term>>,
    require: Option<Vec<Term>>,
}

impl PreparedPoint {
    pub fn new(point: &KeyPoint) -> Self {
        let in_question = |t: &Term| t.within(&point.question);
        PreparedPoint {
            keywords: point
                .keywords
                .iter()
                .map(|k| Term::new(k))
                .filter(|t| !t.is_empty() && !in_question(t))
                .collect(),
            together: point
                .together
                .iter()
                .map(|g| g.iter().map(|k| Term::new(k)).collect::<Vec<Term>>())
                .filter(|g| !g.is_empty() && !g.iter().all(in_question))
                .collect(),
            require: (!point.require.is_empty())
                .then(|| point.require.iter().map(|k| Term::new(k)).collect()),
        }
    }
}

/// A text prepared for matching many keywords against it.
#[derive(Clone, Debug, Default)]
pub struct MatchText {
    text: String,
    words: Vec<Word>,
}

impl MatchText {
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            words: split_words(text),
        }
    }

    /// The text's words, lowercased.
    pub fn words(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.lower.as_str()).collect()
    }

    /// The word indexes where `term` first occurs within the words `scope`.
    fn find_in(&self, term: &Term, scope: Range<usize>) -> Option<Vec<usize>> {
        let first = term.words.first()?;
        'start: for i in scope.clone() {
            if !word_matches(first, &self.words[i]) {
                continue;
            }
            let mut at = vec![i];
            let mut prev = i;
            for kw in &term.words[1..] {
                let end = (prev + 2 + GAP).min(scope.end);
                let next = (prev + 1..end).find(|&j| {
                    self.words[j].sentence == self.words[i].sentence
                        && word_matches(kw, &self.words[j])
                });
                match next {
                    Some(j) => {
                        at.push(j);
                        prev = j;
                    }
                    None => continue 'start,
                }
            }
            return Some(at);
        }
        None
    }

    /// The word index range of the first occurrence of `keyword`, if any.
    pub fn find(&self, keyword: &str) -> Option<Range<usize>> {
        let at = self.find_in(&Term::new(keyword), 0..self.words.len())?;
        Some(at[0]..at[at.len() - 1] + 1)
    }

    pub fn contains(&self, keyword: &str) -> bool {
        self.find(keyword).is_some()
    }

    fn typed(&self, at: &[usize]) -> String {
        at.iter()
            .map(|&i| &self.text[self.words[i].range.clone()])
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn sentence_scopes(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, w) in self.words.iter().enumerate() {
            match out.last_mut() {
                Some(r) if self.words[r.start].sentence == w.sentence => r.end = i + 1,
                _ => out.push(i..i + 1),
            }
        }
        out
    }

    /// The words of this text that make `point` count (as typed, one entry per keyword or
    /// term matched), or `None` when it does not count. See the module doc for the rule.
    pub fn check(&self, point: &KeyPoint) -> Option<Vec<String>> {
        self.check_prepared(&PreparedPoint::new(point))
    }

    /// [`MatchText::check`] with the point's terms prepared once (for many texts).
    pub fn check_prepared(&self, point: &PreparedPoint) -> Option<Vec<String>> {
        let all = 0..self.words.len();
        let mut matched: Option<Vec<String>> = point
            .keywords
            .iter()
            .find_map(|t| self.find_in(t, all.clone()))
            .map(|at| vec![self.typed(&at)]);
        if matched.is_none() && !point.together.is_empty() {
            let scopes = self.sentence_scopes();
            matched = point.together.iter().find_map(|terms| {
                scopes.iter().find_map(|scope| {
                    terms
                        .iter()
                        .map(|t| self.find_in(t, scope.clone()).map(|at| self.typed(&at)))
                        .collect::<Option<Vec<String>>>()
                })
            });
        }
        let mut matched = matched?;
        if let Some(require) = &point.require {
            let gate = require.iter().find_map(|t| self.find_in(t, all.clone()))?;
            let typed = self.typed(&gate);
            if !matched.contains(&typed) {
                matched.push(typed);
            }
        }
        Some(matched)
    }

    /// Whether the text covers the key point.
    pub fn covers(&self, point: &KeyPoint) -> bool {
        self.check(point).is_some()
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
            ..KeyPoint::default()
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
            ("prioritisation matters", "prioritise", true),
            ("we prioritized it", "prioritise", true),
            ("mitigation plans", "mitigate", true),
            ("delegation", "delegate", true),
            ("we managed it", "manage", true),
            ("new policies", "policy", true),
            ("I escalated", "escalate", true),
            ("patching weekly", "patch", true),
            ("the boxes", "box", true),
            ("kpis", "KPI", true),
            ("restrategy", "strategy", false),
            ("CI/CD pipeline", "ci/cd", true),
            ("CI CD", "ci/cd", true),
            ("the 3-2-1 rule", "3-2-1", true),
            ("3 2 1", "3-2-1", true),
            ("the 3-2-2 rule", "3-2-1", false),
            ("anything", "", false),
            ("", "kpi", false),
            ("ÉTÉ stuff", "été", true),
            // Typos on long words only.
            ("good managment", "management", true),
            ("a stakehodler", "stakeholder", true),
            ("a tset", "test", false),
            ("a rsik", "risk", false),
            // Gaps and sentences.
            ("risks raised early", "risk early", true),
            ("risks were raised very early", "risk early", false),
            ("the risk. Early on", "risk early", false),
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
    fn together_groups_count_only_in_one_sentence() {
        let p = KeyPoint {
            together: vec![vec!["sponsor".into(), "first".into()]],
            ..point(&[])
        };
        let t = MatchText::new("I told the sponsor first, before anyone.");
        assert_eq!(t.check(&p), Some(vec!["sponsor".into(), "first".into()]));
        assert!(!MatchText::new("First I met the team. The sponsor came later.").covers(&p));
        assert!(!MatchText::new("I involved the sponsor").covers(&p));
    }

    #[test]
    fn require_gates_a_point() {
        let p = KeyPoint {
            require: vec!["pilot".into(), "trial".into()],
            ..point(&["risk"])
        };
        assert!(!MatchText::new("Risks were tracked").covers(&p));
        assert_eq!(
            MatchText::new("A pilot cut the risk").check(&p),
            Some(vec!["risk".into(), "pilot".into()])
        );
    }

    #[test]
    fn keywords_the_question_contains_never_count() {
        let p = KeyPoint {
            question: content_stems("How do you track risk on a project?"),
            ..point(&["risk", "risk register"])
        };
        assert!(!MatchText::new("I track risk").covers(&p));
        assert!(MatchText::new("a risk register").covers(&p));
    }

    #[test]
    fn matched_words_are_as_typed() {
        let t = MatchText::new("We kept a Risk-Register, updated weekly");
        assert_eq!(
            t.check(&point(&["risk register"])),
            Some(vec!["Risk Register".into()])
        );
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
            let p = KeyPoint {
                together: vec![vec![kw.clone(), text.clone()]],
                require: vec![kw.clone()],
                ..point(&[kw.as_str()])
            };
            let _ = MatchText::new(&text).check(&p);
        }
    }
}
