//! The debrief's own-material panel: beside each question's model answer, the candidate's
//! answer and note, their previous and best attempts and the stories that fit; one key keeps
//! this interview's answer as "my answer".

use super::debrief::DebriefState;
use crate::study::{OwnText, Shown};
use crate::tui::screen::{Effect, Level, Reply};

impl DebriefState {
    /// Keeps the answer of the question shown as the card's own answer.
    pub(super) fn promote(&self) -> Vec<Effect> {
        let Some(item) = self.debrief.items.get(self.pos) else {
            return vec![];
        };
        let current = self
            .beside
            .get(self.pos)
            .and_then(|b| b.as_ref())
            .and_then(|b| b.current.as_ref());
        match current {
            Some(a) => vec![Effect::SaveText {
                key: item.question.key.clone(),
                which: OwnText::Answer,
                text: a.text.clone(),
                from: Some(a.id.clone()),
            }],
            None => vec![Effect::Notify(
                Level::Info,
                "No typed answer to keep for this question.".into(),
            )],
        }
    }

    /// The app's answers to what the panel asked.
    pub(super) fn own_reply(&mut self, reply: Reply) -> Vec<Effect> {
        match reply {
            Reply::Beside(key, b) => {
                for (slot, item) in self.beside.iter_mut().zip(&self.debrief.items) {
                    if item.question.key == key {
                        *slot = Some(b.clone());
                    }
                }
                vec![]
            }
            Reply::SavedText(_, Ok(_)) => {
                let mut fx = vec![Effect::Notify(
                    Level::Info,
                    "Kept as your answer: it shows beside the model answer from now on.".into(),
                )];
                if let Some(item) = self.debrief.items.get(self.pos) {
                    fx.push(Effect::Beside(
                        item.question.key.clone(),
                        Shown::Interview(self.interview.clone()),
                    ));
                }
                fx
            }
            Reply::SavedText(_, Err(e)) => vec![Effect::Notify(
                Level::Error,
                format!("Your answer was not saved: {e}"),
            )],
            _ => vec![],
        }
    }
}
