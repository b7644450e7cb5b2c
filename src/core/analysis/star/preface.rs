//! The speaker talking about the answer, not in the story: "I'll give a recent example",
//! "Let me tell you about the time our CRM went down", "An example I can think of is...".
//! Such a clause is no step and does not enter the speaker in the story, so the scene may
//! still follow it.

use super::sentence::{Sentence, is_in};

/// Verbs of telling or choosing what to tell ("I'll give", "I'd pick", "I can think of").
const TELLING: &[&str] = &[
    "give",
    "tell",
    "share",
    "talk",
    "describe",
    "use",
    "pick",
    "choose",
    "go",
    "mention",
    "think",
    "say",
    "start",
    "walk",
    "take",
    "explain",
    "focus",
    "highlight",
    "offer",
    "bring",
];

/// Words that may open a spoken answer before the preface: "So, let me tell you...".
const OPENERS: &[&str] = &[
    "so", "well", "ok", "okay", "right", "sure", "yes", "yeah", "um", "erm", "uh", "hmm",
];

impl Sentence {
    /// Whether the speaker at `i` ("I") is telling about the answer: a modal or a wish with
    /// a verb of telling ("I'll give an example", "I would say", "I want to share", "I'm
    /// going to use", "I'd like to talk about"). "I'd said" is "I had said", a step.
    pub(super) fn preface_at(&self, i: usize) -> bool {
        if self.at(i) != "i" {
            return false;
        }
        let mut j = self.verb_after(i);
        match self.at(j) {
            "will" | "ll" | "would" | "can" | "could" | "shall" | "might" | "may" => {
                j = self.verb_after(j);
                // "I'd like to talk about", "I would have to say".
                if matches!(self.at(j), "like" | "love" | "have") && self.at(j + 1) == "to" {
                    j = self.verb_after(j + 1);
                }
            }
            "d" => {
                j = self.verb_after(j);
                if matches!(self.at(j), "like" | "love" | "have") && self.at(j + 1) == "to" {
                    j = self.verb_after(j + 1);
                }
            }
            "want" | "wanted" if self.at(j + 1) == "to" => j = self.verb_after(j + 1),
            "m" | "am" if self.at(j + 1) == "going" && self.at(j + 2) == "to" => {
                j = self.verb_after(j + 2)
            }
            _ => return false,
        }
        is_in(TELLING, self.at(j))
    }

    /// Whether the sentence opens with the speaker telling about the answer: "Let me tell you
    /// about...", "So I'll give you a recent example", "I'd say the clearest one is...".
    pub fn preface(&self) -> bool {
        let mut k = 0;
        while is_in(OPENERS, self.at(k)) {
            k += 1;
        }
        // "That's a tough one", "Good question", "I'll be honest": a remark on the question
        // or on how the speaker will answer it.
        let remark = (self.at(k) == "that"
            && matches!(self.at(k + 1), "s" | "is")
            && (k + 2..k + 5).any(|m| matches!(self.at(m), "one" | "question")))
            || (matches!(
                self.at(k),
                "good" | "great" | "interesting" | "tough" | "hard"
            ) && self.at(k + 1) == "question")
            || (self.at(k) == "i"
                && matches!(self.at(k + 1), "ll" | "will" | "have" | "must")
                && (k + 2..k + 5).any(|m| self.at(m) == "honest"));
        remark
            || (self.at(k) == "let"
                && (matches!(self.at(k + 1), "me" | "s")
                    || (self.at(k + 1) == "us" && is_in(TELLING, self.at(k + 2)))))
            || self.preface_at(k)
    }
}
