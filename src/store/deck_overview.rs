//! The deck overview cache, `<home>/cache/decks/overview.bin`: every deck that loads, bare
//! ([`BareDeck`]: titles, categories, each card's id, category and kind, no texts), so that
//! the app's first frame does not read and decode every card's text (at 10,000 cards that was
//! most of the first frame). The whole decks load right after it (see
//! [`crate::store::decks::load_first`]).
//!
//! An entry is used only for the same source: a built-in deck whose text has the same length
//! and hash, or a deck file whose stamp ([`FileStamp`]: device, inode, length, modification
//! and change times) is the one recorded, taken before the file was read and only once it had
//! been still for a second (a write in the same tick of the file system's clock could leave
//! the times as they were). The file must have been written by a build with the same deck
//! parser and the same bare form (a hash of their source is compiled in) and be sealed with
//! this home's key. Anything else (missing, truncated, corrupt, from another build) is ignored
//! and rebuilt: the cache can never cause an error, and the app checks what it showed against
//! the whole decks as soon as they are loaded. Written atomically (0600, in a 0700 folder);
//! failing to write is ignored.

use std::path::Path;

use crate::core::deck::{BareDeck, CardTable, Deck, DeckSource, Kind};
use crate::core::ids::{CategoryId, DeckId};
use crate::store::bounded::{MAX_CACHE_BYTES, open_regular};
use crate::store::cache_key;
use crate::store::codec::{Dec, Enc, fnv};
use crate::store::log::FileStamp;
use crate::store::paths::{ensure_private_dir, write_cache_replace};

const MAGIC: &[u8; 8] = b"PDOVER1\n";
const FILE: &str = "overview.bin";

/// Changes whenever the deck parser or model (the deck cache's fingerprint), the bare form or
/// this encoding changes.
const BUILD: u64 = fnv(
    concat!(
        include_str!("deck_overview.rs"),
        include_str!("../core/deck/table.rs")
    )
    .as_bytes(),
    crate::store::deck_cache::BUILD,
);

/// The overview cache's file in the deck cache folder `dir`.
pub fn file(dir: &Path) -> std::path::PathBuf {
    dir.join(FILE)
}

/// What an entry is valid for: the text of a built-in deck, or the stamp of a deck file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKey {
    Text { len: u64, hash: u64 },
    File(FileStamp),
}

impl SourceKey {
    /// The key of a deck's text (built-in decks: their text is in the binary).
    pub fn of_text(text: &str) -> SourceKey {
        SourceKey::Text {
            len: text.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
        }
    }

    /// The key of the built-in deck `name` whose text is `text`: its length and hash as
    /// build.rs worked them out ([`crate::store::decks::BUILTIN_TEXT_KEYS`]), so no start
    /// hashes the deck text compiled into the binary; worked out here for a text they do
    /// not describe.
    pub fn of_builtin(name: &str, text: &str) -> SourceKey {
        match crate::store::decks::BUILTIN_TEXT_KEYS
            .iter()
            .find(|(n, ..)| *n == name)
        {
            Some(&(_, len, hash)) if len == text.len() as u64 => SourceKey::Text { len, hash },
            _ => SourceKey::of_text(text),
        }
    }

    /// The stamp of the file at `path` (links followed, as reading it does); `None` when it
    /// is not a regular file that can be looked at.
    pub fn of_file(path: &Path) -> Option<SourceKey> {
        let meta = std::fs::metadata(path).ok()?;
        meta.is_file()
            .then(|| SourceKey::File(FileStamp::of_metadata(&meta)))
    }

    /// Whether an entry may be kept under this key: a file's stamp only once it is settled.
    fn lasting(&self) -> bool {
        match self {
            SourceKey::Text { .. } => true,
            SourceKey::File(stamp) => stamp.is_settled(),
        }
    }
}

/// The bare decks of the overview cache, by origin ([`DeckSource::display_name`]).
#[derive(Debug, Default)]
pub struct Overview {
    entries: Vec<(String, SourceKey, BareDeck)>,
}

impl Overview {
    /// The bare deck of `source` if its entry was made under `key`, taken out of the cache.
    pub fn take(&mut self, source: &DeckSource, key: &SourceKey) -> Option<BareDeck> {
        let origin = source.display_name();
        let i = self.entries.iter().position(|(o, _, _)| *o == origin)?;
        let (_, k, mut deck) = self.entries.swap_remove(i);
        if k != *key {
            return None;
        }
        deck.head.source = source.clone();
        Some(deck)
    }
}

/// The overview cache in the deck cache folder `dir`; empty when there is none usable.
pub fn read(dir: &Path) -> Overview {
    read_entries(dir).unwrap_or_default()
}

