//! Reads `<home>/config.toml` into a [`Config`].
//!
//! A missing file means defaults. Anything else that is wrong (bad TOML, an unknown key, a
//! wrong type, a value out of range) is an error naming the file, the line and the dotted key:
//! a typo must never silently fall back to a default.
//!
//! The effective settings also carry the FSRS weights `prepdeck optimize` fitted
//! (`parameters.toml`, see [`super::fsrs_parameters`]) unless `config.toml` sets its own.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub use crate::core::schedule::{Config, SchedulerConfig};
use crate::store::bounded::{MAX_SETTINGS_BYTES, ReadError, read_regular};

/// The settings file's name inside the data folder.
pub const CONFIG_FILE: &str = "config.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: ReadError,
    },
    #[error("{}{}: {}{message}", path.display(), if *line > 0 { format!(":{line}") } else { String::new() }, key.as_ref().map(|k| format!("{k}: ")).unwrap_or_default())]
    Invalid {
        path: PathBuf,
        /// 1-based; 0 when the problem cannot be placed on a line.
        line: usize,
        /// Dotted key (`scheduler.desired_retention`) when the problem belongs to one.
        key: Option<String>,
        message: String,
    },
    #[error(transparent)]
    Parameters(#[from] super::fsrs_parameters::ParametersError),
    /// More than one problem: each on its own line, in file order.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Several(Vec<ConfigError>),
}

/// Where the settings file of data folder `home` lives.
pub fn config_path(home: &Path) -> PathBuf {
    home.join(CONFIG_FILE)
}

/// The effective settings: `<home>/config.toml` (defaults when it does not exist) with the
/// weights `prepdeck optimize` fitted, unless the file sets `scheduler.parameters` itself.
pub fn load_config(home: &Path) -> Result<Config, ConfigError> {
    let mut config = load_config_file(home)?;
    if config.scheduler.parameters.is_none() {
        config.scheduler.parameters = super::fsrs_parameters::load_optimised(home)?.parameters;
    }
    Ok(config)
}

/// `<home>/config.toml` alone; defaults when it does not exist.
pub fn load_config_file(home: &Path) -> Result<Config, ConfigError> {
    let path = config_path(home);
    match read_regular(&path, MAX_SETTINGS_BYTES) {
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(text) => parse_config(&text, &path),
            Err(e) => Err(ConfigError::Invalid {
                line: line_of(
                    &String::from_utf8_lossy(e.as_bytes()),
                    e.utf8_error().valid_up_to(),
                ),
                path,
                key: None,
                message: "the file is not UTF-8 text".into(),
            }),
        },
        Ok(None) => Ok(Config::default()),
        Err(source) => Err(ConfigError::Read { path, source }),
    }
}

/// Parses and validates the text of a settings file; `path` only names it in errors.
pub fn parse_config(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let invalid =
        |span: Option<Range<usize>>, key: Option<String>, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: span.map_or(0, |s| line_of(text, s.start)),
            key,
            message,
        };
    let root = DeTable::parse(text).map_err(|e| {
        let mut message = e.message().trim().to_string();
        if let Some(help) = crate::core::toml_error::help(&e) {
            message = format!("{message} ({help})");
        }
        invalid(crate::core::toml_error::span(text, &e), None, message)
    })?;
    // Every unknown key and every value of the wrong type, not just the first.
    let mut errors = key_errors(text, root.get_ref(), &invalid);
    if errors.is_empty() {
        match toml::from_str::<Config>(text) {
            Ok(config) => {
                errors.extend(config.issues().into_iter().map(|issue| {
                    let span = span_of(root.get_ref(), &issue.key);
                    invalid(span, Some(issue.key), issue.message)
                }));
                if errors.is_empty() {
                    return Ok(config);
                }
            }
            Err(e) => {
                let key = e.span().and_then(|s| key_at(root.get_ref(), s.start, ""));
                errors.push(invalid(e.span(), key, e.message().trim().to_string()));
            }
        }
    }
    errors.sort_by_key(|e| match e {
        ConfigError::Invalid { line, .. } => *line,
        _ => 0,
    });
    Err(match errors.len() {
        1 => errors.remove(0),
        _ => ConfigError::Several(errors),
    })
}

