//! Verbs of change that tell no outcome where they stand: an infinitive or a possibility,
//! a duty handed over ("it fell to me"), a meeting ("we met, and I put it in writing"), someone stopped on
//! their way, a participle that describes ("every closed ticket"). See [`super::outcome`].

use super::lexicon::*;
use super::sentence::{Sentence, is_adverb, is_figure, is_gerund, is_in};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// Whether the verb at `i` is no told outcome: an infinitive or a possibility, or a duty
    /// handed over ("it fell to me", "it landed on my desk").
    /// A word of a hyphened compound ("the cut-over weekend") is no verb either.
    /// Nor is a verb in what someone wanted ("the director wanted month-end closed in three
    /// days").
    pub(super) fn infinitive(&self, i: usize) -> bool {
        // "Sales had fallen by 20% before I joined": a change in the past perfect is what
        // came before the story ("sales have fallen by half" is an outcome).
        let before_story = matches!(self.at(i), "fallen" | "risen" | "grown" | "shrunk")
            && (i.saturating_sub(3)..i).any(|m| matches!(self.at(m), "had" | "d"));
        before_story
            || self.compound(i)
            || (i.saturating_sub(3)..i).any(|m| {
                matches!(
                    self.at(m),
                    "wanted"
                        | "needed"
                        | "expected"
                        | "demanded"
                        | "want"
                        | "wants"
                        | "need"
                        | "needs"
                )
            })
            || (i > 0 && is_in(NOT_FINITE, self.at(i - 1)))
            // "whether it would actually cut that down": an adverb between.
            || (i > 1 && is_adverb(self.at(i - 1)) && is_in(NOT_FINITE, self.at(i - 2)))
            || (matches!(self.at(i + 1), "to" | "on" | "with")
                && matches!(self.at(i + 2), "me" | "us" | "my" | "our"))
            || self.meeting(i)
            // "The printers kept going offline", "what keeps coming up is...": something
            // going on, no change come about.
            || (matches!(self.at(i), "kept" | "keeps" | "keep") && is_gerund(self.at(i + 1)))
            // "a survey on every closed ticket": a participle between a determiner and its
            // noun describes the thing ("the project finished early" tells an event).
            || (i > 0
                // ("this", "that" and "all" may be the subject: "this improved uptime".)
                && matches!(
                    self.at(i - 1),
                    "a" | "an" | "the" | "every" | "each" | "our" | "their" | "my" | "his" | "her"
                        | "its" | "some" | "any"
                )
                && !self.boundary(i + 1)
                && !self.at(i + 1).is_empty()
                && !is_in(STOP_WORDS, self.at(i + 1))
                && !is_figure(self.at(i + 1)))
            // "We looked at what went wrong": a thing named, nothing that went.
            || self.what_named(i)
            // "The CEO stopped me in the corridor": someone met, nothing stopped.
            || self.stopped_someone(i)
            // "where they dropped their evidence": something put down, no fall.
            || (self.at(i) == "dropped"
                && matches!(
                    self.at(i + 1),
                    "their" | "his" | "her" | "my" | "our" | "them" | "it" | "everything"
                ))
            // "So the moves fell during the shutdowns": when something took place, no fall.
            || (self.at(i) == "fell"
                && matches!(
                    self.at(i + 1),
                    "during" | "on" | "over" | "outside" | "within" | "between" | "into"
                ))
    }

    /// Whether "met" at `i` tells a meeting, no target met: "We met, and I put the standard
    /// in writing", "I met with him weekly", "we met them twice".
    pub(super) fn meeting(&self, i: usize) -> bool {
        self.at(i) == "met"
            && (self.boundary(i + 1)
                || matches!(
                    self.at(i + 1),
                    "" | "and" | "with" | "him" | "her" | "up" | "again" | "weekly" | "monthly"
                        | "daily" | "regularly"
                )
                // "I met HR to go through the procedure", "met the union rep to agree...": a
                // meeting for a purpose ("we met the deadline to go live" met a target).
                || (i + 2..i + 6).any(|k| {
                    self.at(k) == "to"
                        && !(i + 1..=k).any(|m| self.boundary(m) || is_in(TARGET_NOUNS, self.at(m)))
                }))
    }

    /// Whether "stopped" at `i` tells someone stopped on their way ("the CEO stopped me in
    /// the corridor"), not something prevented ("it stopped us losing two days", "stopped
    /// him from deploying").
    pub(super) fn stopped_someone(&self, i: usize) -> bool {
        self.at(i) == "stopped"
            && matches!(self.at(i + 1), "me" | "us" | "him" | "her")
            && self.at(i + 2) != "from"
            && !is_gerund(self.at(i + 2))
    }
}
