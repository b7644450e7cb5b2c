use std::path::{Path, PathBuf};

use super::*;
use crate::core::grade::Grade;
use crate::core::record::RecordBody;
use crate::core::session::MockFinished;
use crate::fixtures::{FixtureSpec, jsonl, review_records};

/// A snapshot of `reviews` generated reviews (over a year) and a few odd records, with the
/// state file they come from written to `dir/state.jsonl`.
fn snapshot(dir: &Path, reviews: usize) -> (Snapshot, PathBuf) {
    let now = DateTime::from_timestamp(1_780_000_000, 123).unwrap();
    let mut records = review_records(&FixtureSpec::new(30, reviews, now));
    // Ids not in the writer's form (by hand, another tool), odd times and a long answer.
    for (i, id) in ["hand-1", "0191C2D3E4F5-0123456789abcdef", "x", "é"]
        .into_iter()
        .enumerate()
    {
        records.push(Record::new(
            RecordId::new(id),
            now + chrono::Duration::nanoseconds(1_500_000_001 * i as i64),
            RecordBody::Review(crate::core::record::Review {
                deck: DeckId::new(if i == 2 { "other" } else { "bench" }),
                card: CardId::new(format!("card-{i}")),
                grade: Grade::ALL[i],
                took_ms: u64::MAX - i as u64,
                mode: MODES[i % 2],
            }),
        ));
    }
    let deck = DeckId::new("bench");
    records.push(Record::new(
        RecordId::new("s1"),
        now,
        RecordBody::Suspend {
            deck: deck.clone(),
            card: CardId::new("card-3"),
        },
    ));
    records.push(Record::new(
        RecordId::new("b1"),
        now,
        RecordBody::Bury {
            deck,
            card: CardId::new("card-4"),
            until: now,
        },
    ));
    let mock = Record::new(
        RecordId::new("m1"),
        now,
        RecordBody::MockFinished(MockFinished {
            interview: crate::core::ids::InterviewId::new("i1"),
            score: 71,
            completed: false,
        }),
    );
    let text = jsonl(&records);
    let state = dir.join("state.jsonl");
    std::fs::write(&state, &text).unwrap();
    let snapshot = Snapshot {
        prefix: LogPrefix {
            len: text.len() as u64,
            digest: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
            stamp: Some(FileStamp {
                dev: 1,
                ino: 2,
                len: 12_345,
                mtime: (1_780_000_000, 5),
                ctime: (-1, 999_999_999),
            }),
            id_hashes: IdHashes::new(Arc::new(vec![1, 2, 3])),
            count: 3,
        },
        progress: crate::core::schedule::replay(&records, &SchedulerConfig::default()),
        latest: Some((now, RecordId::new("b1"))),
        undone: vec![RecordId::new("x"), RecordId::new("y")],
        mocks: vec![mock],
        own: vec![Record::new(
            RecordId::new("n1"),
            now,
            RecordBody::Note(crate::core::record::CardText {
                deck: DeckId::new("bench"),
                card: CardId::new("card-1"),
                text: "a note \u{1b} kept as written".into(),
            }),
        )],
    };
    (snapshot, state)
}

fn saved(path: &Path, s: &Snapshot, config: &SchedulerConfig) -> bool {
    save(
        path,
        config,
        &SnapshotRef {
            prefix: &s.prefix,
            progress: &s.progress,
            latest: s.latest.as_ref(),
            undone: s.undone.iter().collect(),
            mocks: &s.mocks,
            own: &s.own,
        },
    )
}

/// The first byte of the earlier reviews, of the last (recent) chunk and of the id hashes in
/// the entry saved from `s`.
fn review_offsets(path: &Path, s: &Snapshot) -> (usize, usize, usize) {
    let count = s.progress.reviews().len();
    let bytes = std::fs::read(path).unwrap();
    let head = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let first = 8 + head;
    let hashes = first + count * FIXED;
    assert_eq!(
        bytes.len(),
        hashes + s.prefix.id_hashes.get().unwrap().len() * 8
    );
    (first, first + (count - 1) / CHUNK * CHUNK * FIXED, hashes)
}

#[test]
fn a_snapshot_round_trips_exactly() {
    for reviews in [0, 400, 3 * CHUNK + 5] {
        let dir = tempfile::tempdir().unwrap();
        let (s, state) = snapshot(dir.path(), reviews);
        assert!(s.progress.cards().any(|(_, c)| c.suspended));
        assert!(s.progress.cards().any(|(_, c)| c.buried_until.is_some()));
        assert!(
            s.progress
                .reviews()
                .iter()
                .any(|r| r.interval_seconds().is_some())
        );
        assert!(
            s.progress
                .reviews()
                .iter()
                .any(|r| r.at.timestamp_subsec_nanos() > 0)
        );
        let config = SchedulerConfig::default();
        let path = dir.path().join("cache").join("progress.bin");
        assert!(saved(&path, &s, &config));
        let loaded = load(&path, &state, &config).unwrap();
        // A long history leaves its earlier reviews to be read when asked for; the streak's
        // answers come without them, the same as from the reviews.
        assert_eq!(loaded.progress.has_unread_reviews(), reviews > 0);
        assert_eq!(loaded.progress.activity(), s.progress.activity());
        assert_eq!(loaded.progress.has_unread_reviews(), reviews > 0);
        assert_eq!(loaded, s);
        assert!(!loaded.progress.has_unread_reviews());
    }
}

