//! Answers told as a practice, the answer to "how do you...": a condition of any case ("When a
//! project slips, I...") marks a practice rather than a story told in the present, and what a
//! practice led to is told in the perfect or in the past since it began.

use super::lexicon::*;
use super::sentence::{Sentence, is_figure, is_in, is_participle, is_past};
use crate::core::matcher::STOP_WORDS;

/// Seasons, moments of a year: "this summer", "last spring".
pub const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

impl Sentence {
    /// A condition told of any case, the mark of a practice: "When a project starts to slip,
    /// I...", "If someone misses a deadline", "Whenever there is a P1", "Every time a new
    /// starter joins" (not "When the server crashed", "every time a manager needed an
    /// account, they would phone me": a moment of a story, or a trouble that kept happening);
    /// and a step taken for each case of an event, "within two days of every incident".
    pub(super) fn generic_condition(&self) -> bool {
        let mut k = 0;
        while matches!(self.at(k), "and" | "so" | "but" | "then") {
            k += 1;
        }
        // "We hold a review within two days of every major incident": each case of an
        // event, not a period of a schedule ("every month").
        let each_case = (1..self.words.len()).any(|m| {
            matches!(self.at(m), "every" | "each")
                && is_in(&["of", "after", "before", "for", "at", "on"], self.at(m - 1))
                && !self.at(m + 1).is_empty()
                && !is_in(STOP_WORDS, self.at(m + 1))
                && !is_figure(self.at(m + 1))
                // "every single Monday" is a schedule too.
                && (m + 1..m + 3).all(|h| {
                    let w = self.at(h);
                    !is_in(PERIODS, w)
                        && !is_in(TIME_UNITS, w)
                        && !w.strip_suffix('s').is_some_and(|d| is_in(WEEKDAYS, d))
                })
        });
        if each_case && !self.unambiguous_past() && !self.hypothetical() {
            return true;
        }
        let subject = match self.at(k) {
            "whenever" => k + 1,
            "when" | "if" | "once" => k + 1,
            "every" | "each" | "any" if self.at(k + 1) == "time" => k + 2,
            _ => return false,
        };
        let any_case = self.at(k) == "whenever"
            || matches!(
                self.at(subject),
                "a" | "an"
                    | "someone"
                    | "somebody"
                    | "anyone"
                    | "anybody"
                    | "something"
                    | "anything"
                    | "people"
                    | "things"
            );
        // The clause is told in the present: no past form before its end.
        let end = (subject + 1..self.words.len())
            .find(|&m| self.boundary(m) || matches!(self.at(m), "i" | "we"))
            .unwrap_or(self.words.len());
        any_case
            && (subject..end).all(|m| {
                !is_past(self.at(m))
                    && !is_in(PAST_AUXILIARIES, self.at(m))
                    && !matches!(self.at(m), "would" | "d")
            })
    }

    /// Told in the perfect, or in the past at a later moment: "breaches have fallen by half",
    /// "this summer we passed the audit" (not "last spring one of them mentioned...", "each action gets an owner", nor "the slide
    /// stays pinned", nor "it was a chance to talk").
    pub fn past_or_perfect(&self) -> bool {
        // A past in the time since the practice began: "this year that found", "since
        // then nobody called" ("last spring one of them mentioned" may open an episode).
        let later = (0..self.words.len()).any(|k| {
            self.at(k) == "since"
                || (self.at(k) == "this"
                    && (is_in(PERIODS, self.at(k + 1)) || is_in(SEASONS, self.at(k + 1))))
        });
        (later && self.unambiguous_past())
            || (0..self.words.len()).any(|k| {
                matches!(self.at(k), "have" | "has" | "ve" | "haven" | "hasn")
                    && is_participle(self.at(self.verb_after(k)))
            })
    }

    /// The speaker's post held now: "I manage", "we run", "I'm head of IT" (not "I always
    /// run").
    pub(super) fn post_held(&self) -> bool {
        (0..self.words.len()).any(|i| {
            matches!(self.at(i), "i" | "we")
                && is_in(POST_VERBS, self.at(self.verb_after(i)))
                && !self.habitual()
        })
    }

    /// A place counted by whom a post serves: "across two hospitals", "for twelve schools",
    /// "in 40 branches" (not "in two weeks", "for three months").
    pub(super) fn counted_place(&self) -> Option<String> {
        (0..self.words.len()).find_map(|i| {
            let noun = self.at(i + 2);
            (matches!(self.at(i), "across" | "for" | "in" | "at")
                && is_figure(self.at(i + 1))
                && noun.len() > 3
                && noun.ends_with('s')
                && !is_in(TIME_UNITS, noun)
                && !is_in(TIME_UNITS, noun.trim_end_matches('s'))
                && !is_in(NOT_PLACES, noun)
                && !is_in(STOP_WORDS, noun))
            .then(|| self.words[i..=i + 2].join(" "))
        })
    }

    /// A volume looked after, counted, the scope of a post rather than a step: "I look after
    /// about forty projects a year", "I handle 200 tickets a week" ("I send the board a
    /// report each month" names one).
    pub(super) fn volume(&self, verb: usize) -> bool {
        let mut o = verb + 1;
        while matches!(
            self.at(o),
            "after" | "about" | "around" | "roughly" | "over" | "some" | "up" | "to" | "with"
        ) {
            o += 1;
        }
        is_in(
            &[
                "look", "handle", "support", "cover", "oversee", "manage", "process", "field",
            ],
            self.at(verb),
        ) && is_figure(self.at(o))
    }
}
