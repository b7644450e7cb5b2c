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
    is_in(IRREGULAR_PAST, w) || (w.len() >= 4 && w.ends_with("ed") && !is_in(NOT_PAST, w))
}

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
        self.any(STATE_WORDS)?;
        Some(anchor)
    }

    fn task(&self) -> Option<String> {
        self.first_phrase(TASK_PHRASES)
    }

    /// "I" (adverbs allowed between) and a past-tense verb that is neither vague nor a state,
    /// or a light verb ("got", "took", "told") with something concrete after it.
    fn action(&self) -> Option<String> {
        let w = &self.words;
        for (i, word) in w.iter().enumerate() {
            if word != "i" {
                continue;
            }
            let mut j = i + 1;
            if w.get(j).is_some_and(|x| x == "ve") {
                j += 1;
            }
            while w.get(j).is_some_and(|x| is_in(ADVERBS, x)) {
                j += 1;
            }
            let Some(verb) = w.get(j) else { continue };
            if !is_past(verb) {
                continue;
            }
            let next = w.get(j + 1).map(String::as_str).unwrap_or("");
            let concrete = if is_in(NOT_ACTIONS, verb) {
                is_in(LIGHT_ACTIONS, verb) && !next.is_empty() && !is_in(VAGUE_OBJECTS, next)
            } else {
                !(verb == "made" && matches!(next, "sure" | "certain"))
            };
            if concrete {
                return Some(format!("I {verb}"));
            }
        }
        None
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
            ("We shipped 30% faster.", &[Result]),
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
