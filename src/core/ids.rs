//! Newtypes for the identifiers that key a user's progress.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::num::NonZeroU64;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(s: impl Into<String>) -> Self {
                Self(s.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }
    };
}

id_type!(
    /// A deck's stable id (`[a-z0-9-]+`).
    DeckId
);
id_type!(
    /// A card's id, unique within its deck.
    CardId
);
id_type!(
    /// A category's id, unique within its deck.
    CategoryId
);
id_type!(
    /// The unique id of one record of the state log.
    RecordId
);
id_type!(
    /// The id of one mock interview: ties its records in the state log together.
    InterviewId
);

/// A card's identity across decks: progress is keyed by deck id + card id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CardKey {
    pub deck: DeckId,
    pub card: CardId,
}

impl CardKey {
    pub fn new(deck: impl Into<String>, card: impl Into<String>) -> Self {
        Self {
            deck: DeckId(deck.into()),
            card: CardId(card.into()),
        }
    }
}

/// A card's key as its two ids, wherever they are kept: a map keyed by [`CardKey`] is looked
/// up with `&(&deck_id, &card_id) as &dyn KeyRef` without building a key (two strings).
/// Hashes and compares as the [`CardKey`] with the same ids.
pub trait KeyRef {
    fn deck_id(&self) -> &str;
    fn card_id(&self) -> &str;
}

impl KeyRef for CardKey {
    fn deck_id(&self) -> &str {
        self.deck.as_str()
    }
    fn card_id(&self) -> &str {
        self.card.as_str()
    }
}

impl KeyRef for (&DeckId, &CardId) {
    fn deck_id(&self) -> &str {
        self.0.as_str()
    }
    fn card_id(&self) -> &str {
        self.1.as_str()
    }
}

impl KeyRef for (&str, &str) {
    fn deck_id(&self) -> &str {
        self.0
    }
    fn card_id(&self) -> &str {
        self.1
    }
}

// As `CardKey`'s derived `Hash`: each id hashes as its `String`, that is as its `str`.
impl std::hash::Hash for dyn KeyRef + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.deck_id().hash(state);
        self.card_id().hash(state);
    }
}

impl PartialEq for dyn KeyRef + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.deck_id() == other.deck_id() && self.card_id() == other.card_id()
    }
}

impl Eq for dyn KeyRef + '_ {}

impl<'a> std::borrow::Borrow<dyn KeyRef + 'a> for CardKey {
    fn borrow(&self) -> &(dyn KeyRef + 'a) {
        self
    }
}

impl<'a> std::borrow::Borrow<dyn KeyRef + 'a> for std::sync::Arc<CardKey> {
    fn borrow(&self) -> &(dyn KeyRef + 'a) {
        &**self
    }
}

impl<'a> std::borrow::Borrow<dyn KeyRef + 'a> for &CardKey {
    fn borrow(&self) -> &(dyn KeyRef + 'a) {
        *self
    }
}

impl fmt::Display for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.deck, self.card)
    }
}

/// A record id as a replayed review keeps it. The ids prepdeck writes (`{millis:012x}-` and
/// 16 hex digits, 29 bytes) are packed into two numbers, so a history of a million reviews
/// does not hold a million small strings; any other id (written by hand, by another tool, an
/// older version) is kept as it is. Orders and compares exactly as the [`RecordId`] it came
/// from. Takes 16 bytes (a review is kept for every review ever made).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ReviewId(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// `millis` (48 bits: 12 hex digits) with the top bit set, so never zero: that zero is
    /// where the other form is told apart, and the id takes two words, not three.
    Packed {
        tagged: NonZeroU64,
        random: u64,
    },
    Other(Box<Box<str>>),
}

const _: () = assert!(std::mem::size_of::<ReviewId>() == 16);

const TAG: u64 = 1 << 63;

/// The length of an id in the writer's form.
const PACKED_LEN: usize = 29;

impl ReviewId {
    pub fn new(id: &RecordId) -> ReviewId {
        Self::parse(id.as_str())
            .unwrap_or_else(|| ReviewId(Repr::Other(Box::new(id.as_str().into()))))
    }

