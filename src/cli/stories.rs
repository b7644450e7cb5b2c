//! `prepdeck stories check|list|new|coverage|suggest|drill`: the STAR story bank from the
//! shell. The bank is `<home>/stories.toml`, a file the user edits (see docs/stories.md);
//! drilling a story records ordinary reviews keyed `@stories/STORY-ID` in the state log.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Utc;
use clap::Subcommand;

use super::decks::print_table;
use super::home::Home;
use super::{Cli, UserError, load_decks};
use crate::cli::output::Format;
use crate::core::deck::Deck;
use crate::core::stories::STORIES_TEMPLATE;
use crate::core::stories::{
    AnsweredQuestion, STORY_DECK, StoryBank, coverage, story_deck, story_notes, suggest_for_card,
    warning_text,
};
use crate::core::text::{sanitize, sanitize_line, truncate_line};
use crate::store::stories::{LoadedStories, create_stories_file, load_stories, stories_file};
use crate::study::{DrillFilter, Study};

#[derive(Debug, Subcommand)]
pub enum StoriesCommand {
    /// Validate the story bank (or FILE); exit 1 if it has errors, warnings are only printed
    #[command(
        after_help = "Examples:\n  prepdeck stories check\n  prepdeck stories check draft.toml"
    )]
    Check {
        /// The file to check [default: <home>/stories.toml]
        file: Option<PathBuf>,
    },
    /// Every story: id, title, competencies, whether its result has a figure
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Write a commented template to <home>/stories.toml (or PATH); never overwrites
    New {
        /// Where to write it [default: <home>/stories.toml]
        path: Option<PathBuf>,
    },
    /// The competencies the decks in use probe, and which stories prove each (fewer than two
    /// are flagged)
    #[command(
        after_help = "Competencies are the categories of the loaded decks (`--deck` narrows them) that have \
                      behavioral questions, or situational ones in a deck that also asks behavioral ones.\n\nExamples:\n  prepdeck stories coverage\n  prepdeck --deck it-manager stories coverage --json"
    )]
    Coverage {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// The stories that fit a question best, best first, offline
    #[command(
        after_help = "Examples:\n  prepdeck stories suggest it-manager/projects-rescue-failing\n  prepdeck stories suggest it-manager/people-conflict --json --limit 5"
    )]
    Suggest {
        /// The question as DECK/CARD (see `prepdeck cards`)
        #[arg(value_name = "DECK/CARD")]
        card: String,
        /// At most this many stories
        #[arg(long, value_name = "N", default_value_t = 3)]
        limit: usize,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Drill your stories with spaced repetition: recall each from its title (line mode)
    #[command(
        after_help = "Each story is asked by its title; type the story (or think it through), reveal it with an empty \
                      line, then grade yourself 1-4 as in `prepdeck drill --plain`. Without --plain the app drills the \
                      stories that are due (as `d` on its story bank screen).\n\nExamples:\n  prepdeck stories drill\n  prepdeck stories drill --plain\n  prepdeck stories drill --plain --limit 3"
    )]
    Drill {
        /// Line mode (without it, the app drills the stories that are due)
        #[arg(long)]
        plain: bool,
        /// At most this many stories (line mode)
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
}

pub fn run(cli: &Cli, home: &Home, command: &StoriesCommand) -> anyhow::Result<ExitCode> {
    match command {
        StoriesCommand::Check { file } => check(home, file.as_deref()),
        StoriesCommand::List { json } => list(home, Format::json_if(*json)),
        StoriesCommand::New { path } => new(home, path.as_deref()),
        StoriesCommand::Coverage { json } => show_coverage(cli, home, Format::json_if(*json)),
        StoriesCommand::Suggest { card, limit, json } => {
            suggest(cli, home, card, *limit, Format::json_if(*json))
        }
        StoriesCommand::Drill { plain, limit } => drill(cli, home, *plain, *limit),
    }
}

fn shown(path: &Path) -> String {
    sanitize_line(&path.display().to_string())
}

/// The bank at `path`, its warnings printed on stderr; invalid: a data error with every
/// problem.
fn load(path: &Path) -> anyhow::Result<LoadedStories> {
    let loaded = load_stories(path).map_err(|d| UserError(d.to_string()))?;
    for w in loaded.warnings.iter() {
        eprint!("{}", warning_text(w));
    }
    Ok(loaded)
}

/// The user's bank; a missing file is an error naming `prepdeck stories new`.
fn load_existing(home: &Home) -> anyhow::Result<StoryBank> {
    let path = stories_file(home);
    let loaded = load(&path)?;
    if !loaded.exists {
        return Err(UserError(format!(
            "no story bank yet: {} does not exist; `prepdeck stories new` writes a commented template",
            shown(&path)
        ))
        .into());
    }
    Ok(loaded.bank)
}

