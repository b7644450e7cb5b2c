//! The Task: a goal or duty, read from who is given or takes it on (stated, handed to the
//! speaker, taken on, owned), not from set phrases.

use super::lexicon::*;
use super::sentence::{Sentence, is_in, is_past};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// Whether the goal noun phrase starting at `i` stands as a subject or after "is": not
    /// after a preposition ("a few months into my role", "at my last job the business was
    /// growing") nor as the object of a verb of someone's ("one of them covered my job").
    pub(super) fn goal_not_object(&self, i: usize) -> bool {
        i == 0 || {
            let prev = self.at(i - 1);
            !is_in(PREPOSITIONS, prev) && (!is_past(prev) || is_in(LINKING, prev))
        }
    }

    /// "hear" or "listen" at `k`: after "I wanted to", a listener's wish ("I wanted to hear
    /// the full argument"), not a goal ("I wanted to hear back from every customer within a
    /// day" sets one).
    pub(super) fn listening(&self, k: usize) -> bool {
        matches!(self.at(k), "hear" | "listen") && self.at(k + 1) != "back"
    }

    /// A goal word within the next `reach` words from `from` ("to", "with" a task, "for" a
    /// duty).
    pub(super) fn goal_follows(&self, from: usize, reach: usize) -> Option<usize> {
        (from..from + reach).find(|&k| matches!(self.at(k), "to" | "with" | "for"))
    }

    /// "to" at `k` followed by a verb, not by a noun phrase ("had to the end"); "gave a task
    /// to someone": a person after "to" receives the goal, no verb follows.
    pub(super) fn to_verb(&self, k: usize) -> bool {
        // "The one that comes to mind": a noun after "to", no verb.
        let mind = self.at(k + 1) == "mind"
            && k > 0
            && matches!(
                self.at(k - 1),
                "comes" | "came" | "come" | "springs" | "sprang"
            );
        self.at(k) == "to"
            && !is_in(NOT_VERBS, self.at(k + 1))
            && !mind
            && !is_in(INDEFINITES, self.at(k + 1))
            && !self.at(k + 1).is_empty()
    }

    /// A goal or a duty, read from the sentence's roles rather than set phrases: a goal noun
    /// stated ("my main aim was", "the brief was", "I set myself the goal of"), the speaker
    /// (or a group with them) given a duty ("I was asked to", "we were tasked with", "I'd been
    /// brought in to", "the CIO asked me to", "the review was handed to me", "it was down to
    /// me", "the call was mine"), or taking on a goal ("I had to", "we needed to", "I wanted
    /// them to", "I set out to", "I had two weeks to"), or a responsibility ("responsible
    /// for"); or what a named stakeholder wanted ("the board wanted a single supplier").
    pub(super) fn task(&self) -> Option<String> {
        self.task_at().map(|(_, cue)| cue)
    }

    /// [`Sentence::task`], with the index of the word where the goal or duty starts.
    pub(super) fn task_at(&self) -> Option<(usize, String)> {
        // "When a supplier slipped I would make sure we had a plan to recover": what the
        // speaker would do whenever something happens is a habit, not a goal of the story.
        if matches!(self.at(0), "when" | "whenever" | "if")
            && self.words.iter().any(|w| w == "would")
        {
            return None;
        }
        // "my job", "my role" as the object of a preposition ("a few months into my role",
        // "in my job as") place the story; they state no goal.
        let phrase = TASK_PHRASES
            .iter()
            .filter_map(|p| self.phrase_at(p).map(|i| (i, p.to_string())))
            .filter(|(i, p)| {
                let noun = p.starts_with("my ") || p.starts_with("our ");
                // The goal noun heads its phrase: "our target market" is a market.
                let after = i + p.split(' ').count();
                let head = self.boundary(after)
                    || is_in(STOP_WORDS, self.at(after))
                    || is_past(self.at(after))
                    || is_in(&["involves", "covers", "includes", "means"], self.at(after));
                // "I wanted to hear the full argument": a listener's wish, no goal.
                let listening = p.ends_with("wanted to") && self.listening(after);
                !listening && (!noun || (self.goal_not_object(*i) && head))
            })
            .min_by_key(|(i, _)| *i);
        if phrase.is_some() {
            return phrase;
        }
        let w: Vec<&str> = self.words.iter().map(String::as_str).collect();
        (0..w.len())
            .find_map(|i| {
                self.goal_stated(&w, i)
                    .or_else(|| self.duty_at(&w, i))
                    .or_else(|| self.goal_owned(&w, i))
                    .or_else(|| self.duty_handed(&w, i))
                    .or_else(|| self.speaker_task(&w, i))
            })
            .or_else(|| self.goal_given())
    }

    /// A verb's "-ing" form at `k` ("was getting"), not a noun such as "thing" or "morning".
    pub(super) fn verb_gerund(&self, k: usize) -> bool {
        is_verb_gerund(self.at(k))
    }
}

/// A verb's "-ing" form ("getting"), not a noun such as "thing" or "morning".
pub(super) fn is_verb_gerund(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ing") && !is_in(NOT_GERUNDS, w)
}
