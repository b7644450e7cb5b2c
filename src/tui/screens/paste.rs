//! Pasting into a text editor, for every screen that has one (an answer, a note, a story):
//! line breaks of any kind as `\n`, escape sequences and control characters out, and no more
//! than the text keeps.

use ratatui_textarea::TextArea;

use crate::core::text::MAX_ANSWER_CHARS;
use crate::tui::screen::{Effect, Level};

/// Pasted text as the editor takes it: line breaks of any kind as `\n`.
pub(crate) fn pasted(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Inserts a paste into an answer editor: whole when it fits in the characters an answer
/// keeps ([`MAX_ANSWER_CHARS`]), else the part that fits, with a notice saying so (the answer
/// would be cut there anyway; cut here, the candidate sees where it ends).
pub(crate) fn paste_into(editor: &mut TextArea<'static>, text: &str) -> Vec<Effect> {
    paste_up_to(editor, text, MAX_ANSWER_CHARS, "an answer")
}

/// Inserts a paste into `editor` (line breaks as `\n`, escape sequences and control
/// characters removed), keeping the whole text within `max` characters; says so when the
/// paste was cut (`what` names the text: "an answer", "a note").
pub(crate) fn paste_up_to(
    editor: &mut TextArea<'static>,
    text: &str,
    max: usize,
    what: &str,
) -> Vec<Effect> {
    // Escape sequences and control characters out (what is kept is sanitized again anyway;
    // here the candidate sees what will be kept).
    let text = crate::core::text::sanitize(&pasted(text));
    let used: usize = editor.lines().iter().map(|l| l.chars().count() + 1).sum();
    let room = max.saturating_sub(used.saturating_sub(1));
    match text.char_indices().nth(room) {
        None => {
            editor.insert_str(text);
            vec![]
        }
        Some((end, _)) => {
            editor.insert_str(&text[..end]);
            vec![Effect::Notify(
                Level::Error,
                format!(
                    "The paste was cut: {what} keeps at most {},{:03} characters.",
                    max / 1000,
                    max % 1000
                ),
            )]
        }
    }
}
