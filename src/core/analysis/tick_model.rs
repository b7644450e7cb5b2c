//! Whether a key point is ticked: the matcher's rules and the evidence beside them, weighed
//! together by a logistic model fitted to labelled answers.
//!
//! The rules (`matcher::cover`) each look at one sign: a keyword, a `together` group, two words
//! of the point's text in one sentence. Alone they are brittle both ways: a weak answer that
//! names a point's topic in one keyword gets the tick, and a genuine one that says the point
//! in its own words, with half of a keyword and most of the point's text, does not. A person
//! ticking the point weighs all the signs at once, and so does this model: what the rules
//! found, how many of the point's keywords occur and how much of each, how much of the
//! point's own text the answer holds (anywhere and in its best sentence), how long the answer
//! is, and how many of the card's other points the rules found in it (an answer that makes
//! several points is more likely to make one more).
//!
//! The weights come from `examples/train_ticks.rs`, fitted to the labelled answers in
//! `tests/fixtures/holdout-2` to `holdout-20` (2,628 key points labelled covered or not, on
//! 1,520 genuine, weak, filler and off-topic answers). The answers of later sets and the dev
//! file (`../shared/eval`) were kept out of the fit, to measure it: docs/mock-interviews.md.
//!
//! What stays hard: a tick needs the author's gates (a `require` term, a figure where the
//! point asks for one) and words to show, so a tick is never made on nothing the candidate
//! can see. A note too short to judge (fewer than [`MIN_STEMS`] content words, as
//! [`Substance::thin`] counts them: "We ran a pilot first") keeps the rules' decision: the
//! labelled answers run 25 words and more, and the model knows nothing of shorter ones. For
//! the same reason the answer's length counts only within the range it was fitted on
//! ([`FITTED_WORDS`]).

use super::relevance::MIN_STEMS;
use super::substance::Substance;
use crate::core::deck::KeyPoint;
use crate::core::matcher::{MatchText, PointEvidence, PreparedPoint, Route};

/// How many numbers describe a point to the model ([`Candidate::features`]).
pub const FEATURES: usize = 10;

/// The names of the features, in order (for the trainer's report).
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "rules: keyword",
    "rules: another route",
    "keywords found (at most 3)",
    "best share of one keyword",
    "ln(1 + keyword words found)",
    "share of keyword words found",
    "share of the point's words found",
    "point's words in the best sentence",
    "ln(answer words)",
    "share of the card's points the rules found",
];

/// The model's weight for each feature, and its constant (`examples/train_ticks.rs`).
// Fitted by examples/train_ticks.rs on 19 files.
const WEIGHTS: [f64; FEATURES] = [
    0.8026718612945961,  // rules: keyword
    0.9179342644649013,  // rules: another route
    0.9242341513946428,  // keywords found (at most 3)
    0.3842380161028139,  // best share of one keyword
    0.7271372422745204,  // ln(1 + keyword words found)
    2.681154156783553,   // share of keyword words found
    2.065622546933763,   // share of the point's words found
    0.11841063894523716, // point's words in the best sentence
    1.5348103721982818,  // ln(answer words)
    1.5058598807364738,  // share of the card's points the rules found
];
const BIAS: f64 = -11.187661313268363;

/// The answer lengths (in words) the labelled answers it was fitted on span (the trainer
/// prints them): a length outside counts as the nearest end.
pub const FITTED_WORDS: (usize, usize) = (25, 299);

/// A point is ticked from this probability up.
pub const THRESHOLD: f64 = 0.5;

/// One key point of a card, weighed against one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// What the rules found: the route and the words, or `None`.
    pub rule: Option<(Route, Vec<String>)>,
    pub evidence: PointEvidence,
    pub features: [f64; FEATURES],
    /// Whether the answer is long enough for the model to judge (else the rules decide).
    pub judged: bool,
}

impl Candidate {
    /// The model's probability that the point is made.
    pub fn probability(&self) -> f64 {
        probability(&self.features)
    }

    /// The words a tick shows: the rules' words, else the evidence's.
    pub fn shown(&self) -> &[String] {
        match &self.rule {
            Some((_, words)) if !words.is_empty() => words,
            _ => &self.evidence.words,
        }
    }

    /// Whether the point is ticked: the model says so, the point's gates hold and there are
    /// words to show; in a note too short to judge, the rules say so.
    pub fn ticked(&self) -> bool {
        if !self.judged {
            return self.rule.is_some();
        }
        self.evidence.gates && !self.shown().is_empty() && self.probability() >= THRESHOLD
    }
}

/// The logistic model's probability for `features`.
pub fn probability(features: &[f64; FEATURES]) -> f64 {
    let z: f64 = BIAS
        + WEIGHTS
            .iter()
            .zip(features)
            .map(|(w, x)| w * x)
            .sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Each of `points` weighed against `text` (an answer whose substance is `substance`).
pub fn candidates(points: &[KeyPoint], text: &str, substance: Substance) -> Vec<Candidate> {
    let prepared: Vec<PreparedPoint> = points.iter().map(PreparedPoint::new).collect();
    candidates_in(&prepared, &substance.match_text(text), substance)
}

/// [`candidates`] with the points and the text prepared (`text` from
/// [`Substance::match_text`]), for one text weighed against many cards or the reverse.
pub fn candidates_in(
    prepared: &[PreparedPoint],
    text: &MatchText,
    substance: Substance,
) -> Vec<Candidate> {
    let rules = prepared.iter().map(|p| text.check_route(p)).collect();
    candidates_with(prepared, text, substance, rules)
}

/// [`candidates_in`] with what the rules found already known (`rules`, one per point): the
/// lint knows the rules found nothing on most fillers.
pub fn candidates_with(
    prepared: &[PreparedPoint],
    text: &MatchText,
    substance: Substance,
    rules: Vec<Option<(Route, Vec<String>)>>,
) -> Vec<Candidate> {
    let found = rules.iter().filter(|r| r.is_some()).count();
    let share = found as f64 / prepared.len().max(1) as f64;
    let words = (substance.words.clamp(FITTED_WORDS.0, FITTED_WORDS.1) as f64).ln();
    let judged = substance.stems >= MIN_STEMS;
    prepared
        .iter()
        .zip(rules)
        .map(|(prep, rule)| {
            let e = text.evidence_of(prep);
            let route = rule.as_ref().map(|(r, _)| *r);
            let features = [
                f64::from(u8::from(route == Some(Route::Keyword))),
                f64::from(u8::from(route.is_some_and(|r| r != Route::Keyword))),
                e.keywords_found.min(3) as f64,
                e.best_keyword_share,
                (e.keyword_words_found as f64).ln_1p(),
                e.keyword_words_found as f64 / e.keyword_words.max(1) as f64,
                e.text_words_found as f64 / e.text_words.max(1) as f64,
                e.best_sentence as f64,
                words,
                share,
            ];
            Candidate {
                rule,
                evidence: e,
                features,
                judged,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "tick_model_tests.rs"]
mod tests;
