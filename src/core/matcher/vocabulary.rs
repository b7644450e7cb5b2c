//! The words of the built-in decks (`VOCABULARY`, written by build.rs from `content/*.toml`):
//! what the matcher knows to be a word. Derived from the bank, never listed by hand.
//!
//! - A typed word that is a word of the bank (or a form of one) is never taken for a typo of
//!   another: "contact" is not a slip for "contract", nor "identify" for "identity".
//! - A derived word whose base is a word keeps its own meaning: an agent noun is not its verb
//!   ("developer" is not "develop", "officer" not "office") and an `-ly` word made from a noun
//!   is not the noun ("quarterly" is not "quarter", "costly" not "cost"), where Snowball joins them.

use std::collections::HashSet;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/vocabulary.rs"));

/// Whether a lowercased word occurs, as it is, in the built-in decks.
pub fn is_word(lower: &str) -> bool {
    VOCABULARY.binary_search(&lower).is_ok()
}

/// Whether a lowercased word is an acronym of the built-in decks (written in capitals there,
/// never in lower case: "rto", "sla", "kpi").
pub fn is_acronym(lower: &str) -> bool {
    ACRONYMS.binary_search(&lower).is_ok()
}

fn stems() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| VOCABULARY.iter().map(|w| super::stem(w)).collect())
}

/// Whether a lowercased word is a word of the bank or a form of one (its stem is one's stem):
/// "contacts" is known when "contact" is.
pub fn is_known(lower: &str) -> bool {
    is_word(lower) || stems().contains(&super::stem(lower))
}

/// Endings of adjectives: an `-ly` word made from one is its adverb, the same meaning
/// ("financially"), even when the adjective also serves as a noun ("financials").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "al", "ive", "ic", "ent", "ant", "ate", "ous", "ful", "ible", "able", "ar", "less",
];

/// Whether `base` is a noun of the bank: its plural is a word and it has no adjective ending.
fn noun(base: &str) -> bool {
    base.chars().count() >= 3
        && !ADJECTIVE_ENDINGS.iter().any(|e| base.ends_with(e))
        && (is_word(&format!("{base}s")) || is_word(&format!("{base}es")))
}

/// The bases an agent noun in `-er` can come from: "develop" (developer), "manage" (manager),
/// "plan" (planner), "identify" (identifier).
fn agent_bases(sing: &str) -> Vec<String> {
    let Some(stripped) = sing.strip_suffix("er") else {
        return Vec::new();
    };
    let mut out = vec![stripped.to_string(), format!("{stripped}e")];
    let b = stripped.as_bytes();
    if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
        out.push(stripped[..stripped.len() - 1].to_string());
    }
    if let Some(y) = stripped.strip_suffix('i') {
        out.push(format!("{y}y"));
    }
    out
}

/// The stem Snowball gave `word` (`snowball`), kept apart from a base of another meaning:
///
/// - a word that is not a stop word never stems to one ("underlying" is not "under");
/// - an agent noun whose base is a word keeps its ending ("developer", "officer",
///   "investigator"), so it is not its verb or noun;
/// - an `-ly` word whose base is a noun keeps its ending ("quarterly", "monthly", "costly"),
///   while an adverb stays with its adjective ("regularly" is "regular");
/// - an adjective in `-ite` is not its `-ition` noun ("definitely" is not "definition").
pub fn keep_apart(word: &str, snowball: String) -> String {
    if !super::is_stop_word(word)
        && super::is_stop_word(&snowball)
        && !inflection_of(word, &snowball)
    {
        return word.to_string();
    }
    let sing = word
        .strip_suffix('s')
        .filter(|s| s.ends_with("er") || s.ends_with("or"))
        .unwrap_or(word);
    if sing.ends_with("er")
        && !snowball.ends_with("er")
        && agent_bases(sing)
            .iter()
            .any(|b| b.chars().count() >= 3 && is_word(b))
    {
        return format!("{snowball}er");
    }
    if let Some(stripped) = sing.strip_suffix("ator")
        && !snowball.ends_with("ator")
        && is_word(&format!("{stripped}ate"))
    {
        return format!("{snowball}ator");
    }
    // An adjective in `-ite` (and its adverb) whose `-ition` noun is a word of the bank means
    // something else: Snowball gives "definitely" and "definition" one stem.
    if let Some(base) = word
        .strip_suffix("itely")
        .or_else(|| word.strip_suffix("ite"))
        && is_word(&format!("{base}ition"))
    {
        return format!("{base}itely");
    }
    if let Some(base) = word.strip_suffix("ly")
        && !snowball.ends_with("li")
        && noun(base)
    {
        return format!("{snowball}li");
    }
    snowball
}

