//! The candidate's own files behind [`super::Study`]: the story bank (`<home>/stories.toml`,
//! read and validated, created from the template) and the drafts `$EDITOR` edits.

use std::path::{Path, PathBuf};

use super::material::StoriesRead;
use super::port::StudyError;
use crate::core::stories::{STORIES_TEMPLATE, warning_line};
use crate::store::paths::Home;
use crate::store::stories::{create_stories_file, load_stories, stories_file};

/// The story bank as it is on disk now.
pub fn read_stories(home: &Home) -> StoriesRead {
    let path = stories_file(home);
    match load_stories(&path) {
        Ok(loaded) => StoriesRead {
            exists: loaded.exists,
            warnings: loaded.warnings.0.iter().map(warning_line).collect(),
            bank: Ok(loaded.bank),
            path,
        },
        Err(problems) => StoriesRead {
            exists: path.exists(),
            bank: Err(problems.0.iter().map(ToString::to_string).collect()),
            warnings: Vec::new(),
            path,
        },
    }
}

/// Creates `<home>/stories.toml` from the template (0600); never over an existing file.
pub fn create_stories(home: Option<&Home>) -> Result<PathBuf, StudyError> {
    let home = home.ok_or(StudyError::NoHome)?;
    let path = stories_file(home);
    create_stories_file(&path, STORIES_TEMPLATE)?;
    Ok(path)
}

pub fn write_draft(home: Option<&Home>, name: &str, text: &str) -> Result<PathBuf, StudyError> {
    let home = home.ok_or(StudyError::NoHome)?;
    Ok(crate::store::drafts::write_draft(home, name, text)?)
}

pub fn take_draft(path: &Path) -> Result<String, StudyError> {
    Ok(crate::store::drafts::take_draft(path)?)
}
