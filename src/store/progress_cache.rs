//! A cache of the replayed state file in `<home>/cache/progress.bin`, so that a start does not
//! read and replay a long history (100,000 reviews took ~40 ms) but only what was appended
//! since the cache was made.
//!
//! The state file stays the only truth. An entry says which bytes it was made from (the
//! length of the file then, a 128-bit hash of those bytes and a hash of each record id): it is
//! used only when the state file still starts with exactly those bytes
//! ([`crate::store::log::StateLog::open_resuming`] checks), with the same scheduler settings
//! (the replay depends on them), by a build with the same replay, scheduler, record format and
//! encoding (a hash of their source is compiled in). Anything else (missing, truncated,
//! corrupt, another build, other settings, a rewritten log) is ignored and the log is replayed
//! in full: the cache can never cause an error or a different schedule. Entries are written
//! atomically (0600, in a 0700 folder); failing to write one is ignored.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::core::fast_hash::FastMap;
use crate::core::ids::{CardId, CardKey, DeckId, RecordId};
use crate::core::record::{Record, ReviewMode};
use crate::core::schedule::{CardMemory, Memory, Phase, Progress, SchedulerConfig, review_room};
use crate::store::bounded::{MAX_CACHE_BYTES, open_regular};
use crate::store::cache_key;
#[cfg(test)]
use crate::store::codec::unseal;
use crate::store::codec::{Dec, Enc, fingerprint};
use crate::store::log::{FileStamp, LogPrefix};
use crate::store::paths::{ensure_private_dir, write_cache_replace};
use crate::store::review_codec;

const MAGIC: &[u8; 8] = b"PDPROG1\n";

/// Changes whenever anything that decides what a log replays to, or this encoding, changes.
/// (Cargo.lock: the record parser's own dependencies, serde_json and chrono, decide what a
/// line reads as.)
const BUILD: u64 = fingerprint(&[
    env!("CARGO_PKG_VERSION"),
    include_str!("../../Cargo.lock"),
    include_str!("progress_cache.rs"),
    include_str!("codec.rs"),
    include_str!("review_codec.rs"),
    include_str!("log/scan.rs"),
    include_str!("log/fast.rs"),
    include_str!("log/writer.rs"),
    include_str!("log/known_ids.rs"),
    include_str!("log/resume.rs"),
    include_str!("../study/log_study.rs"),
    include_str!("../core/fast_hash.rs"),
    include_str!("../core/ids.rs"),
    include_str!("../core/grade.rs"),
    include_str!("../core/session/records.rs"),
    include_str!("../core/session/setup.rs"),
    include_str!("../core/record.rs"),
    include_str!("../core/schedule/replay.rs"),
    include_str!("../core/schedule/progress.rs"),
    include_str!("../core/schedule/scheduler.rs"),
    include_str!("../core/schedule/fsrs_formulas.rs"),
    include_str!("../core/schedule/card.rs"),
    include_str!("../core/schedule/fuzz.rs"),
    include_str!("../core/schedule/config.rs"),
]);

/// What the app keeps of a replayed log besides the log itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The bytes of the state file this was made from.
    pub prefix: LogPrefix,
    pub progress: Progress,
    /// The last record in replay order (time, then id).
    pub latest: Option<(DateTime<Utc>, RecordId)>,
    /// Every record an `Undo` targets.
    pub undone: Vec<RecordId>,
    /// The mock-interview records, in file order.
    pub mocks: Vec<Record>,
    /// The candidate's own material (notes, own answers, drill drafts), in file order.
    pub own: Vec<Record>,
}

/// The same, borrowed, to save without copying.
pub struct SnapshotRef<'a> {
    pub prefix: &'a LogPrefix,
    pub progress: &'a Progress,
    pub latest: Option<&'a (DateTime<Utc>, RecordId)>,
    pub undone: Vec<&'a RecordId>,
    pub mocks: &'a [Record],
    pub own: &'a [Record],
}

