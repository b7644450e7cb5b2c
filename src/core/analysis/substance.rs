//! How much an answer says: whether it states anything specific, or only names topics.
//!
//! A weak answer ("I introduced CI/CD with Jenkins; automation is the way forward") names a key
//! point's topic in one word and says nothing about it. A hiring manager does not tick the
//! point: naming a topic is not making it. Such answers are short and state no figure; an
//! answer that tells what happened gives numbers (a size, a duration, a result) or runs long
//! enough to tell it. So an answer that states no figure ([`figures::states_figure`]) and has
//! fewer than [`THIN_WORDS`] words (but enough to judge: [`Substance::thin`]) is *thin*: there a keyword that names one thing counts only
//! with support in its sentence (another of the point's terms, or a specific word of its
//! text), as a generic keyword always does ([`Evidence::Supported`]). Other answers keep the
//! ordinary rule: one keyword is evidence enough.
//!
//! An answer may also run long and say nothing: made of generic words ("communication",
//! "stakeholders", "aligned", "lessons"), it holds two words of a key point in one sentence by
//! chance. An answer that states no figure and has fewer than [`SPARSE_SPECIFIC`] different
//! specific words is *sparse* ([`Substance::sparse`]): there a point counts only through one of
//! its keywords. In the labelled sets we can read (2026-12-06), 10 of the 11 ticks that such
//! answers got from a `together` group, two words of a point's text or a supported keyword
//! were wrong; weak answers there hold 4-20 specific words, genuine ones 11-70 (a tenth under
//! 21). An answer with a figure is not sparse: it tells something measured (a genuine
//! 65-word answer with 12 specific words and a figure keeps its ticks).
//!
//! The threshold comes from the labelled sets we wrote (the dev file, `own-answers.json`, the
//! fresh sets; docs/mock-interviews.md, 2026-12-06): weak answers there that state no figure
//! run 20-49 words, genuine ones 39-176, and only the short ones lose a tick.

use super::relevance::MIN_STEMS;
use super::tokens::tokenize;
use crate::core::figures;
use crate::core::matcher::{Evidence, MatchText, content_stems, is_generic_stem};

/// An answer with no figure and fewer words than this is thin.
pub const THIN_WORDS: usize = 60;

/// An answer with fewer distinct specific content words than this (words not in the matcher's
/// generic list) is sparse ([`Substance::sparse`]).
pub const SPARSE_SPECIFIC: usize = 15;

/// What an answer holds that tells a story rather than names topics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Substance {
    /// Words, counted as the insights count them.
    pub words: usize,
    /// Distinct content words (stems, stop words left out).
    pub stems: usize,
    /// Of those, the ones that are not generic ("stakeholders", "process", "improve" are
    /// generic: `matcher::GENERIC_WORDS`).
    pub specific: usize,
    /// Whether it states a figure: digits, a number word, a ratio, a fraction ("a third").
    pub figure: bool,
}

impl Substance {
    pub fn of(text: &str) -> Self {
        let tokens = tokenize(text);
        let figure = tokens.iter().enumerate().any(|(i, t)| {
            let prev = i.checked_sub(1).map(|p| tokens[p].lower.as_str());
            figures::states_figure(&t.lower, prev)
        });
        let stems = content_stems(text);
        Substance {
            words: tokens.len(),
            specific: stems.iter().filter(|s| !is_generic_stem(s)).count(),
            stems: stems.len(),
            figure,
        }
    }

    /// Whether the answer states no figure and is short: it can do little more than name
    /// topics. A note of a few words ("We ran an RCA", fewer than [`MIN_STEMS`] content words,
    /// as the relevance check counts them) is not judged: too few words to tell padding from
    /// a terse point, so its keywords count as they are.
    pub fn thin(&self) -> bool {
        !self.figure && self.words < THIN_WORDS && self.stems >= MIN_STEMS
    }

    /// Whether the answer says too little for two words in one sentence to make a key point:
    /// fewer than [`SPARSE_SPECIFIC`] different specific words, however long it runs ("I
    /// believe in communication with stakeholders, aligning the team and learning lessons..."
    /// is made of generic words). There a point counts only through one of its keywords
    /// ([`MatchText::keywords_only`]): a `together` group, words of its text or a keyword
    /// beside a supporting word turn up by chance in such sentences, and the keyword needs a
    /// second sign of the point (such answers name topics more than they make points). A
    /// note of a few words
    /// (fewer than [`MIN_STEMS`] content words) is not judged, as for [`Substance::thin`].
    ///
    /// [`MatchText::keywords_only`]: crate::core::matcher::MatchText::keywords_only
    pub fn sparse(&self) -> bool {
        !self.figure && self.specific < SPARSE_SPECIFIC && self.stems >= MIN_STEMS
    }

