//! The debrief benchmark: runs the key-point matcher and STAR detection on a labelled answer
//! file (format: `../shared/eval/README.md`) and prints the figures issue 11 asks for.
//!
//! `cargo run --release --example eval_debrief -- [PATH] [--split] [--verbose]`
//! (PATH defaults to `$PREPDECK_EVAL`, then `../shared/eval/answers-dev.json` and
//! `../../shared/eval/answers-dev.json`). `--split` also prints the figures for two halves of
//! the cards (alternate cards in name order), to check that a change moves both halves the same
//! way rather than fitting one. `--verbose` lists every wrong tick, miss and STAR error;
//! `--verbose-a` only those of half A, to develop on half A and keep half B as a hold-out.
//! `--routes` adds a count of the ticks on genuine and weak answers by the way each was found
//! (a keyword, a `together` group, the point's own words, a supported keyword) and whether the
//! label agrees: a summary, safe on a held-out set nobody may read. A second reader's STAR
//! labels (`NAME.second.json` beside the file, or `--second PATH`) add the two readers'
//! agreement and the detector's accuracy where they agree (`examples/common/second_reader.rs`).

use std::collections::BTreeSet;
use std::process::ExitCode;

use prepdeck::core::analysis::{StarPart, Substance, analyse};
use prepdeck::core::deck::{Card, Deck, Kind};
use prepdeck::core::matcher::{PreparedPoint, content_stems};
use prepdeck::store::decks::{BUILTIN, load_builtin};
use serde::Deserialize;

#[macro_use]
#[path = "common/out.rs"]
mod out;
#[path = "common/second_reader.rs"]
mod second_reader;
use second_reader::{Agreement, Star};

#[derive(Deserialize)]
struct Entry {
    deck: String,
    card: String,
    kind: String,
    answer: String,
    #[serde(default)]
    covers: Vec<String>,
    #[serde(default)]
    star: Option<Star>,
}

#[derive(Default)]
struct Figures {
    junk_points: usize,
    junk_ticks: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    star_n: usize,
    star_ok: [usize; 4],
    /// Per STAR part: found where the label says absent, and missed where it says present.
    star_fp: [usize; 4],
    star_fn: [usize; 4],
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "  n/a".into()
    } else {
        format!("{:4.0}%", 100.0 * a as f64 / b as f64)
    }
}

impl Figures {
    fn print(&self, label: &str) {
        out!(
            "{label:<10} filler/off-topic ticked {} ({}/{})  recall {} ({}/{})  precision {} ({}/{})  STAR S/T/A/R {} {} {} {} (n={})",
            pct(self.junk_ticks, self.junk_points),
            self.junk_ticks,
            self.junk_points,
            pct(self.tp, self.tp + self.fn_),
            self.tp,
            self.tp + self.fn_,
            pct(self.tp, self.tp + self.fp),
            self.tp,
            self.tp + self.fp,
            pct(self.star_ok[0], self.star_n),
            pct(self.star_ok[1], self.star_n),
            pct(self.star_ok[2], self.star_n),
            pct(self.star_ok[3], self.star_n),
            self.star_n,
        );
        if self.star_n > 0 {
            let parts: Vec<String> = StarPart::ALL
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{} {}/{}", p.label(), self.star_fp[i], self.star_fn[i]))
                .collect();
            out!(
                "{:<10} STAR found but absent / missed: {}",
                "",
                parts.join(", ")
            );
        }
    }
}

