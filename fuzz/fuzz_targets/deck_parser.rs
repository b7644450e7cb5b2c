//! Fuzzes the deck loader: any bytes must give a deck or diagnostics, never a panic.
//! Run with `cargo fuzz run deck_parser -s none` (works on stable).
#![no_main]

use libfuzzer_sys::fuzz_target;
use prepdeck::core::deck::{DeckSource, parse_deck};
use prepdeck::store::decks::decode_deck_bytes;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = decode_deck_bytes("fuzz.toml", data.to_vec()) {
        if let Err(diagnostics) = parse_deck(&text, DeckSource::File("fuzz.toml".into())) {
            assert!(!diagnostics.is_empty());
            let _ = diagnostics.to_string();
        }
    }
});
