//! The Task the speaker states of themselves: given ("I was asked to"), taken on ("I had to",
//! "I set out to", "I took ownership of"), or held ("I was the budget holder").

use super::lexicon::*;
use super::sentence::{CLAUSE_STARTS, Sentence, is_adverb, is_figure, is_in, is_participle};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// A goal or duty the speaker ("I", "we") at word `i` is given, takes on or holds.
    pub(super) fn speaker_task(&self, w: &[&str], i: usize) -> Option<(usize, String)> {
        let at = |k: usize| w.get(k).copied().unwrap_or("");
        if !matches!(w[i], "i" | "we") {
            return None;
        }
        let mut j = i + 1;
        while is_adverb(at(j)) {
            j += 1;
        }
        // "I never once had to explain what an API is", "I was never asked to", "I had never
        // had to": a duty denied is none.
        let never = |from: usize, to: usize| {
            w[from.min(w.len())..to.min(w.len())]
                .iter()
                .any(|x| matches!(*x, "never" | "hardly" | "rarely"))
        };
        // The speaker given a duty: "I was asked to", "we'd been tasked with".
        let mut k = j;
        if matches!(at(k), "d" | "had" | "have" | "ve") && at(k + 1) == "been" {
            k += 2;
        } else if matches!(at(k), "was" | "were" | "got" | "m" | "am" | "are" | "re") {
            // "I'm expected to keep", "we're charged with": a duty held now.
            k += 1;
        }
        if k > j {
            while is_adverb(at(k)) {
                k += 1;
            }
            if is_in(DUTY_PASSIVES, at(k))
                && !never(i + 1, k)
                && let Some(g) = self.goal_follows(k + 1, 3)
            {
                return Some((i, w[i..=g].join(" ")));
            }
        }
        // The speaker taking on a goal: "I had to", "we needed to", "I had a week to", "I
        // wanted them to"; "agreed to" is a duty only for "I" ("we agreed to meet" is
        // a decision between people).
        // "I have to keep 400 laptops patched", "I need to show the board": a duty held
        // now, in an answer about how the speaker works ("you have to" is a truth).
        // "I have to say", "I need to get better at": a comment or a lesson, no duty.
        let held = w[i] == "i"
            && matches!(at(j), "have" | "need")
            && at(j + 1) == "to"
            && !matches!(
                at(j + 2),
                "say"
                    | "admit"
                    | "confess"
                    | "be"
                    | "get"
                    | "learn"
                    | "improve"
                    | "work"
                    | "think"
                    | "remember"
            )
            && !self.hypothetical();
        // "I was trying to explain to the managers why we needed backups": what the
        // speaker was out to do, told in the progressive.
        // Only the speaker's, to win someone over ("I was trying to get home when the CEO
        // rang" was interrupted; "we were trying to hire" is background).
        if w[i] == "i"
            && at(j) == "was"
            && at(j + 1) == "trying"
            && self.to_verb(j + 2)
            && matches!(
                at(j + 3),
                "explain" | "convince" | "persuade" | "show" | "get" | "win" | "sell"
            )
            && !w[j..].iter().any(|x| matches!(*x, "when" | "while" | "as"))
        {
            return Some((i, w[i..=j + 3].join(" ")));
        }
        // "I asked to own the tech side of it": a charge asked for is taken on.
        let asked_for = w[i] == "i"
            && at(j) == "asked"
            && at(j + 1) == "to"
            && matches!(
                at(j + 2),
                "own" | "lead" | "run" | "manage" | "handle" | "drive"
            );
        if (is_in(DUTY_VERBS, at(j)) || held || asked_for)
            && !never(i + 1, j)
            && !(w[i] == "we" && at(j) == "agreed")
        {
            let reach = match at(j) {
                "had" | "have" => 4,
                "wanted" | "needed" => 3,
                _ => 1,
            };
            if let Some(g) = (j + 1..j + 1 + reach)
                .take_while(|&k| k == j + 1 || !is_in(CLAUSE_STARTS, at(k)))
                .find(|&k| at(k) == "to")
                && self.to_verb(g)
                && !never(j + 1, g)
                && !(matches!(at(j), "wanted" | "want") && g == j + 1 && self.listening(g + 1))
            {
                return Some((i, w[i..=g].join(" ")));
            }
        }
        // A goal as what the speaker wanted, with what it was to do: "I wanted something
        // the team could rely on", "we wanted one queue that every site used"; "I wanted
        // a career in IT" is a wish, not a goal.
        // A need the same: "I need a rota that doesn't hang on one person".
        // "I wanted reviews with no surprises in them": a bare plural, with what it was
        // to be free of.
        let bare = at(j + 1).len() > 3
            && at(j + 1).ends_with('s')
            && !is_in(STOP_WORDS, at(j + 1))
            && !is_in(CLAUSE_STARTS, at(j + 1));
        if matches!(at(j), "wanted" | "needed" | "want" | "need")
            && (is_in(DETERMINERS, at(j + 1)) || is_in(INDEFINITES, at(j + 1)) || bare)
            && let Some(r) = (j + 2..j + 8)
                .take_while(|&k| !self.boundary(k) && !at(k).is_empty())
                .find(|&k| {
                    is_in(RELATIVES, at(k))
                        || is_in(MODALS, at(k))
                        || (matches!(at(k), "with" | "without")
                            && matches!(at(k + 1), "no" | "fewer" | "less" | "any"))
                })
        {
            return Some((i, w[i..r].join(" ")));
        }
        // "I needed it settled before the new rota started", "I wanted the payroll fixed by
        // Friday": a state the speaker needed brought about, its participle closing the clause
        // or followed by when ("I needed that extended warranty" names a thing; "I want it
        // noted" is a remark).
        if matches!(at(j), "needed" | "wanted")
            && let Some(p) = match at(j + 1) {
                "it" | "them" | "everything" => Some(j + 2),
                "the" | "our" | "this" | "that" | "every" | "all" => {
                    (j + 3..j + 5).find(|&p| is_participle(at(p)))
                }
                _ => None,
            }
            && is_participle(at(p))
            && !matches!(at(p), "noted" | "known" | "said" | "told" | "heard")
            && (p + 1 == w.len()
                || self.boundary(p + 1)
                || matches!(
                    at(p + 1),
                    "before" | "by" | "within" | "in" | "for" | "and" | "so" | "as" | "quickly"
                ))
        {
            return Some((i, w[i..=p].join(" ")));
        }
        // "I made fixing that my first project", "I made it my mission to": a goal the speaker
        // set themselves.
        // ("we made our target two weeks early" hit it: an object comes between, and the goal
        // noun closes its phrase.)
        if at(j) == "made"
            && let Some(m) = (j + 2..j + 6)
                .take_while(|&k| !self.boundary(k))
                .find(|&k| matches!(at(k), "my" | "our"))
            && let Some(n) =
                (m + 1..m + 3).find(|&n| is_in(GOAL_NOUNS, at(n)) || is_in(DECISION_NOUNS, at(n)))
            && (n + 1 == w.len() || self.boundary(n + 1) || matches!(at(n + 1), "to" | "for"))
        {
            return Some((i, w[i..=n].join(" ")));
        }
        // "What we had to do was get him up to speed".
        if i > 0
            && at(i - 1) == "what"
            && is_in(DUTY_VERBS, at(j))
            && at(j + 1) == "to"
            && at(j + 2) == "do"
            && at(j + 3) == "was"
        {
            return Some((i - 1, w[i - 1..=j + 3].join(" ")));
        }
        // A duty taken on oneself: "I took it upon myself to fix it".
        if let Some(r) = (j + 1..j + 4)
            .take_while(|&k| !is_in(CLAUSE_STARTS, at(k)) || at(k) == "it")
            .find(|&k| matches!(at(k), "myself" | "ourselves"))
            && self.to_verb(r + 1)
        {
            return Some((i, w[i..=r + 1].join(" ")));
        }
        // A responsibility taken on: "I took ownership of", "I owned the relationship",
        // "I stepped up to lead", "I was there to", "I was the one who had to".
        let took_charge = |k: usize| {
            at(k) == "took"
                && matches!(at(k + 1), "ownership" | "charge" | "responsibility")
                && matches!(at(k + 2), "of" | "for")
        };
        let took_on = took_charge(j);
        // "The print contract, which I managed": a piece of work the speaker answered for.
        // "I owned getting that in place": a charge told by what it was to do.
        // "I owned release sign-off": a charge named without an article, in the past, that
        // closes its clause ("I owned shares in the supplier", "I owned Macs at home", "I
        // owned two of them" name possessions).
        let clause_end = (j + 2..j + 5).find(|&k| {
            at(k).is_empty() || self.boundary(k) || matches!(at(k), "and" | "so" | "but")
        });
        let bare_charge = at(j) == "owned"
            && w[i] == "i"
            && !at(j + 1).is_empty()
            && !is_in(CLAUSE_STARTS, at(j + 1))
            && !is_figure(at(j + 1))
            && !at(j + 1).ends_with('s')
            && !is_in(STOP_WORDS, at(j + 1))
            && clause_end.is_some_and(|end| {
                (j + 2..end).all(|k| !is_in(STOP_WORDS, at(k)) || self.compound(k))
            });
        let owned = ((at(j) == "owned" || (w[i] == "i" && at(j) == "own"))
            && (matches!(at(j + 1), "the" | "our" | "a" | "that" | "this" | "my")
                || self.verb_gerund(j + 1)
                || bare_charge))
            || (w[i] == "i"
                && i > 1
                && matches!(at(i - 1), "which" | "that")
                && matches!(at(j), "managed" | "owned")
                && (at(j + 1).is_empty() || self.boundary(j + 1)));
        // "I was the budget holder", "I was the service owner": a post that names what
        // the speaker answers for.
        let holder = is_in(BE_FORMS, at(j))
            && matches!(at(j + 1), "the" | "a")
            && (j + 2..j + 5)
                .any(|k| matches!(at(k), "holder" | "owner" | "owners") && at(k + 1) != "s");
        let stepped = at(j) == "stepped" && matches!(at(j + 1), "in" | "up") && self.to_verb(j + 2);
        let there = at(j) == "was" && at(j + 1) == "there" && self.to_verb(j + 2);
        // "I was the one who had to tell them", "I was the one leading it".
        let the_one = at(j) == "was"
            && matches!(at(j + 2), "one" | "person")
            && ((at(j + 3) == "who" && is_in(DUTY_VERBS, at(j + 4)) && self.to_verb(j + 5))
                || self.verb_gerund(j + 3));
        // "I was the support manager who had to make it work": a post with its duty.
        let post_duty = (at(j) == "was" && matches!(at(j + 1), "the" | "a" | "an"))
            .then(|| (j + 2..j + 6).find(|&k| at(k) == "who"))
            .flatten()
            .filter(|&k| matches!(at(k + 1), "had" | "needed") && self.to_verb(k + 2));
        if let Some(k) = post_duty {
            return Some((i, w[i..=(k + 2).min(w.len() - 1)].join(" ")));
        }
        // "I took it on as my improvement project", "I took on the contract renewal": a
        // piece of work taken on ("I took it on the chin", "I took it on faith", "I took it
        // on my bike" are not).
        // "I took it over as IT manager when the PM left": a piece of work taken over.
        let taken_on = at(j) == "took"
            && ((matches!(at(j + 1), "it" | "this" | "that")
                && at(j + 2) == "over"
                && matches!(at(j + 3), "as" | "from" | ""))
                || (matches!(at(j + 1), "it" | "this" | "that")
                    && at(j + 2) == "on"
                    && (matches!(at(j + 3), "as" | "myself" | "") || self.boundary(j + 3)))
                || (at(j + 1) == "on"
                    && matches!(at(j + 2), "the" | "this" | "that" | "a")
                    && (j + 3..j + 6).any(|k| {
                        is_in(WORK_NOUNS, at(k)) || is_in(GOAL_NOUNS, at(k)) || at(k) == "role"
                    })));
        // "What I'm aiming for is...", "I aimed to halve it": a goal aimed at ("what I always
        // aim for is..." is a habit; "I was aiming to leave early when..." a plan of the day).
        let aiming = (at(j) == "aimed" && matches!(at(j + 1), "for" | "to" | "at"))
            || (at(j) == "aiming" && at(j + 1) == "for")
            || (is_in(BE_FORMS, at(j))
                && at(j + 1) == "aiming"
                && (at(j + 2) == "for" || (i > 0 && at(i - 1) == "what")));
        if took_on || owned || holder || stepped || there || the_one || taken_on || aiming {
            return Some((i, w[i..=(j + 2).min(w.len() - 1)].join(" ")));
        }
        if at(j) == "set" && at(j + 1) == "out" && at(j + 2) == "to" {
            return Some((i, w[i..=j + 2].join(" ")));
        }
        // "I raised a problem record and took ownership of the root cause": a responsibility
        // taken on in a verb joined to the speaker's clause ("their engineer reviewed the
        // logs and took ownership" is someone else's).
        if let Some(t) = (j + 1..w.len())
            .take_while(|&k| !self.boundary(k) && (!is_in(CLAUSE_STARTS, at(k)) || at(k) == "and"))
            .find(|&k| at(k - 1) == "and" && took_charge(k))
        {
            return Some((i, w[t..=t + 2].join(" ")));
        }
        // A goal as the object of the speaker's verb: "I set myself the goal of", "we had
        // a clear brief to"; a goal set oneself, whatever follows it ("I set myself a goal:
        // one protected hour a week").
        let set_oneself = at(j) == "set" && matches!(at(j + 1), "myself" | "ourselves");
        if let Some(n) = (j + 1..j + 5)
            .take_while(|&k| !is_in(CLAUSE_STARTS, at(k)))
            .find(|&n| is_in(GOAL_NOUNS, at(n)))
            && matches!(
                at(n - 1),
                "a" | "an" | "the" | "my" | "our" | "clear" | "one"
            )
            && (at(n + 1) == "of" || self.to_verb(n + 1) || set_oneself)
        {
            let end = if set_oneself { n } else { n + 1 };
            return Some((i, w[i..=end].join(" ")));
        }
        None
    }
}
