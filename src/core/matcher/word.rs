//! One word of a text or keyword, how a text is split into them (sentences, numbers, negating
//! prefixes), and when a typed word matches a keyword word (stem, plural, one typo).

use std::ops::Range;

use super::stemming::stem;
use super::{TYPO_MIN_LEN, index, vocabulary};

/// One word of a text or a keyword.
#[derive(Clone, Debug)]
pub(super) struct Word {
    pub(super) lower: String,
    pub(super) stem: String,
    /// Hashes of `lower` and `stem` ([`index::key`]), for the index's look-ups.
    pub(super) lower_key: u64,
    pub(super) stem_key: u64,
    pub(super) sentence: usize,
    pub(super) range: Range<usize>,
}

pub(super) fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_numeric())
}

/// Optimal string alignment distance, stopping early above 1 (only "at most one edit" is asked).
fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
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

pub(super) fn word_matches(kw: &Word, tw: &Word) -> bool {
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
    ((lower && typo_close(&kw.lower, &tw.lower)) || (stems && typo_close(&kw.stem, &tw.stem)))
        // A word of the bank is what the candidate meant: "contact" is no slip for "contract".
        && !vocabulary::is_known(&tw.lower)
}

/// The same word by stem or plain plural, without typo tolerance: a key point's text is
/// prose, and one edit turns too many of its words into others ("protects", "projects").
pub(super) fn same_word(kw: &Word, tw: &Word) -> bool {
    kw.stem == tw.stem
        || tw
            .lower
            .strip_prefix(kw.lower.as_str())
            .is_some_and(|rest| matches!(rest, "s" | "es"))
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
    // Most words are ASCII, where a letter is a byte: no need to collect the letters.
    if a.is_ascii() && b.is_ascii() {
        return within_one_edit(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    a.len() >= TYPO_MIN_LEN && b.len() >= TYPO_MIN_LEN && within_one_edit(&a, &b)
}

/// Prefixes that, joined by a hyphen, reverse their word: kept on it as one word.
const NEGATING_PREFIXES: &[&str] = &["de", "non", "anti", "un"];

pub(super) fn split_words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Word>, range: Range<usize>, sentence: usize| {
        let lower = text[range.clone()].to_lowercase().replace(['-', ','], "");
        let stem = stem(&lower);
        out.push(Word {
            lower_key: index::key(&lower),
            stem_key: index::key(&stem),
            stem,
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
        // A number is one word: "4,000" and "2.5" (no sentence ends inside it).
        if matches!(c, ',' | '.')
            && start.is_some()
            && text[..i].ends_with(|d: char| d.is_ascii_digit())
            && text[i + 1..].starts_with(|d: char| d.is_ascii_digit())
        {
            continue;
        }
        // A prefix that turns its word round stays on it: "de-escalate" is not "escalate",
        // "non-technical" not "technical".
        if c == '-'
            && let Some(s) = start
            && NEGATING_PREFIXES.contains(&text[s..i].to_lowercase().as_str())
            && text[i + 1..].starts_with(char::is_alphabetic)
        {
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
