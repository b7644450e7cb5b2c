//! Tag hygiene for `decks check`: the canonical form of a tag (lower-case words joined by
//! hyphens) and tags in one deck that look like the same tag written two ways ("shadow-it" and
//! "shadow it", "vendor" and "vendors", "virtualisation" and "virtualization").
//!
//! Pure: works on a parsed [`Deck`]; the CLI prints the warnings. Warnings never make a deck
//! invalid: a tag is free text, and two similar tags may be meant.

use std::collections::BTreeMap;

use super::model::Deck;
use crate::core::ids::CardId;
use crate::core::text::{is_hidden, show_hidden};

/// A tag problem worth telling the deck's author about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagWarning {
    /// 1-based line of the `[[card]]` header of the card that uses the later spelling.
    pub line: usize,
    /// That card's id.
    pub card: CardId,
    pub message: String,
}

/// The canonical form of a tag: lower-case letters and digits, words joined by single hyphens
/// (`"Shadow IT"` -> `"shadow-it"`, `"ci_cd"` -> `"ci-cd"`). Empty when the tag has no word.
pub fn canonical_tag(tag: &str) -> String {
    tag.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// What two tags are compared by: the canonical words, each reduced to a rough stem (plural
/// and British/American endings folded), run together without hyphens.
fn comparison_key(tag: &str) -> String {
    canonical_tag(tag).split('-').map(stem).collect()
}

fn stem(word: &str) -> String {
    let mut w = word.to_string();
    for (from, to) in [
        ("isation", "ization"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("our", "or"),
    ] {
        if w.len() > from.len() + 2 && w.ends_with(from) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
            break;
        }
    }
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
    w
}

/// Whether two different spellings look like one tag.
fn near_duplicates(a_key: &str, b_key: &str) -> bool {
    a_key == b_key
        || (a_key.chars().count().min(b_key.chars().count()) >= 8 && one_edit_apart(a_key, b_key))
}

/// Whether the edit distance (`fields::edit_distance`) of `a` and `b` is exactly 1: one letter
/// changed, added or dropped. Linear, where the distance itself is quadratic: `decks check`
/// compares every pair of a deck's tags.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        prefix < short.len() && short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Every tag warning for a deck, in file order: tags not in canonical form, and pairs of tags
/// that look like the same tag.
pub fn tag_warnings(deck: &Deck) -> Vec<TagWarning> {
    let mut warnings = Vec::new();
    // Each distinct spelling, with the line of the first card that uses it.
    let mut first_use: BTreeMap<&str, (usize, &CardId)> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for card in &deck.cards {
        for tag in &card.tags {
            if first_use.contains_key(tag.as_str()) {
                continue;
            }
            first_use.insert(tag, (card.line, &card.id));
            order.push(tag);
            let canonical = canonical_tag(tag);
            if canonical != *tag {
                let message = if tag.chars().any(is_hidden) {
                    format!(
                        "tag `{}` holds invisible characters (written here as \\uXXXX): it \
                         matches no tag you can type; retype it",
                        show_hidden(tag)
                    )
                } else if canonical.is_empty() {
                    format!("tag `{tag}` has no letters or digits")
                } else {
                    format!("tag `{tag}` is not lower-case and hyphenated: write `{canonical}`")
                };
                warnings.push(TagWarning {
                    line: card.line,
                    card: card.id.clone(),
                    message,
                });
            }
        }
    }
    let keys: Vec<(&str, String)> = order.iter().map(|t| (*t, comparison_key(t))).collect();
    for (i, (later, later_key)) in keys.iter().enumerate() {
        if later_key.is_empty() {
            continue;
        }
        if let Some((earlier, _)) = keys[..i]
            .iter()
            .find(|(_, k)| !k.is_empty() && near_duplicates(k, later_key))
        {
            let (line, card) = first_use[later];
            warnings.push(TagWarning {
                line,
                card: card.clone(),
                message: format!(
                    "tags `{later}` and `{earlier}` (first used at line {}) look like the same \
                     tag; use one spelling",
                    first_use[earlier].0
                ),
            });
        }
    }
    warnings.sort_by_key(|w| w.line);
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deck::fields::edit_distance;
    use crate::core::deck::{DeckSource, parse_deck};
    use proptest::prelude::*;

    proptest! {
        /// The linear check is the edit distance's answer, on letters that make near misses
        /// likely (and one that is not ASCII).
        #[test]
        fn one_edit_apart_is_an_edit_distance_of_one(a in "[abé-]{0,10}", b in "[abé-]{0,10}") {
            prop_assert_eq!(one_edit_apart(&a, &b), edit_distance(&a, &b) == 1);
        }
    }

    fn deck_with_tags(cards: &[&[&str]]) -> Deck {
        let mut text = String::from(
            "format = 1\n[deck]\nid = \"t\"\ntitle = \"T\"\n[[category]]\nid = \"c\"\ntitle = \"C\"\n",
        );
        for (i, tags) in cards.iter().enumerate() {
            let list: Vec<String> = tags.iter().map(|t| format!("{t:?}")).collect();
            text.push_str(&format!(
                "[[card]]\nid = \"k{i}\"\ncategory = \"c\"\nkind = \"knowledge\"\ntags = [{}]\n\
                 question = \"Q?\"\nanswer = \"A.\"\n",
                list.join(", ")
            ));
        }
        parse_deck(&text, DeckSource::File("t.toml".into())).unwrap()
    }

    #[test]
    fn canonical_tags_are_lower_case_and_hyphenated() {
        assert_eq!(canonical_tag("Shadow IT"), "shadow-it");
        assert_eq!(canonical_tag("ci_cd"), "ci-cd");
        assert_eq!(canonical_tag("  --e-rate-- "), "e-rate");
        assert_eq!(canonical_tag("zero-trust"), "zero-trust");
        assert_eq!(canonical_tag("***"), "");
    }

    #[test]
    fn spelling_variants_are_flagged_once_at_the_later_card() {
        let deck = deck_with_tags(&[
            &["shadow-it", "vendor", "virtualisation", "policy"],
            &[
                "shadow it",
                "vendors",
                "virtualization",
                "policies",
                "budget",
            ],
        ]);
        let warnings = tag_warnings(&deck);
        let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "tag `shadow it` is not lower-case and hyphenated: write `shadow-it`",
                "tags `shadow it` and `shadow-it` (first used at line 8) look like the same tag; use one spelling",
                "tags `vendors` and `vendor` (first used at line 8) look like the same tag; use one spelling",
                "tags `virtualization` and `virtualisation` (first used at line 8) look like the same tag; use one spelling",
                "tags `policies` and `policy` (first used at line 8) look like the same tag; use one spelling",
            ]
        );
        assert!(warnings.iter().all(|w| w.line == 15), "{warnings:?}");
    }

    #[test]
    fn different_tags_and_repeats_are_not_flagged() {
        let deck = deck_with_tags(&[
            &["sla", "ola", "risk", "security", "process", "access"],
            &[
                "sla", "risk", "status", "gdpr", "ccpa", "incident", "identity",
            ],
        ]);
        assert_eq!(tag_warnings(&deck), vec![]);
    }

    #[test]
    fn a_one_letter_typo_in_a_long_tag_is_flagged() {
        let deck = deck_with_tags(&[&["ransomware"], &["ransomwere"]]);
        assert_eq!(tag_warnings(&deck).len(), 1);
    }
}
