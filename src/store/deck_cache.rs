//! A cache of parsed decks in `<home>/cache/decks/`, so that a large deck is not parsed as TOML
//! on every start (a 10,000-card deck took over 100 ms).
//!
//! An entry holds what parsing a deck's text gave: the deck, or every problem found in it (a
//! broken 450 KB deck in `<home>/decks` was parsed again on every start, 2.5 s each time). An
//! entry is used only when the deck's text is byte for byte the one it was made from (same
//! length and content hash; the hash is over the text itself, so a changed file is never
//! served stale whatever its mtime says), the origin is the same, and it was written by a
//! build with the same deck parser, model and messages (a hash of their source is compiled
//! in), so a cached problem reads exactly as the parser's own. Anything else (missing,
//! unreadable, truncated, corrupt, from another build) is ignored and rebuilt: the cache can
//! never cause an error. Entries are written atomically (0600, in a 0700 folder); failing to
//! write one is ignored.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use crate::core::deck::{
    Card, CardNotes, Category, Deck, DeckSource, Diagnostic, Diagnostics, KeyPoint, Kind,
};
use crate::core::fast_hash::FastHasher;
use crate::core::ids::{CardId, CategoryId, DeckId};
use crate::store::bounded::{MAX_CACHE_BYTES, open_regular};
use crate::store::cache_key;
use crate::store::codec::{Dec, Enc, FNV_START, fingerprint, fnv};
use crate::store::paths::{ensure_private_dir, write_cache_replace};

const MAGIC: &[u8; 8] = b"PDDECK4\n";

/// Changes whenever the deck parser, the deck model or this encoding changes.
pub(crate) const BUILD: u64 = fingerprint(&[
    env!("CARGO_PKG_VERSION"),
    include_str!("../core/deck/model.rs"),
    include_str!("../core/deck/parse.rs"),
    include_str!("../core/deck/parse_walker.rs"),
    include_str!("../core/deck/parse_key_points.rs"),
    include_str!("../core/deck/fields.rs"),
    include_str!("../core/deck/diagnostic.rs"),
    include_str!("../core/toml_error.rs"),
    include_str!("../core/deck/notes.rs"),
    // Problems quote values cleaned by it.
    include_str!("../core/text.rs"),
    // Key points carry their question's stems, computed by the matcher.
    include_str!("../core/matcher/mod.rs"),
    include_str!("../core/matcher/lexicon.rs"),
    include_str!("deck_cache.rs"),
    include_str!("codec.rs"),
]);

fn content_hash(text: &str) -> u64 {
    let mut h = FastHasher::default();
    h.write(text.as_bytes());
    h.write_usize(text.len());
    h.finish()
}

fn entry_path(dir: &Path, origin: &str) -> PathBuf {
    dir.join(format!("{:016x}.bin", fnv(origin.as_bytes(), FNV_START)))
}

/// What parsing gave: the deck, or every problem in the file.
pub type Parsed = Result<Deck, Diagnostics>;

/// What parsing `text` from `source` gave, if there is a valid entry.
pub fn load(dir: &Path, text: &str, source: &DeckSource) -> Option<Parsed> {
    let origin = source.display_name();
    let key = cache_key::existing(dir.parent()?)?;
    // Read a piece at a time: the entry of a big deck is megabytes that a start would
    // otherwise hold beside the deck it decodes.
    let mut file = open_regular(
        &entry_path(dir, &origin),
        std::fs::OpenOptions::new().read(true),
    )
    .ok()?;
    let size = file.metadata().ok()?.len();
    if size > MAX_CACHE_BYTES {
        return None;
    }
    let mut d = Dec::sealed_stream(MAGIC, key, &mut file, size)?;
    if d.u64()? != BUILD
        || d.u64()? != text.len() as u64
        || d.u64()? != content_hash(text)
        || d.str()? != origin
    {
        return None;
    }
    let parsed = match d.u8()? {
        DECK => Ok(d.deck(source.clone())?),
        PROBLEMS => Err(Diagnostics(d.list(Dec::diagnostic)?)),
        _ => return None,
    };
    d.finish().then_some(parsed)
}

