//! `prepdeck stats` work at scale: load the decks, read and replay the state file, compute
//! the statistics. Budget: under 100 ms at 10,000 cards and 100,000 reviews, checked without
//! the progress cache (the figure with it is printed too).
//!
//! `cargo bench --bench stats` (std::time::Instant loops; prints the median and fastest run of
//! each phase and exits 1 when the whole is over budget).

mod common;
/// The test data generators, shared with the library's own tests (not part of the library).
#[allow(dead_code)]
#[path = "../src/fixtures.rs"]
mod fixtures;

// The binary runs on mimalloc (src/main.rs); measure with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use common::time;

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use chrono::{FixedOffset, Utc};
use fixtures::{FixtureSpec, deck_toml, jsonl, review_records};
use prepdeck::cli::load_stats;
use prepdeck::core::schedule::{SchedulerConfig, replay};
use prepdeck::core::stats::{MockHistory, stats, weakest_drill_queue};
use prepdeck::store::decks::{load_all, load_all_cached};
use prepdeck::store::log;
use prepdeck::store::paths::Home;
use prepdeck::study::open_study;

const BUDGET: Duration = Duration::from_millis(100);
const RUNS: usize = 15;

fn ms(d: Duration) -> String {
    format!("{:9.3} ms", d.as_secs_f64() * 1000.0)
}

fn run(cards: usize, reviews: usize) -> Result<Duration, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    let now = Utc::now();
    let offset = FixedOffset::east_opt(0).ok_or("offset")?;
    let spec = FixtureSpec::new(cards, reviews, now);
    std::fs::create_dir_all(root.join("decks"))?;
    std::fs::write(root.join("decks/bench.toml"), deck_toml(&spec))?;
    std::fs::write(root.join("state.jsonl"), jsonl(&review_records(&spec)))?;

    let decks_dir = root.join("decks");
    let none: &[std::path::PathBuf] = &[];
    let load_decks = || load_all(&decks_dir, none).decks;
    let (deck_med, deck_min, decks) = time(RUNS, load_decks);
    let cache = root.join("cache/decks");
    let (cached_med, cached_min, _) =
        time(RUNS, || load_all_cached(&decks_dir, none, Some(&cache)));
    let (read_med, read_min, report) = time(RUNS, || log::read(root.join("state.jsonl")));
    let records = report?.records;
    let config = SchedulerConfig::default();
    let (replay_med, replay_min, progress) = time(RUNS, || replay(&records, &config));
    let mocks = MockHistory::default();
    let (compute_med, compute_min, figures) = time(RUNS, || {
        stats(&decks, &progress, &mocks, &config, now, offset)
    });
    let (drill_med, drill_min, _) = time(RUNS, || {
        weakest_drill_queue(
            &decks,
            &progress,
            &figures,
            3,
            50,
            &prepdeck::core::schedule::Model::default(),
            now,
        )
    });
    let (all_med, all_min, _) = time(RUNS, || whole(root, now, offset));
    // With the progress cache the app leaves behind (stats reads it, never writes it).
    drop(open_study(&Home::at(root), config.clone(), offset)?);
    let (warm_med, warm_min, _) = time(RUNS, || whole(root, now, offset));

    println!(
        "stats at {cards} cards (in {} decks), {reviews} reviews",
        decks.len()
    );
    println!(
        "  load decks       {} (fastest {})",
        ms(deck_med),
        ms(deck_min)
    );
    println!(
        "  decks, cached    {} (fastest {})",
        ms(cached_med),
        ms(cached_min)
    );
    println!(
        "  read state file  {} (fastest {})",
        ms(read_med),
        ms(read_min)
    );
    println!(
        "  replay           {} (fastest {})",
        ms(replay_med),
        ms(replay_min)
    );
    println!(
        "  compute stats    {} (fastest {})",
        ms(compute_med),
        ms(compute_min)
    );
    println!(
        "  weakest drill    {} (fastest {})",
        ms(drill_med),
        ms(drill_min)
    );
    println!(
        "  whole command    {} (fastest {})",
        ms(all_med),
        ms(all_min)
    );
    println!(
        "  whole, from cache {} (fastest {})",
        ms(warm_med),
        ms(warm_min)
    );
    Ok(all_med)
}

/// What `prepdeck stats` does after parsing its arguments (without printing), with the deck
/// cache in the data folder as the binary uses it.
fn whole(root: &Path, now: chrono::DateTime<Utc>, offset: FixedOffset) -> usize {
    let cache = root.join("cache/decks");
    let loaded = load_all_cached(&root.join("decks"), &[], Some(&cache));
    match load_stats(root, &loaded.decks, now, offset) {
        Ok((s, _)) => s.categories.len(),
        Err(_) => 0,
    }
}

fn main() -> ExitCode {
    let mut over = false;
    for (cards, reviews) in [(1_000, 10_000), (10_000, 100_000)] {
        match run(cards, reviews) {
            Ok(median) if cards == 10_000 && median > BUDGET => over = true,
            Ok(_) => {}
            Err(e) => {
                eprintln!("bench failed: {e}");
                return ExitCode::from(1);
            }
        }
    }
    if over {
        eprintln!("over budget: the whole command must take under {BUDGET:?}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
