//! Decks: the model, the TOML parser with compiler-grade diagnostics, validation, and the
//! TOML writer (for imported decks).
//!
//! Pure: takes the text of a file and a name for it; reading files is the store's job.

mod diagnostic;
mod model;
mod parse;
mod write;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::{Card, Category, DECK_FORMAT, Deck, DeckSource, KeyPoint, Kind};
pub use parse::parse_deck;
pub use write::write_deck;

#[cfg(test)]
mod tests;
