//! Command-line parsing (clap) and dispatch to the commands and front ends.
//!
//! Exit codes: 0 success, 1 a problem with the user's data or files, 2 bad usage.

mod args;
mod decks;
mod home;
mod stats;
mod template;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

pub use args::{Cli, Command, DecksCommand};
pub use stats::load_stats;

use crate::core::text::sanitize_line;
use crate::store::decks::LoadedDecks;

/// An error for the user: printed as one sentence (or a block of diagnostics), exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

/// Runs prepdeck with the process's arguments; returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = std::io::stdout().flush();
            eprintln!("prepdeck: {}", sanitize_line(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let home = home::resolve(cli.home.clone())?;
    match &cli.command {
        None => decks::summary(&cli, &home),
        Some(Command::Decks { command }) => match command {
            DecksCommand::List { json } => decks::list(&cli, &home, *json),
            DecksCommand::Check { paths } => decks::check(&cli, &home, paths),
            DecksCommand::New { path } => decks::new(path),
        },
        Some(Command::Stats { json }) => stats::run(&cli, &home, *json),
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            clap_complete::generate(*shell, &mut cmd, "prepdeck", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Loads every deck prepdeck would use, applying `--deck` filters; reports broken decks on
/// stderr (they are skipped, never fatal).
pub(crate) fn load_decks(cli: &Cli, home: &home::Home) -> anyhow::Result<LoadedDecks> {
    let mut loaded = crate::store::decks::load_all(&home.decks_dir(), &cli.deck_file);
    for p in &loaded.problems {
        eprint!("{}", p.diagnostics);
        eprintln!("warning: skipped {}\n", sanitize_line(&p.origin));
    }
    if !cli.deck.is_empty() {
        for id in &cli.deck {
            if loaded.find(id).is_none() {
                let known: Vec<&str> = loaded.decks.iter().map(|d| d.id.as_str()).collect();
                return Err(UserError(format!(
                    "no deck with id `{id}` (decks: {})",
                    known.join(", ")
                ))
                .into());
            }
        }
        loaded
            .decks
            .retain(|d| cli.deck.iter().any(|id| id == d.id.as_str()));
    }
    Ok(loaded)
}