fn read_entries(dir: &Path) -> Option<Overview> {
    let key = cache_key::existing(dir.parent()?)?;
    let mut file = open_regular(&dir.join(FILE), std::fs::OpenOptions::new().read(true)).ok()?;
    let size = file.metadata().ok()?.len();
    if size > MAX_CACHE_BYTES {
        return None;
    }
    let mut d = Dec::sealed_stream(MAGIC, key, &mut file, size)?;
    if d.u64()? != BUILD {
        return None;
    }
    let entries = d.list(|d| {
        let origin = d.str()?;
        let key = d.source_key()?;
        let deck = d.bare_deck()?;
        Some((origin, key, deck))
    })?;
    d.finish().then_some(Overview { entries })
}

/// Saves the bare `decks`, each with the key of the source it was read from (taken before
/// reading). Decks whose key is not lasting are left out. Failures are ignored.
pub fn save(dir: &Path, decks: &[(SourceKey, &BareDeck)]) {
    let kept: Vec<_> = decks.iter().filter(|(k, _)| k.lasting()).collect();
    let mut e = Enc::with_capacity(4096);
    e.u64(BUILD);
    e.u64(kept.len() as u64);
    for (key, deck) in kept {
        e.str(&deck.head.source.display_name());
        e.source_key(key);
        e.bare_deck(deck);
    }
    let Some(key) = dir.parent().and_then(cache_key::get_or_make) else {
        return;
    };
    if ensure_private_dir(dir).is_ok() {
        let _ = write_cache_replace(&dir.join(FILE), &e.seal(MAGIC, key));
    }
}

const TEXT: u8 = 0;
const STAMP: u8 = 1;

impl Enc {
    fn source_key(&mut self, key: &SourceKey) {
        match key {
            SourceKey::Text { len, hash } => {
                self.u8(TEXT);
                self.u64(*len);
                self.u64(*hash);
            }
            SourceKey::File(s) => {
                self.u8(STAMP);
                for n in [s.dev, s.ino, s.len] {
                    self.u64(n);
                }
                for (secs, nanos) in [s.mtime, s.ctime] {
                    self.u64(secs as u64);
                    self.u64(nanos as u64);
                }
            }
        }
    }

    /// A bare deck: the deck itself, then its cards' table column by column (the ids as one
    /// string, then each card's id end, category place and kind as blocks of fixed size).
    fn bare_deck(&mut self, deck: &BareDeck) {
        self.deck_head(&deck.head);
        let t = &deck.cards;
        self.str(t.ids());
        self.u64(t.ends().len() as u64);
        for &end in t.ends() {
            self.u32(end);
        }
        for &category in t.categories() {
            self.u32(category);
        }
        for &kind in t.kinds() {
            self.u8(kind as u8);
        }
        self.u64(t.unlisted().len() as u64);
        for c in t.unlisted() {
            self.str(c.as_str());
        }
    }
}

