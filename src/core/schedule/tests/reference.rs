//! Differential test against the reference scheduler: random review sequences recorded from
//! py-fsrs 6.3.2 (`tests/fixtures/py-fsrs/`, made by `generate.py` there) replayed through
//! [`Scheduler`]. Every review must give the same phase and step, the same due time to the
//! second, and the same stability and difficulty to 4 decimals.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::core::grade::Grade;
use crate::core::schedule::{CardMemory, Phase, Scheduler, SchedulerConfig, Step};

const FIXTURE: &str = include_str!("../../../../tests/fixtures/py-fsrs/sequences.json");

#[derive(Deserialize)]
struct Run {
    py_fsrs: String,
    sequences: Vec<Sequence>,
}

#[derive(Deserialize)]
struct Sequence {
    parameters: Option<Vec<f64>>,
    desired_retention: f64,
    learning_steps: Vec<i64>,
    relearning_steps: Vec<i64>,
    reviews: Vec<Reviewed>,
}

#[derive(Deserialize)]
struct Reviewed {
    at: DateTime<Utc>,
    grade: u8,
    state: String,
    step: usize,
    due: DateTime<Utc>,
    stability: f64,
    difficulty: f64,
}

fn steps(seconds: &[i64]) -> Vec<Step> {
    seconds
        .iter()
        .map(|s| format!("{s}s").parse().unwrap())
        .collect()
}

#[test]
fn agrees_with_a_recorded_py_fsrs_run() {
    let run: Run = serde_json::from_str(FIXTURE).unwrap();
    assert_eq!(
        run.py_fsrs, "6.3.2",
        "docs/configuration.md names this version"
    );
    assert!(run.sequences.len() >= 300);
    let mut reviews = 0;
    let mut same_day_hard = 0;
    for (n, seq) in run.sequences.iter().enumerate() {
        let config = SchedulerConfig {
            desired_retention: seq.desired_retention,
            learning_steps: steps(&seq.learning_steps),
            relearning_steps: steps(&seq.relearning_steps),
            fuzz: false,
            parameters: seq.parameters.clone(),
            ..SchedulerConfig::default()
        };
        assert_eq!(config.validate(), Ok(()), "sequence {n}");
        let scheduler = Scheduler::new(&config);
        let mut card = CardMemory::new();
        for (i, r) in seq.reviews.iter().enumerate() {
            let grade = Grade::ALL[usize::from(r.grade) - 1];
            if grade == Grade::Hard
                && card
                    .last_review
                    .is_some_and(|last| (r.at - last).num_seconds() < 86_400)
            {
                same_day_hard += 1;
            }
            card = scheduler.review(&card, grade, r.at, None);
            let at = format!("sequence {n} review {i} ({grade} at {})", r.at);
            let phase = match card.phase {
                Phase::New => "new",
                Phase::Learning => "learning",
                Phase::Review => "review",
                Phase::Relearning => "relearning",
            };
            assert_eq!((phase, card.step), (r.state.as_str(), r.step), "{at}");
            assert_eq!(card.due, Some(r.due), "{at}");
            let m = card.memory.unwrap();
            assert!(
                (m.stability - r.stability).abs() < 5e-5,
                "{at}: stability {} vs {}",
                m.stability,
                r.stability
            );
            assert!(
                (m.difficulty - r.difficulty).abs() < 5e-5,
                "{at}: difficulty {} vs {}",
                m.difficulty,
                r.difficulty
            );
            reviews += 1;
        }
    }
    // The run covers what it is for: many reviews, and the case 6.3.2 changed.
    assert!(reviews > 2_000, "{reviews}");
    assert!(same_day_hard > 100, "{same_day_hard}");
}
