//! Words and stems: splitting a text into lowercase words, stop and generic words, and the
//! stem a word is compared by (Snowball English, with British spellings and derivations).

use std::collections::HashSet;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::lexicon::{GENERIC_WORDS, NEGATORS, STOP_WORDS};
use super::vocabulary;
use crate::core::fast_hash::{FastMap, FastSet};

fn stop_words() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

pub(super) fn generic_stems() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    // An `-ly` word kept apart from its noun ("weekly", "monthly") is as generic as the noun.
    SET.get_or_init(|| {
        GENERIC_WORDS
            .iter()
            .flat_map(|w| [stem(w), stem(&format!("{w}ly"))])
            .collect()
    })
}

/// Whether a stem is one of [`GENERIC_WORDS`]'.
pub fn is_generic_stem(stem: &str) -> bool {
    generic_stems().contains(stem)
}

/// Whether a lowercased word turns round what follows it ([`NEGATORS`]).
pub fn is_negator(lower: &str) -> bool {
    NEGATORS.contains(&lower)
}

/// Whether a lowercased word is a stop word.
pub fn is_stop_word(lower: &str) -> bool {
    stop_words().contains(lower)
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stem of a lowercased word (American `-ize`/`-yze` forms made British first).
pub fn stem(lower: &str) -> String {
    // Texts repeat their words: a per-thread memo makes stemming a whole bank (the lint) cheap.
    thread_local! {
        static MEMO: std::cell::RefCell<FastMap<String, String>> =
            std::cell::RefCell::new(FastMap::default());
    }
    if let Some(s) = MEMO.with(|m| m.borrow().get(lower).cloned()) {
        return s;
    }
    let word = britishise(&underive(lower));
    let stemmed = vocabulary::keep_apart(&word, stemmer().stem(&word).into_owned());
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(lower.to_string(), stemmed.clone());
    });
    stemmed
}

/// Nouns and adverbs Snowball leaves apart from their verbs and adjectives, taken to them:
/// "resolution" is "resolve", "recovery" "recover", "analysis" "analyse", "verification"
/// "verify", "response" "respond" (not "responsible"), "failure" "fail", "disclosure"
/// "disclose", "growth" "grow", "exclusion" "exclude", "extension" "extend", "temporarily"
/// "temporary". Each rule is an ending of English derivation, not a list of words; the part
/// before it must keep 2 letters ("reduction", not "vision" or "emission").
const DERIVATIONS: &[(&str, &str)] = &[
    ("olution", "olve"),
    ("olutions", "olve"),
    ("anation", "ain"),
    ("anations", "ain"),
    ("overy", "over"),
    ("overies", "over"),
    ("ivery", "iver"),
    ("iveries", "iver"),
    ("ysis", "yse"),
    ("yses", "yse"),
    ("duction", "duce"),
    ("ductions", "duce"),
    ("umption", "ume"),
    ("umptions", "ume"),
    ("mission", "mit"),
    ("missions", "mit"),
    ("ification", "ify"),
    ("ifications", "ify"),
    ("sponse", "spond"),
    ("sponses", "spond"),
    ("osure", "ose"),
    ("osures", "ose"),
    ("ilure", "il"),
    ("ilures", "il"),
    ("owth", "ow"),
    ("clusion", "clude"),
    ("clusions", "clude"),
    ("ension", "end"),
    ("ensions", "end"),
    ("pansion", "pand"),
    ("arily", "ary"),
];

fn underive(w: &str) -> std::borrow::Cow<'_, str> {
    for (noun, verb) in DERIVATIONS {
        if let Some(base) = w.strip_suffix(noun)
            && base.chars().count() >= 2
        {
            return format!("{base}{verb}").into();
        }
    }
    // `-ision` and `-ription` only where the bank has the verb: "decision" is "decide",
    // "revision" "revise", but "vision" stays.
    vocabulary::verb_of(w)
        .or_else(|| vocabulary::adjective_of(w))
        .or_else(|| vocabulary::compared(w).map(str::to_string))
        .map_or(w.into(), Into::into)
}

fn britishise(w: &str) -> String {
    for (us, uk) in [("iz", "is"), ("yz", "ys")] {
        for end in ["e", "es", "ed", "ing", "ation", "ations", "er", "ers"] {
            let suffix = format!("{us}{end}");
            if let Some(base) = w.strip_suffix(&suffix)
                && base.chars().count() >= 3
            {
                return format!("{base}{uk}{end}");
            }
        }
    }
    w.to_string()
}

/// Splits text into lowercase words (runs of letters and digits).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// The stems of a text's words that are not stop words (what "the question contains").
pub fn content_stems(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    words(text)
        .into_iter()
        .filter(|w| !is_stop_word(w))
        .map(|w| stem(&w))
        .filter(|s| seen.insert(s.clone()))
        .collect()
}
