//! A story told in the present: by a speaker warming up ("So it's my second week and the
//! laptop gets ransomware"), or by a learner of English who tells a past story in present
//! forms ("Two years ago I work in a call centre", "The scanners lose the connection and the
//! pickers wait. I check the access points..."). Told so, the speaker's present verbs are
//! the steps and the others' present verbs the scene and the outcome. A practice ("I meet
//! each engineer every fortnight") or a claim ("I identify risks and deal with issues") is
//! no story: it has no scene of others told as events, no particular moment, no figure.

use super::lexicon::*;
use super::scene::is_year;
use super::sentence::{Sentence, is_in, is_present_form, is_regular_past, is_subject};
use crate::core::matcher::STOP_WORDS;

/// How the whole answer is told.
pub(super) struct Story {
    /// Told in the present ("So it's my second week and the laptop gets ransomware. I pull
    /// it off the network"): present verbs of the speaker's are actions, present outcomes
    /// are results.
    pub present: bool,
    /// Some verb is only past: a form such as "set" reads as past unless its own sentence is
    /// in the present.
    pub past: bool,
    /// Some sentence has the speaker in the present ("I hold people accountable").
    pub present_speaker: bool,
}

impl Story {
    pub fn read(sentences: &[Sentence]) -> Self {
        Story {
            present: told_in_present(sentences),
            past: sentences.iter().any(Sentence::unambiguous_past),
            present_speaker: sentences.iter().any(Sentence::present_speaker),
        }
    }
}

impl Sentence {
    /// "It's my second week", "so it is 2019": a story told in the present opens on its
    /// moment.
    pub fn present_moment(&self) -> Option<String> {
        (0..self.words.len()).find_map(|i| {
            // The date may be told in full: "it's March 2021", "it's late 2023".
            (self.at(i) == "it"
                && matches!(self.at(i + 1), "s" | "is")
                && ((i + 2..i + 6).any(|k| is_year(self.at(k)) || is_in(TIME_NOUNS, self.at(k)))
                    // The clock: "it's 6:40 on a Monday", "it's 3am".
                    || clock(self.at(i + 2), self.at(i + 3))))
            .then(|| self.words[i..(i + 6).min(self.words.len())].join(" "))
        })
    }

    /// In a story told in the present, where it opens: "We are in the weekly ops review, and I
    /// announce...", "I'm at my desk on a Friday when the alerts start".
    pub(super) fn present_place(&self) -> Option<String> {
        let k = (0..self.words.len()).find(|&k| !matches!(self.at(k), "so" | "and" | "ok"))?;
        (matches!(self.at(k), "we" | "i")
            && matches!(self.at(k + 1), "are" | "re" | "am" | "m")
            && matches!(self.at(k + 2), "in" | "at" | "on")
            && matches!(self.at(k + 3), "the" | "a" | "an" | "our" | "my"))
        .then(|| self.words[k..(k + 5).min(self.words.len())].join(" "))
    }

    /// Whether the word at `k` is a verb in the present told of others, as an event: "the
    /// booking system stops", "the pickers wait", "service desk get 200 calls" (a learner's
    /// singular); not a form of "be" or "have", a comment, or "it depends".
    pub(super) fn present_event_at(&self, k: usize) -> bool {
        let w = self.at(k);
        let subject = self.subject_of(k);
        if k == 0
            || !is_present_form(w)
            || is_in(COMMENT_VERBS, w)
            || is_in(PRESENT_STATES, w)
            || !is_subject(subject)
            || matches!(
                subject,
                "i" | "we" | "you" | "it" | "there" | "this" | "that" | "which" | "who"
            )
            || is_in(STOP_WORDS, w)
        {
            return false;
        }
        // The subject is a noun phrase's head, not an object or a preposition's noun: the
        // word before it is a determiner, a possessive, the start or a clause boundary.
        let s = (0..k).rev().find(|&m| self.at(m) == subject).unwrap_or(0);
        let before = if s == 0 { "" } else { self.at(s - 1) };
        let headed = s == 0
            || self.boundary(s)
            || is_in(DETERMINERS, before)
            || matches!(
                before,
                "and" | "but" | "so" | "then" | "now" | "when" | "if"
            )
            || is_in(SUBJECT_PRONOUNS, subject)
            || (s >= 2 && is_in(DETERMINERS, self.at(s - 2)));
        headed && !is_in(PREPOSITIONS, before)
    }

