//! Writes a large data folder for benchmarks and load tests:
//! `DIR/decks/bench.toml` (a deck of many cards) and `DIR/state.jsonl` (a year of reviews).
//!
//! ```text
//! cargo run --release --example gen_fixtures -- DIR [CARDS] [REVIEWS]
//! prepdeck --home DIR --deck bench stats
//! ```
//! Defaults: 10,000 cards and 100,000 reviews ending now. Refuses to overwrite.

/// The test data generators, shared with the library's own tests (not part of the library).
#[allow(dead_code)]
#[path = "../src/fixtures.rs"]
mod fixtures;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;
use fixtures::{FixtureSpec, deck_toml, jsonl, review_records};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen_fixtures DIR [CARDS] [REVIEWS]");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: usize| {
        args.get(i)
            .map_or(Ok(default), |s| s.replace('_', "").parse::<usize>())
    };
    let (Ok(cards), Ok(reviews)) = (number(1, 10_000), number(2, 100_000)) else {
        eprintln!("CARDS and REVIEWS are whole numbers");
        return ExitCode::from(2);
    };
    let spec = FixtureSpec::new(cards, reviews, Utc::now());
    let deck = dir.join("decks").join("bench.toml");
    let state = dir.join("state.jsonl");
    for path in [&deck, &state] {
        if path.exists() {
            eprintln!("{} exists; choose an empty folder", path.display());
            return ExitCode::from(1);
        }
    }
    let written = std::fs::create_dir_all(dir.join("decks"))
        .and_then(|()| std::fs::write(&deck, deck_toml(&spec)))
        .and_then(|()| std::fs::write(&state, jsonl(&review_records(&spec))));
    if let Err(e) = written {
        eprintln!("cannot write to {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    println!(
        "wrote {} ({cards} cards) and {} ({reviews} reviews)",
        deck.display(),
        state.display()
    );
    ExitCode::SUCCESS
}
