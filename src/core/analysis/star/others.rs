//! What happened to others after the speaker's steps, as a Result: the subject of a clause's
//! first verb is not the speaker and the verb tells a fact, not a judgement, a purpose ("so
//! nobody heard it secondhand"), something going on, what was said or an effort spent.

use super::lexicon::*;
use super::sentence::{
    Sentence, Story, is_adverb, is_figure, is_in, is_participle, is_past, is_present_form,
};
use crate::core::matcher::STOP_WORDS;

impl Sentence {
    /// What happened to others, told as a fact: the subject of the sentence's first verb is
    /// not the speaker ("I also asked finance" is another step), and the verb is past (or
    /// present, in a story told in the present; "the key is communication" is no outcome).
    /// A sentence that states a goal ("the aim was to") is no outcome.
    pub(super) fn others_outcome(&self, story: &Story) -> Option<String> {
        if self.task().is_some() {
            return None;
        }
        let aftermath = self.aftermath();
        let n = self.words.len();
        // Each clause joined by a conjunction: "I moved the phones to a cloud service, and
        // the rerun passed every step" tells its outcome in the second. A judgement holds
        // for its side of a "but" ("quality was fine and people were happier" tells none;
        // "quality was fine, but logins took three minutes" does).
        let mut starts: Vec<usize> = (1..n)
            .filter(|&k| is_in(&["and", "but", "so", "whereas"], self.at(k)))
            .collect();
        starts.insert(0, 0);
        starts.push(n);
        // "It came out positive, so it was approved": what followed a judgement is no part
        // of it.
        let contrast = |k: usize| matches!(self.at(k), "but" | "whereas" | "so");
        starts.windows(2).find_map(|c| {
            // "I made sure it was sent to all staff and that everyone was aware": a clause
            // opened by "and that" goes on with the complement of the verb before it, no
            // outcome of its own.
            if c[0] > 0 && self.at(c[0] + 1) == "that" {
                return None;
            }
            // "I did the work in the evenings so users weren't disrupted", "I briefed the
            // CEO so nobody heard it secondhand": a harm the step was meant to keep away,
            // told after "so" with nothing counted, is the step's purpose.
            if c[0] > 0 && self.at(c[0]) == "so" && self.averted(c[0], c[1]) {
                return None;
            }
            let side_from = (0..=c[0])
                .rev()
                .find(|&k| k == 0 || contrast(k))
                .unwrap_or(0);
            let side_to = (c[1]..n).find(|&k| contrast(k)).unwrap_or(n);
            // "a test caught a server whose backups completed fine": a judgement inside a
            // relative clause that describes its noun, right after the clause's own verb,
            // does not judge the clause ("the partners, who were delighted, said..." and
            // "everyone who used it said it was great" judge).
            let described = |k: usize| {
                (side_from..k).any(|m| {
                    matches!(self.at(m), "whose" | "which" | "who")
                        && !self.boundary(m)
                        && (m + 1..=k).all(|b| !self.boundary(b))
                        && (m + 1..k)
                            .filter(|&v| {
                                is_past(self.at(v))
                                    || is_in(BE_FORMS, self.at(v))
                                    || is_in(PRESENT_AUXILIARIES, self.at(v))
                            })
                            .count()
                            == 1
                })
            };
            let judged = (side_from..side_to)
                .any(|k| is_in(JUDGEMENTS, self.at(k)) && !described(k))
                || self.lesson_in(side_from, side_to)
                || self.emphatic(side_from, side_to);
            let found = (!judged)
                .then(|| self.clause_outcome(c[0], c[1], story, aftermath))
                .flatten()?;
            // "We changed the policy so the DBA gets paged if nobody acknowledges": after a
            // step told in the past, a "so" clause in the present says how the change works,
            // its design, not what came of it.
            let mut cue = found.rsplit(' ');
            let (verb, before) = (cue.next().unwrap_or(""), cue.next().unwrap_or(""));
            let present = (!is_past(verb) && !is_in(PAST_AUXILIARIES, verb))
                || is_in(PRESENT_AUXILIARIES, before)
                || matches!(before, "get" | "gets");
            let design = c[0] > 0 && self.at(c[0]) == "so" && self.step_before(c[0]) && present;
            // "The finance director pushed hard on the costs, so I walked her through them":
            // what others did, answered by a step of the speaker's in the same sentence, was
            // a turn in the story.
            let answered = !(c[0]..c[1]).any(|m| is_figure(self.at(m)))
                && (c[1]..n).any(|m| {
                    matches!(self.at(m), "so" | "but")
                        && self.at(m + 1) == "i"
                        && is_past(self.at(self.verb_after(m + 1)))
                        && !is_in(BE_FORMS, self.at(self.verb_after(m + 1)))
                });
            (!design && !answered).then_some(found)
        })
    }

