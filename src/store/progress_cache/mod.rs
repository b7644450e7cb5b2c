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

mod earlier;
mod review_codec;
mod sections;
#[cfg(test)]
mod tests;

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use xxhash_rust::xxh3::xxh3_128;

use crate::core::fast_hash::FastMap;
use crate::core::ids::{CardId, CardKey, DeckId, RecordId};
use crate::core::record::{Record, ReviewMode};
use crate::core::schedule::{
    Activity, CardMemory, Memory, Phase, Progress, SchedulerConfig, review_room,
};
use crate::core::stats::{LAPSE_DAYS, RETENTION_DAYS};
use crate::store::bounded::{MAX_CACHE_BYTES, open_regular};
use crate::store::cache_key;
use crate::store::codec::{Dec, Enc, fingerprint};
use crate::store::log::{FileStamp, HashSource, IdHashes, LogPrefix, hashes_of, read_prefix};
use crate::store::paths::{ensure_private_dir, write_cache_replace};
use earlier::CacheEarlier;
use review_codec::FIXED;
use sections::{CHUNK, Chunk, Section};

const MAGIC: &[u8; 8] = b"PDPROG2\n";

/// How far back from the last review a start reads the reviews: what the home screen looks at
/// (today's, the weakest categories' retention and lapse windows) with two days to spare for a
/// clock behind the last review. Earlier ones are read when a screen asks.
const RECENT_DAYS: i64 = 2 + if RETENTION_DAYS > LAPSE_DAYS {
    RETENTION_DAYS
} else {
    LAPSE_DAYS
};

/// Changes whenever anything that decides what a log replays to, or this encoding, changes.
/// (Cargo.lock: the record parser's own dependencies, serde_json and chrono, decide what a
/// line reads as.)
const BUILD: u64 = fingerprint(&[
    env!("CARGO_PKG_VERSION"),
    include_str!("../../../Cargo.lock"),
    include_str!("mod.rs"),
    include_str!("sections.rs"),
    include_str!("earlier.rs"),
    include_str!("review_codec.rs"),
    include_str!("../codec.rs"),
    include_str!("../log/scan.rs"),
    include_str!("../log/fast.rs"),
    include_str!("../log/writer.rs"),
    include_str!("../log/known_ids.rs"),
    include_str!("../log/resume.rs"),
    include_str!("../../study/log_study/mod.rs"),
    include_str!("../../study/log_study/queues.rs"),
    include_str!("../../core/fast_hash.rs"),
    include_str!("../../core/ids.rs"),
    include_str!("../../core/grade.rs"),
    include_str!("../../core/session/records.rs"),
    include_str!("../../core/session/setup.rs"),
    include_str!("../../core/record.rs"),
    include_str!("../../core/schedule/replay.rs"),
    include_str!("../../core/schedule/progress.rs"),
    include_str!("../../core/schedule/progress_apply.rs"),
    include_str!("../../core/schedule/progress_queries.rs"),
    include_str!("../../core/schedule/earlier.rs"),
    include_str!("../../core/schedule/scheduler.rs"),
    include_str!("../../core/schedule/fsrs_formulas.rs"),
    include_str!("../../core/schedule/card.rs"),
    include_str!("../../core/schedule/fuzz.rs"),
    include_str!("../../core/schedule/config.rs"),
]);

/// What the app keeps of a replayed log besides the log itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The bytes of the state file this was made from.
    pub prefix: LogPrefix,
    /// The earlier reviews of a long history are read when first asked for
    /// ([`Progress::has_unread_reviews`]).
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
pub(crate) fn settings(config: &SchedulerConfig) -> String {
    let queue_only = SchedulerConfig::default();
    let replayed = SchedulerConfig {
        new_per_day: queue_only.new_per_day,
        reviews_per_day: queue_only.reviews_per_day,
        day_starts_at: queue_only.day_starts_at,
        ..config.clone()
    };
    serde_json::to_string(&replayed).unwrap_or_default()
}

