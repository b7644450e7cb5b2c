//! An end the speaker says they do not know ("I can't really tell you what the numbers ended
//! up being"): told with or after what read as the result, it leaves the story without one.

use super::lexicon::*;
use super::sentence::{Sentence, is_adverb};

impl Sentence {
    /// The speaker saying they do not know how it ended ([`UNKNOWN_ENDS`]), read past adverbs:
    /// "I can't really tell you", "I'd love to give you figures, but I moved on".
    pub(super) fn unknown_end(&self) -> bool {
        let plain = self.plain_words(&["never", "not"]);
        UNKNOWN_ENDS.iter().any(|p| {
            let p: Vec<&str> = p.split(' ').collect();
            plain.windows(p.len()).any(|w| w == p.as_slice())
        })
    }

    /// An end told as unknown as a whole: "how it's going", "how it turned out", "what
    /// happened" after [`UNKNOWN_ENDS`].
    pub(super) fn whole_end_unknown(&self) -> bool {
        (0..self.words.len()).any(|k| {
            (self.at(k) == "how"
                && (matches!(self.at(k + 1), "it" | "that" | "things")
                    && matches!(
                        self.at(k + 2),
                        "s" | "is" | "went" | "turned" | "worked" | "goes" | "panned" | "ended"
                    )))
                || (self.at(k) == "what" && matches!(self.at(k + 1), "happened" | "came"))
        })
    }
}

impl Sentence {
    /// The words without their adverbs, but for those in `keep` ("never", "not", "still"),
    /// which change what a sentence says of the end.
    fn plain_words(&self, keep: &[&str]) -> Vec<&str> {
        self.plain_at(keep)
            .into_iter()
            .map(|k| self.at(k))
            .collect()
    }

    /// The indices of [`Sentence::plain_words`] in the sentence's words.
    fn plain_at(&self, keep: &[&str]) -> Vec<usize> {
        (0..self.words.len())
            .filter(|&k| !is_adverb(self.at(k)) || keep.contains(&self.at(k)))
            .collect()
    }

