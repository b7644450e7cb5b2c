//! What home's counts read of a deck's cards (each card's id, category and kind), and the two
//! forms they read it from: a whole [`Deck`], or a [`BareDeck`], the deck itself with its
//! cards as one compact [`CardTable`] (the deck overview cache's form,
//! [`crate::store::deck_overview`]: no `Card` per card, no texts).
//!
//! Today's queue, the walk over the cards that the statistics and the home snapshot share and
//! the snapshot's shape read cards through [`DeckCards`], so the first frame is drawn from
//! bare decks and gives what the whole decks give. Only a start without mock records can:
//! the coverage of typed mock answers depends on the key points.

use super::{Category, Deck, Kind};
use crate::core::fast_hash::FastMap;
use crate::core::ids::CategoryId;

/// One card as the queue and home's counts read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardRef<'a> {
    pub id: &'a str,
    pub category: &'a CategoryId,
    /// Its category's place: among the deck's categories, then (for a category the deck does
    /// not list) after them, the unlisted ones numbered in the order the cards first use them.
    /// Counting by category needs no lookup of the category's id.
    pub place: u32,
    pub kind: Kind,
}

/// The places of a deck's categories ([`CardRef::place`]), looked up by id, the unlisted
/// numbered as they come.
struct Places<'a> {
    listed: FastMap<&'a str, u32>,
    /// How many categories the deck lists.
    count: usize,
    unlisted: Vec<&'a CategoryId>,
    last: Option<(&'a CategoryId, u32)>,
}

impl<'a> Places<'a> {
    fn new(categories: &'a [Category]) -> Places<'a> {
        let mut listed = FastMap::default();
        for (i, c) in categories.iter().enumerate() {
            listed.entry(c.id.as_str()).or_insert(i as u32);
        }
        Places {
            listed,
            count: categories.len(),
            unlisted: Vec::new(),
            last: None,
        }
    }

    /// The place of `category`. A deck's cards mostly come a category at a time: looked up
    /// again only when it changes. (A deck has far fewer than 2^32 categories: its file is
    /// at most 32 MB.)
    fn of(&mut self, category: &'a CategoryId) -> u32 {
        if let Some((last, place)) = self.last
            && last == category
        {
            return place;
        }
        let place = match self.listed.get(category.as_str()) {
            Some(&p) => p,
            None => {
                let listed = self.count;
                let at = match self.unlisted.iter().position(|c| *c == category) {
                    Some(i) => i,
                    None => {
                        self.unlisted.push(category);
                        self.unlisted.len() - 1
                    }
                };
                u32::try_from(listed + at).unwrap_or(u32::MAX)
            }
        };
        self.last = Some((category, place));
        place
    }
}

/// A deck as the queue and home's counts read it: the deck itself ([`DeckCards::head`]: id,
/// titles, categories; its `cards` may be left empty) and its cards in order.
pub trait DeckCards {
    /// The deck without regard to its cards: read the cards
    /// through [`DeckCards::card_refs`] and [`DeckCards::card_id`].
    fn head(&self) -> &Deck;
    /// How many cards it has.
    fn card_count(&self) -> usize;
    /// The id of card `i`, in the deck's order.
    fn card_id(&self, i: usize) -> Option<&str>;
    /// Every card, in the deck's order.
    fn card_refs(&self) -> impl Iterator<Item = CardRef<'_>>;
}

impl DeckCards for Deck {
    fn head(&self) -> &Deck {
        self
    }

    fn card_count(&self) -> usize {
        self.cards.len()
    }

    fn card_id(&self, i: usize) -> Option<&str> {
        self.cards.get(i).map(|c| c.id.as_str())
    }

    fn card_refs(&self) -> impl Iterator<Item = CardRef<'_>> {
        let mut places = Places::new(&self.categories);
        self.cards.iter().map(move |c| CardRef {
            id: c.id.as_str(),
            category: &c.category,
            place: places.of(&c.category),
            kind: c.kind,
        })
    }
}

/// A deck's cards as columns: the ids one after another in one string, and each card's
/// category as its place among the deck's categories (after them: among the categories no
/// deck table lists, [`CardTable::unlisted`]). About 30 bytes a card, two allocations a deck
/// (a `Card` is 360 bytes and two strings).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardTable {
    ids: String,
    /// Where each card's id ends in `ids`.
    ends: Vec<u32>,
    categories: Vec<u32>,
    unlisted: Vec<CategoryId>,
    kinds: Vec<Kind>,
}

impl CardTable {
    /// The table of `deck`'s cards (their categories placed as [`CardRef::place`] says).
    /// `None` when the ids do not fit in 4 GB.
    pub fn of(deck: &Deck) -> Option<CardTable> {
        let mut t = CardTable {
            ids: String::with_capacity(deck.cards.iter().map(|c| c.id.as_str().len()).sum()),
            ends: Vec::with_capacity(deck.cards.len()),
            categories: Vec::with_capacity(deck.cards.len()),
            unlisted: Vec::new(),
            kinds: Vec::with_capacity(deck.cards.len()),
        };
        let listed = deck.categories.len();
        for card in deck.card_refs() {
            t.ids.push_str(card.id);
            t.ends.push(u32::try_from(t.ids.len()).ok()?);
            if card.place as usize == listed + t.unlisted.len() {
                t.unlisted.push(card.category.clone());
            }
            t.categories.push(card.place);
            t.kinds.push(card.kind);
        }
        Some(t)
    }

