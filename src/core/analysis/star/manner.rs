//! How the speaker worked, told in place of what they did: a general verb with only how well
//! it was done ("I prioritised carefully", "I communicated clearly") is no step.

use super::sentence::{Sentence, base_in, is_in};

/// Adverbs that tell only how well something was done (not how often or when: "I reported
/// regularly", "I replied immediately" tell steps).
const MANNER_ONLY: &[&str] = &[
    "carefully",
    "properly",
    "effectively",
    "efficiently",
    "clearly",
    "well",
    "hard",
    "proactively",
    "openly",
    "transparently",
    "diligently",
];

/// General verbs of working, past tense: with only a manner after them they say how the
/// speaker worked ("I tested properly", "I negotiated hard" still tell a step).
const GENERAL_VERBS: &[&str] = &[
    "prioritised",
    "prioritized",
    "planned",
    "communicated",
    "worked",
    "acted",
    "managed",
    "handled",
    "engaged",
    "collaborated",
    "coordinated",
    "organised",
    "organized",
    "delivered",
    "executed",
    "performed",
    "operated",
    "supported",
    "led",
];

impl Sentence {
    /// Whether the verb at `j` (a base form when `base`, in a story told in the present) is a
    /// general verb of working with no object, only how well it was done: "I prioritised
    /// carefully and made sure...", "I communicated clearly".
    pub(super) fn only_manner(&self, j: usize, base: bool) -> bool {
        let verb = self.at(j);
        let general = if base {
            base_in(GENERAL_VERBS, verb)
        } else {
            is_in(GENERAL_VERBS, verb)
        };
        general
            && is_in(MANNER_ONLY, self.at(j + 1))
            && (self.at(j + 2).is_empty()
                || self.boundary(j + 2)
                || matches!(self.at(j + 2), "and" | "but" | "so"))
    }
}
