//! The object after a verb: its head word, past particles, determiners and vague modifiers
//! ("brought in some new processes" -> "processes"), and an effort's noun that names no step
//! ("kept a strong focus on value"). See [`super::action`].

use super::lexicon::*;
use super::sentence::{Sentence, base_in, is_figure, is_gerund, is_in, is_past};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// The head word of the object after the verb at `j`: particles, determiners and vague
    /// modifiers skipped ("brought in some new processes" → "processes").
    pub(super) fn object_head(&self, j: usize) -> &str {
        let mut k = j + 1;
        while is_in(PARTICLES, self.at(k))
            || is_in(DETERMINERS, self.at(k))
            || is_in(OBJECT_PRONOUNS, self.at(k))
            || is_in(VAGUE_MODIFIERS, self.at(k))
        {
            k += 1;
        }
        self.at(k)
    }

    /// The last word of the noun phrase after the verb at `j`: "a virtualisation project a
    /// year ago" → "project".
    pub(super) fn phrase_head(&self, j: usize) -> &str {
        self.at(self.phrase_head_at(j))
    }

    /// The index of [`Sentence::phrase_head`].
    pub(super) fn phrase_head_at(&self, j: usize) -> usize {
        let mut k = j + 1;
        while is_in(DETERMINERS, self.at(k)) || is_in(VAGUE_MODIFIERS, self.at(k)) {
            k += 1;
        }
        while k < j + 5
            && !self.at(k + 1).is_empty()
            && !self.boundary(k + 1)
            && !is_in(STOP_WORDS, self.at(k + 1))
            && !is_past(self.at(k + 1))
            && !is_figure(self.at(k + 1))
        {
            k += 1;
        }
        k
    }

    /// Whether a light verb at `j` takes an effort's noun past its modifiers: "I kept a strong
    /// focus on value", "I took a bold step" ("I moved the deploy step to the nightly run"
    /// names one).
    pub(super) fn effort_noun(&self, j: usize, base: bool) -> bool {
        let verb = self.at(j);
        let light = ["took", "kept", "put"];
        (if base {
            base_in(&light, verb)
        } else {
            is_in(&light, verb)
        }) && matches!(
            self.phrase_head(j),
            "focus" | "step" | "steps" | "eye" | "emphasis"
        )
    }

    /// "I put a lot of energy into it", "we put real effort into the rollout", "I threw myself
    /// into it": effort spent on something, no step named.
    pub(super) fn effort_into(&self, j: usize) -> bool {
        // "I invested time into writing a runbook for every service" names its step.
        (j + 1..j + 6).any(|k| {
            (matches!(self.at(k), "energy" | "effort" | "thought" | "heart")
                // "I threw myself into it" ("I put myself into the on-call rota" is a step).
                || (matches!(self.at(k), "myself" | "ourselves")
                    && matches!(self.at(j), "threw" | "throw")))
                && (k + 1..k + 3).any(|m| self.at(m) == "into" && !is_gerund(self.at(m + 1)))
        })
    }
}
