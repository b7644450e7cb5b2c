//! The scene's signs: trouble told after the speaker's clause, habits and general truths, a
//! change imposed on the speaker's side, refusals, arrivals, flashbacks, undertakings, a post
//! held in the past and discoveries; [`Sentence::situation`] (scene.rs) weighs them.

use super::lexicon::*;
use super::sentence::{
    Sentence, is_ambiguous_past, is_figure, is_in, is_participle, is_past, is_present_form,
    is_regular_past,
};

impl Sentence {
    /// A trouble of others told in its own clause after the speaker's, before anything was
    /// done: "We pushed an update on a Friday and within an hour customers couldn't pay".
    pub(super) fn trouble_after(&self, before: usize) -> Option<String> {
        (before + 1..self.words.len())
            .find(|&k| {
                // Not a verb of the speaker's list: "Rang the supplier, froze all changes".
                !self.boundary(k)
                    && (is_in(TROUBLES, self.at(k))
                        || (self.at(k) == "could"
                            && (self.at(k + 1) == "not"
                                || matches!(self.subject_of(k), "nobody" | "none" | "no"))))
                    && self.subject_within(
                        k,
                        (before..k)
                            .rev()
                            .find(|&m| matches!(self.at(m), "and" | "but" | "so"))
                            .unwrap_or(before),
                    )
                    && !matches!(self.subject_of(k), "i" | "we" | "you")
            })
            .map(|k| self.words[k.saturating_sub(1)..=k].join(" "))
    }

    /// Many occasions told at once, no one of them: "There have been plenty of times when I've
    /// had to decide without the full picture", "I've had lots of situations like that" (not
    /// "the server crashed several times a day", told of one period).
    pub(super) fn many_occasions(&self) -> bool {
        (0..self.words.len()).any(|k| {
            let claimed = (0..k).any(|m| {
                self.at(m) == "there"
                    || (self.at(m) == "had" && m > 0 && matches!(self.at(m - 1), "ve" | "have"))
            });
            claimed
                && matches!(
                    self.at(k),
                    "plenty" | "many" | "lots" | "loads" | "several" | "countless" | "numerous"
                )
                && (k + 1..k + 3).any(|m| {
                    matches!(
                        self.at(m),
                        "times" | "occasions" | "situations" | "moments" | "instances" | "cases"
                    )
                })
        })
    }

    /// A general truth told to "you": "You learn things you'd never hear in a ticket, like
    /// the fact that...", "you can't fix what nobody reports" (not the filler "you know, in
    /// 2019...", nor "you could see the queue growing", told of the scene).
    pub(super) fn general_you(&self) -> bool {
        let j = self.verb_after(0);
        let v = self.at(j);
        self.at(0) == "you"
            && !self.boundary(j + 1)
            && !matches!(
                v,
                "know" | "see" | "mean" | "imagine" | "guess" | "bet" | "understand" | "remember"
            )
            // "You can imagine that in March 2020...", "you have to understand that...": a
            // spoken opener, not a general truth.
            && !{
                let mut k = self.verb_after(j);
                if self.at(k) == "to" {
                    k += 1;
                }
                matches!(v, "can" | "d" | "ll" | "will" | "would" | "have")
                    && matches!(
                        self.at(k),
                        "imagine" | "guess" | "bet" | "understand" | "remember" | "see" | "know"
                    )
            }
            && (is_present_form(v)
                || matches!(
                    v,
                    "can" | "d" | "ll" | "will" | "would" | "have" | "do" | "don"
                ))
    }

    /// A habit kept before the story, in the past perfect: "I'd always run it myself", "we
    /// had usually patched on Fridays" (how things were, part of the scene).
    pub(super) fn habit_before_story(&self) -> bool {
        (1..self.words.len()).any(|k| {
            matches!(self.at(k), "had" | "d")
                && is_in(HABITUAL, self.at(k + 1))
                && (is_participle(self.at(k + 2)) || is_past(self.at(k + 2)))
        })
    }