fn check(home: &Home, file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let path = file.map_or_else(|| stories_file(home), Path::to_path_buf);
    let loaded = load(&path)?;
    if !loaded.exists {
        return Err(UserError(format!(
            "{} does not exist; `prepdeck stories new` writes a commented template",
            shown(&path)
        ))
        .into());
    }
    let n = loaded.bank.stories.len();
    let w = loaded.warnings.len();
    if n == 0 && w == 0 {
        println!(
            "{}: OK, no stories yet: add a [[story]] block for each of yours (the file's \
             commented example shows how; it does not count)",
            shown(&path)
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}: {n} stor{} OK{}",
        shown(&path),
        if n == 1 { "y" } else { "ies" },
        if w == 0 {
            String::new()
        } else {
            format!(", {w} warning(s)")
        }
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct StoryRow {
    id: String,
    title: String,
    competencies: Vec<String>,
    result_has_figure: bool,
    has_short: bool,
    tags: Vec<String>,
    line: usize,
    situation: String,
    task: String,
    action: String,
    result: String,
    short: Option<String>,
}

fn list(home: &Home, format: Format) -> anyhow::Result<ExitCode> {
    let bank = load_existing(home)?;
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        let rows: Vec<StoryRow> = bank
            .stories
            .iter()
            .map(|s| StoryRow {
                id: sanitize_line(&s.id),
                title: sanitize_line(&s.title),
                competencies: s.competencies.iter().map(|c| sanitize_line(c)).collect(),
                result_has_figure: s.result_has_figure(),
                has_short: s.short.is_some(),
                tags: s.tags.iter().map(|t| sanitize_line(t)).collect(),
                line: s.line,
                situation: sanitize(&s.situation),
                task: sanitize(&s.task),
                action: sanitize(&s.action),
                result: sanitize(&s.result),
                short: s.short.as_deref().map(sanitize),
            })
            .collect();
        crate::core::json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if bank.stories.is_empty() {
        writeln!(
            out,
            "No stories yet: add [[story]] tables to {} (a commented example does not count).",
            shown(&stories_file(home))
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let table: Vec<Vec<String>> = bank
        .stories
        .iter()
        .map(|s| {
            vec![
                sanitize_line(&s.id),
                if s.result_has_figure() { "yes" } else { "NO" }.to_string(),
                if s.short.is_some() { "yes" } else { "-" }.to_string(),
                truncate_line(&s.competencies.join(", "), 36),
                truncate_line(&s.title, 60),
            ]
        })
        .collect();
    print_table(
        &mut out,
        &["ID", "FIGURE", "SHORT", "COMPETENCIES", "TITLE"],
        &table,
    )?;
    Ok(ExitCode::SUCCESS)
}

fn new(home: &Home, path: Option<&Path>) -> anyhow::Result<ExitCode> {
    let path = path.map_or_else(|| stories_file(home), Path::to_path_buf);
    if path.symlink_metadata().is_ok() {
        return Err(UserError(format!(
            "{} already exists; prepdeck never overwrites it (edit it, or choose another path)",
            shown(&path)
        ))
        .into());
    }
    create_stories_file(&path, STORIES_TEMPLATE)
        .map_err(|e| UserError(sanitize_line(&e.to_string())))?;
    println!(
        "wrote {}: its example story is commented out and does not count; add yours (copy the \
         example without its \"# \"), then run `prepdeck stories check`",
        shown(&path)
    );
    Ok(ExitCode::SUCCESS)
}

fn show_coverage(cli: &Cli, home: &Home, format: Format) -> anyhow::Result<ExitCode> {
    let bank = load_existing(home)?;
    let decks = load_decks(cli, home)?;
    let cov = coverage(&bank, &decks.decks);
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        let mut value = serde_json::to_value(&cov)?;
        sanitize_json(&mut value);
        crate::core::json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let table: Vec<Vec<String>> = cov
        .competencies
        .iter()
        .map(|r| {
            vec![
                sanitize_line(r.id.as_str()),
                r.stories.len().to_string(),
                if r.short { "NEEDS MORE" } else { "ok" }.to_string(),
                truncate_line(&r.title, 34),
                truncate_line(&r.stories.join(", "), 50),
            ]
        })
        .collect();
    print_table(
        &mut out,
        &["COMPETENCY", "STORIES", "", "TITLE", "STORY IDS"],
        &table,
    )?;
    writeln!(
        out,
        "{} of {} competencies have fewer than two stories.",
        cov.short_count(),
        cov.competencies.len()
    )?;
    if !cov.unmatched.is_empty() {
        writeln!(
            out,
            "Competencies that name no category of these decks (check the spelling, or use a category id):"
        )?;
        for (story, comp) in &cov.unmatched {
            writeln!(out, "  {}: {}", sanitize_line(story), sanitize_line(comp))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Strips control characters from every string of a JSON value.
fn sanitize_json(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(s) => *s = sanitize(s),
        serde_json::Value::Array(a) => a.iter_mut().for_each(sanitize_json),
        serde_json::Value::Object(o) => o.values_mut().for_each(sanitize_json),
        _ => {}
    }
}

fn suggest(
    cli: &Cli,
    home: &Home,
    name: &str,
    limit: usize,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let decks = load_decks(cli, home)?;
    let (deck, card) = super::card_name::resolve_card(&decks, name)?;
    let bank = load_existing(home)?;
    let mut found = suggest_for_card(&bank, deck, card);
    found.truncate(limit);
    let mut out = std::io::stdout().lock();
    if format == Format::Json {
        let mut value = serde_json::to_value(&found)?;
        sanitize_json(&mut value);
        crate::core::json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "Q: {}", sanitize_line(&card.question))?;
    if found.is_empty() {
        writeln!(
            out,
            "No story fits this question: none shares its words or its category ({}). Write one, tagged `{}`.",
            sanitize_line(card.category.as_str()),
            sanitize_line(card.category.as_str())
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    for (i, s) in found.iter().enumerate() {
        let mut why = Vec::new();
        if s.competency_match {
            why.push(format!("proves {}", sanitize_line(card.category.as_str())));
        }
        if !s.shared.is_empty() {
            why.push(format!("shares: {}", sanitize_line(&s.shared.join(", "))));
        }
        writeln!(
            out,
            "{}. {}  {}  (score {:.2}; {})",
            i + 1,
            sanitize_line(&s.id),
            truncate_line(&s.title, 60),
            s.score,
            why.join("; ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn drill(cli: &Cli, home: &Home, plain: bool, limit: Option<usize>) -> anyhow::Result<ExitCode> {
    let path = stories_file(home);
    let bank = load_existing(home)?;
    if bank.stories.is_empty() {
        return Err(UserError(format!("{} has no stories to drill", shown(&path))).into());
    }
    if !plain {
        return super::app::open(cli, home, crate::tui::Start::StoryDrill);
    }
    let deck = story_deck(&bank, &path.display().to_string());
    let mut study = super::open_study::open_study(home)?;
    let clock = Utc::now;
    let filter = DrillFilter {
        limit,
        ..DrillFilter::default()
    };
    let outcome = super::drill_plain::run_plain_drill(
        std::io::stdin().lock(),
        std::io::stdout().lock(),
        &clock,
        std::slice::from_ref(&deck),
        &mut study,
        &filter,
    )?;
    study.close();
    Ok(if outcome.not_recorded > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// After a line-mode mock interview: what its answers say about the story bank (a story told
/// for several questions, results without a figure). Nothing without a story bank; a broken
/// one is one warning line.
pub(crate) fn print_debrief_notes(
    home: &Home,
    decks: &[Deck],
    records: &[crate::core::record::Record],
    interview: &crate::core::ids::InterviewId,
) -> anyhow::Result<()> {
    let bank = match load_stories(&stories_file(home)) {
        Ok(l) => l.bank,
        Err(_) => {
            eprintln!(
                "warning: the story bank has errors (`prepdeck stories check`); no story notes"
            );
            StoryBank::default()
        }
    };
    let answers: Vec<AnsweredQuestion<'_>> = records
        .iter()
        .filter_map(|r| match &r.body {
            crate::core::record::RecordBody::MockAnswered(m) if &m.interview == interview => {
                let wants_story =
                    crate::core::deck::find_card(decks, &m.card).is_some_and(|(_, c)| {
                        matches!(
                            c.kind,
                            crate::core::deck::Kind::Behavioral
                                | crate::core::deck::Kind::Situational
                        )
                    });
                Some(AnsweredQuestion {
                    index: m.index,
                    answer: &m.answer,
                    wants_story,
                })
            }
            _ => None,
        })
        .collect();
    let notes = story_notes(&bank, &answers);
    if notes.is_empty() {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "\nStories")?;
    for n in notes {
        writeln!(out, "  {}", sanitize_line(&n.sentence()))?;
    }
    Ok(())
}

/// What an interview's answers (its debrief) say about the story bank, for `prepdeck report`.
/// Nothing without a story bank; a broken one is a warning on stderr and no notes.
pub(crate) fn notes_for_debrief(
    home: &Home,
    debrief: &crate::core::session::Debrief,
) -> Vec<crate::core::stories::StoryNote> {
    let bank = match load_stories(&stories_file(home)) {
        Ok(l) => l.bank,
        Err(_) => {
            eprintln!(
                "warning: the story bank has errors (`prepdeck stories check`); no story notes"
            );
            return Vec::new();
        }
    };
    let answers: Vec<AnsweredQuestion<'_>> = debrief
        .items
        .iter()
        .filter(|i| !i.skipped)
        .map(|i| AnsweredQuestion {
            index: i.index,
            answer: &i.answer,
            wants_story: matches!(
                i.question.kind,
                crate::core::deck::Kind::Behavioral | crate::core::deck::Kind::Situational
            ),
        })
        .collect();
    story_notes(&bank, &answers)
}

/// Story reviews are kept under this deck id (for `state check`, which does not count them as
/// orphans).
pub(crate) fn is_story_key(key: &crate::core::ids::CardKey) -> bool {
    key.deck.as_str() == STORY_DECK
}