/// The settings a snapshot was replayed with, as compared on load: every scheduler setting
/// but the ones only today's queue uses (so a new setting counts unless left out here).
fn settings(config: &SchedulerConfig) -> String {
    let queue_only = SchedulerConfig::default();
    let replayed = SchedulerConfig {
        new_per_day: queue_only.new_per_day,
        reviews_per_day: queue_only.reviews_per_day,
        day_starts_at: queue_only.day_starts_at,
        ..config.clone()
    };
    serde_json::to_string(&replayed).unwrap_or_default()
}

/// The cached snapshot, if `path` holds one made by this build with `config`.
///
/// Read a piece at a time (at a million reviews the entry is ~70 MB: read whole, it would
/// double the memory a start needs, and the time to clear that memory was most of a start).
pub fn load(path: &Path, config: &SchedulerConfig) -> Option<Snapshot> {
    let key = cache_key::existing(path.parent()?)?;
    let mut file = open_regular(path, std::fs::OpenOptions::new().read(true)).ok()?;
    let size = file.metadata().ok()?.len();
    if size > MAX_CACHE_BYTES {
        return None;
    }
    decode_from(Dec::sealed_stream(MAGIC, key, &mut file, size)?, config)
}

/// Saves `snapshot` for `config`; `false` if it could not be written (only a cache: the
/// caller carries on either way).
pub fn save(path: &Path, config: &SchedulerConfig, snapshot: &SnapshotRef<'_>) -> bool {
    let Some(key) = path.parent().and_then(cache_key::get_or_make) else {
        return false;
    };
    let bytes = encode(config, snapshot, key);
    path.parent()
        .is_some_and(|dir| ensure_private_dir(dir).is_ok())
        && write_cache_replace(path, &bytes).is_ok()
}

fn encode(config: &SchedulerConfig, s: &SnapshotRef<'_>, key: u128) -> Vec<u8> {
    let progress = s.progress;
    let mut e = Enc::with_capacity(64 + progress.len() * 96 + progress.reviews().len() * 27);
    e.u64(BUILD);
    e.str(&settings(config));
    e.u64(s.prefix.len);
    e.u64(s.prefix.digest as u64);
    e.u64((s.prefix.digest >> 64) as u64);
    e.u64(s.prefix.count as u64);
    match s.prefix.stamp {
        None => e.u8(0),
        Some(stamp) => {
            e.u8(1);
            for n in [stamp.dev, stamp.ino, stamp.len] {
                e.u64(n);
            }
            for (secs, nanos) in [stamp.mtime, stamp.ctime] {
                e.u64(secs as u64);
                e.u64(nanos as u64);
            }
        }
    }
    e.u64(s.prefix.id_hashes.len() as u64);
    for h in s.prefix.id_hashes.iter() {
        e.u64(*h);
    }
    // Each review's card by its shared key: a pointer, not a string, to look up.
    let positions: FastMap<*const CardKey, usize> = progress
        .entries()
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (Arc::as_ptr(key), i))
        .collect();
    e.u64(progress.len() as u64);
    for (key, memory) in progress.entries() {
        e.str(key.deck.as_str());
        e.str(key.card.as_str());
        card_memory(&mut e, memory);
    }
    e.u64(progress.reviews().len() as u64);
    for r in progress.reviews() {
        // A review's key is its card's (replay, apply_latest and from_parts share them). One
        // that is not would be written out of range, and the entry would fail to load.
        let position = positions
            .get(&Arc::as_ptr(&r.key))
            .and_then(|&p| u32::try_from(p).ok())
            .unwrap_or(u32::MAX);
        review_codec::write(&mut e, r, position);
    }
    match s.latest {
        None => e.u8(0),
        Some((at, id)) => {
            e.u8(1);
            e.time(*at);
            e.str(id.as_str());
        }
    }
    e.u64(s.undone.len() as u64);
    for id in &s.undone {
        e.str(id.as_str());
    }
    e.u64(s.mocks.len() as u64);
    for m in s.mocks {
        e.str(&serde_json::to_string(m).unwrap_or_default());
    }
    e.u64(s.own.len() as u64);
    for m in s.own {
        e.str(&serde_json::to_string(m).unwrap_or_default());
    }
    e.seal(MAGIC, key)
}

