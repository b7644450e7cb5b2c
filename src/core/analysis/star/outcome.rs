//! The Result: how things turned out, with or without a figure; never a bare judgement ("it
//! was a success"), a plan ("it would cut costs") or the scene before anything was done.

use super::lexicon::*;
use super::sentence::{
    Sentence, Story, base_in, is_ambiguous_past, is_figure, is_gerund, is_in, is_past,
    is_present_form,
};

/// An outcome a sentence tells, and whether it is only what others said after the actions
/// ("one colleague wrote in the chat that it was unfair"): that is the outcome only if the
/// speaker does nothing more ("finance told us it was the first budget they had not queried");
/// followed by more of their own steps, it was a reaction they answered, not the end.
pub(super) struct Outcome {
    pub cue: String,
    pub tentative: bool,
    /// Told only as what happened to others after the steps ([`Sentence::others_outcome`]),
    /// the weakest sign of an outcome.
    pub others: bool,
}

/// Whether an outcome's cue tells what something meant ("meant", "which meant"): after the
/// speaker's steps a consequence, before them part of the scene.
fn meaning(cue: &str) -> bool {
    cue.ends_with("meant")
}

impl Sentence {
    /// An outcome: a verb that is one by itself ("it halved", "complaints stopped"), a verb of
    /// change with its figure ("satisfaction went from 60 to 85"), a figure with a word of
    /// change ("we shipped 30% faster"), an outcome announced ("as a result", "six months
    /// later"), or, after something was done (`done`), a sentence that tells what happened to
    /// others ("by March the backlog was 35 jobs", "after that she raised tickets herself").
    /// The scene (`scene`, before anything was done: "the budget was cut by a fifth") is an
    /// outcome only when announced as one.
    pub(super) fn result(&self, story: &Story, done: bool, scene: bool) -> Option<Outcome> {
        let mut others = None;
        if let Some(cue) = self.result_cue(story, done, scene, &mut others) {
            // "I cut the deck down to six slides. I laid out three options": the speaker's
            // own verb of change, followed by more of their steps, was one of the steps.
            // "I cut costs by 30%" measures its end, wherever it stands ("I cut it from 14
            // pages to three" tells how far a step went).
            let measured = self.has_percent()
                || (0..self.words.len()).any(|k| {
                    (self.at(k) == "by" && is_figure(self.at(k + 1)))
                        || matches!(self.at(k), "percent" | "cent")
                });
            let own = !measured
                && (0..self.words.len()).any(|k| {
                    self.at(k) == cue && is_in(STRONG_OUTCOMES, &cue) && self.subject_of(k) == "i"
                });
            return Some(Outcome {
                cue,
                tentative: own,
                others: false,
            });
        }
        // What others said is their reaction: with nothing counted, it is the outcome only
        // if the speaker does nothing more.
        others.map(|cue: String| Outcome {
            tentative: !self.has_figure()
                && cue
                    .rsplit(' ')
                    .next()
                    .is_some_and(|v| is_in(SPEECH_VERBS, v) || is_in(SAID_VERBS, v)),
            cue,
            others: true,
        })
    }

