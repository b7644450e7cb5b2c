//! Words into index terms: lower-cased tokens, stop words dropped, English stems (Snowball,
//! `rust-stemmers`), and two-word phrases of adjacent content words.
//!
//! The same analysis reads job descriptions and the bank's cards, so a term matches only when
//! both sides produced it. Pure; no allocation beyond the terms it returns.

use rust_stemmers::{Algorithm, Stemmer};

/// Common English words and the vocabulary every job posting shares ("experience", "ability",
/// "strong"), which says nothing about what a job needs.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "eg",
    "either",
    "etc",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "ie",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "let",
    "like",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "plus",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "ll",
    "re",
    "ve",
    "s",
    "t",
    "d",
    "m",
    "don",
    "won",
    "isn",
    "aren",
    // Posting vocabulary.
    "ability",
    "able",
    "candidate",
    "candidates",
    "confident",
    "demonstrable",
    "demonstrated",
    "desirable",
    "essential",
    "excellent",
    "experience",
    "experienced",
    "good",
    "great",
    "ideal",
    "ideally",
    "including",
    "join",
    "looking",
    "nice",
    "preferred",
    "proven",
    "required",
    "requirements",
    "role",
    "skill",
    "skills",
    "solid",
    "strong",
    "successful",
    "substantial",
    "year",
    "years",
    "someone",
    "similar",
    "well",
    "new",
    "make",
    "making",
];

/// One analysed token: its stem and whether a phrase may join it to the previous token.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Token {
    stem: String,
    /// Directly after the previous content token (no stop word or punctuation between).
    joined: bool,
}

/// Turns text into index terms. Holds the stemmer so it is built once.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer")
    }
}

impl Analyzer {
    pub fn new() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The stem of one word (lower-cased first).
    pub fn stem(&self, word: &str) -> String {
        self.stem_lower(&word.to_lowercase())
    }

    /// The stem of a lower-cased word, American spellings read as British ones first (the
    /// bank is written in British English; postings come in both).
    fn stem_lower(&self, lower: &str) -> String {
        self.stemmer.stem(&british(lower)).into_owned()
    }

    /// Every term of `text`: stems of content words, then each two-word phrase ("a b") of
    /// adjacent content words. Repeats are kept (they are term frequencies).
    pub fn terms(&self, text: &str) -> Vec<String> {
        let tokens = self.tokens(text);
        let mut out: Vec<String> = tokens.iter().map(|t| t.stem.clone()).collect();
        for pair in tokens.windows(2) {
            if pair[1].joined {
                out.push(format!("{} {}", pair[0].stem, pair[1].stem));
            }
        }
        out
    }

    /// Each content word of `text` as its stem and the word as written (lower-cased), for
    /// showing a stem to a person.
    pub fn words(&self, text: &str) -> Vec<(String, String)> {
        split_words(text)
            .into_iter()
            .map(|(w, _)| w.to_lowercase())
            .filter(|w| is_content(w))
            .map(|w| (self.stem_lower(&w), w))
            .collect()
    }

    fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut joined = false;
        for (word, sep) in split_words(text) {
            let lower = word.to_lowercase();
            if !is_content(&lower) {
                joined = false;
                continue;
            }
            out.push(Token {
                stem: self.stem_lower(&lower),
                joined,
            });
            // Punctuation other than a hyphen or slash ends a phrase.
            joined = sep;
        }
        out
    }
}

/// American spelling endings and their British forms. The stemmer leaves "virtualization" and
/// "virtualisation" different stems; after this they share one.
const SPELLINGS: &[(&str, &str)] = &[
    ("izations", "isations"),
    ("ization", "isation"),
    ("izing", "ising"),
    ("ized", "ised"),
    ("izes", "ises"),
    ("ize", "ise"),
    ("yzing", "ysing"),
    ("yzed", "ysed"),
    ("yze", "yse"),
    ("centers", "centres"),
    ("center", "centre"),
    ("licenses", "licences"),
    ("license", "licence"),
    ("programs", "programmes"),
    ("program", "programme"),
];

/// `lower` with an American spelling ending replaced by the British one. A verb ending needs
/// three letters before it ("size" and "prize" are not spellings of anything).
fn british(lower: &str) -> std::borrow::Cow<'_, str> {
    for (us, uk) in SPELLINGS {
        if let Some(stem) = lower.strip_suffix(us)
            && (stem.chars().count() >= 3 || !us.starts_with(['i', 'y']))
        {
            return format!("{stem}{uk}").into();
        }
    }
    lower.into()
}

