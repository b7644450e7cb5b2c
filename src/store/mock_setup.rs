//! `<home>/mock-setup.toml`: the last mock-interview setup, so the next one starts from it.
//!
//! A missing file means the defaults. A file that is not valid TOML, has a key prepdeck does
//! not know or a value of the wrong type is an error naming the file: a typo must never
//! silently turn into a default. The seed is never remembered (every interview would ask the
//! same questions).

use std::path::PathBuf;

use crate::core::session::MockSetup;
use crate::store::StoreError;
use crate::store::bounded::{MAX_SETTINGS_BYTES, ReadError, read_regular};
use crate::store::config::{line_of, span_of};
use crate::store::paths::{Home, write_private_replace};

/// The keys of a mock-setup file (the fields of [`MockSetup`]).
pub const KNOWN_KEYS: &[&str] = &[
    "questions",
    "focus",
    "prep_seconds",
    "follow_ups",
    "follow_up_seconds",
    "mode",
    "timing",
    "seed",
    "decks",
    "answer_seconds",
];

#[derive(Debug, thiserror::Error)]
pub enum MockSetupError {
    #[error("cannot read the mock setup file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: ReadError,
    },
    #[error(
        "the mock setup file {} is invalid: {message}. Fix it, or delete it to start again \
         from the defaults",
        path.display()
    )]
    Invalid { path: PathBuf, message: String },
    #[error(transparent)]
    Write(#[from] StoreError),
}

/// Reads the last setup; `None` when there is none yet.
pub fn load_mock_setup(home: &Home) -> Result<Option<MockSetup>, MockSetupError> {
    let path = home.mock_setup_file();
    match read_regular(&path, MAX_SETTINGS_BYTES) {
        Ok(Some(bytes)) => {
            let Ok(text) = String::from_utf8(bytes) else {
                return Err(MockSetupError::Invalid {
                    path,
                    message: "the file is not UTF-8 text".into(),
                });
            };
            parse_mock_setup(&text)
                .map(Some)
                .map_err(|message| MockSetupError::Invalid { path, message })
        }
        Ok(None) => Ok(None),
        Err(source) => Err(MockSetupError::Read { path, source }),
    }
}

/// Parses the text of a setup file; the error is a one-line message with the line number.
pub fn parse_mock_setup(text: &str) -> Result<MockSetup, String> {
    let one_line = |e: toml::de::Error| crate::core::toml_error::one_line(text, &e);
    let table: toml::Table = toml::from_str(text).map_err(one_line)?;
    if let Some(key) = table.keys().find(|k| !KNOWN_KEYS.contains(&k.as_str())) {
        return Err(format!(
            "unknown key `{key}` (known keys: {})",
            KNOWN_KEYS.join(", ")
        ));
    }
    let setup: MockSetup = toml::from_str(text).map_err(one_line)?;
    if let Some((key, message)) = setup.out_of_range() {
        let line = toml::de::DeTable::parse(text)
            .ok()
            .and_then(|root| span_of(root.get_ref(), key))
            .map(|s| format!("line {}: ", line_of(text, s.start)))
            .unwrap_or_default();
        return Err(format!("{line}{key}: {message}"));
    }
    Ok(setup)
}

/// Remembers `setup` (without its seed), privately (0600), replacing the old file atomically.
pub fn save_mock_setup(home: &Home, setup: &MockSetup) -> Result<(), MockSetupError> {
    let path = home.mock_setup_file();
    let remembered = MockSetup {
        seed: None,
        ..setup.clone()
    };
    let body = toml::to_string(&remembered).map_err(|e| MockSetupError::Invalid {
        path: path.clone(),
        message: e.to_string(),
    })?;
    let text = format!(
        "# The last mock-interview setup, written by `prepdeck mock`. Flags override it.\n{body}"
    );
    write_private_replace(&path, text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::DeckId;
    use crate::core::session::{Focus, Timing};

    #[test]
    fn known_keys_are_the_fields() {
        let full = MockSetup {
            seed: Some(1),
            answer_seconds: Some(30),
            ..MockSetup::default()
        };
        let table: toml::Table = toml::from_str(&toml::to_string(&full).unwrap()).unwrap();
        let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
        let mut known = KNOWN_KEYS.to_vec();
        keys.sort();
        known.sort();
        assert_eq!(keys, known);
    }

    #[test]
    fn saves_without_seed_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::at(dir.path());
        assert_eq!(load_mock_setup(&home).unwrap(), None);
        let setup = MockSetup {
            questions: 3,
            focus: Focus::Kind(crate::core::deck::Kind::Behavioral),
            timing: Timing::Soft,
            seed: Some(9),
            decks: vec![DeckId::new("it-manager")],
            ..MockSetup::default()
        };
        save_mock_setup(&home, &setup).unwrap();
        let back = load_mock_setup(&home).unwrap().unwrap();
        assert_eq!(
            back,
            MockSetup {
                seed: None,
                ..setup
            }
        );
    }

    #[test]
    fn broken_files_name_the_problem() {
        let e = parse_mock_setup("questions = 3\nprep_secnds = 4\n").unwrap_err();
        assert!(e.contains("unknown key `prep_secnds`"), "{e}");
        let e = parse_mock_setup("questions = \"five\"\n").unwrap_err();
        assert!(e.starts_with("line 1:"), "{e}");
        let e = parse_mock_setup("questions = [\n").unwrap_err();
        assert!(e.starts_with("line "), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let home = Home::at(dir.path());
        std::fs::write(home.mock_setup_file(), "mode = \"sung\"\n").unwrap();
        let msg = load_mock_setup(&home).unwrap_err().to_string();
        assert!(msg.contains("mock-setup.toml is invalid"), "{msg}");
        assert!(msg.contains("line 1"), "{msg}");
    }

    #[test]
    fn values_out_of_the_flags_range_name_line_and_key() {
        let e = parse_mock_setup("questions = 3\nprep_seconds = 4000000000\n").unwrap_err();
        assert_eq!(
            e,
            "line 2: prep_seconds: 4000000000 is out of range (0 to 600)"
        );
        let e = parse_mock_setup("# é\n\nquestions = 0\n").unwrap_err();
        assert!(e.starts_with("line 3: questions:"), "{e}");
        let e = parse_mock_setup("answer_seconds = 5\n").unwrap_err();
        assert!(e.starts_with("line 1: answer_seconds:"), "{e}");
        let e = parse_mock_setup("follow_up_seconds = 99999\n").unwrap_err();
        assert!(e.contains("follow_up_seconds"), "{e}");
        assert!(parse_mock_setup("questions = 100\nprep_seconds = 600\n").is_ok());
    }

    #[test]
    fn error_lines_never_split_a_character() {
        // toml's spans are byte offsets; the line is counted on bytes.
        for text in ["é = ", "\"é\u{1F600}\" = [", "x = \"\u{1F600}"] {
            let _ = parse_mock_setup(text);
        }
        assert_eq!(line_of("é\nx", 1), 1);
        assert_eq!(line_of("é\nx", 99), 2);
    }
}
