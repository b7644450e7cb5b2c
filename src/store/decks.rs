//! Finding and reading deck files: the built-in decks compiled into the binary, the user's
//! decks folder and extra files named on the command line.
//!
//! A broken deck is reported and skipped; it never stops the other decks from loading.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::core::deck::{
    BareDeck, Deck, DeckSource, Diagnostic, Diagnostics, StartDecks, parse_deck,
};
use crate::core::ids::DeckId;
use crate::store::bounded::{ReadError, read_regular};
use crate::store::deck_cache;
use crate::store::deck_overview::{self, SourceKey};

/// The decks compiled into the binary: `(file name, text)`. A test checks that every file in
/// `content/` is listed here.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "it-manager.toml",
        include_str!("../../content/it-manager.toml"),
    ),
    (
        "it-fundamentals.toml",
        include_str!("../../content/it-fundamentals.toml"),
    ),
    (
        "library-it.toml",
        include_str!("../../content/library-it.toml"),
    ),
    (
        "interview-craft.toml",
        include_str!("../../content/interview-craft.toml"),
    ),
];

include!(concat!(env!("OUT_DIR"), "/builtin_keys.rs"));

/// Deck files larger than this are refused before parsing.
pub const MAX_DECK_BYTES: u64 = 32 * 1024 * 1024;

/// Every problem found in one deck file.
pub use crate::core::deck::DeckProblem;

/// The result of loading every deck prepdeck would use.
#[derive(Clone, Debug, Default)]
pub struct LoadedDecks {
    pub decks: Vec<Deck>,
    pub problems: Vec<DeckProblem>,
}

impl LoadedDecks {
    pub fn find(&self, id: &str) -> Option<&Deck> {
        self.decks.iter().find(|d| d.id.as_str() == id)
    }
}

/// Parses one built-in deck.
pub fn load_builtin(name: &str, text: &str) -> Result<Deck, Diagnostics> {
    parse_deck(text, DeckSource::Builtin(name.to_string()))
}

/// Reads and parses one deck file from disk.
pub fn load_file(path: &Path) -> Result<Deck, Diagnostics> {
    let text = read_deck_text(path).map_err(|d| Diagnostics(vec![d]))?;
    parse_deck(&text, DeckSource::File(path.to_path_buf()))
}

fn read_deck_text(path: &Path) -> Result<String, Diagnostic> {
    let origin = path.display().to_string();
    let cannot = |what: String| {
        Diagnostic::whole_file(&origin, format!("cannot read the deck: {what}"), None)
    };
    let bytes = match read_regular(path, MAX_DECK_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(cannot("no such file".into())),
        Err(ReadError::NotRegular { kind: "a folder" }) => {
            return Err(Diagnostic::whole_file(
                &origin,
                "this is a folder, not a deck file",
                None,
            ));
        }
        Err(ReadError::TooLarge { .. }) => {
            return Err(too_large(&origin));
        }
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(cannot("permission denied".into()));
        }
        Err(e) => return Err(cannot(e.to_string())),
    };
    decode_deck_bytes(&origin, bytes)
}

fn too_large(origin: &str) -> Diagnostic {
    Diagnostic::whole_file(
        origin,
        format!(
            "the file is too large for a deck (over {} MiB)",
            MAX_DECK_BYTES / 1024 / 1024
        ),
        Some("split it into several decks".into()),
    )
}

/// Checks the size and encoding of a deck file's bytes and returns its text.
pub fn decode_deck_bytes(origin: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() as u64 > MAX_DECK_BYTES {
        return Err(too_large(origin));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let mut d = Diagnostic::at(
            origin,
            &text,
            valid..valid,
            "the file is not UTF-8 text (is it a binary file?)",
            Some("decks are UTF-8 TOML text files".into()),
        );
        d.width = 1;
        d
    })
}

/// The `*.toml` files of a folder, sorted by name. A missing folder has none.
pub fn deck_files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        // Not only regular files: a folder, a pipe or a broken link named `*.toml` is reported
        // as a deck that cannot be read, not silently left out.
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// Loads the built-in decks, then the user's decks folder, then the extra files, in that order.
/// Broken decks and duplicate deck ids are reported in `problems` and skipped.
pub fn load_all(user_decks_dir: &Path, extra: &[PathBuf]) -> LoadedDecks {
    load_all_cached(user_decks_dir, extra, None)
}