    /// A habit or a general truth that sets no scene: the speaker's ("I always put"), or told
    /// in the present ("as there always is with change"). A trouble of others that kept
    /// happening, told in the past ("the printers jammed so often that..."), is a scene.
    pub(super) fn general_habit(&self) -> bool {
        self.habitual()
            && ((0..self.words.len()).any(|k| {
                is_in(HABITUAL, self.at(k))
                    && (k.saturating_sub(2)..k).any(|m| matches!(self.at(m), "i" | "we" | "you"))
            }) || !self.unambiguous_past()
                || self
                    .words
                    .iter()
                    .any(|w| is_in(PRESENT_AUXILIARIES, w) || matches!(w.as_str(), "am" | "m")))
    }

    /// A change of quantity done to the speaker's side, in the passive with no agent: "the
    /// budget was cut by a fifth", "our team was halved" (the scene, where "we cut costs by a
    /// fifth" tells a result).
    pub(super) fn imposed_change(&self) -> bool {
        let made = (1..self.words.len()).any(|i| self.step_passive(i));
        !made
            && (1..self.words.len()).any(|k| {
                is_in(&["was", "were", "been"], self.at(k - 1))
                    && is_in(QUANTITY_CHANGES, self.at(k))
                    && !(k + 1..self.words.len()).any(|m| {
                        self.at(m) == "by" && matches!(self.at(m + 1), "me" | "us" | "i" | "we")
                    })
            })
    }

    /// Others refusing, in the past: "the two teams would not talk to each other", "the
    /// supplier wouldn't give a date" ("I would not" imagines, or is the speaker's own).
    pub(super) fn refusal(&self) -> bool {
        (1..self.words.len()).any(|k| {
            matches!(self.at(k), "would" | "wouldn")
                && matches!(self.at(k + 1), "not" | "t")
                && !matches!(self.subject_of(k), "i" | "we" | "you" | "")
                && !matches!(self.at(0), "if" | "unless")
        })
    }

    /// A passive of something made or put in place ("a new rota was drawn up", "a review was
    /// carried out"): a step, whoever took it, not the scene.
    pub(super) fn step_passive(&self, i: usize) -> bool {
        is_in(&["was", "were"], self.at(i)) && is_in(MADE_PARTICIPLES, self.at(self.verb_after(i)))
    }

    /// The speaker arriving in the scene with what they found: "I inherited a spreadsheet
    /// nobody trusted", "I took on a junior analyst who was going quiet in meetings".
    pub(super) fn arrival_scene(&self) -> Option<String> {
        let n = self.words.len();
        // Read once, and only for a sentence with "I had" (it reads the whole sentence).
        let mut had_with = None;
        (0..n).find_map(|i| {
            let j = self.verb_after(i);
            let arrived = self.at(i) == "i"
                && (matches!(self.at(j), "inherited" | "joined" | "arrived")
                    || (self.at(j) == "took" && matches!(self.at(j + 1), "on" | "over")));
            let had = self.had_at(i).is_some();
            if !arrived && !had {
                return None;
            }
            // What the person the speaker had went on to do, in a clause of its own: "I had
            // a support tech, very good technically, but he avoided customers".
            let theirs = had
                && had_with.get_or_insert_with(|| self.had_with()).is_none()
                && (j + 2..n).any(|k| {
                    matches!(self.at(k), "but" | "and")
                        && matches!(self.at(k + 1), "he" | "she" | "they")
                        && (k + 2..(k + 4).min(n)).any(|m| {
                            is_in(PAST_AUXILIARIES, self.at(m))
                                || (is_past(self.at(m)) && !is_in(NOT_ACTIONS, self.at(m)))
                        })
                });
            if theirs {
                return Some(self.words[i..=j + 1].join(" "));
            }
            // A clause about what was found: "that was late", "who was going quiet",
            // "nobody trusted".
            (j + 2..(j + 9).min(n))
                .take_while(|&k| !matches!(self.at(k), "and" | "so" | "but"))
                .find(|&k| {
                    (is_in(RELATIVES, self.at(k))
                        || is_in(&["nobody", "no", "everyone", "half"], self.at(k)))
                        && (k + 1..(k + 6).min(n)).any(|m| {
                            is_in(PAST_AUXILIARIES, self.at(m))
                                || (is_past(self.at(m)) && !is_in(NOT_ACTIONS, self.at(m)))
                        })
                })
                .map(|k| self.words[i..k].join(" "))
        })
    }

