//! The command line, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use clap_complete::Shell;

use super::cards_args::{CardsCommand, CardsFilter};
use super::drill_args::DrillArgs;

const EXAMPLES: &str = "\
Examples:
  prepdeck                          open the app (home screen)
  prepdeck drill --limit 10         drill ten of today's cards
  prepdeck decks list               the decks prepdeck can use
  prepdeck decks check my.toml      validate a deck you are writing
  prepdeck decks new my.toml        start a new deck from a template
  prepdeck import questions.csv     turn a spreadsheet, Anki export or Markdown into a deck
  prepdeck export deck ID -o x.txt  write a deck for Anki
  prepdeck mock --plain             a mock interview in line mode
  prepdeck stats                    readiness per category, streak and forecast
  prepdeck target add acme --job posting.txt --date 2026-03-14
                                    prepare for one job's interview
  prepdeck cards --search budget    find a card; `cards show DECK/CARD` for one in full
  prepdeck stories coverage         which competencies your STAR stories prove
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

impl Cli {
    /// The command line of `prepdeck` alone (the app on its home screen), read without clap:
    /// building clap's command tree with every subcommand costs about 0.4 ms of each start,
    /// a tenth of the first frame with the built-in decks. `args` counts the process's
    /// arguments with the program's name; `home` is `PREPDECK_HOME`. `None` leaves it to
    /// clap: any argument (`--help`, an error), or an empty `PREPDECK_HOME`, which clap
    /// refuses ("a value is required for '--home <DIR>'"). The same as
    /// `Cli::try_parse_from(["prepdeck"])` otherwise (tested).
    pub fn without_arguments(args: usize, home: Option<std::ffi::OsString>) -> Option<Cli> {
        if args > 1 || home.as_ref().is_some_and(|h| h.is_empty()) {
            return None;
        }
        Some(Cli {
            home: home.map(PathBuf::from),
            deck_file: Vec::new(),
            deck: Vec::new(),
            command: None,
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Drill today's cards straight away (the app opens on the drill)
    #[command(
        after_help = "Examples:\n  prepdeck drill\n  prepdeck drill --deck it-manager --category budget --limit 10\n  prepdeck drill --kind behavioral --limit 5\n  prepdeck drill --weakest 3          the three categories with the lowest readiness"
    )]
    Drill(DrillArgs),
    /// A timed mock interview (line mode with --plain), then its debrief
    Mock(super::mock::args::MockArgs),
    /// Show readiness per category (weakest first), streak, forecast and review history
    Stats {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Past mock interviews, newest first
    History(super::mock::args::HistoryArgs),
    /// A past mock interview as a transcript with its debrief (Markdown or JSON)
    Report(super::mock::args::ReportArgs),
    /// Every card with its question and state (the card browser as a list); search and
    /// filter them, see one card in full, keep your notes and your own answers on any card
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  prepdeck cards --deck it-manager --category budget\n  prepdeck cards --search \"budget cut\" --state due\n  prepdeck cards --json\n  prepdeck cards show it-manager/budget-build-annual\n  prepdeck cards note it-manager/budget-build-annual --edit\n  prepdeck cards answer it-manager/budget-build-annual --promote 1\n  prepdeck cards suspend it-manager/budget-build-annual\n  prepdeck cards unsuspend it-manager/budget-build-annual\n  prepdeck cards unbury it-manager/budget-build-annual"
    )]
    Cards {
        #[command(flatten)]
        filter: CardsFilter,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        command: Option<CardsCommand>,
    },
    /// Check a written answer to a card: the key points it covers (with the words that
    /// matched), coverage, fillers, hedges, I vs we and STAR parts
    #[command(after_help = super::answer::EXAMPLES)]
    Answer(super::answer::AnswerArgs),
    /// Your STAR story bank (<home>/stories.toml): check, list, coverage of the competencies
    /// your decks probe, the stories that fit a question, drilling them
    #[command(
        after_help = "Examples:\n  prepdeck stories new                 a commented template\n  prepdeck stories check\n  prepdeck stories coverage\n  prepdeck stories suggest it-manager/projects-rescue-failing\n  prepdeck stories drill --plain"
    )]
    Stories {
        #[command(subcommand)]
        command: super::stories::StoriesCommand,
    },
    /// List, check and create decks
    Decks {
        #[command(subcommand)]
        command: DecksCommand,
    },
    /// Import cards from CSV/TSV, an Anki plain-text export or Markdown Q/A into a new deck
    #[command(after_help = super::import::EXAMPLES)]
    Import(super::import::ImportArgs),
    /// Export a deck for Anki, or your progress for a spreadsheet or script
    Export {
        #[command(subcommand)]
        command: super::export::ExportCommand,
    },
    /// Interview targets: a job description and a date; what the job stresses and your plan
    #[command(after_help = super::target::EXAMPLES)]
    Target {
        #[command(subcommand)]
        command: super::target::TargetCommand,
    },
    /// Inspect and look after the state file (your progress)
    State {
        #[command(subcommand)]
        command: StateCommand,
    },
    /// Print the effective settings and the config file's path
    Config,
    /// Fit the FSRS scheduler's weights to your own reviews; keep them only if they predict
    /// your history better
    #[command(
        after_help = "Examples:\n  prepdeck optimize           fit, compare with the weights in use, keep the better\n  prepdeck optimize --reset   go back to the default weights"
    )]
    Optimize {
        /// Forget the fitted weights and use the defaults again
        #[arg(long)]
        reset: bool,
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
    /// Validate deck files (or every deck prepdeck would load); exit 1 if any is invalid. Also
    /// warns, without failing, about tags that are not lower-case and hyphenated or that look
    /// like another tag of the same deck
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

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Print the state file's path
    Path,
    /// Validate the state file: torn or damaged lines, orphaned progress, leeches
    Check,
    /// Write a clean state file, keeping the original beside it
    Repair,
    /// Add the records of another state file (e.g. from a second computer); safe to repeat
    Merge {
        /// The other state file
        other: PathBuf,
    },
}
