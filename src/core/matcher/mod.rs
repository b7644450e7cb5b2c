//! The key-point matcher: does a typed answer cover a key point, and through which words?
//!
//! The one implementation used by drill checklists, mock-interview debriefs, `prepdeck answer`,
//! the `decks check` lint and the content tests. The rules (docs/deck-format.md explains them
//! to deck authors):
//!
//! - Words are runs of letters and digits, compared lowercased after Snowball English stemming
//!   (`rust-stemmers`), so "prioritise", "prioritised" and "prioritisation" are one word, and
//!   so are "policy" and "policies". American `-ize`/`-yze` spellings count as British
//!   `-ise`/`-yse` ("prioritize" is "prioritise"). Noun endings Snowball keeps apart from
//!   their verb are taken to the verb first ("resolution" is "resolve", "recovery" is
//!   "recover": [`DERIVATIONS`]; "decision" is "decide" where the bank has the verb). Where
//!   Snowball joins words of different meanings they are kept apart, judged by the words of
//!   the built-in decks (`vocabulary`): an agent noun is not its verb ("developer",
//!   "officer"), an `-ly` word made from a noun is not the noun ("quarterly", "costly"), and a
//!   content word never stems to a stop word ("underlying" is not "under").
//! - Typo tolerance: a typed word of 7 letters or more that is one edit (a letter added,
//!   dropped, changed, or two neighbours swapped) from a keyword word of 7 letters or more, with
//!   the same first letter, still matches ("managment"), unless the typed word is itself a
//!   word of the built-in decks ("contact" is not a slip for "contract"). Shorter words must
//!   be spelt right: one edit turns too many short words into others. Numbers must match
//!   exactly.
//! - A keyword of several words matches those words in order within one sentence, with at
//!   most [`GAP`] other words between two of them ("risks were tracked early" matches
//!   "risk early" only if `GAP` allows it).
//! - A keyword of two or more content words also matches with one word replaced by a specific
//!   member of its paraphrase set ([`Term::paraphrases`]), and with the speaker in the other
//!   number ("we introduced" for `i introduced`); so does a `together` group with one term
//!   replaced.
//! - A key point is covered when one of its `keywords` matches, or when every term of one of
//!   its `together` groups matches in the same sentence; and then, if it has `require` terms,
//!   only when one of those matches too. A point whose text joins two claims ("Seeks feedback
//!   and takes ownership") is not covered by a keyword of one claim alone: the answer must say
//!   something of the other too ([`claims`]).
//! - A keyword whose words (stop words aside) all occur in the card's question never counts:
//!   repeating the question is not an answer. Likewise a `together` group whose terms all
//!   occur in the question. The parser records the question's words on each key point
//!   ([`KeyPoint::question`]). An acronym's full name counts as the acronym: a keyword that
//!   spells out one the question uses is in the question, and an answer's words that spell it
//!   out count as negated, unless the point's text spells it out itself.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::core::deck::KeyPoint;
use crate::core::fast_hash::{FastMap, FastSet};

mod index;
mod lexicon;
mod thesaurus;
pub mod verbs;
mod vocabulary;

pub use lexicon::{GENERIC_WORDS, NEGATORS, STOP_WORDS};

/// Most other words allowed between two words of a multi-word keyword.
pub const GAP: usize = 1;

/// Shortest word (in letters) that typo tolerance applies to.
pub const TYPO_MIN_LEN: usize = 7;

fn stop_words() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

fn generic_stems() -> &'static HashSet<String> {
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

/// One word of a text or a keyword.
#[derive(Clone, Debug)]
struct Word {
    lower: String,
    stem: String,
    /// Hashes of `lower` and `stem` ([`index::key`]), for the index's look-ups.
    lower_key: u64,
    stem_key: u64,
    sentence: usize,
    range: Range<usize>,
}

