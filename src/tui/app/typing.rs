//! Typing that arrives faster than it is read: a paste from a terminal without bracketed
//! paste comes as one key per character. The loop takes a run of such keys already waiting as
//! one paste (one insertion, one frame, cut at the longest text kept with a notice), instead of
//! one insertion and one wrap of the whole paragraph per key: 50,000 characters took a minute
//! that way, and what was still waiting when the clock ran out went into the next question.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::App;
use crate::tui::keymap;
use crate::tui::view::layout::fits;

impl App {
    /// The text `key` types into the screen's editor, when the screen has one open, no
    /// dialog is over it and the key is bound to nothing there: a character, or a line break
    /// for Enter. `None` for everything else (such keys are handled one at a time).
    pub fn typed_text(&self, key: &KeyEvent) -> Option<char> {
        if key.kind == KeyEventKind::Release
            || self.modal.is_some()
            || !fits(self.size.0, self.size.1)
            || !key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
        {
            return None;
        }
        let screen = self.current.screen()?;
        if !screen.takes_typing() || keymap::action(self.context(), key).is_some() {
            return None;
        }
        match key.code {
            KeyCode::Char(c) if !c.is_control() => Some(c),
            KeyCode::Enter => Some('\n'),
            _ => None,
        }
    }
}
