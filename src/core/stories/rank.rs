//! Ranking stories against a text (a question with its key points, or an answer): BM25 over
//! the stories' terms, offline. A story's title, competencies and tags weigh more than its
//! body; a story whose competency is the question's category gets a bonus.

use std::collections::HashMap;

use serde::Serialize;

use super::Story;
use super::words::{terms, terms_with_words};

/// BM25's usual settings: term-frequency saturation and length normalisation.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// How much more a term counts in the title, the competencies and the tags.
const TITLE_WEIGHT: usize = 3;
const COMPETENCY_WEIGHT: usize = 3;
const TAG_WEIGHT: usize = 2;
/// A story whose competency names the question's category: its score times this.
const CATEGORY_BONUS: f64 = 1.5;

/// One story as the index sees it.
struct Doc {
    tf: HashMap<String, f64>,
    len: f64,
    /// A term's first word as written in the story.
    shown: HashMap<String, String>,
}

/// The stories, indexed for ranking.
pub struct StoryIndex<'a> {
    stories: &'a [Story],
    docs: Vec<Doc>,
    df: HashMap<String, f64>,
    avg_len: f64,
}

/// A story that fits a text, with why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub id: String,
    pub title: String,
    /// BM25 score (higher fits better; only comparable within one ranking).
    pub score: f64,
    /// The words the story shares with the question, most telling first.
    pub shared: Vec<String>,
    /// Whether one of the story's competencies is the question's category.
    pub competency_match: bool,
}

impl<'a> StoryIndex<'a> {
    pub fn new(stories: &'a [Story]) -> StoryIndex<'a> {
        let docs: Vec<Doc> = stories.iter().map(doc).collect();
        let mut df: HashMap<String, f64> = HashMap::new();
        for d in &docs {
            for t in d.tf.keys() {
                *df.entry(t.clone()).or_default() += 1.0;
            }
        }
        let avg_len = if docs.is_empty() {
            1.0
        } else {
            (docs.iter().map(|d| d.len).sum::<f64>() / docs.len() as f64).max(1.0)
        };
        StoryIndex {
            stories,
            docs,
            df,
            avg_len,
        }
    }

    fn idf(&self, term: &str) -> f64 {
        let n = self.docs.len() as f64;
        let df = self.df.get(term).copied().unwrap_or(0.0);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25 of `query` terms against story `i`, with the shared terms (best first).
    fn score(&self, i: usize, query: &HashMap<String, f64>) -> (f64, Vec<(f64, String)>) {
        let d = &self.docs[i];
        let mut total = 0.0;
        let mut shared = Vec::new();
        for (term, qtf) in query {
            let Some(tf) = d.tf.get(term) else { continue };
            let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * d.len / self.avg_len));
            let s = self.idf(term) * norm * qtf;
            total += s;
            let word = d.shown.get(term).cloned().unwrap_or_else(|| term.clone());
            shared.push((s, word));
        }
        shared.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        (total, shared)
    }

    /// The stories that fit `text` best first (only those sharing a term or a competency with
    /// it). `category` (id and title) is the question's: a story with that competency gets a
    /// bonus, and is suggested even when it shares no word.
    pub fn suggest(&self, text: &str, category: Option<(&str, &str)>) -> Vec<Suggestion> {
        let query = query_terms(text);
        let mut out: Vec<Suggestion> = (0..self.docs.len())
            .filter_map(|i| {
                let story = &self.stories[i];
                let (mut score, shared) = self.score(i, &query);
                let competency_match = category.is_some_and(|(id, title)| {
                    story
                        .competencies
                        .iter()
                        .any(|c| super::competency_matches(c, id, title))
                });
                if competency_match {
                    // At least a small score, so a story tagged for the category is listed.
                    score = score.max(0.1) * CATEGORY_BONUS;
                }
                (score > 0.0).then(|| Suggestion {
                    id: story.id.clone(),
                    title: story.title.clone(),
                    score: (score * 1000.0).round() / 1000.0,
                    shared: dedup(shared.into_iter().map(|(_, w)| w)).take(6).collect(),
                    competency_match,
                })
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// The story `text` (an answer) tells, if one clearly: the best story whose score reaches
    /// `share` of what the story's own text scores against itself.
    pub fn told_in(&self, text: &str, share: f64) -> Option<&'a Story> {
        let query = query_terms(text);
        let mut best: Option<(f64, usize)> = None;
        for i in 0..self.docs.len() {
            let (score, _) = self.score(i, &query);
            let own: HashMap<String, f64> =
                self.docs[i].tf.keys().map(|t| (t.clone(), 1.0)).collect();
            let (full, _) = self.score(i, &own);
            if full <= 0.0 {
                continue;
            }
            let ratio = score / full;
            if ratio >= share && best.is_none_or(|(r, _)| ratio > r) {
                best = Some((ratio, i));
            }
        }
        best.map(|(_, i)| &self.stories[i])
    }
}

fn dedup(words: impl Iterator<Item = String>) -> impl Iterator<Item = String> {
    let mut seen = std::collections::HashSet::new();
    words.filter(move |w| seen.insert(w.clone()))
}

/// Query terms with their counts, each capped at 3 (a word repeated in the key points should
/// not swamp the rest).
fn query_terms(text: &str) -> HashMap<String, f64> {
    let mut q: HashMap<String, f64> = HashMap::new();
    for t in terms(text) {
        let e = q.entry(t).or_default();
        *e = (*e + 1.0).min(3.0);
    }
    q
}

fn doc(s: &Story) -> Doc {
    let mut tf: HashMap<String, f64> = HashMap::new();
    let mut shown: HashMap<String, String> = HashMap::new();
    let mut len = 0.0;
    let mut add = |text: &str, weight: usize| {
        for (term, word) in terms_with_words(text) {
            *tf.entry(term.clone()).or_default() += weight as f64;
            shown.entry(term).or_insert(word);
            len += weight as f64;
        }
    };
    add(&s.title, TITLE_WEIGHT);
    for c in &s.competencies {
        add(&c.replace('-', " "), COMPETENCY_WEIGHT);
    }
    for t in &s.tags {
        add(t, TAG_WEIGHT);
    }
    for body in [&s.situation, &s.task, &s.action, &s.result] {
        add(body, 1);
    }
    if let Some(short) = &s.short {
        add(short, 1);
    }
    Doc { tf, len, shown }
}
