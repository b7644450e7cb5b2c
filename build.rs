//! Writes the vocabulary of the built-in decks (every word of `content/*.toml`, lowercased,
//! sorted, once) to `$OUT_DIR/vocabulary.rs` for the key-point matcher: a typed word that is a
//! word of the bank is never taken for a typo of another ("contact" is not "contract"), and a
//! derived word is told from its base by whether the base is a word ("developer" is not
//! "develop"). Derived from the decks, never listed by hand.
//!
//! Also writes `$OUT_DIR/builtin_keys.rs`: each built-in deck's length and XXH3 hash, the key
//! of its entry in the deck overview cache, so that a start does not hash the megabyte of
//! deck text compiled into the binary (reading it in costs page faults too) before its first
//! frame. A test checks them against the hash worked out at run time.
//!
//! On Linux with glibc, links the `prepdeck` binary as a position-dependent executable
//! (`-no-pie`): the dynamic loader then has no relative relocations to apply at every start
//! (18,500 of them, about 0.4 ms of the built-in decks' 4 ms budget, measured in
//! docs/performance.md, session 10). Only the binary's own image loses address randomisation;
//! the libraries, heap and stack keep it, and the crate forbids `unsafe` code.

use std::collections::BTreeSet;
use std::path::Path;

fn main() {
    let dir = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("content/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    write_builtin_keys(&files);
    let mut words = BTreeSet::new();
    // Acronyms: words the bank writes in capitals ("RTO", "KPIs") and never in lower case in
    // its prose (keywords, tags and ids are written in lower case, so those lines do not count):
    // "IT" and "US" are not acronyms here, "it" and "us" are common words.
    let mut capitals = BTreeSet::new();
    let mut prose_lower = BTreeSet::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("a built-in deck is UTF-8 text");
        for line in text.lines() {
            let key = line.split('=').next().unwrap_or("").trim();
            let prose = ![
                "keywords", "together", "require", "tags", "id", "category", "kind",
            ]
            .contains(&key);
            // The same split as `core::matcher::words`: runs of letters and digits.
            for w in line.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() || w.chars().any(|c| c.is_numeric()) {
                    continue;
                }
                words.insert(w.to_lowercase());
                let letters = w.strip_suffix('s').unwrap_or(w);
                if (2..=6).contains(&letters.len())
                    && letters.chars().all(|c| c.is_ascii_uppercase())
                {
                    capitals.insert(letters.to_lowercase());
                } else if prose && w.chars().all(|c| c.is_lowercase()) {
                    prose_lower.insert(w.to_string());
                }
            }
        }
    }
    let acronyms: Vec<&String> = capitals.difference(&prose_lower).collect();
    let mut out = String::from(
        "/// Every word of the built-in decks, lowercased and sorted (written by build.rs).\n\
         pub static VOCABULARY: &[&str] = &[\n",
    );
    for w in &words {
        out.push_str(&format!("    {w:?},\n"));
    }
    out.push_str(
        "];\n\n/// The acronyms of the built-in decks, lowercased and sorted (written by build.rs).\n\
         pub static ACRONYMS: &[&str] = &[\n",
    );
    for w in acronyms {
        out.push_str(&format!("    {w:?},\n"));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("vocabulary.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
    write_topics(&files);
}

/// Writes `$OUT_DIR/topics.rs`: for each built-in card, its key (`deck/card`) and every word
/// of its fields (question, guidance, model answer, follow-ups, notes, key points and their
/// terms), lowercased, each once. The answer checker compares an answer with every card of the
/// bank to tell an answer to this question from an answer to another one
/// (`core::analysis::relevance`). Field names are left out; values are read line by line, as
/// the decks are written (`key = "..."`, `key = [...]` and `"""` blocks).
fn write_topics(files: &[std::path::PathBuf]) {
    const FIELDS: &[&str] = &[
        "id",
        "category",
        "kind",
        "level",
        "tags",
        "question",
        "guidance",
        "answer",
        "outline",
        "own_story",
        "manager_angle",
        "jurisdiction",
        "checked",
        "follow_ups",
        "text",
        "keywords",
        "together",
        "require",
        "answer_seconds",
    ];
    let mut out = String::from(
        "/// Each built-in card's key, question and the words of its fields, lowercased, each once\n\
         /// (written by build.rs).\n\
         pub static TOPICS: &[(&str, &str, &str)] = &[\n",
    );
    for f in files {
        let text = std::fs::read_to_string(f).expect("a built-in deck is UTF-8 text");
        let mut deck = String::new();
        let mut card: Option<(String, String, BTreeSet<String>)> = None;
        let mut in_deck = false;
        let flush = |card: &mut Option<(String, String, BTreeSet<String>)>, out: &mut String| {
            if let Some((key, question, words)) = card.take() {
                let joined: Vec<&str> = words.iter().map(String::as_str).collect();
                out.push_str(&format!(
                    "    ({key:?}, {question:?}, {:?}),\n",
                    joined.join(" ")
                ));
            }
        };
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with('[')
                && !trimmed.starts_with("[[card.")
                && !trimmed.starts_with("[\"")
            {
                flush(&mut card, &mut out);
                in_deck = trimmed == "[deck]";
                if trimmed == "[[card]]" {
                    card = Some((String::new(), String::new(), BTreeSet::new()));
                }
                continue;
            }
            if trimmed.starts_with("[[card.") {
                continue;
            }
            let (key, value) = match trimmed.split_once('=') {
                Some((k, v)) if FIELDS.contains(&k.trim()) => (k.trim(), v),
                _ => ("", trimmed),
            };
            if in_deck && key == "id" && deck.is_empty() {
                deck = value.trim().trim_matches('"').to_string();
            }
            let Some((id, question, words)) = card.as_mut() else {
                continue;
            };
            if key == "question" {
                *question = value.trim().trim_matches('"').to_string();
            }
            if key == "id" && id.is_empty() {
                *id = format!("{deck}/{}", value.trim().trim_matches('"'));
                continue;
            }
            if trimmed.starts_with('#')
                || matches!(key, "category" | "kind" | "level" | "answer_seconds")
            {
                continue;
            }
            for w in value.split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() {
                    words.insert(w.to_lowercase());
                }
            }
        }
        flush(&mut card, &mut out);
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("topics.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

/// `(file name, length, XXH3-64 of the text)` of every built-in deck.
fn write_builtin_keys(files: &[std::path::PathBuf]) {
    let mut out = String::from(
        "/// `(file name, length, XXH3-64 hash)` of each built-in deck's text (written by build.rs).\n\
         pub static BUILTIN_TEXT_KEYS: &[(&str, u64, u64)] = &[\n",
    );
    for f in files {
        let bytes = std::fs::read(f).expect("content/ is readable");
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a built-in deck's name is UTF-8");
        out.push_str(&format!(
            "    ({name:?}, {}, {:#018x}),\n",
            bytes.len(),
            xxhash_rust::xxh3::xxh3_64(&bytes)
        ));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_keys.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