impl Dec<'_> {
    fn source_key(&mut self) -> Option<SourceKey> {
        Some(match self.u8()? {
            TEXT => SourceKey::Text {
                len: self.u64()?,
                hash: self.u64()?,
            },
            STAMP => SourceKey::File(FileStamp {
                dev: self.u64()?,
                ino: self.u64()?,
                len: self.u64()?,
                mtime: (self.u64()? as i64, self.u64()? as i64),
                ctime: (self.u64()? as i64, self.u64()? as i64),
            }),
            _ => return None,
        })
    }

    fn bare_deck(&mut self) -> Option<BareDeck> {
        let id = DeckId(self.str()?);
        let title = self.str()?;
        let description = self.opt(Self::str)?;
        let role = self.opt(Self::str)?;
        let answer_seconds = self.small()?;
        let categories = self.categories()?;
        let ids = self.str()?;
        let n = self.len()?;
        let ends = self.u32s(n)?;
        let places = self.u32s(n)?;
        let kinds = self
            .take(n)?
            .iter()
            .map(|&k| Kind::ALL.get(usize::from(k)).copied())
            .collect::<Option<Vec<Kind>>>()?;
        let unlisted = self.list(|d| Some(CategoryId(d.str()?)))?;
        let cards = CardTable::from_parts(ids, ends, places, unlisted, kinds, categories.len())?;
        let head = Deck {
            id,
            title,
            description,
            role,
            answer_seconds,
            categories,
            cards: Vec::new(),
            // Set by `Overview::take` from the source asked for.
            source: DeckSource::Builtin(String::new()),
        };
        Some(BareDeck { head, cards })
    }

    /// `n` numbers of 4 bytes, read as one block.
    fn u32s(&mut self, n: usize) -> Option<Vec<u32>> {
        let bytes = self.take(n.checked_mul(4)?)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::decks::{BUILTIN, load_builtin};

    fn builtin(i: usize) -> (DeckSource, SourceKey, BareDeck) {
        let (name, text) = BUILTIN[i];
        let deck = load_builtin(name, text).unwrap();
        let bare = BareDeck::of(&deck).unwrap();
        (deck.source.clone(), SourceKey::of_text(text), bare)
    }

    fn cache_dir(home: &Path) -> std::path::PathBuf {
        crate::store::paths::Home::at(home).deck_cache_dir()
    }

    #[test]
    fn bare_decks_come_back_for_the_same_source_and_key_only() {
        let home = tempfile::tempdir().unwrap();
        let dir = cache_dir(home.path());
        assert!(read(&dir).entries.is_empty());
        let (a_source, a_key, a) = builtin(0);
        let (b_source, b_key, b) = builtin(1);
        save(&dir, &[(a_key, &a), (b_key, &b)]);
        let mut o = read(&dir);
        assert_eq!(o.take(&a_source, &b_key), None, "another deck's key");
        let mut o2 = read(&dir);
        assert_eq!(o2.take(&a_source, &a_key), Some(a.clone()));
        assert_eq!(o.take(&b_source, &b_key), Some(b.clone()));
        let other = DeckSource::File("/x/other.toml".into());
        assert_eq!(read(&dir).take(&other, &a_key), None);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_no_cache() {
        let home = tempfile::tempdir().unwrap();
        let dir = cache_dir(home.path());
        let (source, key, deck) = builtin(2);
        save(&dir, &[(key, &deck)]);
        let path = dir.join(FILE);
        let bytes = std::fs::read(&path).unwrap();
        for cut in [0, 7, 30, bytes.len() / 2, bytes.len() - 1] {
            std::fs::write(&path, &bytes[..cut]).unwrap();
            assert_eq!(read(&dir).take(&source, &key), None);
        }
        let mut flipped = bytes.clone();
        flipped[40] ^= 1;
        std::fs::write(&path, &flipped).unwrap();
        assert_eq!(read(&dir).take(&source, &key), None);
        // Another home's key: the checksum does not hold.
        std::fs::write(&path, &bytes).unwrap();
        std::fs::write(home.path().join("cache/key"), [7u8; 16]).unwrap();
        assert_eq!(read(&dir).take(&source, &key), None);
    }

    #[test]
    fn a_file_stamp_is_kept_only_once_settled_and_changes_with_the_file() {
        let home = tempfile::tempdir().unwrap();
        let dir = cache_dir(home.path());
        let path = home.path().join("d.toml");
        std::fs::write(&path, "x").unwrap();
        let key = SourceKey::of_file(&path).unwrap();
        let (_, _, mut deck) = builtin(3);
        deck.head.source = DeckSource::File(path.clone());
        let source = deck.head.source.clone();
        save(&dir, &[(key, &deck)]);
        assert_eq!(
            read(&dir).take(&source, &key),
            None,
            "just written: not settled"
        );
        let settled = match key {
            SourceKey::File(mut s) => {
                s.ctime.0 -= 5;
                SourceKey::File(s)
            }
            SourceKey::Text { .. } => unreachable!(),
        };
        save(&dir, &[(settled, &deck)]);
        assert_eq!(read(&dir).take(&source, &settled), Some(deck.clone()));
        std::fs::write(&path, "y").unwrap();
        assert_ne!(SourceKey::of_file(&path), Some(settled));
        assert_eq!(SourceKey::of_file(&home.path().join("none.toml")), None);
        assert_eq!(SourceKey::of_file(home.path()), None, "a folder");
    }

    #[test]
    fn a_card_in_an_unlisted_category_keeps_it() {
        let home = tempfile::tempdir().unwrap();
        let dir = cache_dir(home.path());
        let (name, text) = BUILTIN[0];
        let mut whole = load_builtin(name, text).unwrap();
        whole.cards[0].category = CategoryId("not-listed".into());
        whole.cards[3].category = CategoryId("not-listed".into());
        whole.cards[2].category = CategoryId("other".into());
        let deck = BareDeck::of(&whole).unwrap();
        let (source, key) = (whole.source.clone(), SourceKey::of_text(text));
        save(&dir, &[(key, &deck)]);
        let back = read(&dir).take(&source, &key).unwrap();
        assert!(back.is_of(&whole));
        assert_eq!(read(&dir).take(&source, &key), Some(deck.clone()));
    }
}