/// The index of the key point of `card` a label names: the point with the same text, or, for a
/// point reworded since the labels were written, the point sharing the most content words with
/// the label (at least half of the label's), so a rewording does not silently drop a label.
fn label_point(card: &Card, label: &str) -> Option<usize> {
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().any(|a| a == "--split");
    let verbose = args.iter().any(|a| a == "--verbose");
    // `--verbose-a`: the errors of half A only, so half B stays a hold-out while developing.
    let verbose_a = args.iter().any(|a| a == "--verbose-a");
    let routes = args.iter().any(|a| a == "--routes");
    // Per (route, kind of answer): right and wrong ticks.
    let mut by_route: std::collections::BTreeMap<(String, String), [usize; 2]> =
        std::collections::BTreeMap::new();
    let explicit = second_reader::path_arg(&args);
    let candidates: Vec<String> = explicit
        .into_iter()
        .chain(std::env::var("PREPDECK_EVAL").ok())
        .chain([
            "../shared/eval/answers-dev.json".to_string(),
            "../../shared/eval/answers-dev.json".to_string(),
        ])
        .collect();
    let Some((path, text)) = candidates
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok().map(|t| (p.clone(), t)))
    else {
        eprintln!("no eval file found (tried {})", candidates.join(", "));
        return ExitCode::from(2);
    };
    let entries: Vec<Entry> = match serde_json::from_str(&text) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    let decks: Vec<Deck> = match BUILTIN
        .iter()
        .map(|(name, text)| load_builtin(name, text))
        .collect::<Result<_, _>>()
    {
        Ok(d) => d,
        Err(e) => {
            eprintln!("built-in deck: {e}");
            return ExitCode::from(1);
        }
    };
    let cards: BTreeSet<(&str, &str)> = entries
        .iter()
        .map(|e| (e.deck.as_str(), e.card.as_str()))
        .collect();
    let half_of =
        |deck: &str, card: &str| cards.iter().position(|c| *c == (deck, card)).unwrap_or(0) % 2;
    let Some(second) = second_reader::load_or_say(&path, &args) else {
        return ExitCode::from(1);
    };
    let mut agreement = Agreement::default();
    let mut all = Figures::default();
    let mut halves = [Figures::default(), Figures::default()];
    for (index, e) in entries.iter().enumerate() {
        let Some(card) = decks
            .iter()
            .filter(|d| d.id.as_str() == e.deck)
            .flat_map(|d| d.cards.iter())
            .find(|c| c.id.as_str() == e.card)
        else {
            eprintln!("{}/{}: no such card", e.deck, e.card);
            return ExitCode::from(1);
        };
        let a = analyse(card, &e.answer);
        let covered = a.covered();
        let star = a.insights.star;
        if let (Some(first), Some(other), Some(got)) = (&e.star, second.get(&index), &star)
            && card.kind == Kind::Behavioral
        {
            agreement.add(first, other, got);
        }
        for f in [&mut all, &mut halves[half_of(&e.deck, &e.card)]] {
            match e.kind.as_str() {
                "filler" | "off_topic" => {
                    f.junk_points += covered.len();
                    f.junk_ticks += covered.iter().filter(|c| **c).count();
                }
                _ => {
                    for (i, got) in covered.iter().enumerate() {
                        let want = e.covers.iter().any(|c| label_point(card, c) == Some(i));
                        match (want, *got) {
                            (true, true) => f.tp += 1,
                            (false, true) => f.fp += 1,
                            (true, false) => f.fn_ += 1,
                            _ => {}
                        }
                    }
                }
            }
            if let (Some(star), Some(got)) = (&e.star, &star)
                && card.kind == Kind::Behavioral
            {
                f.star_n += 1;
                for (i, p) in StarPart::ALL.into_iter().enumerate() {
                    match (star.get(p), got.has(p)) {
                        (want, have) if want == have => f.star_ok[i] += 1,
                        (false, _) => f.star_fp[i] += 1,
                        _ => f.star_fn[i] += 1,
                    }
                }
            }
        }
        if routes && matches!(e.kind.as_str(), "genuine" | "weak") {
            let text = Substance::of(&e.answer).match_text(&e.answer);
            for (i, (kp, got)) in card.key_points.iter().zip(&covered).enumerate() {
                if !*got {
                    continue;
                }
                let want = e.covers.iter().any(|c| label_point(card, c) == Some(i));
                let route = text
                    .check_route(&PreparedPoint::new(kp))
                    .map_or("other".to_string(), |(r, _)| format!("{r:?}"));
                by_route.entry((route, e.kind.clone())).or_default()[usize::from(want)] += 1;
            }
        }
        if verbose || (verbose_a && half_of(&e.deck, &e.card) == 0) {
            for (i, (kp, got)) in card.key_points.iter().zip(&covered).enumerate() {
                let want = e.covers.iter().any(|c| label_point(card, c) == Some(i));
                if want != *got {
                    // How the point was found (a keyword, a group, words of its text...), read
                    // with the rule the analysis applied to this answer.
                    let route = got.then(|| {
                        let s = Substance::of(&e.answer);
                        s.match_text(&e.answer)
                            .check_route(&PreparedPoint::new(kp))
                            .map(|(r, _)| {
                                format!(
                                    " by {r:?} (words {}, specific {}, figure {})",
                                    s.words, s.specific, s.figure
                                )
                            })
                            .unwrap_or_default()
                    });
                    out!(
                        "{}/{} [{}] point {}: {} {:?} matched {:?}{}",
                        e.deck,
                        e.card,
                        e.kind,
                        i + 1,
                        if *got { "WRONG TICK" } else { "MISSED" },
                        kp.text,
                        a.key_points.get(i).map(|k| &k.matched),
                        route.unwrap_or_default()
                    );
                }
            }
            if let (Some(star), Some(got)) = (&e.star, &star) {
                for p in StarPart::ALL {
                    if star.get(p) != got.has(p) {
                        out!(
                            "{}/{} [{}] STAR {}: want {}, got {}{}",
                            e.deck,
                            e.card,
                            e.kind,
                            p.label(),
                            star.get(p),
                            got.has(p),
                            got.cue(p).map(|c| format!(" ({c:?})")).unwrap_or_default()
                        );
                    }
                }
            }
        }
    }
    // Labels that name no key point of their card (a reworded point) would silently count as
    // misses of nothing: report them so they are mapped by meaning.
    for e in &entries {
        let card = decks
            .iter()
            .filter(|d| d.id.as_str() == e.deck)
            .flat_map(|d| d.cards.iter())
            .find(|c| c.id.as_str() == e.card);
        for c in &e.covers {
            match card.map(|card| (card, label_point(card, c))) {
                Some((card, Some(i))) if card.key_points[i].text != *c => out!(
                    "note: {}/{}: label {c:?} taken as the reworded point {:?}",
                    e.deck,
                    e.card,
                    card.key_points[i].text
                ),
                Some((_, Some(_))) => {}
                _ => out!(
                    "note: {}/{}: label {c:?} names no key point",
                    e.deck,
                    e.card
                ),
            }
        }
    }
    out!("{} answers from {path}", entries.len());
    all.print("all");
    agreement.print("all");
    if split {
        halves[0].print("half A");
        halves[1].print("half B");
    }
    for ((route, kind), [wrong, right]) in &by_route {
        out!("ticks by {route:<10} on {kind:<8} right {right:>4}  wrong {wrong:>3}");
    }
    ExitCode::SUCCESS
}
