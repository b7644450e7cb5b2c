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
