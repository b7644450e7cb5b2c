//! Temporary home resolution (replaced by `store::paths` when it lands).

use std::path::PathBuf;

pub struct Home(PathBuf);

impl Home {
    pub fn decks_dir(&self) -> PathBuf {
        self.0.join("decks")
    }
    pub fn root(&self) -> &std::path::Path {
        &self.0
    }
}

pub fn resolve(flag: Option<PathBuf>) -> anyhow::Result<Home> {
    if let Some(p) = flag {
        return Ok(Home(p));
    }
    directories::ProjectDirs::from("", "", "prepdeck")
        .map(|d| Home(d.data_dir().to_path_buf()))
        .ok_or_else(|| {
            anyhow::anyhow!("cannot find a home folder for prepdeck's data; pass --home DIR")
        })
}