    /// A sentence told of the time before the story's actions: "Before that, releases were
    /// manual", "Previously the desk closed tickets by hand", "Until then nobody had
    /// checked": a scene, wherever it stands, and no outcome.
    pub(super) fn flashback(&self) -> bool {
        let mut k = 0;
        while matches!(self.at(k), "and" | "so" | "but") {
            k += 1;
        }
        let w = self.at(k);
        let next = self.at(k + 1);
        matches!(w, "previously" | "formerly")
            || (matches!(w, "before" | "until" | "till")
                && matches!(next, "that" | "this" | "then"))
            || (w == "prior" && next == "to" && matches!(self.at(k + 2), "that" | "this"))
            || self.long_before()
    }

    /// Whether the sentence names what its event was for: "for our e-resources", "for the
    /// new booking system".
    pub(super) fn occasion_named(&self) -> bool {
        (1..self.words.len()).any(|k| {
            self.at(k) == "for"
                && matches!(self.at(k + 1), "our" | "the" | "a" | "an")
                && !self.at(k + 2).is_empty()
                && !is_in(TIME_UNITS, self.at(k + 2))
                && !is_figure(self.at(k + 2))
        })
    }

    /// Whether the sentence opens on a moment in the past: "Last year", "One winter", "In
    /// 2019", "Two years ago" ("In my last team" names a place, "Last, I rang" an order).
    pub(super) fn opens_on_past_moment(&self) -> bool {
        (matches!(self.at(0), "last" | "one")
            && (is_in(TIME_NOUNS, self.at(1))
                || is_in(TIME_UNITS, self.at(1))
                || matches!(
                    self.at(1),
                    "spring" | "summer" | "autumn" | "winter" | "quarter" | "term" | "christmas"
                )))
            || (matches!(self.at(0), "in" | "back") && super::scene::is_year(self.at(1)))
            || (0..4.min(self.words.len())).any(|k| self.at(k) == "ago")
            // "I once sent out an email that half the company misread".
            || (matches!(self.at(0), "i" | "we") && self.at(1) == "once" && is_past(self.at(2)))
    }

    /// What others had been doing for a span of time counted: "some of the techs had been
    /// doing it on paper for twenty years", "the desk had been short-staffed for months".
    /// "By March the new process had been running for six weeks" tells where things stood
    /// after the actions.
    fn long_before(&self) -> bool {
        let n = self.words.len();
        let later = self
            .words
            .iter()
            .any(|w| matches!(w.as_str(), "by" | "since" | "after" | "now" | "then"));
        !later
            && (1..n).any(|k| {
                self.at(k) == "had"
                    && self.at(k + 1) == "been"
                    && !matches!(self.subject_of(k), "i" | "we" | "")
                    && (k + 2..n).any(|m| {
                        self.at(m) == "for"
                            && (is_in(TIME_UNITS, self.at(m + 1))
                                || (is_figure(self.at(m + 1)) && is_in(TIME_UNITS, self.at(m + 2))))
                    })
            })
    }

    /// What the speaker had, at the subject `i`: "I had a second-line engineer whose closure
    /// rate had dropped", "I had a disagreement with our network engineer" (not "I had to",
    /// "I had two weeks to": a duty). With "with", the index of that word.
    pub(super) fn had_at(&self, i: usize) -> Option<usize> {
        let j = self.verb_after(i);
        let had = self.at(i) == "i"
            && self.at(j) == "had"
            && !is_participle(self.at(self.verb_after(j)))
            && !(j + 1..j + 5).any(|k| self.at(k) == "to");
        had.then(|| {
            (j + 2..(j + 6).min(self.words.len()))
                .take_while(|&k| !self.boundary(k))
                .find(|&k| self.at(k) == "with")
                .unwrap_or(j)
        })
    }

