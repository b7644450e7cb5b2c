//! STAR cues: does a behavioral answer tell the Situation, the Task, the Action and the Result?
//!
//! Each sentence is read for what it does, not for set phrases: a scene (a time or place
//! anchor with a state: "At a university I worked at, the admissions team were furious"), a
//! goal or duty ("my aim was", "I was asked to"), an action of the speaker's ("I" with any
//! verb in the past tense, `-ed` or irregular, but not a state or a vague verb such as
//! "helped", "worked closely" or "made sure"), and an outcome (a figure with a verb of change,
//! a verb such as "fell" or "halved", or an outcome announced by "as a result", "later"...;
//! never a bare judgement such as "it was a success"). The word lists are in
//! [`super::star_lexicon`]. Cues are hints, not a judgement of the story.

use serde::Serialize;

use super::star_lexicon::*;
use crate::core::matcher::STOP_WORDS;
use crate::core::matcher::verbs::{irregular_base, is_irregular_participle, is_irregular_past};

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
        let mut cues = StarCues::default();
        for sentence in sentences(text) {
            let s = Sentence::new(&sentence);
            if s.words.is_empty() {
                continue;
            }
            if cues.situation.is_none() {
                cues.situation = s.situation();
            }
            if cues.task.is_none() {
                cues.task = s.task();
            }
            if cues.action.is_none() {
                cues.action = s.action();
            }
            if cues.result.is_none() {
                cues.result = s.result();
            }
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

/// Splits a text into sentences: at `.`, `!` or `?` followed by a space or the end, at `;`
/// and at line ends. A decimal point ("4.6") does not end a sentence.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let end = match c {
            '.' | '!' | '?' => chars.peek().is_none_or(|n| n.is_whitespace()),
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

/// One sentence, as lowercase words (apostrophes split: "didn't" is "didn", "t").
struct Sentence {
    words: Vec<String>,
    /// The words joined by single spaces, with a space at each end, for phrase tests.
    joined: String,
    percent: bool,
}

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Regular past tenses end in `-ed`; these words do too but are not past tenses.
const NOT_PAST: &[&str] = &[
    "need", "feed", "seed", "speed", "bleed", "breed", "proceed", "exceed", "succeed", "embed",
    "shed", "bed", "red", "hundred", "indeed", "weed", "greed", "steed", "reed", "freed",
];

fn is_past(w: &str) -> bool {
    is_irregular_past(w) || is_regular_past(w)
}

fn is_regular_past(w: &str) -> bool {
    w.len() >= 4 && w.ends_with("ed") && !is_in(NOT_PAST, w)
}

/// A past participle: what follows "I had", "I'd" or "I've" in a told action ("I'd already
/// booked", "I had rung", "I've rewritten").
fn is_participle(w: &str) -> bool {
    is_irregular_participle(w) || is_regular_past(w)
}

/// Words that may stand between the subject and its verb: the listed adverbs and any `-ly`
/// adverb ("I quietly moved").
fn is_adverb(w: &str) -> bool {
    is_in(ADVERBS, w) || (w.len() >= 5 && w.ends_with("ly"))
}

/// Words that start a new clause with another subject: a verb after them is not the
/// speaker's.
const CLAUSE_STARTS: &[&str] = &[
    "we", "they", "he", "she", "it", "you", "i", "but", "because", "so", "which", "who", "that",
    "when", "while", "if", "until", "although", "though", "whether", "where",
];

/// Verbs after which "and ...-ed" is an adjective of the speaker, not a second action ("I was
/// tired and stressed").
const COPULAS: &[&str] = &["was", "were", "been", "felt", "seemed", "became", "got"];

impl Sentence {
    fn new(text: &str) -> Self {
        let words = crate::core::matcher::words(text);
        let joined = format!(" {} ", words.join(" "));
        Sentence {
            words,
            joined,
            percent: text.contains('%'),
        }
    }

    fn has_phrase(&self, phrase: &str) -> bool {
        self.joined.contains(&format!(" {phrase} "))
    }

    fn first_phrase(&self, phrases: &[&str]) -> Option<String> {
        phrases
            .iter()
            .find(|p| self.has_phrase(p))
            .map(|p| p.to_string())
    }

    fn any(&self, list: &[&str]) -> Option<&str> {
        self.words
            .iter()
            .map(String::as_str)
            .find(|w| is_in(list, w))
    }

    fn has_figure(&self) -> bool {
        self.percent
            || self
                .words
                .iter()
                .any(|w| w.chars().any(|c| c.is_ascii_digit()) || is_in(NUMBER_WORDS, w))
    }

    /// Would, will, 'd, 'll: the sentence imagines rather than tells.
    fn hypothetical(&self) -> bool {
        self.words.iter().any(|w| {
            matches!(
                w.as_str(),
                "would" | "will" | "ll" | "d" | "could" | "should"
            )
        })
    }

    /// A time or place anchor: a listed phrase, "at/in a(n)/one" + a place word, or "in 2019".
    fn anchor(&self) -> Option<String> {
        if let Some(p) = self.first_phrase(TIME_ANCHORS) {
            return Some(p);
        }
        self.words.windows(3).find_map(|w| {
            let place = matches!(w[0].as_str(), "at" | "in" | "with" | "for")
                && matches!(w[1].as_str(), "a" | "an" | "one")
                && !is_in(NOT_PLACES, &w[2])
                && !is_in(STOP_WORDS, &w[2]);
            let year = w[0] == "in"
                && w[1].len() == 4
                && (w[1].starts_with("19") || w[1].starts_with("20"))
                && w[1].chars().all(|c| c.is_ascii_digit());
            (place || year).then(|| w[..2 + usize::from(place)].join(" "))
        })
    }

    fn situation(&self) -> Option<String> {
        let anchor = self.anchor()?;
        // A state ("were furious") or an event in the past that is not the speaker's own
        // ("a supplier went bust"; "I helped the team" sets no scene). Only irregular pasts
        // here: a regular `-ed` word is as often an adjective ("ITIL-aligned").
        let w = &self.words;
        let speakers = |i: usize| {
            let mut k = i;
            while k > 0 && is_adverb(&w[k - 1]) {
                k -= 1;
            }
            k > 0 && w[k - 1] == "i"
        };
        let state = self.any(STATE_WORDS).is_some()
            || (0..w.len()).any(|i| is_irregular_past(&w[i]) && !speakers(i));
        state.then_some(anchor)
    }

    /// A goal or a duty, read from the sentence's roles rather than set phrases: a goal noun
    /// stated ("my main aim was", "the brief was"), the speaker (or a group with them) given a
    /// duty ("I was asked to", "we were tasked with", "I'd been brought in to", "the CIO asked
    /// me to"), or taking on a goal ("I had to", "we needed to", "I set out to", "I had two
    /// weeks to"), or a responsibility ("responsible for", "it fell to me").
    fn task(&self) -> Option<String> {
        if let Some(p) = self.first_phrase(TASK_PHRASES) {
            return Some(p);
        }
        let w: Vec<&str> = self.words.iter().map(String::as_str).collect();
        let at = |i: usize| w.get(i).copied().unwrap_or("");
        // A goal word within the next few words ("to", "with" a task, "for" a duty).
        let goal_follows = |from: usize, reach: usize| {
            (from..from + reach).find(|&k| matches!(at(k), "to" | "with" | "for"))
        };
        for i in 0..w.len() {
            // "my/our/the (one word) NOUN was/is": "my main aim was", "the real ask was".
            if matches!(w[i], "my" | "our" | "the") {
                for n in [i + 1, i + 2] {
                    if is_in(GOAL_NOUNS, at(n))
                        && matches!(at(n + 1), "was" | "is" | "were" | "had")
                        && (n == i + 1 || !is_in(STOP_WORDS, at(i + 1)))
                    {
                        return Some(w[i..=n + 1].join(" "));
                    }
                }
            }
            if !matches!(w[i], "i" | "we") {
                continue;
            }
            let mut j = i + 1;
            while is_adverb(at(j)) {
                j += 1;
            }
            // The speaker given a duty: "I was asked to", "we'd been tasked with".
            let mut k = j;
            if matches!(at(k), "d" | "had" | "have" | "ve") && at(k + 1) == "been" {
                k += 2;
            } else if matches!(at(k), "was" | "were" | "got") {
                k += 1;
            }
            if k > j {
                while is_adverb(at(k)) {
                    k += 1;
                }
                if is_in(DUTY_PASSIVES, at(k))
                    && let Some(g) = goal_follows(k + 1, 3)
                {
                    return Some(w[i..=g].join(" "));
                }
            }
            // The speaker taking on a goal: "I had to", "we needed to", "I had a week to".
            if is_in(DUTY_VERBS, at(j)) {
                let reach = if at(j) == "had" { 4 } else { 1 };
                if let Some(g) = (j + 1..j + 1 + reach).find(|&k| at(k) == "to")
                    && !is_in(STOP_WORDS, at(g + 1))
                {
                    return Some(w[i..=g].join(" "));
                }
            }
            if at(j) == "set" && at(j + 1) == "out" && at(j + 2) == "to" {
                return Some(w[i..=j + 2].join(" "));
            }
        }
        // Someone gives the speaker a goal: "my boss asked me to", "they brought us in to".
        w.windows(2).enumerate().find_map(|(i, p)| {
            (is_in(DUTY_GIVERS, p[0]) && matches!(p[1], "me" | "us"))
                .then(|| goal_follows(i + 2, 2))
                .flatten()
                .filter(|&g| at(g) != "for")
                .map(|g| w[i..=g].join(" "))
        })
    }

    /// "I" (adverbs allowed between) and a past-tense verb that is neither vague nor a state,
    /// or a light verb ("got", "took", "told") with something concrete after it; "I had", "I'd"
    /// and "I've" with a past participle ("I'd already booked", "I had rung"; "I'd spend" is
    /// a "would"); and a verb joined to the speaker's clause by "and"/"then" ("I was asked
    /// to help and rewrote the rota"). "My deputy and I rebuilt it" is the speaker acting.
    fn action(&self) -> Option<String> {
        let w = &self.words;
        let at = |i: usize| w.get(i).map(String::as_str).unwrap_or("");
        for (i, word) in w.iter().enumerate() {
            // "we" includes the speaker: a group's concrete action counts (the I/we line of
            // the insights still says whose it was).
            if word != "i" && word != "we" {
                continue;
            }
            let mut j = i + 1;
            while is_adverb(at(j)) {
                j += 1;
            }
            // A perfect: "had"/"'d"/"'ve" + participle; "'d" + anything else is "would".
            let perfect = matches!(at(j), "had" | "d" | "ve" | "have");
            if perfect {
                let mut k = j + 1;
                while is_adverb(at(k)) {
                    k += 1;
                }
                // "'d" + a form that is also a base ("I'd set up a call") is "would".
                let would =
                    at(j) == "d" && !is_regular_past(at(k)) && irregular_base(at(k)).is_none();
                if is_participle(at(k)) && !would && self.concrete(k) {
                    return Some(format!("I {} {}", at(j), at(k)).replace("I d ", "I'd "));
                }
                if at(j) != "had" {
                    continue;
                }
            }
            // A group names what it did: "we shipped it" tells nothing.
            // A group's action names its object: "we shipped it" or "we implemented better
            // processes" tells nothing ("a", "the" and a particle skipped).
            let named = word == "i" || {
                let mut o = j + 1;
                while matches!(
                    at(o),
                    "a" | "an" | "the" | "some" | "in" | "up" | "out" | "on"
                ) {
                    o += 1;
                }
                !matches!(
                    at(o),
                    "" | "it" | "that" | "this" | "things" | "stuff" | "and"
                ) && !is_in(VAGUE_OBJECTS, at(o))
            };
            if is_past(at(j)) && named && self.concrete(j) {
                return Some(format!(
                    "{} {}",
                    if word == "i" { "I" } else { "we" },
                    at(j)
                ));
            }
            // Verbs joined to the speaker's clause: "I X ... and (then) Y-ed". After a state
            // ("I was tired and stressed") only once a goal has been stated ("I was asked to
            // help and rewrote the rota").
            let mut infinitive = !is_in(COPULAS, at(j));
            let mut k = j + 1;
            while k < w.len() && !is_in(CLAUSE_STARTS, at(k)) {
                infinitive |= at(k) == "to";
                if infinitive && matches!(at(k), "and" | "then") {
                    let mut v = k + 1;
                    while is_adverb(at(v)) || at(v) == "then" {
                        v += 1;
                    }
                    if is_past(at(v)) && !at(v + 1).is_empty() && self.concrete(v) {
                        return Some(format!("I ... {}", at(v)));
                    }
                }
                k += 1;
            }
        }
        None
    }

    /// Whether the past-tense verb at `j` tells a concrete action: not a state or a vague
    /// verb, or a light verb with something concrete after it; never "made sure".
    fn concrete(&self, j: usize) -> bool {
        let verb = self.words[j].as_str();
        let at = |i: usize| self.words.get(i).map(String::as_str).unwrap_or("");
        // A light verb's particle is part of it: "brought in better processes" is as vague as
        // "brought better processes".
        let next = match at(j + 1) {
            "in" | "up" | "out" | "down" | "over" | "back" | "off" | "forward"
                if !at(j + 2).is_empty() =>
            {
                at(j + 2)
            }
            n => n,
        };
        if is_in(NOT_ACTIONS, verb) {
            is_in(LIGHT_ACTIONS, verb) && !next.is_empty() && !is_in(VAGUE_OBJECTS, next)
        } else {
            !(verb == "made" && matches!(next, "sure" | "certain"))
        }
    }

    fn result(&self) -> Option<String> {
        if self.hypothetical() {
            return None;
        }
        if let Some(v) = self.any(STRONG_OUTCOMES) {
            return Some(v.to_string());
        }
        let outcome = self.any(OUTCOME_VERBS);
        let marker = self.first_phrase(RESULT_MARKERS);
        if self.has_figure()
            && let Some(v) = outcome
        {
            return Some(v.to_string());
        }
        if self.has_figure()
            && let Some(c) = self.any(CHANGE_WORDS)
            && self.words.iter().any(|w| is_past(w))
        {
            return Some(c.to_string());
        }
        let judgement = self.any(JUDGEMENTS).is_some();
        match (marker, outcome) {
            (Some(m), Some(_)) if !judgement => Some(m),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StarPart::*;

    #[test]
    fn star_table() {
        let cases: &[(&str, &[StarPart])] = &[
            (
                "At my last job our deploys failed weekly. My goal was to fix that, so I set up \
                 canary releases. As a result, incidents fell by 40%.",
                &[Situation, Task, Action, Result],
            ),
            (
                "I decided to rewrite the pipeline and it reduced build times.",
                &[Action, Result],
            ),
            ("We shipped 30% faster.", &[Action, Result]),
            ("I was responsible for onboarding.", &[Task]),
            ("Kafka is a log.", &[]),
            // Any verb in the past tense, not a phrase list.
            (
                "I reviewed every licence, removed 60 unused ones and renegotiated the support \
                 contract.",
                &[Action],
            ),
            // A scene needs a state; "when" alone is not one; "on-time" is not an outcome.
            ("When the numbers were poor we met.", &[]),
            ("The project was delivered on-time.", &[]),
            ("It was a real success and everyone learned a lot.", &[]),
            ("I helped the team and made sure everyone was aligned.", &[]),
            (
                "At a university I worked at, the admissions team were furious. I was asked to \
                 sort it out. I walked over and sat down with their director. Six months later \
                 complaints had dropped to two a term.",
                &[Situation, Task, Action, Result],
            ),
            ("I would set up a call and the risk would fall.", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(
                StarCues::detect(text).present(),
                want.to_vec(),
                "in {text:?}"
            );
        }
    }

    #[test]
    fn reports_the_cue_and_the_missing_parts() {
        let s = StarCues::detect("So I led the migration");
        assert_eq!(s.action.as_deref(), Some("I led"));
        assert_eq!(s.missing(), vec![Situation, Task, Result]);
    }
}
