//! Demands and roles that give the speaker a task without naming it: a demand in reported
//! speech or as an order ("my boss said the migration had to be done by Friday", "the
//! director texts me: sort it before six"), someone turning to the speaker with a trouble
//! ("the shop manager rang me every week because the tills were slow", "everyone would come
//! to me when the kiosks froze"), a role in the events ("I was incident lead", "the
//! recovery was mine", "fixing it was on me").

use super::lexicon::*;
use super::sentence::{Sentence, is_gerund, is_in, is_past, is_subject};
use crate::core::matcher::STOP_WORDS;

/// Someone turning to the speaker (see [`Sentence::turned_to_speaker`]).
pub(super) struct TurnedTo {
    /// The index of the verb.
    pub verb: usize,
    /// Whether the one who turned is named ("the finance director", "our biggest client"),
    /// not "everyone", "people" or "they": their demand is the speaker's task.
    pub named: bool,
}

impl Sentence {
    /// A demand told in reported speech or as an order, with the index of its first word
    /// (after the speech verb, so that the one who spoke stays in the scene): a speech verb of
    /// someone else's followed by an obligation ("said the servers had to be out by Friday",
    /// "told us it must be live in May") or by an order ("texts me: sort it before six").
    pub(super) fn reported_demand(&self) -> Option<(usize, String)> {
        let n = self.words.len();
        (1..n).find_map(|k| {
            let subject = self.subject_of(k);
            if !is_in(SPEECH_VERBS, self.at(k))
                || matches!(subject, "i" | "we" | "you" | "")
                || !is_subject(subject)
            {
                return None;
            }
            let mut d = k + 1;
            if matches!(self.at(d), "me" | "us") {
                d += 1;
            }
            if self.at(d) == "that" {
                d += 1;
            }
            // An order in any clause of what was said: "said, you own this, get us off the
            // bottom".
            // Right after the speech verb the comma may be left out: "said sort it out".
            let first = d;
            let order_at = |d: usize| {
                (self.boundary(d) || (d == first && !is_in(STOP_WORDS, self.at(d))))
                    && self.at(d).len() > 1
                    && self.at(d).chars().all(char::is_alphabetic)
                    && !is_past(self.at(d))
                    && !is_in(BE_FORMS, self.at(d))
                    && !is_in(AUXILIARIES, self.at(d))
                    && !is_in(DETERMINERS, self.at(d))
                    && !is_in(SUBJECT_PRONOUNS, self.at(d))
                    && (is_in(OBJECT_PRONOUNS, self.at(d + 1))
                        || is_in(DETERMINERS, self.at(d + 1))
                        || matches!(self.at(d + 1), "it" | "this" | "that" | "everything"))
            };
            let order = (d..(d + 10).min(n)).any(order_at);
            let obligation = (d..(d + 8).min(n)).find(|&m| {
                (is_in(OBLIGATIONS, self.at(m)) && self.at(m + 1) == "to")
                    || (self.at(m) == "must" && !self.at(m + 1).is_empty())
            });
            (order || obligation.is_some())
                .then(|| (d, self.words[k.saturating_sub(1)..=d].join(" ")))
        })
    }

