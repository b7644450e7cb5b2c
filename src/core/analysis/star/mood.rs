//! What a sentence does besides telling an event: it imagines ("would", "could"), tells a
//! habit ("every Monday the printers would drop off", "I always"), or judges ("a real
//! success", a lesson drawn).

use super::lexicon::*;
use super::sentence::{Sentence, is_ambiguous_past, is_figure, is_in, is_participle, is_past};
use crate::core::matcher::STOP_WORDS;

/// Words that open a question told within a sentence: "how it would behave".
const QUESTION_WORDS: &[&str] = &["how", "what", "if", "which", "who", "when", "where", "why"];

/// Words of not knowing or asking that such a question follows: "unsure whether", "no one
/// wondered why".
const UNKNOWING: &[&str] = &[
    "unsure",
    "uncertain",
    "unclear",
    "wondered",
    "wondering",
    "asked",
];

/// Words of knowing, which ask only when denied: "we didn't know how", "nobody could tell
/// what", "not sure if", "no idea when" ("so they knew which lines would be affected" tells).
const KNOWING: &[&str] = &[
    "know", "knew", "tell", "sure", "certain", "idea", "predict", "say",
];

/// Words that deny what follows them.
const DENIALS: &[&str] = &["not", "t", "no", "nobody", "never", "none", "noone"];

impl Sentence {
    /// Would, will, 'd, 'll, could: the sentence imagines rather than tells ("could" is as
    /// often a purpose, "so we could pay", as a past ability).
    pub fn hypothetical(&self) -> bool {
        // "whether the office could run from the other site" asks; it does not suppose.
        // Nor does a question the scene could not answer: "we didn't know how it would
        // behave", "nobody could tell us what it would cost", "I wasn't sure if it would hold".
        let asked = |k: usize| {
            (0..k)
                .rev()
                .take_while(|&m| !self.boundary(m + 1))
                .any(|m| {
                    self.at(m) == "whether"
                        || (is_in(QUESTION_WORDS, self.at(m))
                            && (m.saturating_sub(3)..m).any(|q| {
                                is_in(UNKNOWING, self.at(q))
                                    || (is_in(KNOWING, self.at(q))
                                        && (q.saturating_sub(3)..q)
                                            .any(|r| is_in(DENIALS, self.at(r))))
                            }))
                })
        };
        (0..self.words.len()).any(|k| match self.at(k) {
            // "Customers could not pay", "nobody could log in": a past inability, like
            // "couldn't".
            "could"
                if self.at(k + 1) == "not" || matches!(self.subject_of(k), "nobody" | "none") =>
            {
                false
            }
            // "I could answer them on the spot, and they agreed to a pilot": an ability used,
            // with what came of it told in the past after it ("could have" supposes).
            "could"
                if self.at(k + 1) != "have"
                    && !(0..k).any(|m| matches!(self.at(m), "if" | "unless"))
                    && self.told_after(k) =>
            {
                false
            }
            // "we caught two mistakes that would have gone out of the door": what a told
            // outcome spared, in a relative clause of a noun, supposes nothing of the story.
            "would" | "could"
                if k >= 2
                    && matches!(self.at(k - 1), "that" | "which")
                    && !self.boundary(k - 1)
                    && !is_in(STOP_WORDS, self.at(k - 2))
                    && !is_past(self.at(k - 2))
                    && (0..k - 1).any(|m| is_past(self.at(m)) && !is_in(MODALS, self.at(m)))
                    // The main clause tells an outcome of its own (a figure, a verb of
                    // outcome, a marker): "I pitched an upgrade that would have prevented the
                    // outage" supposes.
                    && ((0..k - 1).any(|m| {
                        is_figure(self.at(m))
                            || is_in(STRONG_OUTCOMES, self.at(m))
                            || is_in(OUTCOME_VERBS, self.at(m))
                    }) || self
                        .first_phrase(RESULT_MARKERS)
                        .and_then(|p| self.phrase_at(&p))
                        .is_some_and(|a| a < k)) =>
            {
                false
            }
            "would" | "will" | "ll" | "should" | "could" => !asked(k),
            // "we'd budgeted" is "we had": a participle follows.
            "d" => !is_participle(self.at(self.verb_after(k))),
            _ => false,
        })
    }

    /// A clause after the word at `k` (past a comma or "and") whose subject's verb is an
    /// unmistakable past: "..., and they agreed to a limited start".
    fn told_after(&self, k: usize) -> bool {
        (k + 2..self.words.len()).any(|m| {
            (self.boundary(m) || self.at(m - 1) == "and")
                && matches!(self.at(m), "they" | "he" | "she" | "it" | "we" | "the")
                && (m + 1..(m + 4).min(self.words.len()))
                    .take_while(|&v| !self.boundary(v))
                    .any(|v| is_past(self.at(v)) && !is_ambiguous_past(self.at(v)))
        })
    }

