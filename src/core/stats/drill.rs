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
    model: &Model,
    now: DateTime<Utc>,
) -> Vec<DrillPick> {
    let weakest = stats.weakest(n_categories);
    weakest_with(decks, progress, &weakest, model, limit, now)
}

/// Practice ahead of schedule: up to `limit` cards of `decks` that `scope` keeps, due or not,
/// the weakest first: seen cards by lowest recall probability now (a card overdue is near the
/// front), then unseen cards in deck order. Suspended and buried cards are left out.
pub fn practice_queue(
    decks: &[Deck],
    progress: &Progress,
    scope: &dyn Fn(&Deck, &crate::core::deck::Card) -> bool,
    model: &Model,
    limit: usize,
    now: DateTime<Utc>,
) -> Vec<DrillPick> {
    let fresh = CardMemory::new();
    let mut weak = vec![];
    let mut new = vec![];
    for deck in decks {
        for card in deck.cards.iter().filter(|c| scope(deck, c)) {
            let key = deck.key(card);
            let state = progress.card(&key).unwrap_or(&fresh);
            if state.is_hidden(now) {
                continue;
            }
            if let (Some(m), Some(last)) = (state.memory, state.last_review) {
                // Fractional days: cards reviewed today differ too.
                let days = (now - last).num_seconds() as f64 / 86_400.0;
                let r = model.retrievability_after(m.stability, days);
                let r = if r.is_finite() {
                    r.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                weak.push((r, m.stability, key));
            } else {
                new.push(key);
            }
        }
    }
    // Equal recall (answered moments ago): the lower stability first, it fades faster.
    weak.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then_with(|| a.1.total_cmp(&b.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    weak.into_iter()
        .map(|(recall, _, key)| DrillPick {
            key,
            reason: DrillReason::Weak { recall },
        })
        .chain(new.into_iter().map(|key| DrillPick {
            key,
            reason: DrillReason::New,
        }))
        .take(limit)
        .collect()
}

fn weakest_with(
    decks: &[Deck],
    progress: &Progress,
    weakest: &[&super::CategoryStats],
    model: &Model,
    limit: usize,
    now: DateTime<Utc>,
) -> Vec<DrillPick> {
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
                Some(_) => weak.push((recall_now(model, state, now), key)),
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
