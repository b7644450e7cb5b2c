//! The candidate's own material as the app shows it: the card browser's rows and a card's
//! detail page, what is shown beside a model answer (their answer, note, previous and best
//! attempts, the stories that fit), and the story bank. Everything is read from the study's
//! replay and notebook; the story bank file through the store.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::port::{Study, StudyError};
use crate::core::deck::{Deck, find_card};
use crate::core::ids::{CardKey, InterviewId, RecordId};
use crate::core::notes::{
    Attempt, AttemptSource, BrowseFilter, CardDetail, CardState, Notebook, Written, best_attempt,
    card_detail, filter_cards,
};
use crate::core::record::{CardText, MyAnswer, RecordBody};
use crate::core::schedule::Progress;
use crate::core::stories::{
    AnsweredQuestion, Coverage, StoryBank, Suggestion, coverage, story_notes, suggest_for_card,
};

/// The longest note or own answer kept (a pasted page, not a book): the app and
/// `prepdeck cards note|answer` both refuse longer ones.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// At most this many stories are suggested beside a question.
pub const SUGGESTED_STORIES: usize = 3;

/// One card of the browser's list (owned: the screen keeps it between frames).
#[derive(Clone, Debug, PartialEq)]
pub struct BrowseRow {
    pub key: CardKey,
    pub deck_title: String,
    pub category: String,
    pub kind: &'static str,
    pub question: String,
    pub states: Vec<CardState>,
    pub has_note: bool,
    pub has_answer: bool,
    pub attempts: usize,
}

fn parts(
    study: &dyn Study,
) -> (
    std::borrow::Cow<'_, Progress>,
    std::borrow::Cow<'_, Notebook>,
) {
    use std::borrow::Cow;
    let progress = study
        .replayed()
        .map_or_else(|| Cow::Owned(Progress::default()), Cow::Borrowed);
    let book = study
        .notebook()
        .map_or_else(|| Cow::Owned(Notebook::default()), Cow::Borrowed);
    (progress, book)
}

/// The cards of `decks` that `filter` keeps, as [`filter_cards`] orders them.
pub fn browse(
    study: &dyn Study,
    decks: &[Deck],
    filter: &BrowseFilter,
    now: DateTime<Utc>,
) -> Vec<BrowseRow> {
    let (progress, book) = parts(study);
    // Ranked as `filter_cards` ranks them (questions with every word first).
    filter_cards(decks, &progress, &book, filter, now)
        .into_iter()
        .map(|v| {
            let key = v.deck.key(v.card);
            BrowseRow {
                deck_title: v.deck.title.clone(),
                category: v
                    .deck
                    .category(&v.card.category)
                    .map_or_else(|| v.card.category.to_string(), |c| c.title.clone()),
                kind: v.card.kind.as_str(),
                question: v.card.question.clone(),
                states: v.states,
                has_note: book.note(&key).is_some(),
                has_answer: book.my_answer(&key).is_some(),
                attempts: book.attempt_count(&key),
                key,
            }
        })
        .collect()
}

/// Everything known about the card `key` at `now`; `None` when no loaded deck has it.
pub fn detail(
    study: &dyn Study,
    decks: &[Deck],
    key: &CardKey,
    now: DateTime<Utc>,
) -> Option<CardDetail> {
    let (deck, card) = find_card(decks, key)?;
    let (progress, book) = parts(study);
    Some(card_detail(deck, card, &progress, &book, now))
}

/// Which attempt is the one on screen (so "previous" means the one before it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// A drill reveal after a typed draft: the newest attempt.
    Newest,
    /// A mock debrief: this interview's answer.
    Interview(InterviewId),
    /// No attempt on screen.
    Nothing,
}

/// A story that fits the question, for the reveal and the mock's reading time.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryHint {
    pub id: String,
    pub title: String,
    /// Whether one of its competencies is the question's category.
    pub competency_match: bool,
    /// The words it shares with the question, most telling first.
    pub shared: Vec<String>,
}

/// What is shown beside a model answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Beside {
    pub note: Option<Written>,
    pub my_answer: Option<Written>,
    /// The attempt on screen (the draft just revealed, this interview's answer).
    pub current: Option<Attempt>,
    /// The newest attempt before it, and the best of those (when another one).
    pub previous: Option<Attempt>,
    pub best: Option<Attempt>,
    /// The stories that fit the question, best first.
    pub stories: Vec<StoryHint>,
    /// Why no story could be suggested (the bank does not parse), if so.
    pub stories_problem: Option<String>,
}

impl Beside {
    /// The attempt "promote" keeps as the candidate's answer: the one on screen, else the best.
    pub fn promotable(&self) -> Option<&Attempt> {
        self.current
            .as_ref()
            .or(self.best.as_ref())
            .or(self.previous.as_ref())
    }
}

