//! STAR cues: does a behavioral answer tell the Situation, the Task, the Action and the Result?
//!
//! A part counts as present when one of its cue phrases occurs, matched by the keyword matcher
//! ([`crate::core::matcher`]), so "reduce" also finds "reduced" and "reducing". A `%` sign or the
//! word "percent" is a result cue too (numbers are what interviewers listen for). Cues are
//! hints, not a judgement: an answer can tell its story without any of these words.

use serde::Serialize;

use crate::core::matcher::MatchText;

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

    /// The cue phrases of this part.
    pub fn cues(self) -> &'static [&'static str] {
        match self {
            StarPart::Situation => &[
                "when",
                "at my last",
                "at my previous",
                "in my last",
                "in my previous",
                "our team was",
                "the situation",
                "the context",
                "back in",
                "a few years ago",
                "last year",
                "we were facing",
                "there was a",
            ],
            StarPart::Task => &[
                "my goal",
                "the goal",
                "i was asked",
                "i was tasked",
                "responsible for",
                "needed to",
                "had to",
                "my job was",
                "my role was",
                "my task",
                "the challenge",
                "i was in charge",
            ],
            StarPart::Action => &[
                "i decided",
                "i built",
                "i led",
                "i set up",
                "so i",
                "i started",
                "i wrote",
                "i organised",
                "i organized",
                "i proposed",
                "i created",
                "i introduced",
                "i implemented",
                "i talked to",
                "i worked with",
                "i spoke",
                "i met",
                "i changed",
                "i designed",
                "i ran",
            ],
            StarPart::Result => &[
                "as a result",
                "which meant",
                "the result",
                "the outcome",
                "in the end",
                "reduce",
                "increase",
                "save",
                "improve",
                "cut",
                "grew",
                "learned",
                "learnt",
                "percent",
                "delivered",
                "on time",
            ],
        }
    }
}

/// Which STAR parts an answer has: for each, the first cue found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StarCues {
    pub situation: Option<&'static str>,
    pub task: Option<&'static str>,
    pub action: Option<&'static str>,
    pub result: Option<&'static str>,
}

impl StarCues {
    pub fn detect(text: &str) -> Self {
        let t = MatchText::new(text);
        let find = |part: StarPart| part.cues().iter().copied().find(|c| t.contains(c));
        let result = find(StarPart::Result).or_else(|| text.contains('%').then_some("%"));
        StarCues {
            situation: find(StarPart::Situation),
            task: find(StarPart::Task),
            action: find(StarPart::Action),
            result,
        }
    }

    /// The cue found for `part`, if any.
    pub fn cue(&self, part: StarPart) -> Option<&'static str> {
        match part {
            StarPart::Situation => self.situation,
            StarPart::Task => self.task,
            StarPart::Action => self.action,
            StarPart::Result => self.result,
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
        assert_eq!(s.action, Some("i led"));
        assert_eq!(s.missing(), vec![Situation, Task, Result]);
    }
}
