//! Acronyms of a card's question and the words that spell them out.

use std::ops::Range;

use super::stemming::is_stop_word;
use super::vocabulary;
use super::word::{Word, split_words};
use crate::core::deck::KeyPoint;

/// The words of `question` (stems) that are acronyms of the bank ("rto", "sla").
fn acronyms_in(question: &[String]) -> impl Iterator<Item = &str> {
    question
        .iter()
        .map(String::as_str)
        .filter(|q| vocabulary::is_acronym(q))
}

/// The acronyms of `point`'s question ([`acronyms_in`]) that the point's text does not spell
/// out: when the text says "Mean time to repair: ...", saying it is part of the point.
pub(super) fn named_acronyms(point: &KeyPoint) -> Vec<String> {
    // Most questions name no acronym: then the text need not be split.
    if acronyms_in(&point.question).next().is_none() {
        return Vec::new();
    }
    let text = split_words(&point.text);
    acronyms_in(&point.question)
        .filter(|a| spelled_spans(&text, a).is_empty())
        .map(str::to_string)
        .collect()
}

/// The word ranges of `words` that spell out `acronym` within one sentence, ending on a word
/// that is not a stop word ("the mean time to repair": `mean`..`repair`).
pub(super) fn spelled_spans(words: &[Word], acronym: &str) -> Vec<Range<usize>> {
    let n = acronym.chars().count();
    let Some(initial) = acronym.chars().next() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..words.len() {
        // A span starts on a word that is not a stop word, so on the acronym's first letter
        // (a quick no for most words: the lint tries every point on every filler answer).
        if !words[i].lower.starts_with(initial) {
            continue;
        }
        // The span runs to `n` words, and a little more for the stop words inside it.
        for end in i + 2..=(i + 2 * n).min(words.len()) {
            let span = &words[i..end];
            if span.iter().all(|x| x.sentence == words[i].sentence)
                && !is_stop_word(&span[0].lower)
                && !is_stop_word(&span[span.len() - 1].lower)
                && spells(span, acronym)
            {
                out.push(i..end);
            }
        }
    }
    out
}

/// Whether the initials of `words` (of all of them, or of those that are not stop words) spell
/// `acronym`: "mean time to repair" spells "mttr", "objectives and key results" "okr".
pub(super) fn spells(words: &[Word], acronym: &str) -> bool {
    let initials = |content: bool| -> String {
        words
            .iter()
            .filter(|w| !content || !is_stop_word(&w.lower))
            .filter_map(|w| w.lower.chars().next())
            .collect()
    };
    initials(false) == acronym || initials(true) == acronym
}
