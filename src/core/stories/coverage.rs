//! Which competencies the decks in use probe, and how many stories prove each: coaches want
//! at least two stories per competency.

use serde::Serialize;

use super::StoryBank;
use super::words::stems;
use crate::core::deck::{Deck, Kind};
use crate::core::ids::{CategoryId, DeckId};

/// Stories a competency needs.
pub const STORIES_PER_COMPETENCY: usize = 2;

/// Whether a story's competency names a category: the same id, or every term of the
/// competency appears in the category's id or title ("budgeting" names "Budget and finance").
pub fn competency_matches(competency: &str, category_id: &str, category_title: &str) -> bool {
    let c = competency.trim().to_lowercase();
    if c.is_empty() {
        return false;
    }
    if c == category_id {
        return true;
    }
    let wanted = stems(&c.replace('-', " "));
    if wanted.is_empty() {
        return false;
    }
    let have = stems(&format!(
        "{} {category_title}",
        category_id.replace('-', " ")
    ));
    wanted.iter().all(|t| have.contains(t))
}

/// One competency (a category of the decks) and the stories that prove it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetencyRow {
    /// The category id.
    pub id: CategoryId,
    pub title: String,
    /// The decks that have this category.
    pub decks: Vec<DeckId>,
    /// Ids of the stories whose competencies name it.
    pub stories: Vec<String>,
    /// Fewer than [`STORIES_PER_COMPETENCY`] stories.
    pub short: bool,
}

/// The coverage table.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// One row per competency, in deck order.
    pub competencies: Vec<CompetencyRow>,
    /// Story competencies that name no category of the decks in use: `(story id, competency)`.
    pub unmatched: Vec<(String, String)>,
}

impl Coverage {
    /// Rows with fewer than two stories.
    pub fn short_count(&self) -> usize {
        self.competencies.iter().filter(|r| r.short).count()
    }
}

/// The competencies of `decks` and the stories of `bank` that prove each. A competency is a
/// category with a behavioural card ("Tell me about a time..."), or with a situational one in
/// a deck that asks behavioural questions (its "What would you do if..." is answered with a
/// story too); a deck without behavioural cards is not about competencies (interview craft:
/// what to ask, how to negotiate), whatever its situational cards. Categories of the same id in
/// several decks are one.
pub fn coverage(bank: &StoryBank, decks: &[Deck]) -> Coverage {
    let mut rows: Vec<CompetencyRow> = Vec::new();
    for deck in decks {
        let asks_for_stories = deck.cards.iter().any(|c| c.kind == Kind::Behavioral);
        for cat in &deck.categories {
            let storyish = asks_for_stories
                && deck.cards.iter().any(|c| {
                    c.category == cat.id && matches!(c.kind, Kind::Behavioral | Kind::Situational)
                });
            if !storyish {
                continue;
            }
            match rows.iter_mut().find(|r| r.id == cat.id) {
                Some(row) => row.decks.push(deck.id.clone()),
                None => rows.push(CompetencyRow {
                    id: cat.id.clone(),
                    title: cat.title.clone(),
                    decks: vec![deck.id.clone()],
                    stories: vec![],
                    short: true,
                }),
            }
        }
    }
    let mut unmatched = Vec::new();
    for story in &bank.stories {
        for comp in &story.competencies {
            let mut any = false;
            for row in rows.iter_mut() {
                if competency_matches(comp, row.id.as_str(), &row.title) {
                    any = true;
                    if !row.stories.contains(&story.id) {
                        row.stories.push(story.id.clone());
                    }
                }
            }
            if !any {
                unmatched.push((story.id.clone(), comp.clone()));
            }
        }
    }
    for row in &mut rows {
        row.short = row.stories.len() < STORIES_PER_COMPETENCY;
    }
    Coverage {
        competencies: rows,
        unmatched,
    }
}
