//! The earlier reviews of a progress cache entry, read when a screen first asks for them: from
//! the entry's file (kept open since the start, so a cache saved meanwhile does not matter),
//! checked chunk by chunk, or, when that fails, replayed from the bytes of the state file the
//! entry was made from (the log stays the truth).

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::sections::{CHUNK, Section};
use crate::core::fast_hash::FastMap;
use crate::core::ids::CardKey;
use crate::core::schedule::{EarlierSource, ReviewEntry, SchedulerConfig, replay, review_room};
use crate::store::log;

pub(super) struct CacheEarlier {
    pub(super) section: Arc<Section>,
    /// The chunks that hold them.
    pub(super) chunks: Range<usize>,
    /// Every review before this.
    pub(super) before: DateTime<Utc>,
    /// The state file and its first bytes the entry was made from (length, XXH3 128).
    pub(super) state_file: PathBuf,
    pub(super) prefix: (u64, u128),
    pub(super) config: SchedulerConfig,
}

impl EarlierSource for CacheEarlier {
    /// With room for every review of the entry and what a session adds: the recent ones are
    /// appended to these in place before a change (an undo), not copied beside them.
    fn load(&self) -> Option<Vec<ReviewEntry>> {
        let count = self.section.count;
        let held = (self.chunks.end * CHUNK).min(count);
        let room = count - held + review_room(count);
        self.section
            .read(self.chunks.clone(), |at| at < self.before, room)
            .or_else(|| self.replayed_from_log())
    }
}

impl CacheEarlier {
    /// The same reviews from a replay of the state file's first bytes, when they are still the
    /// ones the entry was made from.
    fn replayed_from_log(&self) -> Option<Vec<ReviewEntry>> {
        let (len, digest) = self.prefix;
        let records = log::read_prefix(&self.state_file, len, digest)?;
        let replayed = replay(&records, &self.config);
        let keys: FastMap<&CardKey, &Arc<CardKey>> =
            self.section.keys.iter().map(|k| (&**k, k)).collect();
        replayed
            .reviews()
            .before(self.before)
            .iter()
            .map(|r| {
                let mut review = r.clone();
                review.key = Arc::clone(keys.get(&*r.key)?);
                Some(review)
            })
            .collect()
    }
}