/// [`load_all`], reading and saving parsed decks in `cache` (see [`deck_cache`]) when given.
/// The result, diagnostics included, is the same with or without a cache.
pub fn load_all_cached(
    user_decks_dir: &Path,
    extra: &[PathBuf],
    cache: Option<&Path>,
) -> LoadedDecks {
    let mut results: Vec<(String, Result<Deck, Diagnostics>)> = BUILTIN
        .iter()
        .map(|(name, text)| {
            let source = DeckSource::Builtin(name.to_string());
            (
                format!("built-in:{name}"),
                parse_cached(text, source, cache),
            )
        })
        .collect();
    for path in deck_files_in(user_decks_dir).iter().chain(extra) {
        let loaded = read_deck_text(path)
            .map_err(|d| Diagnostics(vec![d]))
            .and_then(|text| parse_cached(&text, DeckSource::File(path.to_path_buf()), cache));
        results.push((path.display().to_string(), loaded));
    }
    collect(results)
}

/// The decks as the app's first frame needs them: each deck bare ([`BareDeck`]) when the
/// deck overview cache in `cache` ([`deck_overview`]) holds it for the same source, else read
/// whole through the deck cache. Decks with problems are always read, so their problems are
/// the parser's; which decks load, in which order, and every problem are as
/// [`load_all_cached`]'s. When no deck came from the overview cache, the decks are given whole;
/// when some did, every deck is given bare (those read whole too: the whole ones are loaded
/// again after the first frame). When a deck that loads was not in the overview cache (or
/// another version of it was), the cache is saved again.
pub fn load_first(user_decks_dir: &Path, extra: &[PathBuf], cache: &Path) -> FirstDecks {
    let mut overview = deck_overview::read(cache);
    let mut served = 0usize;
    // Each source's key, taken before it is read.
    let mut keys: HashMap<String, SourceKey> = HashMap::new();
    let mut take = |source: &DeckSource, key: Option<SourceKey>| {
        let key = key?;
        keys.insert(source.display_name(), key);
        let deck = overview.take(source, &key)?;
        served += 1;
        Some(deck)
    };
    let mut results: Vec<(String, Result<First, Diagnostics>)> = Vec::new();
    for (name, text) in BUILTIN {
        let source = DeckSource::Builtin(name.to_string());
        let loaded = match take(&source, Some(SourceKey::of_builtin(name, text))) {
            Some(deck) => Ok(First::Bare(deck)),
            None => parse_cached(text, source, Some(cache)).map(First::Whole),
        };
        results.push((format!("built-in:{name}"), loaded));
    }
    for path in deck_files_in(user_decks_dir).iter().chain(extra) {
        let source = DeckSource::File(path.to_path_buf());
        let loaded = match take(&source, SourceKey::of_file(path)) {
            Some(deck) => Ok(First::Bare(deck)),
            None => read_deck_text(path)
                .map_err(|d| Diagnostics(vec![d]))
                .and_then(|text| parse_cached(&text, source, Some(cache)))
                .map(First::Whole),
        };
        results.push((path.display().to_string(), loaded));
    }
    let (decks, problems) = collect_by_id(results, First::id);
    // Decks with problems are never kept in the overview: only a deck that loaded whole
    // makes it stale.
    let stale = decks.iter().any(|d| matches!(d, First::Whole(_)));
    if served == 0 {
        let decks: Vec<Deck> = decks
            .into_iter()
            .filter_map(|d| match d {
                First::Whole(deck) => Some(deck),
                First::Bare(_) => None,
            })
            .collect();
        if stale {
            let bare: Vec<BareDeck> = decks.iter().filter_map(BareDeck::of).collect();
            save_overview(cache, &keys, &bare);
        }
        return FirstDecks {
            decks: StartDecks::Whole(decks),
            problems,
        };
    }
    let bare: Vec<BareDeck> = decks
        .into_iter()
        .filter_map(|d| match d {
            First::Bare(deck) => Some(deck),
            First::Whole(deck) => BareDeck::of(&deck),
        })
        .collect();
    if stale {
        save_overview(cache, &keys, &bare);
    }
    FirstDecks {
        decks: StartDecks::Bare(bare),
        problems,
    }
}

/// A deck as [`load_first`] read it.
enum First {
    Bare(BareDeck),
    Whole(Deck),
}

impl First {
    fn id(&self) -> &DeckId {
        match self {
            First::Bare(d) => &d.head.id,
            First::Whole(d) => &d.id,
        }
    }
}