    /// `text` (this answer) prepared for matching under the rules its substance sets: what a
    /// keyword needs ([`Substance::evidence`]) and whether only keywords count
    /// ([`Substance::sparse`]).
    pub fn match_text(&self, text: &str) -> MatchText {
        MatchText::new(text)
            .with_evidence(self.evidence())
            .keywords_only(self.sparse())
    }

    /// What a keyword needs to count in this answer.
    pub fn evidence(&self) -> Evidence {
        if self.thin() {
            Evidence::Supported
        } else {
            Evidence::Keyword
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_answer_without_figures_is_thin() {
        let s = Substance::of(
            "We moved the print servers to the cloud last year and it went really well. \
             Everyone was happy with the new setup, support got easier and the team learnt a \
             great deal from the whole project.",
        );
        assert!(!s.figure);
        assert!(s.thin(), "{s:?}");
        assert_eq!(s.evidence(), Evidence::Supported);
    }

    #[test]
    fn a_note_of_a_few_words_is_not_judged() {
        let s = Substance::of("We moved the print servers to the cloud.");
        assert!(!s.figure);
        assert!(s.stems < MIN_STEMS, "{s:?}");
        assert!(!s.thin());
        assert_eq!(s.evidence(), Evidence::Keyword);
    }

    #[test]
    fn a_figure_in_any_form_makes_an_answer_substantial() {
        for text in [
            "We moved 40 print servers.",
            "We moved forty print servers.",
            "We halved the print queue.",
            "Calls fell by a third.",
            "Uptime reached 99.9% that year.",
        ] {
            let s = Substance::of(text);
            assert!(s.figure, "{text}");
            assert!(!s.thin(), "{text}");
            assert_eq!(s.evidence(), Evidence::Keyword, "{text}");
        }
        // An ordinal or a period is no figure.
        assert!(!Substance::of("The third time the next quarter came round.").figure);
    }

    #[test]
    fn an_answer_of_generic_words_is_sparse_however_long() {
        let padded = "I believe communication is key, so I always keep stakeholders informed \
            and aligned with the business. I make sure the team works together and \
            everyone knows their priorities. We review the process regularly, learn lessons \
            and look for ways to improve, because continuous improvement matters. In the end \
            it is about people, trust and delivering value for the business and the team, \
            and making sure everyone feels supported and heard along the way.";
        let s = Substance::of(padded);
        assert!(s.words >= THIN_WORDS, "{s:?}");
        assert!(!s.thin());
        assert!(
            s.specific < SPARSE_SPECIFIC && s.stems >= MIN_STEMS,
            "{s:?}"
        );
        assert!(s.sparse());
    }

    #[test]
    fn a_story_a_figure_or_a_note_is_not_sparse() {
        let story = "I sat down with the facilities lead and walked the plant room with her. \
            She showed me where the cooling failed last summer and why the spare unit never \
            started, so her contractor serviced both units and my engineers added \
            temperature alerts to the rack sensors.";
        let s = Substance::of(story);
        assert!(s.specific >= SPARSE_SPECIFIC, "{s:?}");
        assert!(!s.sparse());
        // Few specific words but a figure: it tells something measured.
        let s = Substance::of(
            "I always keep stakeholders informed and aligned with the business, and the team \
             works together on priorities; we cut the backlog by 40 percent and improved.",
        );
        assert!(s.specific < SPARSE_SPECIFIC && s.figure, "{s:?}");
        assert!(!s.sparse());
        // A note of a few words is not judged.
        let s = Substance::of("Keep stakeholders informed.");
        assert!(s.stems < MIN_STEMS);
        assert!(!s.sparse());
    }

    #[test]
    fn a_long_answer_is_not_thin_without_figures() {
        let text = "I sat down with the facilities lead and walked the plant room with her. \
            She showed me where the cooling failed last summer and why the spare unit never \
            started. We agreed that her contractor would service both units before the warm \
            weather, that my engineers would add temperature alerts to the rack sensors, and \
            that we would test the failover together on a quiet weekend morning with the \
            building manager present.";
        let s = Substance::of(text);
        assert!(!s.figure);
        assert!(s.words >= THIN_WORDS, "{}", s.words);
        assert!(!s.thin());
        // One word fewer than the threshold is thin.
        let short: String = text
            .split_whitespace()
            .take(THIN_WORDS - 1)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(Substance::of(&short).thin());
    }
}
