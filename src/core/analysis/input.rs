//! What counts as an answer prepdeck can analyse: not empty, not absurdly long, plain text.
//!
//! Pure checks of a typed or written answer before it is matched, so that every front end
//! (`prepdeck answer`, and any that reads an answer from a file) refuses the same inputs
//! with the same words.

pub use crate::core::text::MAX_ANSWER_CHARS;

/// Why a text is not an answer prepdeck analyses.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerTextError {
    #[error("the answer is empty")]
    Empty,
    #[error(
        "the answer is {chars} characters long; prepdeck checks answers of up to {MAX_ANSWER_CHARS} characters (about 3,000 words)"
    )]
    TooLong { chars: usize },
    #[error(
        "the answer contains a control character (U+{code:04X}) at line {line}, column {column}; give plain text"
    )]
    ControlCharacter {
        code: u32,
        line: usize,
        column: usize,
    },
}

/// Checks that `text` is an answer to analyse: some words, at most [`MAX_ANSWER_CHARS`]
/// characters, and no control characters other than tab, line feed and carriage return
/// (C1 controls and DEL included: they can drive a terminal).
pub fn check_answer_text(text: &str) -> Result<(), AnswerTextError> {
    let chars = text.chars().count();
    if chars > MAX_ANSWER_CHARS {
        return Err(AnswerTextError::TooLong { chars });
    }
    for (n, line) in text.split('\n').enumerate() {
        if let Some((col, c)) = line
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\r'))
        {
            return Err(AnswerTextError::ControlCharacter {
                code: u32::from(c),
                line: n + 1,
                column: col + 1,
            });
        }
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err(AnswerTextError::Empty);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_an_answer() {
        assert_eq!(check_answer_text(""), Err(AnswerTextError::Empty));
        assert_eq!(
            check_answer_text(" \n\t -- \r\n"),
            Err(AnswerTextError::Empty)
        );
        assert_eq!(
            check_answer_text(&"a".repeat(MAX_ANSWER_CHARS + 1)),
            Err(AnswerTextError::TooLong {
                chars: MAX_ANSWER_CHARS + 1
            })
        );
        assert_eq!(
            check_answer_text("ok\nfine \u{1b}[2J"),
            Err(AnswerTextError::ControlCharacter {
                code: 0x1b,
                line: 2,
                column: 6
            })
        );
        assert!(matches!(
            check_answer_text("x\u{9b}y"),
            Err(AnswerTextError::ControlCharacter { code: 0x9b, .. })
        ));
    }

    #[test]
    fn accepts_plain_text_with_windows_line_ends_and_tabs() {
        assert_eq!(check_answer_text("I led it.\r\n\tWe won."), Ok(()));
        assert_eq!(check_answer_text(&"é".repeat(MAX_ANSWER_CHARS)), Ok(()));
    }
}
