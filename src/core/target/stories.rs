//! Which of the user's own stories (`stories.toml`) answer each requirement of a job.
//!
//! A story answers a requirement when the story bank's ranking ([`StoryIndex`]) finds it for
//! the requirement's text and it shares at least [`MIN_SHARED`] words with it, or one word
//! and a competency naming the category of the requirement's best card. Pure: the bank
//! arrives as a value.

use serde::Serialize;

use super::relevance::Reading;
use crate::core::deck::{Deck, find_card};
use crate::core::stories::{StoryBank, StoryIndex};

/// Stories kept for one requirement.
pub const STORIES_PER_REQUIREMENT: usize = 3;
/// Words a story must share with a requirement (without a competency for its category).
pub const MIN_SHARED: usize = 2;

/// A story that answers a requirement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryLink {
    pub id: String,
    pub title: String,
    /// The words it shares with the requirement, most telling first.
    pub shared: Vec<String>,
}

/// Fills each requirement's `stories` from `bank`.
pub fn link_stories(reading: &mut Reading, bank: &StoryBank, decks: &[Deck]) {
    if bank.stories.is_empty() {
        return;
    }
    let index = StoryIndex::new(&bank.stories);
    for r in &mut reading.requirements {
        let category = r
            .cards
            .first()
            .and_then(|a| find_card(decks, &a.key))
            .and_then(|(deck, card)| {
                deck.categories
                    .iter()
                    .find(|c| c.id == card.category)
                    .map(|c| (c.id.as_str(), c.title.as_str()))
            });
        r.stories = index
            .suggest(&r.text, category)
            .into_iter()
            .filter(|s| {
                s.shared.len() >= MIN_SHARED || (s.competency_match && !s.shared.is_empty())
            })
            .take(STORIES_PER_REQUIREMENT)
            .map(|s| StoryLink {
                id: s.id,
                title: s.title,
                shared: s.shared,
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::stories::parse_stories;
    use crate::core::target::read_job;

    const STORIES: &str = r#"
[[story]]
id = "dr-test"
title = "Proving the disaster recovery plan with a restore test"
situation = "Our backups had never been restored."
task = "Prove we could recover the ERP within a day."
action = "I ran a full restore test of the ERP to the standby site and fixed the runbook."
result = "Recovery time fell from unknown to 6 hours."
competencies = ["incidents"]

[[story]]
id = "team-hire"
title = "Hiring a second-line engineer"
situation = "The team was short-staffed."
task = "Hire quickly."
action = "I wrote the advert and ran the interviews."
result = "Hired in 5 weeks."
competencies = ["leadership"]
"#;

    fn decks() -> Vec<Deck> {
        let empty = tempfile::tempdir().unwrap();
        crate::store::decks::load_all(empty.path(), &[]).decks
    }

    #[test]
    fn a_story_is_linked_to_the_requirement_it_answers_and_no_other() {
        let (bank, _) = parse_stories(STORIES, "stories.toml").unwrap();
        let decks = decks();
        let mut reading = read_job(
            &decks,
            "Duties\n- Own the disaster recovery plan and prove it with restore tests\n\
             - Negotiate telecom contracts\n",
        );
        link_stories(&mut reading, &bank, &decks);
        let ids = |i: usize| -> Vec<&str> {
            reading.requirements[i]
                .stories
                .iter()
                .map(|s| s.id.as_str())
                .collect()
        };
        assert_eq!(ids(0), ["dr-test"]);
        assert!(ids(1).is_empty(), "{:?}", ids(1));
        assert!(
            reading.requirements[0].stories[0]
                .shared
                .iter()
                .any(|w| w.starts_with("restor")),
            "{:?}",
            reading.requirements[0].stories[0].shared
        );
    }

    #[test]
    fn no_bank_links_nothing() {
        let decks = decks();
        let mut reading = read_job(&decks, "Duties\n- Own the disaster recovery plan\n");
        link_stories(&mut reading, &StoryBank::default(), &decks);
        assert!(reading.requirements.iter().all(|r| r.stories.is_empty()));
    }
}
