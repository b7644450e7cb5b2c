//! `prepdeck answer DECK/CARD [FILE|-] [--json]`: the debrief of one written answer, from the
//! shell. Read-only: nothing is recorded, so it works while the app runs. The analysis is the
//! one the drill reveal and the mock debrief use ([`crate::core::analysis::analyse`]).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::card_name::resolve_card;
use super::home::Home;
use super::{Cli, UsageError, UserError, load_decks};
use crate::core::analysis::{
    AnswerAnalysis, Insights, MAX_ANSWER_CHARS, StarPart, analyse, check_answer_text, percent,
};
use crate::core::deck::Card;
use crate::core::session::debrief_text;
use crate::core::text::sanitize_line;
use crate::store::bounded::ReadError;

pub const EXAMPLES: &str = "Examples:
  prepdeck answer it-manager/budget-build-annual my-answer.md
  pbpaste | prepdeck answer it-manager/budget-build-annual
  prepdeck answer it-manager/budget-build-annual my-answer.md --json

The answer is plain UTF-8 text of up to 20,000 characters. Nothing is recorded.";

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The card as DECK/CARD (see `prepdeck cards`)
    #[arg(value_name = "DECK/CARD")]
    pub card: String,
    /// The file holding your answer; `-` or nothing reads standard input
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

/// Bytes read at most: a valid answer is far smaller (20,000 characters of up to 4 bytes).
const MAX_BYTES: u64 = 1 << 20;

pub fn run(cli: &Cli, home: &Home, args: &AnswerArgs) -> anyhow::Result<ExitCode> {
    let stdin = args.file.as_deref().is_none_or(|p| p == Path::new("-"));
    if stdin && std::io::stdin().is_terminal() {
        return Err(UsageError(
            "give the answer as FILE, or pipe it in (`prepdeck answer DECK/CARD - < answer.txt`)"
                .into(),
        )
        .into());
    }
    let loaded = load_decks(cli, home)?;
    let (deck, card) = resolve_card(&loaded, &args.card)?;
    let text = match &args.file {
        Some(path) if !stdin => read_file(path)?,
        _ => read_stdin()?,
    };
    check_answer_text(&text).map_err(|e| UserError(e.to_string()))?;
    let analysis = analyse(card, &text);
    let mut out = std::io::stdout().lock();
    if args.json {
        let report = JsonReport::new(deck.id.as_str(), card, &analysis);
        crate::core::json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        out.write_all(text_report(deck.id.as_str(), card, &analysis).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn read_file(path: &Path) -> anyhow::Result<String> {
    let shown = sanitize_line(&path.display().to_string());
    let bytes = crate::store::bounded::read_regular(path, MAX_BYTES)
        .map_err(|e| UserError(format!("cannot read {shown}: {}", read_error(e))))?
        .ok_or_else(|| UserError(format!("cannot read {shown}: no such file")))?;
    String::from_utf8(bytes).map_err(|_| UserError(format!("{shown} is not UTF-8 text")).into())
}

fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| UserError(format!("cannot read standard input: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(UserError(format!(
            "standard input is longer than {MAX_ANSWER_CHARS} characters, the most prepdeck checks"
        ))
        .into());
    }
    String::from_utf8(bytes)
        .map_err(|_| UserError("standard input is not UTF-8 text".into()).into())
}

fn read_error(e: ReadError) -> String {
    match e {
        ReadError::TooLarge { .. } => {
            format!("it is longer than {MAX_ANSWER_CHARS} characters, the most prepdeck checks")
        }
        e => e.to_string(),
    }
}

/// `prepdeck answer --json`: the fields the issue names first, then the insights.
#[derive(Serialize)]
struct JsonReport {
    deck: String,
    card: String,
    question: String,
    key_points: Vec<JsonPoint>,
    /// Share of key points covered, 0 to 1 (`null` for a card without key points).
    coverage: Option<f64>,
    /// The STAR parts found (behavioural cards; `null` for other kinds).
    star: Option<JsonStar>,
    /// Set when the answer reads as an answer to another question of the built-in bank (then
    /// no key point is ticked): that card and its question.
    other_question: Option<JsonOther>,
    /// Whether the answer is short and states no figure: then a single name (a tool, an
    /// acronym) ticks a point only with something said of it in the same sentence.
    thin: bool,
    /// Whether the answer only lists terms in fragments of a few words (no sentence that
    /// says something of them).
    lists_terms: bool,
    words: usize,
    fillers: Vec<JsonCount>,
    hedges: Vec<JsonCount>,
    i_count: usize,
    we_count: usize,
    top_words: Vec<JsonCount>,
}

