//! `prepdeck decks list|check|new` and the summary printed by a bare `prepdeck`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::home::Home;
use super::{Cli, UserError, load_decks, template};
use crate::cli::output::Format;
use crate::core::deck::{Deck, DeckSource, Linter};
use crate::core::text::{sanitize_line, truncate_line};
use crate::store::decks::{BUILTIN, load_all, load_builtin, load_files};

/// How many problems `decks check` prints per file: the first hundred say what is wrong; a
/// file with 40,000 (a generated deck gone wrong) printed 13 MB.
const CHECKED_DECK_PROBLEMS: usize = 100;

#[derive(Serialize)]
struct DeckRow<'a> {
    id: &'a str,
    title: &'a str,
    cards: usize,
    categories: usize,
    source: String,
}

fn source_label(s: &DeckSource) -> String {
    match s {
        DeckSource::Builtin(_) => "built-in".to_string(),
        DeckSource::File(p) => p.display().to_string(),
    }
}

fn rows(decks: &[Deck]) -> Vec<DeckRow<'_>> {
    decks
        .iter()
        .map(|d| DeckRow {
            id: d.id.as_str(),
            title: &d.title,
            cards: d.cards.len(),
            categories: d.categories.len(),
            source: source_label(&d.source),
        })
        .collect()
}

/// Prints rows as an aligned text table.
pub(crate) fn print_table(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                s.push_str(&format!("{cell:<w$}  "));
            }
        }
        s.trim_end().to_string()
    };
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", line(&head))?;
    for r in rows {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

pub fn list(cli: &Cli, home: &Home, format: Format) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let rows = rows(&loaded.decks);
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        crate::core::json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        let table: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    sanitize_line(r.id),
                    truncate_line(r.title, 46),
                    r.cards.to_string(),
                    r.categories.to_string(),
                    sanitize_line(&r.source),
                ]
            })
            .collect();
        print_table(
            &mut out,
            &["ID", "TITLE", "CARDS", "CATEGORIES", "SOURCE"],
            &table,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check(cli: &Cli, home: &Home, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let loaded = if paths.is_empty() {
        load_all(&home.decks_dir(), &cli.deck_file)
    } else {
        load_files(paths)
    };
    // The bank that tells recognised terms from one story's wording: the decks checked, and
    // the built-in decks when only some files were named.
    let mut bank = loaded.decks.clone();
    if !paths.is_empty() {
        bank.extend(
            BUILTIN
                .iter()
                .filter_map(|(name, text)| load_builtin(name, text).ok()),
        );
    }
    let linter = Linter::new(&bank);
    let mut out = std::io::stdout().lock();
    let mut warnings = 0;
    for d in &loaded.decks {
        writeln!(
            out,
            "ok: {} ({}: {} in {})",
            sanitize_line(&d.source.display_name()),
            sanitize_line(d.id.as_str()),
            count(d.cards.len(), "card", "cards"),
            count(d.categories.len(), "category", "categories")
        )?;
        for w in linter.lint(d) {
            warnings += 1;
            let card = &d.cards[w.card];
            let text = &card.key_points[w.point].text;
            writeln!(
                out,
                "warning: {}:{}: {} key point {} ({}): {}",
                sanitize_line(&d.source.display_name()),
                w.line,
                sanitize_line(card.id.as_str()),
                w.point + 1,
                truncate_line(text, 60),
                sanitize_line(&w.message)
            )?;
        }
    }
    out.flush()?;
    let mut err = std::io::stderr().lock();
    for d in &loaded.decks {
        super::tag_lint::print_tag_warnings(&mut err, d)?;
    }
    let mut count = 0;
    for p in &loaded.problems {
        count += p.diagnostics.len();
        let more = "; fix these and check again";
        write!(err, "{}", p.diagnostics.first(CHECKED_DECK_PROBLEMS, more))?;
        writeln!(err)?;
    }
    let files = loaded.decks.len() + loaded.problems.len();
    let warned = if warnings > 0 {
        format!(
            ", {warnings} key-point warning(s) (see docs/deck-format.md, \"Checking key points\")"
        )
    } else {
        String::new()
    };
    if loaded.problems.is_empty() {
        writeln!(out, "{files} deck file(s) checked: all valid{warned}")?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(
            err,
            "{files} deck file(s) checked: {} invalid, {count} error(s){warned}",
            loaded.problems.len()
        )?;
        Ok(ExitCode::from(1))
    }
}

pub fn new(cli: &Cli, home: &Home, path: &Path) -> anyhow::Result<ExitCode> {
    let shown = sanitize_line(&path.display().to_string());
    // Never one of prepdeck's own files (a config or state file not created yet, say).
    let real = super::output::checked_output_path(cli, home, path)?;
    if real.symlink_metadata().is_ok() {
        return Err(UserError(format!(
            "{shown} already exists; choose another name (prepdeck never overwrites a deck)"
        ))
        .into());
    }
    // Creates missing folders privately (0700) itself.
    crate::store::paths::write_private_new(&real, template::TEMPLATE.as_bytes())?;
    println!("wrote {shown}: edit it, then run `prepdeck decks check {shown}`");
    // Where prepdeck looks for decks, so the new one is not silently left out.
    let decks_dir = home.decks_dir();
    let loaded = real
        .parent()
        .and_then(|p| p.canonicalize().ok())
        .zip(decks_dir.canonicalize().ok())
        .is_some_and(|(dir, decks)| dir == decks);
    let decks_shown = sanitize_line(&decks_dir.display().to_string());
    if loaded {
        println!("prepdeck loads it from {decks_shown} with the built-in decks.");
    } else {
        println!(
            "To have prepdeck load it, move it to {decks_shown}/ (then it loads with the \
             built-in decks), or pass `--deck-file {shown}` to any command."
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A bare `prepdeck` without a terminal (piped, in a script): the decks and what to run.
pub fn summary(cli: &Cli, home: &Home) -> anyhow::Result<ExitCode> {
    let loaded = load_decks(cli, home)?;
    let cards: usize = loaded.decks.iter().map(|d| d.cards.len()).sum();
    println!(
        "prepdeck {}: {} decks, {cards} cards (data folder: {})",
        env!("CARGO_PKG_VERSION"),
        loaded.decks.len(),
        sanitize_line(&home.root().display().to_string())
    );
    for d in &loaded.decks {
        println!(
            "  {:<18} {:>4} cards  {}",
            sanitize_line(d.id.as_str()),
            d.cards.len(),
            truncate_line(&d.title, 50)
        );
    }
    println!("\nRun `prepdeck --help` for the commands.");
    Ok(ExitCode::SUCCESS)
}

/// "1 card", "2 cards".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