    /// [`Sentence::result`]'s cue told by any other way than what happened to others; that
    /// one, where the sentence reaches it, goes to `others` (the weakest sign: any other
    /// outcome of the sentence comes first).
    fn result_cue(
        &self,
        story: &Story,
        done: bool,
        scene: bool,
        others: &mut Option<String>,
    ) -> Option<String> {
        // "By Wednesday every pupil could join": an ability that followed, at its moment, is
        // an outcome; "could" elsewhere is as often a purpose ("so we could pay").
        let ability = done
            && self.words.iter().any(|w| w == "could")
            && !self
                .words
                .iter()
                .any(|w| matches!(w.as_str(), "would" | "will" | "ll" | "d" | "should"))
            && (self.at(0) == "by" || self.first_phrase(RESULT_MARKERS).is_some());
        if (self.hypothetical() || self.planned()) && !ability {
            return None;
        }
        // "We got there in the end", "it was resolved eventually", "that was still in
        // progress when I left", "it was the right decision", "and then it was sort of...":
        // an end told with nothing in it ("it was resolved in 40 minutes" measures it).
        // An end still open ([`OPEN_ENDS`]) stays open also when its only figure is a time:
        // "still in progress when I left, about six months in".
        if !self.has_figure() && (self.first_phrase(VAGUE_ENDS).is_some() || self.trails_off()) {
            return None;
        }
        if !self.measures_something() && self.first_phrase(OPEN_ENDS).is_some() {
            return None;
        }
        // "In the end everything was delivered": all of it, nothing named or measured, is a
        // judgement ("once everything was migrated, complaints stopped" tells an outcome).
        let everything = (0..self.words.len()).any(|k| {
            self.at(k) == "everything"
                && (is_in(BE_FORMS, self.at(k + 1)) || is_past(self.at(k + 1)))
                && (0..k).all(|m| is_in(OPENING_MARKERS, self.at(m)))
        });
        if everything && !self.has_figure() {
            return None;
        }
        let judgement = self.judgement();
        // "I ended up rewriting the guide myself" is a step.
        // "...which meant presenting it to the heads himself" tells what a step involved.
        let marker = self
            .first_phrase(RESULT_MARKERS)
            .filter(|m| {
                !((m == "ended up" || m.ends_with(" meant")) && self.after_phrase_gerund(m))
                    && !self.phrase_at(m).is_some_and(|a| self.in_plan(a))
                    // "I went ahead and booked a contractor" is a step ("the project went
                    // ahead in May" an outcome).
                    && !(m == "went ahead"
                        && self.phrase_at(m).is_some_and(|a| {
                            matches!(self.subject_of(a), "i" | "we")
                                && matches!(self.at(a + 2), "and" | "with")
                        }))
            })
            .or_else(|| self.time_passed());
        // "Now" tells how things stand; after the actions, with a state measured, that is
        // the outcome ("Now we are at 40 tickets a week"), not before them ("Right now the
        // team is down to 6 people") nor with a verb of change alone.
        let marker = marker.filter(|m| m != "now" || (done && self.measured_state()));
        // After "in the end", in a past story told by a learner in present forms: "In the end
        // the failed releases go down a lot".
        let marked_end = marker
            .as_deref()
            .is_some_and(|m| matches!(m, "in the end" | "eventually" | "finally") && story.past);
        // "Every client site went live by someone FTPing files up": before anything was
        // done, what each one did, told by the way it was done and with nothing counted, is
        // how things went then ("every branch went live without a lost day" is a result).
        if !done
            && (0..self.words.len())
                .any(|k| self.at(k) == "by" && (k + 1..k + 3).any(|m| is_gerund(self.at(m))))
            && let Some(m) = marker.as_deref().and_then(|m| self.phrase_at(m))
            && let Some(e) =
                (m.saturating_sub(4)..m).find(|&k| matches!(self.at(k), "every" | "each"))
            && !(e..self.words.len()).any(|k| is_figure(self.at(k)))
        {
            return None;
        }
        // "Finance wanted the server left unpatched for ten days, which meant known holes
        // every month": before anything was done, what a state meant is the scene.
        // "Six months later we were releasing weekly and a release took twenty minutes": a
        // span counted from the story, then what was counted at its end.
        // ("Two weeks later I was on 3 calls a day" counts the speaker's effort.)
        let counted_later = self.span_later().is_some_and(|e| {
            self.at(e) != "i" && (e..self.words.len()).any(|k| is_figure(self.at(k)))
        });
        let announced = marker.filter(|m| {
            !judgement
                && (self.finite_in(OUTCOME_VERBS).is_some()
                    || self.measured_state()
                    || counted_later
                    || (done && self.recognised()))
                && (done || !meaning(m))
        });
        if scene && !done {
            return announced;
        }
        // "It really reduced the pressure": an outcome told with emphasis and nothing
        // measured is the speaker's estimate, a judgement.
        let emphatic = self.emphatic(0, self.words.len());
        // "We cut what can wait": "cut" is past only in a story told in the past.
        if let Some(v) = self
            .finite_in(STRONG_OUTCOMES)
            .filter(|v| !emphatic && (story.past || !is_ambiguous_past(v)))
        {
            return Some(v.to_string());
        }
        // In a story told in the present, after the actions: "after this the complaints stop".
        // In one told in the past, a gain counted by the month or the week: "the patching
        // automation alone saves about 30 engineer-hours a month".
        if (story.present || (self.has_figure() && self.rated()) || marked_end)
            && done
            && let Some(k) = (1..self.words.len()).find(|&k| {
                is_present_form(self.at(k))
                    && (base_in(STRONG_OUTCOMES, self.at(k))
                        || self
                            .at(k)
                            .strip_suffix('s')
                            .is_some_and(|b| base_in(STRONG_OUTCOMES, b))
                        // ("it's come up both times" arises, no change.)
                        || (marked_end
                            && ((matches!(self.at(k), "go" | "goes")
                                && matches!(self.at(k + 1), "down" | "up"))
                                || (matches!(self.at(k), "come" | "comes")
                                    && self.at(k + 1) == "down"))))
                    && !self.infinitive(k)
                    && !matches!(self.subject_of(k), "i" | "we" | "you" | "")
            })
        {
            return Some(self.words[k].clone());
        }
        if self.has_figure() {
            // What a state meant, before anything was done, is the scene (see `announced`).
            if let Some(v) = self.figured_outcome(done).filter(|v| done || !meaning(v)) {
                return Some(v);
            }
            // The word of change goes with the figure ("30% faster", "up 22 per cent"), not
            // with a verb's particle ("split it between two so none could hold us up").
            let n = self.words.len();
            // "I set up a ten-minute check-in": "up" is the particle of a step.
            // "I write down two options": the particle of the speaker's verb in the present.
            // "cost", "put", "set" are past only in a story told in the past.
            if let Some(c) = (0..n).find(|&i| {
                is_in(CHANGE_WORDS, self.at(i))
                    // "kept for seven years instead of one" compares, nothing changed.
                    && !(self.at(i) == "instead" && self.at(i + 1) == "of")
                    && !self.in_plan(i)
                    && !(i > 0 && is_past(self.at(i - 1)) && !is_in(OUTCOME_VERBS, self.at(i - 1)))
                    // "I ordered six more access points": a count of what a step got ("we
                    // shipped 30% faster", "we handled 30 more calls a day" tell a change).
                    && !(i > 1
                        && matches!(self.at(i), "more" | "extra" | "additional")
                        && is_figure(self.at(i - 1))
                        && is_in(ACQUIRED, self.at(i - 2)))
                    && !(i > 1 && matches!(self.at(i - 2), "i" | "we"))
                    && (i.saturating_sub(3)..(i + 4).min(n)).any(|k| is_figure(self.at(k)))
            }) && self
                .words
                .iter()
                .any(|w| is_past(w) && (story.past || !is_ambiguous_past(w)))
            {
                return Some(self.words[c].clone());
            }
        }
        // "Hotfixes down from nine a month to two", "we'd gone from 54 percent to 78": a
        // measure told from what it was to what it became, with or without its verb.
        if let Some(change) = self.measured_change() {
            return Some(change);
        }
        if announced.is_some() {
            return announced;
        }
        // "Scanner dropouts are down to one or two a month": after a story told in the past,
        // a measure told as it stands now is how things turned out.
        // "We've had two hotfixes this year": after the steps, what has happened since.
        if done
            && let Some(state) = story
                .past
                .then(|| self.measure_now())
                .flatten()
                .or_else(|| self.count_since())
        {
            return Some(state);
        }
        if done && let Some(kept) = self.kept_to_plan(story) {
            return Some(kept);
        }
        if let Some(passed) = self.test_passed(done) {
            return Some(passed);
        }
        if self.habitual() {
            return None;
        }
        if done && let Some(watched) = self.change_watched() {
            return Some(watched);
        }
        if done {
            *others = self.others_outcome(story);
        }
        // A judgement holds for its own clause: "the auditors were happy and we passed with
        // two minor points" tells an achievement in the second.
        if judgement {
            return self.achieved(story, done);
        }
        // "No more Monday panics", "we no longer needed the contractor".
        if done && let Some(p) = self.first_phrase(&["no more", "no longer"]) {
            return Some(p);
        }
        // "I wanted reviews with no surprises in them": a goal, no harm avoided.
        if let Some(p) = self.harm_avoided().filter(|_| self.task().is_none()) {
            return Some(p);
        }
        // "The number of missed calls went down", "complaints came down": a change told by
        // a verb's particle, of others.
        if done
            && let Some(k) = (1..self.words.len()).find(|&k| {
                is_in(WEAK_OUTCOMES, self.at(k))
                    && matches!(self.at(k + 1), "down" | "up")
                    && !matches!(self.subject_of(k), "i" | "we" | "you")
            })
        {
            return Some(self.words[k..=k + 1].join(" "));
        }
        self.achieved(story, done)
    }

