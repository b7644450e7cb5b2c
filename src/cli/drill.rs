//! `prepdeck drill`: checks the filters, then runs the drill in the terminal app or, with
//! `--plain`, in line mode (`drill_plain.rs`).

use std::process::ExitCode;

use chrono::Utc;

use super::app::open;
use super::drill_args::DrillArgs;
use super::home::Home;
use super::open_study::open_study;
use super::{Cli, UserError, load_decks};
use crate::core::text::sanitize_line;
use crate::study::{DrillFilter, Study};
use crate::tui::Start;

/// `prepdeck drill [--category C] [--limit N] [--weakest N] [--practice [--reschedule]]`
/// (`--deck` is the global filter).
pub fn drill(cli: &Cli, home: &Home, args: &DrillArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter();
    let plain = args.plain;
    if !args.category.is_empty() {
        let loaded = load_decks(cli, home)?;
        for c in &filter.categories {
            if !loaded.decks.iter().any(|d| d.category(c).is_some()) {
                return Err(UserError(format!(
                    "no category `{}` in the decks you chose; `prepdeck stats` lists them",
                    sanitize_line(c.as_str())
                ))
                .into());
            }
        }
    }
    if plain {
        return drill_plain(cli, home, &filter);
    }
    open(cli, home, Start::Drill(filter))
}

/// The line-mode drill on stdin/stdout.
fn drill_plain(cli: &Cli, home: &Home, filter: &DrillFilter) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let mut study = open_study(home)?;
    let clock = Utc::now;
    let outcome = super::drill_plain::run_plain_drill(
        std::io::stdin().lock(),
        std::io::stdout().lock(),
        &clock,
        &loaded.decks,
        &mut study,
        filter,
    )?;
    study.close();
    // Every grade is on disk, or the exit status says some are not.
    Ok(if outcome.not_recorded > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
