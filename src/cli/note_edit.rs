//! `prepdeck cards note|answer DECK/CARD [--edit | --set TEXT | --file F | --clear]` and
//! `cards answer --promote N`: the candidate's note and own answer on any card, built-in
//! cards included. Each change is one durable record in the state log (the latest counts), so
//! it survives deck upgrades and merges between computers; an older text stays in the log.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Utc;

use super::card_name::resolve_card;
use super::cards_args::TextEdit;
use super::home::Home;
use super::read_progress::read_all;
use super::{Cli, UsageError, UserError, load_decks};
use crate::core::ids::{CardKey, RecordId};
use crate::core::notes::{Notebook, Written};
use crate::core::record::{CardText, MyAnswer, RecordBody};
use crate::core::text::{sanitize, sanitize_line};
use crate::store::log::StateLog;

/// The longest note or answer kept (a pasted file, not a book), as in the app.
const MAX_CHARS: usize = crate::study::MAX_TEXT_CHARS;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Note,
    Answer,
}

impl Which {
    fn name(self) -> &'static str {
        match self {
            Which::Note => "note",
            Which::Answer => "answer",
        }
    }

    fn current<'a>(self, book: &'a Notebook, key: &CardKey) -> Option<&'a Written> {
        match self {
            Which::Note => book.note(key),
            Which::Answer => book.my_answer(key),
        }
    }

    fn record(self, key: &CardKey, text: String, from: Option<RecordId>) -> RecordBody {
        let (deck, card) = (key.deck.clone(), key.card.clone());
        match self {
            Which::Note => RecordBody::Note(CardText { deck, card, text }),
            Which::Answer => RecordBody::MyAnswer(MyAnswer {
                deck,
                card,
                text,
                from,
            }),
        }
    }
}

pub fn note(cli: &Cli, home: &Home, name: &str, edit: &TextEdit) -> anyhow::Result<ExitCode> {
    change(cli, home, name, edit, Which::Note, None)
}

pub fn answer(
    cli: &Cli,
    home: &Home,
    name: &str,
    edit: &TextEdit,
    promote: Option<u32>,
) -> anyhow::Result<ExitCode> {
    change(cli, home, name, edit, Which::Answer, promote)
}

fn change(
    cli: &Cli,
    home: &Home,
    name: &str,
    edit: &TextEdit,
    which: Which,
    promote: Option<u32>,
) -> anyhow::Result<ExitCode> {
    let decks = load_decks(cli, home)?;
    let (deck, card) = resolve_card(&decks, name)?;
    let key = deck.key(card);
    let shown = sanitize_line(&key.to_string());
    let (_, progress, book) = read_all(home)?;
    let current = which.current(&book, &key).map(|w| w.text.clone());
    let (new, from) = if edit.clear {
        if current.is_none() {
            println!("{shown} has no {} to clear", which.name());
            return Ok(ExitCode::SUCCESS);
        }
        (String::new(), None)
    } else if let Some(text) = &edit.set {
        (text.clone(), None)
    } else if let Some(path) = &edit.file {
        (read_text(path)?, None)
    } else if edit.edit {
        let Some(text) = in_editor(home, &key, which, current.as_deref().unwrap_or(""))? else {
            println!("nothing recorded: the file was left empty");
            return Ok(ExitCode::SUCCESS);
        };
        (text, None)
    } else if let Some(n) = promote {
        let attempts = book.attempts_in(&key, &progress);
        let Some(a) = attempts.get(n as usize - 1) else {
            return Err(UserError(format!(
                "{shown} has {} attempt(s); `prepdeck cards show {shown}` numbers them",
                attempts.len()
            ))
            .into());
        };
        (a.text.clone(), Some(a.id.clone()))
    } else {
        match current {
            Some(text) => println!("{}", sanitize(text.trim_end())),
            None => eprintln!(
                "{shown} has no {0} yet; write one with `prepdeck cards {0} {shown} --edit` (or --set TEXT, --file F)",
                which.name()
            ),
        }
        return Ok(ExitCode::SUCCESS);
    };
    let new = new.trim_end().to_string();
    if new.chars().count() > MAX_CHARS {
        return Err(UserError(format!(
            "the text is longer than {MAX_CHARS} characters; keep notes short enough to read before an interview"
        ))
        .into());
    }
    if !edit.clear && new.trim().is_empty() {
        return Err(UsageError(format!(
            "the new {} is empty; use --clear to remove it",
            which.name()
        ))
        .into());
    }
    if current.as_deref() == Some(new.as_str()) && from.is_none() {
        println!("{shown}: {} unchanged, nothing recorded", which.name());
        return Ok(ExitCode::SUCCESS);
    }
    let (mut log, report) = StateLog::open(home.state_file())?;
    super::print_load_warnings(&home.state_file(), &report.warnings);
    log.append(which.record(&key, new, from), Utc::now())?;
    let verb = match (edit.clear, promote) {
        (true, _) => "cleared",
        (_, Some(_)) => "promoted from an attempt",
        _ => "saved",
    };
    println!("{} {verb} for {shown}", which.name());
    Ok(ExitCode::SUCCESS)
}