    /// A step of the speaker's or their group's told with the harm it avoided: "we moved the
    /// servers without losing any data", "I cut over with no downtime", "we went live
    /// without a single failed payment".
    fn harm_avoided(&self) -> Option<String> {
        let n = self.words.len();
        // The first step of the speaker's told in the past: the harm avoided follows it.
        let first_told = (0..n).find(|&v| {
            matches!(self.subject_of(v), "i" | "we")
                && is_past(self.at(v))
                && !is_in(PAST_AUXILIARIES, self.at(v))
        });
        (1..n).find_map(|k| {
            let none = match self.at(k) {
                "without" => {
                    matches!(self.at(k + 1), "any" | "losing" | "dropping" | "missing")
                        || (self.at(k + 1) == "a" && self.at(k + 2) == "single")
                }
                "with" => matches!(self.at(k + 1), "no" | "zero"),
                _ => false,
            };
            let told = first_told.is_some_and(|v| v < k);
            (none && told).then(|| format!("{} {}", self.at(k), self.at(k + 1)))
        })
    }

    /// Whether the sentence stops on a be-form and a hedge ("and then it was sort of...", "it
    /// was, um"): a thought the speaker did not finish ("how smooth it was" is finished).
    fn trails_off(&self) -> bool {
        let n = self.words.len();
        let mut end = n;
        while end > 0
            && matches!(
                self.at(end - 1),
                "um" | "uh" | "er" | "erm" | "like" | "yeah"
            )
        {
            end -= 1;
        }
        if end >= 2
            && matches!(self.at(end - 1), "of")
            && matches!(self.at(end - 2), "sort" | "kind")
        {
            end -= 2;
        }
        end < n && end > 0 && is_in(BE_FORMS, self.at(end - 1))
    }

