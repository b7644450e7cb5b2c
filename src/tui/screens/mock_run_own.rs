//! The stories that fit the question, shown during a mock interview's reading time: asked of
//! the app when a question comes up for reading.

use super::mock_run::RunScreen;
use crate::core::session::Phase;
use crate::study::Shown;
use crate::tui::screen::{Effect, Reply};

impl RunScreen {
    /// Asks for the stories that fit the question being read, once per question.
    pub(super) fn ask_story_hints(&self) -> Option<Effect> {
        let index = self.interview().index();
        if self.interview().phase() != Phase::Prep
            || self.story_hints.as_ref().is_some_and(|(i, _)| *i == index)
        {
            return None;
        }
        let key = self.interview().current()?.key.clone();
        Some(Effect::Beside(key, Shown::Nothing))
    }

    /// Keeps the stories the app found for the question being read.
    pub(super) fn story_hints_reply(&mut self, reply: Reply) {
        if let Reply::Beside(key, b) = reply
            && self.interview().current().is_some_and(|q| q.key == key)
        {
            self.story_hints = Some((self.interview().index(), b.stories));
        }
    }
}
