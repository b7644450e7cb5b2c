//! `prepdeck stats [--json]`: readiness per category, totals, streak, forecast and calendar.
//!
//! Read-only: reads the state file without its lock (so it works while the app runs) and never
//! writes anything.

mod text;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Offset, Utc};

use super::home::Home;
use super::{Cli, load_decks};
use crate::core::deck::Deck;
use crate::core::schedule::replay;
use crate::core::stats::{MockHistory, Stats, stats};
use crate::core::text::sanitize_line;
use crate::store::config::load_config;
use crate::store::log;
use crate::store::paths;

pub use text::render;

/// Statistics for `decks` from the data folder `root`: reads `config.toml` and the state file
/// (without locking it), replays the log and computes. Returns the load warnings (a torn last
/// line, duplicate ids) as sentences beside the figures.
pub fn load_stats(
    root: &Path,
    decks: &[Deck],
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> anyhow::Result<(Stats, Vec<String>)> {
    let config = load_config(root)?;
    let state_file = paths::Home::at(root).state_file();
    let report = log::read(&state_file)?;
    let warnings = report
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", state_file.display()))
        .collect();
    let progress = replay(&report.records, &config.scheduler);
    let mocks = MockHistory::from_records(&report.records);
    let figures = stats(decks, &progress, &mocks, &config.scheduler, now, offset);
    Ok((figures, warnings))
}

pub fn run(cli: &Cli, home: &Home, json: bool) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let now = Utc::now();
    let offset = chrono::Local::now().offset().fix();
    let (figures, warnings) = load_stats(home.root(), &loaded.decks, now, offset)?;
    for w in &warnings {
        eprintln!("warning: {}", sanitize_line(w));
    }
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &figures)?;
        writeln!(out)?;
    } else {
        out.write_all(render(&figures).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