    /// Whether "that" at `i` opens a relative clause: it follows a noun ("one thing that
    /// came out"), not a verb ("found that"), a conjunction or a clause's start.
    fn relative_that(&self, i: usize) -> bool {
        if i == 0 || self.at(i) != "that" {
            return false;
        }
        let noun = self.at(i - 1);
        !self.boundary(i)
            && !is_past(noun)
            && !is_in(BE_FORMS, noun)
            && !is_in(PRESENT_AUXILIARIES, noun)
            && !is_in(
                &["so", "and", "but", "now", "then", "such", "said", "says"],
                noun,
            )
            && noun.chars().all(char::is_alphabetic)
    }

    /// Whether the clause from `from` to `to` tells something that did not happen, with
    /// nothing counted, after a step of the speaker's earlier in the sentence.
    fn averted(&self, from: usize, to: usize) -> bool {
        let negation = (from..to).any(|k| {
            matches!(
                self.at(k),
                "not" | "t" | "never" | "no" | "nobody" | "none" | "nothing" | "noone"
            )
        });
        negation && self.step_before(from) && !(from..to).any(|k| is_figure(self.at(k)))
    }

    /// Whether the speaker takes a step, told in the past, before the word at `from`: "I did
    /// the cut-overs on Sundays" is a step; "I was on call" is none.
    fn step_before(&self, from: usize) -> bool {
        (0..from).any(|v| {
            matches!(self.subject_of(v), "i" | "we")
                && is_past(self.at(v))
                && !is_in(BE_FORMS, self.at(v))
                && self.at(v) != "had"
        })
    }

