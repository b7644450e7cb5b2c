//! A look into a problem: what the speaker did to find out ("I sat with the claims team and
//! observed the process", "I dug into the cost report"). What others' state or doings are told
//! right after it is what the look found, not an outcome of the story.

use super::sentence::{Sentence, is_in};

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

/// Words of a schedule kept: "every Monday", "weekly".
const SCHEDULES: &[&str] = &[
    "every",
    "each",
    "daily",
    "weekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "regularly",
];

impl Sentence {
    /// Whether the speaker looks into something in this sentence: "I" or "we" as the subject
    /// of a verb of looking ("I sat with them and observed the process", "we dug in"). A
    /// check kept on a schedule ("we reviewed it weekly", "I audited it every Monday") watches
    /// what the steps did: what follows it may be their outcome.
    pub(super) fn looks_into(&self) -> bool {
        let kept_up = self.words.iter().any(|w| is_in(SCHEDULES, w));
        !kept_up
            && (0..self.words.len()).any(|k| {
                is_in(LOOKS, self.at(k))
                    && match self.subject_of(k) {
                        "i" | "we" => true,
                        // "I sat with them and observed the process".
                        "and" => matches!(self.clause_subject(k), "i" | "we"),
                        _ => false,
                    }
            })
    }
}
