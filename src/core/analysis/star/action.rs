//! The Action: what the speaker did, read from who does which verb in which tense, not from a
//! list of action phrases. A group's action ("we moved the servers") is read the same way: it
//! shows that something was done, but it is not the speaker's own Action.

use super::lexicon::*;
use super::sentence::{
    CLAUSE_STARTS, Sentence, Story, is_adverb, is_ambiguous_past, is_figure, is_in, is_participle,
    is_past, is_present_form, is_regular_past,
};
use crate::core::matcher::STOP_WORDS;
use crate::core::matcher::verbs::irregular_base;

/// An action told in a sentence: the speaker's own ("I rewrote the rota", "my deputy and I
/// rebuilt it"), or a group's that includes them ("we rewrote the rota"), which shows that
/// something was done but not what the speaker did.
pub(super) struct Act {
    pub cue: String,
    pub own: bool,
    /// Done once, in the story ("I rewrote the rota"), not a practice kept up ("I meet each
    /// engineer every fortnight"): what follows an event may be its outcome.
    pub event: bool,
}

impl Sentence {
    /// "I" (adverbs allowed between) and a past-tense verb that is neither vague nor a state,
    /// or a light verb ("got", "took", "told") with something concrete after it; "I had", "I'd"
    /// and "I've" with a past participle ("I'd already booked", "I had rung"; "I'd spend" is
    /// a "would", "I've handled lots of" a claim); a verb joined to the speaker's clause by
    /// "and"/"then" ("I was asked to help and rewrote the rota"); a step named ("what I did
    /// was", "my first move was to"), or done "by me". "My deputy and I rebuilt it" is the
    /// speaker acting. In a story told in the present, a present verb is the action ("I pull
    /// it off the network"); elsewhere a form such as "put" or "set" is present when a habit
    /// or a present verb stands beside it ("I always put the customer first").
    pub(super) fn action(&self, story: &Story) -> Option<Act> {
        let mut group = None;
        for act in [
            self.named_step(),
            self.done_by_speaker(),
            self.subjectless(story),
        ]
        .into_iter()
        .flatten()
        .chain((0..self.words.len()).filter_map(|i| self.action_at(i, story)))
        {
            // "We reviewed the alerts regularly": a habit kept up, no event of the story.
            let act = Act {
                event: act.event && !self.habitual(),
                ..act
            };
            if act.own {
                return Some(act);
            }
            group.get_or_insert(act);
        }
        group
    }

