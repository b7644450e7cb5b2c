//! `prepdeck history`: past mock interviews from the state log, newest first. Read-only and
//! without the lock, so it works while the app runs.

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, Local, SecondsFormat, Utc};
use serde::Serialize;

use super::decks::print_table;
use super::home::Home;
use super::mock::args::HistoryArgs;
use super::{Cli, UserError};
use crate::core::deck::Deck;
use crate::core::session::{PastInterview, past_interviews};
use crate::core::text::sanitize_line;
use crate::store::log;

/// Every interview in the state file (oldest first) and every deck (`--deck` does not filter
/// here: an interview may ask from several decks). Problems go to stderr.
pub(crate) fn load_interviews(
    cli: &Cli,
    home: &Home,
) -> anyhow::Result<(Vec<PastInterview>, Vec<Deck>)> {
    let report = log::read(home.state_file())?;
    crate::cli::print_load_warnings(&home.state_file(), &report.warnings);
    let loaded = crate::store::decks::load_all(&home.decks_dir(), &cli.deck_file);
    for p in &loaded.problems {
        eprintln!(
            "warning: skipped the broken deck {} (see `prepdeck decks check`)",
            sanitize_line(&p.origin)
        );
    }
    // `--deck` filters which interviews are listed; an id that names no deck is a typo.
    super::check_deck_ids(cli, &loaded)?;
    Ok((past_interviews(&report.records), loaded.decks))
}

/// Local date and time, to the minute.
pub(crate) fn local_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[derive(Serialize)]
struct Row {
    id: String,
    started_at: String,
    decks: Vec<String>,
    questions: usize,
    answered: usize,
    score: u8,
    completed: bool,
    ending: &'static str,
}

fn row(p: &PastInterview, decks: &[Deck]) -> Row {
    Row {
        id: p.id.to_string(),
        started_at: rfc3339(p.started_at),
        decks: p.decks().iter().map(|d| d.to_string()).collect(),
        questions: p.questions.len(),
        answered: p.answered(),
        score: p.debrief(decks).score(),
        completed: p.ending == crate::core::session::Ending::Completed,
        ending: p.ending.label(),
    }
}

pub fn history(cli: &Cli, home: &Home, args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let (mut all, decks) = load_interviews(cli, home)?;
    if !cli.deck.is_empty() {
        all.retain(|p| {
            p.decks()
                .iter()
                .any(|d| cli.deck.iter().any(|c| c == d.as_str()))
        });
    }
    all.reverse();
    let rows: Vec<Row> = all.iter().map(|p| row(p, &decks)).collect();
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln!(
            out,
            "No mock interviews yet. Start one with `prepdeck mock --plain`."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let table: Vec<Vec<String>> = all
        .iter()
        .zip(&rows)
        .map(|(p, r)| {
            vec![
                local_time(p.started_at),
                sanitize_line(&r.decks.join(",")),
                format!("{}/{}", r.answered, r.questions),
                r.score.to_string(),
                r.ending.to_string(),
                sanitize_line(&r.id),
            ]
        })
        .collect();
    print_table(
        &mut out,
        &["DATE", "DECKS", "ANSWERED", "SCORE", "STATUS", "ID"],
        &table,
    )?;
    writeln!(
        out,
        "\nSee one again with `prepdeck report --id ID` (or `--last`)."
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The interview `id`, else the latest; a clear error listing recent ids when unknown.
pub(crate) fn choose<'a>(
    all: &'a [PastInterview],
    id: Option<&str>,
    home: &Home,
) -> anyhow::Result<&'a PastInterview> {
    let Some(last) = all.last() else {
        return Err(UserError(format!(
            "no mock interviews in {} yet; start one with `prepdeck mock --plain`",
            home.state_file().display()
        ))
        .into());
    };
    let Some(id) = id else {
        return Ok(last);
    };
    crate::core::session::find_interview(all, id).ok_or_else(|| {
        let recent: Vec<String> = all
            .iter()
            .rev()
            .take(5)
            .map(|p| format!("{} ({})", p.id, local_time(p.started_at)))
            .collect();
        UserError(format!(
            "no mock interview with id `{}`; recent ones: {} (all: `prepdeck history`)",
            sanitize_line(id),
            sanitize_line(&recent.join(", "))
        ))
        .into()
    })
}
