//! STAR cues: does a behavioral answer tell the Situation, the Task, the Action and the Result?
//!
//! Each sentence is read for what it does, from its grammar (who is the subject of which verb,
//! in which tense, in which kind of clause), not from set phrases: a scene (a time or place
//! with a state or an event that is not the speaker's: "At a university I worked at, the
//! admissions team were furious"; the opening sentence needs no time phrase), a goal or duty
//! taken on or given ("my aim was", "I was asked to", "it fell to me", "the board wanted"),
//! an action of the speaker's (any verb in the past, or in the present of a story told in the
//! present, but not a state, a habit or a vague verb such as "helped" or "made sure"; "what I
//! did was", "drawn up by me"; a group's "we moved the servers" shows that something was done
//! but is not the speaker's own; a practice in the present counts with its schedule, "I meet
//! each engineer every fortnight"), and an outcome (a figure with a verb of change, a verb such as
//! "fell" or "halved", an outcome announced by "as a result", or what followed the actions,
//! told of others; never a bare judgement such as "it was a success"). The parts of the
//! grammar are in [`sentence`], the parts of STAR in [`scene`], [`action`] and [`outcome`] (with
//! [`others`] for what happened to others), the word lists in [`lexicon`]. Cues are hints, not
//! a judgement of the story.

use serde::Serialize;

mod achieved;
mod action;
mod action_words;
mod concrete;
mod contractions;
mod demand;
mod finding;
mod goal_words;
mod grammar_words;
mod labels;
mod lexicon;
mod manner;
mod measured;
mod mood;
mod narrative;
mod not_told;
mod note;
mod organisation;
mod others;
mod outcome;
mod outcome_words;
mod phrase;
mod practice;
mod preface;
mod scene;
mod scene_signs;
mod scene_words;
mod sentence;
mod steps;
mod task;
mod task_duty;
mod task_given;
mod task_goal;
mod task_speaker;
mod unknown_end;

#[cfg(test)]
use sentence::Sentence;
use sentence::Story;
use unknown_end::OpenEnd;

/// One part of a STAR answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StarPart {
    Situation,
    Task,
    Action,
    Result,
}

impl StarPart {
    pub const ALL: [StarPart; 4] = [
        StarPart::Situation,
        StarPart::Task,
        StarPart::Action,
        StarPart::Result,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StarPart::Situation => "Situation",
            StarPart::Task => "Task",
            StarPart::Action => "Action",
            StarPart::Result => "Result",
        }
    }
}

/// Which STAR parts an answer has: for each, the words of the first sentence that showed it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StarCues {
    pub situation: Option<String>,
    pub task: Option<String>,
    pub action: Option<String>,
    pub result: Option<String>,
}