/// The cached snapshot, if `path` holds one made by this build with `config`, for the state
/// file at `state_file`.
///
/// An entry is a sealed head (everything but the reviews, read a piece at a time, never held
/// whole), then the reviews in chunks. Only the recent reviews are read now (see
/// [`RECENT_DAYS`]); the earlier ones when a screen asks, from this same file, kept open.
pub fn load(path: &Path, state_file: &Path, config: &SchedulerConfig) -> Option<Snapshot> {
    let key = cache_key::existing(path.parent()?)?;
    let file = open_regular(path, std::fs::OpenOptions::new().read(true)).ok()?;
    let size = file.metadata().ok()?.len();
    if size > MAX_CACHE_BYTES {
        return None;
    }
    let mut head_size = [0u8; 8];
    (&file).read_exact(&mut head_size).ok()?;
    let head_size = u64::from_le_bytes(head_size);
    let offset = head_size.checked_add(8).filter(|o| *o <= size)?;
    let head = {
        let mut read = (&file).take(head_size);
        decode_head(
            Dec::sealed_stream(MAGIC, key, &mut read, head_size)?,
            config,
        )?
    };
    let count = head.reviews;
    let (len, digest, records, stamp) = head.prefix;
    let hashes_at = offset.checked_add((count as u64).checked_mul(FIXED as u64)?)?;
    if (size - offset) != (hashes_at - offset).checked_add((head.hashes.0 as u64) * 8)? {
        return None;
    }
    let keys: Arc<Vec<Arc<CardKey>>> =
        Arc::new(head.cards.iter().map(|(k, _)| Arc::clone(k)).collect());
    let section = Arc::new(Section {
        file: Arc::new(file),
        offset,
        count,
        chunks: head.chunks,
        keys,
    });
    if !section.is_consistent() {
        return None;
    }
    let prefix = LogPrefix {
        len,
        digest,
        stamp,
        id_hashes: IdHashes::deferred(id_hashes_source(
            Arc::clone(&section.file),
            hashes_at,
            head.hashes,
            state_file.to_path_buf(),
            (len, digest),
        )),
        count: records,
    };
    let cards = head.cards;
    let progress = match head.last_at {
        None => Progress::from_parts(cards, Vec::new())?,
        Some(last) => {
            let from = last - Duration::days(RECENT_DAYS);
            let first = section.chunk_of(from);
            let recent_chunks = first..section.chunks.len();
            let recent = section.read(recent_chunks, |at| at >= from, review_room(count))?;
            if recent.len() == count {
                Progress::from_parts(cards, recent)?
            } else {
                let source = CacheEarlier {
                    section: Arc::clone(&section),
                    chunks: 0..first + 1,
                    before: from,
                    state_file: state_file.to_path_buf(),
                    prefix: (len, digest),
                    config: config.clone(),
                };
                Progress::from_parts(cards, recent)?.with_earlier(
                    from,
                    head.activity,
                    Arc::new(source),
                )
            }
        }
    };
    Some(Snapshot {
        prefix,
        progress,
        latest: head.latest,
        undone: head.undone,
        mocks: head.mocks,
        own: head.own,
    })
}

/// Where a loaded entry's id hashes are read from when first needed: `n` of them at byte `at`
/// of `file` (the entry, kept open), checked against `hash`; if they do not read as written,
/// from the records of the log's first bytes the entry was made from.
fn id_hashes_source(
    file: Arc<std::fs::File>,
    at: u64,
    (n, hash): (usize, u128),
    state_file: std::path::PathBuf,
    (len, digest): (u64, u128),
) -> Arc<HashSource> {
    Arc::new(move || {
        use std::os::unix::fs::FileExt;
        let mut bytes = vec![0u8; n.checked_mul(8)?];
        let read = file.read_exact_at(&mut bytes, at).is_ok() && xxh3_128(&bytes) == hash;
        if !read {
            return Some(hashes_of(&read_prefix(&state_file, len, digest)?));
        }
        Some(
            bytes
                .chunks_exact(8)
                .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
                .collect(),
        )
    })
}

/// Saves `snapshot` for `config`; `false` if it could not be written (only a cache: the
/// caller carries on either way), or if the progress lacks reviews it could not read back.
pub fn save(path: &Path, config: &SchedulerConfig, snapshot: &SnapshotRef<'_>) -> bool {
    if !snapshot.progress.is_complete() {
        return false;
    }
    let Some(key) = path.parent().and_then(cache_key::get_or_make) else {
        return false;
    };
    let Some(bytes) = encode(config, snapshot, key) else {
        return false;
    };
    path.parent()
        .is_some_and(|dir| ensure_private_dir(dir).is_ok())
        && write_cache_replace(path, &bytes).is_ok()
}