    /// Someone turning to the speaker with a trouble, as an event or a habit: "the shop
    /// manager rang me every week because the tills were slow", "people came to me when they
    /// had problems", "everyone would ask me", "the client kept chasing us". A scene only
    /// when the speaker then acts (see `StarCues::detect`).
    pub(super) fn turned_to_speaker(&self) -> Option<TurnedTo> {
        let n = self.words.len();
        (1..n).find_map(|k| {
            let v = self.at(k);
            // "would ring me", "kept ringing me".
            let kept = matches!(self.at(k.checked_sub(1)?), "kept" | "would" | "d")
                || (k >= 2 && self.at(k - 2) == "kept");
            let contact = is_in(CONTACT_VERBS, v)
                || (kept
                    && (is_in(CONTACT_BASES, v)
                        || v.strip_suffix("ing").is_some_and(|b| {
                            is_in(CONTACT_BASES, b) || is_in(CONTACT_BASES, &format!("{b}e"))
                        })));
            if !contact {
                return None;
            }
            let me = match self.at(k + 1) {
                "me" | "us" => k + 1,
                "to" if matches!(self.at(k + 2), "me" | "us") => k + 2,
                _ => return None,
            };
            // "asked me to review it" hands over a duty (the task, read elsewhere).
            if self.at(me + 1) == "to" {
                return None;
            }
            let mut s = k;
            while s > 0
                && (matches!(self.at(s - 1), "kept" | "would" | "d")
                    || is_in(ADVERBS, self.at(s - 1))
                    || is_in(HABITUAL, self.at(s - 1)))
            {
                s -= 1;
            }
            let subject = if s == 0 { "" } else { self.at(s - 1) };
            if matches!(subject, "i" | "we" | "you" | "") || !is_subject(subject) {
                return None;
            }
            // With what for, or how often: "because", "when", "about", "every Monday".
            let reason = (me + 1..n).any(|m| {
                is_in(
                    &[
                        "because",
                        "when",
                        "whenever",
                        "about",
                        "with",
                        "if",
                        "every",
                        "each",
                        "asking",
                        "saying",
                        "complaining",
                    ],
                    self.at(m),
                )
            });
            // Named: one person or body with a determiner ("the finance director", "our
            // biggest client"), not "everyone", "people", "drivers" or "they".
            // The head of "the head of sales" is "head".
            let (head, at) = if s >= 3 && self.at(s - 2) == "of" {
                (self.at(s - 3), s - 2)
            } else {
                (subject, s)
            };
            let named = !is_in(SUBJECT_PRONOUNS, head)
                && !is_in(INDEFINITES, head)
                && !head.ends_with('s')
                && (at.saturating_sub(4)..at).any(|m| is_in(DETERMINERS, self.at(m)));
            reason.then_some(TurnedTo { verb: k, named })
        })
    }

