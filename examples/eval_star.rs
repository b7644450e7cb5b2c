//! STAR detection on the project's own labelled stories and on the lint's filler answers.
//!
//! `cargo run --release --example eval_star -- [PATH] [--verbose]`
//! (PATH defaults to `tests/fixtures/star/stories.json`: behavioural answers written for this
//! test, each with the STAR parts a careful reader marks; see the fixture's notes). Prints the
//! accuracy per part, the filler answers' parts (they should have none) and, with `--verbose`,
//! every disagreement with the words that showed a part. A second reader's labels beside the
//! file (`NAME.second.json`, or `--second PATH`) add the two readers' agreement and the
//! detector's accuracy where they agree (`examples/common/second_reader.rs`).

use std::process::ExitCode;

use prepdeck::core::analysis::{StarCues, StarPart};
use prepdeck::core::deck::FILLER_ANSWERS;
use serde::Deserialize;

#[macro_use]
#[path = "common/out.rs"]
mod out;
#[path = "common/second_reader.rs"]
mod second_reader;
use second_reader::{Agreement, Star};

#[derive(Deserialize)]
struct Story {
    id: String,
    answer: String,
    star: Star,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let path =
        second_reader::path_arg(&args).unwrap_or_else(|| "tests/fixtures/star/stories.json".into());
    let stories: Vec<Story> = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    // Per part: right, false positives, false negatives.
    let mut ok = [0usize; 4];
    let mut fp = [0usize; 4];
    let mut fn_ = [0usize; 4];
    let Some(second) = second_reader::load_or_say(&path, &args) else {
        return ExitCode::from(1);
    };
    let mut agreement = Agreement::default();
    for (index, s) in stories.iter().enumerate() {
        let got = StarCues::detect(&s.answer);
        if let Some(other) = second.get(&index) {
            agreement.add(&s.star, other, &got);
        }
        for (i, p) in StarPart::ALL.into_iter().enumerate() {
            let (want, have) = (s.star.get(p), got.has(p));
            match (want, have) {
                _ if want == have => ok[i] += 1,
                (false, true) => fp[i] += 1,
                _ => fn_[i] += 1,
            }
            if verbose && want != have {
                out!(
                    "{}: {} want {want}, got {have} {:?}",
                    s.id,
                    p.label(),
                    got.cue(p)
                );
            }
        }
    }
    let n = stories.len();
    out!("{n} stories from {path}");
    for (i, p) in StarPart::ALL.into_iter().enumerate() {
        out!(
            "{:<10} {:4.0}% ({}/{n})  found but absent {}, missed {}",
            p.label(),
            100.0 * ok[i] as f64 / n.max(1) as f64,
            ok[i],
            fp[i],
            fn_[i]
        );
    }
    agreement.print("stories");
    let with_parts: Vec<String> = FILLER_ANSWERS
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let got = StarCues::detect(t);
            (!got.present().is_empty()).then(|| {
                let parts: Vec<String> = got
                    .present()
                    .into_iter()
                    .map(|p| format!("{} {:?}", p.label(), got.cue(p).unwrap_or("")))
                    .collect();
                format!("  filler {}: {}", i + 1, parts.join(", "))
            })
        })
        .collect();
    out!(
        "filler answers with a STAR part: {} of {}",
        with_parts.len(),
        FILLER_ANSWERS.len()
    );
    for l in with_parts {
        out!("{l}");
    }
    ExitCode::SUCCESS
}