    /// The close of a story left open: the speaker saying now that they do not know what
    /// came of it ("I'm not sure what they decided in the end", "I don't actually know what
    /// happened with most of it"), or leaving before it was done ("Still a work in progress
    /// when I left", "I moved to a new role a few weeks later, while that was still being
    /// negotiated", "Was about halfway through when I got pulled onto another project").
    /// Not what came after the result ("I'm not sure what happened next", "...later"), a
    /// doubt about the answer ("I'm not sure if that answers your question") or a
    /// comparison ("I don't know how we managed without it"), nor an unknown the speaker goes
    /// on to settle ("I'm not sure what they thought at first, but they came round"); a doubt
    /// inside the story ("we weren't sure whether it would hold") is told in the past.
    pub(super) fn left_open(&self) -> Option<OpenEnd> {
        let index = self.plain_at(&["not", "still", "never"]);
        let plain: Vec<&str> = index.iter().map(|&k| self.at(k)).collect();
        let at = |k: usize| plain.get(k).copied().unwrap_or("");
        // Words that make the unknown an aside: what came after the result ("I'm not sure
        // what happened next"), a doubt about the answer ("...if that answers your
        // question"), a comparison ("...how we managed without it"), an unknown settled
        // ("..., but they came round", "I never knew how bad it was until...").
        let aside = |w: &str| {
            matches!(
                w,
                "next"
                    | "since"
                    | "afterwards"
                    | "later"
                    | "answers"
                    | "question"
                    | "helps"
                    | "without"
                    | "before"
                    | "coped"
                    | "managed"
                    | "but"
                    | "until"
            )
        };
        // The firm reading: an aside anywhere in the sentence. The weak one: only after the
        // unknown ("..., but the team moved, so I never saw how it landed").
        let aside_anywhere = self.words.iter().any(|w| aside(w));
        let aside_after = |wh: usize| {
            self.words[index.get(wh).copied().unwrap_or(self.words.len())..]
                .iter()
                .any(|w| aside(w))
        };
        // (where the unknown's question word stands, whether its form is a firm one)
        let unknown = (0..plain.len()).find_map(|k| {
            let (wh, firm) = match (at(k), at(k + 1), at(k + 2)) {
                ("don", "t", "know") if k > 0 && at(k - 1) == "i" => (k + 3, true),
                ("not", "sure", _) if k > 0 && matches!(at(k - 1), "m" | "am" | "i") => {
                    (k + 2, true)
                }
                ("no", "idea", _) if k > 0 && matches!(at(k - 1), "i" | "have") => (k + 2, true),
                // "so I never really saw how it landed", "I never found out whether".
                ("never", "saw" | "knew" | "heard" | "learned" | "learnt", _)
                    if k > 0 && at(k - 1) == "i" =>
                {
                    (k + 2, false)
                }
                ("never", "found", "out") if k > 0 && at(k - 1) == "i" => (k + 3, false),
                _ => return None,
            };
            (matches!(at(wh), "what" | "how" | "whether" | "if") && at(wh + 1) != "to")
                .then_some((wh, firm))
        });
        let firm_unknown = unknown.is_some_and(|(_, firm)| firm) && !aside_anywhere;
        let weak_unknown = unknown.is_some_and(|(wh, _)| !aside_after(wh));
        let left = (0..plain.len()).any(|k| {
            let speaker = k > 0 && at(k - 1) == "i";
            (speaker
                && (at(k) == "left"
                    || (at(k) == "moved" && matches!(at(k + 1), "on" | "to" | "roles" | "jobs"))
                    || (at(k) == "went"
                        && at(k + 1) == "on"
                        && (at(k + 2).ends_with("leave")
                            || matches!(at(k + 2), "paternity" | "maternity" | "parental")))))
                || (matches!(at(k), "got" | "was")
                    && matches!(at(k + 1), "moved" | "pulled" | "transferred" | "seconded")
                    && (speaker || k == 0))
        });
        // Work left undone: "still being negotiated", "still a work in progress", "about
        // halfway through", "before I could", "before anyone pulled them together" ("before I
        // left, complaints had halved" is told done).
        let unfinished = (0..plain.len()).any(|k| {
            (at(k) == "still"
                && (matches!(at(k + 1), "being" | "under" | "ongoing")
                    || (at(k + 1), at(k + 2)) == ("a", "work")
                    || (at(k + 1), at(k + 2)) == ("in", "progress")
                    || (at(k + 1), at(k + 2)) == ("going", "on")))
                || matches!(at(k), "halfway" | "midway")
                || (at(k) == "before"
                    && (matches!(at(k + 1), "anyone" | "anything")
                        || (matches!(at(k + 1), "i" | "we") && at(k + 2) == "could")))
        });
        // A plan the move cut short: "I was going to redo the appraisals, but then I got
        // moved", "I'd planned to count the queries" (weak: the plan may be an extra).
        let plan_cut = (0..plain.len()).any(|k| {
            (at(k) == "going" && at(k + 1) == "to" && k > 0 && matches!(at(k - 1), "was" | "were"))
                || (matches!(at(k), "planned" | "meant" | "intended")
                    && at(k + 1) == "to"
                    && k > 0
                    && matches!(at(k - 1), "d" | "had" | "i"))
        });
        if firm_unknown || (left && unfinished) {
            Some(OpenEnd::Firm)
        } else if weak_unknown || (left && plan_cut) {
            Some(OpenEnd::Weak)
        } else {
            None
        }
    }
}

/// How a story's close leaves it open: firmly (the speaker does not know how it ended, or left
/// it undone), or weakly (a plan cut short, "I never saw how it landed"), which undoes only a
/// result that was no measured or strong outcome.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum OpenEnd {
    Firm,
    Weak,
}
