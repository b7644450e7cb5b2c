//! Actions told in a form of their own: a step named as such ("what I did was phone"), a
//! passive with the speaker as agent ("drawn up by me"), a step the speaker had done by others
//! ("I had the landing zone built"), and a terse note with the speaker left out ("Rang the
//! supplier, froze all changes"). See [`super::action`].

use super::action::Act;
use super::lexicon::*;
use super::sentence::{
    CLAUSE_STARTS, Sentence, Story, is_adverb, is_in, is_participle, is_past, is_present_form,
    singular,
};

impl Sentence {
    /// A step the speaker had others do, at `had`: "had" with its object and a participle
    /// ("I had the landing zone built", "I had the codes restructured"); "I had a team of
    /// six" and "I had the chance to" are no step, nor is a group's "we had the old system
    /// installed in 2010", as often a state as a step.
    pub(super) fn causative(&self, had: usize, own: bool) -> Option<String> {
        if !own || self.at(had) != "had" || !is_in(DETERMINERS, self.at(had + 1)) {
            return None;
        }
        (had + 2..had + 6)
            // "I had a developer whose work kept bouncing back": a relative clause tells of
            // someone else.
            .take_while(|&k| {
                !self.boundary(k) && !is_in(CLAUSE_STARTS, self.at(k)) && self.at(k) != "whose"
            })
            // "I had a manager called Priya who..." names someone.
            .find(|&k| {
                is_participle(self.at(k))
                    && !matches!(self.at(k), "called" | "named" | "based" | "located")
                    && self.at(k + 1) != "who"
                    && self.concrete(k, false)
            })
            .map(|k| format!("I had ... {}", self.at(k)))
            .or_else(|| self.had_someone_do(had))
    }

    /// "I had the platform team build the landing zone", "I had their lead run the rollout":
    /// someone named by their team or post, then the verb they were made to do.
    fn had_someone_do(&self, had: usize) -> Option<String> {
        let names_doer =
            |w: &str| is_in(POST_HEADS, w) || is_in(PERSONS, w) || matches!(w, "team" | "deputy");
        let doer = (had + 2..had + 5)
            .take_while(|&k| !self.boundary(k) && !is_in(CLAUSE_STARTS, self.at(k)))
            .find(|&k| {
                names_doer(self.at(k)) || singular(self.at(k)).is_some_and(|w| names_doer(&w))
            })?;
        let verb = doer + 1;
        (!self.boundary(verb)
            && is_present_form(self.at(verb))
            // "a developer whose work", "the team's lead", "two engineers working on it".
            && !matches!(self.at(verb), "whose" | "who" | "which" | "s")
            && !self.at(verb).ends_with("ing")
            // Something done to the speaker or by the doer alone is no step of theirs: "I had
            // my manager ask me for a report", "I had a customer complain directly to the CEO".
            && !matches!(self.at(verb + 1), "me" | "us" | "")
            && !is_in(PREPOSITIONS, self.at(verb + 1))
            && !is_adverb(self.at(verb + 1))
            && !is_in(NOT_VERBS, self.at(verb))
            && self.concrete(verb, true))
        .then(|| format!("I had ... {}", self.at(verb)))
    }

    /// A step named as such: "what I did was phone", "my first move was to walk over", "the
    /// action I took was to cut", "the first thing I did was call".
    pub(super) fn named_step(&self) -> Option<Act> {
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
                let own = self.at(i + 1) == "i";
                let cue = format!(
                    "what {} did was {}",
                    if own { "I" } else { "we" },
                    self.at(i + 4)
                );
                return Some(Act {
                    cue,
                    own,
                    event: true,
                });
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
                // Whose step: "my first move", "the action I took"; "our fix", "the first
                // thing we did" are a group's.
                let own =
                    (i.saturating_sub(3)..i).any(|d| self.at(d) == "my") || self.at(i + 1) == "i";
                let cue = self.words[i.saturating_sub(1)..=k + 1].join(" ");
                return Some(Act {
                    cue,
                    own,
                    event: true,
                });
            }
        }
        None
    }

    /// A terse note with the speaker left out: a sentence that opens on a past verb with its
    /// object ("Rang the supplier, froze all changes", "Then audited every licence"). Not an
    /// adjective before a noun and its verb ("Unplanned changes caused most outages",
    /// "Shared drives were full"), a participle set off by a comma ("Frustrated, I rang"), a
    /// state or a vague verb ("Needed more staff", "Worked closely with them"), nor "turned
    /// out".
    pub(super) fn subjectless(&self, story: &Story) -> Option<Act> {
        let mut j = 0;
        while is_adverb(self.at(j)) || matches!(self.at(j), "so" | "and" | "then") {
            j += 1;
        }
        let verbish = |k: usize| {
            let w = self.at(k);
            is_past(w) || is_in(AUXILIARIES, w) || is_in(BE_FORMS, w)
        };
        let noun_then_verb = verbish(j + 1) || (!self.boundary(j + 2) && verbish(j + 2));
        let turned_out = self.at(j) == "turned" && self.at(j + 1) == "out";
        let object =
            !self.boundary(j + 1) && !self.at(j + 1).is_empty() && !self.at(j + 2).is_empty();
        (self.told_past(j, story, false)
            && object
            && !noun_then_verb
            && !turned_out
            && self.concrete(j, false))
        .then(|| Act {
            cue: self.at(j).to_string(),
            own: true,
            event: true,
        })
    }

    /// A passive with the speaker as agent: "the rota was drawn up by me" ("by us": a
    /// group's).
    pub(super) fn done_by_speaker(&self) -> Option<Act> {
        (1..self.words.len()).find_map(|k| {
            if self.at(k) != "by" || !matches!(self.at(k + 1), "me" | "us" | "myself") {
                return None;
            }
            let mut p = k - 1;
            while p > 0 && is_in(PARTICLES, self.at(p)) {
                p -= 1;
            }
            let passive = (0..p).any(|q| matches!(self.at(q), "was" | "were" | "been"));
            (passive && is_participle(self.at(p)) && !is_in(NOT_ACTIONS, self.at(p))).then(|| Act {
                cue: self.words[p..=k + 1].join(" "),
                own: self.at(k + 1) != "us",
                event: true,
            })
        })
    }
}