/// Saves what parsing `text` from `source` gave. Failures are ignored (it is only a cache).
pub fn store(dir: &Path, text: &str, source: &DeckSource, parsed: &Parsed) {
    let origin = source.display_name();
    let mut e = Enc::with_capacity(text.len() + 1024);
    e.u64(BUILD);
    e.u64(text.len() as u64);
    e.u64(content_hash(text));
    e.str(&origin);
    match parsed {
        Ok(deck) => {
            e.u8(DECK);
            e.deck(deck);
        }
        Err(problems) => {
            e.u8(PROBLEMS);
            e.u64(problems.len() as u64);
            for p in problems.iter() {
                e.diagnostic(p);
            }
        }
    }
    let Some(key) = dir.parent().and_then(cache_key::get_or_make) else {
        return;
    };
    if ensure_private_dir(dir).is_ok() {
        let _ = write_cache_replace(&entry_path(dir, &origin), &e.seal(MAGIC, key));
    }
}

/// What an entry holds after its header.
const DECK: u8 = 0;
const PROBLEMS: u8 = 1;

impl Enc {
    fn diagnostic(&mut self, d: &Diagnostic) {
        self.str(&d.origin);
        self.u64(d.line as u64);
        self.u64(d.column as u64);
        self.str(&d.line_text);
        self.u64(d.width as u64);
        self.str(&d.message);
        self.opt_str(d.help.as_deref());
    }

    /// What a deck says of itself and its categories (the deck overview writes it too).
    pub(crate) fn deck_head(&mut self, deck: &Deck) {
        self.str(deck.id.as_str());
        self.str(&deck.title);
        self.opt_str(deck.description.as_deref());
        self.opt_str(deck.role.as_deref());
        self.opt_u64(deck.answer_seconds.map(u64::from));
        self.u64(deck.categories.len() as u64);
        for c in &deck.categories {
            self.str(c.id.as_str());
            self.str(&c.title);
            self.opt_str(c.description.as_deref());
        }
    }

    fn deck(&mut self, deck: &Deck) {
        self.deck_head(deck);
        self.u64(deck.cards.len() as u64);
        for c in &deck.cards {
            self.str(c.id.as_str());
            self.str(c.category.as_str());
            self.u8(c.kind as u8);
            self.opt_u64(c.level.map(u64::from));
            self.strs(&c.tags);
            self.str(&c.question);
            self.opt_str(c.guidance.as_deref());
            self.str(&c.answer);
            self.opt_u64(c.answer_seconds.map(u64::from));
            self.strs(&c.follow_ups);
            self.u64(c.key_points.len() as u64);
            for k in &c.key_points {
                self.str(&k.text);
                self.strs(&k.keywords);
                self.u64(k.together.len() as u64);
                for g in &k.together {
                    self.strs(g);
                }
                self.strs(&k.require);
                self.strs(&k.question);
                self.u64(k.line as u64);
            }
            self.strs(&c.notes.outline);
            self.opt_str(c.notes.own_story.as_deref());
            self.opt_str(c.notes.manager_angle.as_deref());
            self.opt_str(c.notes.jurisdiction.as_deref());
            self.opt_str(c.notes.checked.as_deref());
            self.u64(c.line as u64);
        }
    }
}

