//! `prepdeck cards [--search TEXT] [filters]` and `prepdeck cards show DECK/CARD`: the card
//! browser from the shell. Read-only and without the lock, so they work while the app runs.

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::card_name::resolve_card;
use super::cards_args::{CardsCommand, CardsFilter};
use super::decks::print_table;
use super::home::Home;
use super::read_progress::read_all;
use super::state::Suspension;
use super::time_text::local_time;
use super::{Cli, UserError, load_decks};
use crate::cli::output::Format;
use crate::core::ids::CategoryId;
use crate::core::notes::{
    BrowseFilter, CardDetail, CardState, CardView, Notebook, card_detail, filter_cards,
};
use crate::core::schedule::{Phase, format_interval};
use crate::core::text::{sanitize, sanitize_line, truncate_line};
use crate::store::decks::LoadedDecks;

/// `prepdeck cards ...`: the list, or one of its subcommands.
pub fn run(
    cli: &Cli,
    home: &Home,
    filter: &CardsFilter,
    format: Format,
    command: Option<&CardsCommand>,
) -> anyhow::Result<ExitCode> {
    match command {
        None => list(cli, home, filter, format),
        Some(CardsCommand::Show { card, json }) => show(cli, home, card, Format::json_if(*json)),
        Some(CardsCommand::Note { card, edit }) => super::note_edit::note(cli, home, card, edit),
        Some(CardsCommand::Answer {
            card,
            edit,
            promote,
        }) => super::note_edit::answer(cli, home, card, edit, *promote),
        Some(CardsCommand::Suspend { cards }) => {
            super::state::suspend(cli, home, Suspension::Suspend, cards)
        }
        Some(CardsCommand::Unsuspend { cards }) => {
            super::state::suspend(cli, home, Suspension::Unsuspend, cards)
        }
        Some(CardsCommand::Unbury { cards }) => super::state::unbury(cli, home, cards),
    }
}

/// One card of `prepdeck cards --json` (and of `export progress`).
#[derive(Serialize)]
pub(crate) struct CardRow<'a> {
    deck: &'a str,
    id: &'a str,
    category: &'a str,
    kind: &'a str,
    question: String,
    /// The main state, as before: new, learning, review, relearning or suspended.
    state: &'static str,
    due: Option<String>,
    stability: Option<f64>,
    difficulty: Option<f64>,
    reps: u32,
    lapses: u32,
    last_review: Option<String>,
    leech: bool,
    /// Every state the card is in (the browser's filters), comma-separated. (New columns come
    /// last: CSV readers may rely on the order.)
    states: String,
    /// Whether you keep a note / your own answer on it, and how many answers you typed.
    has_note: bool,
    has_my_answer: bool,
    attempts: usize,
}

fn rfc3339(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
}

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::New => "new",
        Phase::Learning => "learning",
        Phase::Review => "review",
        Phase::Relearning => "relearning",
    }
}

pub(crate) fn card_rows<'a>(views: &[CardView<'a>], notebook: &Notebook) -> Vec<CardRow<'a>> {
    views
        .iter()
        .map(|v| {
            let key = v.deck.key(v.card);
            let m = v.memory.cloned().unwrap_or_default();
            CardRow {
                deck: v.deck.id.as_str(),
                id: v.card.id.as_str(),
                category: v.card.category.as_str(),
                kind: v.card.kind.as_str(),
                question: sanitize_line(&v.card.question),
                state: if m.suspended {
                    "suspended"
                } else if v.states.contains(&CardState::Buried) {
                    "buried"
                } else {
                    phase_name(m.phase)
                },
                due: rfc3339(m.due),
                stability: m.memory.map(|x| x.stability),
                difficulty: m.memory.map(|x| x.difficulty),
                reps: m.reps,
                lapses: m.lapses,
                last_review: rfc3339(m.last_review),
                leech: m.leech,
                states: v
                    .states
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                has_note: notebook.note(&key).is_some(),
                has_my_answer: notebook.my_answer(&key).is_some(),
                attempts: notebook.attempt_count(&key),
            }
        })
        .collect()
}

