//! The Situation and the Task: a scene (a time or place with a state or an event that is not
//! the speaker's doing) and a goal or duty (stated, given to the speaker, or taken on).

use super::action::is_conflict;
use super::lexicon::*;
use super::sentence::{
    Sentence, Story, is_adverb, is_ambiguous_past, is_figure, is_in, is_participle, is_past,
    is_present_form, is_regular_past, is_subject,
};
use crate::core::matcher::STOP_WORDS;
use crate::core::matcher::verbs::is_irregular_past;

impl Sentence {
    /// A time or place anchor: a listed phrase, "at/in a(n)/one" + a place word, or "in 2019".
    fn anchor(&self) -> Option<String> {
        // "One year we went over budget", "One Monday the tills went down": a moment opening
        // the sentence ("we did it in one year" is how long).
        if self.at(0) == "one"
            && (matches!(
                self.at(1),
                "year" | "month" | "week" | "quarter" | "summer" | "winter" | "spring" | "autumn"
            ) || is_in(WEEKDAYS, self.at(1)))
        {
            return Some(self.words[..2].join(" "));
        }
        // "Monday, 8:40 in the morning, email stopped", "Friday night, the tills went down":
        // a day set off at the head of the sentence.
        if is_in(WEEKDAYS, self.at(0))
            && (self.boundary(1)
                || matches!(self.at(1), "morning" | "afternoon" | "evening" | "night"))
        {
            return Some(self.at(0).to_string());
        }
        // "In my graduate year", "during my placement", "in our final year": a stretch of
        // the speaker's own past named as the moment ("in my view" names none).
        // "In my year" alone names none.
        let stretch = |i: usize| {
            (i + 2..i + 4).find(|&k| {
                (self.at(k) == "year" && k > i + 2)
                    || matches!(
                        self.at(k),
                        "placement" | "internship" | "apprenticeship" | "rotation"
                    )
            })
        };
        if let Some((i, k)) = (0..self.words.len()).find_map(|i| {
            (matches!(self.at(i), "in" | "during") && matches!(self.at(i + 1), "my" | "our"))
                .then(|| stretch(i).map(|k| (i, k)))
                .flatten()
        }) {
            return Some(self.words[i..=k].join(" "));
        }
        // "every alert from the last month": where something was taken from, no moment of
        // the story ("over the last month our backups failed twice" is one).
        if let Some(p) = self.first_phrase(TIME_ANCHORS).filter(|p| {
            !(p.starts_with("last ")
                && self
                    .phrase_at(p)
                    .is_some_and(|a| a > 1 && self.at(a - 1) == "the" && self.at(a - 2) == "from"))
        }) {
            return Some(p);
        }
        (0..self.words.len().saturating_sub(2))
            .find_map(|i| {
                let w = &self.words[i..i + 3];
                // "at a strategic level", "at a steady pace" name no place either.
                // "for a" names a place ("I run IT for a school", "I worked for a bank"),
                // but not after a word whose object it is ("I ask for a realistic date",
                // "responsible for a portfolio", "the case for a new system").
                let preposition = match w[0].as_str() {
                    "at" | "in" | "with" => true,
                    "for" => i == 0 || !is_in(FOR_OBJECTS, self.at(i - 1)),
                    _ => false,
                };
                let place = ((preposition && matches!(w[1].as_str(), "a" | "an" | "one"))
                    || (w[0] == "during"
                        && matches!(w[1].as_str(), "a" | "an" | "the" | "our" | "my")))
                    && !is_in(NOT_PLACES, &w[2])
                    && !is_in(TIME_UNITS, &w[2])
                    // "I could have done it in an afternoon": how long, not when.
                    && !(w[0] == "in"
                        && matches!(w[2].as_str(), "afternoon" | "morning" | "evening" | "weekend"))
                    // "At a fintech start-up" is a place ("at a steady pace" is none).
                    && (!is_in(NOT_PLACES, self.at(i + 3))
                        || (self.at(i + 3) == "start" && self.at(i + 4) == "up"))
                    && !is_in(STOP_WORDS, &w[2])
                    // "with a one-page summary", "with a two-week window": what went with a
                    // step, no place.
                    && !(w[0] == "with"
                        && self.compound(i + 2)
                        && (is_figure(&w[2]) || w[2] == "one"))
                    // "I planned the cut-over for a Sunday": a day, no place.
                    && !(w[0] == "for" && is_in(TIME_NOUNS, &w[2]))
                    // "flagged them for a person to look at": for whom, no place.
                    // "I covered for a colleague" (a client or customer is an organisation).
                    && !(w[0] == "for"
                        && (self.at(i + 3) == "to"
                            || (is_in(PERSONS, &w[2])
                                && !matches!(w[2].as_str(), "client" | "customer"))));
                let year = w[0] == "in" && is_year(&w[1]);
                (place || year).then(|| w[..2 + usize::from(place)].join(" "))
            })
            // A place set off at the start: "At the library, everyone would..."
            .or_else(|| {
                (matches!(self.at(0), "at" | "in")
                    && self.at(1) == "the"
                    && !is_in(NOT_PLACES, self.at(2))
                    && !is_in(TIME_UNITS, self.at(2))
                    // Set off by a comma, or followed by the speaker: "At the council I was
                    // asked to...".
                    && (3..6).any(|k| self.boundary(k) || matches!(self.at(k), "i" | "we")))
                .then(|| self.words[..3].join(" "))
            })
            // A place named as what it owns: "moving a county council's care teams off
            // paper", "the move of a healthcare billing company's platform".
            .or_else(|| {
                (0..self.words.len()).find_map(|i| {
                    let owner =
                        (i + 2..(i + 5).min(self.words.len())).find(|&k| self.at(k) == "s")?;
                    (matches!(self.at(i), "a" | "an")
                        && (i + 1..owner).all(|k| {
                            !self.boundary(k)
                                && !is_in(STOP_WORDS, self.at(k))
                                && !is_in(NOT_PLACES, self.at(k))
                                && !is_in(TIME_UNITS, self.at(k))
                        })
                        // A person's ("a contractor's project", "a developer's password") is
                        // no place.
                        && !is_in(POST_HEADS, self.at(owner - 1))
                        && !is_in(PERSONS, self.at(owner - 1)))
                    .then(|| self.words[i..owner].join(" "))
                })
            })
            // An organisation named as the place: "at the university", "at that insurance
            // company", "at the housing association, we had", "at head office", "at a further
            // education college" (its kind closes the phrase: "at the council meeting" names a
            // meeting).
            .or_else(|| self.organisation_named())
            // A year named anywhere: "this was, gosh, 2019", "2021, a logistics firm".
            .or_else(|| self.words.iter().find(|w| is_year(w)).cloned())
            // A stretch of time back from now: "about a year ago", "a month ago".
            .or_else(|| {
                (1..self.words.len())
                    .find(|&k| self.at(k) == "ago" && is_in(TIME_UNITS, self.at(k - 1)))
                    .map(|k| self.words[k - 1..=k].join(" "))
            })
    }

