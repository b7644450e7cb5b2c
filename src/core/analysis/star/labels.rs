//! Notes that label their STAR parts: "S: all-hands, I'd announced a freeze. T: keep my
//! authority without shutting him down. A: ... R: ...". A candidate practising STAR often writes
//! the parts' names or letters; a reader takes the label's word for what the note is about
//! when it sets the scene or states the goal (an action or a result is still read from what
//! the note says: "A: made sure communication was good" names no step).

use super::sentence::Sentence;
use super::{StarCues, StarPart};

impl Sentence {
    /// The part this sentence's opening label names: "Situation:", "S:", "Task -", "Goal:",
    /// "Result:". A letter alone counts only in an answer with two or more labels (see
    /// [`labelled_parts`]).
    pub(super) fn star_label(&self) -> Option<StarPart> {
        if !(self.words.len() == 1 || self.boundary(1)) {
            return None;
        }
        Some(match self.at(0) {
            "situation" | "s" | "context" | "background" => StarPart::Situation,
            "task" | "t" | "goal" | "objective" => StarPart::Task,
            "action" | "actions" | "a" => StarPart::Action,
            "result" | "results" | "r" | "outcome" => StarPart::Result,
            _ => return None,
        })
    }
}

/// For each sentence, the part its label names, where the answer labels at least two
/// different parts (so a lone "A:" or "S," is no label); `None` elsewhere. A label alone on
/// its line ("Situation" then the note) names the sentence after it.
pub(super) fn labelled_parts(sentences: &[Sentence]) -> Vec<Option<StarPart>> {
    let labels: Vec<Option<StarPart>> = sentences.iter().map(Sentence::star_label).collect();
    let mut kinds: Vec<StarPart> = labels.iter().flatten().copied().collect();
    kinds.sort_by_key(|p| *p as u8);
    kinds.dedup();
    if kinds.len() < 2 {
        return vec![None; sentences.len()];
    }
    let mut out = vec![None; sentences.len()];
    for (k, label) in labels.iter().enumerate() {
        let Some(part) = label else { continue };
        let target = if sentences[k].words.len() == 1 {
            k + 1
        } else {
            k
        };
        if target < sentences.len() && (target == k || labels[target].is_none()) {
            out[target] = Some(*part);
        }
    }
    out
}

/// The sentences of an answer (those with a word), each with the part its label names (see
/// [`labelled_parts`]); a label is no word of its sentence ("A: reviewed it with him" is read
/// as "reviewed it with him").
pub(super) fn read(texts: &[String]) -> (Vec<Sentence>, Vec<Option<StarPart>>) {
    let texts = split_inline(texts);
    let (texts, sentences): (Vec<&String>, Vec<Sentence>) = texts
        .iter()
        .map(|t| (t, Sentence::new(t)))
        .filter(|(_, s)| !s.words.is_empty())
        .unzip();
    let labelled = labelled_parts(&sentences);
    let sentences = sentences
        .into_iter()
        .zip(texts)
        .zip(&labelled)
        .map(|((s, t), l)| match l {
            Some(_) if s.words.len() > 1 && s.star_label().is_some() => {
                Sentence::new(strip_label(t))
            }
            _ => s,
        })
        .collect();
    (sentences, labelled)
}

impl StarCues {
    /// "S: all-hands, I'd announced a freeze", "T: keep my authority": a note's own label says
    /// it sets the scene or states the goal (the first such, where nothing else has).
    pub(super) fn take_label(&mut self, label: Option<StarPart>, s: &Sentence) {
        let cue = || s.words[..s.words.len().min(3)].join(" ");
        match label {
            Some(StarPart::Situation) if self.situation.is_none() => self.situation = Some(cue()),
            Some(StarPart::Task) if self.task.is_none() => self.task = Some(cue()),
            _ => {}
        }
    }
}

/// `text` without its opening label and the mark after it: "S: all-hands" -> "all-hands".
pub(super) fn strip_label(text: &str) -> &str {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest = text.trim_start_matches(char::is_alphanumeric);
    rest.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// The names and letters a note labels its parts with, as typed before a colon inside a line:
/// "S: billing failing weekly T: replace it by year end A: ... R: ...". A letter counts only in
/// capitals.
const INLINE_LABELS: &[&str] = &[
    "S",
    "T",
    "A",
    "R",
    "Situation",
    "Task",
    "Action",
    "Result",
    "situation",
    "task",
    "action",
    "result",
];

/// Splits a sentence that holds several labels typed in one line ("S: ... T: ... A: ...") into
/// one sentence per label, where two or more different parts are labelled so; other texts are
/// kept whole.
fn split_inline(texts: &[String]) -> Vec<String> {
    // The byte offsets where an inline label starts: after a space, and followed by a colon.
    let starts = |t: &str| -> Vec<(usize, char)> {
        let mut out = Vec::new();
        for (i, _) in t.char_indices() {
            if i > 0 && !t[..i].ends_with(char::is_whitespace) {
                continue;
            }
            if let Some(label) = INLINE_LABELS
                .iter()
                .find(|l| t[i..].starts_with(*l) && t[i + l.len()..].starts_with(':'))
            {
                out.push((i, label.chars().next().unwrap_or('?').to_ascii_uppercase()));
            }
        }
        out
    };
    let found: Vec<Vec<(usize, char)>> = texts.iter().map(|t| starts(t)).collect();
    let mut kinds: Vec<char> = found.iter().flatten().map(|(_, c)| *c).collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.len() < 2 {
        return texts.to_vec();
    }
    let mut out = Vec::new();
    for (t, labels) in texts.iter().zip(&found) {
        let mut from = 0;
        for &(at, _) in labels {
            if at > from && !t[from..at].trim().is_empty() {
                out.push(t[from..at].to_string());
            }
            from = at.max(from);
        }
        out.push(t[from..].to_string());
    }
    out
}
