//! Whether a text covers a key point, and through which words: keywords, `together` groups,
//! the point's own words, generic keywords with support, `require` gates, joined claims and a
//! second sign for a point that names several things.

use std::ops::Range;
use std::rc::Rc;

use super::acronym::spelled_spans;
use super::point::{CONCEPT_MIN, CONCEPT_SPECIFIC, ConceptWord, PreparedPoint};
use super::stemming::is_generic_stem;
use super::term::Term;
use super::text::{Evidence, Found, MatchText};
use super::thesaurus;
use super::word::{Word, same_word};
use crate::core::deck::KeyPoint;

/// How a key point was found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// One of its keywords (with a second sign where the point names several things).
    Keyword,
    /// All the terms of one of its `together` groups, in one sentence.
    Together,
    /// Words of its text, in one sentence ([`CONCEPT_MIN`] with [`CONCEPT_SPECIFIC`] specific, or one more with one).
    OwnWords,
    /// A keyword that needs support, beside a supporting word in its sentence.
    Supported,
}

impl MatchText {
    /// The words of this text that make `point` count (as typed, one entry per keyword or
    /// term matched), or `None` when it does not count. See the module doc for the rule.
    pub fn check(&self, point: &KeyPoint) -> Option<Vec<String>> {
        self.check_prepared(&PreparedPoint::new(point))
    }

    /// [`MatchText::check`] with the point's terms prepared once (for many texts).
    pub fn check_prepared(&self, point: &PreparedPoint) -> Option<Vec<String>> {
        self.check_route(point).map(|(_, words)| words)
    }