fn card_memory(e: &mut Enc, m: &CardMemory) {
    e.u8(phase_code(m.phase));
    e.u64(m.step as u64);
    match m.memory {
        None => e.u8(0),
        Some(memory) => {
            e.u8(1);
            e.f64(memory.stability);
            e.f64(memory.difficulty);
        }
    }
    e.opt_time(m.due);
    e.opt_time(m.last_review);
    e.u64(u64::from(m.reps));
    e.u64(u64::from(m.lapses));
    e.bool(m.suspended);
    e.opt_time(m.buried_until);
    e.bool(m.leech);
}

pub(crate) const PHASES: [Phase; 4] = [
    Phase::New,
    Phase::Learning,
    Phase::Review,
    Phase::Relearning,
];
pub(crate) const MODES: [ReviewMode; 2] = [ReviewMode::Drill, ReviewMode::Mock];

pub(crate) fn phase_code(p: Phase) -> u8 {
    PHASES.iter().position(|x| *x == p).unwrap_or(0) as u8
}

pub(crate) fn mode_code(m: ReviewMode) -> u8 {
    MODES.iter().position(|x| *x == m).unwrap_or(0) as u8
}

#[cfg(test)]
fn decode(bytes: &[u8], config: &SchedulerConfig, key: u128) -> Option<Snapshot> {
    let in_memory = decode_from(Dec::new(unseal(MAGIC, key, bytes)?), config);
    // The same bytes read as a file is: the same answer.
    let mut read = bytes;
    let streamed = Dec::sealed_stream(MAGIC, key, &mut read, bytes.len() as u64)
        .and_then(|d| decode_from(d, config));
    assert_eq!(in_memory, streamed);
    in_memory
}

fn decode_from(mut d: Dec<'_>, config: &SchedulerConfig) -> Option<Snapshot> {
    if d.u64()? != BUILD || d.str()? != settings(config) {
        return None;
    }
    let len = d.u64()?;
    let digest = u128::from(d.u64()?) | (u128::from(d.u64()?) << 64);
    let count = usize::try_from(d.u64()?).ok()?;
    let stamp = d.opt(|d| {
        Some(FileStamp {
            dev: d.u64()?,
            ino: d.u64()?,
            len: d.u64()?,
            mtime: (d.u64()? as i64, d.u64()? as i64),
            ctime: (d.u64()? as i64, d.u64()? as i64),
        })
    })?;
    let id_hashes = Arc::new(d.list_reserving(8, |_| 0, Dec::u64)?);
    let prefix = LogPrefix {
        len,
        digest,
        stamp,
        id_hashes,
        count,
    };
    let cards = d.list(|d| {
        let key = Arc::new(CardKey {
            deck: DeckId(d.str()?),
            card: CardId(d.str()?),
        });
        Some((key, read_card_memory(d)?))
    })?;
    // Each review takes 27 bytes: room for all of them at once, and for what the
    // session adds (no regrowth, which would briefly need twice the memory of a long history).
    let mut reader = review_codec::Reader::default();
    let reviews = d.list_reserving(27, review_room, |d| reader.read(d, &cards))?;
    let latest = d.opt(|d| Some((d.time()?, RecordId(d.str()?))))?;
    let undone = d.list(|d| d.str().map(RecordId))?;
    let mocks = d.list(|d| serde_json::from_str::<Record>(&d.str()?).ok())?;
    let own = d.list(|d| serde_json::from_str::<Record>(&d.str()?).ok())?;
    if !d.finish() {
        return None;
    }
    Some(Snapshot {
        prefix,
        progress: Progress::from_parts(cards, reviews)?,
        latest,
        undone,
        mocks,
        own,
    })
}

