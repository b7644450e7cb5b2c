//! The debrief's analysis of one answer (key points, insights, STAR cues) at its worst: an
//! answer of the longest length kept (`MAX_ANSWER_CHARS`, 20,000 characters) told as one
//! sentence, as a transcript without full stops is. Budget: under 250 ms per answer, for every
//! shape below; a typical answer (the dev file's first genuine one) is printed beside them.
//!
//! `cargo bench --bench analysis` (std::time::Instant loops; prints the median and fastest run
//! of each shape and exits 1 when one is over budget).

mod common;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use common::time;

use std::process::ExitCode;
use std::time::Duration;

use prepdeck::core::analysis::{MAX_ANSWER_CHARS, analyse};
use prepdeck::core::deck::Kind;
use prepdeck::store::decks::{BUILTIN, load_builtin};

const BUDGET: Duration = Duration::from_millis(250);
const RUNS: usize = 5;

/// One clause repeated up to the longest answer kept. Each of these once took seconds: a
/// check read the whole sentence again for every word (18 s for the first at 20,000
/// characters before 2026-12-07).
const CLAUSES: &[&str] = &[
    "I rang the supplier and we agreed a fix, ",
    "my boss asked me to fix the server and ",
    "I think we did it, ",
    "the one that comes to mind is ",
    "I was asked to lead it as the IT manager, ",
    "on time and under budget we delivered ",
    "we had just moved and lost them, ",
    "we went live without losing any data, ",
    "word ",
    "I had ",
    "I was asked ",
    "I was told ",
    "I was given ",
];

const TYPICAL: &str = "At my last company, a logistics firm with 400 staff, our service desk \
    backlog had grown to 600 tickets. My manager asked me to bring it under 100 within a \
    quarter. I sorted the queue by age, closed 180 duplicates, and set up a daily triage with \
    two engineers. I also moved password resets to self-service. By the end of the quarter the \
    backlog was at 85 and first-response time had halved.";

fn main() -> ExitCode {
    let Some(deck) = BUILTIN
        .iter()
        .find(|(name, _)| name.starts_with("it-manager"))
        .and_then(|(name, text)| load_builtin(name, text).ok())
    else {
        eprintln!("the built-in it-manager deck did not load");
        return ExitCode::FAILURE;
    };
    // A behavioural card: only their answers are read for STAR.
    let Some(card) = deck
        .cards
        .iter()
        .find(|c| c.kind == Kind::Behavioral && c.key_points.len() >= 4)
    else {
        eprintln!("no behavioural card with four key points in the it-manager deck");
        return ExitCode::FAILURE;
    };
    println!(
        "analysis of one answer to {}/{} (budget {} ms each):",
        deck.id.as_str(),
        card.id,
        BUDGET.as_millis()
    );
    let (med, min, _) = time(RUNS * 20, || analyse(card, TYPICAL));
    println!(
        "  {:<52} {:>9.3} ms median {:>9.3} ms fastest",
        "a typical answer (60 words)",
        med.as_secs_f64() * 1e3,
        min.as_secs_f64() * 1e3
    );
    let mut over = 0;
    for clause in CLAUSES {
        let text: String = clause.chars().cycle().take(MAX_ANSWER_CHARS).collect();
        let (med, min, _) = time(RUNS, || analyse(card, &text));
        let flag = if med > BUDGET {
            over += 1;
            "  OVER BUDGET"
        } else {
            ""
        };
        println!(
            "  {:<52} {:>9.3} ms median {:>9.3} ms fastest{flag}",
            format!(
                "{:?} x {}",
                clause.trim_end(),
                MAX_ANSWER_CHARS / clause.len()
            ),
            med.as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3
        );
    }
    if over > 0 {
        eprintln!("{over} shape(s) over the {} ms budget", BUDGET.as_millis());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