    /// [`Sentence::others_outcome`] in the clause from `from` to `to`: its first verb, told of
    /// others, in the past (or the present, in a story told in the present or of how things
    /// stand now); a clause after the first needs its own subject ("and the rerun passed",
    /// not "and then rang them").
    fn clause_outcome(
        &self,
        from: usize,
        to: usize,
        story: &Story,
        aftermath: bool,
    ) -> Option<String> {
        // "Also got the regional managers to brief it": a terse note of the speaker's own
        // step, its subject left out after an adverb.
        if from == 0
            && matches!(
                self.at(0),
                "also" | "then" | "later" | "next" | "finally" | "afterwards" | "first"
            )
            && is_past(self.at(1))
        {
            return None;
        }
        for k in from..to {
            let w = self.at(k);
            if matches!(w, "i" | "we" | "you") {
                return None;
            }
            if k == from {
                continue;
            }
            if from > 0 && !self.subject_within(k, from) {
                if is_past(w) || is_in(PAST_AUXILIARIES, w) || is_in(PRESENT_AUXILIARIES, w) {
                    return None;
                }
                continue;
            }
            // "And finally the ERP, which everything else relied on": a verb of a relative
            // clause describes a noun, no outcome (the clause ends at its comma).
            if (from + 1..k).any(|m| {
                matches!(self.at(m), "which" | "whom" | "whose")
                    && !(m + 1..=k).any(|b| self.boundary(b))
            }) {
                continue;
            }
            // "Two weeks before the assessors came, I asked...": a clause of time before a
            // step tells when, no outcome.
            // ("Before long the queue was down to 20", "two weeks before the audit the backlog
            // was down to 20": no comma closes a clause of time, the verb is the sentence's.)
            // "Before anything was built we recruited...": the speaker's clause after it
            // closes it as a comma would.
            // "When the first survey came back I went through...": the same for a clause of
            // the moment a step was taken. What closes the clause starts a new one: the
            // speaker, or a comma before a pronoun ("a month after go-live the backlog was down
            // to 20, from 300" is the sentence's verb).
            if (from..k).any(|m| {
                matches!(
                    self.at(m),
                    "before" | "until" | "till" | "when" | "once" | "after" | "whenever"
                ) && self.at(m + 1) != "long"
            }) && !(from + 1..=k).any(|b| self.boundary(b))
                && (k + 1..to).any(|b| {
                    matches!(self.at(b), "i" | "we")
                        || (self.boundary(b) && is_in(SUBJECT_PRONOUNS, self.at(b)))
                })
            {
                continue;
            }
            // "never with their manager copied in": what went with a step, no outcome; "we
            // looked at what went wrong": a thing named.
            if self.with_done(k) || self.what_named(k) {
                continue;
            }
            // "The main thing it taught me is...", "what it taught the team": a lesson, no
            // outcome.
            if w == "taught"
                && matches!(
                    self.at(k + 1),
                    "me" | "us" | "them" | "everyone" | "the" | "my" | "our"
                )
            {
                continue;
            }
            // "One thing that came out of the reviews was...": "that" after a noun opens a
            // relative clause, whose verb describes the noun.
            // "The paid stuff, it sends the approval", "the updated policy": a participle
            // after an article qualifies its noun, no verb. (Wider than `infinitive`'s
            // participle between a determiner and its noun, which needs a content word after
            // it: here "the" and a past form are enough.)
            if matches!(self.at(k - 1), "the" | "a" | "an") && is_past(w) {
                continue;
            }
            // "The free stuff that's already approved": through its verb "be" and adverbs.
            if (from + 1..k).rev().take(4).any(|m| {
                self.relative_that(m)
                    && (m + 1..k).all(|b| {
                        !self.boundary(b)
                            && (is_in(BE_FORMS, self.at(b))
                                || matches!(self.at(b), "s" | "been" | "has" | "have" | "had")
                                || is_adverb(self.at(b)))
                    })
            }) {
                continue;
            }
            let past = is_in(PAST_AUXILIARIES, w) || is_past(w);
            // After a past story, how things stand now may be told of a person ("she now
            // leads the team").
            let subject = self.subject_of(k);
            let present = is_in(PRESENT_AUXILIARIES, w)
                || (w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !is_in(STOP_WORDS, w)
                    // "Two weeks later": a span, no verb.
                    && !is_in(TIME_UNITS, w)
                    && !subject.is_empty()
                    && (!is_in(STOP_WORDS, subject)
                        || (aftermath && is_in(&["he", "she", "they"], subject))))
                // "After that the printers work every morning": a plural's present, also in a
                // story told in the present ("after this the complaints stop").
                || ((aftermath || story.present)
                    && is_present_form(w)
                    && !is_in(COMMENT_VERBS, w)
                    && (subject == "they"
                        || (subject.len() > 3
                            && subject.ends_with('s')
                            && !is_in(STOP_WORDS, subject))));
            // What has held since the actions: "nobody has lost a file since", "the reports
            // have run without a failure".
            let perfect = matches!(w, "has" | "have" | "hasn" | "haven")
                && is_participle(self.at(self.verb_after(k)));
            // "It delivered a lot of benefits", "it made everything faster": a claim of many
            // things or of everything, no outcome told.
            let claim = (self.quantified_object(k)
                || matches!(
                    self.at(k + 1),
                    "everything" | "things" | "everyone" | "life"
                ))
                && !(k..to).any(|m| is_figure(self.at(m)));
            // "It took a while to get buy-in": how long something took is the effort spent,
            // no outcome.
            // "Everyone had to click to accept it": what others were obliged to do is a
            // rule set, no outcome ("nobody had to re-enter the data" is one).
            let effort = (w == "took" && subject == "it")
                || (matches!(w, "had" | "has" | "have")
                    && self.at(k + 1) == "to"
                    && !matches!(subject, "nobody" | "none" | "one" | "never" | "longer"));
            // "It was about making sure people only have what they need": what something
            // was about says what it was, not how it turned out.
            // "The plan is to check the figures again": what is meant to happen, no outcome.
            // "Communication was key": what mattered, a lesson.
            let about = is_in(BE_FORMS, w)
                && (self.at(self.verb_after(k)) == "about"
                    || self.at(k + 1) == "to"
                    || matches!(
                        self.at(self.verb_after(k)),
                        "key" | "crucial" | "vital" | "essential" | "important" | "paramount"
                    ));
            // "There was some resistance": what there was, with nothing counted or absent, is
            // no outcome ("there were no findings", "there were two calls all week" are).
            let existential = subject == "there"
                && is_in(BE_FORMS, w)
                && !(k + 1..to).any(|m| {
                    is_figure(self.at(m))
                        || matches!(
                            self.at(m),
                            "no" | "not" | "nothing" | "never" | "fewer" | "less" | "zero"
                        )
                });
            // "Users were reopening them and complaining", "the desk is getting hammered":
            // something going on, told in the progressive with nothing counted, is the
            // background of the story (or its trouble), no outcome; "by May all six were
            // taking bookings", told at its moment, is one.
            let ongoing = is_in(BE_FORMS, w)
                && !self.words.iter().any(|w| w == "by")
                && {
                    let v = self.at(self.verb_after(k));
                    v.len() > 4 && v.ends_with("ing") && !is_in(STOP_WORDS, v)
                }
                && !(k..to).any(|m| is_figure(self.at(m)));
            // "The main problem was that the codes didn't match", "it was the data feed",
            // "that was the gist of it": what a review found or what something was, named
            // with nothing counted or absent, says what it was, not how things turned out
            // ("the issue was fixed within a day", "that was the end of the complaints" do).
            let identifies = is_in(BE_FORMS, w)
                && !is_participle(self.at(self.verb_after(k)))
                && (is_in(DIAGNOSES, subject)
                    // "The big one was shop managers saying...": one of what was found.
                    || (subject == "one"
                        && k >= 2
                        && (k.saturating_sub(3)..k - 1).any(|m| self.at(m) == "the"))
                    || (matches!(subject, "it" | "that" | "this")
                        && is_in(DETERMINERS, self.at(k + 1))))
                && !(k + 1..to).any(|m| {
                    is_figure(self.at(m))
                        || matches!(
                            self.at(m),
                            "no" | "not"
                                | "nothing"
                                | "never"
                                | "zero"
                                | "without"
                                | "first"
                                | "last"
                                | "end"
                                | "best"
                                | "lowest"
                        )
                });
            // "Reminders were set to go out at 14 days", "the moves fell during the
            // shutdowns": how a step was arranged, or when something took place, no outcome.
            let arranged = (is_in(BE_FORMS, w)
                && matches!(
                    self.at(self.verb_after(k)),
                    "set" | "scheduled" | "planned" | "due" | "designed" | "configured"
                )
                && self.at(self.verb_after(k) + 1) == "to")
                // "It was sent out to all staff", "people were reminded about it": a message
                // passed on is a step of the story, whoever took it, not what came of it.
                || (is_in(BE_FORMS, w)
                    && matches!(
                        self.at(self.verb_after(k)),
                        "sent"
                            | "circulated"
                            | "emailed"
                            | "distributed"
                            | "forwarded"
                            | "mailed"
                            | "reminded"
                            | "informed"
                            | "notified"
                            | "briefed"
                    ))
                // "The chair stopped me halfway through": someone met, nothing stopped.
                || self.stopped_someone(k)
                // "Tickets fell within a month" is a change; "during the shutdowns" a time.
                || (w == "fell" && matches!(self.at(k + 1), "during" | "on" | "outside" | "between"));
            // "The college is getting hammered with resets, a third of all tickets": a
            // trouble going on, counted or not.
            let suffering = is_in(BE_FORMS, w)
                && matches!(self.at(self.verb_after(k)), "getting" | "being")
                && matches!(
                    self.at(self.verb_after(k) + 1),
                    "hammered"
                        | "flooded"
                        | "swamped"
                        | "hit"
                        | "overwhelmed"
                        | "buried"
                        | "battered"
                        | "bombarded"
                        | "inundated"
                );
            // "The second round was a two-hour exercise": what something was, named with an
            // article, and nothing counted but in a compound ("downtime was a mere 4 minutes"
            // counts; "the result was a 30 % cut" tells an outcome).
            let named = is_in(BE_FORMS, w)
                && matches!(self.at(k + 1), "a" | "an")
                && !is_in(OUTCOME_NOUNS, subject)
                // "The next audit was a clean pass": an end told as what it was.
                && !(k + 2..(k + 5).min(to)).any(|m| {
                    matches!(
                        self.at(m),
                        "pass" | "win" | "non" | "record" | "first" | "breakthrough"
                    )
                })
                && !(k + 1..to).any(|m| {
                    (is_figure(self.at(m)) && !self.compound(m))
                        || matches!(self.at(m), "no" | "not" | "never" | "zero" | "without")
                });
            // "Password expiry accounted for 30 percent of calls": what something was made of,
            // no change ("the team made up the lost ground" caught up).
            let share = matches!(w, "accounted" | "represented" | "comprised" | "consisted")
                || (w == "made"
                    && self.at(k + 1) == "up"
                    && (self.at(k + 2) == "of" || is_figure(self.at(k + 2))));
            // "One thing that came out was that nobody could find the steps", "the finding
            // was that 40 % of calls were resets": a clause told as what something was, even
            // with a figure ("the result was that calls fell", "the verdict from the auditors
            // was that every control passed" tell an outcome: a noun of one anywhere before).
            // "They found that our restore tests were not documented": what a look found.
            let finding = (is_in(BE_FORMS, w)
                && self.at(self.verb_after(k)) == "that"
                && !(from..k).any(|m| is_in(OUTCOME_NOUNS, self.at(m))))
                || (matches!(
                    w,
                    "found" | "discovered" | "noticed" | "realised" | "realized" | "spotted"
                ) && self.at(k + 1) == "that");
            // "Every candidate got the same four questions", "each site had its own
            // champion": what each one got or did is how the step was set up.
            let distributive = matches!(w, "got" | "had" | "received" | "did" | "needed")
                && (k.saturating_sub(3)..k).any(|m| matches!(self.at(m), "every" | "each"))
                && (k + 1..k + 4).any(|m| matches!(self.at(m), "same" | "own"));
            // "They shaped the assessment forms with us": work done alongside the speaker is
            // a step of the story ("they agreed with us" is an answer given).
            // ("The client placed a second order with us", "staff raised issues with us
            // directly" tell what came of it.)
            // "HR and IT worked on it together": two named together did the work, a step
            // ("afterwards the two desks tested every change together" tells what followed).
            let joint = is_in(JOINT_WORK, w)
                && (k + 1..to).any(|m| {
                    (self.at(m) == "with" && matches!(self.at(m + 1), "us" | "me"))
                        || (self.at(m) == "together" && k >= 2 && self.at(k - 2) == "and")
                });
            if past || perfect || (present && (story.present || aftermath)) {
                // The clause's first verb tells no outcome: its object ("made things
                // easier") is no verb of its own.
                if claim
                    || effort
                    || about
                    || existential
                    || ongoing
                    || identifies
                    || finding
                    || distributive
                    || share
                    || named
                    || arranged
                    || suffering
                    || joint
                {
                    return None;
                }
                return Some(format!("{} {w}", self.at(k - 1)));
            }
            if is_in(PRESENT_AUXILIARIES, w) {
                return None;
            }
        }
        None
    }
}
