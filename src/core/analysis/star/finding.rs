//! A look into a problem: what the speaker did to find out ("I sat with the claims team and
//! observed the process", "I dug into the cost report"). What others' state or doings are told
//! right after it is what the look found, not an outcome of the story.

use super::lexicon::*;
use super::sentence::{Sentence, is_in, is_past};

/// Verbs of looking into something, in the past and the present.
const LOOKS: &[&str] = &[
    "observed",
    "observe",
    "watched",
    "watch",
    "shadowed",
    "shadow",
    "investigated",
    "investigate",
    "analysed",
    "analyse",
    "analyzed",
    "analyze",
    "examined",
    "examine",
    "reviewed",
    "review",
    "audited",
    "audit",
    "checked",
    "check",
    "looked",
    "look",
    "dug",
    "dig",
    "traced",
    "trace",
    "studied",
    "study",
    "researched",
    "research",
    "interviewed",
    "interview",
    "surveyed",
    "survey",
    "profiled",
    "profile",
    "explored",
    "explore",
    "queried",
    "query",
];

/// Words of a schedule kept: "weekly", "every Monday" (with "every" or "each", a period must
/// follow: "I interviewed each team lead" keeps none).
const SCHEDULES: &[&str] = &[
    "daily",
    "weekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "yearly",
    "annually",
    "regularly",
];

impl Sentence {
    /// Whether the speaker's last step in this sentence is a look into something: "I" or "we"
    /// as the subject of a verb of looking ("I sat with them and observed the process", "we
    /// dug in"); "I observed the process and then rewrote the form" ends on a step. A check
    /// kept on a schedule ("we reviewed it weekly", "I audited it every Monday") watches what
    /// the steps did: what follows it may be their outcome.
    pub(super) fn looks_into(&self) -> bool {
        let n = self.words.len();
        let kept_up = (0..n).any(|k| {
            is_in(SCHEDULES, self.at(k))
                || (matches!(self.at(k), "every" | "each")
                    && (is_in(PERIODS, self.at(k + 1))
                        || is_in(TIME_NOUNS, self.at(k + 1))
                        || matches!(self.at(k + 1), "shift" | "sprint" | "release")))
        });
        let speakers = |k: usize| match self.subject_of(k) {
            "i" | "we" => true,
            // "I sat with them and observed the process".
            "and" | "then" => matches!(self.clause_subject(k), "i" | "we"),
            _ => false,
        };
        let last = (0..n)
            .rev()
            .find(|&k| (is_past(self.at(k)) || is_in(LOOKS, self.at(k))) && speakers(k));
        !kept_up && last.is_some_and(|k| is_in(LOOKS, self.at(k)))
    }
}
