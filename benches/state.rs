//! The state file at scale (issue 4): open the log, replay it and build today's queue, and
//! make one grade durable.
//!
//! Budgets at 10,000 cards and 100,000 reviews: open + replay + queue under 50 ms (median),
//! one durable append (write, flush, `sync_data`) under 5 ms (median).
//!
//! `cargo bench --bench state` (std::time::Instant loops; prints the median and fastest run of
//! each phase and exits 1 when a budget is missed).

mod common;
/// The test data generators, shared with the library's own tests (not part of the library).
#[allow(dead_code)]
#[path = "../src/fixtures.rs"]
mod fixtures;

// The binary runs on mimalloc (src/main.rs); measure with the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use common::time;

use std::process::ExitCode;
use std::time::Duration;

use chrono::{FixedOffset, Utc};
use fixtures::{FixtureSpec, deck_toml, jsonl, review_records};
use prepdeck::core::grade::Grade;
use prepdeck::core::ids::{CardId, DeckId};
use prepdeck::core::record::{RecordBody, Review, ReviewMode};
use prepdeck::core::schedule::{QueueFilter, SchedulerConfig, build_queue, replay};
use prepdeck::store::decks::load_all;
use prepdeck::store::log::{self, StateLog};
use prepdeck::store::paths::Home;
use prepdeck::store::progress_cache;
use prepdeck::study::{LogStudy, Study, open_study};

const LOAD_BUDGET: Duration = Duration::from_millis(50);
const APPEND_BUDGET: Duration = Duration::from_millis(5);
const RUNS: usize = 15;
const APPENDS: usize = 50;

fn line(name: &str, (median, fastest): (Duration, Duration)) {
    println!(
        "  {name:<28} {:9.3} ms (fastest {:9.3} ms)",
        median.as_secs_f64() * 1000.0,
        fastest.as_secs_f64() * 1000.0
    );
}

