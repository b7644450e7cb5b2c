//! `prepdeck import FILE`: reads cards from CSV/TSV, an Anki plain-text export or Markdown Q/A
//! and writes them as a new deck in the decks folder. Never overwrites a deck.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::home::Home;
use super::{Cli, UserError};
use crate::core::deck::{DeckSource, parse_deck, write_deck};
use crate::core::ids::DeckId;
use crate::core::text::sanitize_line;
use crate::store::decks::load_all;
use crate::store::import::{
    BuildOptions, Format, MAX_IMPORT_BYTES, Skipped, build_deck_with_warnings, decode, detect,
    parse, slugify,
};

pub const EXAMPLES: &str = "\
Examples:
  prepdeck import questions.csv                      header row: question,answer,category,tags
  prepdeck import anki-export.txt --deck-id networking --title \"Networking\"
  prepdeck import notes.md --category \"Warm-up\"      Q:/A: blocks under # headings

Formats: CSV and TSV (a header row may name the columns), Anki's \"Notes in Plain Text\"
export (.txt with #separator/#html headers) and Markdown Q:/A: blocks. See
docs/import-export.md.";

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (.csv, .tsv, .txt from Anki, .md)
    pub file: PathBuf,

    /// Id of the new deck [default: the file name, e.g. my-questions]
    #[arg(long, value_name = "ID")]
    pub deck_id: Option<String>,

    /// Put every card in this category [default: a category column or heading, else "Imported"]
    #[arg(long, value_name = "C")]
    pub category: Option<String>,

    /// Title of the new deck [default: a Markdown title heading, else the file name]
    #[arg(long, value_name = "T")]
    pub title: Option<String>,

    /// The file's format [default: guessed from the extension and the content]
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Csv,
    Tsv,
    Anki,
    Markdown,
}

pub fn run(cli: &Cli, home: &Home, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let shown = sanitize_line(&args.file.display().to_string());
    let text = read_text(&args.file, &shown)?;
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = match args.format {
        Some(ImportFormat::Csv) => Format::Delimited(b','),
        Some(ImportFormat::Tsv) => Format::Delimited(b'\t'),
        Some(ImportFormat::Anki) => Format::Anki,
        Some(ImportFormat::Markdown) => Format::Markdown,
        None => detect(&file_name, &text),
    };
    if text.trim().is_empty() {
        return Err(UserError(format!("{shown} is empty; nothing to import")).into());
    }
    let parsed = parse(format, &text);
    let stem = args
        .file
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let deck_id = deck_id(args.deck_id.as_deref(), &stem)?;
    let path = home.decks_dir().join(format!("{deck_id}.toml"));
    refuse_existing(cli, home, &deck_id, &path)?;

    let title = [
        args.title.clone(),
        parsed.title.clone(),
        Some(title_from(&stem)),
    ]
    .into_iter()
    .flatten()
    .map(|t| t.trim().to_string())
    .find(|t| !sanitize_line(t).trim().is_empty())
    .unwrap_or_else(|| deck_id.to_string());
    let opts = BuildOptions {
        deck_id: deck_id.clone(),
        title,
        description: Some(format!(
            "Imported from {file_name} ({}).",
            format.describe()
        )),
        category: args.category.clone(),
    };
    let (deck, more, warnings) = build_deck_with_warnings(&parsed, &opts);
    let mut skipped: Vec<Skipped> = parsed.skipped.iter().cloned().chain(more).collect();
    skipped.sort_by_key(|s| s.line);
    report(&shown, &parsed.notes, &skipped, &warnings)?;

    if deck.cards.is_empty() {
        return Err(UserError(format!(
            "no cards to import from {shown} (read as {}; {} skipped); nothing was written",
            format.describe(),
            rows(skipped.len())
        ))
        .into());
    }
    let toml = write_deck(&deck);
    if let Err(d) = parse_deck(&toml, DeckSource::File(path.clone())) {
        return Err(UserError(format!(
            "this is a bug in prepdeck: the deck made from {shown} does not validate, so it \
             was not written. Please report it with the file if you can. The problems:\n{d}"
        ))
        .into());
    }
    write(&path, &toml)?;
    println!(
        "imported {} into {}; skipped {}",
        cards(deck.cards.len()),
        sanitize_line(&path.display().to_string()),
        rows(skipped.len())
    );
    Ok(ExitCode::SUCCESS)
}

