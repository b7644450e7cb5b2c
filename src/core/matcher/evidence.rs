//! What a text holds of a key point's words, counted whatever the rules of `cover` decide:
//! the evidence the analysis's tick model weighs beside them (`analysis::tick_model`).
//!
//! Counts only, no decision: how many of the point's keywords occur (not negated, not made of
//! the question's words), how many of the keywords' words and of the point's own words occur
//! anywhere and in the best sentence, and whether the author's hard gates (`require` terms, a
//! figure for a point that asks for one) hold. Words of the card's question never count.

use std::collections::HashSet;

use super::point::PreparedPoint;
use super::text::MatchText;

/// The counts [`MatchText::evidence_of`] returns for one key point.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PointEvidence {
    /// Keywords of the point found in the text (not negated; keywords made only of the
    /// question's words left out).
    pub keywords_found: usize,
    /// The largest share of one keyword's words (stems, the question's left out) found
    /// anywhere in the text, 0.0-1.0: 0.5 for "risk" of "risk register" without "register".
    pub best_keyword_share: f64,
    /// Distinct words of all the point's keywords (the question's left out), and how many of
    /// them the text holds.
    pub keyword_words: usize,
    pub keyword_words_found: usize,
    /// Distinct content words of the point's text (the question's left out), and how many of
    /// them the text holds.
    pub text_words: usize,
    pub text_words_found: usize,
    /// The most of the point's text words found in one sentence.
    pub best_sentence: usize,
    /// Whether the point's hard gates hold: one of its `require` terms occurs (when it has
    /// any), and the text states a figure when the point asks for one.
    pub gates: bool,
    /// The text's words behind these counts, as typed and in text order: what a tick made on
    /// this evidence shows.
    pub words: Vec<String>,
}

/// The stems of a text's words that are not negated: in the whole text and per sentence.
#[derive(Clone, Debug, Default)]
pub(super) struct TextStems {
    all: HashSet<String>,
    sentences: Vec<HashSet<String>>,
}

impl TextStems {
    fn of(text: &MatchText) -> Self {
        let stems = |scope: std::ops::Range<usize>| -> HashSet<String> {
            scope
                .filter(|&i| !text.negated[i])
                .map(|i| text.words[i].stem.clone())
                .collect()
        };
        TextStems {
            all: stems(0..text.words.len()),
            sentences: text.sentence_scopes().into_iter().map(stems).collect(),
        }
    }
}

impl MatchText {
    /// The evidence this text holds of a key point, prepared as `prepared` ([`PointEvidence`]).
    pub fn evidence_of(&self, prepared: &PreparedPoint) -> PointEvidence {
        let stems = self.stems.get_or_init(|| TextStems::of(self));
        let present = &stems.all;
        let mut shown: Vec<usize> = Vec::new();
        let mut keywords_found = 0;
        let mut best_keyword_share: f64 = 0.0;
        let mut keyword_words: Vec<&str> = Vec::new();
        for (term, own) in &prepared.evidence_keywords {
            let found = own.iter().filter(|s| present.contains(s.as_str())).count();
            best_keyword_share = best_keyword_share.max(found as f64 / own.len() as f64);
            if let Some(at) = self.find_in(term, 0..self.words.len()) {
                keywords_found += 1;
                shown.extend(at);
            }
            for s in own {
                if !keyword_words.contains(&s.as_str()) {
                    keyword_words.push(s);
                }
            }
        }
        let keyword_words_found = keyword_words
            .iter()
            .filter(|s| present.contains(**s))
            .count();
        let text_words = &prepared.evidence_text;
        let text_words_found = text_words
            .iter()
            .filter(|s| present.contains(s.as_str()))
            .count();
        let best_sentence = stems
            .sentences
            .iter()
            .map(|here| {
                text_words
                    .iter()
                    .filter(|s| here.contains(s.as_str()))
                    .count()
            })
            .max()
            .unwrap_or(0);
        if shown.is_empty() {
            shown = (0..self.words.len())
                .filter(|&i| !self.negated[i] && text_words.contains(&self.words[i].stem))
                .collect();
        }
        shown.sort_unstable();
        shown.dedup();
        let mut words: Vec<String> = Vec::new();
        for i in shown {
            let typed = self.typed(&[i]);
            if !words.contains(&typed) {
                words.push(typed);
            }
        }
        let required = prepared.require.as_ref().is_none_or(|terms| {
            terms
                .iter()
                .any(|t| self.find_in(t, 0..self.words.len()).is_some())
        });
        PointEvidence {
            keywords_found,
            best_keyword_share,
            keyword_words: keyword_words.len(),
            keyword_words_found,
            text_words: text_words.len(),
            text_words_found,
            best_sentence,
            gates: required && (!prepared.numeric || self.states_figure()),
            words,
        }
    }
}
