//! Which key point of a card a label names. Shared by the `eval_debrief` and `train_ticks`
//! examples.

use prepdeck::core::deck::Card;
use prepdeck::core::matcher::content_stems;

/// The index of the key point of `card` a label names: the point with the same text, or, for a
/// point reworded since the labels were written, the point sharing the most content words with
/// the label (at least half of the label's), so a rewording does not silently drop a label.
pub fn label_point(card: &Card, label: &str) -> Option<usize> {
    if let Some(i) = card.key_points.iter().position(|k| k.text == label) {
        return Some(i);
    }
    let want = content_stems(label);
    let (best, shared) = card
        .key_points
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let have = content_stems(&k.text);
            (i, want.iter().filter(|w| have.contains(w)).count())
        })
        .max_by_key(|&(_, n)| n)?;
    (2 * shared >= want.len() && shared > 0).then_some(best)
}