    /// Whether the word after `phrase` is a verb's "-ing" form ("ended up rewriting").
    fn after_phrase_gerund(&self, phrase: &str) -> bool {
        self.phrase_at(phrase).is_some_and(|i| {
            let w = self.at(i + phrase.split(' ').count());
            w.len() > 5 && w.ends_with("ing")
        })
    }

    /// Whether the sentence tells an outcome by its words alone (a verb that is one, a change
    /// with a figure, an announced outcome): such an opening is no scene.
    /// What a state meant ("..., which meant ninety days of a known flaw") tells no outcome
    /// by itself: where it opens the story it is the scene.
    pub(super) fn outcome_told(&self) -> bool {
        self.finite_in(STRONG_OUTCOMES).is_some()
            || (self.has_figure() && self.figured_outcome(false).is_some_and(|v| !meaning(&v)))
            || (self
                .first_phrase(RESULT_MARKERS)
                .is_some_and(|m| !meaning(&m))
                && self.finite_in(OUTCOME_VERBS).is_some())
    }

    /// The first word of `list` told as a fact: not an infinitive or a possibility ("my goal
    /// was to cut costs").
    fn finite_in(&self, list: &[&str]) -> Option<&str> {
        // "Rang the carrier, stopped all dispatches": a terse note's list of steps.
        let note = is_past(self.at(0));
        (0..self.words.len())
            .find(|&i| {
                // "a single fibre cut used to stop shipping": a noun, the subject of the
                // verb that follows.
                if self.at(i + 1) == "used" && self.at(i + 2) == "to" {
                    return false;
                }
                is_in(list, self.at(i)) && !self.infinitive(i) && !(note && self.boundary(i))
            })
            .map(|i| self.at(i))
    }