    /// [`MatchText::check_prepared`] with the way the point was found ([`Route`]).
    pub fn check_route(&self, point: &PreparedPoint) -> Option<(Route, Vec<String>)> {
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

    /// Whether a match through the keyword `term` (found at `at`) stands where the point names
    /// several things ([`PreparedPoint::several`]): one keyword is then one of them ("DPO" of
    /// "Knows the 72-hour breach reporting duty and works with the DPO", "MFA" of "Secures
    /// processing with access control, MFA and encryption") or a name of the author's, so the
    /// text must give a second sign of the point. (Letting a keyword of the text's first part,
    /// its main claim, stand alone was measured and lost: docs/mock-interviews.md.) Anywhere in it, not negated: another of the point's
    /// terms (a keyword or `require` term with other words, a `together` group), a specific
    /// word of one of its terms or of its text (or a paraphrase of a word of its text); or, in
    /// the keyword's own sentence, a generic word of its text. A point that names one thing
    /// takes one keyword as before, except in a text that says too little
    /// ([`MatchText::keywords_only`]): there naming a point's topic is not yet making it, so
    /// every keyword needs the second sign.
    fn second_sign(&self, point: &PreparedPoint, term: &Term, at: &[usize]) -> bool {
        if !point.several && !self.keywords_only {
            return true;
        }
        let own = term.content_stems();
        let elsewhere = |i: &usize| !self.negated[*i] && !at.contains(i);
        let sentence = self.words[at[0]].sentence;
        // A generic word of the text beside the keyword: "breaks ... working again fast".
        let beside = point
            .concept
            .iter()
            .filter(|c| c.generic && !own.contains(&c.word.stem.as_str()))
            .any(|c| {
                self.found(&c.word)
                    .direct
                    .iter()
                    .any(|i| elsewhere(i) && self.words[*i].sentence == sentence)
            });
        let other_term = point
            .keywords
            .iter()
            .chain(point.require.iter().flatten())
            .filter(|o| !o.content_stems().iter().all(|s| own.contains(s)))
            .any(|o| {
                self.occurrences(o, true)
                    .iter()
                    .any(|oat| oat.iter().all(|i| !at.contains(i)))
            });
        let term_word = || {
            point
                .term_words
                .iter()
                .filter(|w| !own.contains(&w.stem.as_str()))
                .any(|w| self.index().same_word(&self.words, w).iter().any(elsewhere))
        };
        let text_word = || {
            point
                .concept
                .iter()
                .filter(|c| !c.generic && !own.contains(&c.word.stem.as_str()))
                .any(|c| {
                    let found = self.found(&c.word);
                    found.direct.iter().any(elsewhere)
                        || thesaurus::alternatives(&c.word.stem)
                            .iter()
                            .zip(&found.through)
                            .any(|(alt, occ)| {
                                alt.specific()
                                    && !alt.content_stems().iter().all(|s| own.contains(s))
                                    && occ.iter().any(|o| o.iter().all(elsewhere))
                            })
                })
        };
        beside
            || other_term
            || term_word()
            || text_word()
            || (!point.together.is_empty() && self.together_match(point).is_some())
    }

    fn check_words(&self, point: &PreparedPoint) -> Option<(Route, Vec<String>)> {
        // A point that asks for a figure is not made by an answer that states none.
        if point.numeric && !self.states_figure() {
            return None;
        }
        let all = 0..self.words.len();
        // Where the text must support its keywords, one that names a single thing needs it.
        let alone = |t: &&Term| self.evidence == Evidence::Keyword || !t.names_one_thing();
        let mut matched: Option<(Route, Vec<String>)> = point
            .keywords
            .iter()
            .filter(alone)
            .filter_map(|t| Some((t, self.find_in(t, all.clone())?)))
            .find(|(t, at)| self.whole_claim(point, t) && self.second_sign(point, t, at))
            .map(|(_, at)| (Route::Keyword, vec![self.typed(&at)]));
        // The words of a keyword found that did not stand (one thing of several, one claim of
        // two) are that keyword still: alone they are no two words of the point's text either
        // ("lift and shift" of "Rehost or lift and shift, and replatform" is one name).
        let spent: Vec<Vec<usize>> = if matched.is_none() {
            point
                .keywords
                .iter()
                .filter(alone)
                .flat_map(|t| self.occurrences(t, true))
                .filter(|at| at.len() > 1)
                .collect()
        } else {
            Vec::new()
        };
        // In a text that says too little, only a keyword: two words are chance there.
        if matched.is_none() && self.keywords_only {
            return None;
        }
        if matched.is_none() && !point.together.is_empty() {
            matched = self.together_match(point).map(|m| (Route::Together, m));
        }
        if matched.is_none() {
            matched = self
                .concept_match(&point.concept, &spent)
                .map(|m| (Route::OwnWords, m));
        }
        if matched.is_none() && !point.weak.is_empty() {
            matched = self
                .supported_match(point, &point.weak)
                .map(|m| (Route::Supported, m));
        }
        if matched.is_none() && self.evidence == Evidence::Supported {
            let strict: Vec<Term> = point
                .keywords
                .iter()
                .filter(|t| t.names_one_thing())
                .filter(|t| self.whole_claim(point, t))
                .cloned()
                .collect();
            matched = self
                .supported_match(point, &strict)
                .map(|m| (Route::Supported, m));
        }
        let (route, mut matched) = matched?;
        if let Some(require) = &point.require {
            let gate = require.iter().find_map(|t| self.find_in(t, all.clone()))?;
            let typed = self.typed(&gate);
            if !matched.contains(&typed) {
                matched.push(typed);
            }
        }
        Some((route, matched))
    }

    /// One of `terms` (the generic keywords, or where the text must support every keyword
    /// that names one thing, those) with a supporting word in its sentence: another of the
    /// point's keywords or `require` terms (not generic ones), or a word of its text that is
    /// not generic and that the keyword does not hold.
    fn supported_match(&self, point: &PreparedPoint, terms: &[Term]) -> Option<Vec<String>> {
        self.sentence_scopes().into_iter().find_map(|scope| {
            terms.iter().find_map(|t| {
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

    /// A `together` group whose terms all match in one sentence (and, where the point joins
    /// claims, with the others told: [`MatchText::whole_claim`]); a group made only of generic
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
                // A group that speaks to one claim of a point joining two needs the other too,
                // as a keyword does ("stayed professional" is not "... and draws a lesson").
                if !self.whole_claim(point, &Term::joined(terms)) {
                    return None;
                }
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

    /// The first sentence holding [`CONCEPT_MIN`] distinct words of a key point's text,
    /// [`CONCEPT_SPECIFIC`] of them typed as specific words, or one more with at least one
    /// specific: the typed words, in the text's order. Words that are all of one occurrence in `spent` (a keyword that did not
    /// stand) are no match: they are one name, not two words.
    fn concept_match(&self, concept: &[ConceptWord], spent: &[Vec<usize>]) -> Option<Vec<String>> {
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
            // Words that all belong to one keyword that did not stand are that keyword again.
            let fresh = !spent.iter().any(|occ| {
                hits.iter()
                    .all(|(at, _, _)| at.iter().all(|i| occ.contains(i)))
            });
            let enough = fresh
                && ((hits.len() >= CONCEPT_MIN && specific >= CONCEPT_SPECIFIC)
                    || (hits.len() > CONCEPT_MIN && specific >= 1));
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
pub(super) fn first_in(occurrences: &[Vec<usize>], sentence: &Range<usize>) -> Option<Vec<usize>> {
    occurrences
        .iter()
        .find(|at| sentence.contains(&at[0]))
        .cloned()
}
