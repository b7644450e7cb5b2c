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

/// Which of `prepdeck cards suspend` and `unsuspend` runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suspension {
    Suspend,
    Unsuspend,
}

/// `prepdeck cards suspend|unsuspend DECK/CARD...`: one durable record per card.
pub fn suspend(
    cli: &Cli,
    home: &Home,
    which: Suspension,
    names: &[String],
) -> anyhow::Result<ExitCode> {
    use crate::core::record::RecordBody;
    let change = if which == Suspension::Suspend {
        Change {
            done: "suspended",
            nothing: "already suspended",
            needed: &|memory, _| !memory.is_some_and(|m| m.suspended),
        }
    } else {
        Change {
            done: "unsuspended",
            nothing: "not suspended",
            needed: &|memory, _| memory.is_some_and(|m| m.suspended),
        }
    };
    for_each_card(cli, home, names, change, |deck, card, _| match which {
        Suspension::Suspend => RecordBody::Suspend { deck, card },
        Suspension::Unsuspend => RecordBody::Unsuspend { deck, card },
    })
}

/// `prepdeck cards unbury DECK/CARD...`: a bury that ends now, so the card is back today (no
/// new record type: older prepdeck versions still read the log).
pub fn unbury(cli: &Cli, home: &Home, names: &[String]) -> anyhow::Result<ExitCode> {
    let change = Change {
        done: "unburied",
        nothing: "not buried",
        needed: &|memory, now| memory.is_some_and(|m| m.is_buried(now)),
    };
    for_each_card(cli, home, names, change, |deck, card, now| {
        crate::core::record::RecordBody::Bury {
            deck,
            card,
            until: now,
        }
    })
}

/// What a card command does to one card: whether a card (its derived state, `None` when never
/// seen) needs it at a time, and how the result is told.
struct Change<'a> {
    done: &'a str,
    nothing: &'a str,
    needed: &'a dyn Fn(Option<&crate::core::schedule::CardMemory>, chrono::DateTime<Utc>) -> bool,
}

/// Resolves every name first (nothing is written if one is wrong), then appends one durable
/// record per card that needs the change and says so; a card that does not needs no record
/// (its state would not change) and is named as such.
fn for_each_card(
    cli: &Cli,
    home: &Home,
    names: &[String],
    change: Change<'_>,
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
        let key = deck.key(card);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let config = load_config(home.root())?;
    let (mut log, report) = log::StateLog::open(home.state_file())?;
    super::print_load_warnings(&home.state_file(), &report.warnings);
    let progress = replay(&report.records, &config.scheduler);
    let now = Utc::now();
    for key in keys {
        let shown = sanitize_line(&key.to_string());
        if (change.needed)(progress.card(&key), now) {
            log.append(body(key.deck.clone(), key.card.clone(), now), now)?;
            println!("{}: {shown}", change.done);
        } else {
            println!("{shown} is {}: nothing to do", change.nothing);
        }
    }
    Ok(ExitCode::SUCCESS)
}
