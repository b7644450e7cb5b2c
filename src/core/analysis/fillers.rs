//! Filler words and hedges, each with its byte range so a front end can highlight it.
//!
//! Rules, kept simple on purpose (a missed filler costs less than a flagged verb):
//! - Phrases match whole words, case-insensitively; the longest phrase wins and hits never
//!   overlap. Drawn-out sounds count as their short form ("ummm" is "um", "hmmm" is "hmm").
//! - "like" is a filler when a comma follows it ("Like, we...", "it was, like, a mess"), when it
//!   comes before a number ("like 3 weeks", "like ten people", "like a hundred": the number
//!   words are `core::figures`'), or when it is set off after a
//!   little word ("so, like we...", "and. Like we did") or starts a sentence before a pronoun
//!   ("Like we had no tests"). It is never a filler after a verb that takes it ("I would like
//!   to", "it looks like", "it felt like", "do you like") nor when it brings in an example or a
//!   comparison: after a noun ("things like caching"), after a comma that follows a noun ("the
//!   risks, like call quality"), or opening a sentence before a noun phrase ("Like most teams,
//!   we..."). "we had like a week" is not counted (a miss we accept).
//! - "just" is a filler except where it says when or how much: "just as", "just before", "just
//!   after", "just when", "just in time", "just over/under" a figure, "just 3 people" ("just a
//!   mess" is still a filler: "a" is a number only before a number word).
//! - "you know" is not a filler in a question or condition ("do you know", "if you know").

use std::ops::Range;

use serde::Serialize;

use super::tokens::Token;
use crate::core::figures;

/// Whether a hit is a pure filler or a hedge that weakens a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FillerKind {
    /// A sound or word that carries nothing: "um", "basically", "you know".
    Filler,
    /// A word that makes the candidate sound unsure: "I think", "maybe".
    Hedge,
}

/// One filler or hedge found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FillerHit {
    /// The canonical phrase ("um", "you know", "i think").
    pub phrase: &'static str,
    pub kind: FillerKind,
    /// Byte range in the answer text, from the first word's start to the last word's end.
    pub range: Range<usize>,
}

use FillerKind::{Filler, Hedge};

/// Longer phrases first so "I mean" wins over nothing and "kind of" is one hit.
const PHRASES: &[(&str, FillerKind)] = &[
    ("you know", Filler),
    ("i mean", Filler),
    ("i think", Hedge),
    ("i guess", Hedge),
    ("i suppose", Hedge),
    ("kind of", Hedge),
    ("sort of", Hedge),
    ("um", Filler),
    ("uh", Filler),
    ("er", Filler),
    ("erm", Filler),
    ("hmm", Filler),
    ("like", Filler),
    ("basically", Filler),
    ("actually", Filler),
    ("literally", Filler),
    ("just", Filler),
    ("maybe", Hedge),
    ("probably", Hedge),
    ("perhaps", Hedge),
];

/// Words after which "like" is a verb ("do you like"), part of "would like", or the second
/// half of a verb of seeming ("it looks like", "it felt like", "something like").
const LIKE_VERB_BEFORE: &[&str] = &[
    "would",
    "i'd",
    "we'd",
    "you'd",
    "they'd",
    "to",
    "do",
    "does",
    "did",
    "don't",
    "didn't",
    "doesn't",
    "really",
    "i",
    "we",
    "you",
    "they",
    "also",
    "look",
    "looks",
    "looked",
    "looking",
    "seem",
    "seems",
    "seemed",
    "sound",
    "sounds",
    "sounded",
    "feel",
    "feels",
    "felt",
    "feeling",
    "something",
    "anything",
    "nothing",
    "much",
    "more",
    "exactly",
    "just",
];

/// Subjects after which a "like" opening a sentence is a filler ("Like we had no tests"), not a
/// comparison ("Like most teams, we...").
const PRONOUNS: &[&str] = &["i", "we", "you", "they", "he", "she", "it", "there"];

/// Words after which "just" says when or how much, not nothing: "just as the onboarding
/// started", "just before the launch", "just over a week".
const JUST_PRECISE_BEFORE: &[&str] = &[
    "as", "before", "after", "when", "while", "once", "then", "now", "in", "over", "under",
    "below", "above", "about", "around", "short", "enough", "behind", "ahead",
];

/// A drawn-out sound in its short form: repeated letters collapse ("ummm" -> "um").
fn normalize(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    match out.as_str() {
        "um" | "uh" | "er" | "erm" => out,
        "hm" => "hmm".into(),
        _ => word.to_string(),
    }
}

