//! Newtypes for the identifiers that key a user's progress.

use serde::{Deserialize, Serialize};
use std::fmt;

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

impl fmt::Display for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.deck, self.card)
    }
}
