//! The STAR story bank: the candidate's stories (`<home>/stories.toml`), how they cover the
//! competencies the decks probe, which fit a question, and drilling them.
//!
//! Pure: takes the file's text and the decks; reading and writing files is the store's job.

/// The deck id story reviews are recorded under in the state log (`@stories/STORY-ID`). A deck
/// id cannot contain `@`, so it never meets a real deck's progress.
pub const STORY_DECK: &str = "@stories";