/// Finds every filler and hedge in `text`, in text order. `tokens` must be `tokenize(text)`.
pub fn find_fillers(text: &str, tokens: &[Token]) -> Vec<FillerHit> {
    let words: Vec<String> = tokens.iter().map(|t| normalize(&t.lower)).collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = PHRASES.iter().find_map(|&(phrase, kind)| {
            let n = phrase.split(' ').count();
            let matches = i + n <= words.len()
                && phrase.split(' ').zip(&words[i..]).all(|(p, w)| p == w)
                && accepted(phrase, text, tokens, i);
            matches.then_some((phrase, kind, n))
        });
        match found {
            Some((phrase, kind, n)) => {
                hits.push(FillerHit {
                    phrase,
                    kind,
                    range: tokens[i].range.start..tokens[i + n - 1].range.end,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    hits
}

/// The context rules for the ambiguous phrases (see the module doc).
fn accepted(phrase: &str, text: &str, tokens: &[Token], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| tokens[p].lower.as_str());
    match phrase {
        "like" => like_is_filler(text, tokens, i),
        // "just 3 people" is "only"; "just a mess" is still a filler.
        "just" => {
            !(tokens
                .get(i + 1)
                .is_some_and(|n| JUST_PRECISE_BEFORE.contains(&n.lower.as_str()))
                || number_at(tokens, i + 1))
        }
        "you know" => !prev.is_some_and(|p| {
            matches!(
                p,
                "do" | "did" | "don't" | "didn't" | "if" | "would" | "what" | "whether"
            )
        }),
        _ => true,
    }
}

/// Whether the words from token `i` on start a number (`core::figures`): "3", "ten", "a
/// hundred".
fn number_at(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|n| {
        figures::starts_number(&n.lower, tokens.get(i + 1).map(|t| t.lower.as_str()))
    })
}

/// "like" at token `i` (see the module doc for the rules).
fn like_is_filler(text: &str, tokens: &[Token], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| tokens[p].lower.as_str());
    let gap_before = match i.checked_sub(1) {
        Some(p) => &text[tokens[p].range.end..tokens[i].range.start],
        None => "",
    };
    let next = tokens.get(i + 1);
    let comma_after = next.is_some_and(|n| text[tokens[i].range.end..n.range.start].contains(','));
    if comma_after {
        return true;
    }
    let sentence_start = prev.is_none() || gap_before.contains(['.', '!', '?']);
    if sentence_start {
        // "Like we had no tests" / "Like most teams, we...".
        return next.is_some_and(|n| PRONOUNS.contains(&n.lower.as_str()));
    }
    if prev.is_some_and(|p| LIKE_VERB_BEFORE.contains(&p)) {
        return false;
    }
    let number_after = number_at(tokens, i + 1);
    let set_off = gap_before.contains([',', ';', ':', '(', '—', '–']);
    if set_off {
        // After a noun the clause that follows is an example ("the risks, like call
        // quality"); after a little word it is a filler ("so, like we...", "it was, like a
        // mess"), as before a digit ("late, like 3 weeks").
        let after_noun = prev.is_some_and(|p| !super::tokens::STOP_WORDS.contains(&p));
        let digit_after = next.is_some_and(|n| figures::has_digit(&n.lower));
        return !after_noun || digit_after;
    }
    number_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::tokens::tokenize;

    fn hits(text: &str) -> Vec<(&'static str, &str)> {
        find_fillers(text, &tokenize(text))
            .into_iter()
            .map(|h| (h.phrase, &text[h.range]))
            .collect()
    }

    #[test]
    fn filler_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("I would like to lead", &[]),
            ("Things like caching help", &[]),
            ("Like, we had no tests", &[("like", "Like")]),
            ("It was, like, a mess", &[("like", "like")]),
            ("We waited like 3 weeks", &[("like", "like")]),
            ("We had like ten people on it", &[("like", "like")]),
            ("We had like a hundred tickets", &[("like", "like")]),
            ("It took like an eighteen months", &[("like", "like")]),
            ("It felt like a failure", &[]),
            ("We had like a week", &[]),
            (
                "Ummm, I think we, you know, kind of won",
                &[
                    ("um", "Ummm"),
                    ("i think", "I think"),
                    ("you know", "you know"),
                    ("kind of", "kind of"),
                ],
            ),
            ("Do you know Kafka?", &[]),
            (
                "I mean it BASICALLY just worked",
                &[
                    ("i mean", "I mean"),
                    ("basically", "BASICALLY"),
                    ("just", "just"),
                ],
            ),
            (
                "Maybe. Probably. Uh. Er. Hmm.",
                &[
                    ("maybe", "Maybe"),
                    ("probably", "Probably"),
                    ("uh", "Uh"),
                    ("er", "Er"),
                    ("hmm", "Hmm"),
                ],
            ),
            ("umbrella, uhuru, errand, humming", &[]),
            // "just" saying when or how much is not a filler.
            ("It broke just as the release went out", &[]),
            (
                "We signed just before the deadline and just after the audit",
                &[],
            ),
            ("The fix landed just in time, just over a week late", &[]),
            ("It took just 3 people", &[]),
            (
                "I just rang them, it was just a mess",
                &[("just", "just"), ("just", "just")],
            ),
            // "like" bringing in an example, or after a verb of seeming, is not a filler.
            ("We listed the risks, like staff turnover and cost", &[]),
            ("It looks like the vendor slipped", &[]),
            ("It felt like a long week", &[]),
            ("We would like a second supplier", &[]),
            ("Like most teams, we had no runbook", &[]),
            ("Tools like dashboards, like the one we built, helped", &[]),
            // ...while a "like" set off after a little word, or before a pronoun, still is.
            ("So, like we never tested it", &[("like", "like")]),
            ("Like we had no tests", &[("like", "Like")]),
            ("It was late, like 3 weeks", &[("like", "like")]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(hits(text), want.to_vec(), "in {text:?}");
        }
    }

    #[test]
    fn kinds_are_set() {
        let text = "um, I guess";
        let k: Vec<FillerKind> = find_fillers(text, &tokenize(text))
            .iter()
            .map(|h| h.kind)
            .collect();
        assert_eq!(k, [Filler, Hedge]);
    }
}
