//! `prepdeck optimize` at scale: fit FSRS-6 weights (the `fsrs` crate's `compute_parameters`)
//! and evaluate the old and new weights, on 10,000 and 100,000 reviews.
//!
//! `cargo bench --bench optimize` (std::time::Instant loops; prints the median and fastest
//! of each phase). No budget: the command runs on request, not while you study.

mod common;
/// The test data generators, shared with the library's own tests (not part of the library).
#[allow(dead_code)]
#[path = "../src/fixtures.rs"]
mod fixtures;

// The binary runs on mimalloc (src/main.rs); measure with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use common::time;

use std::time::Duration;

use chrono::Utc;
use fixtures::{FixtureSpec, review_records};
use prepdeck::core::schedule::{
    Fit, SchedulerConfig, default_weights, evaluate, fit, replay, training_set,
};

fn ms(d: Duration) -> String {
    format!("{:10.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    for (cards, reviews, runs) in [(1_000, 10_000, 5), (10_000, 100_000, 3)] {
        let spec = FixtureSpec::new(cards, reviews, Utc::now());
        let progress = replay(&review_records(&spec), &SchedulerConfig::default());
        let reviews_in = progress.reviews();
        let (items_med, items_min, (items, ids)) = time(runs, || training_set(reviews_in));
        let w = default_weights();
        let (eval_med, eval_min, _) = time(runs, || evaluate(&w, &items, &ids));
        let (fit_med, fit_min, result) = time(runs, || fit(reviews_in, &w, 1));
        let verdict = match &result {
            Ok(
                f @ Fit::Fitted {
                    current,
                    evaluation,
                    ..
                },
            ) => format!(
                "log loss {:.4} -> {:.4}, RMSE {:.2}% -> {:.2}%, better: {}",
                current.log_loss,
                evaluation.log_loss,
                current.rmse * 100.0,
                evaluation.rmse * 100.0,
                f.is_better()
            ),
            Ok(Fit::NotEnoughData { training }) => format!("not enough data ({training})"),
            Err(e) => format!("error: {e}"),
        };
        println!(
            "{reviews} reviews on {cards} cards ({} training items)",
            items.len()
        );
        println!(
            "  training set        median {}  fastest {}",
            ms(items_med),
            ms(items_min)
        );
        println!(
            "  evaluate (once)     median {}  fastest {}",
            ms(eval_med),
            ms(eval_min)
        );
        println!(
            "  whole fit + 2 evals median {}  fastest {}",
            ms(fit_med),
            ms(fit_min)
        );
        println!("  {verdict}");
    }
}
