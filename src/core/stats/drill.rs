//! "Drill the weakest N categories": which cards, in what order.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Stats;
use super::compute::recall_now;
use crate::core::deck::Deck;
use crate::core::ids::CardKey;
use crate::core::schedule::{CardMemory, Model, Progress};

/// Why a card is in the weakest-categories drill.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "lowercase")]
pub enum DrillReason {
    /// Due now (learning, relearning or review).
    Due,
    /// Seen and not due; its recall probability now.
    Weak { recall: f64 },
    /// Never reviewed.
    New,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DrillPick {
    pub key: CardKey,
    #[serde(flatten)]
    pub reason: DrillReason,
}

/// Up to `limit` cards of the `n_categories` weakest categories of `stats`: due cards first
/// (most overdue first), then seen cards by lowest recall probability now, then unseen cards
/// in deck order. Suspended and buried cards are left out.
pub fn weakest_drill_queue(
    decks: &[Deck],
    progress: &Progress,
    stats: &Stats,
    n_categories: usize,
    limit: usize,
    now: DateTime<Utc>,
) -> Vec<DrillPick> {
    let weakest = stats.weakest(n_categories);
    let model = Model::default();
    let fresh = CardMemory::new();
    let mut due = vec![];
    let mut weak = vec![];
    let mut new = vec![];
    for deck in decks {
        let chosen: Vec<_> = weakest
            .iter()
            .filter(|c| c.deck == deck.id)
            .map(|c| &c.category)
            .collect();
        if chosen.is_empty() {
            continue;
        }
        for card in deck.cards.iter().filter(|c| chosen.contains(&&c.category)) {
            let key = deck.key(card);
            let state = progress.card(&key).unwrap_or(&fresh);
            if state.is_hidden(now) {
                continue;
            }
            match state.due {
                None => new.push(key),
                Some(at) if at <= now => due.push((at, key)),
                Some(_) => weak.push((recall_now(&model, state, now), key)),
            }
        }
    }
    due.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    weak.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    due.into_iter()
        .map(|(_, key)| DrillPick {
            key,
            reason: DrillReason::Due,
        })
        .chain(weak.into_iter().map(|(recall, key)| DrillPick {
            key,
            reason: DrillReason::Weak { recall },
        }))
        .chain(new.into_iter().map(|key| DrillPick {
            key,
            reason: DrillReason::New,
        }))
        .take(limit)
        .collect()
}
