//! Terse notes: a sentence with no verb ("Insurance broker, 300 staff, 2020"), and the note
//! that opens an answer by naming its piece of work ("Timesheet checking in the warehouse").

use super::lexicon::*;
use super::sentence::{Sentence, is_figure, is_in, is_past};
use super::task::is_verb_gerund;
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// A terse note with no verb that opens the story by naming the piece of work, with its
    /// size or where it was: "Payroll matching in the finance office", "Licence planning for
    /// the laptop refresh, about 90k" (a noun of doing, and a figure or a phrase of place);
    /// not "Three things: planning and communication" (a list announced) nor "Good
    /// communication" (nothing particular).
    pub(super) fn topic_note(&self) -> Option<String> {
        let n = self.words.len();
        let doing = |w: &str| {
            is_verb_gerund(w)
                || ["ion", "ment", "ure"]
                    .iter()
                    .any(|e| w.len() > 5 && w.ends_with(e))
        };
        let particular = (1..n).any(|k| {
            is_figure(self.at(k))
                || (matches!(self.at(k), "in" | "for" | "at" | "of")
                    && !self.at(k + 1).is_empty()
                    && !is_in(&["example", "instance", "me", "us"], self.at(k + 1)))
        });
        (n >= 3
            && self.verbless()
            && !is_figure(self.at(0))
            && !is_in(STOP_WORDS, self.at(0))
            && !self.words.iter().any(|w| is_in(GOAL_NOUNS, w))
            && (0..n).any(|k| doing(self.at(k)))
            && particular)
            .then(|| self.words[..2].join(" "))
    }

    /// A note with no verb: no past form, no form of "be" or auxiliary, no "I" or "we"
    /// ("Insurance broker, 300 staff, 2020").
    pub(super) fn verbless(&self) -> bool {
        self.words.iter().all(|w| {
            !is_past(w)
                && !is_in(BE_FORMS, w)
                && !is_in(AUXILIARIES, w)
                && !matches!(w.as_str(), "i" | "we")
        })
    }
}
