//! `<home>/parameters.toml`: the FSRS-6 weights `prepdeck optimize` fitted to the user's
//! history, and what its last run found (for `stats` to suggest the next one).
//!
//! A file of its own rather than `config.toml` (the user's, with their comments, which
//! prepdeck never rewrites) or the state log (a new record type there would make every older
//! prepdeck refuse the log, and the weights are derived data: another run gives them back).
//! It is replaced atomically and durably (write beside, sync, rename, sync the folder), and is
//! private (0600). A damaged file is an error naming it, never a silent fall back to defaults:
//! `prepdeck optimize --reset` removes it.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::StoreError;
use super::bounded::{MAX_SETTINGS_BYTES, ReadError, read_regular};
use super::paths::write_private_replace;
use crate::core::schedule::{Evaluation, check_parameters};

/// The file's name inside the data folder.
pub const PARAMETERS_FILE: &str = "parameters.toml";

/// What the optimiser keeps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Optimised {
    /// The fitted weights in use; absent when no fit was better than the defaults.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_run: Option<LastRun>,
}

/// The last `prepdeck optimize` run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastRun {
    pub at: DateTime<Utc>,
    /// Effective reviews in the log at the time (the next run is suggested once they double).
    pub reviews: usize,
    /// Whether the fitted weights were better and are now used.
    pub kept: bool,
    /// How the weights in use before the run did on the history, and how the fitted ones did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Evaluation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fitted: Option<Evaluation>,
}

/// The file could not be read or makes no sense.
#[derive(Debug, thiserror::Error)]
pub enum ParametersError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: ReadError,
    },
    #[error(
        "{}: {message} (written by `prepdeck optimize`; `prepdeck optimize --reset` removes it)",
        path.display()
    )]
    Invalid { path: PathBuf, message: String },
}

/// Where data folder `home` keeps the fitted weights.
pub fn parameters_path(home: &Path) -> PathBuf {
    home.join(PARAMETERS_FILE)
}

/// The optimiser's file; empty when there is none.
pub fn load_optimised(home: &Path) -> Result<Optimised, ParametersError> {
    let path = parameters_path(home);
    // Through the one bounded open: a FIFO here hung every command (the settings are read at
    // every start).
    let bytes = match read_regular(&path, MAX_SETTINGS_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(Optimised::default()),
        Err(source) => return Err(ParametersError::Read { path, source }),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(ParametersError::Invalid {
            path,
            message: "the file is not UTF-8 text".into(),
        });
    };
    let invalid = |message: String| ParametersError::Invalid {
        path: path.clone(),
        message,
    };
    let optimised: Optimised =
        toml::from_str(&text).map_err(|e| invalid(crate::core::toml_error::one_line(&text, &e)))?;
    if let Some(w) = &optimised.parameters {
        check_parameters(w).map_err(invalid)?;
    }
    Ok(optimised)
}

/// Replaces the file with `optimised`, atomically and durably.
pub fn save_optimised(home: &Path, optimised: &Optimised) -> Result<(), StoreError> {
    let body = toml::to_string(optimised).unwrap_or_default();
    let text = format!(
        "# Written by `prepdeck optimize`: FSRS-6 weights fitted to your reviews.\n\
         # `prepdeck optimize --reset` goes back to the defaults.\n{body}"
    );
    write_private_replace(&parameters_path(home), text.as_bytes())
}

/// Removes the file (back to the default weights). `Ok(false)` when there was none.
pub fn remove_optimised(home: &Path) -> Result<bool, StoreError> {
    let path = parameters_path(home);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(StoreError::io(&path, "remove", e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schedule::default_weights;

    #[test]
    fn saves_and_loads_back_privately() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_optimised(dir.path()).unwrap(), Optimised::default());
        let o = Optimised {
            parameters: Some(default_weights().to_vec()),
            last_run: Some(LastRun {
                at: DateTime::parse_from_rfc3339("2026-03-01T10:00:00Z")
                    .unwrap()
                    .to_utc(),
                reviews: 1200,
                kept: true,
                before: Some(Evaluation {
                    log_loss: 0.4,
                    rmse: 0.05,
                }),
                fitted: Some(Evaluation {
                    log_loss: 0.35,
                    rmse: 0.03,
                }),
            }),
        };
        save_optimised(dir.path(), &o).unwrap();
        assert_eq!(load_optimised(dir.path()).unwrap(), o);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(parameters_path(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(remove_optimised(dir.path()).unwrap());
        assert!(!remove_optimised(dir.path()).unwrap());
    }

    #[test]
    fn a_damaged_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(parameters_path(dir.path()), "parameters = [1.0, 2.0]\n").unwrap();
        let e = load_optimised(dir.path()).unwrap_err().to_string();
        assert!(e.contains("parameters.toml") && e.contains("21"), "{e}");
        std::fs::write(parameters_path(dir.path()), "parameters = \n").unwrap();
        let e = load_optimised(dir.path()).unwrap_err().to_string();
        assert!(e.contains("line 1") && e.contains("--reset"), "{e}");
    }
}
