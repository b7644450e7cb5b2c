//! What a mock debrief says about stories: the same story told for several questions (the
//! panel notices), and results without a figure.

use serde::Serialize;

use super::StoryBank;
use super::rank::StoryIndex;
use super::words::has_figure;

/// An answer is taken to tell a story when it scores at least this share of what the story's
/// own words score against it (BM25): most of its telling words are there.
pub const TOLD_SHARE: f64 = 0.35;

/// One answer of the interview, as the debrief sees it.
#[derive(Clone, Debug)]
pub struct AnsweredQuestion<'a> {
    /// 0-based position in the interview.
    pub index: usize,
    pub answer: &'a str,
    /// Behavioural or situational: a story with a result is expected.
    pub wants_story: bool,
}

/// A remark on the interview's stories.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StoryNote {
    /// The same story for several questions (1-based question numbers).
    Reused {
        story: String,
        title: String,
        questions: Vec<usize>,
    },
    /// A story told whose result in the bank has no figure.
    StoryResultWithoutFigure {
        story: String,
        title: String,
        question: usize,
    },
    /// A behavioural answer with no figure at all.
    AnswerWithoutFigure { question: usize },
}

impl StoryNote {
    /// The note as a sentence (deck and story text not sanitised: the caller does).
    pub fn sentence(&self) -> String {
        match self {
            StoryNote::Reused {
                title, questions, ..
            } => format!(
                "You told the story \"{title}\" for questions {}: the panel notices; have another story ready for one of them (`prepdeck stories suggest`).",
                join_numbers(questions)
            ),
            StoryNote::StoryResultWithoutFigure {
                title, question, ..
            } => format!(
                "Question {question} tells \"{title}\", whose result in your story bank has no figure: add one (how much, how many, how fast)."
            ),
            StoryNote::AnswerWithoutFigure { question } => format!(
                "Question {question}: your answer gives no figure; end a story on a measurable result."
            ),
        }
    }
}

fn join_numbers(n: &[usize]) -> String {
    let s: Vec<String> = n.iter().map(usize::to_string).collect();
    match s.len() {
        0 => String::new(),
        1 => s[0].clone(),
        _ => format!("{} and {}", s[..s.len() - 1].join(", "), s[s.len() - 1]),
    }
}

/// The notes for an interview's answers (in question order).
pub fn story_notes(bank: &StoryBank, answers: &[AnsweredQuestion<'_>]) -> Vec<StoryNote> {
    let index = StoryIndex::new(&bank.stories);
    let mut told: Vec<(String, String, Vec<usize>)> = Vec::new();
    let mut notes = Vec::new();
    for a in answers {
        if a.answer.trim().is_empty() {
            continue;
        }
        let question = a.index + 1;
        if let Some(story) = index.told_in(a.answer, TOLD_SHARE) {
            match told.iter_mut().find(|(id, _, _)| *id == story.id) {
                Some((_, _, qs)) => qs.push(question),
                None => told.push((story.id.clone(), story.title.clone(), vec![question])),
            }
            if !story.result_has_figure() {
                notes.push(StoryNote::StoryResultWithoutFigure {
                    story: story.id.clone(),
                    title: story.title.clone(),
                    question,
                });
            }
        }
        if a.wants_story && !has_figure(a.answer) {
            notes.push(StoryNote::AnswerWithoutFigure { question });
        }
    }
    let mut reused: Vec<StoryNote> = told
        .into_iter()
        .filter(|(_, _, qs)| qs.len() > 1)
        .map(|(story, title, questions)| StoryNote::Reused {
            story,
            title,
            questions,
        })
        .collect();
    reused.append(&mut notes);
    reused
}