#[derive(Serialize)]
struct JsonPoint {
    text: String,
    covered: bool,
    matched: Vec<String>,
}

#[derive(Serialize)]
struct JsonOther {
    card: String,
    question: String,
}

#[derive(Serialize)]
struct JsonStar {
    situation: bool,
    task: bool,
    action: bool,
    result: bool,
}

#[derive(Serialize)]
struct JsonCount {
    text: String,
    count: usize,
}

fn counts(ins: &Insights, kind: crate::core::analysis::FillerKind) -> Vec<JsonCount> {
    ins.filler_counts()
        .into_iter()
        .filter(|(p, _)| ins.fillers.iter().any(|h| h.phrase == *p && h.kind == kind))
        .map(|(p, n)| JsonCount {
            text: p.to_string(),
            count: n,
        })
        .collect()
}

impl JsonReport {
    fn new(deck: &str, card: &Card, a: &AnswerAnalysis) -> Self {
        use crate::core::analysis::FillerKind;
        let ins = &a.insights;
        JsonReport {
            deck: sanitize_line(deck),
            card: sanitize_line(card.id.as_str()),
            question: sanitize_line(&card.question),
            key_points: a
                .key_points
                .iter()
                .map(|k| JsonPoint {
                    text: sanitize_line(&k.text),
                    covered: k.covered,
                    matched: k.matched.iter().map(|m| sanitize_line(m)).collect(),
                })
                .collect(),
            coverage: a.coverage(),
            star: ins.star.as_ref().map(|s| JsonStar {
                situation: s.has(StarPart::Situation),
                task: s.has(StarPart::Task),
                action: s.has(StarPart::Action),
                result: s.has(StarPart::Result),
            }),
            other_question: a
                .relevance
                .as_ref()
                .and_then(|r| r.reads_like.as_ref())
                .map(|o| JsonOther {
                    card: sanitize_line(&o.card),
                    question: sanitize_line(&o.question),
                }),
            thin: a.thin,
            lists_terms: ins.lists_terms,
            words: ins.word_count,
            fillers: counts(ins, FillerKind::Filler),
            hedges: counts(ins, FillerKind::Hedge),
            i_count: ins.ownership.i,
            we_count: ins.ownership.we,
            top_words: ins
                .top_words
                .iter()
                .map(|(w, n)| JsonCount {
                    text: sanitize_line(w),
                    count: *n,
                })
                .collect(),
        }
    }
}

/// The debrief as text: the question, each key point with the words that matched, the
/// coverage and the insights.
fn text_report(deck: &str, card: &Card, a: &AnswerAnalysis) -> String {
    let mut s = format!(
        "{}/{}: {}\n\n",
        sanitize_line(deck),
        sanitize_line(card.id.as_str()),
        sanitize_line(&card.question)
    );
    match a.coverage() {
        Some(c) => {
            let n = a.key_points.iter().filter(|k| k.covered).count();
            s.push_str(&format!(
                "Key points: {n} of {} covered ({}%)\n",
                a.key_points.len(),
                percent(c)
            ));
        }
        None => s.push_str("Key points: this card has none\n"),
    }
    if let Some(other) = a.relevance.as_ref().and_then(|r| r.reads_like.as_ref()) {
        s.push_str(&format!(
            "This reads like an answer to another question ({}: \"{}\"), so no key point is \
             ticked.\n",
            sanitize_line(&other.card),
            sanitize_line(&other.question)
        ));
    }
    let elsewhere = a.relevance.as_ref().is_some_and(|r| r.reads_like.is_some());
    if a.thin && !a.key_points.is_empty() && !elsewhere {
        s.push_str(
            "A short answer with no figures: a single name (a tool, an acronym) ticks a point \
             only with something said of it in the same sentence.\n",
        );
    }
    for (i, k) in a.key_points.iter().enumerate() {
        let mark = if k.covered { "x" } else { " " };
        s.push_str(&format!("  [{mark}] {}. {}", i + 1, sanitize_line(&k.text)));
        if k.covered {
            let words: Vec<String> = k
                .matched
                .iter()
                .map(|m| format!("\"{}\"", sanitize_line(m)))
                .collect();
            s.push_str(&format!("\n        matched: {}", words.join(", ")));
        }
        s.push('\n');
    }
    s.push('\n');
    for line in debrief_text::insights(&a.insights) {
        s.push_str(&line);
        s.push('\n');
    }
    s
}