fn read_card_memory(d: &mut Dec<'_>) -> Option<CardMemory> {
    Some(CardMemory {
        phase: *PHASES.get(usize::from(d.u8()?))?,
        step: usize::try_from(d.u64()?).ok()?,
        memory: d.opt(|d| {
            Some(Memory {
                stability: d.f64()?,
                difficulty: d.f64()?,
            })
        })?,
        due: d.opt_time()?,
        last_review: d.opt_time()?,
        reps: u32::try_from(d.u64()?).ok()?,
        lapses: u32::try_from(d.u64()?).ok()?,
        suspended: d.bool()?,
        buried_until: d.opt_time()?,
        leech: d.bool()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::grade::Grade;
    use crate::core::record::RecordBody;
    use crate::core::session::MockFinished;
    use crate::fixtures::{FixtureSpec, review_records};

    fn snapshot() -> Snapshot {
        let now = DateTime::from_timestamp(1_780_000_000, 123).unwrap();
        let mut records = review_records(&FixtureSpec::new(30, 400, now));
        // Ids not in the writer's form (by hand, another tool), odd times and a long answer.
        for (i, id) in ["hand-1", "0191C2D3E4F5-0123456789abcdef", "", "é"]
            .into_iter()
            .enumerate()
        {
            records.push(Record::new(
                RecordId::new(id),
                now + chrono::Duration::nanoseconds(1_500_000_001 * i as i64),
                RecordBody::Review(crate::core::record::Review {
                    deck: DeckId::new("bench"),
                    card: CardId::new(format!("card-{i}")),
                    grade: Grade::ALL[i],
                    took_ms: u64::MAX - i as u64,
                    mode: MODES[i % 2],
                }),
            ));
        }
        let deck = DeckId::new("bench");
        let card = CardId::new("card-3");
        records.push(Record::new(
            RecordId::new("s1"),
            now,
            RecordBody::Suspend {
                deck: deck.clone(),
                card: card.clone(),
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
        Snapshot {
            prefix: LogPrefix {
                len: 12_345,
                digest: u128::MAX - 7,
                stamp: Some(FileStamp {
                    dev: 1,
                    ino: 2,
                    len: 12_345,
                    mtime: (1_780_000_000, 5),
                    ctime: (-1, 999_999_999),
                }),
                id_hashes: Arc::new(vec![1, 2, 3]),
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
        }
    }

    fn encoded(s: &Snapshot, config: &SchedulerConfig) -> Vec<u8> {
        encode(
            config,
            &SnapshotRef {
                prefix: &s.prefix,
                progress: &s.progress,
                latest: s.latest.as_ref(),
                undone: s.undone.iter().collect(),
                mocks: &s.mocks,
                own: &s.own,
            },
            KEY,
        )
    }

    const KEY: u128 = 0x0123_4567_89ab_cdef;

    #[test]
    fn a_snapshot_round_trips_exactly() {
        let s = snapshot();
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
        assert_eq!(decode(&encoded(&s, &config), &config, KEY), Some(s));
    }

    #[test]
    fn other_settings_or_any_damage_is_a_miss() {
        let s = snapshot();
        let config = SchedulerConfig::default();
        let bytes = encoded(&s, &config);
        let other = SchedulerConfig {
            maximum_interval: 365,
            ..SchedulerConfig::default()
        };
        assert_eq!(decode(&bytes, &other, KEY), None);
        assert_eq!(decode(&bytes, &config, KEY + 1), None, "another home's key");
        for cut in [0, 8, 30, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(decode(&bytes[..cut], &config, KEY), None);
        }
        for i in (0..bytes.len()).step_by(97) {
            let mut b = bytes.clone();
            b[i] ^= 1;
            assert_eq!(decode(&b, &config, KEY), None, "byte {i}");
        }
    }

    #[test]
    fn saving_and_loading_go_through_a_private_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache").join("progress.bin");
        let s = snapshot();
        let config = SchedulerConfig::default();
        assert_eq!(load(&path, &config), None);
        save(
            &path,
            &config,
            &SnapshotRef {
                prefix: &s.prefix,
                progress: &s.progress,
                latest: s.latest.as_ref(),
                undone: s.undone.iter().collect(),
                mocks: &s.mocks,
                own: &s.own,
            },
        );
        assert_eq!(load(&path, &config), Some(s.clone()));
        // A copy in another home (another key) is not trusted.
        let other = tempfile::tempdir().unwrap();
        let copied = other.path().join("cache").join("progress.bin");
        std::fs::create_dir_all(copied.parent().unwrap()).unwrap();
        std::fs::copy(&path, &copied).unwrap();
        assert_eq!(load(&copied, &config), None);
        cache_key::get_or_make(copied.parent().unwrap()).unwrap();
        assert_eq!(load(&copied, &config), None);
    }
}