/// Unknown tables and keys (each with the nearest known name, when one is close) and values
/// of the wrong type (each value checked on its own, so one mistake does not hide the next).
fn key_errors(
    text: &str,
    root: &DeTable<'_>,
    invalid: &dyn Fn(Option<Range<usize>>, Option<String>, String) -> ConfigError,
) -> Vec<ConfigError> {
    let known = Config::known_keys();
    let tables: Vec<String> = known.iter().map(|(t, _)| t.to_string()).collect();
    let mut errors = Vec::new();
    for (name, value) in root.iter() {
        let table = name.get_ref().as_ref();
        let Some((_, keys)) = known.iter().find(|(t, _)| *t == table) else {
            // A setting written outside its table (`desired_retention = 0.8` at the top):
            // say which table it belongs in.
            // Near misses count too (`new_per_dai` at the top: `scheduler.new_per_day`).
            let home = known.iter().find_map(|(t, keys)| {
                let exact = keys.iter().any(|k| k == table);
                let near = did_you_mean(table, keys);
                (exact || !near.is_empty()).then_some((*t, exact, near))
            });
            let message = match (home, value.get_ref()) {
                (Some((t, true, _)), v) if !matches!(v, DeValue::Table(_)) => {
                    format!("`{table}` belongs in the [{t}] table: write it under a `[{t}]` line")
                }
                (Some((t, false, near)), v) if !matches!(v, DeValue::Table(_)) => {
                    format!("unknown setting `{table}`{near} (it belongs in the [{t}] table)")
                }
                (None, v) if !matches!(v, DeValue::Table(_)) => format!(
                    "unknown setting `{table}` (settings go under one of the tables: {})",
                    tables
                        .iter()
                        .map(|t| format!("[{t}]"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                _ => format!("unknown table `{table}`{}", did_you_mean(table, &tables)),
            };
            errors.push(invalid(Some(name.span()), Some(table.to_string()), message));
            continue;
        };
        let DeValue::Table(entries) = value.get_ref() else {
            // `scheduler = 3`: serde names the type.
            continue;
        };
        for (key, v) in entries.iter() {
            let key_name = key.get_ref().as_ref();
            let dotted = format!("{table}.{key_name}");
            if !keys.iter().any(|k| k == key_name) {
                errors.push(invalid(
                    Some(key.span()),
                    Some(dotted),
                    format!("unknown field `{key_name}`{}", did_you_mean(key_name, keys)),
                ));
                continue;
            }
            let Some(source) = text.get(v.span()) else {
                continue;
            };
            if let Err(e) = toml::from_str::<Config>(&format!("[{table}]\n{key_name} = {source}\n"))
            {
                errors.push(invalid(
                    Some(v.span()),
                    Some(dotted),
                    e.message().trim().to_string(),
                ));
            }
        }
    }
    errors
}

/// "; did you mean `desired_retention`?" when a known name is close to `name`.
fn did_you_mean(name: &str, known: &[String]) -> String {
    known
        .iter()
        .map(|k| {
            // A part of the name (`retention` for `desired_retention`) counts as close too.
            let part = name.len() >= 4 && (k.contains(name) || name.contains(k.as_str()));
            let score = strsim::jaro_winkler(name, k).max(if part { 0.9 } else { 0.0 });
            (score, k)
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}

/// The 1-based line holding byte `offset` of `text` (the last line past the end). Safe for any
/// offset: it counts bytes, never slices the text at a position that may split a character.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The dotted key whose name or value contains byte `offset`, as deep as tables go. A table's
/// own span may cover only its header, so tables are searched before their span is checked.
fn key_at(table: &DeTable<'_>, offset: usize, prefix: &str) -> Option<String> {
    let inside = |s: Range<usize>| s.start <= offset && offset < s.end.max(s.start + 1);
    table.iter().find_map(|(k, v)| {
        let path = format!("{prefix}{}", k.get_ref());
        let deeper = match v.get_ref() {
            DeValue::Table(t) => key_at(t, offset, &format!("{path}.")),
            _ => None,
        };
        deeper.or_else(|| (inside(k.span()) || inside(v.span())).then_some(path))
    })
}

/// The span of the key at dotted `path`, if the file spells it out.
pub(crate) fn span_of(table: &DeTable<'_>, path: &str) -> Option<Range<usize>> {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let (key, value): (&Spanned<_>, &Spanned<DeValue<'_>>) =
        table.iter().find(|(k, _)| k.get_ref() == head)?;
    match (rest, value.get_ref()) {
        (Some(rest), DeValue::Table(t)) => span_of(t, rest).or(Some(key.span())),
        _ => Some(key.span()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, Option<String>, String, String) {
        match parse_config(text, Path::new("/home/u/.prepdeck/config.toml")) {
            Err(e @ ConfigError::Invalid { .. }) => {
                let shown = e.to_string();
                let ConfigError::Invalid {
                    line, key, message, ..
                } = e
                else {
                    unreachable!()
                };
                (line, key, message, shown)
            }
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn missing_file_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_config(dir.path()).unwrap(), Config::default());
    }

    #[test]
    fn fitted_weights_apply_unless_the_file_sets_its_own() {
        use crate::store::fsrs_parameters::{Optimised, save_optimised};
        let dir = tempfile::tempdir().unwrap();
        let mut fitted = crate::core::schedule::default_weights().to_vec();
        fitted[0] = 0.5;
        save_optimised(
            dir.path(),
            &Optimised {
                parameters: Some(fitted.clone()),
                last_run: None,
            },
        )
        .unwrap();
        let c = load_config(dir.path()).unwrap();
        assert_eq!(c.scheduler.parameters.as_deref(), Some(&fitted[..]));
        assert_eq!(load_config_file(dir.path()).unwrap(), Config::default());
        let mut own = fitted.clone();
        own[0] = 0.7;
        let list: Vec<String> = own.iter().map(|w| w.to_string()).collect();
        std::fs::write(
            config_path(dir.path()),
            format!("[scheduler]\nparameters = [{}]\n", list.join(", ")),
        )
        .unwrap();
        let c = load_config(dir.path()).unwrap();
        assert_eq!(c.scheduler.parameters.as_deref(), Some(&own[..]));
    }

    #[test]
    fn reads_a_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            config_path(dir.path()),
            "[scheduler]\ndesired_retention = 0.85\nlearning_steps = [\"30s\", \"5m\", \"1h\"]\nfuzz = false\n",
        )
        .unwrap();
        let c = load_config(dir.path()).unwrap();
        assert_eq!(c.scheduler.desired_retention, 0.85);
        assert_eq!(c.scheduler.learning_steps.len(), 3);
        assert!(!c.scheduler.fuzz);
        assert_eq!(c.scheduler.new_per_day, 10);
    }

    #[test]
    fn the_documented_example_is_the_default() {
        let text = r#"
[scheduler]
desired_retention = 0.9
learning_steps = ["1m", "10m"]
relearning_steps = ["10m"]
maximum_interval = 36500   # days
fuzz = true
new_per_day = 10
reviews_per_day = 200
day_starts_at = 4          # hour, local time
"#;
        assert_eq!(
            parse_config(text, Path::new("c.toml")).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn out_of_range_names_file_key_and_line() {
        let (line, key, msg, shown) = err("[scheduler]\nfuzz = true\ndesired_retention = 1.5\n");
        assert_eq!(line, 3);
        assert_eq!(key.as_deref(), Some("scheduler.desired_retention"));
        assert!(msg.contains("0.70"), "{msg}");
        assert!(
            shown.starts_with("/home/u/.prepdeck/config.toml:3: scheduler.desired_retention: "),
            "{shown}"
        );
        let (line, key, _, _) = err("[scheduler]\n\nday_starts_at = 25\n");
        assert_eq!((line, key.as_deref()), (3, Some("scheduler.day_starts_at")));
    }

    #[test]
    fn wrong_types_name_key_and_line() {
        let (line, key, msg, _) = err("[scheduler]\nnew_per_day = \"ten\"\n");
        assert_eq!((line, key.as_deref()), (2, Some("scheduler.new_per_day")));
        assert!(msg.contains("string"), "{msg}");
        let (line, key, _, _) = err("[scheduler]\nreviews_per_day = -3\n");
        assert_eq!(
            (line, key.as_deref()),
            (2, Some("scheduler.reviews_per_day"))
        );
        let (line, key, msg, _) = err("[scheduler]\nlearning_steps = [\"1m\", \"ten\"]\n");
        assert_eq!(
            (line, key.as_deref()),
            (2, Some("scheduler.learning_steps"))
        );
        assert!(msg.contains("ten"), "{msg}");
    }

    #[test]
    fn unknown_keys_and_tables_are_errors() {
        let (line, key, msg, _) = err("[scheduler]\nfuzz = true\nretention = 0.9\n");
        assert_eq!((line, key.as_deref()), (3, Some("scheduler.retention")));
        assert!(msg.contains("unknown field"), "{msg}");
        let (line, key, _, _) = err("[schedular]\nfuzz = true\n");
        assert_eq!((line, key.as_deref()), (1, Some("schedular")));
    }

    #[test]
    fn every_mistake_is_reported_with_a_suggestion() {
        let text = "[scheduler]\nretention = 0.9\nnew_per_day = \"ten\"\nfuzzz = true\n";
        let e = parse_config(text, Path::new("/h/config.toml")).unwrap_err();
        let shown = e.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 3, "{shown}");
        assert!(
            lines[0].starts_with("/h/config.toml:2: scheduler.retention: unknown field `retention`; did you mean `desired_retention`?"),
            "{shown}"
        );
        assert!(
            lines[1].starts_with("/h/config.toml:3: scheduler.new_per_day: "),
            "{shown}"
        );
        assert!(lines[2].contains("did you mean `fuzz`?"), "{shown}");
        // Two values out of range: both.
        let e = parse_config(
            "[scheduler]\ndesired_retention = 1.5\nday_starts_at = 30\n",
            Path::new("c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("c.toml:2: scheduler.desired_retention")
                && e.contains("c.toml:3: scheduler.day_starts_at"),
            "{e}"
        );
        let e = parse_config("[schedular]\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean `scheduler`?"), "{e}");
    }

    #[test]
    fn a_setting_outside_its_table_names_the_table() {
        let e = parse_config(
            "desired_retention = 0.8\nnew_per_dai = 3\nbogus = 1\n",
            Path::new("c.toml"),
        )
        .unwrap_err()
        .to_string();
        let lines: Vec<&str> = e.lines().collect();
        assert_eq!(lines.len(), 3, "{e}");
        assert!(
            lines[0].contains("`desired_retention` belongs in the [scheduler] table"),
            "{e}"
        );
        assert!(
            lines[1].contains("did you mean `new_per_day`? (it belongs in the [scheduler] table)"),
            "{e}"
        );
        assert!(lines[2].contains("unknown setting `bogus`"), "{e}");
    }

    #[test]
    fn broken_toml_is_an_error_with_a_line() {
        let (line, key, _, _) = err("[scheduler]\nfuzz = \n");
        assert_eq!((line, key), (2, None));
    }

    #[test]
    fn shown_settings_parse_back() {
        let mut c = Config::default();
        c.scheduler.desired_retention = 0.8;
        c.scheduler.relearning_steps = vec![];
        let back = parse_config(&c.to_toml_string(), Path::new("c.toml")).unwrap();
        assert_eq!(back, c);
    }
}