    /// What the speaker or their group had done before the story, told in the pluperfect:
    /// "We'd just moved most of our workloads to Azure", "The first time round I'd taken a
    /// 20-slide deck and lost them" (not "I had to", "we had a meeting", "I'd have").
    pub(super) fn backstory(&self) -> Option<String> {
        (0..self.words.len()).find_map(|i| {
            if !matches!(self.at(i), "i" | "we") {
                return None;
            }
            let j = self.verb_after(i);
            let v = self.verb_after(j);
            let p = self.at(v);
            // "I'd" is also "I would": after it, only a form that is no verb's base ("I'd
            // taken", "we'd moved", not "I'd run", "I'd put").
            let unmistakable = is_regular_past(p)
                || (is_past(p) && !is_ambiguous_past(p))
                || (is_participle(p) && ["en", "wn", "ne"].iter().any(|e| p.ends_with(e)));
            let pluperfect = match self.at(j) {
                "had" => is_participle(p),
                "d" => unmistakable,
                _ => false,
            };
            // What follows is read only for a past before the past: it looks to the end.
            if !pluperfect {
                return None;
            }
            // Told as the set-up of what follows: "just" done, or joined to what it led to,
            // someone else's turn or a loss or a discovery ("and lost them", "and I
            // realised"); "I'd already booked the room" and "I'd rewritten the runbook and
            // trained the night shift" are steps.
            let led_to = (v + 1..self.words.len()).any(|k| {
                matches!(self.at(k), "and" | "but")
                    && (k + 1..k + 4).any(|m| {
                        let verb = self.at(m);
                        is_past(verb)
                            && !self.compound(m)
                            && (matches!(
                                verb,
                                "lost"
                                    | "realised"
                                    | "realized"
                                    | "found"
                                    | "noticed"
                                    | "discovered"
                            ) || (k + 1..m)
                                .any(|s| !matches!(self.at(s), "then" | "also" | "i" | "we")))
                    })
            });
            let set_up = (i..v).any(|k| self.at(k) == "just") || led_to;
            let already = (i..v).any(|k| self.at(k) == "already");
            (pluperfect && set_up && !already && self.task().is_none())
                .then(|| self.words[i..=v].join(" "))
        })
    }

    /// Who the speaker's side or the people of the story are: "We're a housing association,
    /// so we hold...", "They're mostly retired teachers" ("we're all responsible for
    /// security" is a claim). A scene only when the speaker then acts ("We're a small team,
    /// so I do a bit of everything" tells no story).
    pub(super) fn group_described(&self) -> Option<String> {
        let k = (1..self.words.len()).find(|&k| {
            matches!(self.at(k), "re" | "are")
                && matches!(self.at(k - 1), "we" | "they")
                && (matches!(self.at(k + 1), "a" | "an" | "mostly" | "around")
                    || (self.at(k + 1) == "about" && self.at(k + 2) != "to")
                    || is_figure(self.at(k + 1)))
        })?;
        (!self.judgement() && !self.general_habit()).then(|| self.words[k - 1..=k + 1].join(" "))
    }

    /// A scene told as what the speaker had with someone ("I had a row with our finance
    /// lead"): a scene only when the speaker then acts ("I had a chat with him" tells no
    /// story), like someone turning to them.
    pub(super) fn had_with(&self) -> Option<String> {
        (0..self.words.len()).find_map(|i| {
            let k = self.had_at(i)?;
            (self.at(k) == "with").then(|| self.words[i..k].join(" "))
        })
    }