    /// The action of the subject at `i` ("I", "we", "me and my deputy"), if it tells one.
    fn action_at(&self, i: usize, story: &Story) -> Option<Act> {
        let w = &self.words;
        let word = self.at(i);
        // "Me and my deputy rebuilt it", "my deputy and me rebuilt it": spoken subjects.
        let me_and = word == "me"
            && self.at(i + 1) == "and"
            && (i == 0 || is_in(CLAUSE_STARTS, self.at(i - 1)));
        let and_me = word == "me" && i > 0 && self.at(i - 1) == "and";
        if word != "i" && word != "we" && !me_and && !and_me {
            return None;
        }
        let j = if me_and {
            (i + 2..i + 6).find(|&k| is_past(self.at(k)))?
        } else {
            self.verb_after(i)
        };
        // What was never done is the scene, not a step: "we had never tested the restore".
        if !me_and && self.negated(i) {
            return None;
        }
        // "A colleague and I disagreed about the approach": a conflict the speaker was part
        // of is the scene, no step ("I disagreed openly in the meeting" is one).
        if word == "i" && i >= 2 && self.at(i - 1) == "and" && is_conflict(self.at(j)) {
            return None;
        }
        // "At the bank where I ran the service desk": a clause that describes a place of
        // the scene, not a step of the story.
        if i > 0 && self.at(i - 1) == "where" {
            return None;
        }
        let word = if word == "me" { "i" } else { word };
        // "we" includes the speaker, but a group's action is not shown to be theirs: it
        // counts as something done (what follows may be the outcome), not as their Action.
        // "I provided training": something was done, but it names no step of the speaker's.
        let own = word == "i" && !self.bare_abstract(j);
        let act = |cue: String| {
            Some(Act {
                cue,
                own,
                event: true,
            })
        };
        // "I was able to get it approved": an ability used, an action.
        if matches!(self.at(j), "was" | "were")
            && self.at(j + 1) == "able"
            && self.at(j + 2) == "to"
            && !self.at(j + 3).is_empty()
            && !is_in(NOT_VERBS, self.at(j + 3))
            && self.concrete(j + 3, true)
        {
            return act(format!("{word} was able to {}", self.at(j + 3)));
        }
        // "I'm normally hands-off - I set the outcome": a habit told earlier in the sentence,
        // with no verb only past in it, holds for a form such as "set" too.
        // ("Usually the close is quiet, but that month I set up a stand-up": a contrast
        // after the habit tells the event.)
        let habit = self.habit_between(i, j)
            || ((0..i).any(|k| {
                is_in(HABITUAL, self.at(k))
                    && !(k + 1..i).any(|m| matches!(self.at(m), "but" | "except" | "until"))
            }) && !self.unambiguous_past());
        // A perfect: "had"/"'d"/"'ve" + participle; "'d" + anything else is "would".
        if matches!(self.at(j), "had" | "d" | "ve" | "have") {
            let k = self.verb_after(j);
            // "'d" + a form that is also a base ("I'd set up a call") is "would".
            let would = self.at(j) == "d"
                && !is_regular_past(self.at(k))
                && irregular_base(self.at(k)).is_none();
            // "I've handled lots of", "I've always tried": a claim of experience.
            let claim = matches!(self.at(j), "ve" | "have")
                && (self.habit_between(j, k) || self.quantified_object(k));
            // "The hardest project I've led was a migration": a clause that names the
            // subject of "was", no step.
            // ("The biggest project that I've led in my career was...": a phrase of place
            // or time may stand before "was".)
            let named = (k + 1..k + 6)
                .take_while(|&m| {
                    (!self.boundary(m) && !is_past(self.at(m))) || is_in(BE_FORMS, self.at(m))
                })
                .any(|m| is_in(BE_FORMS, self.at(m)))
                && i > 0
                && {
                    let noun = if self.at(i - 1) == "that" {
                        i.saturating_sub(2)
                    } else {
                        i - 1
                    };
                    !is_in(STOP_WORDS, self.at(noun)) && !self.boundary(noun + 1)
                };
            if is_participle(self.at(k)) && !would && !claim && !named && self.concrete(k, false) {
                let subject = if own { "I" } else { "we" };
                return act(
                    format!("{subject} {} {}", self.at(j), self.at(k)).replace(" d ", "'d ")
                );
            }
            // "I have a call with each of them every Monday" may be a practice (below).
            if !matches!(self.at(j), "had" | "have") {
                return None;
            }
            if let Some(cue) = self.causative(j, own) {
                return act(cue);
            }
        }
        // A group's action names its object: "we shipped it" or "we implemented better
        // processes" tells nothing ("a", "the" and a particle skipped).
        let named = word == "i" || {
            let mut o = j + 1;
            while matches!(
                self.at(o),
                "a" | "an" | "the" | "some" | "in" | "up" | "out" | "on"
            ) {
                o += 1;
            }
            !matches!(
                self.at(o),
                "" | "it" | "that" | "this" | "things" | "stuff" | "and"
            ) && !is_in(VAGUE_OBJECTS, self.at(o))
        };
        let told = self.told_past(j, story, habit);
        let present = story.present && !habit && is_present_form(self.at(j));
        if (told || present) && named && self.concrete(j, !told) {
            return act(format!("{} {}", if own { "I" } else { "we" }, self.at(j)));
        }
        // A step of a past story told in the present after a mark of its moment, as a
        // learner of English or a speaker warming up may tell it: "the next day I call the
        // customers", "after that I ring the supplier".
        if !told
            && story.past
            && !habit
            && is_present_form(self.at(j))
            && !is_in(COMMENT_VERBS, self.at(j))
            && !self.hypothetical()
            && self.sequenced(i)
            && self.concrete(j, true)
        {
            return act(format!("{} {}", if own { "I" } else { "we" }, self.at(j)));
        }
        // A practice told in the present with its schedule or measure, the answer to "how do
        // you...": "I meet each engineer for half an hour every fortnight", "I send the board
        // a one-page report each month". A practice with no such detail ("I always
        // communicate openly", "I hold people to high standards") is a claim, not an action.
        // "I have a call with each of them every Monday": "have" of a meeting held.
        let held = self.at(j) == "have" && !is_participle(self.at(self.verb_after(j)));
        if !told
            && (is_present_form(self.at(j)) || held)
            && !is_in(COMMENT_VERBS, self.at(j))
            && named
            && !self.quantified_object(j)
            && !self.volume(j)
            && !self.hypothetical()
            // "First I listen to both sides, then I bring them together": a practice told in
            // its order names its steps as its schedule would.
            && (self.scheduled(i) || (own && self.sequenced(i)))
            && (if held {
                let object = self.object_head(j);
                !object.is_empty()
                    && !is_in(VAGUE_OBJECTS, object)
                    && !is_in(GENERIC_OBJECTS, object)
            } else {
                self.concrete(j, true)
            })
        {
            return Some(Act {
                cue: format!("{} {}", if own { "I" } else { "we" }, self.at(j)),
                own,
                event: false,
            });
        }
        // Verbs joined to the speaker's clause: "I X ... and (then) Y-ed". After a state
        // ("I was tired and stressed") only once a goal has been stated ("I was asked to
        // help and rewrote the rota").
        let mut infinitive = !is_in(COPULAS, self.at(j));
        let mut k = j + 1;
        while k < w.len() && !is_in(CLAUSE_STARTS, self.at(k)) {
            infinitive |= self.at(k) == "to";
            if infinitive && matches!(self.at(k), "and" | "then") {
                let mut v = k + 1;
                while is_adverb(self.at(v)) || self.at(v) == "then" {
                    v += 1;
                }
                // "I agree the goal and let them get on with it": a form such as "let" takes
                // the tense of the verb it is joined to.
                let joined_present = is_ambiguous_past(self.at(v))
                    && is_present_form(self.at(j))
                    && !is_past(self.at(j));
                if self.told_past(v, story, habit)
                    && !joined_present
                    && !self.at(v + 1).is_empty()
                    && self.concrete(v, false)
                {
                    let subject = if own { "I" } else { "we" };
                    return act(format!("{subject} ... {}", self.at(v)));
                }
            }
            k += 1;
        }
        None
    }

