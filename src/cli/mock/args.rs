//! The flags of `prepdeck mock`, `prepdeck history` and `prepdeck report`, and how the mock
//! flags override the remembered setup.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::core::deck::Kind;
use crate::core::ids::{CategoryId, DeckId};
use crate::core::session::{
    AnswerMode, Focus, MAX_ANSWER_SECONDS, MAX_PREP_SECONDS, MAX_QUESTIONS, MIN_ANSWER_SECONDS,
    MockSetup, Timing,
};

pub const MOCK_EXAMPLES: &str = "\
Examples:
  prepdeck mock --plain                          a line-mode interview with the last setup
  prepdeck mock --plain --questions 3 --focus weakest
  prepdeck mock --plain --deck it-manager --focus category:budget --timing soft
  prepdeck mock --plain --mode spoken --prep 30  answer aloud; tick the key points afterwards

In line mode, end an answer with a line holding only `.`; a line `/skip` skips the question,
`/quit` ends the interview (answers so far are kept). The setup is remembered in
<home>/mock-setup.toml; flags override it.";

/// `prepdeck mock`.
#[derive(Debug, Args)]
#[command(after_help = MOCK_EXAMPLES)]
pub struct MockArgs {
    /// Line mode for screen readers and scripts: plain text, prompts end in "> "
    #[arg(long)]
    pub plain: bool,
    /// How many questions [default: 5]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=MAX_QUESTIONS as i64))]
    pub questions: Option<u16>,
    /// Which questions: mixed, weakest, category:ID or kind:KIND [default: mixed]
    #[arg(long, value_name = "FOCUS", value_parser = parse_focus)]
    pub focus: Option<Focus>,
    /// Reading time before each answer, in seconds; 0 starts the answer at once [default: 20]
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_PREP_SECONDS)))]
    pub prep: Option<u32>,
    /// Answer time of every question in seconds (10-3600), or `deck` for each card's own
    #[arg(long, value_name = "S", value_parser = parse_answer_seconds)]
    pub answer_seconds: Option<AnswerSeconds>,
    /// Type your answers (analysed) or say them aloud (you tick the key points) [default: typed]
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    /// Do not ask follow-up questions
    #[arg(long, overrides_with = "follow_ups")]
    pub no_follow_ups: bool,
    /// Ask a card's follow-up question after the answer (the default)
    #[arg(long, overrides_with = "no_follow_ups")]
    pub follow_ups: bool,
    /// strict: the answer ends at the limit; soft: overtime is counted [default: strict]
    #[arg(long, value_enum)]
    pub timing: Option<TimingArg>,
    /// Seed for choosing questions: the same seed and decks ask the same questions
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=i64::MAX as u64))]
    pub seed: Option<u64>,
    /// Draw from every deck again (forget the remembered --deck choice)
    #[arg(long)]
    pub all_decks: bool,
    /// Questions for this interview target, ranked by its job description (remembered until
    /// --no-target, in the app's setup screen too)
    #[arg(long, value_name = "NAME", conflicts_with = "no_target")]
    pub target: Option<String>,
    /// Forget the remembered target: draw from the whole bank again
    #[arg(long)]
    pub no_target: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerSeconds {
    Deck,
    Seconds(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    Typed,
    Spoken,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimingArg {
    Strict,
    Soft,
}

fn parse_focus(s: &str) -> Result<Focus, String> {
    let s = s.trim();
    match s.split_once(':') {
        None if s == "mixed" => Ok(Focus::Mixed),
        None if s == "weakest" => Ok(Focus::Weakest),
        Some(("category", id)) if !id.trim().is_empty() => {
            Ok(Focus::Category(CategoryId::new(id.trim())))
        }
        Some(("kind", k)) => Kind::parse(k.trim()).map(Focus::Kind).ok_or_else(|| {
            let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown kind `{k}`; kinds: {}", kinds.join(", "))
        }),
        _ => Err("expected mixed, weakest, category:ID or kind:KIND".into()),
    }
}

fn parse_answer_seconds(s: &str) -> Result<AnswerSeconds, String> {
    if s == "deck" {
        return Ok(AnswerSeconds::Deck);
    }
    match s.parse::<u32>() {
        Ok(n) if (MIN_ANSWER_SECONDS..=MAX_ANSWER_SECONDS).contains(&n) => {
            Ok(AnswerSeconds::Seconds(n))
        }
        _ => Err(format!(
            "expected a number of seconds from {MIN_ANSWER_SECONDS} to {MAX_ANSWER_SECONDS}, \
             or `deck`"
        )),
    }
}

impl MockArgs {
    /// Whether any flag changes the setup (else the app shows the setup screen first).
    pub fn has_setup_flags(&self) -> bool {
        self.questions.is_some()
            || self.focus.is_some()
            || self.prep.is_some()
            || self.answer_seconds.is_some()
            || self.mode.is_some()
            || self.no_follow_ups
            || self.follow_ups
            || self.timing.is_some()
            || self.seed.is_some()
            || self.all_decks
    }

    /// The remembered setup with these flags (and the global `--deck` ids) applied.
    pub fn apply(&self, mut s: MockSetup, decks: &[String]) -> MockSetup {
        if let Some(n) = self.questions {
            s.questions = usize::from(n);
        }
        if let Some(f) = &self.focus {
            s.focus = f.clone();
        }
        if let Some(p) = self.prep {
            s.prep_seconds = p;
        }
        match self.answer_seconds {
            Some(AnswerSeconds::Deck) => s.answer_seconds = None,
            Some(AnswerSeconds::Seconds(n)) => s.answer_seconds = Some(n),
            None => {}
        }
        if let Some(m) = self.mode {
            s.mode = match m {
                ModeArg::Typed => AnswerMode::Typed,
                ModeArg::Spoken => AnswerMode::Spoken,
            };
        }
        if self.no_follow_ups {
            s.follow_ups = false;
        } else if self.follow_ups {
            s.follow_ups = true;
        }
        if let Some(t) = self.timing {
            s.timing = match t {
                TimingArg::Strict => Timing::Strict,
                TimingArg::Soft => Timing::Soft,
            };
        }
        s.seed = self.seed;
        if self.all_decks {
            s.decks.clear();
        } else if !decks.is_empty() {
            s.decks = decks.iter().map(|d| DeckId::new(d.as_str())).collect();
        }
        s
    }
}

/// `prepdeck history`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HistoryArgs {
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<crate::cli::history_grade::HistoryCommand>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Json,
}

/// `prepdeck report`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  prepdeck report\n  prepdeck report --id mock-20261122T083351.120Z --format json\n  prepdeck report --last -o interview.md"
)]
pub struct ReportArgs {
    /// The most recent interview (the default)
    #[arg(long, conflicts_with = "id")]
    pub last: bool,
    /// The interview with this id (see `prepdeck history`)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// md (Markdown) or json
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReportFormat,
    /// Write to this file (private, 0600) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_values() {
        assert_eq!(parse_focus("mixed"), Ok(Focus::Mixed));
        assert_eq!(parse_focus("weakest"), Ok(Focus::Weakest));
        assert_eq!(
            parse_focus("category:budget"),
            Ok(Focus::Category(CategoryId::new("budget")))
        );
        assert_eq!(
            parse_focus("kind:behavioral"),
            Ok(Focus::Kind(Kind::Behavioral))
        );
        assert!(
            parse_focus("kind:dance")
                .unwrap_err()
                .contains("behavioral")
        );
        assert!(parse_focus("category:").is_err());
        assert!(parse_focus("hardest").is_err());
        assert_eq!(parse_answer_seconds("deck"), Ok(AnswerSeconds::Deck));
        assert_eq!(parse_answer_seconds("90"), Ok(AnswerSeconds::Seconds(90)));
        assert!(parse_answer_seconds("5").is_err());
    }
}