    /// A scene told inside the goal, in a relative clause with a past state: "my manager
    /// asked me to sign off a release that hadn't passed testing".
    pub(super) fn scene_in_goal(&self, goal_from: usize) -> Option<String> {
        (goal_from..self.words.len()).find_map(|r| {
            let verb = (r + 1..r + 4)
                .find(|&k| is_in(PAST_AUXILIARIES, self.at(k)) || is_past(self.at(k)))?;
            // Not the speaker's duty again ("I was the one who had to tell them").
            (is_in(&["that", "which", "who"], self.at(r))
                && r > goal_from
                && !matches!(self.at(r - 1), "one" | "person" | "me" | "us")
                // A relative follows its noun: "and that was my goal for the quarter" opens a
                // clause of its own.
                && !self.boundary(r)
                && !matches!(self.at(r - 1), "and" | "but" | "so" | "or")
                // "My aim was that every engineer got time": what the goal is, no scene ("the
                // catch was that nobody had tested a restore" tells one).
                && !(r >= 2 && is_in(BE_FORMS, self.at(r - 1)) && is_in(GOAL_NOUNS, self.at(r - 2)))
                && self.at(verb + 1) != "to"
                && (r + 1..verb).all(|k| !matches!(self.at(k), "i" | "we")))
            .then(|| self.words[r..=verb].join(" "))
        })
    }

    /// A piece of work of the speaker's or their group's, named as such: "I did a
    /// virtualisation project", "we had an audit", "I ran a migration of our mail" (with a
    /// time or place, the story's scene: the undertaking placed in it).
    pub(super) fn undertaking(&self) -> Option<String> {
        (0..self.words.len()).find_map(|i| {
            let j = self.verb_after(i);
            (matches!(self.at(i), "i" | "we")
                && is_past(self.at(j))
                && !self.negated(i)
                && (is_in(UNDERTAKINGS, self.object_head(j))
                    || is_in(UNDERTAKINGS, self.phrase_head(j))))
            .then(|| format!("{} {}", self.at(i), self.at(j)))
        })
    }

    /// A post the speaker held, told in the past: "I ran IT", "I managed the service desk",
    /// "I headed a team of six" (not a piece of work: "I ran a migration" is an
    /// undertaking, not a post; not a habit or a denial).
    pub(super) fn past_post_held(&self) -> bool {
        (0..self.words.len()).any(|i| {
            let j = self.verb_after(i);
            self.at(i) == "i"
                && matches!(
                    self.at(j),
                    "ran" | "managed" | "headed" | "oversaw" | "led" | "owned"
                )
                && !self.negated(i)
                && !self.habitual()
                && !is_in(UNDERTAKINGS, self.object_head(j))
                && !is_in(UNDERTAKINGS, self.phrase_head(j))
                && !self.at(j + 1).is_empty()
        })
    }

    /// A progressive at the form of "be" at `i`: "were coming", "was failing".
    pub(super) fn progressive_at(&self, i: usize) -> bool {
        let k = self.verb_after(i);
        k > i && self.at(k).len() > 4 && self.at(k).ends_with("ing")
    }

    /// The speaker finding the scene: "I noticed a storage account left open", "I found that
    /// the backups had not run" (a discovery with what was found).
    pub(super) fn discovery(&self) -> Option<String> {
        (0..self.words.len()).find_map(|i| {
            let j = self.verb_after(i);
            (matches!(self.at(i), "i" | "we")
                && matches!(
                    self.at(j),
                    "noticed" | "found" | "discovered" | "spotted" | "realised" | "realized"
                )
                && !self.at(j + 1).is_empty()
                && !self.negated(i))
            .then(|| format!("{} {}", self.at(i), self.at(j)))
        })
    }
}

impl Sentence {
    /// Whether the participle at `k` follows a present verb of how things are: "people feel
    /// valued", "the team seems stretched", "making sure people feel heard" (its complement,
    /// no verb of its own).
    pub(super) fn complement_at(&self, k: usize) -> bool {
        // "our new look confused customers", "the look and feel": nouns.
        let noun = k >= 2
            && (is_in(DETERMINERS, self.at(k - 2))
                || matches!(self.at(k - 2), "and" | "new" | "old" | "whole" | "same"));
        k > 0
            && !noun
            && matches!(
                self.at(k - 1),
                "feel"
                    | "feels"
                    | "seem"
                    | "seems"
                    | "look"
                    | "looks"
                    | "get"
                    | "gets"
                    | "stay"
                    | "stays"
                    | "remain"
                    | "remains"
                    | "become"
                    | "becomes"
                    | "keep"
                    | "keeps"
            )
    }
}
