//! When and how much an outcome tells: how things stand after the story ("six months later
//! he's our wireless lead"), a time gone by that announces it ("by March"), a rate ("30 hours a
//! month"), a state measured or a change from one figure to another.

use super::lexicon::*;
use super::sentence::{Sentence, is_figure, is_in};

impl Sentence {
    /// How things stand now, after a story told in the past: "she's now our network lead",
    /// "these days the desk closes most calls on first contact", "to this day nobody has".
    /// "Six months later he's our wireless lead", "a year on she runs the desk": a span
    /// counted from the story, opening the sentence, to how things stand.
    pub(super) fn aftermath(&self) -> bool {
        self.any(AFTERMATH_WORDS).is_some()
            || self.first_phrase(AFTERMATH_PHRASES).is_some()
            || self.span_later().is_some()
    }

    /// Where a span counted from the story ends, when one opens the sentence: "Six months
    /// later", "a year on" (the index after "later" or "on").
    pub(super) fn span_later(&self) -> Option<usize> {
        (is_figure(self.at(0)) || matches!(self.at(0), "a" | "one" | "some" | "several"))
            .then(|| {
                (1..4).find(|&k| {
                    is_in(TIME_UNITS, self.at(k)) && matches!(self.at(k + 1), "later" | "on")
                })
            })
            .flatten()
            .map(|k| k + 2)
    }

    /// A rate by the time: "a month", "per week", "every year".
    pub(super) fn rated(&self) -> bool {
        (0..self.words.len()).any(|k| {
            matches!(self.at(k), "a" | "per" | "each" | "every")
                && is_in(TIME_UNITS, self.at(k + 1))
        })
    }

    /// A time gone by that opens the sentence, announcing what it found: "After three
    /// months", "By the next September", "By March" (a month, or a span of time counted).
    pub(super) fn time_passed(&self) -> Option<String> {
        let months = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "spring",
            "summer",
            "autumn",
            "winter",
        ];
        let mut k = 1;
        match self.at(0) {
            "after" if is_figure(self.at(1)) && is_in(TIME_UNITS, self.at(2)) => {}
            "by" => {
                while matches!(self.at(k), "the" | "next" | "following" | "that") {
                    k += 1;
                }
                if !months.contains(&self.at(k)) {
                    return None;
                }
            }
            _ => return None,
        }
        Some(self.at(0).to_string())
    }

    /// A change watched by the speaker or their group, with how far it went: "over the next
    /// quarter we saw tickets drop by a third", "we noticed calls fall to half" (not "we saw
    /// the service stop responding", a trouble; nor "we haven't seen costs fall").
    pub(super) fn change_watched(&self) -> Option<String> {
        let n = self.words.len();
        (1..n).find_map(|k| {
            if !matches!(self.at(k), "saw" | "noticed" | "watched" | "seen")
                || !matches!(self.subject_of(k), "i" | "we")
                || (k.saturating_sub(3)..k).any(|m| matches!(self.at(m), "not" | "t" | "never"))
            {
                return None;
            }
            let verb = (k + 2..(k + 8).min(n))
                .take_while(|&m| !self.boundary(m))
                .find(|&m| is_in(WATCHED_CHANGES, self.at(m)))?;
            // "go down by", "come down to".
            let after = verb + 1 + usize::from(matches!(self.at(verb + 1), "down" | "up"));
            let measured = matches!(self.at(after), "by" | "to" | "from")
                && (after + 1..(after + 4).min(n)).any(|m| {
                    is_figure(self.at(m))
                        || matches!(self.at(m), "half" | "third" | "quarter" | "zero")
                });
            measured.then(|| self.words[k].clone())
        })
    }

    /// A state measured where it stands, told with "be": "we were at 71%", "calls were down
    /// by about a third", "the crashes are half" ("I was on 3 calls a day" is an effort, "we
    /// were a team of 40" a scene, "the vendor's 3 engineers" no "be").
    pub(super) fn measured_state(&self) -> bool {
        self.measures_something()
            && (1..self.words.len()).any(|k| {
                matches!(self.at(k), "was" | "were" | "is" | "are" | "re" | "m")
                    && (is_figure(self.at(k + 1))
                        || (matches!(
                            self.at(k + 1),
                            "at" | "up" | "down" | "back" | "under" | "over" | "below" | "above"
                        ) && (k + 2..k + 8).any(|m| is_figure(self.at(m)))))
            })
    }

    /// A measure told in the present with its direction or level: "dropouts are down to one
    /// or two a month", "we're at 71%", "the backlog is under 50" (not a goal's: "the target
    /// is under 4 hours").
    pub(super) fn measure_now(&self) -> Option<String> {
        (1..self.words.len()).find_map(|k| {
            (matches!(self.at(k), "is" | "are" | "re" | "s")
                && matches!(
                    self.at(k + 1),
                    "down" | "up" | "back" | "under" | "below" | "above" | "at"
                )
                && (k + 2..k + 6).any(|m| is_figure(self.at(m)))
                && !is_in(GOAL_NOUNS, self.subject_of(k))
                && !matches!(self.subject_of(k), "sla" | "limit" | "budget"))
            .then(|| self.words[k - 1..=k + 1].join(" "))
        })
    }

    /// A count of what has happened since, in the perfect: "we've had two hotfixes this
    /// year", "we have had no repeat since".
    pub(super) fn count_since(&self) -> Option<String> {
        (1..self.words.len()).find_map(|k| {
            (matches!(self.at(k), "ve" | "have" | "has")
                && self.at(k + 1) == "had"
                && (is_figure(self.at(k + 2)) || matches!(self.at(k + 2), "no" | "zero"))
                && (k + 3..self.words.len()).any(|m| {
                    self.at(m) == "since"
                        || (matches!(self.at(m), "this" | "all") && is_in(PERIODS, self.at(m + 1)))
                }))
            .then(|| self.words[k - 1..=k + 1].join(" "))
        })
    }

    /// A measure told from what it was to what it became: "from nine a month to two",
    /// "from 54 percent satisfied to 78".
    pub(super) fn measured_change(&self) -> Option<String> {
        if self.task().is_some() {
            return None;
        }
        (0..self.words.len()).find_map(|k| {
            if self.at(k) != "from" {
                return None;
            }
            let was = (k + 1..k + 4).find(|&m| is_figure(self.at(m)))?;
            let to = (was + 1..was + 5).find(|&m| self.at(m) == "to")?;
            (to + 1..to + 5)
                .any(|m| is_figure(self.at(m)))
                .then(|| self.words[k..=to + 1].join(" "))
        })
    }
}
