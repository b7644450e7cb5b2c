//! `prepdeck state path|check|repair|merge` and `prepdeck cards`: the state file from the shell.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;

use super::home::Home;
use super::{Cli, load_decks};
use crate::core::schedule::{Progress, known_keys, replay};
use crate::core::text::{sanitize, sanitize_line};
use crate::store::config::load_config;
use crate::store::log;

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
        let mut orphans = progress.orphans(&known_keys(&decks.decks));
        // Story reviews are keyed by the story bank, not a deck.
        orphans.retain(|k| !super::stories::is_story_key(k));
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

/// `prepdeck cards suspend|unsuspend DECK/CARD...`: one durable record per card.
pub fn suspend(
    cli: &Cli,
    home: &Home,
    suspend: bool,
    names: &[String],
) -> anyhow::Result<ExitCode> {
    use crate::core::record::RecordBody;
    let verb = if suspend { "suspended" } else { "unsuspended" };
    for_each_card(cli, home, names, verb, |deck, card, _| {
        if suspend {
            RecordBody::Suspend { deck, card }
        } else {
            RecordBody::Unsuspend { deck, card }
        }
    })
}

/// `prepdeck cards unbury DECK/CARD...`: a bury that ends now, so the card is back today (no
/// new record type: older prepdeck versions still read the log).
pub fn unbury(cli: &Cli, home: &Home, names: &[String]) -> anyhow::Result<ExitCode> {
    for_each_card(cli, home, names, "unburied", |deck, card, now| {
        crate::core::record::RecordBody::Bury {
            deck,
            card,
            until: now,
        }
    })
}

/// Resolves every name first (nothing is written if one is wrong), then appends one durable
/// record per card and says so.
fn for_each_card(
    cli: &Cli,
    home: &Home,
    names: &[String],
    verb: &str,
    body: impl Fn(
        crate::core::ids::DeckId,
        crate::core::ids::CardId,
        chrono::DateTime<Utc>,
    ) -> crate::core::record::RecordBody,
) -> anyhow::Result<ExitCode> {
    let decks = load_decks(cli, home)?;
    let mut keys = Vec::new();
    for name in names {
        let (deck, card) = super::card_name::resolve_card(&decks, name)?;
        keys.push(deck.key(card));
    }
    let (mut log, report) = log::StateLog::open(home.state_file())?;
    super::print_load_warnings(&home.state_file(), &report.warnings);
    let now = Utc::now();
    for key in keys {
        log.append(body(key.deck.clone(), key.card.clone(), now), now)?;
        println!("{verb}: {}", sanitize_line(&key.to_string()));
    }
    Ok(ExitCode::SUCCESS)
}
