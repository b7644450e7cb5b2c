//! Decks: the model, the TOML parser with compiler-grade diagnostics, validation, and the
//! TOML writer (for imported decks).
//!
//! Pure: takes the text of a file and a name for it; reading files is the store's job.

mod diagnostic;
mod fields;
mod lint;
mod model;
mod notes;
mod parse;
mod table;
mod tags;
mod write;

pub use diagnostic::{DeckProblem, Diagnostic, Diagnostics};
pub(crate) use fields::get as toml_get;
pub use lint::{FILLER_ANSWERS, LintKind, LintWarning, Linter, lint_key_points};
pub use model::{Card, CardNotes, Category, DECK_FORMAT, Deck, DeckSource, KeyPoint, Kind};
pub use parse::parse_deck;
pub(crate) use parse::{Table as TomlTable, Walker};
pub use table::{BareDeck, CardRef, CardTable, DeckCards, StartDecks};
pub use tags::{TagWarning, canonical_tag, tag_warnings};
pub use write::write_deck;

use crate::core::ids::CardKey;

/// The card with `key` in `decks`, with its deck.
pub fn find_card<'a>(decks: &'a [Deck], key: &CardKey) -> Option<(&'a Deck, &'a Card)> {
    let deck = decks.iter().find(|d| d.id == key.deck)?;
    Some((deck, deck.card(&key.card)?))
}

#[cfg(test)]
mod tests;
