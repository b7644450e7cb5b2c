//! A text prepared for matching: its words, which of them are negated, and where a term
//! occurs in it.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use super::stemming::is_negator;
use super::term::Term;
use super::verbs::is_irregular_participle;
use super::word::{Word, split_words, word_matches};
use super::{GAP, index};
use crate::core::fast_hash::FastMap;
use crate::core::figures;

/// A text prepared for matching many keywords against it.
#[derive(Clone, Debug, Default)]
pub struct MatchText {
    pub(super) text: String,
    pub(super) words: Vec<Word>,
    /// Per word: whether a negator ([`NEGATORS`]) comes up to [`NEGATION_REACH`] words
    /// before it in its sentence, so "we never ran a pilot" does not count as a pilot.
    ///
    /// [`NEGATORS`]: super::NEGATORS
    pub(super) negated: Vec<bool>,
    /// Where each keyword word can occur, built on the first search.
    pub(super) index: OnceLock<index::WordIndex>,
    /// [`MatchText::found`]'s answers, by the word's key (and the word, to tell a collision).
    pub(super) found: Memo<Found>,
    /// [`MatchText::starts`]' answers, the same way.
    pub(super) starts: Memo<[usize]>,
    /// How much a key point's keyword needs to count ([`Evidence`]).
    pub(super) evidence: Evidence,
    /// Whether the text says too little for two words in one sentence to make a point
    /// ([`MatchText::keywords_only`]).
    pub(super) keywords_only: bool,
}

/// How much a text must say for one keyword of a key point to count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Evidence {
    /// One keyword is enough (a generic one aside, which always needs support).
    #[default]
    Keyword,
    /// A keyword that names one thing ([`Term::names_one_thing`]: "jenkins", "self-service")
    /// needs support in its sentence, as a generic one does: another of the point's terms or
    /// a specific word of its text. For an answer that says nothing specific, where naming a
    /// point's topic is not making the point (`analysis::Substance` decides).
    Supported,
}

/// Answers remembered per word of a key point or keyword: by the word's key, with the word
/// itself to tell two words of one key apart.
type Memo<T> = RefCell<FastMap<u64, (String, Rc<T>)>>;

/// Where one word of a key point's text occurs in a text: the positions of the same word, and
/// each of its thesaurus alternatives' [`MatchText::occurrences`] (in the thesaurus's order).
#[derive(Debug)]
pub(super) struct Found {
    pub(super) direct: Vec<usize>,
    pub(super) through: Vec<Vec<Vec<usize>>>,
}

impl Found {
    pub(super) fn is_empty(&self) -> bool {
        self.direct.is_empty() && self.through.iter().all(Vec::is_empty)
    }
}

/// How many words before a term a negator turns it round.
pub const NEGATION_REACH: usize = 3;

fn negations(words: &[Word]) -> Vec<bool> {
    let negates: Vec<bool> = (0..words.len()).map(|j| negates_at(words, j)).collect();
    (0..words.len())
        .map(|i| {
            (i.saturating_sub(NEGATION_REACH)..i)
                .any(|j| words[j].sentence == words[i].sentence && negates[j])
        })
        .collect()
}

/// Whether the word at `j` turns round what follows it: a negator ([`NEGATORS`]), except where
/// it adds rather than denies ("not just the price", "not only the servers", "no more than
/// ...") and "instead" that is not "instead of" ("Instead, I ran a pilot" ran one).
///
/// [`NEGATORS`]: super::NEGATORS
fn negates_at(words: &[Word], j: usize) -> bool {
    if counterfactual_at(words, j) {
        return true;
    }
    if !is_negator(&words[j].lower) {
        return false;
    }
    let next = words
        .get(j + 1)
        .filter(|w| w.sentence == words[j].sentence)
        .map(|w| w.lower.as_str());
    match words[j].lower.as_str() {
        "instead" => next == Some("of"),
        "not" | "no" => !matches!(next, Some("just" | "only" | "merely" | "simply" | "more")),
        _ => true,
    }
}

/// Whether the word at `j` is the "have" of a modal past that says something was not done:
/// "should have", "could have", "would have" (or "should've") before a past participle ("I
/// should've asked earlier", "it could have cost us the contract"). What follows did not
/// happen, as after "never". Not before anything else: "every team should have a runbook" says
/// what a team needs, and "must have" infers ("it must have been the cache").
fn counterfactual_at(words: &[Word], j: usize) -> bool {
    let w = &words[j];
    let same = |k: usize| words.get(k).filter(|o| o.sentence == w.sentence);
    matches!(w.lower.as_str(), "have" | "ve")
        && j.checked_sub(1)
            .and_then(same)
            .is_some_and(|m| matches!(m.lower.as_str(), "should" | "could" | "would"))
        && same(j + 1).is_some_and(|p| {
            (p.lower.ends_with("ed") && p.lower.chars().count() > 3)
                || is_irregular_participle(&p.lower)
        })
}

impl MatchText {
    pub fn new(text: &str) -> Self {
        let words = split_words(text);
        Self {
            text: text.to_string(),
            negated: negations(&words),
            words,
            index: OnceLock::new(),
            found: RefCell::default(),
            starts: RefCell::default(),
            evidence: Evidence::Keyword,
            keywords_only: false,
        }
    }