    /// A role in the events the speaker held: "I was incident lead", "I was the owner of the
    /// rollout", "the recovery was mine", "fixing it was on me".
    pub(super) fn role_duty(&self) -> Option<(usize, String)> {
        let n = self.words.len();
        let clause_end = |m: usize| {
            m >= n
                || self.boundary(m)
                || is_in(
                    &["and", "so", "but", "because", "as", "for", "of", "on"],
                    self.at(m),
                )
        };
        (0..n).find_map(|i| {
            // "I led the replacement of our servers", "I led it": the piece of work was the
            // speaker's to lead ("I led a workshop" is a step).
            // A note that leaves out "I": "Led a migration to the cloud for a retailer".
            if self.at(i) == "i" && self.led_work(self.verb_after(i)) {
                let j = self.verb_after(i);
                return Some((i, self.words[i..=j].join(" ")));
            }
            if i == 0 && self.led_work(0) {
                return Some((0, self.words[..2].join(" ")));
            }
            // "I was leading the response": the piece of work the speaker was leading.
            if self.at(i) == "i" && matches!(self.at(i + 1), "was" | "were") && self.led_work(i + 2)
            {
                return Some((i, self.words[i..=i + 2].join(" ")));
            }
            // "I was on call", "I was the one on duty", "I was the senior engineer on shift":
            // a role in the events (the one who held it named in up to three words).
            if self.at(i) == "i" && self.at(i + 1) == "was" {
                let from = i + 2;
                let named = if self.at(from) == "the" {
                    (from + 2..=from + 4)
                        .take_while(|&m| !self.boundary(m))
                        .find(|&m| self.at(m) == "on")
                } else {
                    None
                };
                let m = named.unwrap_or(from);
                if self.at(m) == "on" && matches!(self.at(m + 1), "call" | "duty" | "shift") {
                    return Some((i, self.words[i..=m + 1].join(" ")));
                }
            }
            // A post held for the events: named by its turn of duty ("I was duty incident
            // manager", "I'm the on-call engineer"; the on-call rule above takes "on call"
            // after), or with the duty it was given ("I'm the infrastructure director, tasked
            // with getting everything moved").
            if self.at(i) == "i" && matches!(self.at(i + 1), "was" | "m" | "am") {
                let from = i + 2 + usize::from(matches!(self.at(i + 2), "the" | "a" | "an"));
                let turn = match (self.at(from), self.at(from + 1)) {
                    ("duty", _) => Some(from + 1),
                    ("on", "call") => Some(from + 2),
                    _ => None,
                };
                let on_duty = turn.and_then(|t| {
                    (t..t + 3)
                        .take_while(|&m| !self.boundary(m))
                        .find(|&m| is_in(POST_HEADS, self.at(m)))
                });
                let tasked = (i + 3..(i + 9).min(n))
                    .find(|&k| {
                        matches!(self.at(k), "tasked" | "charged") && self.at(k + 1) == "with"
                    })
                    .filter(|&k| (i + 2..k).any(|m| is_in(POST_HEADS, self.at(m))))
                    .map(|k| k + 1);
                if let Some(end) = on_duty.or(tasked) {
                    return Some((i, self.words[i..=end].join(" ")));
                }
            }
            // "As IT operations manager I declared a major incident", "as the head of IT, I
            // rang the insurer": the post the speaker acted in ("as a result, I", "as soon as
            // I" name none).
            if i == 0 && self.at(0) == "as" {
                let speaker = (2..10.min(n)).find(|&m| self.at(m) == "i");
                if let Some(k) = speaker
                    && (1..k).any(|m| is_in(POST_HEADS, self.at(m)))
                    && !(1..k).any(|m| {
                        is_in(&["if", "soon", "long", "far", "well", "though"], self.at(m))
                    })
                    && is_past(self.at(self.verb_after(k)))
                {
                    return Some((0, self.words[..k].join(" ")));
                }
            }
            // "I was incident lead", "I was the project owner", "I was head of IT and the
            // named incident lead in our response plan".
            if self.at(i) == "i" && self.at(i + 1) == "was" {
                return (i + 2..(i + 10).min(n))
                    .take_while(|&m| m == i + 2 || !self.boundary(m))
                    .find(|&m| {
                        // A role named second is the speaker's when nothing but its name
                        // stands after "and" ("I was away and Sam was incident lead", "the
                        // team lead in Leeds was off sick" are someone else's).
                        // ("the named incident lead": a participle after its article describes.)
                        let verb = |k: usize| {
                            is_in(BE_FORMS, self.at(k))
                                || (is_past(self.at(k)) && !is_in(DETERMINERS, self.at(k - 1)))
                        };
                        let second = (i + 3..m).find(|&k| self.at(k) == "and").is_some_and(|a| {
                            !(a + 1..m).any(verb)
                                && !(m + 1..n).take_while(|&k| !self.boundary(k)).any(verb)
                        });
                        // A post named for a piece of work is a role in it too: "I was the
                        // IT project manager", "I was the engineer for the replacement".
                        let for_work = matches!(self.at(m + 1), "for" | "on")
                            && matches!(self.at(m + 2), "the" | "this" | "that" | "our")
                            && is_in(WORK_NOUNS, self.at(m + 3));
                        let work_post = is_in(POST_HEADS, self.at(m))
                            && (is_in(WORK_NOUNS, self.at(m - 1)) || for_work);
                        (is_in(ROLE_NOUNS, self.at(m)) || work_post)
                            && (m < i + 6 || second)
                            && (clause_end(m + 1)
                                || matches!(self.at(m + 1), "in" | "assigned")
                                || for_work)
                    })
                    .map(|m| (i, self.words[i..=m].join(" ")));
            }
            // "The recovery was mine", "fixing it was on me": a duty owned.
            let owned = matches!(self.at(i), "mine" | "ours") && clause_end(i + 1);
            let on_me =
                self.at(i) == "on" && matches!(self.at(i + 1), "me" | "us") && clause_end(i + 2);
            if i < 2 || !(owned || on_me) {
                return None;
            }
            // What was mine is a piece of work ("the recovery", "the fix", "sorting it out"),
            // not a thing ("the book was mine"), nor a fault owned ("that was on me").
            let subject = self.at(i - 2);
            let work = is_work_noun(subject)
                || is_in(WORK_NOUNS, subject)
                || matches!(subject, "fix" | "work" | "call" | "rest")
                || {
                    // A gerund opening its clause: "sorting out the rota was on me", "I was
                    // head of IT and getting the case through was on me".
                    let from = (0..i).rev().find(|&m| self.boundary(m)).unwrap_or(0);
                    // ("We spent the week planning and testing and the delay was on me": the
                    // gerund is not what was on the speaker.)
                    (from..i).any(|m| {
                        (m == from || self.at(m - 1) == "and")
                            && is_gerund(self.at(m))
                            && !(m + 1..i).any(|k| self.at(k) == "and")
                    })
                };
            // What follows from the speaker's post: "I was their manager, so that one was on
            // me", "I was the operations manager, so the numbers were on me" (a fault owned
            // has no post before it: "that was on me: I'd written it badly").
            let from_post = (1..i)
                .rev()
                .find(|&m| self.at(m) == "so")
                .is_some_and(|so| {
                    (0..so).any(|m| {
                        is_in(POST_HEADS, self.at(m))
                            || matches!(self.at(m), "leader" | "responsible")
                    }) && (0..so).any(|m| matches!(self.at(m), "i" | "as"))
                });
            ((work || from_post)
                && (is_in(LINKING, self.at(i - 1))
                    || (from_post && matches!(self.at(i - 1), "were" | "are" | "s")))
                && !matches!(subject, "i" | "we"))
            .then(|| (i - 1, self.words[i - 1..=i].join(" ")))
        })
    }
}

