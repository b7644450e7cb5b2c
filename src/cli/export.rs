//! `prepdeck export deck ID`: writes a deck in another tool's format (Anki plain text).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use super::home::Home;
use super::{Cli, UserError, load_decks};
use crate::core::text::sanitize_line;
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
    // `Progress { .. }` (review history for spreadsheets) comes with the scheduler.
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
            sanitize_line(id),
            sanitize_line(&known.join(", "))
        ))
        .into());
    };
    let text = match format {
        ExportFormat::AnkiTsv => anki_tsv(deck),
    };
    let Some(path) = output else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    let shown = sanitize_line(&path.display().to_string());
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    if force {
        opts.create(true).truncate(true);
    } else {
        opts.create_new(true);
    }
    let mut f = opts.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            UserError(format!(
                "{shown} already exists; pass --force to replace it"
            ))
        } else {
            UserError(format!("cannot write {shown}: {e}"))
        }
    })?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| UserError(format!("cannot write {shown}: {e}")))?;
    eprintln!(
        "exported {} cards of `{}` to {shown}",
        deck.cards.len(),
        sanitize_line(deck.id.as_str())
    );
    Ok(ExitCode::SUCCESS)
}
