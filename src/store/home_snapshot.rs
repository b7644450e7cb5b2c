//! The home snapshot, `<home>/cache/home.bin`: what the home screen's counts need of the
//! progress ([`HomeInputs`]), so that a start draws its first frame without opening the
//! progress cache (at 100,000 reviews that was most of the first frame); the progress loads
//! right after it.
//!
//! Derived, never the truth, under the progress cache's rules: an entry is used only for the
//! state file it was made from, recognised by its stamp ([`FileStamp`], taken only once the
//! file was past the tick of its times, `FileStamp::quiet`: a tenth of a second after the
//! last write where the file system keeps sub-second times, else a second; compared before
//! anything else), with the same replay
//! settings, by a build with the same replay and encoding (the progress cache's fingerprint
//! and this file's source), for decks of the same shape ([`HomeInputs::view`]) and a clock
//! not before it was made ([`HomeInputs::covers`]). Sealed with the home's cache key; written
//! atomically (0600, in a 0700 folder); anything missing, damaged or stale is ignored, and
//! failing to write one is too. Safe to delete.

use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::core::grade::Grade;
use crate::core::ids::DeckId;
use crate::core::schedule::{Activity, CardMemory, Memory, SchedulerConfig};
use crate::core::stats::{HomeInputs, HomeReview};
use crate::store::bounded::{MAX_CACHE_BYTES, open_regular};
use crate::store::cache_key;
use crate::store::codec::{Dec, Enc, fingerprint, unseal};
use crate::store::log::FileStamp;
use crate::store::paths::{ensure_private_dir, write_cache_replace};
use crate::store::progress_cache::{self, PHASES, phase_code};

const MAGIC: &[u8; 8] = b"PDHOME1\n";

/// The progress cache's fingerprint (what a log replays to) and what this file adds.
const BUILD: u64 = fingerprint(&[
    include_str!("home_snapshot.rs"),
    include_str!("../core/stats/home.rs"),
    include_str!("../core/schedule/card.rs"),
    include_str!("progress_cache/mod.rs"),
    include_str!("progress_cache/sections.rs"),
    include_str!("progress_cache/review_codec.rs"),
    include_str!("../study/log_study/mod.rs"),
    include_str!("../study/log_study/queues.rs"),
    include_str!("../core/schedule/replay.rs"),
    include_str!("../core/schedule/progress.rs"),
    include_str!("../core/schedule/progress_apply.rs"),
    include_str!("../core/schedule/progress_queries.rs"),
    include_str!("../core/schedule/scheduler.rs"),
    include_str!("../core/schedule/fsrs_formulas.rs"),
    include_str!("../core/schedule/fuzz.rs"),
    include_str!("../core/schedule/config.rs"),
    include_str!("../core/record.rs"),
    include_str!("log/scan.rs"),
    include_str!("log/fast.rs"),
    env!("CARGO_PKG_VERSION"),
    include_str!("../../Cargo.lock"),
]);

/// The snapshot at `path` when it was made from the state file whose stamp is now `stamp`,
/// with the replay settings of `config`.
pub fn load(path: &Path, config: &SchedulerConfig, stamp: &FileStamp) -> Option<HomeInputs> {
    let key = cache_key::existing(path.parent()?)?;
    let mut file = open_regular(path, std::fs::OpenOptions::new().read(true)).ok()?;
    let size = file.metadata().ok()?.len();
    if size > MAX_CACHE_BYTES {
        return None;
    }
    // Small (about 100 bytes a card): read whole, checked, then decoded from memory.
    let mut bytes = Vec::with_capacity(usize::try_from(size).ok()?);
    file.read_to_end(&mut bytes).ok()?;
    let mut d = Dec::new(unseal(MAGIC, key, &bytes)?);
    if d.u64()? != BUILD || read_stamp(&mut d)? != *stamp {
        return None;
    }
    if d.str()? != progress_cache::settings(config) {
        return None;
    }
    let made_at = d.time()?;
    let shape = d.u64()?;
    let reviews_total = usize::try_from(d.u64()?).ok()?;
    let n = d.len()?;
    let mut cards = Vec::with_capacity(n);
    for _ in 0..n {
        cards.push(match d.u8()? {
            0 => None,
            1 => Some(read_card(d.take(CARD)?)?),
            _ => return None,
        });
    }
    let other_due = d.list(Dec::time)?;
    let activity = Activity::from_runs(d.list(|d| {
        let deck = DeckId(d.str()?);
        Some((deck, d.list(|d| Some((d.time()?, d.time()?)))?))
    })?)?;
    let n = d.len()?;
    let reviews = d
        .take(n.checked_mul(REVIEW)?)?
        .chunks_exact(REVIEW)
        .map(read_review)
        .collect::<Option<Vec<HomeReview>>>()?;
    if !d.at_end() {
        return None;
    }
    HomeInputs::from_parts(
        made_at,
        shape,
        cards,
        other_due,
        reviews,
        activity,
        reviews_total,
    )
}

