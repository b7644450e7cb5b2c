//! What a job description stresses in the bank: categories and cards ranked by relevance, and
//! each requirement's coverage (well, thinly, a gap) with the cards that answer it.
//!
//! The query is every term of the posting's job lines ([`super::posting`]), each weighted by
//! `ln(1 + w)` where `w` sums the weights of the lines holding it (a term the posting repeats
//! counts more, with diminishing returns; "nice to have" lines count half). Cards are scored
//! with BM25 ([`super::index`]).
//!
//! Categories are ranked by votes: each line of the posting (a duty, a criterion) gives its
//! weight to the categories in proportion to the cube of their BM25 score for that line, so a
//! category ranks high when it is the best answer to many of the job's lines, not when it
//! shares a few common words with all of them (a large category is not relevant for being
//! large). A small share of two whole-posting scores breaks near-ties: BM25 of the category's
//! whole document, and the mean of its three best cards' scores.
//!
//! A requirement's coverage by one card is the share of the requirement's specific content
//! (its words weighted by IDF; words the bank never uses weigh the most) that the card holds,
//! where the content counts at most as much as its [`FOCUS_WORDS`] most specific words.

use std::collections::HashMap;

use serde::Serialize;

use super::index::BankIndex;
use super::posting::{Line, Weight, job_lines};
use crate::core::deck::Deck;
use crate::core::ids::{CardKey, CategoryId, DeckId};

/// A card answers a requirement when it holds at least this share of its content (and two
/// of its words).
pub const ANSWER_SHARE: f64 = 0.4;
/// A requirement is covered well when its best card holds this share and at least
/// [`WELL_CARDS`] cards answer it.
pub const WELL_SHARE: f64 = 0.7;
/// A card that holds as much content (summed IDF) as the requirement's this many most
/// specific words answers it in full.
pub const FOCUS_WORDS: usize = 3;
pub const WELL_CARDS: usize = 2;
/// How many of a requirement's answering cards are kept.
pub const CARDS_PER_REQUIREMENT: usize = 5;
/// How many of a category's best cards make its card part.
const TOP_CARDS: usize = 3;
/// A line's votes go to categories in proportion to their score to this power: a line votes
/// mostly for the categories that answer it best, not for every category sharing a word.
const VOTE_POWER: i32 = 3;
/// In a line's vote, the share of its best card's score (the rest is the whole category's).
const CARD_SHARE: f64 = 0.5;
/// Weight of the whole-document and best-cards scores next to the votes.
const TIE_BREAK: f64 = 0.05;
/// A requirement needs this many distinct content words.
const MIN_WORDS: usize = 2;

/// How well the bank answers one requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    Well,
    Thin,
    Gap,
}

impl Coverage {
    pub fn label(self) -> &'static str {
        match self {
            Coverage::Well => "well",
            Coverage::Thin => "thinly",
            Coverage::Gap => "gap",
        }
    }
}

/// A category ranked for a job.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryScore {
    pub deck: DeckId,
    pub category: CategoryId,
    pub title: String,
    /// 0 to 1; the most relevant category has 1.
    pub score: f64,
}

/// A card ranked for a job.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CardScore {
    #[serde(flatten)]
    pub key: CardKey,
    pub category: CategoryId,
    /// 0 to 1; the most relevant card has 1.
    pub score: f64,
}

/// A card that answers a requirement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    #[serde(flatten)]
    pub key: CardKey,
    /// Share of the requirement's content the card holds, 0 to 1.
    pub share: f64,
}

/// One requirement of the posting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Requirement {
    pub text: String,
    pub weight: Weight,
    /// A bullet of the posting's lists (prose sentences are less often a requirement).
    pub bullet: bool,
    pub coverage: Coverage,
    /// Best first.
    pub cards: Vec<Answer>,
    /// Words of the requirement no card uses (as the posting wrote them), most specific
    /// first.
    pub missing: Vec<String>,
    /// The user's stories that answer it ([`super::stories::link_stories`] fills this).
    pub stories: Vec<super::stories::StoryLink>,
}

/// A job description read against the bank.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Reading {
    pub requirements: Vec<Requirement>,
    /// Every category with a score above 0, most relevant first.
    pub categories: Vec<CategoryScore>,
    /// Every card with a score above 0, most relevant first.
    pub cards: Vec<CardScore>,
}

