//! The story bank file, `<home>/stories.toml`: read it (a missing file is an empty bank) and
//! create it from the template (0600, never over an existing file). The user edits it; prepdeck
//! never rewrites it.

use std::path::{Path, PathBuf};

use crate::core::deck::{Diagnostic, Diagnostics};
use crate::core::stories::{StoryBank, parse_stories};
use crate::store::bounded::read_regular;
use crate::store::paths::{Home, write_private_new};

/// Where the story bank lives.
pub fn stories_file(home: &Home) -> PathBuf {
    home.root().join("stories.toml")
}

/// A story bank as read, with its warnings.
#[derive(Debug)]
pub struct LoadedStories {
    pub bank: StoryBank,
    pub warnings: Diagnostics,
    /// Whether the file exists.
    pub exists: bool,
}

/// Reads and validates the story bank at `path`. A missing file is an empty bank; an
/// unreadable, non-UTF-8 or invalid one is every problem found, located.
pub fn load_stories(path: &Path) -> Result<LoadedStories, Diagnostics> {
    let origin = path.display().to_string();
    // Through the one bounded open (a FIFO here hung `stories check`), capped like a deck.
    let bytes = match read_regular(path, crate::store::decks::MAX_DECK_BYTES) {
        Ok(Some(b)) => b,
        Ok(None) => {
            return Ok(LoadedStories {
                bank: StoryBank::default(),
                warnings: Diagnostics::default(),
                exists: false,
            });
        }
        Err(e) => {
            return Err(Diagnostics(vec![Diagnostic::whole_file(
                &origin,
                format!("cannot read the file: {e}"),
                None,
            )]));
        }
    };
    let text =
        crate::store::decks::decode_deck_bytes(&origin, bytes).map_err(|d| Diagnostics(vec![d]))?;
    let (bank, warnings) = parse_stories(&text, &origin)?;
    Ok(LoadedStories {
        bank,
        warnings,
        exists: true,
    })
}

/// Writes `text` (the template) to `path` as a new private file; fails if it exists.
pub fn create_stories_file(path: &Path, text: &str) -> Result<(), crate::store::StoreError> {
    write_private_new(path, text.as_bytes())
}
