//! The Task told by a goal noun: stated ("my main aim was", "the brief was to"), set off by a
//! colon ("The aim: one help desk by Easter"), or owned ("the call was mine").

use super::lexicon::*;
use super::sentence::{CLAUSE_STARTS, Sentence, is_in, is_participle, is_past, singular};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// A goal noun stated at word `i`: "the call was ours", "The aim: one help desk by
    /// Easter", "my manager's ask was blunt: ...", "one of my objectives was to", "the goal I set
    /// myself was".
    pub(super) fn goal_stated(&self, w: &[&str], i: usize) -> Option<(usize, String)> {
        let at = |k: usize| w.get(k).copied().unwrap_or("");
        // "Fixing the rota was mine to do", "the call was ours": a duty owned.
        if matches!(w[i], "mine" | "ours")
            && i > 0
            && is_in(LINKING, at(i - 1))
            && (at(i + 1) == "to"
                || self.verb_gerund(0)
                || (i.saturating_sub(6)..i - 1)
                    .any(|k| is_in(DECISION_NOUNS, at(k)) || is_in(GOAL_NOUNS, at(k))))
        {
            return Some((i - 1, w[i - 1..=i].join(" ")));
        }
        // A goal noun set off by a colon, or opening a terse sentence: "The aim: one help
        // desk by Easter", "CTO's ask: halve the outages", "Goal was simple, get every laptop
        // encrypted", "First priority is the service", "Remit included the tech radar" (a
        // word of rank before it; "customer focus is key" names none).
        let ranked = i == 1 && is_in(RANKS, at(0));
        if is_in(GOAL_NOUNS, w[i])
            && ((self.boundary(i + 1)
                && (i == 0
                    // Opening its clause: "The aim: ..." ("we didn't hit the deadline, and"
                    // tells what happened to it).
                    || (matches!(at(i - 1), "the" | "my" | "our" | "main")
                        && (i == 1 || self.boundary(i - 1)))
                    // Whose, opening the note: "CTO's ask:" ("it's everyone's
                    // responsibility, so" judges).
                    || (i == 2
                        && at(1) == "s"
                        && !matches!(at(i + 1), "as" | "which" | "though" | "however"))))
                || ((i == 0 || ranked)
                    && matches!(
                        at(i + 1),
                        "was" | "is" | "included" | "includes" | "involved" | "covered"
                    )))
            && !at(i + 1).is_empty()
        {
            return Some((i, w[i..=i + 1].join(" ")));
        }
        // Whose goal it was, judged, then the goal itself after a colon or comma: "my
        // manager's ask was blunt: make the retro produce improvements", "our brief was
        // simple, cut the backlog" ("the challenge was huge, we had 400 sites" tells the
        // scene).
        if is_in(GOAL_NOUNS, w[i])
            && i > 0
            && matches!(at(i - 1), "s" | "my" | "our" | "the")
            && matches!(at(i + 1), "was" | "is")
            && self.boundary(i + 3)
            && !at(i + 3).is_empty()
            && !is_in(SUBJECT_PRONOUNS, at(i + 3))
            && !is_in(DETERMINERS, at(i + 3))
        {
            return Some((i, w[i..=i + 1].join(" ")));
        }
        // One goal among the speaker's: "one of my objectives that year was to put a
        // measure in place", "one of my objectives this year is making sure...".
        if i >= 3
            && w[i - 3] == "one"
            && w[i - 2] == "of"
            && matches!(w[i - 1], "my" | "our")
            && singular(w[i]).is_some_and(|g| is_in(GOAL_NOUNS, &g))
            && let Some(k) = (i + 1..(i + 5).min(w.len())).find(|&k| matches!(at(k), "was" | "is"))
            && (self.to_verb(k + 1) || self.verb_gerund(k + 1))
        {
            return Some((i - 3, w[i - 3..=k].join(" ")));
        }
        // A charge given, then what it was: "my charge from the CIO was to end the
        // single-person risks" ("the monthly charge was twelve thousand" is a fee).
        if matches!(w[i], "my" | "our")
            && at(i + 1) == "charge"
            && let Some(k) = (i + 2..(i + 7).min(w.len())).find(|&k| matches!(at(k), "was" | "is"))
            && self.to_verb(k + 1)
        {
            return Some((i, w[i..=k + 1].join(" ")));
        }
        // The goal the speaker set, then what it was: "the goal I set myself was that
        // everyone could say what they worked on".
        if is_in(GOAL_NOUNS, w[i])
            && i > 0
            && matches!(at(i - 1), "the" | "my" | "our")
            && matches!(at(i + 1), "i" | "we")
            && matches!(at(i + 2), "set" | "agreed" | "chose" | "gave")
            && let Some(k) = (i + 3..(i + 6).min(w.len())).find(|&k| at(k) == "was")
            && !at(k + 1).is_empty()
            // "The target we set was missed by a mile", "was hit in six weeks": how it
            // ended.
            && !is_past(at(k + 1))
            && !is_participle(at(k + 1))
            && !matches!(at(k + 1), "not" | "never")
        {
            return Some((i, w[i..=k].join(" ")));
        }
        // A label that names whose goal it is before its colon: "Goal I set myself: ...",
        // "Objective from the board: ...".
        if i == 0
            && is_in(GOAL_NOUNS, w[0])
            && let Some(c) = (2..6).find(|&k| self.boundary(k))
            && !at(c).is_empty()
            && matches!(
                at(1),
                "i" | "we" | "from" | "for" | "given" | "set" | "agreed"
            )
        {
            return Some((0, w[..c].join(" ")));
        }
        // A goal noun opening a clause of a terse note: "Twelve buildings, goal was full
        // coverage by September".
        if is_in(GOAL_NOUNS, w[i])
            && i > 0
            && self.boundary(i)
            && matches!(at(i + 1), "was" | "is")
            && !at(i + 2).is_empty()
        {
            return Some((i, w[i..=i + 1].join(" ")));
        }
        None
    }

    /// A goal noun owned at word `i`, with the goal as its predicate: "my main aim was", "the
    /// brief from the director was to", "it's my call", "my part was the design".
    pub(super) fn goal_owned(&self, w: &[&str], i: usize) -> Option<(usize, String)> {
        let at = |k: usize| w.get(k).copied().unwrap_or("");
        // "my/our/the (one word) NOUN was/is": "my main aim was", "the real ask was"; and
        // "the NOUN was mine": "the call was mine".
        // A goal or a decision as the predicate: "getting the desk back was my first
        // priority", "keeping the lights on became our job", "it was my call whether".
        // "It's my call", in a story told in the present ("it's our job to support the
        // business" is a general truth).
        let decision = |n: usize| matches!(at(n), "call" | "decision" | "choice");
        // "Me: network manager, so my call.": a decision owned, told after "so" as a clause
        // with no verb of its own ("it wasn't, in the end, my call" denies it).
        if matches!(w[i], "my" | "our")
            && i > 0
            && at(i - 1) == "so"
            && decision(i + 1)
            && (i + 2 == w.len() || self.boundary(i + 2))
        {
            return Some((i, w[i..=i + 1].join(" ")));
        }
        let present = i > 1 && at(i - 1) == "s" && matches!(at(i - 2), "it" | "that");
        if matches!(w[i], "my" | "our")
            && i > 0
            && (is_in(LINKING, at(i - 1)) || present)
            // "my number-one priority": a hyphened modifier is one word.
            && let Some(n) = [i + 1, i + 2, i + 3]
                .into_iter()
                .filter(|&n| n < i + 3 || self.compound(i + 2))
                .find(|&n| decision(n) || (!present && is_in(GOAL_NOUNS, at(n))))
            && (n == i + 1 || !is_in(STOP_WORDS, at(i + 1)) || self.compound(i + 2))
            // "It's my call" closes its clause ("it's my call I am proudest of" names one).
            && !(present
                && !self.boundary(n + 1)
                && (is_in(SUBJECT_PRONOUNS, at(n + 1)) || matches!(at(n + 1), "that" | "which")))
        {
            let from = if present { i - 2 } else { i - 1 };
            return Some((from, w[from..=n].join(" ")));
        }
        // A goal noun, however it is owned, with the goal as its predicate: "the
        // strategy's headline goal was to cut", "Sam's brief was to".
        if is_in(GOAL_NOUNS, w[i])
            && matches!(at(i + 1), "was" | "is")
            && self.to_verb(i + 2)
            && i > 0
            && !is_in(PREPOSITIONS, at(i - 1))
            // "Her job was to run payroll" tells someone else's.
            && !(i.saturating_sub(2)..i).any(|k| matches!(at(k), "his" | "her" | "their"))
        {
            return Some((i, w[i..=i + 2].join(" ")));
        }
        // What the speaker was after, in a clause that closes on it: "that's the change
        // I was after", "what we were after was one queue" ("I was after him in the
        // queue" goes on with its object).
        if w[i] == "after"
            && i >= 3
            && matches!(at(i - 1), "was" | "were")
            && matches!(at(i - 2), "i" | "we")
            && (at(i - 3) == "what" || !is_in(STOP_WORDS, at(i - 3)))
            && (i + 1 == w.len() || self.boundary(i + 1) || is_in(LINKING, at(i + 1)))
        {
            // The whole clause states the goal: "a shorter queue was the change I was
            // after" holds no scene.
            let from = (1..i - 2).rev().find(|&k| self.boundary(k)).unwrap_or(0);
            return Some((from, w[i - 2..=i].join(" ")));
        }
        // "I was the one who chose the vendor" ([`Sentence::one_who_decided`]).
        if self.one_who_decided(i) {
            return Some((i - 3, w[i - 3..=i + 1].join(" ")));
        }
        // The speaker's share of the work: "my part was the design".
        if matches!(w[i], "my" | "our")
            && matches!(at(i + 1), "part" | "share")
            && matches!(at(i + 2), "was" | "is")
        {
            return Some((i, w[i..=i + 2].join(" ")));
        }
        if matches!(w[i], "my" | "our" | "the") && self.goal_not_object(i) {
            for n in [i + 1, i + 2] {
                let goal = is_in(GOAL_NOUNS, at(n)) || is_in(DECISION_NOUNS, at(n));
                if goal && matches!(at(n + 1), "was" | "is") && matches!(at(n + 2), "mine" | "ours")
                {
                    return Some((i, w[i..=n + 2].join(" ")));
                }
                // "My focus has been the suppliers": the goal held up to now ("the job
                // has been done" is a passive).
                let perfect = matches!(at(n + 1), "has" | "have")
                    && at(n + 2) == "been"
                    && !is_participle(at(n + 3));
                if is_in(GOAL_NOUNS, at(n))
                    && (matches!(at(n + 1), "was" | "is" | "were" | "had") || perfect)
                    && (n == i + 1 || !is_in(STOP_WORDS, at(i + 1)))
                {
                    return Some((i, w[i..=n + 1].join(" ")));
                }
                // With its complement: "the brief from the director was to", "the goal of
                // the project was to".
                // "the job in front of me was getting", "the task I was given was to".
                if is_in(GOAL_NOUNS, at(n))
                    && !matches!(at(n + 1), "was" | "is")
                    && let Some(m) = (n + 1..n + 8)
                        .take_while(|&m| {
                            !self.boundary(m)
                                && (!is_in(CLAUSE_STARTS, at(m)) || matches!(at(m), "i" | "we"))
                        })
                        .find(|&m| {
                            matches!(at(m), "was" | "is")
                                && (self.to_verb(m + 1) || self.verb_gerund(m + 1))
                        })
                {
                    return Some((i, w[i..=m + 1].join(" ")));
                }
            }
        }
        None
    }
}