impl Sentence {
    /// A question put to the speaker's side by someone else, which they must answer: "the
    /// board asked whether we could recover", "the auditor wanted to know if we had tested
    /// it" ("I asked if I could sit in" is the speaker's own request).
    pub(super) fn question_put(&self) -> Option<(usize, String)> {
        let n = self.words.len();
        (1..n).find_map(|k| {
            let q = match self.at(k) {
                "asked" => k + 1 + usize::from(matches!(self.at(k + 1), "me" | "us")),
                "wanted" if self.at(k + 1) == "to" && self.at(k + 2) == "know" => k + 3,
                _ => return None,
            };
            let subject = self.subject_of(k);
            (matches!(self.at(q), "whether" | "if")
                && matches!(self.at(q + 1), "i" | "we")
                && !matches!(subject, "i" | "we" | "you" | "")
                && is_subject(subject))
            // The goal starts at the question: the one who asked is also the scene.
            .then(|| (q, self.words[k..=q].join(" ")))
        })
    }

    /// The group's piece of work named by the speaker's lead of it in the same sentence: "we
    /// moved 90 servers to the cloud over six months, and I led it", "we replaced the phones
    /// at all four sites, and I was responsible for the rollout" (the undertaking, the scene).
    pub(super) fn group_work_led(&self) -> Option<String> {
        let (t, cue) = self.task_at()?;
        if t < 2 || self.at(t - 1) != "and" || !(cue == "i led" || cue.contains("responsible")) {
            return None;
        }
        (0..t - 1).find_map(|i| {
            let v = self.verb_after(i);
            (self.at(i) == "we"
                && is_past(self.at(v))
                && !matches!(self.at(v), "was" | "were" | "had")
                && !self.negated(i))
            .then(|| format!("we {}", self.at(v)))
        })
    }

    /// Whether the verb at `j` is "led" with a piece of work for object: "led the replacement
    /// of our servers", "led a migration to the cloud" (a noun of doing, past its
    /// modifiers), "led our move to the cloud" (a noun with where the work went), "led it";
    /// not "led a workshop" (a step), "led a big network project" (a claim) or "led by".
    pub(super) fn led_work(&self, j: usize) -> bool {
        let head = self.phrase_head_at(j);
        // The progressive after "was": "was leading the response".
        let leading = self.at(j) == "leading" && j > 0 && matches!(self.at(j - 1), "was" | "were");
        // "I oversaw the migration", "I ran the monthly problem review": a piece of work
        // overseen, or a duty that recurs, run as its lead ("I ran a trial", "I ran a
        // blameless review" are steps).
        let ran = (matches!(self.at(j), "oversaw" | "headed")
            && (is_doing_noun(self.object_head(j)) || is_doing_noun(self.at(head))))
            || (self.at(j) == "ran"
                && (j + 1..head).any(|k| is_in(FREQUENCIES, self.at(k)) || self.at(k) == "annual"));
        ran || (self.at(j) == "led" || leading)
            && self.at(j + 1) != "by"
            && (self.at(j + 1) == "it"
                || is_work_noun(self.object_head(j))
                || is_doing_noun(self.object_head(j))
                || is_doing_noun(self.at(head))
                || (self.at(head + 1) == "to" && !self.at(head + 2).is_empty()))
    }
}

/// A noun of doing, by its ending: "the replacement", "a migration", "the closure", or one of
/// the few without such an ending ("the response", "the rollout"); not a name for work as a
/// whole ("a big network project" claims one).
fn is_doing_noun(w: &str) -> bool {
    ["ion", "ment", "al", "ure"].iter().any(|e| w.ends_with(e))
        || is_in(
            &[
                "response", "rollout", "upgrade", "overhaul", "refresh", "cutover", "rebuild",
                "redesign",
            ],
            w,
        )
}

/// A noun of a piece of work: "the recovery", "the replacement", "the project", "the goal".
pub(super) fn is_work_noun(w: &str) -> bool {
    ["ion", "ery", "ment", "ing", "al", "ure", "sis"]
        .iter()
        .any(|e| w.ends_with(e))
        || is_in(GOAL_NOUNS, w)
        || is_in(DECISION_NOUNS, w)
}