#[test]
fn other_settings_or_damage_to_the_head_or_recent_reviews_is_a_miss() {
    let dir = tempfile::tempdir().unwrap();
    let (s, state) = snapshot(dir.path(), 2 * CHUNK);
    let config = SchedulerConfig::default();
    let path = dir.path().join("cache").join("progress.bin");
    assert!(saved(&path, &s, &config));
    let bytes = std::fs::read(&path).unwrap();
    let other = SchedulerConfig {
        maximum_interval: 365,
        ..SchedulerConfig::default()
    };
    assert_eq!(load(&path, &state, &other), None);
    let (earlier, recent, hashes) = review_offsets(&path, &s);
    let write = |b: &[u8]| std::fs::write(&path, b).unwrap();
    for cut in [0, 8, 30, earlier - 1, earlier + 1, bytes.len() - 1] {
        write(&bytes[..cut]);
        assert_eq!(load(&path, &state, &config), None, "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    write(&longer);
    assert_eq!(load(&path, &state, &config), None);
    for i in (0..earlier).step_by(97).chain((recent..hashes).step_by(89)) {
        let mut b = bytes.clone();
        b[i] ^= 1;
        write(&b);
        assert_eq!(load(&path, &state, &config), None, "byte {i}");
    }
}

/// Damage to the earlier reviews shows only when they are read: they are then replayed from
/// the state file; when that changed too, the progress says it is incomplete and is never saved.
#[test]
fn damaged_earlier_reviews_come_from_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let (s, state) = snapshot(dir.path(), 3 * CHUNK);
    let config = SchedulerConfig::default();
    let path = dir.path().join("cache").join("progress.bin");
    assert!(saved(&path, &s, &config));
    let (earlier, _, _) = review_offsets(&path, &s);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[earlier + 5] ^= 1;
    std::fs::write(&path, &bytes).unwrap();
    let loaded = load(&path, &state, &config).unwrap();
    assert!(loaded.progress.has_unread_reviews());
    assert_eq!(loaded, s);
    assert!(loaded.progress.is_complete());

    let loaded = load(&path, &state, &config).unwrap();
    let mut log = std::fs::read(&state).unwrap();
    log[10] ^= 1;
    std::fs::write(&state, &log).unwrap();
    assert!(loaded.progress.reviews().len() < s.progress.reviews().len());
    assert!(!loaded.progress.is_complete());
    let again = dir.path().join("cache").join("again.bin");
    assert!(!saved(&again, &loaded, &config));
    assert!(!again.exists());
}

/// The id hashes are read when first needed; damaged, they come from the log's records.
#[test]
fn id_hashes_are_read_when_needed_or_from_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, state) = snapshot(dir.path(), 40);
    let records = crate::store::log::read(&state).unwrap().records;
    s.prefix.id_hashes = IdHashes::new(Arc::new(hashes_of(&records)));
    let config = SchedulerConfig::default();
    let path = dir.path().join("cache").join("progress.bin");
    assert!(saved(&path, &s, &config));
    let loaded = load(&path, &state, &config).unwrap();
    assert_eq!(
        format!("{:?}", loaded.prefix.id_hashes),
        "IdHashes(not read yet)"
    );
    assert_eq!(loaded.prefix, s.prefix);
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 3;
    bytes[last] ^= 1;
    std::fs::write(&path, &bytes).unwrap();
    let loaded = load(&path, &state, &config).unwrap();
    assert_eq!(loaded.prefix, s.prefix);
    // Neither readable: unknown, and never saved.
    let loaded = load(&path, &state, &config).unwrap();
    std::fs::write(&state, b"").unwrap();
    assert_eq!(loaded.prefix.id_hashes.get(), None);
    let again = dir.path().join("cache").join("again.bin");
    assert!(!saved(&again, &loaded, &config));
}

#[test]
fn saving_and_loading_go_through_a_private_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache").join("progress.bin");
    let (s, state) = snapshot(dir.path(), 400);
    let config = SchedulerConfig::default();
    assert_eq!(load(&path, &state, &config), None);
    assert!(saved(&path, &s, &config));
    assert_eq!(load(&path, &state, &config), Some(s.clone()));
    // A copy in another home (another key) is not trusted.
    let other = tempfile::tempdir().unwrap();
    let copied = other.path().join("cache").join("progress.bin");
    std::fs::create_dir_all(copied.parent().unwrap()).unwrap();
    std::fs::copy(&path, &copied).unwrap();
    assert_eq!(load(&copied, &state, &config), None);
    cache_key::get_or_make(copied.parent().unwrap()).unwrap();
    assert_eq!(load(&copied, &state, &config), None);
}
