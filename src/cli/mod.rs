//! Command-line parsing (clap) and dispatch to the commands and front ends.
//!
//! Exit codes: 0 success, 1 a problem with the user's data or files, 2 bad usage.

mod answer;
mod app;
mod args;
mod card_name;
mod cards;
mod cards_args;
mod config;
mod decks;
mod drill;
mod drill_args;
mod drill_plain;
mod export;
mod history;
mod history_grade;
mod home;
mod huge_pages;
mod import;
mod input;
mod interviews;
pub mod mock;
mod note_edit;
mod note_show;
mod open_study;
mod optimize;
mod output;
mod read_progress;
mod report;
mod state;
mod stats;
mod stories;
mod tag_lint;
mod target;
mod template;
mod time_text;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

pub use args::{Cli, Command, DecksCommand, StateCommand};
pub use cards_args::CardsCommand;
pub use stats::load_stats;

use crate::core::text::{sanitize, sanitize_line, show_hidden};
use crate::store::decks::LoadedDecks;
use crate::store::log::LoadWarning;
use output::Format;

/// An error for the user: printed as one sentence (or a block of diagnostics), exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

/// Bad usage the parser cannot see (a malformed DECK/CARD, an unknown `--deck` id): printed
/// like [`UserError`], exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Runs prepdeck with the process's arguments; returns the exit code.
pub fn main() -> ExitCode {
    survive_file_size_limit();
    quiet_on_broken_pipe();
    let bare = Cli::without_arguments(std::env::args_os().len(), std::env::var_os("PREPDECK_HOME"));
    let cli = match bare.map_or_else(Cli::try_parse, Ok) {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = std::io::stdout().flush();
            // Not `eprintln!`: it panics when standard error cannot be written.
            let _ = writeln!(std::io::stderr(), "prepdeck: {}", error_text(&e));
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// A command line the parser refused (or `--help`, `--version`): clap's own text, but an
/// error quotes the value the user gave, and clap writes it out raw, escape sequences and all
/// (`--kind $'\e]0;title\a'` retitled the terminal). So an error is printed as plain text with
/// its control characters written out, exit code 2; help and version as clap prints them.
fn parse_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    }
    let text = without_global_options(&e.render().to_string());
    // Not `eprintln!`: it panics when standard error cannot be written (`2>&1 | head -1`).
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        sanitize(&show_hidden(&text)).trim_end()
    );
    ExitCode::from(2)
}

/// clap's usage line in an error lists the options the command line used: a global option
/// given after the subcommand (`prepdeck answer --home DIR`) made it read `Usage: prepdeck
/// answer --home <DIR> <DECK/CARD> [FILE]`, as if `--home` were required. The global options
/// are left out of the usage line (`prepdeck --help` describes them).
fn without_global_options(text: &str) -> String {
    let cmd = Cli::command();
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .filter_map(|a| {
            let long = a.get_long()?;
            let value = a.get_value_names()?.first()?;
            Some(format!(" --{long} <{value}>"))
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut line = line.to_string();
        if line.starts_with("Usage:") {
            for g in &globals {
                line = line.replace(&format!("{g}..."), "").replace(g, "");
            }
        }
        out.push(line);
    }
    out.join("\n")
}

/// The error as printed: escapes removed, but lines kept (deck and import diagnostics span
/// several lines, with carets under the column).
fn error_text(e: &anyhow::Error) -> String {
    // Invisible characters in a value the message quotes are written out (`\u0007`), not
    // dropped: "unknown card `mydeck/x`" must not hide why `mydeck` was not found.
    sanitize(&show_hidden(&chain_text(e.chain().map(|c| c.to_string()))))
        .trim_end()
        .to_string()
}

/// An error and its causes joined with ": ", leaving out a cause whose text the message
/// already holds (many errors include their source's text, which then said
/// "Is a directory (os error 21): Is a directory (os error 21)").
fn chain_text(chain: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for text in chain {
        if out.is_empty() {
            out = text;
        } else if !out.contains(text.trim()) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}

/// By default a write past the file-size limit (`ulimit -f`) kills the process with SIGXFSZ.
/// With a handler installed the write fails with EFBIG instead, so the state log can roll the
/// append back and say clearly that the file is too large.
fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        let _ = signal_hook::flag::register(
            signal_hook::consts::SIGXFSZ,
            Arc::new(AtomicBool::new(false)),
        );
    }
}

