//! The arguments of `prepdeck cards` and its subcommands (a leaf: the command files use them,
//! `args.rs` names them in the command tree).

use std::path::PathBuf;

use clap::Subcommand;

use super::drill_args::KindArg;

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
