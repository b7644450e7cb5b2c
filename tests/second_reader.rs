//! The second reader's STAR labels (`*.second.json` beside a labelled file, see
//! `examples/common/second_reader.rs`): each parses, names only answers the file labels for
//! STAR, and covers every one of them, so the agreement the eval examples print is over the
//! whole file, not a silent part of it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every `*.second.json` under `dir`, at any depth.
fn second_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            second_files(&path, out);
        } else if path.to_string_lossy().ends_with(".second.json") {
            out.push(path);
        }
    }
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The indices of the entries a labelled file gives STAR labels (a list, or an object holding
/// the list under `answers` or `stories`).
fn star_labelled(file: &Value) -> BTreeSet<usize> {
    let list = file
        .as_array()
        .or_else(|| file.get("answers").and_then(Value::as_array))
        .or_else(|| file.get("stories").and_then(Value::as_array))
        .expect("a list of answers");
    list.iter()
        .enumerate()
        .filter(|(_, e)| e.get("star").is_some_and(|s| !s.is_null()))
        .map(|(i, _)| i)
        .collect()
}

/// The labelled file a second file belongs to: beside it, or for the dev file (kept in
/// `shared/eval/` beside the checkout or a parent of it) there.
fn labelled_file(second: &Path) -> PathBuf {
    let name = second.to_string_lossy().replace(".second.json", ".json");
    let beside = PathBuf::from(&name);
    if beside.exists() {
        return beside;
    }
    let file_name = beside.file_name().expect("a file name").to_owned();
    // `shared/eval` beside the checkout or one of its parents (worktrees sit a level deeper).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    root.ancestors()
        .skip(1)
        .map(|p| p.join("shared/eval"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| panic!("no shared/eval folder above {}", root.display()))
        .join(file_name)
}

#[test]
fn second_readers_labels_cover_exactly_the_star_labelled_answers() {
    let mut files = Vec::new();
    second_files(&fixtures(), &mut files);
    assert!(
        files.len() >= 50,
        "expected the second reader's files, found {}",
        files.len()
    );
    for second in files {
        let labelled_path = labelled_file(&second);
        assert!(
            labelled_path.exists(),
            "{}: no labelled file at {} (the dev file needs ../shared beside the project)",
            second.display(),
            labelled_path.display()
        );
        let wanted = star_labelled(&read(&labelled_path));
        let doc = read(&second);
        assert!(
            doc.get("reader")
                .and_then(Value::as_str)
                .is_some_and(|r| !r.is_empty()),
            "{}: says who the reader was",
            second.display()
        );
        let labels = doc["labels"].as_array().expect("labels: a list");
        let mut got = BTreeSet::new();
        for l in labels {
            let index = l["index"].as_u64().expect("index: a number") as usize;
            assert!(
                got.insert(index),
                "{}: index {index} twice",
                second.display()
            );
            for part in ["situation", "task", "action", "result"] {
                assert!(
                    l["star"][part].is_boolean(),
                    "{}: index {index} has no {part}",
                    second.display()
                );
            }
        }
        assert_eq!(
            got,
            wanted,
            "{}: the second labels must name exactly the STAR-labelled answers of {}",
            second.display(),
            labelled_path.display()
        );
    }
}
