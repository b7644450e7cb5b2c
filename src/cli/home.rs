//! The data folder for the CLI: `--home`, else `PREPDECK_HOME`, else the platform data folder.

use std::path::PathBuf;

pub use crate::store::paths::Home;

pub fn resolve(flag: Option<PathBuf>) -> anyhow::Result<Home> {
    Ok(Home::resolve(flag)?)
}
