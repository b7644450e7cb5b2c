//! Whether a step of the speaker's names something done: not a bare abstract noun ("I
//! provided training"), a bond ("built a strong partnership"), a trouble handled with no step
//! named ("I dealt with it"), experience claimed ("I have introduced...") or a light verb with
//! only people gathered ("I got the team together"). See [`super::action`].

use super::lexicon::*;
use super::sentence::{CLAUSE_STARTS, Sentence, is_adverb, is_figure, is_in};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// A verb whose object is a bare abstract noun and nothing particular after it: "I
    /// provided training", "I introduced problem management", "I talked about security a lot"
    /// (where "I ran two workshops for the drivers" or "I introduced a weekly problem review"
    /// name what was done).
    pub(super) fn bare_abstract(&self, j: usize) -> bool {
        let mut k = j + 1;
        if matches!(self.at(k), "about" | "on" | "in" | "up") {
            k += 1;
        }
        let first = self.at(k);
        if first.is_empty()
            || is_in(DETERMINERS, first)
            || is_in(OBJECT_PRONOUNS, first)
            || is_in(STOP_WORDS, first)
            || is_figure(first)
        {
            return false;
        }
        // The noun phrase: up to three words, to the end of the clause.
        let end = (k..k + 3)
            .find(|&m| {
                let w = self.at(m + 1);
                w.is_empty()
                    || self.boundary(m + 1)
                    || is_in(STOP_WORDS, w)
                    || matches!(w, "across" | "between" | "throughout" | "within" | "among")
            })
            .unwrap_or(k + 2);
        // Technical work built or switched on: "I added alerting", "I set up replication",
        // "I turned on encryption" ("I talked about encryption", "I suggested caching" and
        // "better monitoring" stay as vague as "better processes").
        let built = is_in(TECHNICAL_WORK, self.at(end))
            && is_in(BUILD_VERBS, self.at(j))
            && self.at(j + 1) != "about"
            && (j..end).all(|m| !is_in(VAGUE_MODIFIERS, self.at(m)));
        let abstract_noun = ["ing", "ment", "ity", "ance", "ence", "tion", "ness", "ship"]
            .iter()
            .any(|e| self.at(end).ends_with(e) && self.at(end).len() > 5)
            && !built;
        // The rest of the clause is read only for an abstract noun (it may run to the end).
        if !abstract_noun {
            return false;
        }
        // Nothing particular follows in the clause: no figure, no determiner, no name.
        let rest = (end + 1..self.words.len())
            .take_while(|&m| !self.boundary(m) && !matches!(self.at(m), "and" | "but" | "so"));
        // "Across the board", "at all levels": everywhere, nothing particular.
        let everywhere = |m: usize| {
            (self.at(m) == "the" && self.at(m - 1) == "across" && self.at(m + 1) == "board")
                || (self.at(m) == "all" && self.at(m - 1) == "at" && self.at(m + 1) == "levels")
        };
        let particular = rest
            .clone()
            .any(|m| is_figure(self.at(m)) || (is_in(DETERMINERS, self.at(m)) && !everywhere(m)));
        !particular
    }

    /// "lots of", "many", "a few": the object of an experience claim, not of one action.
    /// "Quite a few" and "so many" too.
    pub(super) fn quantified_object(&self, verb: usize) -> bool {
        let mut o = verb + 1;
        // "I've dealt with a few incidents", "worked on lots of projects" ("I meet with all
        // my leads" names them).
        if matches!(self.at(verb), "dealt" | "worked" | "coped")
            && matches!(self.at(o), "with" | "on")
            && !matches!(self.at(o + 1), "all" | "every" | "each")
        {
            o += 1;
        }
        while matches!(self.at(o), "quite" | "so" | "very" | "really" | "such") {
            o += 1;
        }
        let next = self.at(o);
        is_in(QUANTIFIERS, next)
            || (next == "a" && matches!(self.at(o + 1), "few" | "lot" | "number" | "range"))
    }

    /// Whether the clause of the participle at `k` ends on "before": "I have introduced
    /// role-based access before" claims experience, it tells no step.
    fn done_before(&self, k: usize) -> bool {
        (k + 1..self.words.len())
            .take_while(|&m| !self.boundary(m) && !is_in(CLAUSE_STARTS, self.at(m)))
            .any(|m| {
                self.at(m) == "before"
                    && (self.at(m + 1).is_empty()
                        || self.boundary(m + 1)
                        || matches!(self.at(m + 1), "and" | "but" | "so")
                        || is_in(CLAUSE_STARTS, self.at(m + 1)))
            })
    }

    /// Whether the verb at `j` (a base form when `base`, in a story told in the present)
    /// tells a concrete action: not a state or a vague verb, nor a light verb without a
    /// concrete object ("I did my best", "we kept the client in the loop"), nor a generic
    /// object ("new processes", "the way we worked"), nor a goal ("I set myself the target"),
    /// nor a departure ("I left before").
    pub(super) fn concrete(&self, j: usize, base: bool) -> bool {
        let in_list = |list: &[&str]| self.verb_in(j, base, list);
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
        // "I dealt with it", "I sorted it out", "I got to the bottom of it": the trouble
        // handled, with no step named.
        let handled = in_list(&["dealt", "handled", "sorted", "tackled", "addressed"])
            && (j + 1..j + 3).any(|k| {
                matches!(
                    self.at(k),
                    "it" | "this" | "that" | "them" | "things" | "everything"
                )
            })
            && !(j + 1..j + 5).any(|k| self.at(k) == "by");
        // "I have (also) introduced role-based access before": experience claimed.
        let perfect = (0..j)
            .rev()
            .find(|&k| !is_adverb(self.at(k)))
            .is_some_and(|k| matches!(self.at(k), "have" | "ve"));
        let claimed = perfect && self.done_before(j);
        let bottom = in_list(&["got"]) && self.at(j + 1) == "to" && self.at(j + 3) == "bottom";
        // "I built a strong partnership with their managers", "we fostered trust": a bond
        // built names no step.
        // "I built a strong partnership with their managers", "we fostered trust": a bond
        // built, told by how good it was, names no step ("I established a partnership with
        // a local university" names one).
        let head = self.phrase_head_at(j);
        let bond = in_list(&[
            "built",
            "developed",
            "fostered",
            "established",
            "created",
            "forged",
            "nurtured",
        ]) && (matches!(self.at(head), "trust" | "rapport")
            || (matches!(
                self.at(head),
                "relationship" | "relationships" | "partnership" | "partnerships"
            ) && matches!(
                self.at(head.saturating_sub(1)),
                "strong"
                    | "good"
                    | "great"
                    | "close"
                    | "solid"
                    | "positive"
                    | "healthy"
                    | "better"
                    | "real"
                    | "genuine"
                    | "productive"
                    | "effective"
                    | "excellent"
                    | "working"
            )));
        if handled || bottom || claimed || bond {
            return false;
        }
        if self.only_manner(j, base) {
            return false;
        }
        // "I introduced ITIL best practice": the idiom, brought in, names no step ("I rolled
        // out the best practice guide", "I documented best practice for builds" do).
        let best_practice = in_list(&["introduced", "brought", "applied", "adopted", "embedded"])
            && (j + 1..j + 5).take_while(|&k| !self.boundary(k)).any(|k| {
                self.at(k) == "best"
                    && matches!(self.at(k + 1), "practice" | "practices")
                    && matches!(self.at(k + 2), "" | "and" | "across" | "to" | "in" | "into")
            });
        // "I set myself the goal of": a goal set is the task ("Goal I set myself: ...").
        if is_in(GENERIC_OBJECTS, object)
            || best_practice
            // The goal noun heads its phrase ("I rebuilt the job scheduler" names a step).
            || (is_in(GOAL_NOUNS, object) && self.phrase_head(j) == object)
            || (in_list(&["set"])
                && matches!(self.at(j + 1), "myself" | "ourselves")
                && self.at(j + 2) != "up")
        {
            return false;
        }
        if in_list(&["kept"]) && (j + 1..j + 7).any(|k| is_in(KEPT_STATES, self.at(k))) {
            return false;
        }
        // "I stayed positive", "I kept it simple", "I encouraged them to be proactive".
        if self.manner_kept(j, base) {
            return false;
        }
        if in_list(DEPARTURES) && is_in(DEPARTURE_ENDS, next) {
            return false;
        }
        // "I'd just started at a bakery chain", "I started as its IT lead": a post taken up.
        if in_list(&["started"]) && matches!(next, "at" | "as" | "in" | "there") {
            return false;
        }
        // "I found that half the laptops...": a discovery, the scene ("I found the fault" is
        // a step).
        if in_list(&["found"]) && matches!(next, "that" | "out") {
            return false;
        }
        // "When I took over the desk", "when I took the team on": a post taken up, like
        // "joined" or "started" ("I took on two contractors" is a step).
        if in_list(&["took"])
            && (self.at(j + 1) == "over"
                || (is_in(POSTS, object) && (j + 2..j + 6).any(|k| self.at(k) == "on")))
        {
            return false;
        }
        // "I did a virtualisation project": a project claimed, not a step told (the head of
        // the noun phrase, not its first word; "I did the testing" is a step).
        if in_list(&["did"]) && {
            let head = self.phrase_head(j);
            is_in(DECISION_NOUNS, head) || is_in(GOAL_NOUNS, head)
        } {
            return false;
        }
        // "I led the replacement of our servers": the speaker's role, the task ("I led a
        // workshop" is a step).
        // "I led a big virtualisation project": the head of the phrase, past its modifiers.
        if (in_list(&["led"]) && (self.led_work(j) || is_in(UNDERTAKINGS, self.phrase_head(j))))
            || (in_list(&["ran", "oversaw", "headed"]) && self.led_work(j))
        {
            return false;
        }
        // "I managed to get it approved" is an action; "I managed seven people" a role.
        if in_list(&["managed"]) && next != "to" {
            return false;
        }
        // "I put a lot of energy into it": effort spent, no step named.
        if in_list(&["put", "poured", "invested", "threw"]) && self.effort_into(j) {
            return false;
        }
        if in_list(NOT_ACTIONS) {
            // "I got the team together", "I brought everyone on board": a light verb whose
            // object is only gathered or involved names no step.
            let gathered = (j + 1..j + 5).any(|k| {
                matches!(self.at(k), "together" | "involved" | "aligned" | "engaged")
                    || (self.at(k) == "on" && self.at(k + 1) == "board")
            });
            in_list(LIGHT_ACTIONS)
                && !gathered
                && !next.is_empty()
                && !is_in(VAGUE_OBJECTS, next)
                && !is_in(VAGUE_OBJECTS, object)
                && !self.effort_noun(j, base)
        } else {
            !(in_list(&["made"]) && matches!(next, "sure" | "certain"))
        }
    }
}