/// The bytes of a card's state: phase (u8), step (u64), which of the optional parts are
/// there and the two flags (u8, the `HAS_` bits), stability and difficulty (f64), due, last
/// review and buried until (seconds i64 and nanoseconds u32 each), reps and lapses (u32): one
/// run of bytes per card, read at once (10,000 cards read field by field took most of the
/// snapshot's time).
const CARD: usize = 1 + 8 + 1 + 8 + 8 + 3 * 12 + 4 + 4;

const HAS_MEMORY: u8 = 1;
const HAS_DUE: u8 = 2;
const HAS_LAST: u8 = 4;
const HAS_BURIED: u8 = 8;
const SUSPENDED: u8 = 16;
const LEECH: u8 = 32;

fn write_card(e: &mut Enc, m: &CardMemory) {
    let flag = |on: bool, bit: u8| if on { bit } else { 0 };
    e.u8(phase_code(m.phase));
    e.u64(m.step as u64);
    e.u8(flag(m.memory.is_some(), HAS_MEMORY)
        | flag(m.due.is_some(), HAS_DUE)
        | flag(m.last_review.is_some(), HAS_LAST)
        | flag(m.buried_until.is_some(), HAS_BURIED)
        | flag(m.suspended, SUSPENDED)
        | flag(m.leech, LEECH));
    let memory = m.memory.unwrap_or(Memory {
        stability: 0.0,
        difficulty: 0.0,
    });
    e.f64(memory.stability);
    e.f64(memory.difficulty);
    for t in [m.due, m.last_review, m.buried_until] {
        let t = t.unwrap_or_default();
        e.u64(t.timestamp() as u64);
        e.u32(t.timestamp_subsec_nanos());
    }
    e.u32(m.reps);
    e.u32(m.lapses);
}

/// What [`write_card`] wrote ([`CARD`] bytes); `None` when they do not read as a card.
fn read_card(b: &[u8]) -> Option<CardMemory> {
    let u32_at = |i: usize| Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?));
    let u64_at = |i: usize| Some(u64::from_le_bytes(b.get(i..i + 8)?.try_into().ok()?));
    let flags = *b.get(9)?;
    if flags & !(HAS_MEMORY | HAS_DUE | HAS_LAST | HAS_BURIED | SUSPENDED | LEECH) != 0 {
        return None;
    }
    let on = |bit: u8| flags & bit != 0;
    let time = |i: usize, bit: u8| -> Option<Option<DateTime<Utc>>> {
        if !on(bit) {
            return Some(None);
        }
        DateTime::from_timestamp(u64_at(i)? as i64, u32_at(i + 8)?).map(Some)
    };
    Some(CardMemory {
        phase: *PHASES.get(usize::from(*b.first()?))?,
        step: usize::try_from(u64_at(1)?).ok()?,
        memory: if on(HAS_MEMORY) {
            Some(Memory {
                stability: f64::from_bits(u64_at(10)?),
                difficulty: f64::from_bits(u64_at(18)?),
            })
        } else {
            None
        },
        due: time(26, HAS_DUE)?,
        last_review: time(38, HAS_LAST)?,
        buried_until: time(50, HAS_BURIED)?,
        reps: u32_at(62)?,
        lapses: u32_at(66)?,
        suspended: on(SUSPENDED),
        leech: on(LEECH),
    })
}

/// The bytes of a review: seconds (i64), nanoseconds (u32), the card's place (u32, `u32::MAX`
/// for none), grade and phase before (u8 each).
const REVIEW: usize = 8 + 4 + 4 + 1 + 1;

fn read_review(b: &[u8]) -> Option<HomeReview> {
    let u32_at = |i: usize| Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?));
    let secs = i64::from_le_bytes(b.get(0..8)?.try_into().ok()?);
    let card = u32_at(12)?;
    Some(HomeReview {
        at: (secs, u32_at(8)?),
        card: (card != u32::MAX).then_some(card),
        grade: *Grade::ALL.get(usize::from(*b.get(16)?))?,
        phase_before: *PHASES.get(usize::from(*b.get(17)?))?,
    })
}