    /// A step of the speaker's told in the present, at a moment rather than as a practice or
    /// a claim: "I check the access points myself", "I move the backup to four o'clock"; not
    /// "I always put", "I meet them every week", "I manage seven people", "I would".
    pub(super) fn present_step(&self) -> bool {
        !self.habitual()
            && !self.hypothetical()
            && (0..self.words.len()).any(|i| {
                let j = self.verb_after(i);
                let v = self.at(j);
                matches!(self.at(i), "i" | "we")
                    && (i == 0 || !matches!(self.at(i - 1), "where" | "if" | "when"))
                    && is_present_form(v)
                    && !is_in(COMMENT_VERBS, v)
                    && !is_in(POST_VERBS, v)
                    && !is_in(PRESENT_STATES, v)
                    && !self.negated(i)
                    // "First I invite their manager to our weekly meeting": a step in
                    // its order, not a practice with its schedule.
                    && (!self.scheduled(i) || self.sequenced(i))
                    && !self.at(j + 1).is_empty()
                    && self.concrete(j, true)
            })
    }

    /// A verb that is only past, told as a verb: not a regular "-ed" form after a determiner
    /// ("the agreed standard", "an automated pipeline") or after a verb's base after "to"
    /// ("to make automated pipeline"), which describes a noun.
    pub(super) fn finite_past(&self) -> bool {
        (0..self.words.len()).any(|k| {
            let describes = is_regular_past(self.at(k))
                && k > 0
                && (is_in(DETERMINERS, self.at(k - 1)) || (k > 1 && self.at(k - 2) == "to"));
            !describes && self.unambiguous_past_at(k)
        })
    }

    /// A moment in the past named at the start of a story: "two years ago", "last year", "in
    /// 2019", "one day".
    pub(super) fn past_moment(&self) -> bool {
        self.first_phrase(PAST_MOMENTS).is_some()
            || (0..self.words.len())
                .any(|i| is_in(&["in", "back"], self.at(i)) && is_year(self.at(i + 1)))
    }

    /// Words of a particular moment or order: a figure, "then", "after", "now", "same day".
    fn particular(&self) -> bool {
        self.has_figure()
            || self
                .words
                .iter()
                .any(|w| is_in(SEQUENCE_WORDS, w) || is_in(TIME_NOUNS, w))
    }
}

/// Whether a story is told in the present: it opens on its moment ("it's my second week"), or
/// it has no verb that is only past and at least two steps of the speaker's told in the
/// present, with either a moment in the past named ("two years ago I work in a call centre")
/// or an event of others in the present and a particular moment or figure.
pub(super) fn told_in_present(sentences: &[Sentence]) -> bool {
    if sentences.iter().any(|s| s.present_moment().is_some()) {
        return true;
    }
    // "When a project slips, I call the sponsor": an answer about any case is a practice.
    if sentences.iter().any(Sentence::generic_condition) {
        return false;
    }
    let steps = sentences.iter().filter(|s| s.present_step()).count();
    let past = sentences.iter().filter(|s| s.finite_past()).count();
    let imagined = sentences.iter().filter(|s| s.hypothetical()).count();
    let anchored = sentences.iter().any(Sentence::past_moment);
    // A learner's story named in the past and told in the present may have one step only.
    if anchored && past == 0 && steps == 1 && imagined == 0 {
        return true;
    }
    if steps < 2 || past > 1 || past * 2 >= steps || imagined >= steps {
        return false;
    }
    let scene = sentences
        .iter()
        .any(|s| (1..s.words.len()).any(|k| s.present_event_at(k)));
    anchored || (scene && sentences.iter().any(Sentence::particular))
}

/// A time of day told as "6:40" (an hour to 23, then two figures of minutes to 59) or "3am",
/// "3 pm" ("it's 24/7", "it's 50/50" tell none).
fn clock(hour: &str, next: &str) -> bool {
    let number = |w: &str, len: std::ops::RangeInclusive<usize>, max: u32| {
        len.contains(&w.len())
            && w.chars().all(|c| c.is_ascii_digit())
            && w.parse::<u32>().is_ok_and(|n| n <= max)
    };
    (number(hour, 1..=2, 23) && (number(next, 2..=2, 59) || matches!(next, "am" | "pm")))
        || hour
            .strip_suffix("am")
            .or_else(|| hour.strip_suffix("pm"))
            .is_some_and(|h| number(h, 1..=2, 12))
}