    /// A scene: a time or place with a state ("were furious") or an event that is not the
    /// speaker's ("our supplier went bust"); "In my previous role I helped the team" sets no
    /// scene. Before the speaker has done anything (`opening`: no earlier sentence and not
    /// this one has them act), a sentence that tells a state or an event of others sets the
    /// scene without a time or place ("Our head of IT left suddenly"), unless it is a
    /// judgement, a habit, a supposition or an outcome, or the state is the statement of a
    /// goal ("my task was", "we needed to"). In a story told in the present, its moment
    /// ("it's my second week").
    /// `before`: where the speaker enters in this sentence ("The module was something people
    /// clicked through, so I scrapped it": the scene is told before "I scrapped").
    pub(super) fn situation(&self, story: &Story, opening: bool, before: usize) -> Option<String> {
        if story.present
            && let Some(moment) = self.present_moment()
        {
            return Some(moment);
        }
        if story.present
            && opening
            && let Some(place) = self.present_place()
        {
            return Some(place);
        }
        let n = self.words.len();
        // "Context: new head of ops, team of nine, half of them remote": a note that labels its
        // scene, before the story moves on.
        if opening
            && n > 2
            && matches!(
                self.at(0),
                "context" | "background" | "situation" | "setting"
            )
            && self.boundary(1)
        {
            return Some(self.at(0).to_string());
        }
        // An anchor at the close of a story that tells an outcome ("Last year our score went
        // from 3.1 to 4.2") is the result's moment, not a scene.
        // "In my last role I always made sure we focused on the customer": a habit of the
        // speaker's, placed, tells no scene.
        // One clause only: "At my last company I usually worked nights, and one night the
        // payroll server crashed" tells an event in it.
        let speaker_habit = (0..n)
            .any(|k| is_in(HABITUAL, self.at(k)) && k > 0 && self.at(k - 1) == "i")
            && (1..n).all(|k| !self.boundary(k));
        if let Some(anchor) = self
            .anchor()
            .filter(|_| (opening || !self.outcome_told()) && !speaker_habit && !self.general_you())
        {
            // Only "I" is the speaker here: "in my last role we went through a restructure"
            // sets a scene.
            let speakers = |i: usize| {
                let mut k = i;
                while k > 0 && is_adverb(self.at(k - 1)) {
                    k -= 1;
                }
                // "I went over and sat with them": the speaker's clause goes on.
                (k > 0 && self.at(k - 1) == "i")
                    || (k > 0 && self.at(k - 1) == "and" && self.clause_subject(i) == "i")
            };
            // A state of the goal ("our objective was to") is no state of the scene.
            // "I was known for being reliable" describes the speaker, not a scene.
            // "we tried to listen to what people were saying" names no state.
            // "I sent him on a course and he passed it, which was great": a state told of
            // what followed the speaker's step is no scene.
            let no_scene = |i: usize| {
                is_in(GOAL_NOUNS, self.subject_of(i))
                    || self.what_named(i)
                    || (self.subject_of(i) == "i" && is_in(REPUTATION, self.at(i + 1)))
                    || (i > before && i > 0 && self.at(i - 1) == "which")
            };
            let state = (0..n).any(|i| is_in(STATE_WORDS, self.at(i)) && !no_scene(i))
                || (0..n).any(|i| {
                    // "options with their cost": "cost", "put", "set" are past only in a story
                    // told in the past.
                    (is_irregular_past(self.at(i))
                        && (story.past || !is_ambiguous_past(self.at(i)))
                        && !speakers(i)
                        && !self.what_named(i))
                        || self.noun_led_regular_past(i)
                        // "In my last role a colleague and I disagreed about the plan", "I
                        // clashed with the product owner": a conflict the speaker was part of
                        // is the scene.
                        || (is_conflict(self.at(i))
                            && i >= 1
                            && self.at(i - 1) == "i"
                            && ((i >= 3 && self.at(i - 2) == "and")
                                || (self.at(i) != "fell" && self.at(i + 1) == "with")
                                || (self.at(i) == "fell" && self.at(i + 1) == "out")))
                        // "In my last role we outsourced desktop support": the group's event
                        // at the story's time or place, before anything else is told.
                        || (opening
                            && i > 0
                            && self.at(i - 1) == "we"
                            && is_regular_past(self.at(i))
                            && !self.bare_abstract(i)
                            // "Last quarter we reduced churn by 15%" tells the result first.
                            && !self.outcome_told()
                            && !self.what_named(i))
                });
            // A learner's past told in present forms after a past moment ("Last year in the
            // logistics company we have only four people"), or a story told in the present: a
            // state of others in the present (or an event, in a story told in the present).
            // The present of the speaker's post, named as such ("at my current place we get
            // a lot of password calls", "in my current role we support 900 users"): a state
            // of the speaker's side or of others now, as "at my last job we had" in the past
            // ("in my current role I look after forty projects" describes the speaker).
            let current = anchor.contains("current")
                && !self.habitual()
                && (0..n).any(|i| {
                    let v = self.verb_after(i);
                    (self.at(i) == "we"
                        && v > i
                        && ((is_present_form(self.at(v)) && !is_in(PRESENT_STATES, self.at(v)))
                            || matches!(self.at(v), "get" | "have")))
                        || (self.present_state_at(i) && !matches!(self.subject_of(i), "i" | ""))
                });
            let present_state = current
                || (story.present || self.past_moment())
                    && (1..n).any(|i| {
                        self.present_state_at(i) || (story.present && self.present_event_at(i))
                    });
            // A terse note with no verb that opens the story: "Insurance broker, 300 staff,
            // 2020", "Payments team at a fintech, 2022".
            let note = opening && self.verbless();
            // The moment with a duty handed to the speaker, someone else's request: "At the
            // council I was asked to cut call volumes" ("At a charity, our objective was to
            // move repairs online" states a goal, no scene).
            let given = opening
                && self.task().is_some_and(|t| {
                    t.split(' ').any(|w| {
                        (is_in(DUTY_PASSIVES, w) && is_participle(w)) || is_in(DUTY_GIVERS, w)
                    })
                });
            // The speaker's post in the present, the context of an answer about how they work:
            // "I manage seven people at a district council", "I'm head of IT at a charity".
            // Or held then, with the time or place of the story: "Last year at a housing
            // association I ran IT", "In 2019 I managed the service desk".
            let post = (matches!(anchor.split(' ').next(), Some("at" | "in" | "for"))
                && self.post_held())
                || self.past_post_held();
            // "When I took over the service desk at a district council my brief was...": a
            // post taken up at a place named is the occasion of the story.
            let arrived = matches!(
                anchor.as_str(),
                "when i took over" | "when i joined" | "when i started" | "when i arrived"
            ) && self.phrase_at(&anchor).is_some_and(|a| {
                // The place follows the post taken up, in its clause: "took over the desk at
                // a council" ("when I joined, I rewrote the rota in a week" names none).
                (a + 3..(a + 9).min(n))
                    .take_while(|&k| !self.boundary(k))
                    .any(|k| self.at(k) == "at" && matches!(self.at(k + 1), "a" | "an"))
            });
            // "During a planning meeting at a logistics firm I announced...": an occasion
            // opening the story is its scene, whatever the speaker did in it.
            // ("During the next two weeks I rang every customer" is a span of the steps.)
            let occasion = opening
                && self.at(0) == "during"
                && anchor.starts_with("during")
                && !(1..4).any(|k| {
                    is_in(TIME_UNITS, self.at(k))
                        || matches!(self.at(k), "next" | "following" | "first" | "same")
                });
            if state
                || present_state
                || note
                || given
                || post
                || arrived
                || occasion
                || self.undertaking().is_some()
                || self.discovery().is_some()
            {
                return Some(anchor);
            }
        }
        // The speaker's post told by whom it serves, counted: "I manage a team of eight
        // supporting 600 users across two hospitals", "we run IT for twelve schools".
        if let Some(place) = self.counted_place().filter(|_| self.post_held()) {
            return Some(place);
        }
        // "The two teams would not talk to each other": a refusal of others, told in the
        // past, is a state of the scene, no supposition.
        // "The update used to be a long deck, and you could watch the eyes glaze over": how
        // things used to be is a state of the scene, its "could" no supposition.
        let past_habit = self.past_habit() || self.refusal() || self.has_phrase("used to");
        if opening && let Some(arrival) = self.arrival_scene().or_else(|| self.had_with()) {
            return Some(arrival);
        }
        if opening && let Some(topic) = self.topic_note().or_else(|| self.group_work_led()) {
            return Some(topic);
        }
        if opening && let Some(who) = self.group_described() {
            return Some(who);
        }
        if !opening
            || self.many_occasions()
            || (self.judgement() && !self.judged_before_trouble())
            || (self.general_habit() && !past_habit && !self.habit_before_story())
            || (self.supposed() && !past_habit)
            || (self.outcome_told()
                && !matches!(self.at(0), "when" | "while" | "as")
                // "It began when the council closed two branches".
                && !self.words.iter().any(|w| w == "when")
                && !self.imposed_change())
        {
            return None;
        }
        // "It was my job to...": the dummy subject and its verb belong to the goal.
        let goal_from = self.task_at().map_or(n, |(i, _)| {
            if i >= 2
                && is_in(LINKING, self.at(i - 1))
                && matches!(self.at(i - 2), "it" | "this" | "that")
            {
                i - 2
            } else {
                i
            }
        });
        // "When the numbers were poor we met": the clause is the moment of what the speaker
        // did next, not a scene.
        // An event in that clause ("When the server crashed, I rang") is the scene.
        // A progressive there is an event under way ("When our servers were coming to the
        // end of support, I..."), the scene.
        let responds = |i: usize| {
            is_in(SUBORDINATORS, self.at(0))
                && ((is_in(BE_FORMS, self.at(i)) && !self.progressive_at(i))
                    || matches!(self.at(i), "had" | "got"))
                && (i + 1..n).any(|k| {
                    matches!(self.at(k), "i" | "we") && {
                        let v = self.at(self.verb_after(k));
                        is_past(v) || is_in(&["had", "d"], v)
                    }
                })
        };
        // "When we moved offices, ...": a group's event in an opening clause of time.
        let first_clause = |i: usize| {
            matches!(self.at(0), "when" | "after" | "as" | "while")
                && (1..=i).all(|k| !self.boundary(k))
        };
        // "After we acquired a firm in Leeds, our two teams had to become one": the group's
        // event in an opening clause of time is the scene, though "we" acts in it.
        let opening_clause = if matches!(self.at(0), "when" | "after" | "as" | "while") {
            (1..n).find(|&k| self.boundary(k)).unwrap_or(0)
        } else {
            0
        };
        (0..goal_from.min(before.max(opening_clause)))
            .filter(|&i| !responds(i))
            .find(|&i| {
                let subject = self.subject_of(i);
                if !is_subject(subject) || subject == "i" {
                    return false;
                }
                let verb = self.at(i);
                // "The project was delivered": a passive outcome, not a scene.
                // In a story told in the present, "the system is slow" is a state too.
                // "The score looked healthy": how things looked is a state.
                let looked = matches!(verb, "looked" | "seemed")
                    && !is_in(PREPOSITIONS, self.at(i + 1))
                    && self.at(i + 1) != "over";
                let state = (is_in(STATE_WORDS, verb)
                    || looked
                    || (story.present && matches!(verb, "is" | "are" | "s" | "re")))
                    && (!is_in(OUTCOME_VERBS, self.at(self.verb_after(i)))
                        || self.imposed_change())
                    && !is_in(GOAL_NOUNS, subject)
                    && (subject != "we" || is_in(WE_STATES, verb))
                    && !self.step_passive(i);
                // "cost", "put", "set" are past only in a story told in the past.
                // "Each person gets an hour, and they set the agenda": a form such as "set"
                // beside a present of others, with no past in the sentence, is present.
                let present_beside = is_ambiguous_past(verb)
                    && !self.unambiguous_past()
                    && (1..n).any(|k| k != i && self.present_event_at(k));
                let event = (subject != "we" || first_clause(i))
                    && !self.complement_at(i)
                    && ((is_irregular_past(verb)
                        && (story.past || !is_ambiguous_past(verb))
                        && !present_beside)
                        || self.noun_led_regular_past(i)
                        || (subject == "we" && is_past(verb) && !is_in(NOT_ACTIONS, verb))
                        || (story.present && self.present_event_at(i)));
                state || event || (past_habit && matches!(verb, "would" | "wouldn"))
            })
            .map(|i| self.words[i.saturating_sub(2)..=i].join(" "))
            .or_else(|| self.discovery())
            .or_else(|| self.scene_in_goal(goal_from))
            .or_else(|| self.trouble_after(before))
    }
}

impl Sentence {
    /// A state or an event of others told in the present at `i`: "it is a bank", "we have
    /// a problem", "the management start three projects" (not the speaker's "I have").
    fn present_state_at(&self, i: usize) -> bool {
        let subject = self.subject_of(i);
        matches!(self.at(i), "is" | "are" | "s" | "re" | "have" | "has")
            && subject != "i"
            && (subject == "we" || is_subject(subject))
    }
}

/// A year of a story: four digits from 1980 to 2039.
pub(super) fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|y| (1980..2040).contains(&y))
}
