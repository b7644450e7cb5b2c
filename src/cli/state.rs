//! `prepdeck state path|check|repair|merge` and `prepdeck cards`: the state file from the shell.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::decks::print_table;
use super::home::Home;
use super::{Cli, load_decks};
use crate::core::deck::Deck;
use crate::core::schedule::{Phase, Progress, known_keys, replay};
use crate::core::text::{sanitize, sanitize_line};
use crate::store::config::load_config;
use crate::store::log;

/// Reads the state file without the lock (works while the app runs) and replays it.
/// Warnings (a torn last line) go to stderr.
pub(crate) fn read_progress(
    home: &Home,
) -> anyhow::Result<(Vec<crate::core::record::Record>, Progress)> {
    let config = load_config(home.root())?;
    let report = log::read(home.state_file())?;
    crate::cli::print_load_warnings(&home.state_file(), &report.warnings);
    let progress = replay(&report.records, &config.scheduler);
    Ok((report.records, progress))
}

pub fn path(home: &Home) -> anyhow::Result<ExitCode> {
    let path = home.state_file().display().to_string();
    // Scripts use the exact path; a terminal gets it without control characters.
    if std::io::stdout().is_terminal() {
        println!("{}", sanitize_line(&path));
    } else {
        println!("{path}");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check(cli: &Cli, home: &Home) -> anyhow::Result<ExitCode> {
    let report = log::check(home.state_file())?;
    println!("{}", sanitize(report.to_string().trim_end()));
    let mut healthy = report.is_healthy();
    // A broken config breaks every other command: say so here, and check with the defaults.
    let config = match load_config(home.root()) {
        Ok(c) => c,
        Err(e) => {
            println!("{}", sanitize(&format!("the config file is invalid: {e}")));
            healthy = false;
            crate::core::schedule::Config::default()
        }
    };
    if report.exists && !report.needs_newer_prepdeck() {
        let progress = read_progress_lenient(home, &config);
        let decks = load_decks(cli, home)?;
        let orphans = progress.orphans(&known_keys(&decks.decks));
        if !orphans.is_empty() {
            println!(
                "{} card(s) have progress but are in no loaded deck (kept, never deleted):",
                orphans.len()
            );
            for k in orphans.iter().take(20) {
                println!("  {}", sanitize_line(&k.to_string()));
            }
            if orphans.len() > 20 {
                println!("  ... and {} more", orphans.len() - 20);
            }
        }
        let leeches: Vec<String> = progress
            .cards()
            .filter(|(_, m)| m.leech)
            .map(|(k, m)| format!("{k} ({} lapses)", m.lapses))
            .collect();
        if !leeches.is_empty() {
            println!(
                "{} leech(es): cards forgotten 8 times or more; consider rewriting or suspending them:",
                leeches.len()
            );
            for l in &leeches {
                println!("  {}", sanitize_line(l));
            }
        }
    }
    if report.needs_newer_prepdeck() {
        healthy = false;
    }
    Ok(if healthy {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Replays the log when it is readable (its problems are in the check report already), for
/// reporting orphans and leeches; nothing when it is not.
fn read_progress_lenient(home: &Home, config: &crate::core::schedule::Config) -> Progress {
    match log::read(home.state_file()) {
        Ok(report) => replay(&report.records, &config.scheduler),
        Err(_) => Progress::default(),
    }
}

pub fn repair(home: &Home) -> anyhow::Result<ExitCode> {
    let report = log::repair(home.state_file())?;
    println!("{}", sanitize(report.to_string().trim_end()));
    Ok(ExitCode::SUCCESS)
}

pub fn merge(home: &Home, other: &Path) -> anyhow::Result<ExitCode> {
    let report = log::merge(home.state_file(), other)?;
    super::print_load_warnings(&home.state_file(), &report.warnings);
    println!("{}", sanitize(report.to_string().trim_end()));
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
pub(crate) struct CardRow<'a> {
    deck: &'a str,
    id: &'a str,
    category: &'a str,
    kind: &'a str,
    question: String,
    state: &'static str,
    due: Option<String>,
    stability: Option<f64>,
    difficulty: Option<f64>,
    reps: u32,
    lapses: u32,
    last_review: Option<String>,
    leech: bool,
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

pub(crate) fn card_rows<'a>(
    decks: &'a [Deck],
    progress: &Progress,
    category: Option<&str>,
    now: DateTime<Utc>,
) -> Vec<CardRow<'a>> {
    let mut rows = Vec::new();
    for d in decks {
        for c in &d.cards {
            if category.is_some_and(|cat| cat != c.category.as_str()) {
                continue;
            }
            let m = progress.card(&d.key(c)).cloned().unwrap_or_default();
            rows.push(CardRow {
                deck: d.id.as_str(),
                id: c.id.as_str(),
                category: c.category.as_str(),
                kind: c.kind.as_str(),
                question: sanitize_line(&c.question),
                state: if m.suspended {
                    "suspended"
                } else if m.is_buried(now) {
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
            });
        }
    }
    rows
}

pub fn cards(
    cli: &Cli,
    home: &Home,
    category: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let decks = load_decks(cli, home)?;
    let (_, progress) = read_progress(home)?;
    if let Some(cat) = category
        && !decks
            .decks
            .iter()
            .any(|d| d.category(&cat.into()).is_some())
    {
        return Err(super::UserError(format!("no category `{cat}` in the loaded decks")).into());
    }
    let rows = card_rows(&decks.decks, &progress, category, Utc::now());
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                sanitize_line(r.deck),
                sanitize_line(r.id),
                r.state.to_string() + if r.leech { " (leech)" } else { "" },
                r.due
                    .as_deref()
                    .map(|d| d.replace('T', " ").trim_end_matches('Z').to_string())
                    .unwrap_or_else(|| "-".into()),
                r.reps.to_string(),
                r.lapses.to_string(),
            ]
        })
        .collect();
    print_table(
        &mut out,
        &["DECK", "CARD", "STATE", "DUE (UTC)", "REPS", "LAPSES"],
        &table,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `prepdeck cards suspend|unsuspend|unbury DECK/CARD...`: one durable record per card.
pub fn suspend(cli: &Cli, home: &Home, command: &super::CardsCommand) -> anyhow::Result<ExitCode> {
    let (action, names) = match command {
        super::CardsCommand::Suspend { cards } => ("suspended", cards),
        super::CardsCommand::Unsuspend { cards } => ("unsuspended", cards),
        super::CardsCommand::Unbury { cards } => ("unburied", cards),
    };
    let decks = load_decks(cli, home)?;
    let mut keys = Vec::new();
    for name in names {
        let Some((deck, card)) = name.split_once('/') else {
            return Err(super::UsageError(format!(
                "`{}` is not DECK/CARD (e.g. it-manager/budget-build-annual)",
                sanitize_line(name)
            ))
            .into());
        };
        let known = decks
            .find(deck)
            .is_some_and(|d| d.card(&card.into()).is_some());
        if !known {
            return Err(super::UserError(format!(
                "no card `{}` in the loaded decks; `prepdeck cards` lists them",
                sanitize_line(name)
            ))
            .into());
        }
        keys.push(crate::core::ids::CardKey::new(deck, card));
    }
    let (mut log, report) = log::StateLog::open(home.state_file())?;
    super::print_load_warnings(&home.state_file(), &report.warnings);
    let now = Utc::now();
    for key in keys {
        use crate::core::record::RecordBody;
        let (deck, card) = (key.deck.clone(), key.card.clone());
        let body = match command {
            super::CardsCommand::Suspend { .. } => RecordBody::Suspend { deck, card },
            super::CardsCommand::Unsuspend { .. } => RecordBody::Unsuspend { deck, card },
            // A bury that ends now: the card is back at once (no new record type, so older
            // builds still read the log).
            super::CardsCommand::Unbury { .. } => RecordBody::Bury {
                deck,
                card,
                until: now,
            },
        };
        log.append(body, now)?;
        println!("{action}: {}", sanitize_line(&key.to_string()));
    }
    Ok(ExitCode::SUCCESS)
}