/// Saves `inputs`, made from the state file whose stamp is `stamp` (past its tick:
/// `FileStamp::quiet`), with `config`; `false` when it could not be written (only a cache).
pub fn save(path: &Path, config: &SchedulerConfig, stamp: &FileStamp, inputs: &HomeInputs) -> bool {
    let Some(key) = path.parent().and_then(cache_key::get_or_make) else {
        return false;
    };
    let mut e = Enc::with_capacity(64 + inputs.cards.len() * 64 + inputs.reviews.len() * 18);
    e.u64(BUILD);
    for n in [stamp.dev, stamp.ino, stamp.len] {
        e.u64(n);
    }
    for (secs, nanos) in [stamp.mtime, stamp.ctime] {
        e.u64(secs as u64);
        e.u64(nanos as u64);
    }
    e.str(&progress_cache::settings(config));
    e.time(inputs.made_at);
    e.u64(inputs.shape);
    e.u64(inputs.reviews_total as u64);
    e.u64(inputs.cards.len() as u64);
    for card in &inputs.cards {
        match card {
            None => e.u8(0),
            Some(memory) => {
                e.u8(1);
                write_card(&mut e, memory);
            }
        }
    }
    e.u64(inputs.other_due.len() as u64);
    for due in &inputs.other_due {
        e.time(*due);
    }
    let runs = inputs.activity.runs();
    e.u64(runs.len() as u64);
    for (deck, runs) in runs {
        e.str(deck.as_str());
        e.u64(runs.len() as u64);
        for (first, last) in runs {
            e.time(*first);
            e.time(*last);
        }
    }
    e.u64(inputs.reviews.len() as u64);
    for r in &inputs.reviews {
        e.u64(r.at.0 as u64);
        e.u32(r.at.1);
        e.u32(r.card.unwrap_or(u32::MAX));
        e.u8(grade_code(r.grade));
        e.u8(phase_code(r.phase_before));
    }
    let bytes = e.seal(MAGIC, key);
    path.parent()
        .is_some_and(|dir| ensure_private_dir(dir).is_ok())
        && write_cache_replace(path, &bytes).is_ok()
}

fn grade_code(g: Grade) -> u8 {
    Grade::ALL.iter().position(|x| *x == g).unwrap_or(0) as u8
}

fn read_stamp(d: &mut Dec<'_>) -> Option<FileStamp> {
    Some(FileStamp {
        dev: d.u64()?,
        ino: d.u64()?,
        len: d.u64()?,
        mtime: (d.u64()? as i64, d.u64()? as i64),
        ctime: (d.u64()? as i64, d.u64()? as i64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schedule::Phase;
    use chrono::Duration;

    /// A snapshot of half a megabyte: 5,000 cards, 9,000 reviews.
    fn inputs() -> HomeInputs {
        let t0 = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let cards = (0..5_000u32)
            .map(|i| {
                (i % 3 != 0).then(|| CardMemory {
                    phase: Phase::Review,
                    reps: i % 7 + 1,
                    due: Some(t0 + Duration::seconds(i64::from(i) * 97)),
                    last_review: Some(t0 - Duration::hours(i64::from(i % 50))),
                    memory: Some(Memory {
                        stability: 1.5 + f64::from(i),
                        difficulty: 5.0,
                    }),
                    ..CardMemory::new()
                })
            })
            .collect();
        let reviews = (0..9_000u32)
            .map(|i| HomeReview {
                at: (1_779_000_000 + i64::from(i) * 60, i),
                card: (i % 11 != 0).then_some(i % 5_000),
                grade: Grade::ALL[(i % 4) as usize],
                phase_before: PHASES[(i % 4) as usize],
            })
            .collect();
        let activity = Activity::from_runs(vec![]).unwrap();
        HomeInputs::from_parts(t0, 42, cards, vec![t0], reviews, activity, 12_345).unwrap()
    }

    #[test]
    fn a_snapshot_comes_back_whole_and_any_damage_refuses_it() {
        let home = tempfile::tempdir().unwrap();
        let path = crate::store::paths::Home::at(home.path()).home_snapshot_file();
        let config = SchedulerConfig::default();
        let stamp = FileStamp {
            dev: 1,
            ino: 2,
            len: 3,
            mtime: (4, 5),
            ctime: (6, 7),
        };
        let inputs = inputs();
        assert!(save(&path, &config, &stamp, &inputs));
        assert_eq!(load(&path, &config, &stamp), Some(inputs));
        let other = FileStamp { len: 4, ..stamp };
        assert_eq!(load(&path, &config, &other), None, "another state file");
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 4 << 16, "{}", bytes.len());
        let refused = |b: &[u8], what: &str| {
            std::fs::write(&path, b).unwrap();
            assert_eq!(load(&path, &config, &stamp), None, "{what}");
        };
        for i in (0..bytes.len()).step_by(4_001).chain([bytes.len() - 1]) {
            let mut b = bytes.clone();
            b[i] ^= 0x20;
            refused(&b, &format!("damaged at byte {i}"));
        }
        for cut in [0, 20, bytes.len() / 3, bytes.len() - 1] {
            refused(&bytes[..cut], &format!("cut at {cut}"));
        }
        refused(&[&bytes[..], &[0]].concat(), "grown");
    }
}
