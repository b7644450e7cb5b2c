//! The STAR story bank: the candidate's stories (`<home>/stories.toml`), how they cover the
//! competencies the decks probe, which fit a question, drilling them, and what a mock debrief
//! says about them.
//!
//! Pure: takes the file's text and the decks; reading and writing files is the store's job.
//! The file is read with the deck parser's walker, so its errors look like a deck's.

mod coverage;
mod debrief;
mod drill;
mod model;
mod parse;
mod rank;
mod template;
mod words;

#[cfg(test)]
mod tests;

pub use coverage::{CompetencyRow, Coverage, STORIES_PER_COMPETENCY, competency_matches, coverage};
pub use debrief::{AnsweredQuestion, StoryNote, TOLD_SHARE, story_notes};
pub use drill::story_deck;
pub use model::{Story, StoryBank};
pub use parse::{STORIES_FORMAT, parse_stories};
pub use rank::{StoryIndex, Suggestion};
pub use template::STORIES_TEMPLATE;
pub use words::has_figure;

use crate::core::deck::{Card, Deck};

/// The deck id story reviews are recorded under in the state log (`@stories/STORY-ID`). A deck
/// id cannot contain `@`, so it never meets a real deck's progress.
pub const STORY_DECK: &str = "@stories";

/// The text a card is matched against: its question, key points (and their keywords), tags and
/// category title.
pub fn question_text(deck: &Deck, card: &Card) -> String {
    let mut s = card.question.clone();
    for k in &card.key_points {
        s.push('\n');
        s.push_str(&k.text);
        for w in &k.keywords {
            s.push(' ');
            s.push_str(w);
        }
    }
    for t in &card.tags {
        s.push('\n');
        s.push_str(t);
    }
    if let Some(c) = deck.category(&card.category) {
        s.push('\n');
        s.push_str(&c.title);
    }
    s
}

/// The stories that fit a card, best first.
pub fn suggest_for_card(bank: &StoryBank, deck: &Deck, card: &Card) -> Vec<Suggestion> {
    let title = deck
        .category(&card.category)
        .map_or("", |c| c.title.as_str());
    StoryIndex::new(&bank.stories).suggest(
        &question_text(deck, card),
        Some((card.category.as_str(), title)),
    )
}

/// A parse diagnostic shown as a warning (the same layout, `warning:` instead of `error:`).
pub fn warning_text(d: &crate::core::deck::Diagnostic) -> String {
    d.to_string().replacen("error:", "warning:", 1)
}

/// A warning in one line for a screen: "line 51: the result has no figure (say what changed
/// with a number...)" (the shell gets [`warning_text`], with the snippet).
pub fn warning_line(d: &crate::core::deck::Diagnostic) -> String {
    let at = if d.line > 0 {
        format!("line {}: ", d.line)
    } else {
        String::new()
    };
    match &d.help {
        Some(help) => format!("{at}{} ({help})", d.message),
        None => format!("{at}{}", d.message),
    }
}
