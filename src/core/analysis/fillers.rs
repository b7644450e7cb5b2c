//! Filler words and hedges, each with its byte range so a front end can highlight it.
//!
//! Rules, kept simple on purpose (a missed filler costs less than a flagged verb):
//! - Phrases match whole words, case-insensitively; the longest phrase wins and hits never
//!   overlap. Drawn-out sounds count as their short form ("ummm" is "um", "hmmm" is "hmm").
//! - "like" is a filler only when it is set off from the sentence (it starts the text or follows
//!   punctuation: "Like, we...", "it was, like, a mess"), is followed by a comma, or comes
//!   before a number ("like 3 weeks", "like ten people", "like a hundred": the number words
//!   are `core::figures`'). Not set off, it is never a filler right after "would", "I'd",
//!   "to", "do", "don't", a pronoun... So "I would like to", "things like caching" and "it
//!   felt like a failure" are not counted, and neither is "we had like a week" (a miss we
//!   accept: "a" counts as a number only before a number word).
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

/// Words after which "like" is a verb or part of "would like".
const LIKE_VERB_BEFORE: &[&str] = &[
    "would", "i'd", "we'd", "you'd", "they'd", "to", "do", "does", "did", "don't", "didn't",
    "doesn't", "really", "i", "we", "you", "they", "also",
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
        "like" => {
            let gap_before = match i.checked_sub(1) {
                Some(p) => &text[tokens[p].range.end..tokens[i].range.start],
                None => "",
            };
            let set_off = prev.is_none()
                || gap_before.contains([',', '.', ';', ':', '!', '?', '(', '—', '–']);
            if set_off {
                return true;
            }
            if prev.is_some_and(|p| LIKE_VERB_BEFORE.contains(&p)) {
                return false;
            }
            let next = tokens.get(i + 1);
            let comma_after =
                next.is_some_and(|n| text[tokens[i].range.end..n.range.start].contains(','));
            let after = tokens.get(i + 2).map(|t| t.lower.as_str());
            let number_after = next.is_some_and(|n| figures::starts_number(&n.lower, after));
            comma_after || number_after
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
