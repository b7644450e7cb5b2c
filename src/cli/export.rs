//! `prepdeck export deck ID`: writes a deck in another tool's format (Anki plain text).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use super::home::Home;
use super::{Cli, UserError, load_decks};
use crate::core::text::{sanitize, sanitize_line};
use crate::store::export::anki_tsv;

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write a deck as a file another tool imports (Anki: File > Import)
    #[command(
        after_help = "Examples:\n  prepdeck export deck it-fundamentals > it-fundamentals.txt\n  prepdeck export deck my-deck --format anki-tsv -o my-deck.txt"
    )]
    Deck {
        /// The deck's id (see `prepdeck decks list`)
        id: String,
        /// The output format
        #[arg(long, value_enum, default_value_t = ExportFormat::AnkiTsv)]
        format: ExportFormat,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Write your progress for a spreadsheet or a script: one row per card with its
    /// scheduling state, and the review log
    #[command(
        after_help = "Examples:\n  prepdeck export progress --format json -o progress.json\n  prepdeck export progress --format csv > cards.csv\n  prepdeck export progress --format csv --reviews > reviews.csv"
    )]
    Progress {
        /// json (cards and reviews together) or csv (one table: cards, or --reviews)
        #[arg(long, value_enum, default_value_t = ProgressFormat::Json)]
        format: ProgressFormat,
        /// With csv: write the review log instead of the cards
        #[arg(long)]
        reviews: bool,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Write your own material: notes, your answers and every typed attempt, per card
    #[command(
        after_help = "Examples:\n  prepdeck export notes -o my-notes.md\n  prepdeck export notes --format json > notes.json"
    )]
    Notes {
        /// markdown (to read or print) or json (for scripts)
        #[arg(long, value_enum, default_value_t = NotesFormat::Markdown)]
        format: NotesFormat,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NotesFormat {
    Markdown,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProgressFormat {
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Anki "Notes in Plain Text": tab-separated Front, Back, Tags with HTML
    AnkiTsv,
}

pub fn run(cli: &Cli, home: &Home, command: &ExportCommand) -> anyhow::Result<ExitCode> {
    match command {
        ExportCommand::Deck {
            id,
            format,
            output,
            force,
        } => deck(cli, home, id, *format, output.as_deref(), *force),
        ExportCommand::Progress {
            format,
            reviews,
            output,
            force,
        } => progress(cli, home, *format, *reviews, output.as_deref(), *force),
        ExportCommand::Notes {
            format,
            output,
            force,
        } => {
            let loaded = load_decks(cli, home)?;
            let (_, progress, notebook) = super::read_progress::read_all(home)?;
            let text = match format {
                NotesFormat::Json => {
                    super::note_show::notes_json(&loaded.decks, &progress, &notebook)?
                }
                NotesFormat::Markdown => {
                    super::note_show::notes_markdown(&loaded.decks, &progress, &notebook)
                }
            };
            if write_output(cli, home, output.as_deref(), &text, *force)? {
                eprintln!(
                    "exported the notes, answers and attempts of {} card(s)",
                    notebook.keys().len()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn deck(
    cli: &Cli,
    home: &Home,
    id: &str,
    format: ExportFormat,
    output: Option<&Path>,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let Some(deck) = loaded.find(id) else {
        let known: Vec<&str> = loaded.decks.iter().map(|d| d.id.as_str()).collect();
        return Err(UserError(format!(
            "no deck with id `{}` (decks: {})",
            crate::core::text::quoted(id),
            sanitize_line(&known.join(", "))
        ))
        .into());
    };
    let text = match format {
        ExportFormat::AnkiTsv => anki_tsv(deck),
    };
    if write_output(cli, home, output, &text, force)? {
        eprintln!(
            "exported {} cards of `{}` to {}",
            deck.cards.len(),
            sanitize_line(deck.id.as_str()),
            sanitize_line(&output.map(|p| p.display().to_string()).unwrap_or_default())
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to standard output, or to `output` (a new private file; an existing one only
/// with `force`; never one of prepdeck's own files). Returns whether a file was written.
fn write_output(
    cli: &Cli,
    home: &Home,
    output: Option<&Path>,
    text: &str,
    force: bool,
) -> anyhow::Result<bool> {
    let Some(path) = output else {
        let mut out = std::io::stdout().lock();
        // A file or a pipe gets the exact text; a terminal never gets deck text raw.
        if out.is_terminal() {
            out.write_all(sanitize(text).as_bytes())?;
        } else {
            out.write_all(text.as_bytes())?;
        }
        out.flush()?;
        return Ok(false);
    };
    super::output::write_output_file(cli, home, path, text.as_bytes(), force)?;
    Ok(true)
}

fn progress(
    cli: &Cli,
    home: &Home,
    format: ProgressFormat,
    reviews: bool,
    output: Option<&Path>,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let (records, progress, notebook) = super::read_progress::read_all(home)?;
    let views = crate::core::notes::filter_cards(
        &loaded.decks,
        &progress,
        &notebook,
        &crate::core::notes::BrowseFilter::default(),
        chrono::Utc::now(),
    );
    let cards = super::cards::card_rows(&views, &notebook);
    // From the records: the progress keeps no record ids.
    let log: Vec<ReviewRow> = crate::core::schedule::effective_reviews(&records)
        .into_iter()
        .filter(|(_, r)| cli.deck.is_empty() || cli.deck.iter().any(|d| d == r.deck.as_str()))
        .map(|(record, r)| ReviewRow {
            id: record.id.to_string(),
            at: record
                .at
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            deck: r.deck.to_string(),
            card: r.card.to_string(),
            grade: r.grade.label().to_ascii_lowercase(),
            took_ms: r.took_ms,
            mode: match r.mode {
                crate::core::record::ReviewMode::Drill => "drill",
                crate::core::record::ReviewMode::Mock => "mock",
            },
        })
        .collect();
    let text = match format {
        ProgressFormat::Json => {
            let mut s = crate::core::json::to_string_pretty(&serde_json::json!({
                "cards": cards,
                "reviews": log,
            }))?;
            s.push('\n');
            s
        }
        ProgressFormat::Csv if reviews => to_csv(&log)?,
        ProgressFormat::Csv => to_csv(&cards)?,
    };
    if write_output(cli, home, output, &text, force)? {
        eprintln!("exported {} cards and {} reviews", cards.len(), log.len());
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct ReviewRow {
    id: String,
    at: String,
    deck: String,
    card: String,
    grade: String,
    took_ms: u64,
    mode: &'static str,
}

fn to_csv<T: serde::Serialize>(rows: &[T]) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)?;
    }
    Ok(String::from_utf8(
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?,
    )?)
}
