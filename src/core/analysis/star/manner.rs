//! How the speaker worked, told in place of what they did: a general verb with only how well
//! it was done ("I prioritised carefully", "I communicated clearly") is no step.

use super::sentence::{Sentence, is_gerund, is_in};

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
        self.verb_in(j, base, GENERAL_VERBS)
            && is_in(MANNER_ONLY, self.at(j + 1))
            && (self.at(j + 2).is_empty()
                || self.boundary(j + 2)
                || matches!(self.at(j + 2), "and" | "but" | "so"))
    }

    /// Whether the verb at `j` keeps only a manner or urges one on others: "I stayed positive
    /// with both sides", "I kept it simple", "I encouraged everybody to be proactive" (no
    /// step; "I stayed transparent by sending a status email every morning" and "I urged the
    /// board to approve a second server" name one).
    pub(super) fn manner_kept(&self, j: usize, base: bool) -> bool {
        let in_list = |list: &[&str]| self.verb_in(j, base, list);
        let next = self.at(j + 1);
        // "I encouraged everybody to be proactive": soft influence on what others do, no step
        // ("I encouraged ownership across the two depots" names where).
        // ("I urged the board to approve a second server" asked for something named.)
        if in_list(&["encouraged", "urged", "motivated", "inspired"])
            && (j + 2..j + 5).take_while(|&k| !self.boundary(k)).any(|k| {
                self.at(k) == "to"
                    && matches!(
                        self.at(k + 1),
                        "be" | "keep"
                            | "stay"
                            | "feel"
                            | "think"
                            | "take"
                            | "speak"
                            | "share"
                            | "own"
                            | "embrace"
                            | "engage"
                            | "collaborate"
                            | "communicate"
                            | "work"
                    )
            })
        {
            return true;
        }
        // "I stayed positive with both sides", "I remained neutral": a manner kept, no step.
        // ("I stayed transparent by sending a status email every morning" names the step.)
        if in_list(&["stayed", "remained"])
            && !(j + 2..j + 8)
                .take_while(|&k| !self.boundary(k))
                .any(|k| self.at(k) == "by" && is_gerund(self.at(k + 1)))
            && matches!(
                next,
                "positive"
                    | "calm"
                    | "neutral"
                    | "professional"
                    | "focused"
                    | "patient"
                    | "open"
                    | "objective"
                    | "honest"
                    | "transparent"
                    | "visible"
                    | "involved"
            )
        {
            return true;
        }
        // "I kept it simple", "kept things calm": a manner kept, no step ("I keep a short
        // note of each meeting" names one).
        if in_list(&["kept"])
            && matches!(self.at(j + 1), "it" | "things" | "everything" | "them")
            && matches!(
                self.at(j + 2),
                "simple" | "short" | "brief" | "calm" | "positive" | "plain" | "light"
            )
        {
            return true;
        }
        false
    }
}
