//! Merging two copies of the state file: a union by record id, durable, idempotent.

use crate::support;

use std::fs;
use std::path::Path;

use prepdeck::core::record::Record;
use prepdeck::store::log::{self, StateLog};
use support::{at, review};

/// A log with `n` reviews; returns them.
fn log_with(path: &Path, n: u64) -> Vec<Record> {
    let (mut log, _) = StateLog::open(path).unwrap();
    (0..n)
        .map(|i| log.append(review(i), at(i as i64)).unwrap())
        .collect()
}

#[test]
fn merge_adds_only_missing_records_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine/state.jsonl");
    let theirs = dir.path().join("theirs/state.jsonl");
    let a = log_with(&mine, 3);
    let (mut log, _) = StateLog::open(&theirs).unwrap();
    log.append_records(&a[..1]).unwrap();
    let later = log.append(review(20), at(20)).unwrap();
    let earlier = log.append(review(10), at(-10)).unwrap();
    drop(log);

    let report = log::merge(&mine, &theirs).unwrap();
    assert_eq!((report.added, report.already_present), (2, 1));
    assert!(report.to_string().contains("2 new record(s)"), "{report}");
    let merged = log::read(&mine).unwrap().records;
    assert_eq!(merged[3..], [earlier, later]);

    let before = fs::read(&mine).unwrap();
    let twice = log::merge(&mine, &theirs).unwrap();
    assert_eq!((twice.added, twice.already_present), (0, 3));
    assert_eq!(fs::read(&mine).unwrap(), before);

    let missing = dir.path().join("nope/state.jsonl");
    let err = log::merge(&mine, &missing).unwrap_err();
    assert!(err.to_string().contains("nope"), "{err}");
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn write_log(path: &Path, records: &[Record]) {
        let (mut log, _) = StateLog::open(path).unwrap();
        log.append_records(records).unwrap();
    }

    fn by_id(records: Vec<Record>) -> BTreeMap<String, Record> {
        records
            .into_iter()
            .map(|r| (r.id.as_str().to_string(), r))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Records are drawn from one pool (ids are unique, as they are in real use), each
        /// side gets a subset: merging either way gives the union, and twice changes nothing.
        #[test]
        fn merge_is_a_union(
            picks in proptest::collection::vec((any::<bool>(), any::<bool>(), -500i64..500), 0..12)
        ) {
            let pool: Vec<Record> = picks
                .iter()
                .enumerate()
                .map(|(i, (_, _, minute))| {
                    Record::new(format!("id-{i:03}").as_str().into(), at(*minute), review(i as u64))
                })
                .collect();
            let a: Vec<Record> = pool.iter().zip(&picks).filter(|(_, p)| p.0).map(|(r, _)| r.clone()).collect();
            let b: Vec<Record> = pool.iter().zip(&picks).filter(|(_, p)| p.1).map(|(r, _)| r.clone()).collect();
            let dir = tempfile::tempdir().unwrap();
            let (a1, b1) = (dir.path().join("a1/state.jsonl"), dir.path().join("b1/state.jsonl"));
            let (a2, b2) = (dir.path().join("a2/state.jsonl"), dir.path().join("b2/state.jsonl"));
            write_log(&a1, &a);
            write_log(&a2, &a);
            write_log(&b1, &b);
            write_log(&b2, &b);

            log::merge(&a1, &b1).unwrap();
            log::merge(&b2, &a2).unwrap();
            let ab = log::read(&a1).unwrap().records;
            let ba = log::read(&b2).unwrap().records;
            let mut union = by_id(a.clone());
            union.extend(by_id(b.clone()));
            prop_assert_eq!(by_id(ab.clone()), union.clone());
            prop_assert_eq!(by_id(ba), union);

            let before = fs::read(&a1).unwrap();
            let again = log::merge(&a1, &b1).unwrap();
            prop_assert_eq!(again.added, 0);
            prop_assert_eq!(fs::read(&a1).unwrap(), before);
        }
    }
}
