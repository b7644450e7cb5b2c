//! The Task told as a duty: one that rests on the speaker ("it was up to us to"), handed to
//! them ("the review was given to me"), promised, or wanted by a named stakeholder.

use super::lexicon::*;
use super::sentence::{CLAUSE_STARTS, Sentence, is_adverb, is_figure, is_in};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// A duty at word `i` that rests on the speaker: "it was vital to get the tills back
    /// first", "it's on me to tell them", "and was asked to", "I'd promised the board".
    pub(super) fn duty_at(&self, w: &[&str], i: usize) -> Option<(usize, String)> {
        let at = |k: usize| w.get(k).copied().unwrap_or("");
        // A need told in the past as what mattered: "it was important that he knew it
        // mattered", "it was vital to get the tills back first" ("it is important to
        // listen" is a general truth).
        if matches!(w[i], "it" | "this")
            && at(i + 1) == "was"
            && matches!(
                at(i + 2),
                "important" | "essential" | "vital" | "crucial" | "critical"
            )
        {
            let mut k = i + 3;
            if matches!(at(k), "to" | "for") && matches!(at(k + 1), "me" | "us" | "them") {
                k += 2;
            }
            if at(k) == "that" || self.to_verb(k) {
                return Some((i, w[i..=k].join(" ")));
            }
        }
        // A duty that rests on the speaker, with what it is: "it's on me to tell them",
        // "it was up to us to find the money".
        // The goal starts at its dummy subject ("it was down to me to"), so that no
        // scene is read in it.
        if matches!(w[i], "on" | "to")
            && matches!(at(i + 1), "me" | "us")
            && self.to_verb(i + 2)
            && let Some(be) = (i.saturating_sub(3)..i).find(|&k| is_in(BE_FORMS, at(k)))
        {
            let from = if be > 0 && matches!(at(be - 1), "it" | "this" | "that") {
                be - 1
            } else {
                be
            };
            return Some((from, w[from..=i + 2].join(" ")));
        }
        // Given a duty in a clause joined to the speaker's: "I joined as head of
        // operations and was asked to sort out the outages".
        if i > 0
            && at(i - 1) == "and"
            && matches!(w[i], "was" | "were")
            && is_in(DUTY_PASSIVES, at(i + 1))
            && (0..i)
                .rev()
                .map(at)
                .find(|w| matches!(*w, "i" | "we" | "he" | "she" | "they"))
                .is_some_and(|w| matches!(w, "i" | "we"))
            && let Some(g) = self.goal_follows(i + 2, 3)
        {
            return Some((i, w[i..=g].join(" ")));
        }
        // "I'd promised the board a working portal by March": a commitment made.
        if matches!(w[i], "i" | "we")
            && matches!(
                at(i + 1),
                "promised" | "pledged" | "guaranteed" | "d" | "had"
            )
        {
            let v = if matches!(at(i + 1), "d" | "had") {
                i + 2
            } else {
                i + 1
            };
            if matches!(at(v), "promised" | "pledged" | "guaranteed")
                && !at(v + 1).is_empty()
                && !is_in(CLAUSE_STARTS, at(v + 1))
            {
                return Some((i, w[i..=v].join(" ")));
            }
        }
        None
    }

    /// A duty at word `i` handed to the speaker ("it landed on my desk") or held by them, told
    /// in the passive ("the exit was led by me"), a named
    /// stakeholder's want ("the board wanted a single supplier"), or a charge joined to the
    /// speaker's clause ("and committed to closing the gap").
    pub(super) fn duty_handed(&self, w: &[&str], i: usize) -> Option<(usize, String)> {
        let at = |k: usize| w.get(k).copied().unwrap_or("");
        // A charge held, told in the passive: "preparation for the assessment was led by me",
        // "by myself and the CFO".
        if w[i] == "by"
            && matches!(at(i + 1), "me" | "myself")
            && i >= 2
            && matches!(
                at(i - 1),
                "led" | "owned" | "run" | "managed" | "headed" | "driven" | "coordinated"
            )
            && is_in(BE_FORMS, at(i - 2))
        {
            return Some((i - 2, w[i - 2..=i + 1].join(" ")));
        }
        // A duty handed to the speaker: "the review was given to me", "it was down to me",
        // "it landed on my desk".
        if matches!(w[i], "to" | "on" | "with")
            && (matches!(at(i + 1), "me" | "us")
                || (matches!(at(i + 1), "my" | "our") && is_in(PLATES, at(i + 2))))
            && ((i.saturating_sub(2)..i).any(|k| is_in(ASSIGNING, at(k)))
                // "so the compliance work sat on my desk" (where a thing sits on a plate).
                || (w[i] == "on"
                    && i > 0
                    && is_in(PLATES, at(i + 2))
                    && matches!(at(i - 1), "sat" | "sits" | "rested" | "rests")
                    // A piece of work sat there, not a laptop.
                    && (i.saturating_sub(4)..i - 1).any(|k| {
                        is_in(GOAL_NOUNS, at(k))
                            || is_in(DECISION_NOUNS, at(k))
                            || matches!(at(k), "work" | "job" | "issue" | "responsibility")
                    })))
        {
            return Some((
                i.saturating_sub(2),
                w[i.saturating_sub(2)..=i + 1].join(" "),
            ));
        }
        // A named stakeholder's want: "the board wanted a single supplier by April".
        if matches!(w[i], "wanted" | "needed" | "expected" | "demanded") && i > 0 {
            let mut s = i;
            while s > 0 && is_adverb(at(s - 1)) {
                s -= 1;
            }
            let subject = if s == 0 { "" } else { at(s - 1) };
            // "Every time the sales team needed a report, they would email me": a want
            // inside a clause of time or condition is the moment, not the goal.
            let clause = (0..s)
                .rev()
                .take_while(|&k| !self.boundary(k + 1))
                .any(|k| {
                    is_in(SUBORDINATORS, at(k))
                        || at(k) == "whenever"
                        || (at(k) == "time" && k > 0 && matches!(at(k - 1), "every" | "each"))
                });
            // The goal starts after the want: the stakeholder who wanted it is also the
            // scene ("Our sales director wanted the CRM live before the trade show").
            // "Overnight two thousand staff needed to work from home": people counted
            // tell the scene, no stakeholder's want.
            let counted = s >= 2 && is_figure(at(s - 2));
            if !subject.is_empty()
                && !clause
                && !counted
                && !is_in(STOP_WORDS, subject)
                && !is_in(CLAUSE_STARTS, subject)
                && !is_in(&["was", "is", "were"], at(i + 1))
                && !at(i + 1).is_empty()
            {
                return Some((i + 1, format!("{subject} {}", w[i])));
            }
        }
        // A commitment in a clause joined to the speaker's: "I took it to the board and
        // committed to closing the gap"; a charge owned so: "I was VP of IT and owned the
        // contract".
        let committed = matches!(
            at(i + 1),
            "committed" | "promised" | "pledged" | "undertook" | "volunteered"
        ) && self.to_verb(i + 2);
        let owned =
            at(i + 1) == "owned" && matches!(at(i + 2), "the" | "our" | "a" | "all" | "every");
        if w[i] == "and"
            && (committed || owned)
            && (0..i)
                .rev()
                .map(at)
                .find(|w| matches!(*w, "i" | "we" | "he" | "she" | "they"))
                .is_some_and(|w| matches!(w, "i" | "we"))
        {
            return Some((i + 1, w[i + 1..=i + 2].join(" ")));
        }
        None
    }
}