impl Dec<'_> {
    fn diagnostic(&mut self) -> Option<Diagnostic> {
        Some(Diagnostic {
            origin: self.str()?,
            line: usize::try_from(self.u64()?).ok()?,
            column: usize::try_from(self.u64()?).ok()?,
            line_text: self.str()?,
            width: usize::try_from(self.u64()?).ok()?,
            message: self.str()?,
            help: self.opt(Self::str)?,
        })
    }

    fn deck(&mut self, source: DeckSource) -> Option<Deck> {
        Some(Deck {
            id: DeckId(self.str()?),
            title: self.str()?,
            description: self.opt(Self::str)?,
            role: self.opt(Self::str)?,
            answer_seconds: self.small()?,
            categories: self.categories()?,
            cards: self.list(Self::card)?,
            source,
        })
    }

    /// A deck's categories, as [`Enc::deck_head`] wrote them.
    pub(crate) fn categories(&mut self) -> Option<Vec<Category>> {
        self.list(|d| {
            Some(Category {
                id: CategoryId(d.str()?),
                title: d.str()?,
                description: d.opt(Self::str)?,
            })
        })
    }

    fn card(&mut self) -> Option<Card> {
        Some(Card {
            id: CardId(self.str()?),
            category: CategoryId(self.str()?),
            kind: *Kind::ALL.get(usize::from(self.u8()?))?,
            level: self.small()?,
            tags: self.list(Self::str)?,
            question: self.str()?,
            guidance: self.opt(Self::str)?,
            answer: self.str()?,
            answer_seconds: self.small()?,
            follow_ups: self.list(Self::str)?,
            key_points: self.list(|d| {
                Some(KeyPoint {
                    text: d.str()?,
                    keywords: d.list(Self::str)?,
                    together: d.list(|g| g.list(Self::str))?,
                    require: d.list(Self::str)?,
                    question: d.list(Self::str)?,
                    line: usize::try_from(d.u64()?).ok()?,
                })
            })?,
            notes: CardNotes {
                outline: self.list(Self::str)?,
                own_story: self.opt(Self::str)?,
                manager_angle: self.opt(Self::str)?,
                jurisdiction: self.opt(Self::str)?,
                checked: self.opt(Self::str)?,
            },
            line: usize::try_from(self.u64()?).ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deck::parse_deck;
    use crate::store::decks::BUILTIN;

    #[test]
    fn every_builtin_deck_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in BUILTIN {
            let source = DeckSource::File(format!("/x/{name}").into());
            let deck = parse_deck(text, source.clone()).unwrap();
            assert!(load(dir.path(), text, &source).is_none());
            store(dir.path(), text, &source, &Ok(deck.clone()));
            assert_eq!(load(dir.path(), text, &source), Some(Ok(deck)));
        }
    }

    #[test]
    fn a_changed_text_or_origin_or_a_damaged_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let (_, text) = BUILTIN[0];
        let source = DeckSource::File("/x/a.toml".into());
        let deck = parse_deck(text, source.clone()).unwrap();
        store(dir.path(), text, &source, &Ok(deck.clone()));
        let edited = text.replacen("question", "questioN", 1);
        assert!(load(dir.path(), &edited, &source).is_none());
        assert!(load(dir.path(), text, &DeckSource::File("/x/b.toml".into())).is_none());
        let path = entry_path(dir.path(), &source.display_name());
        let bytes = std::fs::read(&path).unwrap();
        for cut in [0, 7, 30, bytes.len() / 2, bytes.len() - 1] {
            std::fs::write(&path, &bytes[..cut]).unwrap();
            assert!(load(dir.path(), text, &source).is_none());
        }
        let mut flipped = bytes.clone();
        flipped[9] ^= 1;
        std::fs::write(&path, &flipped).unwrap();
        assert!(load(dir.path(), text, &source).is_none());
        let mut long = bytes.clone();
        long.push(0);
        std::fs::write(&path, &long).unwrap();
        assert!(load(dir.path(), text, &source).is_none());
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(load(dir.path(), text, &source), Some(Ok(deck)));
    }

    /// A deck with problems is cached too, keyed the same way: the same problems come back
    /// (their text included) until the file changes.
    #[test]
    fn problems_are_cached_like_decks() {
        let dir = tempfile::tempdir().unwrap();
        let source = DeckSource::File("/x/broken.toml".into());
        let text = "format = 1\n[deck]\nid = \"Bad Id\"\ntitle = \"t\"\nquestoin = 1\n";
        let parsed = parse_deck(text, source.clone());
        let problems = parsed.clone().unwrap_err();
        assert!(problems.len() >= 2, "{problems}");
        store(dir.path(), text, &source, &parsed);
        let cached = load(dir.path(), text, &source).unwrap();
        assert_eq!(cached, parsed);
        assert_eq!(cached.unwrap_err().to_string(), problems.to_string());
        // An edit (a fix) is a miss: the file is parsed again.
        let fixed = text.replace("Bad Id", "bad-id");
        assert!(load(dir.path(), &fixed, &source).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn entries_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let home = tempfile::tempdir().unwrap();
        let dir = crate::store::paths::Home::at(home.path()).deck_cache_dir();
        let (name, text) = BUILTIN[0];
        let deck = parse_deck(text, DeckSource::Builtin(name.into())).unwrap();
        store(&dir, text, &deck.source, &Ok(deck.clone()));
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&entry_path(&dir, &deck.source.display_name())), 0o600);
    }
}
