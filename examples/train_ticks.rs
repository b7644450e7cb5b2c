//! Fits the tick model (`src/core/analysis/tick_model.rs`) to labelled answers and prints its
//! weights as Rust constants, with a cross-validated report.
//!
//! `cargo run --release --example train_ticks -- [FILE...]`
//!
//! FILE is a labelled answer file (format: `../shared/eval/README.md`); without one, the
//! debrief answers of `tests/fixtures/holdout-2` to `holdout-20`. Every key point of every
//! answer is one example: covered when the answer's labels name it (filler and off-topic
//! answers cover none). The model is a logistic regression on the features of
//! `tick_model::candidates`, fitted by gradient descent on standardised features (a fixed
//! number of steps from zeros, a light L2 penalty: the same input gives the same weights).
//!
//! The report: for four folds of the files (every fourth file), the model fitted on the other
//! three and measured on the fold, against the rules alone, as ticks on filler and off-topic
//! answers (share of their points), recall and precision on genuine and weak answers.

use std::process::ExitCode;

use prepdeck::core::analysis::Substance;
use prepdeck::core::analysis::relevance::MIN_STEMS;
use prepdeck::core::analysis::tick_model::{self, FEATURE_NAMES, FEATURES, THRESHOLD};
use prepdeck::core::deck::Deck;
use prepdeck::store::decks::{BUILTIN, load_builtin};
use serde::Deserialize;

#[macro_use]
#[path = "common/out.rs"]
mod out;
#[path = "common/labels.rs"]
mod labels;

#[derive(Deserialize)]
struct Entry {
    deck: String,
    card: String,
    kind: String,
    answer: String,
    #[serde(default)]
    covers: Vec<String>,
}

/// One key point weighed against one answer.
struct Example {
    file: usize,
    junk: bool,
    covered: bool,
    rules: bool,
    usable: bool,
    x: [f64; FEATURES],
}

const STEPS: usize = 300;
const RATE: f64 = 1.0;
const L2: f64 = 0.001;

/// Raw weights and constant of a logistic regression fitted to `rows`.
fn fit(rows: &[&Example]) -> ([f64; FEATURES], f64) {
    let n = rows.len().max(1) as f64;
    let mut mean = [0.0; FEATURES];
    let mut sd = [0.0; FEATURES];
    for j in 0..FEATURES {
        mean[j] = rows.iter().map(|r| r.x[j]).sum::<f64>() / n;
        sd[j] = (rows.iter().map(|r| (r.x[j] - mean[j]).powi(2)).sum::<f64>() / n)
            .sqrt()
            .max(1e-6);
    }
    let z: Vec<[f64; FEATURES]> = rows
        .iter()
        .map(|r| std::array::from_fn(|j| (r.x[j] - mean[j]) / sd[j]))
        .collect();
    let mut w = [0.0; FEATURES];
    let mut b = 0.0;
    for _ in 0..STEPS {
        let mut gw = [0.0; FEATURES];
        let mut gb = 0.0;
        for (zi, r) in z.iter().zip(rows) {
            let s: f64 = b + w.iter().zip(zi).map(|(a, x)| a * x).sum::<f64>();
            let d = 1.0 / (1.0 + (-s.clamp(-30.0, 30.0)).exp()) - f64::from(u8::from(r.covered));
            gb += d;
            for j in 0..FEATURES {
                gw[j] += d * zi[j];
            }
        }
        b -= RATE * gb / n;
        for j in 0..FEATURES {
            w[j] -= RATE * (gw[j] / n + L2 * w[j]);
        }
    }
    let raw: [f64; FEATURES] = std::array::from_fn(|j| w[j] / sd[j]);
    let bias = b - (0..FEATURES).map(|j| w[j] * mean[j] / sd[j]).sum::<f64>();
    (raw, bias)
}

