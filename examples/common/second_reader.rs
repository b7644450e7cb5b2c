//! A second reader's STAR labels beside a labelled file, and how far the two readers and the
//! detector agree. Shared by the `eval_debrief` and `eval_star` examples.
//!
//! For `dir/name.json`, the second reader's labels are `dir/name.second.json` (or the file
//! given with `--second PATH`):
//! `{"reader": "who and how", "labels": [{"index": 3, "star": {"situation": true, ...}}]}`,
//! where `index` is the answer's place in the labelled file's list (from 0). The second reader
//! saw each answer and its question, never the first labels.
//!
//! Why: a goal such as "STAR at least 90 % per part" means little until it is known how often
//! two careful people agree. The report gives, per part, the readers' agreement and the
//! detector's accuracy on the answers both readers label the same way (the answers whose label
//! is not a matter of taste).

use std::collections::BTreeMap;

use prepdeck::core::analysis::{StarCues, StarPart};
use serde::Deserialize;

#[derive(Deserialize, Clone, Copy)]
pub struct Star {
    pub situation: bool,
    pub task: bool,
    pub action: bool,
    pub result: bool,
}

impl Star {
    pub fn get(&self, p: StarPart) -> bool {
        match p {
            StarPart::Situation => self.situation,
            StarPart::Task => self.task,
            StarPart::Action => self.action,
            StarPart::Result => self.result,
        }
    }
}

#[derive(Deserialize)]
struct Labelled {
    index: usize,
    star: Star,
}

#[derive(Deserialize)]
struct SecondFile {
    labels: Vec<Labelled>,
}

/// The labelled file named on the command line: the first argument that is neither a flag nor
/// the path after `--second`.
pub fn path_arg(args: &[String]) -> Option<String> {
    args.iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--second"))
        .map(|(_, a)| a.clone())
}

/// The second reader's labels by index: from `--second PATH` if given, else from the file
/// beside `path`; `Ok(None)` when there is none beside it. A file that cannot be read or parsed
/// is an error (a silently missing comparison would read as "no second reader").
pub fn load(path: &str, args: &[String]) -> Result<Option<BTreeMap<usize, Star>>, String> {
    let explicit = args
        .iter()
        .position(|a| a == "--second")
        .map(|i| args.get(i + 1).cloned().ok_or("--second needs a path"))
        .transpose()?;
    let beside = path
        .strip_suffix(".json")
        .map(|p| format!("{p}.second.json"));
    // Only for a file of the shared eval folder: a copy elsewhere named like a fixture must
    // not silently take that fixture's labels.
    let shared = path.replace('\\', "/").contains("shared/eval/");
    let kept_here = std::path::Path::new(path)
        .file_stem()
        .filter(|_| shared)
        .map(|stem| {
            format!(
                "tests/fixtures/debrief/{}.second.json",
                stem.to_string_lossy()
            )
        });
    let beside = beside
        .filter(|b| std::path::Path::new(b).exists())
        .or(kept_here);
    let Some(file) = explicit.clone().or(beside) else {
        return Ok(None);
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) if explicit.is_none() && e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(format!("{file}: {e}")),
    };
    let parsed: SecondFile = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    Ok(Some(
        parsed
            .labels
            .into_iter()
            .map(|l| (l.index, l.star))
            .collect(),
    ))
}

/// [`load`], with a missing file as no labels and an error said on standard error (`None`:
/// the caller exits with 1).
pub fn load_or_say(path: &str, args: &[String]) -> Option<BTreeMap<usize, Star>> {
    load(path, args)
        .map_err(|e| eprintln!("{e}"))
        .ok()
        .map(Option::unwrap_or_default)
}

/// Counts, per part, over the answers both readers labelled.
#[derive(Default)]
pub struct Agreement {
    n: usize,
    readers_agree: [usize; 4],
    detector_on_agreed: [usize; 4],
    detector_vs_second: [usize; 4],
}

impl Agreement {
    pub fn add(&mut self, first: &Star, second: &Star, got: &StarCues) {
        self.n += 1;
        for (i, p) in StarPart::ALL.into_iter().enumerate() {
            let (a, b, have) = (first.get(p), second.get(p), got.has(p));
            if a == b {
                self.readers_agree[i] += 1;
                if have == a {
                    self.detector_on_agreed[i] += 1;
                }
            }
            if have == b {
                self.detector_vs_second[i] += 1;
            }
        }
    }

    /// Three lines: the readers' agreement, the detector against the second reader, and the
    /// detector on the answers the two readers agree on (each with its count).
    pub fn print(&self, label: &str) {
        if self.n == 0 {
            return;
        }
        let pct = |k: usize, n: usize| format!("{:4.0}%", 100.0 * k as f64 / n.max(1) as f64);
        let row = |k: &[usize; 4], n: &[usize; 4]| {
            (0..4)
                .map(|i| format!("{} ({}/{})", pct(k[i], n[i]), k[i], n[i]))
                .collect::<Vec<_>>()
                .join("  ")
        };
        let all = [self.n; 4];
        out!("{label:<10} second reader, STAR S/T/A/R (n={}):", self.n);
        out!(
            "{:<10}   readers agree         {}",
            "",
            row(&self.readers_agree, &all)
        );
        out!(
            "{:<10}   detector ~ second     {}",
            "",
            row(&self.detector_vs_second, &all)
        );
        out!(
            "{:<10}   detector where agreed {}",
            "",
            row(&self.detector_on_agreed, &self.readers_agree)
        );
    }
}