/// `None` when the log's id hashes could not be read.
fn encode(config: &SchedulerConfig, s: &SnapshotRef<'_>, key: u128) -> Option<Vec<u8>> {
    let id_hashes = s.prefix.id_hashes.get()?;
    let progress = s.progress;
    let reviews = progress.reviews();
    // Each review's card by its shared key: a pointer, not a string, to look up.
    let positions: FastMap<*const CardKey, usize> = progress
        .entries()
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (Arc::as_ptr(key), i))
        .collect();
    // A review's key is its card's (replay, apply_latest and from_parts share them). One
    // that is not would be written out of range, and the entry would fail to load.
    let (review_bytes, chunks) = sections::encode(reviews, |r| {
        positions
            .get(&Arc::as_ptr(&r.key))
            .and_then(|&p| u32::try_from(p).ok())
            .unwrap_or(u32::MAX)
    });
    let mut e = Enc::with_capacity(64 + progress.len() * 96);
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
    let hash_bytes: Vec<u8> = id_hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    e.u64(id_hashes.len() as u64);
    let hashes_hash = xxh3_128(&hash_bytes);
    e.u64(hashes_hash as u64);
    e.u64((hashes_hash >> 64) as u64);
    e.u64(progress.len() as u64);
    for (key, memory) in progress.entries() {
        e.str(key.deck.as_str());
        e.str(key.card.as_str());
        card_memory(&mut e, memory);
    }
    e.u64(reviews.len() as u64);
    e.opt_time(reviews.last().map(|r| r.at));
    e.u64(chunks.len() as u64);
    for c in &chunks {
        e.time(c.first);
        e.u64(c.hash as u64);
        e.u64((c.hash >> 64) as u64);
    }
    let activity = progress.activity();
    e.u64(activity.runs().len() as u64);
    for (deck, runs) in activity.runs() {
        e.str(deck.as_str());
        e.u64(runs.len() as u64);
        for (first, last) in runs {
            e.time(*first);
            e.time(*last);
        }
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
    let head = e.seal(MAGIC, key);
    let mut bytes = Vec::with_capacity(8 + head.len() + review_bytes.len() + hash_bytes.len());
    bytes.extend_from_slice(&(head.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&head);
    drop(head);
    bytes.extend_from_slice(&review_bytes);
    drop(review_bytes);
    bytes.extend_from_slice(&hash_bytes);
    Some(bytes)
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

/// An entry's head: everything but the reviews themselves.
struct Head {
    /// The log's first bytes: length, hash, distinct records, stamp.
    prefix: (u64, u128, usize, Option<FileStamp>),
    /// How many id hashes follow the reviews, and their XXH3 (128 bits).
    hashes: (usize, u128),
    cards: Vec<(Arc<CardKey>, CardMemory)>,
    reviews: usize,
    last_at: Option<DateTime<Utc>>,
    chunks: Vec<Chunk>,
    activity: Activity,
    latest: Option<(DateTime<Utc>, RecordId)>,
    undone: Vec<RecordId>,
    mocks: Vec<Record>,
    own: Vec<Record>,
}

fn decode_head(mut d: Dec<'_>, config: &SchedulerConfig) -> Option<Head> {
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
    let hashes = (
        usize::try_from(d.u64()?).ok()?,
        u128::from(d.u64()?) | (u128::from(d.u64()?) << 64),
    );
    let cards = d.list(|d| {
        let key = Arc::new(CardKey {
            deck: DeckId(d.str()?),
            card: CardId(d.str()?),
        });
        Some((key, read_card_memory(d)?))
    })?;
    let reviews = usize::try_from(d.u64()?).ok()?;
    let last_at = d.opt_time()?;
    let chunks = d.list(|d| {
        Some(Chunk {
            first: d.time()?,
            hash: u128::from(d.u64()?) | (u128::from(d.u64()?) << 64),
        })
    })?;
    let activity = Activity::from_runs(d.list(|d| {
        let deck = DeckId(d.str()?);
        Some((deck, d.list(|d| Some((d.time()?, d.time()?)))?))
    })?)?;
    let latest = d.opt(|d| Some((d.time()?, RecordId(d.str()?))))?;
    let undone = d.list(|d| d.str().map(RecordId))?;
    let mocks = d.list(|d| serde_json::from_str::<Record>(&d.str()?).ok())?;
    let own = d.list(|d| serde_json::from_str::<Record>(&d.str()?).ok())?;
    if !d.finish() || (reviews == 0) != last_at.is_none() || reviews.div_ceil(CHUNK) != chunks.len()
    {
        return None;
    }
    Some(Head {
        prefix: (len, digest, count, stamp),
        hashes,
        cards,
        reviews,
        last_at,
        chunks,
        activity,
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
