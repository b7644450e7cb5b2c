//! Words for ranking stories against questions and answers. Reuses the job-posting
//! analyser of `core::target` (lowercase words, stop words dropped, Snowball English stems via
//! `rust-stemmers`, two-word phrases of adjacent words), so "budgets", "budgeting" and
//! "budgeted" are one term here as there; adds only the filler of interview questions ("tell
//! us about a time when you...") and a figure detector.

use std::sync::OnceLock;

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

/// Number words that count as a figure in a result.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "percent",
    "half",
    "halved",
    "double",
    "doubled",
    "twice",
    "triple",
    "tripled",
    "dozen",
    "dozens",
];

/// Whether the text gives a figure: a digit or a number word ("halved", "twice", "thousand").
pub fn has_figure(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        || words(text).any(|w| NUMBER_WORDS.contains(&w.as_str()))
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
        assert!(!has_figure("the team was happier and the sponsor agreed"));
    }
}
