//! An achievement of the speaker or their group as the Result: a deadline hit, an audit
//! passed, a step told against its plan ("we finished a week early", "I closed the old site
//! under budget"), going live. See [`super::outcome`].

use super::lexicon::*;
use super::sentence::{
    Sentence, Story, base_in, is_adverb, is_ambiguous_past, is_in, is_past, is_present_form,
};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// An achievement of the speaker or their group, told after what they did: "we hit the
    /// deadline", "I passed the audit with no findings", "we finished a week early"; "we met
    /// with the vendor" or "I passed it to finance" is another step.
    /// Also a step told against its plan ("we submitted the reports two days before the
    /// deadline", "I closed the old site under budget"), and going live.
    /// A step told against its plan needs nothing done before it.
    pub(super) fn achieved(&self, story: &Story, done: bool) -> Option<String> {
        // "a week early", not "early on".
        let early = (1..self.words.len())
            .any(|k| self.at(k) == "early" && is_in(TIME_UNITS, self.at(k - 1)));
        let on_plan = self.first_phrase(AGAINST_PLAN).is_some() || early || self.ahead_of_plan();
        // A step told against its plan is no duty ("we had to deliver on time"): read once,
        // and only where it is needed (the sentence's task does not change with the word).
        let untasked = on_plan && self.task().is_none();
        // A terse note of the end, after the actions: "Finished a week early", "Done in
        // five months".
        if done
            && (is_in(ACHIEVEMENTS, self.at(0)) || self.at(0) == "done")
            && !self
                .words
                .iter()
                .any(|w| matches!(w.as_str(), "i" | "we" | "you"))
            && !self.at(1).is_empty()
        {
            return Some(self.at(0).to_string());
        }
        (1..self.words.len()).find_map(|k| {
            let subject = self.subject_of(k);
            let w = self.at(k);
            // "We'd just finished a big migration": done before the story, its backstory.
            let before =
                k >= 2 && self.at(k - 1) == "just" && matches!(self.at(k - 2), "d" | "had");
            let verb =
                !before && (is_in(ACHIEVEMENTS, w) || (story.present && base_in(ACHIEVEMENTS, w)));
            let live = matches!(w, "went" | "go" | "goes") && self.at(k + 1) == "live";
            // "We haven't had a single missed escalation since".
            let since = self.at(self.words.len() - 1) == "since"
                && matches!(w, "have" | "haven" | "has" | "hasn" | "ve");
            // "We kept all three clients"; "we kept them in the loop" is a state kept up.
            // "I kept checking his tickets" goes on doing a step.
            let kept = matches!(w, "kept" | "retained")
                && !(self.at(k + 1).len() > 4 && self.at(k + 1).ends_with("ing"))
                && !(k + 1..k + 7).any(|m| is_in(KEPT_STATES, self.at(m)));
            // A step of the speaker's, not a duty ("we had to deliver on time") or a state.
            // "We were out with three weeks to spare": a state against the plan too, unless
            // negated ("we were never on time").
            let be = is_in(BE_FORMS, w) && !self.negated(k - 1);
            let told = (is_past(w) || story.present || be)
                && (!is_in(NOT_ACTIONS, w) || be)
                && !is_in(AUXILIARIES, w)
                && untasked;
            // "We came in under budget", "it came in eight thousand under".
            let came_in = matches!(w, "came" | "come" | "comes")
                && self.at(k + 1) == "in"
                && (k + 2..k + 6).any(|m| matches!(self.at(m), "under" | "below" | "within"));
            (matches!(subject, "i" | "we")
                && ((done
                    && ((verb
                        && (!is_in(STEP_ENDS, self.at(k + 1)) || on_plan)
                        && !self.meeting(k)
                        && !self.at(k + 1).is_empty())
                        || live
                        || since
                        || kept
                        || came_in))
                    || (told && on_plan))
                // Last, as it reads the whole clause: "we delivered, which was a success".
                && !self.judged_clause(k))
            .then(|| format!("{subject} {w}"))
        })
    }

    /// After the steps, a verb of others told against its plan: "payroll ran on time",
    /// "we went live ahead of schedule", "month-end goes through without a hitch" (not "we
    /// had to deliver on time", nor "it never ran on time").
    pub(super) fn kept_to_plan(&self, story: &Story) -> Option<String> {
        let phrase = self.first_phrase(AGAINST_PLAN)?;
        let at = self.phrase_at(&phrase)?;
        let verb = (0..at)
            .rev()
            .take_while(|&k| !self.boundary(k + 1))
            .find(|&k| {
                let w = self.at(k);
                ((is_past(w) && (story.past || !is_ambiguous_past(w)))
                    || (story.present && is_present_form(w)))
                    && !is_in(MODALS, w)
                    && !self.infinitive(k)
            })?;
        // The clause it is told in: no denial ("it never ran on time"), no want ("I wanted
        // the rota delivered on time"), no background in the past perfect ("the last two
        // upgrades had gone through without a hitch").
        let from = (0..verb)
            .rev()
            .find(|&k| self.boundary(k + 1))
            .map_or(0, |k| k + 1);
        let clause_ok = (from..at).all(|k| {
            !matches!(
                self.at(k),
                "not" | "never" | "t" | "rarely" | "hardly" | "nobody" | "nothing" | "had" | "d"
            ) && !is_in(DUTY_VERBS, self.at(k))
                && !matches!(self.at(k), "want" | "need" | "wants" | "needs")
        }) && (verb + 1..at).all(|k| self.at(k) != "to");
        // The speaker's own step kept to its plan is read by [`Sentence::achieved`].
        let others = !matches!(self.subject_of(verb), "i" | "we");
        (clause_ok && others).then_some(phrase)
    }

    /// A test passed, after the steps (`done`, or a step of the speaker's earlier in the
    /// sentence): "he passed it", "both passed the exam", "we passed the audit with two minor
    /// findings", "she passed probation early" ("I passed it to the vendor" hands something
    /// on).
    pub(super) fn test_passed(&self, done: bool) -> Option<String> {
        const TESTS: &[&str] = &[
            "exam",
            "exams",
            "audit",
            "course",
            "inspection",
            "probation",
            "test",
            "assessment",
            "certification",
            "review",
            "pentest",
        ];
        (1..self.words.len()).find_map(|k| {
            let w = self.at(k);
            let object = self.at(k + 1);
            let passed = w == "passed"
                && !matches!(self.at(k - 1), "had" | "d" | "to")
                && ((object == "it" && (k + 2 == self.words.len() || self.boundary(k + 2)))
                    || (k + 1..k + 4).any(|m| {
                        // The test heads its phrase: "passed the test environment to QA"
                        // hands an environment on.
                        is_in(TESTS, self.at(m))
                            && (m == k + 1 || is_in(DETERMINERS, object))
                            && (self.at(m + 1).is_empty()
                                || self.boundary(m + 1)
                                || is_in(STOP_WORDS, self.at(m + 1))
                                || is_adverb(self.at(m + 1)))
                    }));
            // Read only for a test passed: it looks back over the sentence.
            let after_step = || {
                done || (0..k).any(|m| self.at(m) == "i" && is_past(self.at(self.verb_after(m))))
            };
            (passed && after_step()).then(|| self.words[k - 1..=k].join(" "))
        })
    }

    /// The speaker recognised, told in the passive: "two years later I was appointed head of
    /// IT", "in the end I got promoted" (with a marker of what followed, after the steps, an
    /// outcome; "eventually I was appointed interim head and had to sort out the mess" is a
    /// duty).
    pub(super) fn recognised(&self) -> bool {
        (0..self.words.len()).any(|k| {
            matches!(self.at(k), "i" | "we")
                && matches!(self.at(k + 1), "was" | "were" | "got")
                && matches!(
                    self.at(k + 2),
                    "promoted" | "appointed" | "shortlisted" | "awarded"
                )
        }) && !(0..self.words.len()).any(|k| self.at(k) == "to" && self.to_verb(k))
    }

    /// A comparison with the plan: "ahead of the deadline", "inside our estimate", "under
    /// the target".
    fn ahead_of_plan(&self) -> bool {
        (0..self.words.len()).any(|k| {
            let start = match self.at(k) {
                "ahead" if self.at(k + 1) == "of" => k + 2,
                "before" | "inside" | "within" | "under" => k + 1,
                _ => return false,
            };
            (start..start + 2).any(|m| {
                matches!(
                    self.at(m),
                    "deadline" | "schedule" | "plan" | "target" | "budget" | "estimate"
                )
            })
        })
    }

    /// Whether the clause (between "and", "but", "so" or a boundary) around the word at `k`
    /// holds a judgement.
    fn judged_clause(&self, k: usize) -> bool {
        let joins =
            |m: usize| self.boundary(m) || is_in(&["and", "but", "so", "whereas"], self.at(m));
        let from = (1..=k).rev().find(|&m| joins(m)).unwrap_or(0);
        let to = (k + 1..self.words.len())
            .find(|&m| joins(m))
            .unwrap_or(self.words.len());
        (from..to).any(|m| is_in(JUDGEMENTS, self.at(m))) || self.lesson_in(from, to)
    }
}