/// A title from a file name: `it_interview-questions` -> `It interview questions`.
fn title_from(stem: &str) -> String {
    let spaced = stem.replace(['_', '-'], " ");
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn cards(n: usize) -> String {
    format!("{n} card{}", if n == 1 { "" } else { "s" })
}

fn rows(n: usize) -> String {
    format!("{n} row{}", if n == 1 { "" } else { "s" })
}

fn read_text(file: &Path, shown: &str) -> anyhow::Result<String> {
    use crate::store::bounded::{ReadError, read_regular};
    let cannot = |what: String| UserError(format!("cannot read {shown}: {what}"));
    let bytes = match read_regular(file, MAX_IMPORT_BYTES as u64) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(cannot("no such file".into()).into()),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(cannot("permission denied".into()).into());
        }
        Err(ReadError::TooLarge { .. }) => {
            let e = crate::store::import::DecodeError::TooLarge;
            return Err(UserError(format!("cannot import {shown}: {e}")).into());
        }
        Err(e) => return Err(cannot(e.to_string()).into()),
    };
    decode(&bytes).map_err(|e| UserError(format!("cannot import {shown}: {e}")).into())
}

fn deck_id(flag: Option<&str>, stem: &str) -> anyhow::Result<DeckId> {
    if let Some(id) = flag {
        let valid = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            let hint = match slugify(id) {
                s if s.is_empty() => String::new(),
                s => format!(", e.g. `--deck-id {s}`"),
            };
            return Err(UserError(format!(
                "`{}` is not a valid deck id: use lowercase letters a-z, digits and `-`{hint}",
                crate::core::text::quoted(id)
            ))
            .into());
        }
        return Ok(DeckId::new(id));
    }
    match slugify(stem) {
        s if s.is_empty() => Err(UserError(
            "cannot make a deck id from the file name; pass one with --deck-id ID".into(),
        )
        .into()),
        s => Ok(DeckId(s)),
    }
}

/// Refuses a deck id that a built-in deck or another deck file already uses, and an existing
/// target file.
fn refuse_existing(cli: &Cli, home: &Home, id: &DeckId, path: &Path) -> anyhow::Result<()> {
    if path.exists() {
        return Err(exists_error(path));
    }
    let loaded = load_all(&home.decks_dir(), &cli.deck_file);
    if let Some(d) = loaded.find(id.as_str()) {
        let by = match &d.source {
            DeckSource::Builtin(_) => "a built-in deck".to_string(),
            DeckSource::File(p) => sanitize_line(&p.display().to_string()),
        };
        return Err(UserError(format!(
            "deck id `{id}` is already used by {by}; choose another with --deck-id ID"
        ))
        .into());
    }
    Ok(())
}

fn exists_error(path: &Path) -> anyhow::Error {
    UserError(format!(
        "{} already exists; prepdeck never overwrites a deck: choose another id with --deck-id ID",
        sanitize_line(&path.display().to_string())
    ))
    .into()
}

fn write(path: &Path, toml: &str) -> anyhow::Result<()> {
    if path.exists() {
        return Err(exists_error(path));
    }
    // Creates the decks folder (0700) and the file (0600) without ever replacing a file.
    crate::store::paths::write_private_new(path, toml.as_bytes())?;
    Ok(())
}

/// Notes and skipped rows on stderr, one per line, located like compiler messages.
fn report(
    shown: &str,
    notes: &[String],
    skipped: &[Skipped],
    warnings: &[Skipped],
) -> std::io::Result<()> {
    let mut err = std::io::stderr().lock();
    for n in notes {
        writeln!(err, "{shown}: note: {}", sanitize_line(n))?;
    }
    for w in warnings {
        writeln!(
            err,
            "{shown}:{}: warning: {}",
            w.line,
            sanitize_line(&w.reason)
        )?;
    }
    for s in skipped {
        writeln!(
            err,
            "{shown}:{}: skipped: {}",
            s.line,
            sanitize_line(&s.reason)
        )?;
    }
    Ok(())
}