/// Whether `word` is `base` with an inflection: "getting" of "get", "others" of "other", "having"
/// of "have" (not "underlying" of "under").
fn inflection_of(word: &str, base: &str) -> bool {
    ["s", "es", "ed", "d", "ing", "ting"]
        .iter()
        .filter_map(|end| word.strip_suffix(end))
        .any(|w| w == base || w.strip_suffix('e') == Some(base) || format!("{w}e") == base)
}

/// Nouns in `-ision` and `-ription` taken to their verb when the verb is a word of the bank:
/// "decision" is "decide", "revision" "revise", "description" "describe".
pub fn verb_of(word: &str) -> Option<String> {
    const RULES: &[(&str, &[&str])] = &[
        ("ision", &["ide", "ise"]),
        ("isions", &["ide", "ise"]),
        ("ription", &["ribe"]),
        ("riptions", &["ribe"]),
    ];
    RULES.iter().find_map(|(noun, verbs)| {
        let base = word.strip_suffix(noun)?;
        if base.chars().count() < 2 {
            return None;
        }
        verbs
            .iter()
            .map(|v| format!("{base}{v}"))
            .find(|v| is_word(v))
    })
}

/// An adverb in `-ly` taken to its adjective when Snowball leaves them apart and the adjective
/// is a word of the bank that is not a noun: "really" is "real", "easily" "easy", "deeply"
/// "deep" (so "really needed" says `real need`); "weekly" and "costly" stay apart (nouns),
/// and so does "only" (a stop word, and too short).
pub fn adjective_of(word: &str) -> Option<String> {
    if word.chars().count() < 6 {
        return None;
    }
    let base = word.strip_suffix("ly")?;
    let mut candidates = Vec::new();
    if let Some(b) = base.strip_suffix('i') {
        candidates.push(format!("{b}y"));
    }
    candidates.push(base.to_string());
    candidates
        .into_iter()
        .find(|c| c.chars().count() >= 4 && is_word(c) && !noun(c) && !super::is_stop_word(c))
}

/// Adjectives compared with `-er` and `-est` ("smaller", "biggest"): general English, the
/// common short ones. Not "late" and "early": "later" and "earlier" mostly mean "afterwards"
/// and "before".
const COMPARABLE: &[&str] = &[
    "small", "big", "large", "fast", "quick", "slow", "cheap", "easy", "high", "low", "short",
    "long", "clear", "simple", "safe", "strong", "weak", "close", "tight", "wide", "broad", "deep",
    "tough", "calm", "busy", "heavy", "light", "smart", "clean", "quiet", "loud", "rich", "poor",
    "fair", "firm", "hard", "soft", "new", "old", "young", "great", "narrow", "lean", "rough",
    "steady", "tidy", "lazy", "happy", "risky", "costly", "healthy", "friendly", "handy", "noisy",
    "sharp", "bold", "brief", "neat", "plain", "warm", "cool", "cold", "hot",
];

/// The adjective of a comparative or superlative ("smaller", "larger", "bigger", "easier",
/// "smallest"): [`COMPARABLE`] only, since an `-er` word is more often an agent ("planner").
pub fn compared(word: &str) -> Option<&'static str> {
    let base = word
        .strip_suffix("est")
        .or_else(|| word.strip_suffix("er"))?;
    let mut candidates = vec![base.to_string(), format!("{base}e")];
    if let Some(b) = base.strip_suffix('i') {
        candidates.push(format!("{b}y"));
    }
    // A doubled last letter ("biggest"): compared as letters, not bytes, so a letter of
    // several bytes ("ம", whose last two bytes are equal) is never cut in two.
    let mut last = base.chars().rev();
    if let (Some(a), Some(b)) = (last.next(), last.next())
        && a == b
    {
        candidates.push(base[..base.len() - a.len_utf8()].to_string());
    }
    candidates
        .iter()
        .find_map(|c| COMPARABLE.iter().find(|a| **a == c.as_str()).copied())
}