#[derive(Default)]
struct Score {
    junk: [usize; 2],
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, e: &Example, tick: bool) {
        if e.junk {
            self.junk[0] += usize::from(tick);
            self.junk[1] += 1;
        } else {
            match (e.covered, tick) {
                (true, true) => self.tp += 1,
                (false, true) => self.fp += 1,
                (true, false) => self.fn_ += 1,
                _ => {}
            }
        }
    }

    fn line(&self) -> String {
        let pc = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        format!(
            "junk {:.1} % ({}/{})  recall {:.1} % ({}/{})  precision {:.1} % ({}/{})",
            pc(self.junk[0], self.junk[1]),
            self.junk[0],
            self.junk[1],
            pc(self.tp, self.tp + self.fn_),
            self.tp,
            self.tp + self.fn_,
            pc(self.tp, self.tp + self.fp),
            self.tp,
            self.tp + self.fp
        )
    }
}

fn probability(w: &[f64; FEATURES], b: f64, x: &[f64; FEATURES]) -> f64 {
    let z = b + w.iter().zip(x).map(|(a, v)| a * v).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

fn main() -> ExitCode {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        files = (2..=20)
            .map(|n| format!("tests/fixtures/holdout-{n}/debrief-answers.json"))
            .collect();
    }
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
    let mut examples: Vec<Example> = Vec::new();
    // The shortest and longest answer judged (words): `tick_model::FITTED_WORDS`.
    let mut words = (usize::MAX, 0);
    for (fi, path) in files.iter().enumerate() {
        let entries: Vec<Entry> = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(e) => e,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::from(1);
            }
        };
        for e in &entries {
            let Some(card) = decks
                .iter()
                .filter(|d| d.id.as_str() == e.deck)
                .flat_map(|d| d.cards.iter())
                .find(|c| c.id.as_str() == e.card)
            else {
                eprintln!("{path}: {}/{}: no such card", e.deck, e.card);
                return ExitCode::from(1);
            };
            let junk = matches!(e.kind.as_str(), "filler" | "off_topic");
            let substance = Substance::of(&e.answer);
            if substance.stems >= MIN_STEMS {
                words.0 = words.0.min(substance.words);
                words.1 = words.1.max(substance.words);
            }
            let candidates = tick_model::candidates(&card.key_points, &e.answer, substance);
            for (i, c) in candidates.into_iter().enumerate() {
                let covered = !junk
                    && e.covers
                        .iter()
                        .any(|l| labels::label_point(card, l) == Some(i));
                if !c.judged {
                    continue;
                }
                examples.push(Example {
                    file: fi,
                    junk,
                    covered,
                    rules: c.rule.is_some(),
                    usable: c.evidence.gates && !c.shown().is_empty(),
                    x: c.features,
                });
            }
        }
    }
    let mut rules = Score::default();
    let mut model = Score::default();
    for fold in 0..4 {
        let train: Vec<&Example> = examples.iter().filter(|e| e.file % 4 != fold).collect();
        let (w, b) = fit(&train);
        for e in examples.iter().filter(|e| e.file % 4 == fold) {
            rules.add(e, e.rules);
            model.add(e, e.usable && probability(&w, b, &e.x) >= THRESHOLD);
        }
    }
    out!(
        "{} key points on {} files; four folds, each measured by a model fitted on the others",
        examples.len(),
        files.len()
    );
    out!(
        "answers judged run {} to {} words (FITTED_WORDS is {:?})",
        words.0,
        words.1,
        tick_model::FITTED_WORDS
    );
    out!("rules alone  {}", rules.line());
    out!("tick model   {}", model.line());
    let all: Vec<&Example> = examples.iter().collect();
    let (w, b) = fit(&all);
    out!(
        "\n// Fitted by examples/train_ticks.rs on {} files.",
        files.len()
    );
    out!("const WEIGHTS: [f64; FEATURES] = [");
    for (name, v) in FEATURE_NAMES.iter().zip(w) {
        out!("    {v:?}, // {name}");
    }
    out!("];");
    out!("const BIAS: f64 = {b:?};");
    ExitCode::SUCCESS
}