/// The text of `path` (`-`: standard input); must be UTF-8.
fn read_text(path: &Path) -> anyhow::Result<String> {
    let stdin = path == Path::new("-");
    let shown = if stdin {
        "standard input".to_string()
    } else {
        sanitize_line(&path.display().to_string())
    };
    // Never more than a text may hold (four bytes a character) and one byte more, so an
    // over-long text is still refused as too long; a file through the one bounded open
    // (`--file /dev/zero` read until memory ran out; a FIFO waited forever).
    let limit = (MAX_CHARS as u64) * 4 + 1;
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| UserError(format!("cannot read {shown}: {e}")))?;
        bytes
    } else {
        match crate::store::bounded::read_regular(path, limit) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Err(UserError(format!("cannot read {shown}: no such file")).into()),
            Err(crate::store::bounded::ReadError::TooLarge { .. }) => {
                return Err(UserError(format!(
                    "{shown} is longer than {MAX_CHARS} characters; keep notes short enough \
                     to read before an interview"
                ))
                .into());
            }
            Err(e) => return Err(UserError(format!("cannot read {shown}: {e}")).into()),
        }
    };
    String::from_utf8(bytes).map_err(|_| UserError(format!("{shown} is not UTF-8 text")).into())
}

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`; words split on spaces so
/// `EDITOR="code --wait"` works.
fn editor_command() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|e| e.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_string()])
}

/// Opens `current` in the editor (in a private file of the data folder) and returns what was
/// saved; `None` when it was left empty. Needs a terminal.
fn in_editor(
    home: &Home,
    key: &CardKey,
    which: Which,
    current: &str,
) -> anyhow::Result<Option<String>> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(UsageError(
            "--edit needs a terminal; use --set TEXT or --file FILE (`--file -` reads standard input)"
                .into(),
        )
        .into());
    }
    let path: PathBuf = home.root().join("cache").join(format!(
        "{}-{}-{}.{}.md",
        std::process::id(),
        key.deck,
        key.card,
        which.name()
    ));
    crate::store::paths::write_private_new(&path, current.as_bytes())?;
    let words = editor_command();
    let status = std::process::Command::new(&words[0])
        .args(&words[1..])
        .arg(&path)
        .status();
    let shown = sanitize_line(&path.display().to_string());
    let ok = match status {
        Ok(s) => s.success(),
        Err(e) => {
            let _ = std::fs::remove_file(&path);
            return Err(UserError(format!(
                "cannot start the editor `{}`: {e}; set $EDITOR, or use --set / --file",
                sanitize_line(&words.join(" "))
            ))
            .into());
        }
    };
    if !ok {
        return Err(UserError(format!(
            "the editor failed; nothing recorded (what you wrote, if anything, is in {shown})"
        ))
        .into());
    }
    let text = read_text(&path)?;
    let _ = std::fs::remove_file(&path);
    Ok((!text.trim().is_empty()).then_some(text))
}
