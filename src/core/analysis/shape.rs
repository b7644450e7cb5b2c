//! Whether an answer is told or only listed: "Priority matrix. Escalation. Triage. Backlog
//! duplicates." names the right topics and says nothing about any of them. Its key points may
//! still be found (the terms are there), so the debrief says what the ticks cannot: a panel
//! hears a list, not an answer.

use super::star::sentences;
use super::tokens::tokenize;

/// The longest fragment a list of terms has: a clause that says something ("I closed the
/// duplicates first") runs longer.
const TERM_WORDS: usize = 4;
/// Fragments it takes to call an answer a list (one or two short lines are a note).
const MIN_FRAGMENTS: usize = 3;

/// Whether `text` is a list of terms: at least [`MIN_FRAGMENTS`] fragments (split at
/// sentence ends, line ends, semicolons and commas), none longer than [`TERM_WORDS`] words.
pub fn lists_terms(text: &str) -> bool {
    let lengths: Vec<usize> = sentences(text)
        .iter()
        .flat_map(|s| s.split(',').map(|f| tokenize(f).len()).collect::<Vec<_>>())
        .filter(|&n| n > 0)
        .collect();
    lengths.len() >= MIN_FRAGMENTS && lengths.iter().all(|&n| n <= TERM_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_in_fragments_are_a_list() {
        assert!(lists_terms(
            "Priority matrix. Escalation. Triage. Backlog duplicates. Impact urgency."
        ));
        assert!(lists_terms(
            "- stakeholders\n- budget, risks, scope\n- comms plan"
        ));
        assert!(lists_terms("SLA, OLA, underpinning contracts, penalties"));
    }

    #[test]
    fn sentences_that_say_something_are_not() {
        // One clause of five words or more is an answer being told.
        assert!(!lists_terms(
            "Triage. Escalation. I closed the duplicates first."
        ));
        assert!(!lists_terms(
            "I would sort the queue by impact and urgency, then agree escalation times."
        ));
        // A note of one or two short lines is too little to call a list.
        assert!(!lists_terms("Restore first. Then root cause."));
        assert!(!lists_terms(""));
    }
}
