//! `prepdeck stats [--json]`: readiness per category, totals, streak, forecast and calendar.
//!
//! Read-only: reads the state file without its lock (so it works while the app runs) and never
//! writes to it; uses the progress cache when it matches but never writes it (the only file it
//! may write is the deck cache, `<home>/cache/decks/`).

mod text;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Offset, Utc};

use super::home::Home;
use super::{Cli, load_decks};
use crate::cli::output::Format;
use crate::core::deck::Deck;
use crate::core::schedule::optimize_suggestion;
use crate::core::stats::Stats;
use crate::core::text::sanitize_line;
use crate::store::config::load_config;
use crate::store::fsrs_parameters::load_optimised;
use crate::store::paths;
use crate::study::{LogStudy, ReadOnlyLog, Study, read_study};

pub use text::{Extras, render};

/// Statistics for `decks` from the data folder `root`: reads `config.toml` and the state file
/// (without locking it), brings the progress up to date and computes. Returns the load
/// warnings (a torn last line, duplicate ids) as sentences beside the figures.
pub fn load_stats(
    root: &Path,
    decks: &[Deck],
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> anyhow::Result<(Stats, Vec<String>)> {
    Ok(compute(&read_progress(root, offset)?, decks, now))
}

/// Everything the statistics need from the data folder except the decks.
pub struct ReadProgress {
    study: LogStudy<ReadOnlyLog>,
    warnings: Vec<String>,
    desired_retention: f64,
    /// When `prepdeck optimize` last ran, and the reviews then.
    last_optimized: Option<(DateTime<Utc>, usize)>,
}

/// Reads `config.toml` and the state file (without locking it; from the progress cache and
/// what was appended since, when the cache matches) and replays what it must. Only reads, so
/// it can run while the decks load.
pub fn read_progress(root: &Path, offset: FixedOffset) -> anyhow::Result<ReadProgress> {
    let config = load_config(root)?;
    let desired_retention = config.scheduler.desired_retention;
    let last_optimized = load_optimised(root)
        .ok()
        .and_then(|o| o.last_run)
        .map(|r| (r.at, r.reviews));
    let home = paths::Home::at(root);
    let (study, warnings) = read_study(&home, config.scheduler, offset)?;
    let state_file = home.state_file();
    let warnings = warnings
        .iter()
        .map(|w| format!("{}: {w}", state_file.display()))
        .collect();
    Ok(ReadProgress {
        study,
        warnings,
        desired_retention,
        last_optimized,
    })
}

fn compute(read: &ReadProgress, decks: &[Deck], now: DateTime<Utc>) -> (Stats, Vec<String>) {
    (read.study.stats(decks, now), read.warnings.clone())
}

pub fn run(cli: &Cli, home: &Home, format: Format) -> anyhow::Result<ExitCode> {
    let now = Utc::now();
    let offset = chrono::Local::now().offset().fix();
    // The state file is read and replayed while the decks load (both only read). Errors and
    // messages come in the same order as one after the other: deck problems first.
    let (loaded, read) = std::thread::scope(|s| {
        let read = s.spawn(|| read_progress(home.root(), offset));
        let loaded = load_decks(cli, home);
        let read = read
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("reading the state file failed")));
        (loaded, read)
    });
    let loaded = loaded?;
    let read = read?;
    let (figures, warnings) = compute(&read, &loaded.decks, now);
    let extras = Extras {
        desired_retention: read.desired_retention,
        optimize: optimize_suggestion(figures.reviews_total, read.last_optimized, now),
    };
    // The process ends after this command: freeing every record, review and card one by one
    // would only delay the exit (about 10 ms at 100,000 reviews).
    std::mem::forget(read);
    std::mem::forget(loaded);
    for w in &warnings {
        eprintln!("warning: {}", sanitize_line(w));
    }
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        #[derive(serde::Serialize)]
        struct Report<'a> {
            #[serde(flatten)]
            stats: &'a Stats,
            desired_retention: f64,
            /// Why `prepdeck optimize` is worth running now (`null`: it is not).
            optimize_suggestion: Option<&'a str>,
        }
        let report = Report {
            stats: &figures,
            desired_retention: extras.desired_retention,
            optimize_suggestion: extras.optimize.as_deref(),
        };
        crate::core::json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        out.write_all(render(&figures, &extras).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
