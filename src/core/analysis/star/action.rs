//! The Action: what the speaker (or a group with them) did, read from who does which verb in
//! which tense, not from a list of action phrases.

use super::lexicon::*;
use super::sentence::{
    CLAUSE_STARTS, Sentence, Story, base_in, is_adverb, is_ambiguous_past, is_in, is_participle,
    is_past, is_present_form, is_regular_past,
};
use crate::core::matcher::verbs::irregular_base;

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
    pub(super) fn action(&self, story: &Story) -> Option<String> {
        if let Some(step) = self.named_step().or_else(|| self.done_by_speaker()) {
            return Some(step);
        }
        let w = &self.words;
        for (i, word) in w.iter().enumerate() {
            // "we" includes the speaker: a group's concrete action counts (the I/we line of
            // the insights still says whose it was). "Me and my deputy rebuilt it", "my
            // deputy and me rebuilt it": spoken subjects.
            let me_and = word == "me"
                && self.at(i + 1) == "and"
                && (i == 0 || is_in(CLAUSE_STARTS, self.at(i - 1)));
            let and_me = word == "me" && i > 0 && self.at(i - 1) == "and";
            if word != "i" && word != "we" && !me_and && !and_me {
                continue;
            }
            let j = if me_and {
                match (i + 2..i + 6).find(|&k| is_past(self.at(k))) {
                    Some(k) => k,
                    None => continue,
                }
            } else {
                self.verb_after(i)
            };
            let word = if word == "me" { "i" } else { word.as_str() };
            // "I was able to get it approved": an ability used, an action.
            if matches!(self.at(j), "was" | "were")
                && self.at(j + 1) == "able"
                && self.at(j + 2) == "to"
                && !self.at(j + 3).is_empty()
                && !is_in(NOT_VERBS, self.at(j + 3))
                && self.concrete(j + 3, true)
            {
                return Some(format!("{word} was able to {}", self.at(j + 3)));
            }
            let habit = self.habit_between(i, j);
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
                if is_participle(self.at(k)) && !would && !claim && self.concrete(k, false) {
                    return Some(
                        format!("I {} {}", self.at(j), self.at(k)).replace("I d ", "I'd "),
                    );
                }
                if self.at(j) != "had" {
                    continue;
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
                return Some(format!(
                    "{} {}",
                    if word == "i" { "I" } else { "we" },
                    self.at(j)
                ));
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
                    if self.told_past(v, story, habit)
                        && !self.at(v + 1).is_empty()
                        && self.concrete(v, false)
                    {
                        return Some(format!("I ... {}", self.at(v)));
                    }
                }
                k += 1;
            }
        }
        None
    }

    /// Whether the verb at `j` is told in the past: a past form, and for a form that is also
    /// the present ("put", "set") no habit adverb before it ("I always put") and a story that
    /// is not all in the present ("I set high standards and I hold people to them"). A present
    /// aside in the same sentence ("I set up a call, which I still run") leaves it past.
    fn told_past(&self, j: usize, story: &Story, habit: bool) -> bool {
        let verb = self.at(j);
        is_past(verb)
            && !(is_ambiguous_past(verb) && (habit || (!story.past && story.present_speaker)))
    }

    /// A step named as such: "what I did was phone", "my first move was to walk over", "the
    /// action I took was to cut", "the first thing I did was call".
    fn named_step(&self) -> Option<String> {
        let n = self.words.len();
        let verb_follows = |k: usize| {
            is_present_form(self.at(k)) || self.at(k).ends_with("ing") && self.at(k).len() > 4
        };
        for i in 0..n {
            if self.at(i) == "what"
                && matches!(self.at(i + 1), "i" | "we")
                && matches!(self.at(i + 2), "did" | "do")
                && self.at(i + 3) == "was"
                && !self.at(i + 4).is_empty()
            {
                return Some(format!("what I did was {}", self.at(i + 4)));
            }
            if !is_in(ACTION_NOUNS, self.at(i))
                || !(i.saturating_sub(3)..i).any(|k| matches!(self.at(k), "my" | "our" | "the"))
            {
                continue;
            }
            let mut k = i + 1;
            if matches!(self.at(k), "i" | "we") && matches!(self.at(k + 1), "took" | "did" | "made")
            {
                k += 2;
            }
            if self.at(i) == "thing" && k == i + 1 {
                continue;
            }
            // "was to meet", "was meeting"; a bare verb only after "I did" ("the first
            // thing I did was call"): "my approach was good" names no step.
            let gerund = |k: usize| self.at(k).ends_with("ing") && self.at(k).len() > 4;
            if self.at(k) == "was"
                && (self.at(k + 1) == "to" && verb_follows(k + 2)
                    || gerund(k + 1)
                    || (k > i + 1 && verb_follows(k + 1)))
            {
                return Some(self.words[i.saturating_sub(1)..=k + 1].join(" "));
            }
        }
        None
    }

    /// A passive with the speaker as agent: "the rota was drawn up by me".
    fn done_by_speaker(&self) -> Option<String> {
        (1..self.words.len()).find_map(|k| {
            if self.at(k) != "by" || !matches!(self.at(k + 1), "me" | "us" | "myself") {
                return None;
            }
            let mut p = k - 1;
            while p > 0 && is_in(PARTICLES, self.at(p)) {
                p -= 1;
            }
            let passive = (0..p).any(|q| matches!(self.at(q), "was" | "were" | "been"));
            (passive && is_participle(self.at(p)) && !is_in(NOT_ACTIONS, self.at(p)))
                .then(|| self.words[p..=k + 1].join(" "))
        })
    }

    /// "lots of", "many", "a few": the object of an experience claim, not of one action.
    fn quantified_object(&self, verb: usize) -> bool {
        let next = self.at(verb + 1);
        is_in(QUANTIFIERS, next)
            || (next == "a" && matches!(self.at(verb + 2), "few" | "lot" | "number" | "range"))
    }

    /// The head word of the object after the verb at `j`: particles, determiners and vague
    /// modifiers skipped ("brought in some new processes" → "processes").
    fn object_head(&self, j: usize) -> &str {
        let mut k = j + 1;
        while is_in(PARTICLES, self.at(k))
            || is_in(DETERMINERS, self.at(k))
            || is_in(OBJECT_PRONOUNS, self.at(k))
            || is_in(VAGUE_MODIFIERS, self.at(k))
        {
            k += 1;
        }
        self.at(k)
    }

    /// Whether the verb at `j` (a base form when `base`, in a story told in the present)
    /// tells a concrete action: not a state or a vague verb, nor a light verb without a
    /// concrete object ("I did my best", "we kept the client in the loop"), nor a generic
    /// object ("new processes", "the way we worked"), nor a goal ("I set myself the target"),
    /// nor a departure ("I left before").
    pub(super) fn concrete(&self, j: usize, base: bool) -> bool {
        let verb = self.at(j);
        let in_list = |list: &[&str]| {
            if base {
                base_in(list, verb)
            } else {
                is_in(list, verb)
            }
        };
        // A light verb's particle is part of it: "brought in better processes" is as vague as
        // "brought better processes".
        let next = match self.at(j + 1) {
            "in" | "up" | "out" | "down" | "over" | "back" | "off" | "forward"
                if !self.at(j + 2).is_empty() =>
            {
                self.at(j + 2)
            }
            n => n,
        };
        // "I took it upon myself to": a duty taken on, the task.
        if (j + 1..j + 4)
            .any(|k| matches!(self.at(k), "myself" | "ourselves") && self.at(k + 1) == "to")
        {
            return false;
        }
        let object = self.object_head(j);
        // "I set myself the goal of": a goal set is the task.
        if is_in(GENERIC_OBJECTS, object) || is_in(GOAL_NOUNS, object) {
            return false;
        }
        if in_list(&["kept"]) && (j + 1..j + 7).any(|k| is_in(KEPT_STATES, self.at(k))) {
            return false;
        }
        if in_list(DEPARTURES) && is_in(DEPARTURE_ENDS, next) {
            return false;
        }
        if in_list(NOT_ACTIONS) {
            in_list(LIGHT_ACTIONS)
                && !next.is_empty()
                && !is_in(VAGUE_OBJECTS, next)
                && !is_in(VAGUE_OBJECTS, object)
        } else {
            !(in_list(&["made"]) && matches!(next, "sure" | "certain"))
        }
    }
}