    /// This text with keywords needing `evidence`.
    pub fn with_evidence(mut self, evidence: Evidence) -> Self {
        self.evidence = evidence;
        self
    }

    /// This text with key points found only through their keywords (`true`), for an answer
    /// that says too little for two words in one sentence to make a point (`analysis::Substance`
    /// decides: [`Substance::sparse`]). There a `together` group, words of a point's text,
    /// or a keyword beside a supporting word turn up by chance in sentences of generic words
    /// ("we introduced better monitoring"); a keyword the author wrote for the point still
    /// counts, with a second sign of the point (another of its terms, a word of its text:
    /// `MatchText::second_sign`), whether the point names several things or one.
    ///
    /// [`Substance::sparse`]: crate::core::analysis::Substance::sparse
    pub fn keywords_only(mut self, yes: bool) -> Self {
        self.keywords_only = yes;
        self
    }

    pub(super) fn index(&self) -> &index::WordIndex {
        self.index
            .get_or_init(|| index::WordIndex::new(&self.words))
    }

    /// Whether the text states a figure: digits, a number word, a ratio ("halved"), a fraction
    /// ("a third"): [`figures::states_figure`].
    pub fn states_figure(&self) -> bool {
        self.words.iter().enumerate().any(|(i, w)| {
            let prev = i.checked_sub(1).map(|p| self.words[p].lower.as_str());
            figures::states_figure(&w.lower, prev)
        })
    }

    /// The text's words, lowercased.
    pub fn words(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.lower.as_str()).collect()
    }

    /// The word indexes where `term` first occurs within the words `scope`.
    pub(super) fn find_in(&self, term: &Term, scope: Range<usize>) -> Option<Vec<usize>> {
        self.find_with(term, scope, true)
    }

    /// [`MatchText::find_in`], with or without skipping negated occurrences.
    pub(super) fn find_with(
        &self,
        term: &Term,
        scope: Range<usize>,
        negation: bool,
    ) -> Option<Vec<usize>> {
        let first = term.words.first()?;
        self.starts(first)
            .iter()
            .copied()
            .filter(|&i| scope.contains(&i) && !(negation && self.negated[i]))
            .find_map(|i| self.complete(term, i, scope.end))
    }

    /// Where a keyword word matches in this text ([`index::WordIndex::matching`]), found once
    /// per word: the lint tries the same keywords on the same filler answers many times.
    fn starts(&self, word: &Word) -> Rc<[usize]> {
        if let Some((lower, at)) = self.starts.borrow().get(&word.lower_key)
            && *lower == word.lower
        {
            return Rc::clone(at);
        }
        let at: Rc<[usize]> = self.index().matching(&self.words, word).into();
        // Another word with the same key (a hash collision) is looked up again each time.
        self.starts
            .borrow_mut()
            .entry(word.lower_key)
            .or_insert_with(|| (word.lower.clone(), Rc::clone(&at)));
        at
    }

    /// The rest of `term` after its first word matched at `i`: each next word within [`GAP`]
    /// words of the previous one, in the same sentence, before `end`.
    fn complete(&self, term: &Term, i: usize, end: usize) -> Option<Vec<usize>> {
        let mut at = vec![i];
        let mut prev = i;
        for kw in &term.words[1..] {
            let stop = (prev + 2 + GAP).min(end);
            let j = (prev + 1..stop).find(|&j| {
                self.words[j].sentence == self.words[i].sentence && word_matches(kw, &self.words[j])
            })?;
            at.push(j);
            prev = j;
        }
        Some(at)
    }

    /// Every occurrence of `term` in the text, in order of its first word: what
    /// [`MatchText::find_with`] finds in a sentence is the first of them that starts there
    /// ([`first_in`]), so a term looked up in sentence after sentence is searched for once.
    ///
    /// [`first_in`]: super::cover::first_in
    pub(super) fn occurrences(&self, term: &Term, negation: bool) -> Vec<Vec<usize>> {
        let Some(first) = term.words.first() else {
            return Vec::new();
        };
        self.starts(first)
            .iter()
            .copied()
            .filter(|&i| !(negation && self.negated[i]))
            .filter_map(|i| self.complete(term, i, self.words.len()))
            .collect()
    }

    /// The word index range of the first occurrence of `keyword`, if any.
    pub fn find(&self, keyword: &str) -> Option<Range<usize>> {
        let at = self.find_in(&Term::new(keyword), 0..self.words.len())?;
        Some(at[0]..at[at.len() - 1] + 1)
    }

    pub fn contains(&self, keyword: &str) -> bool {
        self.find(keyword).is_some()
    }

    pub(super) fn typed(&self, at: &[usize]) -> String {
        at.iter()
            .map(|&i| &self.text[self.words[i].range.clone()])
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub(super) fn sentence_scopes(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, w) in self.words.iter().enumerate() {
            match out.last_mut() {
                Some(r) if self.words[r.start].sentence == w.sentence => r.end = i + 1,
                _ => out.push(i..i + 1),
            }
        }
        out
    }
}