/// Reads `posting` against `decks`.
pub fn read_job(decks: &[Deck], posting: &str) -> Reading {
    let index = BankIndex::new(decks);
    let lines = job_lines(posting);
    let mut weights: HashMap<String, f64> = HashMap::new();
    for line in &lines {
        let mut seen: Vec<String> = index.analyzer.terms(&line.text);
        seen.sort();
        seen.dedup();
        for t in seen {
            *weights.entry(t).or_default() += line.weight.factor();
        }
    }
    let mut query: Vec<(String, f64)> = weights
        .into_iter()
        .map(|(t, w)| (t, (1.0 + w).ln()))
        .collect();
    query.sort_by(|a, b| a.0.cmp(&b.0));

    let card_scores: Vec<f64> = (0..index.cards.docs.len())
        .map(|i| index.cards.score(i, &query))
        .collect();
    let cards = rank_cards(decks, &index, &card_scores);
    let votes = requirement_votes(&index, &lines);
    let categories = rank_categories(decks, &index, &query, &card_scores, &votes);
    let requirements = lines
        .iter()
        .filter(|l| l.weight.is_requirement())
        .filter_map(|l| requirement(decks, &index, l))
        .collect();
    Reading {
        requirements,
        categories,
        cards,
    }
}

fn normalise(scores: &mut [f64]) {
    let max = scores.iter().copied().fold(0.0, f64::max);
    if max > 0.0 {
        for s in scores.iter_mut() {
            *s /= max;
        }
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn rank_cards(decks: &[Deck], index: &BankIndex, scores: &[f64]) -> Vec<CardScore> {
    let mut s = scores.to_vec();
    normalise(&mut s);
    let mut out: Vec<CardScore> = index
        .card_at
        .iter()
        .zip(s)
        .filter(|(_, s)| *s > 0.0)
        .map(|(at, score)| {
            let deck = &decks[at.deck];
            let card = &deck.cards[at.item];
            CardScore {
                key: deck.key(card),
                category: card.category.clone(),
                score: round3(score),
            }
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
    out
}

fn rank_categories(
    decks: &[Deck],
    index: &BankIndex,
    query: &[(String, f64)],
    card_scores: &[f64],
    votes: &[f64],
) -> Vec<CategoryScore> {
    let mut whole: Vec<f64> = (0..index.categories.docs.len())
        .map(|i| index.categories.score(i, query))
        .collect();
    // The mean of each category's best cards.
    let mut by_category: HashMap<(usize, &CategoryId), Vec<f64>> = HashMap::new();
    for (at, s) in index.card_at.iter().zip(card_scores) {
        let card = &decks[at.deck].cards[at.item];
        by_category
            .entry((at.deck, &card.category))
            .or_default()
            .push(*s);
    }
    let mut best: Vec<f64> = index
        .category_at
        .iter()
        .map(|at| {
            let id = &decks[at.deck].categories[at.item].id;
            let Some(scores) = by_category.get_mut(&(at.deck, id)) else {
                return 0.0;
            };
            scores.sort_by(|a, b| b.total_cmp(a));
            let top = &scores[..scores.len().min(TOP_CARDS)];
            top.iter().sum::<f64>() / TOP_CARDS as f64
        })
        .collect();
    normalise(&mut whole);
    normalise(&mut best);
    let mut votes = votes.to_vec();
    normalise(&mut votes);
    // Votes decide; the whole-document and best-cards parts only break near-ties and rank
    // categories no line voted for.
    let mut combined: Vec<f64> = whole
        .iter()
        .zip(&best)
        .zip(&votes)
        .map(|((a, b), v)| v + TIE_BREAK * (a + b) / 2.0)
        .collect();
    normalise(&mut combined);
    let mut out: Vec<CategoryScore> = index
        .category_at
        .iter()
        .zip(combined)
        .filter(|(_, s)| *s > 0.0)
        .map(|(at, score)| {
            let deck = &decks[at.deck];
            let c = &deck.categories[at.item];
            CategoryScore {
                deck: deck.id.clone(),
                category: c.id.clone(),
                title: c.title.clone(),
                score: round3(score),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.deck.cmp(&b.deck))
            .then_with(|| a.category.cmp(&b.category))
    });
    out
}

/// Each job line gives its weight in votes to the categories, in proportion to the cube of
/// each category's score for the line's words. A category's score for a line mixes two views,
/// each scaled so the line's best category has 1: the category as one document (its title,
/// description and all its cards: what the category is about) and its best card alone (the
/// single question that answers the line). The first alone favours large categories that
/// share many common words; the second alone lets one card with a rare word decide.
/// Lines before the first heading (title, employer, place) do not vote.
fn requirement_votes(index: &BankIndex, lines: &[Line]) -> Vec<f64> {
    let mut votes = vec![0.0; index.categories.docs.len()];
    for line in lines.iter().filter(|l| l.weight != Weight::Header) {
        let mut tf: HashMap<String, f64> = HashMap::new();
        for t in index.analyzer.terms(&line.text) {
            *tf.entry(t).or_default() += 1.0;
        }
        let query: Vec<(String, f64)> = tf.into_iter().collect();
        let mut whole: Vec<f64> = (0..votes.len())
            .map(|i| index.categories.score(i, &query))
            .collect();
        let mut best_card = vec![0.0_f64; votes.len()];
        for (card, category) in index.card_category.iter().enumerate() {
            if let Some(c) = *category {
                best_card[c] = best_card[c].max(index.cards.score(card, &query));
            }
        }
        normalise(&mut whole);
        normalise(&mut best_card);
        let scores: Vec<f64> = whole
            .iter()
            .zip(&best_card)
            .map(|(w, c)| ((1.0 - CARD_SHARE) * w + CARD_SHARE * c).powi(VOTE_POWER))
            .collect();
        let total: f64 = scores.iter().sum();
        if total > 0.0 {
            for (v, s) in votes.iter_mut().zip(scores) {
                *v += line.weight.factor() * s / total;
            }
        }
    }
    votes
}

fn requirement(decks: &[Deck], index: &BankIndex, line: &Line) -> Option<Requirement> {
    let (text, weight) = (line.text.as_str(), line.weight);
    let mut words: Vec<String> = index
        .analyzer
        .terms(text)
        .into_iter()
        .filter(|t| !t.contains(' '))
        .collect();
    words.sort();
    words.dedup();
    if words.len() < MIN_WORDS {
        return None;
    }
    let idf: Vec<f64> = words.iter().map(|w| index.cards.idf(w)).collect();
    // A long requirement names several things; a card answering its most specific part
    // counts in full.
    let mut sorted = idf.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let focus: f64 = sorted.iter().take(FOCUS_WORDS).sum();
    let needed = MIN_WORDS.min(words.len());
    let mut answers: Vec<Answer> = index
        .cards
        .docs
        .iter()
        .zip(&index.card_at)
        .filter_map(|(doc, at)| {
            let (held, count) = words
                .iter()
                .zip(&idf)
                .filter(|(w, _)| doc.has(w))
                .fold((0.0, 0), |(sum, n), (_, i)| (sum + i, n + 1));
            let share = (held / focus).min(1.0);
            (share >= ANSWER_SHARE && count >= needed).then(|| {
                let deck = &decks[at.deck];
                Answer {
                    key: deck.key(&deck.cards[at.item]),
                    share: round3(share),
                }
            })
        })
        .collect();
    answers.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.key.cmp(&b.key)));
    let coverage = match answers.first() {
        None => Coverage::Gap,
        Some(best) if best.share >= WELL_SHARE && answers.len() >= WELL_CARDS => Coverage::Well,
        Some(_) => Coverage::Thin,
    };
    answers.truncate(CARDS_PER_REQUIREMENT);
    let mut missing: Vec<(f64, String)> = words
        .into_iter()
        .zip(idf)
        .filter(|(w, _)| !index.cards.knows(w))
        .map(|(w, i)| (i, w))
        .collect();
    missing.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    // Shown as the posting wrote them, not as stems.
    let written = index.analyzer.words(text);
    let as_written = |stem: String| {
        written
            .iter()
            .find(|(s, _)| *s == stem)
            .map_or(stem.clone(), |(_, w)| w.clone())
    };
    Some(Requirement {
        text: text.to_string(),
        weight,
        bullet: line.bullet,
        coverage,
        cards: answers,
        missing: missing.into_iter().map(|(_, w)| as_written(w)).collect(),
        stories: Vec::new(),
    })
}