/// Returns the medians of (open + replay + queue, one durable append).
fn run(cards: usize, reviews: usize) -> Result<(Duration, Duration), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    let now = Utc::now();
    let offset = FixedOffset::east_opt(0).ok_or("offset")?;
    let spec = FixtureSpec::new(cards, reviews, now);
    std::fs::create_dir_all(root.join("decks"))?;
    std::fs::write(root.join("decks/bench.toml"), deck_toml(&spec))?;
    let state = root.join("state.jsonl");
    std::fs::write(&state, jsonl(&review_records(&spec)))?;
    let decks = load_all(&root.join("decks"), &[]).decks;
    let config = SchedulerConfig::default();
    let filter = QueueFilter::default();

    let (read_med, read_min, report) = time(RUNS, || log::read(&state));
    let records = report?.records;
    let (open_med, open_min, _) = time(RUNS, || StateLog::open(&state).map(|(_, r)| r));
    let (replay_med, replay_min, progress) = time(RUNS, || replay(&records, &config));
    let (queue_med, queue_min, queue) = time(RUNS, || {
        build_queue(&decks, &progress, now, offset, &config, &filter)
    });
    // What the app does before its first frame: open (locked), replay, queue.
    // (What is built is returned, so that dropping it is not timed: the app keeps it.)
    let (all_med, all_min, all) = time(RUNS, || -> Result<_, Box<dyn std::error::Error>> {
        let (log, report) = StateLog::open(&state)?;
        let progress = replay(&report.records, &config);
        let queue = build_queue(&decks, &progress, now, offset, &config, &filter);
        Ok((log, report, progress, queue))
    });
    drop(all?);
    let (study_med, study_min, study) = time(RUNS, || -> Result<_, Box<dyn std::error::Error>> {
        let (log, report) = StateLog::open(&state)?;
        let study = LogStudy::new(log, report.records, config.clone(), offset);
        let overview = study.overview(&decks, now);
        Ok((study, overview))
    });
    let (study, _) = study?;
    let (overview_med, overview_min, _) = time(RUNS, || study.overview(&decks, now));
    drop(study);

    // One grade made durable, on the big log.
    let (mut log, _) = StateLog::open(&state)?;
    let deck = DeckId::new(spec.deck_id.as_str());
    let mut n = 0usize;
    let (append_med, append_min, _) = time(APPENDS, || {
        n += 1;
        log.append(
            RecordBody::Review(Review {
                deck: deck.clone(),
                card: CardId::new(format!("card-{}", n % cards.max(1))),
                grade: Grade::Good,
                took_ms: 12_000,
                mode: ReviewMode::Drill,
            }),
            now,
        )
        .map(|r| r.id)
    });
    drop(log);
    // The app's whole step after a grade: append, then bring progress up to date.
    let (log, report) = StateLog::open(&state)?;
    let mut study = LogStudy::new(log, report.records, config.clone(), offset);
    let (grade_med, grade_min, _) = time(APPENDS, || {
        n += 1;
        study.append(
            RecordBody::Review(Review {
                deck: deck.clone(),
                card: CardId::new(format!("card-{}", n % cards.max(1))),
                grade: Grade::Hard,
                took_ms: 9_000,
                mode: ReviewMode::Drill,
            }),
            // As in the app, each grade comes a little after the one before.
            now + chrono::Duration::seconds(i64::try_from(n).unwrap_or(0)),
        )
    });

    drop(study);

    // What the app does: open through the progress cache. First with no cache (a full replay,
    // then the cache is saved), then from the cache, then from the cache with 1,000 records
    // appended since it was saved.
    let home = Home::at(root);
    let cache = home.progress_cache_file();
    let open_app = || -> Result<_, Box<dyn std::error::Error>> {
        let (study, _) = open_study(&home, config.clone(), offset)?;
        let overview = study.overview(&decks, now);
        Ok((study, overview))
    };
    let (miss_med, miss_min, miss) = time(RUNS, || {
        let _ = std::fs::remove_file(&cache);
        open_app()
    });
    drop(miss?);
    let (hit_med, hit_min, hit) = time(RUNS, open_app);
    drop(hit?);
    let (load_med, load_min, _) = time(RUNS, || {
        progress_cache::load(&cache, &home.state_file(), &config)
    });
    {
        let (mut study, _) = open_study(&home, config.clone(), offset)?;
        for i in 0..1_000i64 {
            study.append(
                RecordBody::Review(Review {
                    deck: DeckId::new(spec.deck_id.as_str()),
                    card: CardId::new(format!("card-{}", i.unsigned_abs() as usize % cards.max(1))),
                    grade: Grade::Good,
                    took_ms: 10_000,
                    mode: ReviewMode::Drill,
                }),
                // After everything appended below.
                now + chrono::Duration::seconds(10_000 + i),
            )?;
        }
        // Killed: the cache is not brought up to date.
    }
    let (tail_med, tail_min, tail) = time(RUNS, open_app);
    drop(tail?);

    println!(
        "state file at {cards} cards, {reviews} reviews ({} MB), queue of {}",
        std::fs::metadata(&state)?.len() / 1_000_000,
        queue.entries.len()
    );
    line("read (log::read)", (read_med, read_min));
    line("open (locked)", (open_med, open_min));
    line("replay", (replay_med, replay_min));
    line("build queue", (queue_med, queue_min));
    line("open + replay + queue", (all_med, all_min));
    line("open + replay + overview", (study_med, study_min));
    line("overview (home screen)", (overview_med, overview_min));
    line("app open, no cache (+ save)", (miss_med, miss_min));
    line("app open from cache", (hit_med, hit_min));
    line("  of which: load the cache", (load_med, load_min));
    line("app open, cache + 1,000 new", (tail_med, tail_min));
    line("append (durable)", (append_med, append_min));
    line("append + update progress", (grade_med, grade_min));
    Ok((all_med, append_med))
}

fn main() -> ExitCode {
    let mut over = Vec::new();
    for (cards, reviews) in [(1_000, 10_000), (10_000, 100_000)] {
        match run(cards, reviews) {
            Ok((load, append)) if cards == 10_000 => {
                if load > LOAD_BUDGET {
                    over.push(format!(
                        "open + replay + queue must take under {LOAD_BUDGET:?}"
                    ));
                }
                if append > APPEND_BUDGET {
                    over.push(format!(
                        "a durable append must take under {APPEND_BUDGET:?}"
                    ));
                }
            }
            Ok(_) => {}
            Err(e) => {
                eprintln!("bench failed: {e}");
                return ExitCode::from(1);
            }
        }
    }
    for o in &over {
        eprintln!("over budget: {o}");
    }
    if over.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
