//! The Task handed to the speaker: a goal given as a thing ("my manager gave me the task of",
//! "the VP gave me one target:"), a duty handed over ("I was handed ownership of", "part of
//! my remit"), a demand or a role ([`super::demand`]), someone asking the speaker to do
//! something ("my boss asked me to", "they brought us in to"), or the decision they answered
//! for ("I was the one who chose the vendor").

use super::lexicon::*;
use super::sentence::{Sentence, base_in, is_adverb, is_in};

/// Verbs of a decision made or a commitment given: "I was the one who chose the vendor".
const DECISIONS: &[&str] = &[
    "chose",
    "chosen",
    "picked",
    "selected",
    "approved",
    "signed",
    "decided",
    "recommended",
    "proposed",
    "pushed",
    "committed",
    "promised",
    "agreed",
    "authorised",
    "authorized",
    "made",
    "set",
    "gave",
    "given",
];

/// Verbs of taking charge of a piece of work handed over: "gave me the refresh to own", "to
/// lead", "to deliver" ("gave us the tools to monitor it", "the go-ahead to hire" hand over a
/// means or a permission).
const CHARGES: &[&str] = &[
    "own", "lead", "run", "deliver", "manage", "fix", "sort", "handle", "drive", "rescue",
    "finish", "complete",
];

/// Duties handed over without an article: "gave me responsibility for", "I was handed
/// ownership of", "put in charge of".
const HANDED_DUTIES: &[&str] = &["responsibility", "ownership", "charge"];

impl Sentence {
    /// The speaker answerable for the decision the story turns on, at `one`: "I was the one
    /// who chose the vendor", "I was the one who'd signed it off" (not "the one who got
    /// blamed" or "who noticed").
    pub(super) fn one_who_decided(&self, one: usize) -> bool {
        let at = |k: usize| self.at(k);
        at(one) == "one"
            && one >= 3
            && at(one - 1) == "the"
            && matches!(at(one - 2), "was" | "m" | "am")
            && at(one - 3) == "i"
            && matches!(at(one + 1), "who" | "that")
            && {
                let mut v = self.verb_after(one + 1);
                if matches!(at(v), "d" | "had") {
                    v = self.verb_after(v);
                }
                is_in(DECISIONS, at(v))
            }
    }