/// The browser filter for the command line's options; unknown categories are an error.
fn browse_filter(loaded: &LoadedDecks, f: &CardsFilter) -> anyhow::Result<BrowseFilter> {
    for cat in &f.category {
        if !loaded
            .decks
            .iter()
            .any(|d| d.category(&cat.as_str().into()).is_some())
        {
            return Err(UserError(format!(
                "no category `{}` in the loaded decks",
                sanitize_line(cat)
            ))
            .into());
        }
    }
    Ok(BrowseFilter {
        decks: vec![],
        categories: f
            .category
            .iter()
            .map(|c| CategoryId::new(c.as_str()))
            .collect(),
        kinds: f.kind.iter().map(|k| (*k).into()).collect(),
        states: f.state.clone(),
        search: f.search.clone().unwrap_or_default(),
    })
}

fn list(cli: &Cli, home: &Home, f: &CardsFilter, format: Format) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let filter = browse_filter(&loaded, f)?;
    let (_, progress, notebook) = read_all(home)?;
    let views = filter_cards(&loaded.decks, &progress, &notebook, &filter, Utc::now());
    let rows = card_rows(&views, &notebook);
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        crate::core::json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln!(out, "No card matches.")?;
        return Ok(ExitCode::SUCCESS);
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let shown: Vec<&str> = r.states.split(',').filter(|s| *s != "review").collect();
            vec![
                sanitize_line(r.deck),
                sanitize_line(r.id),
                if shown.is_empty() {
                    "review".to_string()
                } else {
                    shown.join(",")
                },
                r.due
                    .as_deref()
                    .map(|d| d.replace('T', " ").trim_end_matches('Z').to_string())
                    .unwrap_or_else(|| "-".into()),
                format!(
                    "{}{}",
                    if r.has_note { "n" } else { "-" },
                    if r.has_my_answer { "a" } else { "-" }
                ),
                truncate_line(&r.question, 70),
            ]
        })
        .collect();
    print_table(
        &mut out,
        &["DECK", "CARD", "STATE", "DUE (UTC)", "MINE", "QUESTION"],
        &table,
    )?;
    writeln!(
        out,
        "{} card(s). MINE: n = your note, a = your answer. `prepdeck cards show DECK/CARD` shows one in full.",
        rows.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn show(cli: &Cli, home: &Home, name: &str, format: Format) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let (deck, card) = resolve_card(&loaded, name)?;
    let (_, progress, notebook) = read_all(home)?;
    let detail = card_detail(deck, card, &progress, &notebook, Utc::now());
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        crate::core::json::to_writer_pretty(&mut out, &sanitized_detail(detail))?;
        writeln!(out)?;
    } else {
        out.write_all(detail_text(&detail).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The detail with every text made safe to print (JSON too goes to terminals).
fn sanitized_detail(mut d: CardDetail) -> CardDetail {
    d.question = sanitize(&d.question);
    d.answer = sanitize(&d.answer);
    d.deck_title = sanitize_line(&d.deck_title);
    d.source = sanitize_line(&d.source);
    for k in d.key_points.iter_mut().chain(d.tags.iter_mut()) {
        *k = sanitize_line(k);
    }
    for w in d.note.iter_mut().chain(d.my_answer.iter_mut()) {
        w.text = sanitize(&w.text);
    }
    for a in &mut d.attempts {
        a.text = sanitize(&a.text);
        a.follow_up = a.follow_up.as_deref().map(sanitize);
    }
    d
}

fn indented(out: &mut String, text: &str) {
    for line in sanitize(text.trim_end()).lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
}

/// `prepdeck cards show` as text.
pub(crate) fn detail_text(d: &CardDetail) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let states: Vec<&str> = d.states.iter().map(|x| x.as_str()).collect();
    let _ = writeln!(
        s,
        "{}/{}  ({} | {} | {})",
        sanitize_line(d.deck.as_str()),
        sanitize_line(d.card.as_str()),
        sanitize_line(&d.deck_title),
        sanitize_line(d.category.as_str()),
        d.kind
    );
    // The card as `prepdeck cards note|answer` take it, for the hints below.
    let name = format!(
        "{}/{}",
        sanitize_line(d.deck.as_str()),
        sanitize_line(d.card.as_str())
    );
    let _ = writeln!(s, "State: {}", states.join(", "));
    let _ = writeln!(s, "Q: {}", sanitize_line(&d.question));
    if !d.key_points.is_empty() {
        s.push_str("Key points:\n");
        for k in &d.key_points {
            let _ = writeln!(s, "  - {}", sanitize_line(k));
        }
    }
    s.push_str("Model answer:\n");
    indented(&mut s, &d.answer);
    match &d.note {
        Some(n) => {
            let _ = writeln!(s, "Your note ({}):", local_time(n.at));
            indented(&mut s, &n.text);
        }
        None => {
            let _ = writeln!(s, "Your note: none (`prepdeck cards note {name} --edit`)");
        }
    }
    match &d.my_answer {
        Some(a) => {
            let _ = writeln!(s, "Your answer ({}):", local_time(a.at));
            indented(&mut s, &a.text);
        }
        None => {
            let _ = writeln!(
                s,
                "Your answer: none (`prepdeck cards answer {name} --edit`)"
            );
        }
    }
    if d.attempts.is_empty() {
        s.push_str("Attempts: none yet (typed drill drafts and mock answers appear here)\n");
    } else {
        let _ = writeln!(s, "Attempts ({}, newest first):", d.attempts.len());
        for (i, a) in d.attempts.iter().enumerate() {
            let (hit, of) = a.covered();
            let coverage = if of == 0 {
                String::new()
            } else {
                format!("  {hit}/{of} key points")
            };
            let grade = format!("  {}", a.grade_text());
            let source = match &a.source {
                crate::core::notes::AttemptSource::Drill => "drill".to_string(),
                crate::core::notes::AttemptSource::Mock { interview } => {
                    format!("mock {}", sanitize_line(interview.as_str()))
                }
            };
            let mut tags = Vec::new();
            if i == 0 {
                tags.push("previous");
            }
            if d.best_attempt.as_ref() == Some(&a.id) && d.attempts.len() > 1 {
                tags.push("best");
            }
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!("  [{}]", tags.join(", "))
            };
            let _ = writeln!(
                s,
                "  {}. {}  {source}{coverage}{grade}{tags}",
                i + 1,
                local_time(a.at)
            );
            indented(&mut s, &a.text);
            if let Some(f) = &a.follow_up {
                s.push_str("    Follow-up:\n");
                indented(&mut s, f);
            }
        }
    }
    if d.history.is_empty() {
        s.push_str("Reviews: none\n");
    } else {
        let _ = writeln!(s, "Reviews ({}, newest first):", d.history.len());
        for h in &d.history {
            let interval = h
                .interval
                .map(format_interval)
                .unwrap_or_else(|| "-".into());
            let mode = match h.mode {
                crate::core::record::ReviewMode::Drill => "drill",
                crate::core::record::ReviewMode::Mock => "mock",
            };
            let _ = writeln!(
                s,
                "  {}  {:<5}  {mode:<5}  next in {interval}",
                local_time(h.at),
                h.grade.label()
            );
        }
    }
    match &d.memory {
        Some(m) => {
            let _ = writeln!(
                s,
                "Memory: stability {:.1} days, difficulty {:.1} of 10, recall now {:.0}%{}",
                m.stability,
                m.difficulty,
                m.recall_now * 100.0,
                m.due
                    .map(|d| format!(", due {}", local_time(d)))
                    .unwrap_or_default()
            );
        }
        None => s.push_str("Memory: never reviewed\n"),
    }
    let _ = writeln!(s, "Deck file: {}:{}", sanitize_line(&d.source), d.line);
    s
}
