//! Where a keyword's word can occur in a text, found without comparing it with every word.
//!
//! The lint checks every key point of the bank against the same filler answers, so the
//! matcher's inner loop (`word_matches` of one keyword word against each word of a text) ran
//! millions of times for a handful of hits. The index narrows that to the words that can match
//! at all: those with the same stem, those that are the keyword word plus a plural `s`/`es`,
//! and, for typo tolerance, the long words with the same first letter. Each candidate is then
//! checked with the matcher's own rule, so the index changes how fast a match is found, never
//! which words match (a property test compares it with the plain scan).

use super::TYPO_MIN_LEN;
use super::word::{Word, same_word, word_matches};
use crate::core::fast_hash::FastMap;

/// The index's key for a word or stem: a hash, computed once per word. Two words with one key
/// are both candidates, and the matcher's rule tells them apart.
pub(super) fn key(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

/// A text's word positions by stem, by plural base and, for long words, by first byte.
#[derive(Clone, Debug, Default)]
pub(super) struct WordIndex {
    by_stem: FastMap<u64, Vec<usize>>,
    /// The word with a final `s` or `es` taken off (both, for a word ending in `es`).
    by_base: FastMap<u64, Vec<usize>>,
    /// Words whose lowercase form is long enough for a typo, by its first byte.
    long_lower: FastMap<u8, Vec<usize>>,
    /// Words whose stem is long enough for a typo, by its first byte.
    long_stem: FastMap<u8, Vec<usize>>,
}

impl WordIndex {
    pub(super) fn new(words: &[Word]) -> Self {
        let mut index = WordIndex::default();
        for (i, w) in words.iter().enumerate() {
            index.by_stem.entry(w.stem_key).or_default().push(i);
            for plural in ["s", "es"] {
                if let Some(base) = w.lower.strip_suffix(plural) {
                    index.by_base.entry(key(base)).or_default().push(i);
                }
            }
            if w.lower.len() >= TYPO_MIN_LEN {
                index
                    .long_lower
                    .entry(w.lower.as_bytes()[0])
                    .or_default()
                    .push(i);
            }
            if w.stem.len() >= TYPO_MIN_LEN {
                index
                    .long_stem
                    .entry(w.stem.as_bytes()[0])
                    .or_default()
                    .push(i);
            }
        }
        index
    }

    fn list(map: &FastMap<u64, Vec<usize>>, key: u64) -> &[usize] {
        map.get(&key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The long words with the first byte of `s`, if `s` is long enough for a typo.
    fn long<'a>(map: &'a FastMap<u8, Vec<usize>>, s: &str) -> &'a [usize] {
        if s.len() < TYPO_MIN_LEN {
            return &[];
        }
        map.get(&s.as_bytes()[0]).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The positions of the words `kw` matches by [`same_word`], in text order.
    pub(super) fn same_word(&self, words: &[Word], kw: &Word) -> Vec<usize> {
        let mut at: Vec<usize> = Self::list(&self.by_stem, kw.stem_key)
            .iter()
            .chain(Self::list(&self.by_base, kw.lower_key))
            .copied()
            .filter(|&i| same_word(kw, &words[i]))
            .collect();
        at.sort_unstable();
        at.dedup();
        at
    }

    /// The positions of the words `kw` matches by [`word_matches`] (typos included), in text
    /// order.
    pub(super) fn matching(&self, words: &[Word], kw: &Word) -> Vec<usize> {
        let mut at: Vec<usize> = Self::list(&self.by_stem, kw.stem_key)
            .iter()
            .chain(Self::list(&self.by_base, kw.lower_key))
            .chain(Self::long(&self.long_lower, &kw.lower))
            .chain(Self::long(&self.long_stem, &kw.stem))
            .copied()
            .filter(|&i| word_matches(kw, &words[i]))
            .collect();
        at.sort_unstable();
        at.dedup();
        at
    }
}

#[cfg(test)]
mod tests {
    use super::super::cover::first_in;
    use super::super::word::split_words;
    use super::super::{MatchText, Term};
    use super::*;
    use proptest::prelude::*;

    /// Words that meet the rules in every way: stems, plurals, typos (long and short), numbers,
    /// hyphens, letters that are not ASCII, negators.
    const VOCABULARY: &[&str] = &[
        "manage",
        "managment",
        "management",
        "managed",
        "policy",
        "policies",
        "kpi",
        "kpis",
        "box",
        "boxes",
        "prioritize",
        "prioritise",
        "prioritisation",
        "de-escalate",
        "escalate",
        "99.9",
        "stakeholder",
        "stakeholders",
        "stakehloder",
        "communicate",
        "communication",
        "not",
        "never",
        "risk",
        "risks",
        "mitigation",
        "mitigate",
        "café",
        "cafés",
        "résumé",
        "résumés",
        "resume",
        "pilot",
        "pilots",
        "the",
        "we",
        "backlog",
        "backlogs",
        "backloggs",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            (
                proptest::sample::select(VOCABULARY),
                proptest::sample::select(&[" ", " ", " ", ", ", ". ", "; ", "-"][..]),
            ),
            0..24,
        )
        .prop_map(|parts| {
            parts
                .into_iter()
                .map(|(w, sep)| format!("{w}{sep}"))
                .collect()
        })
    }

    /// A keyword of one to three words.
    fn term() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(VOCABULARY), 1..4)
            .prop_map(|words| words.join(" "))
    }

    proptest! {
        /// The index finds exactly the words the plain scan finds, for every word of the
        /// vocabulary, in text order.
        #[test]
        fn the_index_finds_what_the_scan_finds(text in text()) {
            let words = split_words(&text);
            let index = WordIndex::new(&words);
            for kw in VOCABULARY.iter().flat_map(|k| split_words(k)) {
                let scan: Vec<usize> =
                    (0..words.len()).filter(|&i| word_matches(&kw, &words[i])).collect();
                prop_assert_eq!(index.matching(&words, &kw), scan, "{}", kw.lower);
                let same: Vec<usize> =
                    (0..words.len()).filter(|&i| same_word(&kw, &words[i])).collect();
                prop_assert_eq!(index.same_word(&words, &kw), same, "{}", kw.lower);
            }
        }

        /// A term's occurrences, taken sentence by sentence, are what the search of each
        /// sentence finds.
        #[test]
        fn occurrences_per_sentence_are_the_search_of_each_sentence(
            text in text(),
            term in term(),
            negation in any::<bool>(),
        ) {
            let t = MatchText::new(&text);
            let term = Term::new(&term);
            let occurrences = t.occurrences(&term, negation);
            let all = 0..t.words.len();
            let mut scopes = t.sentence_scopes();
            scopes.push(all);
            for scope in scopes {
                prop_assert_eq!(
                    first_in(&occurrences, &scope),
                    t.find_with(&term, scope.clone(), negation)
                );
            }
        }
    }
}
