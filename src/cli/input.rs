//! Reading what the candidate types in line mode (`drill --plain`, `mock --plain`): one line at
//! a time, bounded, so a pasted file or an endless pipe cannot fill memory or stall a debrief.

use std::io::{self, BufRead};

use crate::core::text::{MAX_ANSWER_CHARS, accept_answer};

/// The most bytes of one line that are kept: every character an answer can keep, at up to
/// four bytes each. The rest of a longer line is read and dropped.
pub(crate) const MAX_LINE_BYTES: usize = MAX_ANSWER_CHARS * 4;

/// The next line without its line ending (bytes decoded lossily: a stray non-UTF-8 byte must
/// not end a session); `None` at the end of input.
pub(crate) fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let mut any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, used, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1, true),
            None => (buf, buf.len(), false),
        };
        let room = MAX_LINE_BYTES.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        input.consume(used);
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&line);
    Ok(Some(text.trim_end_matches(['\n', '\r']).to_string()))
}

/// What to tell the candidate when `answer` is longer than an answer keeps, if it is.
pub(crate) fn too_long_note(answer: &str) -> Option<String> {
    accept_answer(answer).1.then(|| {
        format!(
            "(This answer is longer than {} characters: only the first {} are kept.)",
            thousands(MAX_ANSWER_CHARS),
            thousands(MAX_ANSWER_CHARS)
        )
    })
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_whole_up_to_the_cap_and_the_rest_dropped() {
        let long = "x".repeat(MAX_LINE_BYTES + 10_000);
        let mut text = format!("one\r\n{long}\ntwo\n").into_bytes();
        text.extend_from_slice(b"\xff!");
        let mut input = io::BufReader::with_capacity(64, &text[..]);
        assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("one"));
        assert_eq!(
            read_line(&mut input).unwrap().unwrap().len(),
            MAX_LINE_BYTES
        );
        assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("two"));
        assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("\u{fffd}!"));
        assert_eq!(read_line(&mut input).unwrap(), None);
    }

    #[test]
    fn only_an_answer_over_the_cap_gets_a_note() {
        assert_eq!(too_long_note("short"), None);
        let note = too_long_note(&"a".repeat(MAX_ANSWER_CHARS + 1)).unwrap();
        assert!(note.contains("20,000 characters"), "{note}");
    }
}