/// Words of `text`, each with whether only spaces (or a hyphen) separate it from the next.
fn split_words(text: &str) -> Vec<(&str, bool)> {
    let mut words: Vec<(&str, bool)> = Vec::new();
    let mut start = None;
    let mut joinable = true;
    for (i, c) in text.char_indices() {
        // A decimal point or a thousands comma between digits stays in the number ("2.4m").
        let in_number = (c == '.' || c == ',')
            && start.is_some()
            && text[..i].ends_with(|p: char| p.is_ascii_digit())
            && text[i + 1..].starts_with(|n: char| n.is_ascii_digit());
        let word_char = c.is_alphanumeric() || in_number || (c == '\'' && start.is_some());
        match (word_char, start) {
            (true, None) => {
                if let Some(last) = words.last_mut() {
                    last.1 = joinable;
                }
                start = Some(i);
                joinable = true;
            }
            (false, Some(s)) => {
                words.push((text[s..i].trim_end_matches('\''), false));
                start = None;
                joinable = c == ' ' || c == '-';
            }
            (false, None) => {
                if !(c == ' ' || c == '-') {
                    joinable = false;
                }
            }
            (true, Some(_)) => {}
        }
    }
    if let Some(s) = start {
        if let Some(last) = words.last_mut() {
            last.1 = joinable;
        }
        words.push((text[s..].trim_end_matches('\''), false));
    }
    words
}

/// Worth indexing: not a stop word, not a single letter, and not a bare number except one of
/// three to five digits (Microsoft 365, ISO 27001).
fn is_content(lower: &str) -> bool {
    if lower.chars().count() < 2 || STOP_WORDS.contains(&lower) {
        return false;
    }
    if lower.chars().all(|c| c.is_ascii_digit()) {
        return (3..=5).contains(&lower.len());
    }
    !is_figure(lower)
}

/// An amount or an ordinal as a posting writes it ("2.4m", "40k", "3bn", "1,500", "2nd"):
/// a figure, not a name (numbers that name something, "Microsoft 365", stay words).
fn is_figure(lower: &str) -> bool {
    let digits = ["k", "m", "bn", "mn", "st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| lower.strip_suffix(s))
        .unwrap_or(lower);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drops_stop_words_and_adds_phrases_of_adjacent_words() {
        let a = Analyzer::new();
        let terms = a.terms("Managing the disaster recovery plans, and vendors");
        assert!(terms.contains(&"manag".to_string()), "{terms:?}");
        assert!(terms.contains(&"disast recoveri".to_string()), "{terms:?}");
        assert!(terms.contains(&"vendor".to_string()), "{terms:?}");
        // "the" and "and" are stop words; a comma ends a phrase.
        assert!(!terms.iter().any(|t| t == "the" || t == "and"));
        assert!(!terms.contains(&"plan vendor".to_string()), "{terms:?}");
        assert!(!terms.contains(&"manag disast".to_string()), "{terms:?}");
    }

    #[test]
    fn plural_and_verb_forms_share_a_stem() {
        let a = Analyzer::new();
        assert_eq!(a.terms("firewalls"), a.terms("firewall"));
        assert_eq!(a.terms("negotiating"), a.terms("negotiate"));
    }

    #[test]
    fn numbers_only_when_they_name_something() {
        let a = Analyzer::new();
        assert_eq!(
            a.terms("Microsoft 365"),
            ["microsoft", "365", "microsoft 365"]
        );
        assert!(a.terms("7 years").is_empty());
        // Amounts and ordinals are figures, not names: none of "4m" from "£2.4m".
        assert!(a.terms("£2.4m").is_empty());
        assert!(a.terms("40k 3bn 1,500 2nd").is_empty());
        assert_eq!(a.terms("5G"), ["5g"]);
        assert!(a.terms("").is_empty());
    }

    #[test]
    fn words_keep_what_was_written_beside_the_stem() {
        let a = Analyzer::new();
        assert_eq!(
            a.words("Manufacturing and the ERP"),
            [
                ("manufactur".to_string(), "manufacturing".to_string()),
                ("erp".to_string(), "erp".to_string())
            ]
        );
    }

    #[test]
    fn american_and_british_spellings_share_a_stem() {
        let a = Analyzer::new();
        assert_eq!(a.terms("virtualization"), a.terms("virtualisation"));
        assert_eq!(a.terms("organizations"), a.terms("organisations"));
        assert_eq!(a.terms("prioritizing"), a.terms("prioritising"));
        assert_eq!(a.terms("data center"), a.terms("data centre"));
        // Short words are not spellings.
        assert_ne!(a.stem("size"), a.stem("sise"));
    }

    #[test]
    fn hyphenated_words_form_a_phrase() {
        let a = Analyzer::new();
        assert!(
            a.terms("third-party risk")
                .contains(&"third parti".to_string())
        );
    }
}
