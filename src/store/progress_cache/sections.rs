//! The reviews of a progress cache entry, after its sealed head: fixed-size reviews in
//! chunks of [`CHUNK`], each chunk's first time and hash kept in the head. A start reads only
//! the chunks of the recent reviews; the earlier ones are read (and checked) from the same
//! open file when a screen first asks for them.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use xxhash_rust::xxh3::xxh3_128;

use super::review_codec::{FIXED, Reader, write};
use crate::core::ids::CardKey;
use crate::core::schedule::{ReviewEntry, Reviews};

/// Reviews per chunk (221 KB).
pub(super) const CHUNK: usize = 8192;

/// What the head keeps of a chunk.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Chunk {
    /// The time of its first review.
    pub(super) first: DateTime<Utc>,
    /// XXH3 (128 bits) of its bytes.
    pub(super) hash: u128,
}

/// The bytes of `reviews` and their chunks; `position` gives a review's card's place among
/// the entry's cards.
pub(super) fn encode(
    reviews: Reviews<'_>,
    position: impl Fn(&ReviewEntry) -> u32,
) -> (Vec<u8>, Vec<Chunk>) {
    let mut bytes = Vec::with_capacity(reviews.len() * FIXED);
    let mut chunks = Vec::with_capacity(reviews.len().div_ceil(CHUNK));
    let mut first = None;
    for (i, r) in reviews.iter().enumerate() {
        if i % CHUNK == 0 {
            first = Some(r.at);
        }
        write(&mut bytes, r, position(r));
        if (i + 1) % CHUNK == 0 || i + 1 == reviews.len() {
            let start = i / CHUNK * CHUNK * FIXED;
            chunks.push(Chunk {
                first: first.unwrap_or(r.at),
                hash: xxh3_128(&bytes[start..]),
            });
        }
    }
    (bytes, chunks)
}

/// The reviews of an open entry: `count` of them from byte `offset` of `file`.
pub(super) struct Section {
    pub(super) file: Arc<File>,
    pub(super) offset: u64,
    pub(super) count: usize,
    pub(super) chunks: Vec<Chunk>,
    /// The entry's cards, by position.
    pub(super) keys: Arc<Vec<Arc<CardKey>>>,
}

impl Section {
    /// Whether the chunks are as many as the reviews need.
    pub(super) fn is_consistent(&self) -> bool {
        self.chunks.len() == self.count.div_ceil(CHUNK)
            && self.chunks.windows(2).all(|w| w[0].first <= w[1].first)
    }

    /// The first chunk that may hold a review at `from` or later (every review before it is
    /// earlier).
    pub(super) fn chunk_of(&self, from: DateTime<Utc>) -> usize {
        self.chunks
            .partition_point(|c| c.first < from)
            .saturating_sub(1)
    }

    /// The reviews of chunks `chunks` that `keep` accepts, in order (with room for `room`
    /// more); `None` if a chunk cannot be read or is not what the head says.
    pub(super) fn read(
        &self,
        chunks: std::ops::Range<usize>,
        keep: impl Fn(DateTime<Utc>) -> bool,
        room: usize,
    ) -> Option<Vec<ReviewEntry>> {
        let mut buf = vec![0u8; CHUNK * FIXED];
        let mut reader = Reader::default();
        let held = (chunks.end * CHUNK).min(self.count);
        let mut out = Vec::with_capacity(held.saturating_sub(chunks.start * CHUNK) + room);
        for c in chunks {
            let chunk = self.chunks.get(c)?;
            let first = c * CHUNK;
            let n = self.count.checked_sub(first)?.min(CHUNK);
            let bytes = &mut buf[..n * FIXED];
            self.file
                .read_exact_at(bytes, self.offset + (first * FIXED) as u64)
                .ok()?;
            if xxh3_128(bytes) != chunk.hash {
                return None;
            }
            for b in bytes.chunks_exact(FIXED) {
                let at = reader.time(b)?;
                if keep(at) {
                    out.push(reader.read(b, at, &self.keys)?);
                }
            }
        }
        Some(out)
    }
}
