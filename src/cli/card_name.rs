//! A card named on the command line as `DECK/CARD`.

use super::{UsageError, UserError};
use crate::core::deck::{Card, Deck};
use crate::core::text::quoted;
use crate::store::decks::LoadedDecks;

/// The deck and card a `DECK/CARD` argument names among the loaded decks: a usage error when
/// it is not of that form, a data error when no loaded deck has it.
pub(crate) fn resolve_card<'a>(
    decks: &'a LoadedDecks,
    name: &str,
) -> anyhow::Result<(&'a Deck, &'a Card)> {
    let Some((deck, card)) = name.split_once('/') else {
        return Err(UsageError(format!(
            "`{}` is not DECK/CARD (e.g. it-manager/budget-build-annual)",
            quoted(name)
        ))
        .into());
    };
    decks
        .find(deck)
        .and_then(|d| Some((d, d.card(&card.into())?)))
        .ok_or_else(|| {
            UserError(format!(
                "no card `{}` in the loaded decks; `prepdeck cards` lists them",
                quoted(name)
            ))
            .into()
        })
}
