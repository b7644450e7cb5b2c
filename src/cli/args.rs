//! The command line, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use clap_complete::Shell;

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

/// Which cards `prepdeck cards` lists (every filter given must match).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CardsFilter {
    /// Only cards of this category id (repeatable)
    #[arg(long, value_name = "ID")]
    pub category: Vec<String>,
    /// Only cards of this kind (repeatable)
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Vec<KindArg>,
    /// Only cards in this state (repeatable): new, learning, review, due, suspended, buried,
    /// leech
    #[arg(long, value_name = "STATE", value_parser = parse_card_state)]
    pub state: Vec<crate::core::notes::CardState>,
    /// Only cards whose question, answer, tags, note or own answer contain every word of TEXT
    /// (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

fn parse_card_state(s: &str) -> Result<crate::core::notes::CardState, String> {
    use crate::core::notes::CardState;
    CardState::parse(s).ok_or_else(|| {
        let all: Vec<&str> = CardState::ALL.iter().map(|c| c.as_str()).collect();
        format!("expected one of: {}", all.join(", "))
    })
}

#[derive(Debug, Subcommand)]
pub enum CardsCommand {
    /// One card in full: question, your note and answer, every attempt, review history, memory
    #[command(
        after_help = "Examples:\n  prepdeck cards show it-manager/budget-build-annual\n  prepdeck cards show it-manager/budget-build-annual --json"
    )]
    Show {
        /// The card as DECK/CARD (see `prepdeck cards`)
        #[arg(value_name = "DECK/CARD")]
        card: String,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Print, write or clear your note on a card (shown beside the model answer)
    #[command(
        after_help = "Without an option, prints the note.\n\nExamples:\n  prepdeck cards note it-manager/budget-build-annual --edit\n  prepdeck cards note it-manager/budget-build-annual --set \"Lead with the 12% saving\"\n  prepdeck cards note it-manager/budget-build-annual --file notes.md\n  prepdeck cards note it-manager/budget-build-annual --clear"
    )]
    Note {
        /// The card as DECK/CARD (see `prepdeck cards`)
        #[arg(value_name = "DECK/CARD")]
        card: String,
        #[command(flatten)]
        edit: TextEdit,
    },
    /// Print, write, clear or promote your own answer to a card (shown beside the model
    /// answer)
    #[command(
        after_help = "Without an option, prints your answer.\n\nExamples:\n  prepdeck cards answer it-manager/budget-build-annual --edit\n  prepdeck cards answer it-manager/budget-build-annual --promote 1   your newest attempt\n  prepdeck cards answer it-manager/budget-build-annual --file answer.md"
    )]
    Answer {
        /// The card as DECK/CARD (see `prepdeck cards`)
        #[arg(value_name = "DECK/CARD")]
        card: String,
        #[command(flatten)]
        edit: TextEdit,
        /// Make attempt N (as numbered by `prepdeck cards show`, 1 = newest) your answer
        #[arg(long, value_name = "N", group = "text_edit", value_parser = clap::value_parser!(u32).range(1..))]
        promote: Option<u32>,
    },
    /// Take cards out of every drill until you unsuspend them
    Suspend {
        /// Cards as DECK/CARD (see `prepdeck cards`)
        #[arg(required = true, value_name = "DECK/CARD")]
        cards: Vec<String>,
    },
    /// Put suspended cards back into the drills
    Unsuspend {
        /// Cards as DECK/CARD (see `prepdeck cards`)
        #[arg(required = true, value_name = "DECK/CARD")]
        cards: Vec<String>,
    },
    /// Bring buried cards back today instead of tomorrow
    Unbury {
        /// Cards as DECK/CARD (see `prepdeck cards`)
        #[arg(required = true, value_name = "DECK/CARD")]
        cards: Vec<String>,
    },
}

/// How a note or own answer is changed (at most one).
#[derive(Debug, Clone, Default, clap::Args)]
#[group(id = "text_edit", multiple = false)]
pub struct TextEdit {
    /// Open it in $VISUAL / $EDITOR (needs a terminal)
    #[arg(long)]
    pub edit: bool,
    /// Replace it with TEXT
    #[arg(long, value_name = "TEXT")]
    pub set: Option<String>,
    /// Replace it with the contents of FILE (`-` reads standard input)
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Remove it (kept in the state file's history)
    #[arg(long)]
    pub clear: bool,
}

/// Which cards `prepdeck drill` takes, and how it runs.
#[derive(Debug, Clone, clap::Args)]
pub struct DrillArgs {
    /// Only cards of this category id (repeatable)
    #[arg(long, value_name = "ID")]
    pub category: Vec<String>,
    /// Only cards of this kind (repeatable)
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Vec<KindArg>,
    /// At most this many cards [default: all due; 20 with --weakest]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Practise the N weakest categories (lowest readiness in `prepdeck stats`), due or
    /// not: due cards first, then the ones you are least likely to recall, then unseen ones
    #[arg(long, value_name = "N", conflicts_with = "category", value_parser = clap::value_parser!(u32).range(1..))]
    pub weakest: Option<u32>,
    /// Line mode, for screen readers and scripts: prompts end in `> `, grades are 1-4
    #[arg(long)]
    pub plain: bool,
    /// Favour this interview target's cards and do today's part of its plan (line mode
    /// for now; with --weakest: the weakest of the target's categories)
    #[arg(long, value_name = "NAME")]
    pub target: Option<String>,
}

impl DrillArgs {
    /// The cards these flags choose.
    pub fn filter(&self) -> crate::study::DrillFilter {
        crate::study::DrillFilter {
            decks: vec![],
            categories: self
                .category
                .iter()
                .map(|c| crate::core::ids::CategoryId::new(c.as_str()))
                .collect(),
            kinds: self.kind.iter().map(|k| (*k).into()).collect(),
            limit: self.limit,
            weakest: self.weakest.map(|n| n as usize),
        }
    }
}

/// A card kind on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    #[value(alias = "behavioural")]
    Behavioral,
    Situational,
    Technical,
    Knowledge,
    Motivation,
}

impl From<KindArg> for crate::core::deck::Kind {
    fn from(k: KindArg) -> Self {
        use crate::core::deck::Kind;
        match k {
            KindArg::Behavioral => Kind::Behavioral,
            KindArg::Situational => Kind::Situational,
            KindArg::Technical => Kind::Technical,
            KindArg::Knowledge => Kind::Knowledge,
            KindArg::Motivation => Kind::Motivation,
        }
    }
}
