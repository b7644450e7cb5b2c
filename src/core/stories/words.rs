//! Words for ranking stories against questions and answers. Reuses the job-posting
//! analyser of `core::target` (lowercase words, stop words dropped, Snowball English stems via
//! `rust-stemmers`, two-word phrases of adjacent words), so "budgets", "budgeting" and
//! "budgeted" are one term here as there; adds only the filler of interview questions ("tell
//! us about a time when you...") and a figure detector.

use std::sync::OnceLock;

use crate::core::figures;
use crate::core::target::terms::Analyzer;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}

/// How questions are asked, which says nothing about what they are about.
const QUESTION_FILLER: &[&str] = &[
    "tell", "describ", "time", "walk", "talk", "give", "exampl", "would", "could", "did", "do",
    "you", "your", "us", "me", "go", "back", "bring", "happen", "thing", "someth", "situat",
    "handl", "approach",
];

/// The text's words, lowercased, in order (stop words included).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn filler(term: &str) -> bool {
    term.split(' ').any(|t| QUESTION_FILLER.contains(&t))
}

/// The text's terms (stems and two-word phrases), question filler left out.
pub fn terms(text: &str) -> Vec<String> {
    analyzer()
        .terms(text)
        .into_iter()
        .filter(|t| !filler(t))
        .collect()
}

/// The text's single-word terms (stems, no phrases), question filler left out.
pub fn stems(text: &str) -> Vec<String> {
    terms(text)
        .into_iter()
        .filter(|t| !t.contains(' '))
        .collect()
}

/// Each single-word term of `text` with the word it came from (to show a term as the user
/// wrote it), in order.
pub fn terms_with_words(text: &str) -> Vec<(String, String)> {
    words(text)
        .filter_map(|w| {
            let term = analyzer().terms(&w).into_iter().next()?;
            (!filler(&term)).then_some((term, w))
        })
        .collect()
}

/// Whether the text gives a figure: digits, a number word or the verb of a ratio ("twice",
/// "a third", "halved": [`figures::states_figure`]).
pub fn has_figure(text: &str) -> bool {
    let words: Vec<String> = words(text).collect();
    (0..words.len()).any(|i| {
        let prev = i.checked_sub(1).map(|p| words[p].as_str());
        figures::states_figure(&words[i], prev)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_term_and_filler_is_dropped() {
        let t = terms("Budgets, budgeting; budgeted!");
        assert_eq!(t.iter().filter(|t| *t == "budget").count(), 3, "{t:?}");
        let t = terms("Tell us about a time when you led a team");
        assert!(
            t.contains(&"led".to_string()) && t.contains(&"team".to_string()),
            "{t:?}"
        );
        assert!(
            !t.iter().any(|t| t.contains("tell") || t.contains("time")),
            "{t:?}"
        );
        assert!(terms("").is_empty());
    }

    #[test]
    fn figures_are_digits_or_number_words() {
        assert!(has_figure("cut costs by 12%"));
        assert!(has_figure("we halved the backlog"));
        assert!(has_figure("Two hundred users"));
        assert!(has_figure("we cut the cost by a third"));
        assert!(has_figure("zero downtime since"));
        assert!(has_figure("sixty sites moved"));
        assert!(has_figure("calls doubled"));
        assert!(!has_figure("none of them complained"));
        assert!(!has_figure("one of the sites"));
        assert!(!has_figure(
            "the vendor met its targets from the next quarter"
        ));
        assert!(!has_figure("the team was happier and the sponsor agreed"));
    }
}
