//! A keyword prepared for matching, and the same keyword said in other words.

use super::acronym::{named_acronyms, spells};
use super::stemming::{is_generic_stem, is_stop_word, stem};
use super::word::{Word, is_number, split_words};
use super::{thesaurus, verbs};
use crate::core::deck::KeyPoint;

/// A keyword prepared for matching.
#[derive(Clone, Debug)]
pub struct Term {
    pub(super) words: Vec<Word>,
    pub(super) hyphenated: bool,
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

    /// Whether the term repeats `point`'s question: all its content words are the question's
    /// ([`Term::within`]), or it spells out an acronym the question uses (`recovery time
    /// objective` for "RTO", `mean time to repair` for "MTTR") and the point's text does not
    /// spell it out itself. Naming the term asked about is not an answer.
    pub fn repeats_question(&self, point: &KeyPoint) -> bool {
        self.within(&point.question)
            || (self.words.len() >= 2 && self.spells_any(&named_acronyms(point)))
    }

    /// [`Term::repeats_question`] with the point's [`named_acronyms`] worked out once for all
    /// of its terms (the lint prepares every point of the bank).
    pub(super) fn repeats_question_naming(&self, point: &KeyPoint, acronyms: &[String]) -> bool {
        self.within(&point.question) || (self.words.len() >= 2 && self.spells_any(acronyms))
    }

    fn spells_any(&self, acronyms: &[String]) -> bool {
        acronyms.iter().any(|a| spells(&self.words, a))
    }

    /// Whether the term names one thing: one word ("jenkins", "monitoring") or one hyphenated
    /// compound ("self-service", "hyper-v"), but not a word that tells what was done or how
    /// ([`says_an_act`]: "apologised", "separately"). A phrase ("follow up", "in front of",
    /// "restore test") says more than a name. Where an answer says nothing specific
    /// ([`Evidence::Supported`]), a term that names one thing names the point's topic and
    /// needs support to make the point.
    ///
    /// [`Evidence::Supported`]: super::Evidence::Supported
    pub fn names_one_thing(&self) -> bool {
        match self.words.as_slice() {
            [one] => !says_an_act(&one.lower),
            [_, _] => self.hyphenated,
            _ => false,
        }
    }

    /// Whether the term is one generic word ([`GENERIC_WORDS`]): such a term ("priority",
    /// "lessons") is in any padded answer, so it counts only beside a supporting word. A
    /// phrase ("on time", "the problem was") is the author's choice of words and stands alone;
    /// the lint's filler answers check that it says something.
    ///
    /// [`GENERIC_WORDS`]: super::GENERIC_WORDS
    pub fn generic(&self) -> bool {
        self.words.len() == 1 && !self.hyphenated && is_generic_stem(&self.words[0].stem)
    }

    /// The term said in other words: each phrase of two or more words with one of its content
    /// words replaced by a member of that word's paraphrase sets (`thesaurus`), so `permanent
    /// fix` also matches "lasting fix", and with the speaker in the singular or the plural
    /// (`i introduced` matches "we introduced", `our data` "my data"): a candidate tells their
    /// story either way. Only a specific alternative replaces a word ("weeks" is no paraphrase
    /// of `time`), and the phrase keeps at least one of its own content words. One word alone
    /// is not replaced: a keyword of one word is the author's term, and its sets are loose
    /// ("late" for `time`).
    pub fn paraphrases(&self) -> Vec<Term> {
        if self.words.len() < 2 {
            return Vec::new();
        }
        let content = self
            .words
            .iter()
            .filter(|w| !is_stop_word(&w.lower))
            .count();
        let mut out = Vec::new();
        // Two content words in either order, one of them specific: `tickets closed` is "closed
        // 4,000 tickets", `risk assessment` "assessed the risk" (but `value delivered` is not
        // "delivering value": padding both ways round).
        if self.words.len() == 2
            && content == 2
            && !self.words.iter().any(|w| is_number(&w.lower))
            && self.words.iter().any(|w| !is_generic_stem(&w.stem))
        {
            out.push(Term {
                words: vec![self.words[1].clone(), self.words[0].clone()],
                hyphenated: self.hyphenated,
            });
        }
        for (i, w) in self.words.iter().enumerate() {
            if let Some(other) = first_person(&w.lower) {
                out.push(self.with(i, &Term::new(other)));
                continue;
            }
            // An irregular past in a phrase is its verb in any form: `broke the work` is also
            // "breaking the work" (not where the verb is padding: "found" is "find").
            if let Some(base) = verbs::irregular_base(&w.lower)
                && !is_stop_word(base)
                && !is_generic_stem(&stem(base))
                && !LIGHT_VERBS.contains(&base)
            {
                out.push(self.with(i, &Term::new(base)));
            }
            if content < 1 || is_stop_word(&w.lower) || is_number(&w.lower) {
                continue;
            }
            for alt in thesaurus::alternatives(&w.stem) {
                if alt.specific() {
                    out.push(self.with(i, alt));
                }
            }
        }
        out
    }

    /// The words of a `together` group's terms as one term, to ask which claims of a point the
    /// group speaks to (`MatchText::whole_claim`).
    pub(super) fn joined(terms: &[Term]) -> Term {
        Term {
            words: terms.iter().flat_map(|t| t.words.iter().cloned()).collect(),
            hyphenated: terms.iter().any(|t| t.hyphenated),
        }
    }

    /// The term with its word `i` replaced by `alt`'s words.
    fn with(&self, i: usize, alt: &Term) -> Term {
        let mut words = self.words[..i].to_vec();
        words.extend(alt.words.iter().cloned());
        words.extend(self.words[i + 1..].iter().cloned());
        Term {
            words,
            hyphenated: self.hyphenated || alt.hyphenated,
        }
    }

    /// Whether one of the term's content words is not generic: a paraphrase made only of
    /// padding ("keep informed", "weeks") says nothing in place of a word.
    pub fn specific(&self) -> bool {
        !self.only_stop_words()
            && self
                .content_stems()
                .iter()
                .any(|s| !is_generic_stem(s) && !is_stop_word(s))
    }

    /// Whether the term holds only stop words. A hyphenated compound ("must-have",
    /// "at-will") is one word of its own, not its parts.
    pub fn only_stop_words(&self) -> bool {
        self.words.iter().all(|w| is_stop_word(&w.lower)) && !self.hyphenated
    }
}

/// Verbs that say little outside an idiom ("went with" is a choice, "go with" anything): an
/// irregular past of one stays as written in a phrase.
const LIGHT_VERBS: &[&str] = &[
    "go", "come", "see", "say", "tell", "think", "let", "mean", "become", "feel", "leave", "hear",
    "stand", "fall", "hold",
];

/// Whether a keyword of one word tells an act or its manner rather than names a thing: a past
/// tense or participle ("apologised", "escalated", "wrote", but not "cost", which is also a
/// noun) or an adverb in `-ly` ("separately", "promptly"). Such a word is a claim about what
/// the candidate did.
fn says_an_act(lower: &str) -> bool {
    let letters = lower.chars().count();
    (letters >= 5 && lower.ends_with("ed") && !lower.ends_with("eed"))
        || verbs::irregular_base(lower).is_some()
        || (letters >= 6 && lower.ends_with("ly"))
}

/// The speaker in the other number: "i" and "we", "my" and "our", "me" and "us".
fn first_person(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "i" => "we",
        "we" => "i",
        "my" => "our",
        "our" => "my",
        "me" => "us",
        "us" => "me",
        _ => return None,
    })
}
