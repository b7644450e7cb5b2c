//! The app's text box for a note or an own answer: typing, Ctrl-S to save, Esc to close (a
//! second Esc when the text changed, so nothing typed is lost by one key).

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::study::OwnText;
use crate::tui::keys::{Action, OwnAction};

pub struct TextBox {
    pub which: OwnText,
    pub area: TextArea<'static>,
    original: String,
    /// Esc was pressed once with changes: the next Esc discards them.
    pub confirm_discard: bool,
}

/// What a key did to the text box.
#[derive(Debug, PartialEq, Eq)]
pub enum TextKey {
    Typed,
    /// Save this text.
    Save(OwnText, String),
    /// Close without saving.
    Close,
    /// The text changed: ask before discarding it.
    AskDiscard,
}

impl TextBox {
    pub fn new(which: OwnText, text: &str) -> TextBox {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        area.set_placeholder_text(match which {
            OwnText::Note => "Your note on this card; Ctrl-S saves, Esc closes",
            OwnText::Answer => "Your own answer, in your words; Ctrl-S saves, Esc closes",
        });
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        TextBox {
            which,
            area,
            original: text.trim_end().to_string(),
            confirm_discard: false,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// A paste goes in whole (line breaks of any kind as `\n`), up to the longest text kept.
    pub fn paste(&mut self, text: &str) -> Vec<crate::tui::screen::Effect> {
        self.confirm_discard = false;
        let what = match self.which {
            OwnText::Note => "a note",
            OwnText::Answer => "your answer",
        };
        super::paste::paste_up_to(&mut self.area, text, crate::study::MAX_TEXT_CHARS, what)
    }

    pub fn changed(&self) -> bool {
        self.text().trim_end() != self.original
    }

    pub fn on_key(&mut self, key: KeyEvent, action: Option<Action>) -> TextKey {
        match action {
            Some(Action::Own(OwnAction::SaveText)) => TextKey::Save(self.which, self.text()),
            Some(Action::Own(OwnAction::CancelText)) => {
                if !self.changed() || self.confirm_discard {
                    TextKey::Close
                } else {
                    self.confirm_discard = true;
                    TextKey::AskDiscard
                }
            }
            _ => {
                self.confirm_discard = false;
                self.area.input(key);
                TextKey::Typed
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }
    const ESC: Option<Action> = Some(Action::Own(OwnAction::CancelText));

    #[test]
    fn esc_closes_an_unchanged_box_and_asks_once_for_a_changed_one() {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let mut b = TextBox::new(OwnText::Note, "kept");
        assert_eq!(b.on_key(esc, ESC), TextKey::Close);
        let mut b = TextBox::new(OwnText::Note, "kept");
        assert_eq!(b.on_key(key('!'), None), TextKey::Typed);
        assert_eq!(b.on_key(esc, ESC), TextKey::AskDiscard);
        assert_eq!(b.on_key(esc, ESC), TextKey::Close);
    }

    #[test]
    fn save_hands_back_every_line() {
        let mut b = TextBox::new(OwnText::Answer, "one\ntwo");
        let save = Some(Action::Own(OwnAction::SaveText));
        let k = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(
            b.on_key(k, save),
            TextKey::Save(OwnText::Answer, "one\ntwo".into())
        );
    }
}