/// Saves `decks` in the overview cache, each under the key of its source in `keys`.
fn save_overview(cache: &Path, keys: &HashMap<String, SourceKey>, decks: &[BareDeck]) {
    let keyed: Vec<(SourceKey, &BareDeck)> = decks
        .iter()
        .filter_map(|d| Some((*keys.get(&d.head.source.display_name())?, d)))
        .collect();
    deck_overview::save(cache, &keyed);
}

/// What [`load_first`] gave: the decks that load, whole or bare (then the whole ones are still
/// to be loaded: [`load_all_cached`]), and the files that did not load.
#[derive(Debug)]
pub struct FirstDecks {
    pub decks: StartDecks,
    pub problems: Vec<DeckProblem>,
}

impl FirstDecks {
    /// Whether the decks are bare.
    pub fn bare(&self) -> bool {
        matches!(self.decks, StartDecks::Bare(_))
    }
}

fn parse_cached(text: &str, source: DeckSource, cache: Option<&Path>) -> Result<Deck, Diagnostics> {
    let Some(dir) = cache else {
        return parse_deck(text, source);
    };
    if let Some(parsed) = deck_cache::load(dir, text, &source) {
        return parsed;
    }
    let parsed = parse_deck(text, source.clone());
    deck_cache::store(dir, text, &source, &parsed);
    parsed
}

/// Loads exactly the given files (for `decks check PATH...`).
pub fn load_files(paths: &[PathBuf]) -> LoadedDecks {
    collect(
        paths
            .iter()
            .map(|p| (p.display().to_string(), load_file(p)))
            .collect(),
    )
}

fn collect(results: Vec<(String, Result<Deck, Diagnostics>)>) -> LoadedDecks {
    let (decks, problems) = collect_by_id(results, |d| &d.id);
    LoadedDecks { decks, problems }
}

/// The decks of `results` in order, but for those whose id an earlier deck has, and every
/// problem (a repeated id is one).
fn collect_by_id<T>(
    results: Vec<(String, Result<T, Diagnostics>)>,
    id_of: impl Fn(&T) -> &DeckId,
) -> (Vec<T>, Vec<DeckProblem>) {
    let mut out = (Vec::new(), Vec::new());
    let mut seen: HashMap<String, String> = HashMap::new();
    for (origin, result) in results {
        match result {
            Ok(deck) => {
                let id = id_of(&deck).to_string();
                if let Some(first) = seen.get(&id) {
                    out.1.push(DeckProblem {
                        origin: origin.clone(),
                        diagnostics: Diagnostics(vec![Diagnostic::whole_file(
                            &origin,
                            format!("deck id `{id}` is already used by {first}"),
                            Some("deck ids must be unique; change `id` in the [deck] table of one of the two files".into()),
                        )]),
                    });
                } else {
                    seen.insert(id, origin);
                    out.0.push(deck);
                }
            }
            Err(diagnostics) => out.1.push(DeckProblem {
                origin,
                diagnostics,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_deck_is_valid() {
        for (name, text) in BUILTIN {
            if let Err(d) = load_builtin(name, text) {
                panic!("{name} is invalid:\n{d}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let source = DeckSource::File("fuzz.toml".into());
            match decode_deck_bytes("fuzz.toml", bytes) {
                Ok(text) => {
                    if let Err(d) = parse_deck(&text, source) {
                        proptest::prop_assert!(!d.is_empty());
                        let _ = d.to_string();
                    }
                }
                Err(d) => { let _ = d.to_string(); }
            }
        }
    }

    #[test]
    fn build_time_keys_of_the_builtin_decks_are_their_hashes() {
        assert_eq!(BUILTIN_TEXT_KEYS.len(), BUILTIN.len());
        for (name, text) in BUILTIN {
            assert!(BUILTIN_TEXT_KEYS.iter().any(|(n, ..)| n == name), "{name}");
            assert_eq!(SourceKey::of_builtin(name, text), SourceKey::of_text(text));
        }
        // A text the build did not see is hashed.
        let other = "[deck]\nid = \"x\"\n";
        assert_eq!(
            SourceKey::of_builtin(BUILTIN[0].0, other),
            SourceKey::of_text(other)
        );
        assert_ne!(
            SourceKey::of_builtin(BUILTIN[0].0, other),
            SourceKey::of_builtin(BUILTIN[0].0, BUILTIN[0].1)
        );
    }

    #[test]
    fn every_content_file_is_compiled_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let on_disk: Vec<String> = deck_files_in(&dir)
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        let mut listed: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }
}
