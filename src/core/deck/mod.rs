//! Decks: the model, the TOML parser with compiler-grade diagnostics, and validation.
//!
//! Pure: takes the text of a file and a name for it; reading files is the store's job.

mod diagnostic;
mod model;
mod parse;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::{Card, Category, DECK_FORMAT, Deck, DeckSource, KeyPoint, Kind};
pub use parse::parse_deck;

#[cfg(test)]
mod tests;
