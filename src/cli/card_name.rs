//! A card named on the command line as `DECK/CARD`.

use super::{UsageError, UserError};
use crate::core::deck::{Card, Deck};
use crate::core::text::quoted;
use crate::store::decks::LoadedDecks;

/// The deck and card a `DECK/CARD` argument names among the loaded decks: a usage error when
/// it is not of that form (no `/`, or nothing before or after it), a data error naming the
/// deck (with the decks there are) or the card when no loaded deck has it.
pub(crate) fn resolve_card<'a>(
    decks: &'a LoadedDecks,
    name: &str,
) -> anyhow::Result<(&'a Deck, &'a Card)> {
    let malformed = |what: &str| {
        UsageError(format!(
            "`{}` is not DECK/CARD{what} (e.g. it-manager/budget-build-annual)",
            quoted(name)
        ))
    };
    let Some((deck, card)) = name.split_once('/') else {
        return Err(malformed("").into());
    };
    if deck.trim().is_empty() {
        return Err(malformed(": the deck id is missing").into());
    }
    if card.trim().is_empty() {
        return Err(malformed(": the card id is missing").into());
    }
    let Some(d) = decks.find(deck) else {
        let ids: Vec<String> = decks.decks.iter().map(|d| quoted(d.id.as_str())).collect();
        let known = if ids.is_empty() {
            "no deck is loaded".to_string()
        } else {
            format!("the decks are {}", ids.join(", "))
        };
        return Err(UserError(format!("no deck `{}`; {known}", quoted(deck))).into());
    };
    match d.card(&card.into()) {
        Some(c) => Ok((d, c)),
        None => Err(UserError(format!(
            "no card `{}` in deck `{}`; `prepdeck cards --deck {}` lists its cards",
            quoted(card),
            quoted(deck),
            quoted(deck)
        ))
        .into()),
    }
}