/// The candidate's material on `key` (with `shown` the attempt on screen) and the stories
/// that fit the card.
pub fn beside(study: &dyn Study, decks: &[Deck], key: &CardKey, shown: &Shown) -> Beside {
    let (progress, book) = parts(study);
    let mut attempts = book.attempts_in(key, &progress);
    let current = match shown {
        Shown::Newest if !attempts.is_empty() => Some(attempts.remove(0)),
        Shown::Interview(id) => {
            let at = attempts.iter().position(
                |a| matches!(&a.source, AttemptSource::Mock { interview } if interview == id),
            );
            at.map(|i| attempts.remove(i))
        }
        _ => None,
    };
    let previous = attempts.first().cloned();
    let best = best_attempt(&attempts)
        .filter(|b| previous.as_ref().is_none_or(|p| p.id != b.id))
        .cloned();
    let (stories, stories_problem) = match study.stories() {
        None => (Vec::new(), None),
        Some(read) => match (&read.bank, find_card(decks, key)) {
            (Ok(bank), Some((deck, card))) => (hints(suggest_for_card(bank, deck, card)), None),
            (Ok(_), None) => (Vec::new(), None),
            (Err(problems), _) => (Vec::new(), problems.first().cloned()),
        },
    };
    Beside {
        note: book.note(key).cloned(),
        my_answer: book.my_answer(key).cloned(),
        current,
        previous,
        best,
        stories,
        stories_problem,
    }
}

fn hints(suggestions: Vec<Suggestion>) -> Vec<StoryHint> {
    suggestions
        .into_iter()
        .take(SUGGESTED_STORIES)
        .map(|s| StoryHint {
            id: s.id,
            title: s.title,
            competency_match: s.competency_match,
            shared: s.shared,
        })
        .collect()
}

/// The story bank as read from its file.
#[derive(Clone, Debug)]
pub struct StoriesRead {
    pub path: PathBuf,
    /// Whether the file exists (a missing file is an empty bank).
    pub exists: bool,
    /// The bank, or every problem found in the file (one line each, located).
    pub bank: Result<StoryBank, Vec<String>>,
    /// Warnings of a bank that parses, one line each ("line 51: the result has no figure
    /// (...)").
    pub warnings: Vec<String>,
}

/// The story bank screen's content: the bank and its coverage of the decks in use.
#[derive(Clone, Debug)]
pub struct StoriesView {
    pub read: StoriesRead,
    pub coverage: Coverage,
}

/// The story bank and its coverage table (`None` when this progress has no data folder).
pub fn stories_view(study: &dyn Study, decks: &[Deck]) -> Option<StoriesView> {
    let read = study.stories()?;
    let coverage = match &read.bank {
        Ok(bank) => coverage(bank, decks),
        Err(_) => coverage(&StoryBank::default(), decks),
    };
    Some(StoriesView { read, coverage })
}

/// What a mock interview's answers (position, text, card) say about the story bank, one
/// sentence each (not sanitised): a story told for several questions, a result without a
/// figure. Nothing without a story bank; a broken one is one sentence.
pub fn debrief_story_notes(
    study: &dyn Study,
    decks: &[Deck],
    answers: &[(usize, &str, &CardKey)],
) -> Vec<String> {
    let Some(read) = study.stories() else {
        return Vec::new();
    };
    let bank = match read.bank {
        Ok(bank) => bank,
        Err(_) => {
            return vec![
                "Your story bank has errors (`prepdeck stories check`), so the answers were \
                 not checked against it."
                    .into(),
            ];
        }
    };
    if bank.stories.is_empty() {
        return Vec::new();
    }
    let answered: Vec<AnsweredQuestion<'_>> = answers
        .iter()
        .map(|(index, answer, key)| AnsweredQuestion {
            index: *index,
            answer,
            wants_story: find_card(decks, key).is_some_and(|(_, c)| {
                matches!(
                    c.kind,
                    crate::core::deck::Kind::Behavioral | crate::core::deck::Kind::Situational
                )
            }),
        })
        .collect();
    story_notes(&bank, &answered)
        .iter()
        .map(|n| n.sentence())
        .collect()
}

/// Which of the candidate's texts on a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnText {
    Note,
    Answer,
}

impl OwnText {
    pub fn name(self) -> &'static str {
        match self {
            OwnText::Note => "note",
            OwnText::Answer => "answer",
        }
    }
}

/// Why a text was not kept.
#[derive(Debug, thiserror::Error)]
pub enum SaveTextError {
    #[error(
        "the text is longer than {MAX_TEXT_CHARS} characters; keep it short enough to read before an interview"
    )]
    TooLong,
    #[error(transparent)]
    Study(#[from] StudyError),
}

/// What saving a text did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Saved,
    Cleared,
    Unchanged,
}

/// Keeps `text` as the card's note or own answer (an empty text clears it), promoted from the
/// attempt `from` if given: one durable record, unless nothing changed.
pub fn save_text(
    study: &mut dyn Study,
    key: &CardKey,
    which: OwnText,
    text: &str,
    from: Option<RecordId>,
    now: DateTime<Utc>,
) -> Result<Saved, SaveTextError> {
    let text = text.trim_end().to_string();
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(SaveTextError::TooLong);
    }
    let current = study.notebook().and_then(|b| match which {
        OwnText::Note => b.note(key).map(|w| w.text.clone()),
        OwnText::Answer => b.my_answer(key).map(|w| w.text.clone()),
    });
    let clearing = text.trim().is_empty();
    if (clearing && current.is_none())
        || (current.as_deref() == Some(text.as_str()) && from.is_none())
    {
        return Ok(Saved::Unchanged);
    }
    let (deck, card) = (key.deck.clone(), key.card.clone());
    let body = match which {
        OwnText::Note => RecordBody::Note(CardText { deck, card, text }),
        OwnText::Answer => RecordBody::MyAnswer(MyAnswer {
            deck,
            card,
            text,
            from,
        }),
    };
    study.append(body, now)?;
    Ok(if clearing {
        Saved::Cleared
    } else {
        Saved::Saved
    })
}
