//! The command line, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use clap_complete::Shell;

const EXAMPLES: &str = "\
Examples:
  prepdeck                          open the app (home screen)
  prepdeck decks list               the decks prepdeck can use
  prepdeck decks check my.toml      validate a deck you are writing
  prepdeck decks new my.toml        start a new deck from a template
  prepdeck stats                    readiness per category, streak and forecast
  prepdeck --home /tmp/try decks list
  prepdeck completions bash > ~/.local/share/bash-completion/completions/prepdeck

Exit codes: 0 success, 1 a problem with your data or files, 2 bad usage.";

/// A terminal trainer for job interviews: question decks, spaced repetition and mock interviews.
#[derive(Debug, Parser)]
#[command(name = "prepdeck", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Data folder for progress, config and your own decks [default: the platform data folder]
    #[arg(long, global = true, env = "PREPDECK_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// Also load this deck file (repeatable)
    #[arg(long = "deck-file", global = true, value_name = "PATH")]
    pub deck_file: Vec<PathBuf>,

    /// Only use the deck with this id (repeatable)
    #[arg(long, global = true, value_name = "ID")]
    pub deck: Vec<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, check and create decks
    Decks {
        #[command(subcommand)]
        command: DecksCommand,
    },
    /// Show readiness per category (weakest first), streak, forecast and review history
    Stats {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script
    Completions {
        /// bash, zsh, fish, powershell or elvish
        shell: Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum DecksCommand {
    /// Show every deck prepdeck can use: id, title, counts and where it comes from
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Validate deck files (or every deck prepdeck would load); exit 1 if any is invalid
    #[command(
        after_help = "Examples:\n  prepdeck decks check\n  prepdeck decks check my-deck.toml other.toml"
    )]
    Check {
        /// Deck files to check [default: every deck prepdeck would load]
        paths: Vec<PathBuf>,
    },
    /// Write a commented template deck to PATH (never overwrites)
    New {
        /// Where to write the new deck, e.g. ~/.local/share/prepdeck/decks/mine.toml
        path: PathBuf,
    },
}