    /// A table from its columns (as [`CardTable::ids`] and the others give them) for a deck
    /// with `listed` categories; `None` unless they fit together: as many ends, categories and
    /// kinds, the ends in order within `ids` and each at a character's boundary, every
    /// category among the listed and unlisted ones.
    pub fn from_parts(
        ids: String,
        ends: Vec<u32>,
        categories: Vec<u32>,
        unlisted: Vec<CategoryId>,
        kinds: Vec<Kind>,
        listed: usize,
    ) -> Option<CardTable> {
        let mut start = 0usize;
        for &end in &ends {
            let end = end as usize;
            if end < start || !ids.is_char_boundary(end) {
                return None;
            }
            start = end;
        }
        let places = listed.checked_add(unlisted.len())?;
        let fits = ends.len() == categories.len()
            && ends.len() == kinds.len()
            && start == ids.len()
            && categories.iter().all(|&c| (c as usize) < places);
        fits.then_some(CardTable {
            ids,
            ends,
            categories,
            unlisted,
            kinds,
        })
    }

    /// The cards' ids one after another.
    pub fn ids(&self) -> &str {
        &self.ids
    }

    /// Where each card's id ends in [`CardTable::ids`].
    pub fn ends(&self) -> &[u32] {
        &self.ends
    }

    /// Each card's category by its place: among the deck's categories, then the unlisted.
    pub fn categories(&self) -> &[u32] {
        &self.categories
    }

    /// The categories of cards that the deck does not list, in order of first use.
    pub fn unlisted(&self) -> &[CategoryId] {
        &self.unlisted
    }

    pub fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// A deck without its cards' texts: the deck itself (no cards) and its cards' table. What home's
/// first frame is drawn from; the whole deck replaces it right after ([`BareDeck::is_of`]).
#[derive(Clone, Debug, PartialEq)]
pub struct BareDeck {
    /// The deck with no cards (its cards are in `cards`).
    pub head: Deck,
    pub cards: CardTable,
}

impl BareDeck {
    /// `deck` without its cards' texts. `None` when its ids do not fit a table (4 GB).
    pub fn of(deck: &Deck) -> Option<BareDeck> {
        Some(BareDeck {
            head: deck.without_cards(),
            cards: CardTable::of(deck)?,
        })
    }

    /// Whether `whole` is this deck: the same deck (everything but its cards) and the same
    /// cards' ids, categories and kinds in the same order (the cards' texts are not compared).
    pub fn is_of(&self, whole: &Deck) -> bool {
        let d = &self.head;
        d.id == whole.id
            && d.title == whole.title
            && d.description == whole.description
            && d.role == whole.role
            && d.answer_seconds == whole.answer_seconds
            && d.categories == whole.categories
            && d.source == whole.source
            && self.card_count() == whole.cards.len()
            && self.card_refs().eq(whole.card_refs())
    }
}

impl Deck {
    /// This deck with no cards (everything else cloned).
    pub fn without_cards(&self) -> Deck {
        Deck {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            role: self.role.clone(),
            answer_seconds: self.answer_seconds,
            categories: self.categories.clone(),
            cards: Vec::new(),
            source: self.source.clone(),
        }
    }
}

impl DeckCards for BareDeck {
    fn head(&self) -> &Deck {
        &self.head
    }

    fn card_count(&self) -> usize {
        self.cards.len()
    }

    fn card_id(&self, i: usize) -> Option<&str> {
        let t = &self.cards;
        let start = match i.checked_sub(1) {
            Some(j) => *t.ends.get(j)? as usize,
            None => 0,
        };
        t.ids.get(start..*t.ends.get(i)? as usize)
    }

    fn card_refs(&self) -> impl Iterator<Item = CardRef<'_>> {
        let t = &self.cards;
        let starts = std::iter::once(0).chain(t.ends.iter().copied());
        t.ends
            .iter()
            .zip(starts)
            .zip(t.categories.iter().zip(&t.kinds))
            .filter_map(|((&end, start), (&category, &kind))| {
                Some(CardRef {
                    id: t.ids.get(start as usize..end as usize)?,
                    category: self.category_at(category)?,
                    place: category,
                    kind,
                })
            })
    }
}

impl BareDeck {
    fn category_at(&self, place: u32) -> Option<&CategoryId> {
        let place = place as usize;
        let listed = &self.head.categories;
        match listed.get(place) {
            Some(c) => Some(&c.id),
            None => self.cards.unlisted.get(place - listed.len()),
        }
    }
}

/// The decks an app starts from: whole, or bare until the whole ones are loaded (home's first
/// frame: `store::decks::load_first`).
#[derive(Clone, Debug, PartialEq)]
pub enum StartDecks {
    Whole(Vec<Deck>),
    Bare(Vec<BareDeck>),
}

