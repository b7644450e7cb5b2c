//! A key point prepared for matching: its terms (less those the question contains), the words
//! of its text that carry its meaning, the claims a text joins with "and", and whether the
//! text names several things.

use std::collections::HashSet;

use super::acronym::named_acronyms;
use super::stemming::{generic_stems, is_generic_stem, is_stop_word};
use super::term::Term;
use super::thesaurus;
use super::word::{Word, is_number, split_words};
use crate::core::deck::KeyPoint;

/// A key point's terms, stemmed once, with those the question contains left out.
#[derive(Clone, Debug)]
pub struct PreparedPoint {
    pub(super) keywords: Vec<Term>,
    /// Keywords made only of generic words: they count only with support in their sentence.
    pub(super) weak: Vec<Term>,
    pub(super) together: Vec<Vec<Term>>,
    pub(super) require: Option<Vec<Term>>,
    /// The words of the point's text that carry its meaning (see [`concept_words`]).
    pub(super) concept: Vec<ConceptWord>,
    /// The claims of a text that joins two ("Seeks feedback and takes ownership"): each
    /// claim's specific words. Empty when the text makes one claim.
    pub(super) claims: Vec<Vec<ConceptWord>>,
    /// The acronyms of the card's question: an answer's words that spell one out name the
    /// term asked about and count no more than the acronym would.
    pub(super) acronyms: Vec<String>,
    /// Whether the point's text asks for a figure ("Quantifies the saving", "Shows a measured
    /// result"): an answer that states none cannot make it.
    pub(super) numeric: bool,
    /// Whether the point's text names several things ([`parts`]): one keyword alone
    /// is then one of them, and the answer must give a second sign of the point.
    pub(super) several: bool,
    /// The specific words of the point's terms (keywords, `together` groups, `require`), not
    /// in the question, each stem once: a second sign of the point where one is needed.
    pub(super) term_words: Vec<Word>,
}

/// One word of a key point's text, and whether it is generic ([`GENERIC_WORDS`]).
///
/// [`GENERIC_WORDS`]: super::GENERIC_WORDS
#[derive(Clone, Debug)]
pub(super) struct ConceptWord {
    pub(super) word: Word,
    pub(super) generic: bool,
}

/// Fewest distinct words of a key point's text that one sentence of an answer must contain for
/// the text alone to cover the point (see [`CONCEPT_SPECIFIC`]). A point whose text has fewer
/// such words is covered only through its keywords or `together` groups.
pub const CONCEPT_MIN: usize = 3;

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
pub(super) fn claims(point: &KeyPoint) -> Vec<Vec<ConceptWord>> {
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
        // A word in -s after the "and" that ends a list is its last item, not a second act
        // ("templates, diagrams and runbooks").
        if w.lower == "and" && (thing || (next.is_some_and(verb) && !listed())) {
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

/// Joining words that start another part of a key point's text ([`parts`]).
const PART_JOINS: &[&str] = &[
    " and ",
    " with ",
    " before ",
    " vs ",
    " versus ",
    " including ",
    " such as ",
    " e.g. ",
];

/// The parts of a key point's text, split at punctuation (`,` `;` `:` and brackets) and at
/// joining words ([`PART_JOINS`]: "and", "with", "such as"...), that hold a specific word of
/// the text (`concept`: not generic, not the question's). With two or more the text
/// names several things: "Secures processing with access control, MFA and encryption",
/// "Knows the 72-hour breach reporting duty and works with the DPO", "Tests quickly, then
/// deploys in waves"; not "Keeps users and stakeholders informed" (generic words) nor
/// "Checks recent changes". Finer than [`claims`]: a list's items are parts here, since a
/// keyword that names one item ("MFA") is not yet the point.
fn parts(text: &str, concept: &[ConceptWord]) -> usize {
    let mut text = format!(" {} ", text.to_lowercase());
    for join in PART_JOINS {
        text = text.replace(join, "|");
    }
    text.split(['|', ',', ';', ':', '(', ')'])
        .filter(|part| {
            split_words(part)
                .iter()
                .any(|w| concept.iter().any(|c| !c.generic && c.word.stem == w.stem))
        })
        .count()
}

/// The specific words of a key point's terms that the question does not contain, each stem
/// once: a word of another keyword ("breach" of `report a breach`) is a sign the answer speaks
/// of the point, though not the point made.
fn term_words(point: &KeyPoint) -> Vec<Word> {
    let mut seen = HashSet::new();
    point
        .keywords
        .iter()
        .chain(point.together.iter().flatten())
        .chain(&point.require)
        .flat_map(|k| Term::new(k).words)
        .filter(|w| {
            !is_stop_word(&w.lower)
                && !is_generic_stem(&w.stem)
                && !is_number(&w.lower)
                && !point.question.contains(&w.stem)
                && seen.insert(w.stem.clone())
        })
        .collect()
}

/// Whether a key point's text asks for a figure, so that an answer stating none cannot make
/// it: its act is to quantify ("Quantifies the noise") or, as its first word, to calculate
/// ("Calculates ROI or payback"); it asks for something measured ("Shows a measured result",
/// but not "how the figure was measured"); or it asks for numbers or figures ("Achievements
/// with numbers", "Gives the saving in figures"; but not "keeps incident figures honest").
pub(super) fn asks_for_figure(text: &str) -> bool {
    let words = split_words(text);
    words.iter().enumerate().any(|(i, w)| {
        let prev = i.checked_sub(1).map(|p| words[p].lower.as_str());
        let w = w.lower.as_str();
        w.starts_with("quantif")
            || (i == 0 && w.starts_with("calculat"))
            || (w == "measured"
                && !prev.is_some_and(|p| {
                    matches!(p, "was" | "were" | "is" | "are" | "be" | "been" | "how")
                }))
            || (matches!(w, "numbers" | "figures") && matches!(prev, Some("with" | "in")))
    })
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
        let concept = concept_words(point);
        PreparedPoint {
            several: parts(&point.text, &concept) >= 2,
            term_words: term_words(point),
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
            concept,
            acronyms: acronyms.clone(),
            claims: claims(point),
            numeric: asks_for_figure(&point.text),
        }
    }
}