impl StarCues {
    /// Reads each sentence for what it does: sets a scene (a time or place with a state),
    /// states a goal or duty, tells an action of the speaker's ("I" with a verb in the past,
    /// any verb but a vague or a state one), or tells an outcome (a change with a figure, a
    /// verb of change such as "fell" or "halved", or an outcome announced by "as a result",
    /// "six months later"..., never a bare judgement such as "it was a success").
    pub fn detect(text: &str) -> Self {
        let (sentences, labelled) = labels::read(&sentences(text));
        let story = Story::read(&sentences);
        let mut cues = StarCues::default();
        // Whether something has been done in an earlier sentence (an action of the speaker's
        // or an event told in the passive): what follows it may be the outcome.
        let mut done = false;
        // Whether an earlier sentence has the speaker doing something: the scene is set before
        // the speaker enters the story (without a time or place, see `Sentence::situation`).
        let mut speaker_acted = false;
        // A scene or a task told as someone turning to the speaker ("people came to me when
        // they had problems") counts only if the speaker then does something: without that
        // it describes them, it tells no story.
        let mut pending_scene = false;
        // Whether a practice kept up has been told ("I meet each engineer every fortnight"):
        // no event, but what is told after it in the past or the perfect ("since then no
        // release has failed", "this year that found sixty thousand") is what it led to.
        let mut practised = false;
        let mut pending_task = None;
        // Whether the outcome found is only what happened to others (see `Outcome`).
        let mut tentative = false;
        let mut result_at = None;
        // The sentence of the first step told, the speaker's own or a group's event (for the
        // organisation's scene below).
        let mut first_step = None;
        // Whether the sentence before looked into something (see `Sentence::looks_into`).
        let mut looked = false;
        for (index, s) in sentences.iter().enumerate() {
            cues.take_label(labelled[index], s);
            // "Let me tell you about the time our CRM went down": the speaker tells about
            // the answer, no step of the story.
            let preface = s.preface();
            let looks = s.looks_into();
            // "The lesson I took: ..." names a lesson, no step.
            let act = if preface || s.lesson_taken() {
                None
            } else {
                s.action(&story)
            };
            if act.as_ref().is_some_and(|a| a.own || a.event) {
                first_step.get_or_insert(index);
            }
            let acted = act.is_some();
            // The sentence that sets the scene (the first one that does), told before the
            // speaker enters it.
            // Once something was done, even in the passive ("a new rota was drawn up"),
            // what follows is no opening scene.
            let opening = !speaker_acted && !done;
            let before = if acted && !s.speaker_clause() {
                0
            } else {
                s.speaker_clause_at()
            };
            let turned = s.turned_to_speaker();
            // "Before that, releases were manual": told of the time before the actions, a
            // scene wherever it stands, and no outcome.
            let earlier = s.flashback();
            let scene = match s.situation(&story, opening || earlier, before) {
                Some(cue) if cues.situation.is_none() => {
                    cues.situation = Some(cue);
                    pending_scene =
                        turned.is_some() || s.had_with().is_some() || s.group_described().is_some();
                    true
                }
                _ => false,
            };
            // "We moved to single sign-on for our e-resources", "Last year I presented our
            // roadmap to the board": the first sentence names the occasion, a group's event
            // for something of theirs or a step at a moment in the past; the scene the rest
            // is told in ("We halved our outages in a year" tells the result first).
            let occasion = index == 0
                && cues.situation.is_none()
                && !s.outcome_told()
                && act.as_ref().is_some_and(|a| {
                    a.event
                        && ((a.own && s.opens_on_past_moment())
                            || (a.cue.starts_with("we ") && s.occasion_named()))
                });
            if occasion {
                cues.situation = Some(s.words[..s.words.len().min(3)].join(" "));
            }
            // "We'd just moved our workloads to Azure and I realised...": what was done
            // before the story, told before any step of it, is its scene.
            let backstory = (opening && cues.situation.is_none() && !s.outcome_told())
                .then(|| s.backstory())
                .flatten();
            let scene = scene || occasion || backstory.is_some();
            if backstory.is_some() {
                cues.situation = backstory;
            }
            // Whether this sentence states the goal: naming a duty ("I was asked to...",
            // "I led the move to the cloud") does not yet enter the speaker in the story, so
            // the scene may still follow ("The old contract ended in March").
            let mut goal_here = false;
            if cues.task.is_none() {
                cues.task = s.task();
                goal_here = cues.task.is_some();
                if cues.task.is_none() && pending_task.is_none() {
                    pending_task = turned
                        .filter(|t| t.named)
                        .map(|t| s.words[t.verb..=(t.verb + 1).min(s.words.len() - 1)].join(" "));
                }
            }
            // "We halved our outages in six months. It started when...": a story told result
            // first; the scene may still follow.
            let result_first = cues.result.is_none()
                && !done
                && !speaker_acted
                && cues.situation.is_none()
                && s.outcome_told();
            // What happened to others, followed by another step of the speaker's own, was a
            // turn in the story ("one colleague wrote in the chat that it was unfair. I
            // called her..."), not its outcome.
            if tentative && act.as_ref().is_some_and(|a| a.own && a.event) {
                cues.result = None;
                tentative = false;
            }
            if cues.result.is_none() && !earlier {
                let followed = done || (practised && !scene && s.past_or_perfect());
                // "I sat with the claims team and observed the process. The main delay was
                // re-keying": what others did or were, told right after a look into it, is
                // what the look found, not how things turned out.
                let outcome = s
                    .result(&story, followed, scene)
                    .filter(|o| !(o.others && (looked || looks) && !s.aftermath()));
                tentative = outcome.as_ref().is_some_and(|o| o.tentative);
                cues.result = outcome.map(|o| o.cue);
                result_at = cues.result.as_ref().map(|_| index);
            }
            let result_first = result_first && cues.result.is_some();
            // A passive in the scene ("the budget was cut") is the situation, not a step taken.
            // A practice kept up ("I meet each of them every fortnight") is no event that an
            // outcome follows.
            practised |= act.as_ref().is_some_and(|a| !a.event);
            done |= !result_first
                && (act.as_ref().is_some_and(|a| a.event) || (s.passive_event() && !scene));
            // "Normally I agree the goal and let them get on with it": a habit of the
            // speaker's, told before the story, does not enter them in it.
            speaker_acted |= !result_first
                && ((s.speaker_clause() && !s.habitual() && !goal_here && !preface) || acted);
            looked = looks;
            // Only the speaker's own action is their Action: a story told only with "we" does
            // not say what they did.
            if cues.action.is_none() {
                cues.action = act.filter(|a| a.own).map(|a| a.cue);
                if cues.action.is_some() && cues.task.is_none() {
                    cues.task = pending_task.take();
                }
            }
        }
        if pending_scene && cues.action.is_none() {
            cues.situation = None;
        }
        // "In my last company, a bank in Lisbon, we changed the VPN...", "I still think about
        // a request from our buying team at a fashion retailer": an organisation introduced by
        // its kind in the first two sentences, up to the first step told, is where the story
        // is set (a reader needs no time or state beside it), once something is done in it, by
        // the speaker or their group ("At a private clinic where I worked... We began with a
        // risk assessment"). Not in a sentence that states the goal ("At a small charity our
        // aim was to...").
        if cues.situation.is_none()
            && let Some(first_step) = first_step
        {
            // In the step's own sentence only where the story is ("In my last company, a bank
            // in Lisbon, I changed..."), not what the step was done to ("I phoned an agency").
            cues.situation = sentences
                .iter()
                .enumerate()
                .take((first_step + 1).min(2))
                .filter(|(_, s)| s.task().is_none())
                .find_map(|(k, s)| s.organisation_introduced(k == first_step));
        }
        // "I left not long after, so I honestly can't tell you what the numbers ended up
        // being": an end the speaker says they do not know, told with or after what read as
        // the result, leaves the story without one.
        let unknown = result_at.is_some_and(|at| {
            sentences[at..]
                .iter()
                .enumerate()
                // In the result's own sentence, only an end told as unknown as a whole ("so I
                // cant tell you how it's going yet"; "I can't tell you how relieved they were"
                // tells one).
                .any(|(k, s)| s.unknown_end() && (k > 0 || s.whole_end_unknown()))
        });
        // "Honestly I'm not sure what they decided in the end", "Still a work in progress
        // when I left": a story whose last lines leave it open has no result, wherever the
        // one read stands.
        // A weak open end ("I was going to add a policy scan, but then I got moved") undoes
        // only a result that was no strong or measured outcome ("Calls dropped by half" stands).
        let left_open = sentences
            .iter()
            .skip(sentences.len().saturating_sub(2))
            .filter_map(|s| s.left_open())
            .any(|end| {
                end == OpenEnd::Firm || result_at.is_some_and(|at| !sentences[at].outcome_told())
            });
        if unknown || left_open {
            cues.result = None;
        }
        cues
    }