impl StartDecks {
    /// Each deck without regard to its cards (id, titles, categories), in order.
    pub fn heads(&self) -> Vec<&Deck> {
        match self {
            StartDecks::Whole(decks) => decks.iter().collect(),
            StartDecks::Bare(decks) => decks.iter().map(|d| &d.head).collect(),
        }
    }

    /// Keeps the decks for which `keep` holds (of the deck without regard to its cards).
    pub fn retain(&mut self, keep: impl Fn(&Deck) -> bool) {
        match self {
            StartDecks::Whole(decks) => decks.retain(|d| keep(d)),
            StartDecks::Bare(decks) => decks.retain(|d| keep(&d.head)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::decks::{BUILTIN, load_builtin};

    #[test]
    fn a_bare_deck_reads_as_its_whole_deck() {
        for (name, text) in BUILTIN {
            let deck = load_builtin(name, text).unwrap();
            let bare = BareDeck::of(&deck).unwrap();
            assert!(bare.head.cards.is_empty());
            assert_eq!(bare.card_count(), deck.card_count());
            assert!(bare.card_refs().eq(deck.card_refs()), "{name}");
            for i in 0..=deck.cards.len() {
                assert_eq!(bare.card_id(i), deck.card_id(i), "{name} {i}");
            }
            assert!(bare.is_of(&deck));
        }
    }

    #[test]
    fn a_bare_deck_is_of_its_deck_only() {
        let (name, text) = BUILTIN[0];
        let deck = load_builtin(name, text).unwrap();
        let bare = BareDeck::of(&deck).unwrap();
        let mut edited = deck.clone();
        edited.cards[0].question.push('?');
        assert!(bare.is_of(&edited), "texts are not part of it");
        let mut renamed = deck.clone();
        renamed.categories[0].title.push('!');
        assert!(!bare.is_of(&renamed));
        let mut fewer = deck.clone();
        fewer.cards.pop();
        assert!(!bare.is_of(&fewer));
        let mut moved = deck.clone();
        moved.cards[1].category = moved.cards[0].category.clone();
        if moved.cards[1].category != deck.cards[1].category {
            assert!(!bare.is_of(&moved));
        }
        let mut other_id = deck.clone();
        other_id.cards[0].id.0.push('x');
        assert!(!bare.is_of(&other_id));
        let mut other_kind = deck.clone();
        other_kind.cards[0].kind = if deck.cards[0].kind == Kind::Technical {
            Kind::Knowledge
        } else {
            Kind::Technical
        };
        assert!(!bare.is_of(&other_kind));
    }

    #[test]
    fn unlisted_categories_and_odd_ids_are_kept() {
        let (name, text) = BUILTIN[1];
        let mut deck = load_builtin(name, text).unwrap();
        deck.cards[0].category = CategoryId::new("not-listed");
        deck.cards[2].category = CategoryId::new("not-listed");
        deck.cards[1].category = CategoryId::new("also-not");
        deck.cards[3].id = crate::core::ids::CardId::new("é-ü");
        deck.cards[4].id = crate::core::ids::CardId::new("");
        let bare = BareDeck::of(&deck).unwrap();
        assert_eq!(bare.cards.unlisted().len(), 2);
        assert!(bare.card_refs().eq(deck.card_refs()));
        assert!(bare.is_of(&deck));
    }

    #[test]
    fn parts_that_do_not_fit_together_are_no_table() {
        let (name, text) = BUILTIN[2];
        let deck = load_builtin(name, text).unwrap();
        let t = CardTable::of(&deck).unwrap();
        let listed = deck.categories.len();
        let parts = || {
            (
                t.ids().to_string(),
                t.ends().to_vec(),
                t.categories().to_vec(),
                t.unlisted().to_vec(),
                t.kinds().to_vec(),
            )
        };
        let (ids, ends, categories, unlisted, kinds) = parts();
        assert_eq!(
            CardTable::from_parts(ids, ends, categories, unlisted, kinds, listed).as_ref(),
            Some(&t)
        );
        let (ids, ends, categories, unlisted, mut kinds) = parts();
        kinds.pop();
        assert!(CardTable::from_parts(ids, ends, categories, unlisted, kinds, listed).is_none());
        let (ids, mut ends, categories, unlisted, kinds) = parts();
        ends.swap(0, 1);
        assert!(CardTable::from_parts(ids, ends, categories, unlisted, kinds, listed).is_none());
        let (mut ids, ends, categories, unlisted, kinds) = parts();
        ids.push('x');
        assert!(CardTable::from_parts(ids, ends, categories, unlisted, kinds, listed).is_none());
        let (ids, ends, mut categories, unlisted, kinds) = parts();
        categories[0] = listed as u32;
        assert!(CardTable::from_parts(ids, ends, categories, unlisted, kinds, listed).is_none());
        // An end inside a character.
        let ids = "é".to_string();
        assert!(
            CardTable::from_parts(ids, vec![1], vec![0], vec![], vec![Kind::Technical], 1)
                .is_none()
        );
    }
}
