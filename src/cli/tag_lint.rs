//! `decks check`: warnings about tags (not lower-case and hyphenated, or two spellings of one
//! tag in a deck). Warnings go to stderr and never change the exit status.

use std::io::Write;

use crate::core::deck::{Deck, tag_warnings};
use crate::core::text::{sanitize_line, show_hidden};

/// Prints the deck's tag warnings as `warning: FILE:LINE: message`; returns how many.
pub(super) fn print_tag_warnings(err: &mut impl Write, deck: &Deck) -> std::io::Result<usize> {
    let warnings = tag_warnings(deck);
    let origin = sanitize_line(&deck.source.display_name());
    for w in &warnings {
        writeln!(
            err,
            "warning: {origin}:{}: card `{}`: {}",
            w.line,
            sanitize_line(&show_hidden(w.card.as_str())),
            sanitize_line(&show_hidden(&w.message))
        )?;
    }
    Ok(warnings.len())
}
