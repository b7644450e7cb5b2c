//! Answer insights: what a typed answer says about how it was given.
//!
//! Owns: word count, fillers and hedges (with byte ranges for highlighting), ownership ("I" vs
//! "we"), STAR cues, the most-used words, key-point coverage and the suggested grade. Pure
//! functions of the answer text (and, for the grade, of coverage and timing).
//!
//! Must not touch: matching rules (key points are matched only by [`crate::core::matcher`]),
//! sessions, storage or the terminal. It does not sanitize: front ends print answer text
//! through [`crate::core::text`], and the byte ranges here refer to the raw text.

mod answer;
mod fillers;
mod grading;
mod input;
pub mod relevance;
mod shape;
mod star;
mod substance;
mod tokens;

pub use answer::{
    AnswerAnalysis, Checked, PointMatch, analyse, check_answer, check_points,
    check_points_with_follow_up,
};
pub use fillers::{FillerHit, FillerKind, find_fillers};
pub use grading::{
    AGAIN_BELOW, AnswerTiming, EASY_FROM, HARD_BELOW, KeyPointCoverage, Response, WELL_UNDER_TIME,
    fraction, percent, suggest_grade, suggest_grade_why,
};
pub use input::{AnswerTextError, MAX_ANSWER_CHARS, check_answer_text};
pub use relevance::{Relevance, Topic};
pub use star::{StarCues, StarPart};
pub use substance::{SPARSE_SPECIFIC, Substance, THIN_WORDS};
pub use tokens::{Ownership, TOP_WORDS, Token, tokenize, top_words};

use serde::Serialize;

use crate::core::deck::Kind;

/// What the text of one answer shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Insights {
    pub word_count: usize,
    /// Fillers and hedges in text order.
    pub fillers: Vec<FillerHit>,
    pub ownership: Ownership,
    /// STAR cues, for behavioral questions only.
    pub star: Option<StarCues>,
    /// The most-used words (stop words left out), most frequent first.
    pub top_words: Vec<(String, usize)>,
    /// Whether the answer only lists terms, in fragments of a few words ([`shape`]).
    pub lists_terms: bool,
}

impl Insights {
    /// Analyses an answer to a question of `kind`.
    pub fn of(text: &str, kind: Kind) -> Self {
        let tokens = tokenize(text);
        Insights {
            word_count: tokens.len(),
            fillers: find_fillers(text, &tokens),
            ownership: Ownership::count(&tokens),
            star: (kind == Kind::Behavioral).then(|| StarCues::detect(text)),
            top_words: top_words(&tokens),
            lists_terms: shape::lists_terms(text),
        }
    }

    /// Number of hits of the given kind.
    pub fn count(&self, kind: FillerKind) -> usize {
        self.fillers.iter().filter(|h| h.kind == kind).count()
    }

    /// Each phrase found with how often, most frequent first (ties in order of first use).
    pub fn filler_counts(&self) -> Vec<(&'static str, usize)> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for h in &self.fillers {
            match counts.iter_mut().find(|(p, _)| *p == h.phrase) {
                Some((_, n)) => *n += 1,
                None => counts.push((h.phrase, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        counts
    }
}

#[cfg(test)]
mod tests;