    /// Whether the word at `i` follows what a plan or a target was: "and the plan was sixty
    /// sites within two years" plans, nothing changed.
    pub(super) fn in_plan(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|m| {
            is_in(BE_FORMS, self.at(m))
                && matches!(
                    self.subject_of(m),
                    "plan" | "target" | "aim" | "goal" | "forecast" | "ambition"
                )
        })
    }

    /// Whether the sentence opens on what is meant to happen: its first verb a "be" after a
    /// plan's noun, with "to" and a verb ("The plan is to check the figures again after quarter-end and, if
    /// two offices are still behind, to ask their directors"), so nothing in it has happened.
    pub fn planned(&self) -> bool {
        (0..self.words.len())
            .find(|&k| is_in(BE_FORMS, self.at(k)) || is_past(self.at(k)))
            .is_some_and(|k| {
                is_in(BE_FORMS, self.at(k))
                    && matches!(
                        self.subject_of(k),
                        "plan" | "idea" | "intention" | "step" | "steps" | "hope" | "thinking"
                    )
                    && self.at(k + 1) == "to"
                    && !is_figure(self.at(k + 2))
                    && !self.at(k + 2).is_empty()
                    // "The plan was to finish by May, but we finished two weeks early".
                    && !(k + 3..self.words.len()).any(|m| {
                        is_past(self.at(m))
                            && matches!(self.subject_of(m), "i" | "we" | "it" | "they" | "he" | "she")
                    })
            })
    }

    /// [`Sentence::hypothetical`], except for a modal in a purpose clause after a told event
    /// ([`Sentence::purpose`]): that sentence still tells what happened, so it may set the
    /// scene (the purpose itself is no outcome).
    pub fn supposed(&self) -> bool {
        self.hypothetical()
            && (0..self.words.len()).any(|k| {
                matches!(
                    self.at(k),
                    "would" | "will" | "ll" | "should" | "could" | "d"
                ) && !self.purpose(k)
            })
    }

    /// Whether the modal at `k` is in a purpose clause after a told event: "a supplier
    /// offered us a pilot, so a senior engineer could see what the field engineer sees".
    fn purpose(&self, k: usize) -> bool {
        let Some(so) = (1..k).rev().find(|&m| self.at(m) == "so") else {
            return false;
        };
        k - so <= 8
            && (0..so).any(|m| {
                is_past(self.at(m))
                    && !matches!(self.at(m), "would" | "could" | "should" | "d" | "might")
            })
            && !(0..so).any(|m| matches!(self.at(m), "would" | "will" | "ll" | "should" | "could"))
    }

    /// A trouble that kept happening, told of others: "every Monday the printers would drop
    /// off", "the night shift would always ring me" (a past habit with "would", not a
    /// supposition).
    pub fn past_habit(&self) -> bool {
        let n = self.words.len();
        // "Whenever", "every time", or "when" with a past event: "everyone would come to me
        // when the kiosks froze".
        let recurring = self.habitual()
            || (0..n).any(|k| {
                (matches!(self.at(k), "every" | "each")
                    && (is_in(PERIODS, self.at(k + 1)) || self.at(k + 1) == "time"))
                    || self.at(k) == "whenever"
                    || (self.at(k) == "when"
                        && (k + 1..n)
                            .take_while(|&m| !self.boundary(m))
                            .any(|m| is_past(self.at(m))))
            });
        recurring
            && (1..n).any(|k| {
                self.at(k) == "would" && !matches!(self.subject_of(k), "i" | "we" | "you" | "")
            })
    }

    /// A habit or a general truth ("I always", "as there usually is"), not a told event.
    pub fn habitual(&self) -> bool {
        self.any(HABITUAL).is_some()
    }

    /// A bare judgement ("a real success", "it worked out fine") or a lesson.
    pub fn judgement(&self) -> bool {
        self.any(JUDGEMENTS).is_some() || self.lesson()
    }

    /// Whether a judgement opens the story as how things looked before the trouble: how a
    /// thing looked, with its figure ("The score looked healthy, around 88% happy"), or a past
    /// state with a "but" after it ("The score was OK, but the comments were angry"). "It was a success"
    /// and a lesson stay judgements.
    pub fn judged_before_trouble(&self) -> bool {
        let first = (0..self.words.len())
            .find(|&k| matches!(self.at(k), "was" | "were" | "looked" | "seemed"));
        first.is_some_and(|k| {
            let subject = self.subject_of(k);
            k > 0
                && !is_in(SUBJECT_PRONOUNS, subject)
                && !is_in(DETERMINERS, subject)
                && !self.lesson()
                && self.any(&["success", "successful", "experience"]).is_none()
                && ((self.has_figure() && matches!(self.at(k), "looked" | "seemed"))
                    || (k + 1..self.words.len()).any(|m| self.at(m) == "but"))
        })
    }

    /// A lesson drawn ("the main lesson was", "lessons learned", "a real learning
    /// experience"), not lessons taught ("every pupil could join online lessons").
    fn lesson(&self) -> bool {
        self.lesson_in(0, self.words.len())
    }

    /// A lesson drawn between `from` and `to` (see [`Sentence::judgement`]).
    pub fn lesson_in(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| match self.at(i) {
            "lesson" | "lessons" => {
                is_in(LESSON_BEFORE, if i > 0 { self.at(i - 1) } else { "" })
                    || is_in(LESSON_AFTER, self.at(i + 1))
            }
            "learning" => is_in(LEARNING_AFTER, self.at(i + 1)),
            _ => false,
        })
    }
}
