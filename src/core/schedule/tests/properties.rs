use chrono::Duration;
use proptest::prelude::*;

use super::support::{Log, at};
use crate::core::grade::Grade;
use crate::core::ids::CardKey;
use crate::core::schedule::{CardMemory, Scheduler, SchedulerConfig, replay};

fn grade() -> impl Strategy<Value = Grade> {
    prop::sample::select(Grade::ALL.to_vec())
}

/// Gaps between reviews: mostly minutes to weeks, sometimes years.
fn gap() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..30, 0i64..(60 * 24 * 3), 0i64..(60 * 24 * 400)]
}

fn history() -> impl Strategy<Value = Vec<(usize, Grade, i64)>> {
    prop::collection::vec((0usize..3, grade(), gap()), 0..40)
}

fn config() -> impl Strategy<Value = SchedulerConfig> {
    (any::<bool>(), 70u32..=99).prop_map(|(fuzz, r)| SchedulerConfig {
        fuzz,
        desired_retention: f64::from(r) / 100.0,
        ..SchedulerConfig::default()
    })
}

/// One card walked through `grades` with the given gaps.
fn walk(
    s: &Scheduler,
    steps: &[(usize, Grade, i64)],
) -> (CardMemory, chrono::DateTime<chrono::Utc>) {
    let mut now = at("2026-01-01T08:00:00Z");
    let mut card = CardMemory::new();
    for (i, (_, g, gap)) in steps.iter().enumerate() {
        now += Duration::minutes(*gap);
        card = s.review(&card, *g, now, Some(i as u64));
    }
    (card, now)
}

fn log_of(steps: &[(usize, Grade, i64)]) -> Log {
    let mut log = Log::default();
    let mut now = at("2026-01-01T08:00:00Z");
    for (card, g, gap) in steps {
        now += Duration::minutes(*gap);
        log.review("d", &format!("c{card}"), *g, now);
    }
    log
}

proptest! {
    #[test]
    fn harder_grades_never_give_shorter_intervals(
        steps in history(), cfg in config(), wait in gap(), seed in any::<u64>()
    ) {
        let s = Scheduler::new(&cfg);
        let (card, last) = walk(&s, &steps);
        let now = last + Duration::minutes(wait);
        let preview = s.preview(&card, now);
        for pair in preview.windows(2) {
            prop_assert!(pair[0].interval <= pair[1].interval, "{preview:?}");
        }
        let fuzzed: Vec<_> = Grade::ALL
            .iter()
            .map(|g| s.review(&card, *g, now, Some(seed)).due)
            .collect();
        for pair in fuzzed.windows(2) {
            prop_assert!(pair[0] <= pair[1], "{fuzzed:?}");
        }
    }

    #[test]
    fn due_is_never_before_the_review(steps in history(), cfg in config(), g in grade()) {
        let s = Scheduler::new(&cfg);
        let (card, now) = walk(&s, &steps);
        let next = s.review(&card, g, now, Some(3));
        prop_assert!(next.due.unwrap() > now);
        prop_assert!(next.due.unwrap() - now <= Duration::days(i64::from(cfg.maximum_interval)));
        let m = next.memory.unwrap();
        prop_assert!(m.stability > 0.0 && m.stability.is_finite());
        prop_assert!((1.0..=10.0).contains(&m.difficulty));
    }

    #[test]
    fn replay_is_deterministic_and_ignores_line_order(
        steps in history(), cfg in config(), split in 0usize..40, shuffle_seed in any::<u64>()
    ) {
        let records = log_of(&steps).records;
        let once = replay(&records, &cfg);
        prop_assert_eq!(&once, &replay(&records, &cfg));

        // Two devices' logs merged: one's lines, then the other's.
        let split = split.min(records.len());
        let (odd, even): (Vec<_>, Vec<_>) = records
            .iter()
            .cloned()
            .enumerate()
            .partition(|(i, _)| (i + split) % 2 == 1);
        let merged: Vec<_> = odd.into_iter().chain(even).map(|(_, r)| r).collect();
        prop_assert_eq!(&once, &replay(&merged, &cfg));

        // Any order at all.
        let mut shuffled = records.clone();
        let mut x = shuffle_seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(&once, &replay(&shuffled, &cfg));
    }

    #[test]
    fn replay_agrees_with_stepping_each_card(steps in history()) {
        let cfg = SchedulerConfig { fuzz: false, ..SchedulerConfig::default() };
        let s = Scheduler::new(&cfg);
        let p = replay(&log_of(&steps).records, &cfg);
        for c in 0..3 {
            let mut now = at("2026-01-01T08:00:00Z");
            let mut card = CardMemory::new();
            let mut seen = false;
            for (k, g, gap) in &steps {
                now += Duration::minutes(*gap);
                if *k == c {
                    card = s.review(&card, *g, now, None);
                    seen = true;
                }
            }
            let key = CardKey::new("d", format!("c{c}"));
            prop_assert_eq!(p.card(&key), seen.then_some(&card));
        }
    }
}

proptest! {
    /// Appending the latest record on its own gives what a full replay gives.
    #[test]
    fn applying_the_latest_record_equals_a_full_replay(
        steps in prop::collection::vec((0usize..6, 0u8..5, grade(), gap()), 0..40),
        cfg in config(),
    ) {
        let mut log = Log::default();
        let mut now = at("2026-01-01T08:00:00Z");
        let mut progress = replay(&[], &cfg);
        for (card, action, g, gap) in &steps {
            now += Duration::minutes(*gap);
            let card = format!("c{card}");
            match action {
                0 => log.suspend("d", &card, now),
                1 => log.unsuspend("d", &card, now),
                2 => log.bury("d", &card, now, now + Duration::hours(3)),
                _ => {
                    log.review("d", &card, *g, now);
                }
            }
            let latest = log.records.last().cloned();
            if let Some(record) = latest {
                progress.apply_latest(&record, &cfg);
            }
            let full = replay(&log.records, &cfg);
            prop_assert_eq!(&progress, &full);
            // The index is right too.
            for (key, memory) in full.cards() {
                prop_assert_eq!(progress.card(key), Some(memory));
            }
        }
    }
}
