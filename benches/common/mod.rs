//! Timing shared by the benchmarks.

use std::time::{Duration, Instant};

/// Median and fastest of `runs` runs of `f` (at least one), and the last run's value.
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let runs = runs.max(1);
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        // Dropping the previous run's value is not part of the work measured (and releases
        // what it holds, such as the state file's lock).
        drop(last.take());
        let start = Instant::now();
        let value = std::hint::black_box(f());
        times.push(start.elapsed());
        last = Some(value);
    }
    times.sort();
    let Some(value) = last else {
        unreachable!("runs > 0")
    };
    (times[runs / 2], times[0], value)
}