    /// The id in the writer's form with these numbers; `None` past 12 hex digits of millis.
    pub fn from_packed(millis: u64, random: u64) -> Option<ReviewId> {
        if millis >> 48 != 0 {
            return None;
        }
        Some(ReviewId(Repr::Packed {
            tagged: NonZeroU64::new(TAG | millis)?,
            random,
        }))
    }

    /// The two numbers of an id in the writer's form (millis, random).
    pub fn packed(&self) -> Option<(u64, u64)> {
        match &self.0 {
            Repr::Packed { tagged, random } => Some((tagged.get() & !TAG, *random)),
            Repr::Other(_) => None,
        }
    }

    /// The writer's form, exactly: 12 lowercase hex digits, `-`, 16 lowercase hex digits.
    fn parse(s: &str) -> Option<ReviewId> {
        let b = s.as_bytes();
        if b.len() != PACKED_LEN || b[12] != b'-' {
            return None;
        }
        let hex = |part: &[u8]| {
            part.iter().try_fold(0u64, |n, c| {
                let digit = match c {
                    b'0'..=b'9' => c - b'0',
                    b'a'..=b'f' => c - b'a' + 10,
                    _ => return None,
                };
                Some((n << 4) | u64::from(digit))
            })
        };
        Self::from_packed(hex(&b[..12])?, hex(&b[13..])?)
    }

    /// The id's text, on the stack for a packed id.
    fn with_bytes<T>(&self, f: impl FnOnce(&[u8]) -> T) -> T {
        match &self.0 {
            Repr::Other(s) => f(s.as_bytes()),
            Repr::Packed { tagged, random } => {
                let millis = tagged.get() & !TAG;
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let mut b = [b'-'; PACKED_LEN];
                for i in 0..12 {
                    b[11 - i] = HEX[((millis >> (4 * i)) & 0xf) as usize];
                }
                for i in 0..16 {
                    b[PACKED_LEN - 1 - i] = HEX[((random >> (4 * i)) & 0xf) as usize];
                }
                f(&b)
            }
        }
    }

    pub fn to_record_id(&self) -> RecordId {
        self.with_bytes(|b| RecordId(String::from_utf8_lossy(b).into_owned()))
    }

    /// Whether this is `id`, without building a string.
    pub fn is(&self, id: &RecordId) -> bool {
        self.with_bytes(|b| b == id.as_str().as_bytes())
    }
}

impl Ord for ReviewId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self.packed(), other.packed()) {
            // Fixed-width lowercase hex: the numbers order as the text does.
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.with_bytes(|a| other.with_bytes(|b| a.cmp(b))),
        }
    }
}

impl PartialOrd for ReviewId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for ReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_bytes(|b| write!(f, "{:?}", String::from_utf8_lossy(b)))
    }
}

impl fmt::Display for ReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_bytes(|b| f.write_str(&String::from_utf8_lossy(b)))
    }
}

impl serde::Serialize for ReviewId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.with_bytes(|b| s.serialize_str(&String::from_utf8_lossy(b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_writers_ids_are_packed_and_others_kept() {
        let id = RecordId::new("0191c2d3e4f5-0123456789abcdef");
        let packed = ReviewId::new(&id);
        assert!(packed.packed().is_some());
        assert_eq!(packed.to_record_id(), id);
        assert!(packed.is(&id));
        for other in ["0191C2D3E4F5-0123456789abcdef", "bench-00000001", "", "é"] {
            let r = ReviewId::new(&RecordId::new(other));
            assert!(r.packed().is_none(), "{other}");
            assert_eq!(r.to_record_id().as_str(), other);
        }
    }

    fn any_id() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9a-f]{12}-[0-9a-f]{16}",
            "[0-9a-f]{12}[-_][0-9a-fA-F]{16}",
            "[0-9a-f-]{0,31}",
        ]
    }

    proptest! {
        #[test]
        fn ids_order_and_compare_as_their_text(a in any_id(), b in any_id()) {
            let (ra, rb) = (RecordId::new(a.clone()), RecordId::new(b.clone()));
            let (pa, pb) = (ReviewId::new(&ra), ReviewId::new(&rb));
            prop_assert_eq!(pa.cmp(&pb), a.cmp(&b));
            prop_assert_eq!(pa == pb, a == b);
            prop_assert_eq!(pa.is(&rb), a == b);
            prop_assert_eq!(pa.to_record_id(), ra);
        }
    }
}
