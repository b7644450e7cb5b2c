//! The speaker talking about the answer, not in the story: "I'll give a recent example",
//! "Let me tell you about the time our CRM went down", "An example I can think of is...",
//! "That's a tough one". Such a clause is no step and does not enter the speaker in the story,
//! so the scene may still follow it; a step told after it in the same sentence ("Let me tell
//! you, I rewrote the whole script that weekend") is still a step.

use super::sentence::{Sentence, is_in, is_past};

/// Verbs of telling: "I'll give", "I'd say", "I want to share".
const TELLING: &[&str] = &[
    "give",
    "tell",
    "share",
    "talk",
    "describe",
    "mention",
    "say",
    "explain",
    "highlight",
];

/// Words that may open a spoken answer before the preface: "So, let me tell you...".
const OPENERS: &[&str] = &[
    "so", "well", "ok", "okay", "right", "sure", "yes", "yeah", "um", "erm", "uh", "hmm", "oh",
];

/// Nouns that name the story chosen: "I'd pick the example of", "I'll use one from".
const CHOSEN: &[&str] = &["example", "one", "story", "time", "case", "instance"];

impl Sentence {
    /// Whether the speaker at `i` ("I") is telling about the answer: a modal or a wish with
    /// a verb of telling ("I'll give an example", "I would say", "I want to share", "I'm
    /// going to talk about", "I'd like to talk about"), or of choosing what to tell ("I'll
    /// take you through", "I'll go with the time", "I can think of one", "I'd pick the
    /// example of"). "I'd said" is "I had said", a step; "I could take the weekend shift" is
    /// no telling.
    pub(super) fn preface_at(&self, i: usize) -> bool {
        if self.at(i) != "i" {
            return false;
        }
        let mut j = self.verb_after(i);
        match self.at(j) {
            "will" | "ll" | "would" | "d" | "can" | "could" | "shall" | "might" | "may" => {
                j = self.verb_after(j);
                // "I'd like to talk about", "I would have to say".
                if matches!(self.at(j), "like" | "love" | "have") && self.at(j + 1) == "to" {
                    j = self.verb_after(j + 1);
                }
            }
            "want" if self.at(j + 1) == "to" => j = self.verb_after(j + 1),
            "m" | "am" if self.at(j + 1) == "going" && self.at(j + 2) == "to" => {
                j = self.verb_after(j + 2)
            }
            _ => return false,
        }
        self.telling_at(j)
    }

    /// Whether the verb at `j` tells or chooses what to tell: "give", "say", "take you
    /// through", "go with", "start with", "think of", "pick the example of".
    fn telling_at(&self, j: usize) -> bool {
        let next = self.at(j + 1);
        is_in(TELLING, self.at(j))
            || match self.at(j) {
                "take" | "walk" => next == "you",
                "go" => matches!(next, "with" | "for"),
                "start" => next == "with",
                "think" => matches!(next, "of" | "about"),
                "pick" | "choose" | "use" | "focus" | "bring" => {
                    (j + 1..j + 5).any(|k| is_in(CHOSEN, self.at(k)))
                }
                _ => false,
            }
    }

    /// Whether the sentence opens with the speaker telling about the answer, and tells no
    /// step of the story after it: "Let me tell you about...", "So I'll give you a recent
    /// example", "I'd say the clearest one is...", "That's a tough one", "Good question",
    /// "I'll be honest".
    pub fn preface(&self) -> bool {
        let mut k = 0;
        while is_in(OPENERS, self.at(k)) {
            k += 1;
        }
        let remark = (self.at(k) == "that"
            && matches!(self.at(k + 1), "s" | "is")
            && self.at(k + 2) == "a"
            && (matches!(self.at(k + 3), "one" | "question")
                || matches!(self.at(k + 4), "one" | "question")))
            || (matches!(
                self.at(k),
                "good" | "great" | "interesting" | "tough" | "hard"
            ) && self.at(k + 1) == "question")
            || (self.at(k) == "i"
                && matches!(self.at(k + 1), "ll" | "will" | "have" | "must")
                && (k + 2..k + 5).any(|m| self.at(m) == "honest"))
            // "Oh, I love this question!", "I like that one".
            // ("I like that one, so I sign the contract" chooses in the story.)
            || (self.at(k) == "i"
                && matches!(self.at(k + 1), "love" | "like" | "enjoy")
                && matches!(self.at(k + 2), "this" | "that")
                && (self.at(k + 3) == "question"
                    || (self.at(k + 3) == "one" && self.words.len() == k + 4)));
        let opens = remark
            || (self.at(k) == "let"
                && matches!(self.at(k + 1), "me" | "s" | "us")
                && self.telling_at(k + 2))
            || self.preface_at(k);
        opens && !self.step_after(k + 2)
    }

    /// Whether the speaker tells a step past the word at `from`: "I" or "we" again with a verb
    /// in the past ("Let me tell you, I rewrote the script"; "about the time I inherited a
    /// backlog" names the story).
    fn step_after(&self, from: usize) -> bool {
        (from..self.words.len()).any(|k| {
            matches!(self.at(k), "i" | "we")
                && is_past(self.at(self.verb_after(k)))
                && !matches!(
                    self.at(k.saturating_sub(1)),
                    "time" | "when" | "where" | "day" | "week" | "that" | "which" | "one"
                )
        })
    }
}

impl Sentence {
    /// A lesson named by the speaker's taking it: "The lesson I took: brief the chair first",
    /// "The big takeaway we drew was..." (no step of the story).
    pub(super) fn lesson_taken(&self) -> bool {
        (0..self.words.len().min(5)).any(|k| {
            matches!(self.at(k), "lesson" | "lessons" | "takeaway" | "takeaways")
                && matches!(self.at(k + 1), "i" | "we")
                && matches!(
                    self.at(k + 2),
                    "took" | "learned" | "learnt" | "drew" | "got"
                )
        })
    }
}
