//! `prepdeck history`: past mock interviews from the state log, newest first. Read-only and
//! without the lock, so it works while the app runs.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::Cli;
use super::decks::print_table;
pub use super::history_grade::HistoryCommand;
use super::home::Home;
use super::interviews::load_interviews;
use super::mock::args::HistoryArgs;
use super::time_text::{local_time, rfc3339};
use crate::core::session::{CardIndex, PastInterview};
use crate::core::text::sanitize_line;

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
        id: p.shown_id(),
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
                r.id.clone(),
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
