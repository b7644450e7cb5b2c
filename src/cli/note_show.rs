//! The candidate's own material beside a model answer in line mode (drill reveal, mock
//! debrief): their answer, their note, and their previous and best attempts.

use std::io::Write;

use super::time_text::local_time;
use crate::core::ids::{CardKey, InterviewId};
use crate::core::notes::{Attempt, AttemptSource, Notebook, best_attempt};
use crate::core::schedule::Progress;
use crate::core::text::sanitize;

/// At most this many lines of an earlier attempt are shown (the full text is in
/// `prepdeck cards show`).
const ATTEMPT_LINES: usize = 4;

fn block(out: &mut impl Write, text: &str, max_lines: usize) -> std::io::Result<()> {
    let clean = sanitize(text.trim());
    let lines: Vec<&str> = clean.lines().collect();
    for line in lines.iter().take(max_lines) {
        writeln!(out, "    {line}")?;
    }
    if lines.len() > max_lines {
        writeln!(out, "    ... ({} more lines)", lines.len() - max_lines)?;
    }
    Ok(())
}

fn describe(a: &Attempt) -> String {
    let mut parts = vec![
        local_time(a.at),
        match a.source {
            AttemptSource::Drill => "drill".to_string(),
            AttemptSource::Mock { .. } => "mock".to_string(),
        },
    ];
    let (hit, of) = a.covered();
    if of > 0 {
        parts.push(format!("{hit}/{of} key points"));
    }
    parts.push(a.grade_text());
    parts.join(", ")
}

/// Which attempt is the one on screen now (not "previous").
pub(crate) enum Current<'a> {
    /// A drill reveal after a typed draft: the newest attempt.
    Newest,
    /// A mock debrief: this interview's answer.
    Interview(&'a InterviewId),
    None,
}

/// Prints the card's own answer, note, previous attempt and best attempt (each only when
/// there is one), leaving out the `current` attempt.
pub(crate) fn print_own_material(
    out: &mut impl Write,
    book: &Notebook,
    progress: Option<&Progress>,
    key: &CardKey,
    current: Current<'_>,
) -> std::io::Result<()> {
    if let Some(a) = book.my_answer(key) {
        writeln!(out, "Your answer:")?;
        block(out, &a.text, usize::MAX)?;
    }
    if let Some(n) = book.note(key) {
        writeln!(out, "Your note:")?;
        block(out, &n.text, usize::MAX)?;
    }
    let Some(progress) = progress else {
        return Ok(());
    };
    let mut attempts = book.attempts_in(key, progress);
    match current {
        Current::Newest if !attempts.is_empty() => {
            attempts.remove(0);
        }
        Current::Interview(id) => attempts
            .retain(|a| !matches!(&a.source, AttemptSource::Mock { interview } if interview == id)),
        _ => {}
    }
    let Some(previous) = attempts.first() else {
        return Ok(());
    };
    writeln!(out, "Your previous attempt ({}):", describe(previous))?;
    block(out, &previous.text, ATTEMPT_LINES)?;
    if let Some(best) = best_attempt(&attempts)
        && best.id != previous.id
    {
        writeln!(out, "Your best attempt ({}):", describe(best))?;
        block(out, &best.text, ATTEMPT_LINES)?;
    }
    Ok(())
}

/// The notebook and replay of `records` (replayed with the default scheduler: only the
/// grades of past reviews are read from it).
pub(crate) fn material(records: &[crate::core::record::Record]) -> (Notebook, Progress) {
    (
        Notebook::from_records(records),
        crate::core::schedule::replay(records, &crate::core::schedule::SchedulerConfig::default()),
    )
}

/// One card's material in `prepdeck export notes`.
#[derive(serde::Serialize)]
struct ExportedCard<'a> {
    deck: &'a str,
    card: &'a str,
    /// `None` when no loaded deck has the card any more (its material is kept).
    question: Option<&'a str>,
    note: Option<&'a crate::core::notes::Written>,
    my_answer: Option<&'a crate::core::notes::Written>,
    /// Newest first.
    attempts: Vec<Attempt>,
}

fn exported<'a>(
    decks: &'a [crate::core::deck::Deck],
    progress: &Progress,
    book: &'a Notebook,
) -> Vec<ExportedCard<'a>> {
    book.keys()
        .into_iter()
        .filter(|k| k.deck.as_str() != crate::core::stories::STORY_DECK)
        .map(|k| ExportedCard {
            deck: k.deck.as_str(),
            card: k.card.as_str(),
            question: crate::core::deck::find_card(decks, k).map(|(_, c)| c.question.as_str()),
            note: book.note(k),
            my_answer: book.my_answer(k),
            attempts: book.attempts_in(k, progress),
        })
        .collect()
}

/// `prepdeck export notes --format json`: exact text (the file is the user's own).
pub(crate) fn notes_json(
    decks: &[crate::core::deck::Deck],
    progress: &Progress,
    book: &Notebook,
) -> anyhow::Result<String> {
    let mut s = crate::core::json::to_string_pretty(&serde_json::json!({
        "cards": exported(decks, progress, book),
    }))?;
    s.push('\n');
    Ok(s)
}

/// `prepdeck export notes`: one Markdown section per card.
pub(crate) fn notes_markdown(
    decks: &[crate::core::deck::Deck],
    progress: &Progress,
    book: &Notebook,
) -> String {
    use std::fmt::Write as _;
    let mut s = String::from("# My notes and answers (prepdeck)\n");
    let cards = exported(decks, progress, book);
    if cards.is_empty() {
        s.push_str("\nNo notes, answers or typed attempts yet.\n");
    }
    for c in cards {
        let _ = writeln!(s, "\n## {}/{}\n", c.deck, c.card);
        match c.question {
            Some(q) => {
                let _ = writeln!(s, "**Question:** {}\n", q.trim());
            }
            None => s.push_str("*(no loaded deck has this card any more)*\n\n"),
        }
        if let Some(a) = c.my_answer {
            let _ = writeln!(s, "### My answer\n\n{}\n", a.text.trim());
        }
        if let Some(n) = c.note {
            let _ = writeln!(s, "### Note\n\n{}\n", n.text.trim());
        }
        if !c.attempts.is_empty() {
            let _ = writeln!(s, "### Attempts (newest first)\n");
            for a in &c.attempts {
                let _ = writeln!(s, "- {}\n", describe(a));
                for line in a.text.trim().lines() {
                    let _ = writeln!(s, "  > {line}");
                }
                s.push('\n');
            }
        }
    }
    s
}
