//! `prepdeck history`: past mock interviews from the state log, newest first. Read-only and
//! without the lock, so it works while the app runs.

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, Local, SecondsFormat, Utc};
use serde::Serialize;

use super::decks::print_table;
pub use super::history_grade::HistoryCommand;
use super::home::Home;
use super::mock::args::HistoryArgs;
use super::{Cli, UserError};
use crate::core::deck::Deck;
use crate::core::session::{CardIndex, PastInterview, past_interviews};
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
    let decks = load_decks_for_history(cli, home)?;
    Ok((past_interviews(&report.records), decks))
}

/// Every deck (`--deck` does not filter: an interview may ask from several decks); broken
/// decks are reported on stderr.
pub(crate) fn load_decks_for_history(cli: &Cli, home: &Home) -> anyhow::Result<Vec<Deck>> {
    let loaded = crate::store::decks::load_all(&home.decks_dir(), &cli.deck_file);
    for p in &loaded.problems {
        eprintln!(
            "warning: skipped the broken deck {} (see `prepdeck decks check`)",
            sanitize_line(&p.origin)
        );
    }
    // `--deck` filters which interviews are listed; an id that names no deck is a typo.
    super::check_deck_ids(cli, &loaded)?;
    Ok(loaded.decks)
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
    /// Questions reached without a confirmed grade (`prepdeck history grade` offers them).
    ungraded: usize,
    score: u8,
    completed: bool,
    ending: &'static str,
}

fn row(p: &PastInterview, cards: &CardIndex<'_>) -> Row {
    Row {
        id: p.id.to_string(),
        started_at: rfc3339(p.started_at),
        decks: p.decks().iter().map(|d| d.to_string()).collect(),
        questions: p.questions.len(),
        answered: p.answered(),
        ungraded: p.ungraded(),
        score: p.scored_debrief_in(cards).score(),
        completed: p.ending == crate::core::session::Ending::Completed,
        ending: p.ending.label(),
    }
}

pub fn history(cli: &Cli, home: &Home, args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    if let Some(HistoryCommand::Grade(grade)) = &args.command {
        return super::history_grade::run(cli, home, grade);
    }
    let (mut all, decks) = load_interviews(cli, home)?;
    if !cli.deck.is_empty() {
        all.retain(|p| {
            p.decks()
                .iter()
                .any(|d| cli.deck.iter().any(|c| c == d.as_str()))
        });
    }
    all.reverse();
    let cards = CardIndex::new(&decks);
    let rows: Vec<Row> = all.iter().map(|p| row(p, &cards)).collect();
    let mut out = std::io::stdout().lock();
    if args.json {
        crate::core::json::to_writer_pretty(&mut out, &rows)?;
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
                match r.ungraded {
                    0 => r.ending.to_string(),
                    n => format!("{}, {n} ungraded", r.ending),
                },
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
    if rows.iter().any(|r| r.ungraded > 0) {
        writeln!(
            out,
            "Questions marked ungraded are not in your schedule yet: grade them with \
             `prepdeck history grade ID`."
        )?;
    }
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
            crate::core::text::quoted(id),
            sanitize_line(&recent.join(", "))
        ))
        .into()
    })
}
