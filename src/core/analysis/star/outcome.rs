//! The Result: how things turned out, with or without a figure; never a bare judgement ("it
//! was a success"), a plan ("it would cut costs") or the scene before anything was done.

use super::lexicon::*;
use super::sentence::{Sentence, Story, is_figure, is_in, is_past};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// An outcome: a verb that is one by itself ("it halved", "complaints stopped"), a verb of
    /// change with its figure ("satisfaction went from 60 to 85"), a figure with a word of
    /// change ("we shipped 30% faster"), an outcome announced ("as a result", "six months
    /// later"), or, after something was done (`done`), a sentence that tells what happened to
    /// others ("by March the backlog was 35 jobs", "after that she raised tickets herself").
    /// The scene (`scene`, before anything was done: "the budget was cut by a fifth") is an
    /// outcome only when announced as one.
    pub(super) fn result(&self, story: &Story, done: bool, scene: bool) -> Option<String> {
        if self.hypothetical() {
            return None;
        }
        let judgement = self.judgement();
        let marker = self.first_phrase(RESULT_MARKERS);
        let announced = marker.filter(|_| !judgement && self.finite_in(OUTCOME_VERBS).is_some());
        if scene && !done {
            return announced;
        }
        if let Some(v) = self.finite_in(STRONG_OUTCOMES) {
            return Some(v.to_string());
        }
        if self.has_figure() {
            if let Some(v) = self.figured_outcome() {
                return Some(v);
            }
            // The word of change goes with the figure ("30% faster", "up 22 per cent"), not
            // with a verb's particle ("split it between two so none could hold us up").
            let n = self.words.len();
            if let Some(c) = (0..n).find(|&i| {
                is_in(CHANGE_WORDS, self.at(i))
                    && (i.saturating_sub(3)..(i + 4).min(n)).any(|k| is_figure(self.at(k)))
            }) && self.words.iter().any(|w| is_past(w))
            {
                return Some(self.words[c].clone());
            }
        }
        if announced.is_some() {
            return announced;
        }
        if done && !judgement && !self.habitual() {
            return self.others_outcome(story);
        }
        None
    }

    /// Whether the sentence tells an outcome by its words alone (a verb that is one, a change
    /// with a figure, an announced outcome): such an opening is no scene.
    pub(super) fn outcome_told(&self) -> bool {
        self.finite_in(STRONG_OUTCOMES).is_some()
            || (self.has_figure() && self.figured_outcome().is_some())
            || (self.first_phrase(RESULT_MARKERS).is_some()
                && self.finite_in(OUTCOME_VERBS).is_some())
    }

    /// The first word of `list` told as a fact: not an infinitive or a possibility ("my goal
    /// was to cut costs").
    fn finite_in(&self, list: &[&str]) -> Option<&str> {
        (0..self.words.len())
            .find(|&i| is_in(list, self.at(i)) && !self.infinitive(i))
            .map(|i| self.at(i))
    }

    /// Whether the verb at `i` is no told outcome: an infinitive or a possibility, or a duty
    /// handed over ("it fell to me", "it landed on my desk").
    fn infinitive(&self, i: usize) -> bool {
        (i > 0 && is_in(NOT_FINITE, self.at(i - 1)))
            || (matches!(self.at(i + 1), "to" | "on" | "with")
                && matches!(self.at(i + 2), "me" | "us" | "my" | "our"))
    }

    /// A verb of change with a figure: one that tells a change by itself ("rose", "improved")
    /// anywhere in the sentence, one that needs its figure ("went", "came", "sat") with the
    /// figure close by ("went from 55 to 80", "80 per cent came in", not "went on leave for
    /// three months").
    fn figured_outcome(&self) -> Option<String> {
        let n = self.words.len();
        (0..n)
            .find(|&i| {
                is_in(OUTCOME_VERBS, self.at(i))
                    && !self.infinitive(i)
                    && (!is_in(WEAK_OUTCOMES, self.at(i))
                        || ((i.saturating_sub(3)..(i + 4).min(n))
                            .any(|k| k != i && is_figure(self.at(k)))
                            && !matches!(self.clause_subject(i), "i" | "we")))
            })
            .map(|i| self.words[i].clone())
    }

    /// What happened to others, told as a fact: the subject of the sentence's first verb is
    /// not the speaker ("I also asked finance" is another step), and the verb is past (or
    /// present, in a story told in the present; "the key is communication" is no outcome).
    /// A sentence that states a goal ("the aim was to") is no outcome.
    fn others_outcome(&self, story: &Story) -> Option<String> {
        if self.task().is_some() {
            return None;
        }
        for k in 0..self.words.len() {
            let w = self.at(k);
            if matches!(w, "i" | "we" | "you") {
                return None;
            }
            if k == 0 {
                continue;
            }
            let past = is_in(PAST_AUXILIARIES, w) || is_past(w);
            let present = is_in(PRESENT_AUXILIARIES, w)
                || (w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !is_in(STOP_WORDS, w)
                    && !is_in(STOP_WORDS, self.subject_of(k))
                    && !self.subject_of(k).is_empty());
            if past || (present && story.present) {
                return Some(format!("{} {w}", self.at(k - 1)));
            }
            if is_in(PRESENT_AUXILIARIES, w) {
                return None;
            }
        }
        None
    }
}
