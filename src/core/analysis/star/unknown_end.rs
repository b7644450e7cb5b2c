//! An end the speaker says they do not know ("I can't really tell you what the numbers ended
//! up being"): told with or after what read as the result, it leaves the story without one.

use super::lexicon::*;
use super::sentence::{Sentence, is_adverb};

impl Sentence {
    /// The speaker saying they do not know how it ended ([`UNKNOWN_ENDS`]), read past adverbs:
    /// "I can't really tell you", "I'd love to give you figures, but I moved on".
    pub(super) fn unknown_end(&self) -> bool {
        let plain: Vec<&str> = self
            .words
            .iter()
            .map(String::as_str)
            .filter(|w| !is_adverb(w) || matches!(*w, "never" | "not"))
            .collect();
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