    /// Whether the verb at `j` is told in the past: a past form, and for a form that is also
    /// the present ("put", "set") no habit adverb before it ("I always put") and a story that
    /// is not all in the present ("I set high standards and I hold people to them"). A present
    /// aside in the same sentence ("I set up a call, which I still run") leaves it past.
    pub(super) fn told_past(&self, j: usize, story: &Story, habit: bool) -> bool {
        let verb = self.at(j);
        is_past(verb)
            && !(is_ambiguous_past(verb) && (habit || (!story.past && story.present_speaker)))
    }

    /// Whether the clause of the subject at `subject` (from the boundary before it to the
    /// next subject) says when or how long: "every fortnight", "within the same week", "once
    /// a quarter", "weekly", "on Mondays", "for thirty minutes" ("I manage seven people" does
    /// not).
    pub(super) fn scheduled(&self, subject: usize) -> bool {
        let from = (0..subject)
            .rev()
            .find(|&k| self.boundary(k + 1) || matches!(self.at(k), "and" | "but" | "so"))
            .map_or(0, |k| k + 1);
        let end = (subject + 1..self.words.len())
            .find(|&k| matches!(self.at(k), "i" | "we" | "they" | "he" | "she"))
            .unwrap_or(self.words.len());
        (from..end).any(|k| {
            let w = self.at(k);
            (is_figure(w) && (k + 1..k + 3).any(|u| is_in(TIME_UNITS, self.at(u))))
                || is_in(PERIODS, w)
                || is_in(TIME_UNITS, w)
                || is_in(FREQUENCIES, w)
                || (matches!(w, "every" | "each" | "once" | "twice" | "per" | "a")
                    && is_in(PERIODS, self.at(k + 1)))
                || w.strip_suffix('s').is_some_and(|d| is_in(WEEKDAYS, d))
        })
    }

    /// Whether the clause of the subject at `i` opens on a moment in a sequence: "the next
    /// day", "that afternoon", "after that", "on day two".
    pub(super) fn sequenced(&self, i: usize) -> bool {
        let from = (0..i)
            .rev()
            .find(|&k| self.boundary(k + 1))
            .map_or(0, |k| k + 1);
        (from..i).any(|k| {
            (matches!(
                self.at(k),
                "next" | "following" | "same" | "that" | "second" | "third"
            ) && is_in(PERIODS, self.at(k + 1)))
                || (self.at(k) == "after" && matches!(self.at(k + 1), "that" | "this"))
                || matches!(
                    self.at(k),
                    "first" | "firstly" | "afterwards" | "later" | "then" | "next" | "finally"
                )
        })
    }
}

/// Verbs of a conflict between people: "a colleague and I disagreed", "I clashed with the
/// product owner".
pub(super) fn is_conflict(w: &str) -> bool {
    matches!(w, "disagreed" | "clashed" | "argued" | "fell")
}
