//! Ids and tags made from free text: `"What is DNS?"` -> `what-is-dns`.

use std::collections::HashSet;

/// Card ids are cut to about this many characters (at a word boundary when possible).
const MAX_SLUG: usize = 48;

/// Lowercase ASCII letters, digits and single dashes; common accented Latin letters lose their
/// accent. May be empty (text with no letters or digits a slug can use).
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold(c);
        if folded.is_empty() {
            dash = !out.is_empty();
            continue;
        }
        if dash {
            out.push('-');
            dash = false;
        }
        out.push_str(folded);
    }
    out
}

/// A slug cut to [`MAX_SLUG`] characters, preferring to cut between words.
pub fn short_slug(text: &str) -> String {
    let slug = slugify(text);
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    // Slugs are ASCII, so byte indexes are character indexes.
    let cut = &slug[..MAX_SLUG];
    match cut.rfind('-') {
        Some(i) if i >= MAX_SLUG / 2 => cut[..i].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

/// `base`, or `base-2`, `base-3`... whichever is not taken yet; records the result as taken.
pub fn unique(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// A prepdeck tag from an Anki or spreadsheet tag: lowercase, `::` hierarchies and spaces
/// turned into `-`. `None` when nothing is left.
pub fn tag(raw: &str) -> Option<String> {
    let lower = raw.trim().to_lowercase().replace("::", "-");
    let mut out = String::new();
    for c in lower.chars() {
        if c.is_whitespace() || c == '-' {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else if !c.is_control() {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// The ASCII a lowercase character contributes to a slug ("" for a separator).
fn fold(c: char) -> &'static str {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    if c.is_ascii_alphanumeric() {
        let i = ASCII.find(c).unwrap_or(0);
        return &ASCII[i..=i];
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '+' => "plus",
        '#' => "sharp",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slugify("What is DNS?"), "what-is-dns");
        assert_eq!(slugify("  Café & Crème brûlée  "), "cafe-creme-brulee");
        assert_eq!(slugify("C++ vs C#"), "cplusplus-vs-csharp");
        assert_eq!(slugify("???"), "");
        assert_eq!(slugify("日本語"), "");
        assert_eq!(slugify("My Anki Export (2024)"), "my-anki-export-2024");
    }

    #[test]
    fn long_slugs_are_cut_between_words() {
        let s = short_slug("Tell us about a time you had to deliver a project with a budget cut");
        assert_eq!(s, "tell-us-about-a-time-you-had-to-deliver-a");
        assert!(s.len() <= MAX_SLUG);
        assert_eq!(short_slug(&"x".repeat(100)).len(), MAX_SLUG);
    }

    #[test]
    fn unique_adds_a_counter() {
        let mut taken = HashSet::new();
        assert_eq!(unique("q", &mut taken), "q");
        assert_eq!(unique("q", &mut taken), "q-2");
        assert_eq!(unique("q", &mut taken), "q-3");
        assert_eq!(unique("q-2", &mut taken), "q-2-2");
    }

    #[test]
    fn anki_tags_become_prepdeck_tags() {
        assert_eq!(tag("Networking::DNS").as_deref(), Some("networking-dns"));
        assert_eq!(
            tag("  Leadership Skills ").as_deref(),
            Some("leadership-skills")
        );
        assert_eq!(tag("::"), None);
        assert_eq!(tag(""), None);
    }

    proptest! {
        #[test]
        fn slugs_only_hold_id_characters(s in any::<String>()) {
            let slug = short_slug(&s);
            prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        }
    }
}
