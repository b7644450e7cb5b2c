//! Words that state a quantity: a figure need not be written in digits ("two hundred", "a
//! third", "we halved the backlog"). One list for every part of prepdeck that asks "is this a
//! number?"; where a user needs more or less, the difference is named here, not in a copy:
//!
//! - STAR detection (`analysis::star`) asks whether a word is a figure ([`is_figure`]): a
//!   result with a figure, a duration ("two weeks"). It also takes "none" as a count ("none
//!   of the sites went down": [`STAR_COUNTS`]) and a fraction alone ([`FRACTIONS`]: it looks
//!   for the figure near a word of change); the verbs "halved", "doubled" are outcome verbs of
//!   its own lexicon there, not figures.
//! - Stories (`stories::has_figure`) ask whether a result states a figure at all: there the
//!   verbs of a ratio count too ([`RATIO_VERBS`]: "we halved the backlog"), and a fraction
//!   only after "a" or a number word ("next quarter" is no figure: [`states_figure`]).
//! - The filler rule for "like" (`analysis::fillers`) asks whether a number follows ("like
//!   ten people"): a number word, or "a"/"an" before one or a fraction ("like a hundred",
//!   "like a third"), but not "a" alone ("it felt like a failure" is a comparison).
//!
//! "one" is in no list: it is more often a pronoun ("one of the", "the one who") than a figure.

/// Number words: cardinals from zero (not "one"), large numbers, fractions, multiples and the
/// "cent" of "per cent".
pub const NUMBER_WORDS: &[&str] = &[
    "zero",
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
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "double",
    "twice",
    "triple",
    "percent",
    "cent",
];

/// Fractions that are also an ordinal or a period ("the third time", "next quarter"): a figure
/// after "a" or a number word ("a third", "three quarters"). STAR detection, which looks for a
/// figure near a word of change, takes them alone too ("fell by a third").
pub const FRACTIONS: &[&str] = &["third", "thirds", "quarter", "quarters"];

/// Verbs that state a ratio of change: a figure in a story's result ("we halved the backlog").
pub const RATIO_VERBS: &[&str] = &["halved", "doubled", "tripled", "quadrupled"];

/// Counts of nothing that STAR detection takes as a figure ("none of the sites went down").
pub const STAR_COUNTS: &[&str] = &["none"];

/// Whether a lowercased word is a number word ([`NUMBER_WORDS`]).
pub fn is_number_word(lower: &str) -> bool {
    NUMBER_WORDS.contains(&lower)
}

/// Whether a lowercased word is written in digits, wholly or in part ("12", "12%", "3pm").
pub fn has_digit(lower: &str) -> bool {
    lower.chars().any(|c| c.is_ascii_digit())
}

/// Whether a lowercased word is a figure for STAR detection: digits, a number word, a fraction
/// or one of [`STAR_COUNTS`].
pub fn is_figure(lower: &str) -> bool {
    has_digit(lower)
        || is_number_word(lower)
        || FRACTIONS.contains(&lower)
        || STAR_COUNTS.contains(&lower)
}

/// Whether a lowercased word states a figure in a story's result: digits, a number word, a
/// verb of a ratio ([`RATIO_VERBS`]), or a fraction after "a" or a number word (`prev`, the
/// word before it: "a third", but not "the third time" or "next quarter").
pub fn states_figure(lower: &str, prev: Option<&str>) -> bool {
    has_digit(lower)
        || is_number_word(lower)
        || RATIO_VERBS.contains(&lower)
        || (FRACTIONS.contains(&lower) && prev.is_some_and(|p| p == "a" || is_number_word(p)))
}

/// Whether the lowercased words from `next` on start a number, as after an approximating
/// "like": a word with digits, a number word, or "a"/"an" followed by a number word ("a
/// hundred", "a third"). `after` is the word after `next`, if any.
pub fn starts_number(next: &str, after: Option<&str>) -> bool {
    has_digit(next)
        || is_number_word(next)
        || (matches!(next, "a" | "an")
            && after.is_some_and(|a| is_number_word(a) || FRACTIONS.contains(&a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_lowercase_and_without_repeats() {
        let mut seen = std::collections::HashSet::new();
        for w in NUMBER_WORDS
            .iter()
            .chain(FRACTIONS)
            .chain(RATIO_VERBS)
            .chain(STAR_COUNTS)
        {
            assert_eq!(*w, w.to_lowercase(), "{w}");
            assert!(seen.insert(*w), "{w} twice");
        }
    }

    #[test]
    fn one_is_no_figure_for_anyone() {
        assert!(!is_figure("one") && !states_figure("one", None) && !starts_number("one", None));
    }

    #[test]
    fn star_figures_take_counts_of_nothing_but_not_ratio_verbs() {
        for w in [
            "12", "30%", "two", "fifteen", "ninety", "million", "third", "zero", "none",
        ] {
            assert!(is_figure(w), "{w}");
        }
        for w in ["halved", "doubled", "team", "a", "once"] {
            assert!(!is_figure(w), "{w}");
        }
    }

    #[test]
    fn story_figures_take_ratio_verbs_and_counted_fractions_but_not_none() {
        for w in ["4,000", "two", "hundreds", "halved", "doubled", "tripled"] {
            assert!(states_figure(w, None), "{w}");
        }
        assert!(states_figure("third", Some("a")));
        assert!(states_figure("quarters", Some("three")));
        for (w, prev) in [
            ("quarter", Some("next")),
            ("third", Some("the")),
            ("third", None),
            ("none", None),
            ("happier", None),
            ("a", None),
            ("several", None),
        ] {
            assert!(!states_figure(w, prev), "{w} after {prev:?}");
        }
    }

    #[test]
    fn a_starts_a_number_only_before_a_number_word() {
        assert!(starts_number("3", Some("weeks")));
        assert!(starts_number("ten", Some("people")));
        assert!(starts_number("a", Some("hundred")));
        assert!(starts_number("an", Some("eighteen")));
        assert!(starts_number("a", Some("third")));
        assert!(!starts_number("a", Some("failure")));
        assert!(!starts_number("a", None));
        assert!(!starts_number("none", Some("of")));
    }
}
