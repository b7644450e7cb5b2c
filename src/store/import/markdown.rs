//! Markdown question/answer files: `Q: ...` then `A: ...` blocks, under optional headings.
//!
//! A question or an answer may span several lines: an answer runs until the next `Q:`, heading
//! or `---` rule. A `# Heading` or `## Heading` sets the category of the blocks under it; when
//! one `#` heading stands above `##` sections, it is the deck's title instead. Markers inside
//! fenced code blocks are text.

use super::csv::check_card;
use super::{ImportedCard, Parsed};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Question,
    Answer,
}

/// `Q:`, `A:`, `Question:`, `Answer:` (any case, optionally bold) and the rest of the line.
fn marker(line: &str) -> Option<(Marker, &str)> {
    let t = line.trim_start();
    let t = t.strip_prefix("**").unwrap_or(t);
    let word_len = t.bytes().take_while(u8::is_ascii_alphabetic).count();
    let kind = match t[..word_len].to_ascii_lowercase().as_str() {
        "q" | "question" => Marker::Question,
        "a" | "answer" => Marker::Answer,
        _ => return None,
    };
    let rest = &t[word_len..];
    let rest = rest.strip_prefix("**").unwrap_or(rest);
    let rest = rest.strip_prefix(':')?;
    let rest = rest.strip_prefix("**").unwrap_or(rest);
    Some((kind, rest.trim()))
}

/// A `#` or `##` heading: its level and text.
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let text = line[level..].strip_prefix([' ', '\t'])?;
    (1..=2)
        .contains(&level)
        .then(|| (level, text.trim().trim_end_matches('#').trim()))
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && (t.bytes().all(|b| b == b'-')
            || t.bytes().all(|b| b == b'*')
            || t.bytes().all(|b| b == b'_'))
}

fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

/// True when the text has at least one `Q:` line and one `A:` line.
pub fn looks_like(text: &str) -> bool {
    let mut q = false;
    let mut a = false;
    for (m, _) in text.lines().filter_map(marker) {
        q |= m == Marker::Question;
        a |= m == Marker::Answer;
    }
    q && a
}

struct Block {
    line: usize,
    question: Vec<String>,
    answer: Option<Vec<String>>,
    category: Option<String>,
}

/// Parses a Markdown Q/A file.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let title_line = title_heading(text);
    let mut category: Option<String> = None;
    let mut block: Option<Block> = None;
    let mut in_fence = false;
    let mut stray_reported = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if is_fence(line) {
            in_fence = !in_fence;
        }
        let special = !in_fence && !is_fence(line);
        if special && let Some((level, h)) = heading(line) {
            finish(&mut parsed, block.take());
            stray_reported = false;
            if Some(n) == title_line {
                parsed.title = Some(h.to_string()).filter(|t| !t.is_empty());
            } else if level <= 2 {
                category = Some(h.to_string()).filter(|t| !t.is_empty());
            }
            continue;
        }
        if special && is_rule(line) {
            finish(&mut parsed, block.take());
            stray_reported = false;
            continue;
        }
        match (special.then(|| marker(line)).flatten(), block.as_mut()) {
            (Some((Marker::Question, rest)), _) => {
                finish(&mut parsed, block.take());
                block = Some(Block {
                    line: n,
                    question: vec![rest.to_string()],
                    answer: None,
                    category: category.clone(),
                });
            }
            (Some((Marker::Answer, rest)), Some(b)) if b.answer.is_none() => {
                b.answer = Some(vec![rest.to_string()]);
            }
            (Some((Marker::Answer, _)), _) => {
                // A second `A:` (or one before any `Q:`) starts no card: report it, and keep
                // what follows out of the block above.
                finish(&mut parsed, block.take());
                parsed.skip(
                    n,
                    "an answer without a question (no `Q:` line before this `A:`)",
                );
                stray_reported = true;
            }
            (_, Some(b)) => match &mut b.answer {
                Some(a) => a.push(line.to_string()),
                None => b.question.push(line.to_string()),
            },
            (_, None) => {
                if !line.trim().is_empty() && !stray_reported {
                    parsed.notes.push(format!(
                        "line {n}: text outside a Q:/A: block is not imported"
                    ));
                    stray_reported = true;
                }
            }
        }
    }
    finish(&mut parsed, block);
    parsed
}

/// The line of a lone `#` heading that stands above `##` sections (the deck's title).
fn title_heading(text: &str) -> Option<usize> {
    let mut in_fence = false;
    let mut firsts = Vec::new();
    let mut seconds = 0;
    let mut first_block = None;
    for (i, line) in text.lines().enumerate() {
        if is_fence(line) {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        match heading(line) {
            Some((1, _)) => firsts.push(i + 1),
            Some(_) => seconds += 1,
            None if first_block.is_none() && marker(line).is_some() => first_block = Some(i + 1),
            None => {}
        }
    }
    match firsts.as_slice() {
        [only] if seconds > 0 && first_block.is_none_or(|b| b > *only) => Some(*only),
        _ => None,
    }
}

fn finish(parsed: &mut Parsed, block: Option<Block>) {
    let Some(b) = block else { return };
    let question = b.question.join("\n").trim().to_string();
    let Some(answer) = b.answer else {
        let reason = if question.is_empty() {
            "empty question"
        } else {
            "no answer (add a line starting with `A:` after the question)"
        };
        parsed.skip(b.line, reason);
        return;
    };
    check_card(
        parsed,
        ImportedCard {
            line: b.line,
            question,
            answer: answer.join("\n").trim().to_string(),
            category: b.category,
            ..ImportedCard::default()
        },
    );
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
