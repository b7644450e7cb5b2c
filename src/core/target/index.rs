//! A BM25 index of the bank: one document per card and one per category.
//!
//! A card's document is its question, key points and their keywords, tags, and its category's
//! title and description; the words an interviewer's question and a job posting share. Fields
//! are weighted (BM25F-style: a keyword or tag counts twice a word of the question). A
//! category's document is its title and description plus all its cards' documents, so a
//! category is found by what its cards ask as well as by its name.

use std::collections::HashMap;

use super::terms::Analyzer;
use crate::core::deck::{Card, Category, Deck};

/// BM25's term-frequency saturation.
const K1: f64 = 1.2;
/// BM25's length normalisation.
const B: f64 = 0.75;
/// Field weights.
const W_QUESTION: f64 = 1.0;
const W_KEY_POINT: f64 = 1.0;
const W_KEYWORD: f64 = 2.0;
const W_TAG: f64 = 2.0;
/// How many keywords of one key point count at full weight (see [`keyword_weight`]).
const KEYWORDS_AT_FULL_WEIGHT: usize = 4;
const W_CATEGORY_TITLE: f64 = 2.0;
const W_CATEGORY_DESCRIPTION: f64 = 1.0;

/// Term frequencies (weighted) of one document and its length.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub tf: HashMap<String, f64>,
    pub len: f64,
}

impl Doc {
    fn add(&mut self, terms: Vec<String>, weight: f64) {
        for t in terms {
            *self.tf.entry(t).or_default() += weight;
            self.len += weight;
        }
    }

    fn merge(&mut self, other: &Doc) {
        for (t, f) in &other.tf {
            *self.tf.entry(t.clone()).or_default() += f;
        }
        self.len += other.len;
    }

    pub fn has(&self, term: &str) -> bool {
        self.tf.contains_key(term)
    }
}

/// Document frequencies and BM25 scoring over a set of documents.
#[derive(Clone, Debug, Default)]
pub struct Collection {
    pub docs: Vec<Doc>,
    df: HashMap<String, usize>,
    avg_len: f64,
}

impl Collection {
    fn new(docs: Vec<Doc>) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        for d in &docs {
            for t in d.tf.keys() {
                *df.entry(t.clone()).or_default() += 1;
            }
        }
        let avg_len = if docs.is_empty() {
            1.0
        } else {
            (docs.iter().map(|d| d.len).sum::<f64>() / docs.len() as f64).max(1.0)
        };
        Self { docs, df, avg_len }
    }

    /// Inverse document frequency (BM25's, always positive). A term no document holds gets
    /// the largest value: rare in the bank means specific in the posting.
    pub fn idf(&self, term: &str) -> f64 {
        let n = self.docs.len() as f64;
        let df = self.df.get(term).copied().unwrap_or(0) as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Whether any document holds `term`.
    pub fn knows(&self, term: &str) -> bool {
        self.df.contains_key(term)
    }

    /// BM25 of document `i` for a weighted query.
    pub fn score(&self, i: usize, query: &[(String, f64)]) -> f64 {
        let d = &self.docs[i];
        let norm = K1 * (1.0 - B + B * d.len / self.avg_len);
        query
            .iter()
            .filter_map(|(t, qw)| {
                let tf = *d.tf.get(t)?;
                Some(qw * self.idf(t) * tf * (K1 + 1.0) / (tf + norm))
            })
            .sum()
    }
}

/// Where a card or category of the index is in the decks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    pub deck: usize,
    /// The card's index in its deck (cards), or the category's (categories).
    pub item: usize,
}

/// The bank, indexed.
#[derive(Debug)]
pub struct BankIndex {
    pub analyzer: Analyzer,
    pub cards: Collection,
    pub card_at: Vec<At>,
    /// For each card, its category's position in `categories` (`None` for a category the
    /// deck does not declare, which the loader refuses).
    pub card_category: Vec<Option<usize>>,
    pub categories: Collection,
    pub category_at: Vec<At>,
}

impl BankIndex {
    pub fn new(decks: &[Deck]) -> Self {
        let analyzer = Analyzer::new();
        let mut cards = Vec::new();
        let mut card_at = Vec::new();
        let mut card_category = Vec::new();
        let mut categories = Vec::new();
        let mut category_at = Vec::new();
        for (di, deck) in decks.iter().enumerate() {
            let mut category_docs: Vec<Doc> = deck
                .categories
                .iter()
                .map(|c| category_doc(&analyzer, c))
                .collect();
            for (ci, card) in deck.cards.iter().enumerate() {
                let mut doc = card_doc(&analyzer, card);
                let first_category = categories.len();
                let pos = deck.categories.iter().position(|c| c.id == card.category);
                card_category.push(pos.map(|p| first_category + p));
                if let Some(pos) = pos {
                    // The category's own words go into its card's document too; its cards'
                    // words (without them) make up the category's.
                    let own = category_doc(&analyzer, &deck.categories[pos]);
                    category_docs[pos].merge(&doc);
                    doc.merge(&own);
                }
                cards.push(doc);
                card_at.push(At { deck: di, item: ci });
            }
            for (pos, doc) in category_docs.into_iter().enumerate() {
                categories.push(doc);
                category_at.push(At {
                    deck: di,
                    item: pos,
                });
            }
        }
        Self {
            analyzer,
            cards: Collection::new(cards),
            card_at,
            card_category,
            categories: Collection::new(categories),
            category_at,
        }
    }
}

fn category_doc(a: &Analyzer, c: &Category) -> Doc {
    let mut doc = Doc::default();
    doc.add(a.terms(&c.title), W_CATEGORY_TITLE);
    if let Some(d) = &c.description {
        doc.add(a.terms(d), W_CATEGORY_DESCRIPTION);
    }
    doc
}

/// The weight of each keyword of a point with `n` keywords: [`W_KEYWORD`] up to
/// [`KEYWORDS_AT_FULL_WEIGHT`] keywords, then shared out so that the point's keywords add up
/// to no more than that many full-weight ones.
fn keyword_weight(n: usize) -> f64 {
    if n <= KEYWORDS_AT_FULL_WEIGHT {
        W_KEYWORD
    } else {
        W_KEYWORD * KEYWORDS_AT_FULL_WEIGHT as f64 / n as f64
    }
}

fn card_doc(a: &Analyzer, card: &Card) -> Doc {
    let mut doc = Doc::default();
    doc.add(a.terms(&card.question), W_QUESTION);
    for kp in &card.key_points {
        doc.add(a.terms(&kp.text), W_KEY_POINT);
        // A point's keywords are alternative phrasings of one idea: together they weigh like
        // a few mentions, however many an author lists (a point with 15 phrasings does not
        // pull its card towards every posting that uses one of them).
        let w = keyword_weight(kp.keywords.len());
        for k in &kp.keywords {
            doc.add(a.terms(k), w);
        }
    }
    for t in &card.tags {
        doc.add(a.terms(&t.replace('-', " ")), W_TAG);
    }
    doc
}