    /// Whether the words from `from` to `to` tell something with emphasis or an amount nobody
    /// counted, and no figure ("the team really embraced it", "the answers were pretty
    /// consistent", "it saved a lot of time"): how the speaker rates it, not a measured
    /// outcome.
    pub(super) fn emphatic(&self, from: usize, to: usize) -> bool {
        // "Much more confident", not "by much more than we expected" or "much of the work".
        let intensifier = |k: usize| {
            is_in(INTENSIFIERS, self.at(k))
                && !(self.at(k) == "much"
                    && (self.at(k + 1) == "of" || (k > 0 && self.at(k - 1) == "by")))
        };
        (from..to).any(|k| intensifier(k) || self.vague_amount(k))
            && !(from..to).any(|k| is_figure(self.at(k)))
            && !(from == 0 && to == self.words.len() && self.has_figure())
    }

    /// Whether the word at `k` is an amount nobody counted: "it saved a lot of time", "lots
    /// of", "loads of", "a great deal".
    fn vague_amount(&self, k: usize) -> bool {
        match self.at(k) {
            "lot" => k > 0 && self.at(k - 1) == "a",
            "lots" | "loads" | "tons" | "heaps" | "plenty" => self.at(k + 1) == "of",
            "deal" => k > 0 && self.at(k - 1) == "great",
            _ => false,
        }
    }

    /// A figure that measures, at `k`: not a stretch of time that only says when ("went bust
    /// two weeks before go-live"; "went from four hours to one" measures).
    fn measures(&self, k: usize) -> bool {
        is_figure(self.at(k))
            && !(is_in(TIME_UNITS, self.at(k + 1))
                && !(k > 0
                    && matches!(
                        self.at(k - 1),
                        "from" | "to" | "by" | "under" | "within" | "down" | "up"
                    )))
    }

    /// A verb of change with a figure: one that tells a change by itself ("rose", "improved")
    /// anywhere in the sentence, one that needs its figure ("went", "came", "sat") with the
    /// figure close by ("went from 55 to 80", "80 per cent came in", not "went on leave for
    /// three months").
    fn figured_outcome(&self, done: bool) -> Option<String> {
        let n = self.words.len();
        (0..n)
            .find(|&i| {
                is_in(OUTCOME_VERBS, self.at(i))
                    && !self.infinitive(i)
                    && (!is_in(WEAK_OUTCOMES, self.at(i))
                        || ((i.saturating_sub(3)..(i + 4).min(n))
                            .any(|k| k != i && self.measures(k))
                            && (!matches!(self.clause_subject(i), "i" | "we")
                                // "We reached 72% in ten months": the mark the group hit.
                                || (done
                                    && matches!(self.at(i), "reached" | "hit")
                                    && self.measures(i + 1)))))
            })
            .map(|i| self.words[i].clone())
    }
}

/// Verbs of getting something, after which a count and "more" is what a step got, no
/// change: "I ordered six more access points", "we hired two more engineers".
const ACQUIRED: &[&str] = &[
    "ordered",
    "bought",
    "purchased",
    "hired",
    "recruited",
    "added",
    "requested",
    "installed",
    "trained",
    "booked",
    "brought",
];