    /// The words that showed `part`, if it was found.
    pub fn cue(&self, part: StarPart) -> Option<&str> {
        match part {
            StarPart::Situation => self.situation.as_deref(),
            StarPart::Task => self.task.as_deref(),
            StarPart::Action => self.action.as_deref(),
            StarPart::Result => self.result.as_deref(),
        }
    }

    pub fn has(&self, part: StarPart) -> bool {
        self.cue(part).is_some()
    }

    /// The parts present, in STAR order.
    pub fn present(&self) -> Vec<StarPart> {
        StarPart::ALL.into_iter().filter(|p| self.has(*p)).collect()
    }

    /// The parts missing, in STAR order.
    pub fn missing(&self) -> Vec<StarPart> {
        StarPart::ALL
            .into_iter()
            .filter(|p| !self.has(*p))
            .collect()
    }
}

/// Splits a text into sentences: at `.`, `!` or `?` followed by a space or the end (a closing
/// quote or bracket may stand between: "My boss said, 'Fix it by Friday.' So I..."), at `;`
/// and at line ends. A decimal point ("4.6") does not end a sentence.
pub(super) fn sentences(text: &str) -> Vec<String> {
    const CLOSERS: &[char] = &['\'', '"', '\u{2019}', '\u{201D}', ')', ']'];
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let end = match c {
            '.' | '!' | '?' => {
                let mut k = i;
                while chars.get(k).is_some_and(|q| CLOSERS.contains(q)) {
                    k += 1;
                }
                let ends = chars.get(k).is_none_or(|n| n.is_whitespace());
                if ends {
                    i = k;
                }
                ends
            }
            ';' | '\n' => true,
            _ => false,
        };
        if end {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.retain(|s| s.chars().any(char::is_alphanumeric));
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_asides;
#[cfg(test)]
mod tests_backstory;
#[cfg(test)]
mod tests_debrief;
#[cfg(test)]
mod tests_duties;
#[cfg(test)]
mod tests_endings;
#[cfg(test)]
mod tests_findings;
#[cfg(test)]
mod tests_forms;
#[cfg(test)]
mod tests_labels;
#[cfg(test)]
mod tests_organisations;
#[cfg(test)]
mod tests_places;
#[cfg(test)]
mod tests_posts;
#[cfg(test)]
mod tests_practice;
#[cfg(test)]
mod tests_prefaces;
#[cfg(test)]
mod tests_readers;
#[cfg(test)]
mod tests_roles;
#[cfg(test)]
mod tests_session24;
#[cfg(test)]
mod tests_session25;
#[cfg(test)]
mod tests_turns;
#[cfg(test)]
mod tests_voices;
#[cfg(test)]
mod tests_words;