fn is_number(w: &str) -> bool {
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

fn word_matches(kw: &Word, tw: &Word) -> bool {
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
fn same_word(kw: &Word, tw: &Word) -> bool {
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

fn split_words(text: &str) -> Vec<Word> {
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

/// The words of `question` (stems) that are acronyms of the bank ("rto", "sla").
fn acronyms_in(question: &[String]) -> impl Iterator<Item = &str> {
    question
        .iter()
        .map(String::as_str)
        .filter(|q| vocabulary::is_acronym(q))
}

/// The acronyms of `point`'s question ([`acronyms_in`]) that the point's text does not spell
/// out: when the text says "Mean time to repair: ...", saying it is part of the point.
fn named_acronyms(point: &KeyPoint) -> Vec<String> {
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
fn spelled_spans(words: &[Word], acronym: &str) -> Vec<Range<usize>> {
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
fn spells(words: &[Word], acronym: &str) -> bool {
    let initials = |content: bool| -> String {
        words
            .iter()
            .filter(|w| !content || !is_stop_word(&w.lower))
            .filter_map(|w| w.lower.chars().next())
            .collect()
    };
    initials(false) == acronym || initials(true) == acronym
}

/// A keyword prepared for matching.
#[derive(Clone, Debug)]
pub struct Term {
    words: Vec<Word>,
    hyphenated: bool,
}

impl Term {
    pub fn new(keyword: &str) -> Self {
        Term {
            words: split_words(keyword),
            hyphenated: keyword
                .split_whitespace()
                .any(|w| w.trim_matches('-').contains('-')),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The stems of the term's words that are not stop words (all of them if all are).
    pub fn content_stems(&self) -> Vec<&str> {
        let content: Vec<&str> = self
            .words
            .iter()
            .filter(|w| !is_stop_word(&w.lower))
            .map(|w| w.stem.as_str())
            .collect();
        if content.is_empty() {
            self.words.iter().map(|w| w.stem.as_str()).collect()
        } else {
            content
        }
    }

    /// Whether all of the term's content words are among `stems` (e.g. the question's).
    pub fn within(&self, stems: &[String]) -> bool {
        !self.is_empty()
            && self
                .content_stems()
                .iter()
                .all(|s| stems.iter().any(|q| q == s))
    }

    /// Whether the term repeats `point`'s question: all its content words are the question's
    /// ([`Term::within`]), or it spells out an acronym the question uses (`recovery time
    /// objective` for "RTO", `mean time to repair` for "MTTR") and the point's text does not
    /// spell it out itself. Naming the term asked about is not an answer.
    pub fn repeats_question(&self, point: &KeyPoint) -> bool {
        self.within(&point.question)
            || (self.words.len() >= 2 && self.spells_any(&named_acronyms(point)))
    }

    /// [`Term::repeats_question`] with the point's [`named_acronyms`] worked out once for all
    /// of its terms (the lint prepares every point of the bank).
    fn repeats_question_naming(&self, point: &KeyPoint, acronyms: &[String]) -> bool {
        self.within(&point.question) || (self.words.len() >= 2 && self.spells_any(acronyms))
    }

    fn spells_any(&self, acronyms: &[String]) -> bool {
        acronyms.iter().any(|a| spells(&self.words, a))
    }

    /// Whether the term is one generic word ([`GENERIC_WORDS`]): such a term ("priority",
    /// "lessons") is in any padded answer, so it counts only beside a supporting word. A
    /// phrase ("on time", "the problem was") is the author's choice of words and stands alone;
    /// the lint's filler answers check that it says something.
    pub fn generic(&self) -> bool {
        self.words.len() == 1 && !self.hyphenated && is_generic_stem(&self.words[0].stem)
    }

    /// The term said in other words: each phrase of two or more words with one of its content
    /// words replaced by a member of that word's paraphrase sets (`thesaurus`), so `permanent
    /// fix` also matches "lasting fix", and with the speaker in the singular or the plural
    /// (`i introduced` matches "we introduced", `our data` "my data"): a candidate tells their
    /// story either way. Only a specific alternative replaces a word ("weeks" is no paraphrase
    /// of `time`), and the phrase keeps at least one of its own content words. One word alone
    /// is not replaced: a keyword of one word is the author's term, and its sets are loose
    /// ("late" for `time`).
    pub fn paraphrases(&self) -> Vec<Term> {
        if self.words.len() < 2 {
            return Vec::new();
        }
        let content = self
            .words
            .iter()
            .filter(|w| !is_stop_word(&w.lower))
            .count();
        let mut out = Vec::new();
        // Two content words in either order, one of them specific: `tickets closed` is "closed
        // 4,000 tickets", `risk assessment` "assessed the risk" (but `value delivered` is not
        // "delivering value": padding both ways round).
        if self.words.len() == 2
            && content == 2
            && !self.words.iter().any(|w| is_number(&w.lower))
            && self.words.iter().any(|w| !is_generic_stem(&w.stem))
        {
            out.push(Term {
                words: vec![self.words[1].clone(), self.words[0].clone()],
                hyphenated: self.hyphenated,
            });
        }
        for (i, w) in self.words.iter().enumerate() {
            if let Some(other) = first_person(&w.lower) {
                out.push(self.with(i, &Term::new(other)));
                continue;
            }
            // An irregular past in a phrase is its verb in any form: `broke the work` is also
            // "breaking the work" (not where the verb is padding: "found" is "find").
            if let Some(base) = verbs::irregular_base(&w.lower)
                && !is_stop_word(base)
                && !is_generic_stem(&stem(base))
                && !LIGHT_VERBS.contains(&base)
            {
                out.push(self.with(i, &Term::new(base)));
            }
            if content < 1 || is_stop_word(&w.lower) || is_number(&w.lower) {
                continue;
            }
            for alt in thesaurus::alternatives(&w.stem) {
                if alt.specific() {
                    out.push(self.with(i, alt));
                }
            }
        }
        out
    }

    /// The term with its word `i` replaced by `alt`'s words.
    fn with(&self, i: usize, alt: &Term) -> Term {
        let mut words = self.words[..i].to_vec();
        words.extend(alt.words.iter().cloned());
        words.extend(self.words[i + 1..].iter().cloned());
        Term {
            words,
            hyphenated: self.hyphenated || alt.hyphenated,
        }
    }

    /// Whether one of the term's content words is not generic: a paraphrase made only of
    /// padding ("keep informed", "weeks") says nothing in place of a word.
    pub fn specific(&self) -> bool {
        !self.only_stop_words()
            && self
                .content_stems()
                .iter()
                .any(|s| !is_generic_stem(s) && !is_stop_word(s))
    }

    /// Whether the term holds only stop words. A hyphenated compound ("must-have",
    /// "at-will") is one word of its own, not its parts.
    pub fn only_stop_words(&self) -> bool {
        self.words.iter().all(|w| is_stop_word(&w.lower)) && !self.hyphenated
    }
}

/// Verbs that say little outside an idiom ("went with" is a choice, "go with" anything): an
/// irregular past of one stays as written in a phrase.
const LIGHT_VERBS: &[&str] = &[
    "go", "come", "see", "say", "tell", "think", "let", "mean", "become", "feel", "leave", "hear",
    "stand", "fall", "hold",
];

/// The speaker in the other number: "i" and "we", "my" and "our", "me" and "us".
fn first_person(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "i" => "we",
        "we" => "i",
        "my" => "our",
        "our" => "my",
        "me" => "us",
        "us" => "me",
        _ => return None,
    })
}

/// A key point's terms, stemmed once, with those the question contains left out.
#[derive(Clone, Debug)]
pub struct PreparedPoint {
    keywords: Vec<Term>,
    /// Keywords made only of generic words: they count only with support in their sentence.
    weak: Vec<Term>,
    together: Vec<Vec<Term>>,
    require: Option<Vec<Term>>,
    /// The words of the point's text that carry its meaning (see [`concept_words`]).
    concept: Vec<ConceptWord>,
    /// The claims of a text that joins two ("Seeks feedback and takes ownership"): each
    /// claim's specific words. Empty when the text makes one claim.
    claims: Vec<Vec<ConceptWord>>,
    /// The acronyms of the card's question: an answer's words that spell one out name the
    /// term asked about and count no more than the acronym would.
    acronyms: Vec<String>,
}

/// One word of a key point's text, and whether it is generic ([`GENERIC_WORDS`]).
#[derive(Clone, Debug)]
struct ConceptWord {
    word: Word,
    generic: bool,
}

/// Fewest distinct words of a key point's text that one sentence of an answer must contain for
/// the text alone to cover the point; at least one of them must not be generic.
pub const CONCEPT_MIN: usize = 2;

/// Of those, how many must not be generic; with one word more, one specific word is enough.
pub const CONCEPT_SPECIFIC: usize = 2;

/// The words of a key point's text that can carry a match: not stop words, not the card's
/// question's words, not numbers, at least three letters; each stem once.
fn concept_words(point: &KeyPoint) -> Vec<ConceptWord> {
    let mut seen = HashSet::new();
    split_words(&point.text)
        .into_iter()
        .filter(|w| {
            w.lower.chars().count() >= 3
                && !is_stop_word(&w.lower)
                && !is_number(&w.lower)
                && !point.question.contains(&w.stem)
                && seen.insert(w.stem.clone())
        })
        .map(|word| ConceptWord {
            generic: is_generic_stem(&word.stem) || generic_stems().contains(&word.lower),
            word,
        })
        .collect()
}

/// The claims of a key point's text that joins two or more with "and" before a verb, as rubric
/// texts do ("Seeks feedback and takes ownership", "Separates the need from the risk and finds
/// a compromise"): each claim's words ([`concept_words`]). A text that does not start with a
/// verb, a list ("time, cost, quality and risk") and a part made only of generic words
/// ("Listens and measures the problem") are one claim.
fn claims(point: &KeyPoint) -> Vec<Vec<ConceptWord>> {
    let words = split_words(&point.text);
    let verb =
        |w: &Word| w.lower.ends_with('s') && !w.lower.ends_with("ss") && !is_stop_word(&w.lower);
    if !words.first().is_some_and(verb) {
        return Vec::new();
    }
    // Each part, and whether it names a thing ("and a lesson") rather than an act.
    let mut parts: Vec<(Vec<Word>, bool)> = vec![(Vec::new(), false)];
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1);
        // "and a lesson" after an act names a second thing, unless it ends a list ("likelihood,
        // impact and an overall score").
        let listed = || point.text[..w.range.start].contains(',');
        let thing = next
            .is_some_and(|n| matches!(n.lower.as_str(), "a" | "an" | "the" | "its" | "their"))
            && !listed();
        if w.lower == "and" && (thing || next.is_some_and(verb)) {
            parts.push((Vec::new(), thing));
        } else if let Some((p, _)) = parts.last_mut() {
            p.push(w.clone());
        }
    }
    let concept = concept_words(point);
    let claims: Vec<Vec<ConceptWord>> = parts
        .iter()
        .filter_map(|(p, thing)| {
            let words: Vec<ConceptWord> = concept
                .iter()
                .filter(|c| p.iter().any(|w| w.stem == c.word.stem))
                .cloned()
                .collect();
            // A thing counts even when its words are generic ("a lesson", "the result"); an
            // act made only of generic words ("Listens") is not demanded on its own.
            (words.iter().any(|w| !w.generic) || (*thing && !words.is_empty())).then_some(words)
        })
        .collect();
    if claims.len() >= 2 {
        claims
    } else {
        Vec::new()
    }
}

/// A `together` group in other words: one of its terms replaced by a specific member of its
/// paraphrase sets, or by one of its [`Term::paraphrases`]; the group's other terms still have
/// to occur in the same sentence.
fn group_paraphrases(group: &[Term]) -> Vec<Vec<Term>> {
    let mut out = Vec::new();
    for (j, term) in group.iter().enumerate() {
        let mut alts = term.paraphrases();
        if term.len() == 1 && !term.generic() {
            alts.extend(
                thesaurus::alternatives(&term.words[0].stem)
                    .iter()
                    .filter(|a| a.specific())
                    .cloned(),
            );
        }
        // The group's terms stay distinct: `["informed", "updated"]` does not become
        // `["informed", "keep informed"]`.
        let others: Vec<&str> = group
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != j)
            .flat_map(|(_, t)| t.content_stems())
            .collect();
        for alt in alts {
            if alt.content_stems().iter().any(|s| others.contains(s)) {
                continue;
            }
            let mut g = group.to_vec();
            g[j] = alt;
            out.push(g);
        }
    }
    out
}

impl PreparedPoint {
    pub fn new(point: &KeyPoint) -> Self {
        let acronyms = named_acronyms(point);
        let in_question = |t: &Term| t.repeats_question_naming(point, &acronyms);
        let (weak, keywords): (Vec<Term>, Vec<Term>) = point
            .keywords
            .iter()
            .map(|k| Term::new(k))
            .filter(|t| !t.is_empty() && !in_question(t))
            .partition(Term::generic);
        // Each phrase in other words ([`Term::paraphrases`]), after the author's own terms.
        let paraphrased: Vec<Term> = keywords
            .iter()
            .flat_map(Term::paraphrases)
            .filter(|t| !in_question(t))
            .collect();
        let mut keywords = keywords;
        keywords.extend(paraphrased);
        PreparedPoint {
            keywords,
            weak,
            together: {
                let groups: Vec<Vec<Term>> = point
                    .together
                    .iter()
                    .map(|g| g.iter().map(|k| Term::new(k)).collect::<Vec<Term>>())
                    .collect();
                let mut all = groups.clone();
                all.extend(groups.iter().flat_map(|g| group_paraphrases(g)));
                all.into_iter()
                    .filter(|g| !g.is_empty() && !g.iter().all(in_question))
                    .collect()
            },
            require: (!point.require.is_empty())
                .then(|| point.require.iter().map(|k| Term::new(k)).collect()),
            concept: concept_words(point),
            acronyms: acronyms.clone(),
            claims: claims(point),
        }
    }
}

/// A text prepared for matching many keywords against it.
#[derive(Clone, Debug, Default)]
pub struct MatchText {
    text: String,
    words: Vec<Word>,
    /// Per word: whether a negator ([`NEGATORS`]) comes up to [`NEGATION_REACH`] words
    /// before it in its sentence, so "we never ran a pilot" does not count as a pilot.
    negated: Vec<bool>,
    /// Where each keyword word can occur, built on the first search.
    index: OnceLock<index::WordIndex>,
    /// [`MatchText::found`]'s answers, by the word's key (and the word, to tell a collision).
    found: Memo<Found>,
    /// [`MatchText::starts`]' answers, the same way.
    starts: Memo<[usize]>,
}

/// Answers remembered per word of a key point or keyword: by the word's key, with the word
/// itself to tell two words of one key apart.
type Memo<T> = RefCell<FastMap<u64, (String, Rc<T>)>>;

/// Where one word of a key point's text occurs in a text: the positions of the same word, and
/// each of its thesaurus alternatives' [`MatchText::occurrences`] (in the thesaurus's order).
#[derive(Debug)]
struct Found {
    direct: Vec<usize>,
    through: Vec<Vec<Vec<usize>>>,
}

impl Found {
    fn is_empty(&self) -> bool {
        self.direct.is_empty() && self.through.iter().all(Vec::is_empty)
    }
}

/// How many words before a term a negator turns it round.
pub const NEGATION_REACH: usize = 3;

fn negations(words: &[Word]) -> Vec<bool> {
    let negates: Vec<bool> = (0..words.len()).map(|j| negates_at(words, j)).collect();
    (0..words.len())
        .map(|i| {
            (i.saturating_sub(NEGATION_REACH)..i)
                .any(|j| words[j].sentence == words[i].sentence && negates[j])
        })
        .collect()
}

/// Whether the word at `j` turns round what follows it: a negator ([`NEGATORS`]), except where
/// it adds rather than denies ("not just the price", "not only the servers", "no more than
/// ...") and "instead" that is not "instead of" ("Instead, I ran a pilot" ran one).
fn negates_at(words: &[Word], j: usize) -> bool {
    if !is_negator(&words[j].lower) {
        return false;
    }
    let next = words
        .get(j + 1)
        .filter(|w| w.sentence == words[j].sentence)
        .map(|w| w.lower.as_str());
    match words[j].lower.as_str() {
        "instead" => next == Some("of"),
        "not" | "no" => !matches!(next, Some("just" | "only" | "merely" | "simply" | "more")),
        _ => true,
    }
}

impl MatchText {
    pub fn new(text: &str) -> Self {
        let words = split_words(text);
        Self {
            text: text.to_string(),
            negated: negations(&words),
            words,
            index: OnceLock::new(),
            found: RefCell::default(),
            starts: RefCell::default(),
        }
    }

    fn index(&self) -> &index::WordIndex {
        self.index
            .get_or_init(|| index::WordIndex::new(&self.words))
    }

    /// The text's words, lowercased.
    pub fn words(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.lower.as_str()).collect()
    }

    /// The word indexes where `term` first occurs within the words `scope`.
    fn find_in(&self, term: &Term, scope: Range<usize>) -> Option<Vec<usize>> {
        self.find_with(term, scope, true)
    }

    /// [`MatchText::find_in`], with or without skipping negated occurrences.
    fn find_with(&self, term: &Term, scope: Range<usize>, negation: bool) -> Option<Vec<usize>> {
        let first = term.words.first()?;
        self.starts(first)
            .iter()
            .copied()
            .filter(|&i| scope.contains(&i) && !(negation && self.negated[i]))
            .find_map(|i| self.complete(term, i, scope.end))
    }

    /// Where a keyword word matches in this text ([`index::WordIndex::matching`]), found once
    /// per word: the lint tries the same keywords on the same filler answers many times.
    fn starts(&self, word: &Word) -> Rc<[usize]> {
        if let Some((lower, at)) = self.starts.borrow().get(&word.lower_key)
            && *lower == word.lower
        {
            return Rc::clone(at);
        }
        let at: Rc<[usize]> = self.index().matching(&self.words, word).into();
        // Another word with the same key (a hash collision) is looked up again each time.
        self.starts
            .borrow_mut()
            .entry(word.lower_key)
            .or_insert_with(|| (word.lower.clone(), Rc::clone(&at)));
        at
    }

    /// The rest of `term` after its first word matched at `i`: each next word within [`GAP`]
    /// words of the previous one, in the same sentence, before `end`.
    fn complete(&self, term: &Term, i: usize, end: usize) -> Option<Vec<usize>> {
        let mut at = vec![i];
        let mut prev = i;
        for kw in &term.words[1..] {
            let stop = (prev + 2 + GAP).min(end);
            let j = (prev + 1..stop).find(|&j| {
                self.words[j].sentence == self.words[i].sentence && word_matches(kw, &self.words[j])
            })?;
            at.push(j);
            prev = j;
        }
        Some(at)
    }

    /// Every occurrence of `term` in the text, in order of its first word: what
    /// [`MatchText::find_with`] finds in a sentence is the first of them that starts there
    /// ([`first_in`]), so a term looked up in sentence after sentence is searched for once.
    fn occurrences(&self, term: &Term, negation: bool) -> Vec<Vec<usize>> {
        let Some(first) = term.words.first() else {
            return Vec::new();
        };
        self.starts(first)
            .iter()
            .copied()
            .filter(|&i| !(negation && self.negated[i]))
            .filter_map(|i| self.complete(term, i, self.words.len()))
            .collect()
    }

    /// The word index range of the first occurrence of `keyword`, if any.
    pub fn find(&self, keyword: &str) -> Option<Range<usize>> {
        let at = self.find_in(&Term::new(keyword), 0..self.words.len())?;
        Some(at[0]..at[at.len() - 1] + 1)
    }

    pub fn contains(&self, keyword: &str) -> bool {
        self.find(keyword).is_some()
    }

    fn typed(&self, at: &[usize]) -> String {
        at.iter()
            .map(|&i| &self.text[self.words[i].range.clone()])
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn sentence_scopes(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, w) in self.words.iter().enumerate() {
            match out.last_mut() {
                Some(r) if self.words[r.start].sentence == w.sentence => r.end = i + 1,
                _ => out.push(i..i + 1),
            }
        }
        out
    }

    /// The words of this text that make `point` count (as typed, one entry per keyword or
    /// term matched), or `None` when it does not count. See the module doc for the rule.
    pub fn check(&self, point: &KeyPoint) -> Option<Vec<String>> {
        self.check_prepared(&PreparedPoint::new(point))
    }

    /// [`MatchText::check`] with the point's terms prepared once (for many texts).
    pub fn check_prepared(&self, point: &PreparedPoint) -> Option<Vec<String>> {
        match self.spelled_out(&point.acronyms) {
            Some(muted) => muted.check_words(point),
            None => self.check_words(point),
        }
    }

    /// This text with the words that spell out one of `acronyms` ("the recovery time objective"
    /// when the question asks about RTO) counted as negated: a keyword among them ("recovery
    /// time") names the term asked about, it says nothing about it. `None` when there are none.
    fn spelled_out(&self, acronyms: &[String]) -> Option<MatchText> {
        let spans: Vec<Range<usize>> = acronyms
            .iter()
            .flat_map(|a| spelled_spans(&self.words, a))
            .collect();
        if spans.is_empty() {
            return None;
        }
        let mut negated = self.negated.clone();
        for r in spans {
            negated[r].iter_mut().for_each(|m| *m = true);
        }
        Some(MatchText {
            negated,
            ..self.clone()
        })
    }

    /// The claims of `point` that `term` speaks to: those holding one of its words, or a word
    /// it paraphrases.
    fn claims_of(point: &PreparedPoint, term: &Term) -> Vec<usize> {
        point
            .claims
            .iter()
            .enumerate()
            .filter(|(_, claim)| {
                claim.iter().any(|c| {
                    term.words.iter().any(|w| same_word(&c.word, w))
                        || thesaurus::alternatives(&c.word.stem).iter().any(|alt| {
                            alt.words
                                .iter()
                                .all(|a| term.words.iter().any(|w| a.stem == w.stem))
                        })
                })
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether the text says something of claim `i` of `point`: one of its words, or their
    /// paraphrases, anywhere and not negated, or a keyword that speaks to it.
    fn tells_claim(&self, point: &PreparedPoint, i: usize) -> bool {
        let all = 0..self.words.len();
        point.claims[i].iter().any(|c| {
            all.clone()
                .any(|j| !self.negated[j] && same_word(&c.word, &self.words[j]))
                || thesaurus::alternatives(&c.word.stem)
                    .iter()
                    .any(|t| self.find_in(t, all.clone()).is_some())
        }) || point
            .keywords
            .iter()
            .filter(|t| Self::claims_of(point, t).contains(&i))
            .any(|t| self.find_in(t, all.clone()).is_some())
    }

    /// Whether a match through `term` stands: when the point joins claims and the term speaks
    /// to one of them only, the text must say something of each other claim too ("ownership"
    /// alone does not cover "Seeks feedback and takes ownership").
    fn whole_claim(&self, point: &PreparedPoint, term: &Term) -> bool {
        let of = Self::claims_of(point, term);
        of.len() != 1
            || (0..point.claims.len())
                .filter(|i| *i != of[0])
                .all(|i| self.tells_claim(point, i))
    }

    fn check_words(&self, point: &PreparedPoint) -> Option<Vec<String>> {
        let all = 0..self.words.len();
        let mut matched: Option<Vec<String>> = point
            .keywords
            .iter()
            .filter_map(|t| Some((t, self.find_in(t, all.clone())?)))
            .find(|(t, _)| self.whole_claim(point, t))
            .map(|(_, at)| vec![self.typed(&at)]);
        if matched.is_none() && !point.together.is_empty() {
            matched = self.together_match(point);
        }
        if matched.is_none() {
            matched = self.concept_match(&point.concept);
        }
        if matched.is_none() && !point.weak.is_empty() {
            matched = self.supported_match(point);
        }
        let mut matched = matched?;
        if let Some(require) = &point.require {
            let gate = require.iter().find_map(|t| self.find_in(t, all.clone()))?;
            let typed = self.typed(&gate);
            if !matched.contains(&typed) {
                matched.push(typed);
            }
        }
        Some(matched)
    }

    /// A generic keyword with a supporting word in its sentence: another of the point's
    /// keywords or `require` terms (not generic ones), or a word of its text that is not
    /// generic and that the keyword does not hold.
    fn supported_match(&self, point: &PreparedPoint) -> Option<Vec<String>> {
        self.sentence_scopes().into_iter().find_map(|scope| {
            point.weak.iter().find_map(|t| {
                let at = self.find_in(t, scope.clone())?;
                let support = self.support(point, scope.clone(), &at, &t.content_stems())?;
                let mut out = vec![self.typed(&at), self.typed(&support)];
                if support[0] < at[0] {
                    out.swap(0, 1);
                }
                Some(out)
            })
        })
    }

    /// A word in `scope` that supports generic words found at `at` (whose stems are `own`):
    /// another of the point's keywords or `require` terms, or a word of its text that is not
    /// generic, not negated and not one of theirs.
    fn support(
        &self,
        point: &PreparedPoint,
        scope: Range<usize>,
        at: &[usize],
        own: &[&str],
    ) -> Option<Vec<usize>> {
        let other_term = point
            .keywords
            .iter()
            .chain(point.require.iter().flatten())
            .find_map(|o| {
                self.find_in(o, scope.clone())
                    .filter(|oat| oat.iter().all(|i| !at.contains(i)))
            });
        other_term.or_else(|| {
            point
                .concept
                .iter()
                .filter(|c| !c.generic && !own.contains(&c.word.stem.as_str()))
                .find_map(|c| {
                    self.index()
                        .same_word(&self.words, &c.word)
                        .into_iter()
                        .find(|&i| scope.contains(&i) && !at.contains(&i) && !self.negated[i])
                })
                .map(|i| vec![i])
        })
    }

    /// A `together` group whose terms all match in one sentence; a group made only of generic
    /// words (`["relationship", "improved"]`) is padding too and needs support like a single
    /// generic keyword.
    fn together_match(&self, point: &PreparedPoint) -> Option<Vec<String>> {
        let scopes = self.sentence_scopes();
        point.together.iter().find_map(|terms| {
            scopes.iter().find_map(|scope| {
                let found = terms
                    .iter()
                    .map(|t| self.find_in(t, scope.clone()))
                    .collect::<Option<Vec<Vec<usize>>>>()?;
                let mut out: Vec<String> = found.iter().map(|at| self.typed(at)).collect();
                if terms.iter().all(Term::generic) {
                    let at: Vec<usize> = found.concat();
                    let own: Vec<&str> = terms.iter().flat_map(Term::content_stems).collect();
                    let support = self.support(point, scope.clone(), &at, &own)?;
                    out.push(self.typed(&support));
                }
                Some(out)
            })
        })
    }

    /// The first sentence holding [`CONCEPT_MIN`] distinct words of a key point's text, none
    /// of them generic, or one more with at least one not generic: the typed words, in the
    /// text's order.
    fn concept_match(&self, concept: &[ConceptWord]) -> Option<Vec<String>> {
        if concept.iter().all(|c| c.generic) || concept.len() < CONCEPT_MIN {
            return None;
        }
        // Where each word occurs in the whole text, then taken sentence by sentence.
        let found: Vec<Rc<Found>> = concept.iter().map(|c| self.found(&c.word)).collect();
        // A sentence needs CONCEPT_MIN of the words: fewer in the whole text is a quick no.
        if found.iter().filter(|f| !f.is_empty()).count() < CONCEPT_MIN {
            return None;
        }
        self.sentence_scopes().into_iter().find_map(|scope| {
            let mut hits: Vec<(Vec<usize>, usize, bool)> = Vec::new();
            for (ci, found) in found.iter().enumerate() {
                // No negation here: a point's text may itself say "cannot be altered".
                let direct = found
                    .direct
                    .iter()
                    .copied()
                    .find(|i| scope.contains(i))
                    .map(|i| vec![i]);
                let at =
                    direct.or_else(|| found.through.iter().find_map(|occ| first_in(occ, &scope)));
                // Two words of the text found through one typed word count once.
                if let Some(at) = at
                    && !hits
                        .iter()
                        .any(|(h, _, _)| h.iter().any(|i| at.contains(i)))
                {
                    // A hit is specific when the typed words are not all generic: "time" typed
                    // for "deadlines" is still padding, "P1" typed for "priority" is not.
                    let specific = !at.iter().all(|&i| is_generic_stem(&self.words[i].stem));
                    hits.push((at, ci, specific));
                }
            }
            let specific = hits.iter().filter(|h| h.2).count();
            let enough = (hits.len() >= CONCEPT_MIN && specific >= CONCEPT_SPECIFIC)
                || (hits.len() > CONCEPT_MIN && specific >= 1);
            enough.then(|| {
                hits.sort_unstable();
                hits.iter().map(|(at, _, _)| self.typed(at)).collect()
            })
        })
    }

    /// Where a word of a key point's text occurs in this text, directly or through the
    /// thesaurus, found once per word: the lint looks for the same words in the same filler
    /// answers for every key point of the bank.
    fn found(&self, word: &Word) -> Rc<Found> {
        if let Some((lower, found)) = self.found.borrow().get(&word.lower_key)
            && *lower == word.lower
        {
            return Rc::clone(found);
        }
        let found = Rc::new(Found {
            direct: self.index().same_word(&self.words, word),
            through: thesaurus::alternatives(&word.stem)
                .iter()
                .map(|t| self.occurrences(t, false))
                .collect(),
        });
        // Another word with the same key (a hash collision) is found again each time.
        self.found
            .borrow_mut()
            .entry(word.lower_key)
            .or_insert_with(|| (word.lower.clone(), Rc::clone(&found)));
        found
    }

    /// Whether the text covers the key point.
    pub fn covers(&self, point: &KeyPoint) -> bool {
        self.check(point).is_some()
    }
}

/// The first of a term's [`MatchText::occurrences`] that starts in `sentence` (the word range
/// of one sentence, or of the whole text): what [`MatchText::find_in`] finds there.
fn first_in(occurrences: &[Vec<usize>], sentence: &Range<usize>) -> Option<Vec<usize>> {
    occurrences
        .iter()
        .find(|at| sentence.contains(&at[0]))
        .cloned()
}

/// Whether `keyword` occurs in `text` by the matching rule.
pub fn contains_keyword(text: &str, keyword: &str) -> bool {
    MatchText::new(text).contains(keyword)
}

/// For each key point, whether the text covers it.
pub fn coverage(text: &str, points: &[KeyPoint]) -> Vec<bool> {
    let t = MatchText::new(text);
    points.iter().map(|p| t.covers(p)).collect()
}

#[cfg(test)]
mod tests;