    /// The goal or duty someone else gives the speaker, with the index of the word where it
    /// starts (the last readings of [`Sentence::task_at`]).
    pub(super) fn goal_given(&self) -> Option<(usize, String)> {
        let w: Vec<&str> = self.words.iter().map(String::as_str).collect();
        let at = |i: usize| w.get(i).copied().unwrap_or("");
        // A goal handed to the speaker as a thing: "my manager gave me the task of", "the
        // board set us a target to", "she gives me the job to" (the verb in any form).
        // "The VP gave me one target: weekly releases" names the goal after a colon.
        let goal_given = |i: usize| {
            (is_in(DETERMINERS, at(i + 1)) || at(i + 1) == "one")
                && is_in(GOAL_NOUNS, at(i + 2))
                && (at(i + 3) == "of"
                    || self.to_verb(i + 3)
                    || (self.boundary(i + 3)
                        && matches!(at(i - 1), "gave" | "give" | "gives" | "set" | "sets")))
        };
        // A piece of work handed over with what to do with it: "the CIO gave me the refresh
        // to own end to end", "she handed us the migration to run".
        let work_handed = |i: usize| {
            matches!(
                at(i - 1),
                "gave" | "give" | "gives" | "handed" | "hand" | "hands" | "passed"
            ) && is_in(DETERMINERS, at(i + 1))
                && (i + 3..i + 6)
                    .take_while(|&k| !self.boundary(k))
                    .any(|k| at(k) == "to" && is_in(CHARGES, at(k + 1)))
        };
        if let Some(i) =
            (1..w.len()).find(|&i| matches!(w[i], "me" | "us") && (goal_given(i) || work_handed(i)))
        {
            return Some((i - 1, w[i - 1..=i + 2].join(" ")));
        }
        // The goal after something else given with it: "the board gave me eighteen months and
        // a target of cutting costs by 20%".
        if let Some(i) = (1..w.len()).find(|&i| {
            matches!(w[i], "me" | "us")
                && matches!(at(i - 1), "gave" | "give" | "gives" | "set" | "sets")
                && (i + 2..(i + 8).min(w.len())).any(|k| {
                    at(k - 1) == "and"
                        && matches!(at(k), "a" | "an")
                        && is_in(GOAL_NOUNS, at(k + 1))
                        && (at(k + 2) == "of" || self.to_verb(k + 2))
                        && !(i + 1..=k).any(|m| self.boundary(m))
                })
        }) {
            return Some((i - 1, w[i - 1..=i].join(" ")));
        }
        // A duty handed to the speaker: "I was handed ownership of the inventory", "we were
        // given responsibility for the move".
        if let Some(i) = (1..w.len()).find(|&i| {
            matches!(w[i - 1], "i" | "we")
                && matches!(w[i], "was" | "were")
                && matches!(at(i + 1), "given" | "handed")
                && is_in(HANDED_DUTIES, at(i + 2))
                && matches!(at(i + 3), "of" | "for")
        }) {
            return Some((i - 1, w[i - 1..=i + 2].join(" ")));
        }
        // "Sorting out resilience was part of my remit": a duty that came with the post ("part
        // of our focus on growth" names none).
        if let Some(i) = (1..w.len()).find(|&i| {
            w[i - 1] == "part"
                && w[i] == "of"
                && at(i + 1) == "my"
                && matches!(
                    at(i + 2),
                    "remit" | "job" | "role" | "brief" | "responsibility" | "responsibilities"
                )
        }) {
            return Some((i - 1, w[i - 1..=i + 2].join(" ")));
        }
        // Without its article: "the rector's office gave me responsibility for the data",
        // "she handed us ownership of the rollout".
        if let Some(i) = (1..w.len()).find(|&i| {
            matches!(w[i], "me" | "us")
                && matches!(at(i - 1), "gave" | "give" | "gives" | "handed" | "hands")
                && is_in(HANDED_DUTIES, at(i + 1))
                && matches!(at(i + 2), "of" | "for")
        }) {
            return Some((i - 1, w[i - 1..=i + 2].join(" ")));
        }
        if let Some(demand) = self
            .reported_demand()
            .or_else(|| self.role_duty())
            .or_else(|| self.question_put())
        {
            return Some(demand);
        }
        // Someone gives the speaker a goal: "my boss asked me to", "they brought us in to";
        // in a story told in the present, or by a learner, "my boss tells me to".
        // Read once: the sentence's habit does not change with the word.
        let habitual = self.habitual();
        let giver = |v: &str| {
            is_in(DUTY_GIVERS, v)
                || (!habitual
                    && (base_in(DUTY_GIVERS, v)
                        || v.strip_suffix('s').is_some_and(|b| base_in(DUTY_GIVERS, b))))
        };
        // The moment may stand between: "my boss asked me last month to"; or the post the
        // speaker was asked in, between commas: "the CISO asked me, as head of operations, to",
        // or without them: "the CTO asked me as team lead to"; or how they asked: "asked me
        // fairly bluntly to".
        let moment = |k: usize| {
            let manner = (k..k + 3)
                .take_while(|&m| {
                    is_adverb(at(m)) || matches!(at(m), "rather" | "quite" | "very" | "pretty")
                })
                .count();
            let k = k + manner;
            manner
                + if matches!(at(k), "last" | "this" | "that" | "next") && is_in(PERIODS, at(k + 1))
                {
                    2
                } else if at(k) == "as" {
                    // Between commas, the post closes at the second; without, at the "to".
                    let set_off = self.boundary(k);
                    (k + 2..(k + if set_off { 8 } else { 6 }).min(w.len()))
                        .take_while(|&m| set_off || !self.boundary(m))
                        .find(|&m| {
                            if set_off {
                                self.boundary(m)
                            } else {
                                at(m) == "to"
                            }
                        })
                        .filter(|&m| (k + 1..m).any(|j| is_in(POST_HEADS, at(j))))
                        .map_or(0, |m| m - k)
                } else {
                    usize::from(matches!(at(k), "yesterday" | "today" | "recently"))
                }
        };
        w.windows(2).enumerate().find_map(|(i, p)| {
            (giver(p[0]) && matches!(p[1], "me" | "us"))
                .then(|| self.goal_follows(i + 2 + moment(i + 2), 2))
                .flatten()
                .filter(|&g| at(g) != "for")
                .map(|g| (i, w[i..=g].join(" ")))
        })
    }
}
