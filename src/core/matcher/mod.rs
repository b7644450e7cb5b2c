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
//!   "recover": `stemming::DERIVATIONS`; "decision" is "decide" where the bank has the verb).
//!   Where Snowball joins words of different meanings they are kept apart, judged by the words of
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
//!   something of the other too (`point::claims`). A point whose text names several things
//!   (two or more parts with a specific word, split at punctuation and joining words:
//!   `point::parts`) is not covered by one keyword alone: the text must hold a second sign of
//!   the point too (another of its terms, a specific word of one of them or of its text, or a
//!   generic word of its text beside the keyword: `MatchText::second_sign`). A keyword that
//!   did not stand so is one name, not two words of the point's text ("lift and shift").
//! - Negation: a term shortly after a negator ([`NEGATORS`]) or after "should have", "could
//!   have", "would have" and a past participle ("I should've asked") does not count.
//! - A key point whose text asks for a figure ("Quantifies the saving", "Shows a measured
//!   result", "Achievements with numbers": `point::asks_for_figure`) is not covered by a text
//!   that states none (digits, a number word, "halved", "a third": `core::figures`).
//! - Where the caller asks for support ([`Evidence::Supported`], for an answer that says
//!   nothing specific: `analysis::Substance`), a keyword that names one thing (one word or
//!   one hyphenated compound, not a past tense or an `-ly` adverb: [`Term::names_one_thing`])
//!   counts only beside a supporting word in its sentence, as a generic keyword always does.
//! - Where the caller says the text says too little ([`MatchText::keywords_only`], for an
//!   answer of generic words: `analysis::Substance::sparse`), a point counts only through one
//!   of its keywords: not through a `together` group, words of its text or a keyword
//!   beside a supporting word, which such sentences hold by chance; and that keyword needs a
//!   second sign of the point even where the point names one thing.
//! - A keyword whose words (stop words aside) all occur in the card's question never counts:
//!   repeating the question is not an answer. Likewise a `together` group whose terms all
//!   occur in the question. The parser records the question's words on each key point
//!   ([`KeyPoint::question`]). An acronym's full name counts as the acronym: a keyword that
//!   spells out one the question uses is in the question, and an answer's words that spell it
//!   out count as negated, unless the point's text spells it out itself.
//!
//! The files, one step each: `stemming` (words, stop and generic words, stems), `word` (a text
//! split into words and sentences; when two words match), `acronym` (acronyms of the question
//! spelt out), `term` (a keyword prepared, and in other words), `point` (a key point prepared:
//! its terms, the words of its text, its claims), `text` (an answer prepared: negation, where a
//! term occurs), `cover` (whether an answer covers a point); `index`, `thesaurus`, [`verbs`],
//! `vocabulary` and `lexicon` hold what they use.

use crate::core::deck::KeyPoint;

mod acronym;
mod cover;
mod index;
mod lexicon;
mod point;
mod stemming;
mod term;
mod text;
mod thesaurus;
pub mod verbs;
mod vocabulary;
mod word;

pub use cover::Route;
pub use lexicon::{GENERIC_WORDS, NEGATORS, STOP_WORDS};
pub use point::{CONCEPT_MIN, CONCEPT_SPECIFIC, PreparedPoint};
pub use stemming::{content_stems, is_generic_stem, is_negator, is_stop_word, stem, words};
pub use term::Term;
pub use text::{Evidence, MatchText, NEGATION_REACH};

/// Most other words allowed between two words of a multi-word keyword.
pub const GAP: usize = 1;

/// Shortest word (in letters) that typo tolerance applies to.
pub const TYPO_MIN_LEN: usize = 7;

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
#[cfg(test)]
mod tests_evidence;