/// `println!` panics when stdout is a pipe whose reader has gone (`prepdeck cards | head -1`):
/// that is no error of ours, so once for all output it ends the process quietly with success,
/// as an error of that kind returned from a command does (see [`is_broken_pipe`]).
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// Output piped into a program that stopped reading (`prepdeck cards | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let home = home::resolve(cli.home.clone())?;
    match &cli.command {
        None => app::open(&cli, &home, crate::tui::Start::Home),
        Some(Command::Drill(args)) => match &args.target {
            Some(name) => target::drill(&cli, &home, args, name),
            None => drill::drill(&cli, &home, args),
        },
        Some(Command::Decks { command }) => match command {
            DecksCommand::List { json } => decks::list(&cli, &home, Format::json_if(*json)),
            DecksCommand::Check { paths } => decks::check(&cli, &home, paths),
            DecksCommand::New { path } => decks::new(&cli, &home, path),
        },
        Some(Command::Config) => config::show(&home),
        Some(Command::Optimize { reset }) => optimize::run(&home, *reset),
        Some(Command::Mock(args)) => mock::run(&cli, &home, args),
        Some(Command::History(args)) => history::history(&cli, &home, args),
        Some(Command::Answer(args)) => answer::run(&cli, &home, args),
        Some(Command::Report(args)) => report::report(&cli, &home, args),
        Some(Command::Cards {
            filter,
            json,
            command,
        }) => cards::run(
            &cli,
            &home,
            filter,
            Format::json_if(*json),
            command.as_ref(),
        ),
        Some(Command::State { command }) => match command {
            StateCommand::Path => state::path(&home),
            StateCommand::Check => state::check(&cli, &home),
            StateCommand::Repair => state::repair(&home),
            StateCommand::Merge { other } => state::merge(&home, other),
        },
        Some(Command::Stories { command }) => stories::run(&cli, &home, command),
        Some(Command::Import(args)) => import::run(&cli, &home, args),
        Some(Command::Export { command }) => export::run(&cli, &home, command),
        Some(Command::Stats { json }) => stats::run(&cli, &home, Format::json_if(*json)),
        Some(Command::Target { command }) => target::run(&cli, &home, command),
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            // Written in one go with `?`, so a reader that stops early (`| head -1`) ends the
            // command quietly instead of panicking inside clap_complete.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "prepdeck", &mut script);
            std::io::stdout().lock().write_all(&script)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints the warnings of loading the state file at `path` (a torn last line set aside,
/// duplicate ids), each naming the file.
pub(crate) fn print_load_warnings(path: &std::path::Path, warnings: &[LoadWarning]) {
    for w in warnings {
        eprintln!(
            "warning: {}: {}",
            sanitize_line(&path.display().to_string()),
            sanitize_line(&w.to_string())
        );
    }
}

/// Fails with a usage error when a `--deck` id names no loaded deck.
pub(crate) fn check_deck_ids(cli: &Cli, loaded: &LoadedDecks) -> anyhow::Result<()> {
    for id in &cli.deck {
        if loaded.find(id).is_none() {
            if let Some(p) = loaded.problems.iter().find(|p| broken_deck_is(p, id)) {
                return Err(UserError(format!(
                    "the deck `{}` did not load: {} (fix the file, then check it with \
                     `prepdeck decks check {}`)",
                    crate::core::text::quoted(id),
                    p.summary(),
                    sanitize_line(&p.origin)
                ))
                .into());
            }
            let known: Vec<&str> = loaded.decks.iter().map(|d| d.id.as_str()).collect();
            return Err(UsageError(format!(
                "no deck with id `{}` (decks: {})",
                crate::core::text::quoted(id),
                sanitize_line(&known.join(", "))
            ))
            .into());
        }
    }
    Ok(())
}

/// Whether the file that did not load is probably the deck `id`: named after it, or with a
/// line `id = "<id>"` (the file did not parse, so its id is only guessed).
fn broken_deck_is(p: &crate::store::decks::DeckProblem, id: &str) -> bool {
    let Some(path) = p.path() else {
        return false;
    };
    if path.file_stem().and_then(|s| s.to_str()) == Some(id) {
        return true;
    }
    let wanted = format!("\"{id}\"");
    std::fs::read_to_string(&path).is_ok_and(|text| {
        text.lines().any(|l| {
            let l = l.trim();
            l.starts_with("id") && l.contains(&wanted)
        })
    })
}

/// Loads every deck prepdeck would use, applying `--deck` filters; reports broken decks on
/// stderr (they are skipped, never fatal).
pub(crate) fn load_decks(cli: &Cli, home: &home::Home) -> anyhow::Result<LoadedDecks> {
    report_decks(cli, read_decks(cli, home))
}

/// Reads every deck (through the deck cache), printing nothing.
pub(crate) fn read_decks(cli: &Cli, home: &home::Home) -> LoadedDecks {
    let cache = home.deck_cache_dir();
    crate::store::decks::load_all_cached(&home.decks_dir(), &cli.deck_file, Some(&cache))
}

/// How many problems of a skipped deck every command prints (`decks check` prints more).
const SKIPPED_DECK_PROBLEMS: usize = 3;

/// Reports the broken decks of `loaded` on stderr and applies the `--deck` filters.
pub(crate) fn report_decks(cli: &Cli, mut loaded: LoadedDecks) -> anyhow::Result<LoadedDecks> {
    for p in &loaded.problems {
        // A few problems are enough to say why; `decks check` lists them.
        let origin = sanitize_line(&p.origin);
        let more = format!(" (`prepdeck decks check {origin}` lists them)");
        eprint!("{}", p.diagnostics.first(SKIPPED_DECK_PROBLEMS, &more));
        eprintln!("warning: skipped {origin}\n");
    }
    if !cli.deck.is_empty() {
        check_deck_ids(cli, &loaded)?;
        loaded
            .decks
            .retain(|d| cli.deck.iter().any(|id| id == d.id.as_str()));
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `prepdeck` alone is read without clap (`Cli::without_arguments`): the same `Cli` as
    /// clap's, with this process's `PREPDECK_HOME` (the other values of it are checked
    /// through the binary: `cli_decks::no_arguments_are_read_as_clap_reads_them`).
    #[test]
    fn no_arguments_read_as_clap_reads_them() {
        let env = std::env::var_os("PREPDECK_HOME");
        let bare = Cli::without_arguments(1, env.clone());
        let clap = Cli::try_parse_from(["prepdeck"]);
        match (bare, clap) {
            (Some(bare), Ok(clap)) => assert_eq!(format!("{bare:?}"), format!("{clap:?}")),
            (None, Err(_)) => assert!(env.is_some_and(|h| h.is_empty())),
            (bare, clap) => panic!("without clap {bare:?}, clap {clap:?}"),
        }
        for home in [None, Some("/x/y".into()), Some("".into())] {
            assert!(
                Cli::without_arguments(2, home).is_none(),
                "an argument is clap's"
            );
        }
        let home = Cli::without_arguments(1, Some("dir with spaces".into())).map(|c| c.home);
        assert_eq!(home, Some(Some("dir with spaces".into())));
        assert!(Cli::without_arguments(1, Some("".into())).is_none());
    }

    #[test]
    fn errors_keep_their_lines_but_lose_escapes() {
        let e: anyhow::Error =
            UserError("deck.toml:2:5\n  |\n2 | x = \u{1b}[31m\n  |     ^".into()).into();
        let text = error_text(&e);
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(!text.contains('\u{1b}'));
        assert!(text.ends_with('^'));
    }

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let io = std::io::Error::from_raw_os_error(21);
        let e = anyhow::Error::new(crate::store::StoreError::io("/h/x", "read", io));
        let text = error_text(&e);
        assert_eq!(text.matches("os error 21").count(), 1, "{text}");
        let e = anyhow::Error::new(std::io::Error::other("inner")).context("outer");
        assert_eq!(error_text(&e), "outer: inner");
    }
}
