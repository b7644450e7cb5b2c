//! Transparent huge pages around home's first frame (Linux).
//!
//! The allocator (mimalloc) asks the kernel for transparent huge pages on its memory, so the
//! first touch of each 2 MiB region it hands out clears all of it: about 0.2 ms a region on the
//! team's machine. It keeps small, medium and large blocks in regions of their own, so the
//! built-in decks' start touched five regions before its first frame (10 MB cleared for about
//! 1 MB used: 1 ms of its 4 ms budget). A start that decodes 10,000 cards before its first
//! frame gains from them instead (one fault a region, not one every 4 KiB).
//!
//! So a start whose first frame reads only small caches turns huge pages off for the process
//! ([`Pause::for_first_frame`]) until its first frame is drawn, then back on (the pause
//! dropped, also on an error before it): everything after the first frame (the whole decks,
//! the progress, an editor it starts) is as before. Measured in docs/performance.md.

use std::path::{Path, PathBuf};

/// The caches a first frame may read (the deck overview, the home snapshot, the progress
/// cache) totalling at most this many bytes make a small start. The bare decks take about 18
/// times their overview's size in memory; huge pages start to pay at about 3 MB used.
pub const SMALL_START_BYTES: u64 = 128 * 1024;

/// Huge pages turned off until the first frame; back on when it ends.
#[derive(Debug)]
pub struct Pause {
    paused: bool,
}

impl Pause {
    /// Turns transparent huge pages off for the process when the deck overview cache exists
    /// (without it the decks are parsed whole) and it and the `others` that exist total at
    /// most [`SMALL_START_BYTES`]. Does nothing where the system cannot.
    pub fn for_first_frame(overview: &Path, others: &[PathBuf]) -> Pause {
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
        let small = size(overview).is_some_and(|o| {
            o + others.iter().filter_map(|p| size(p)).sum::<u64>() <= SMALL_START_BYTES
        });
        Pause {
            paused: small && set_disabled(true),
        }
    }

    /// Whether huge pages were turned off.
    #[cfg(test)]
    fn is_paused(&self) -> bool {
        self.paused
    }
}

impl Drop for Pause {
    /// Turns them back on (if this turned them off).
    fn drop(&mut self) {
        if self.paused {
            set_disabled(false);
        }
    }
}

/// Sets the process's "no transparent huge pages" flag; whether it was set.
#[cfg(target_os = "linux")]
fn set_disabled(off: bool) -> bool {
    rustix::thread::disable_transparent_huge_pages(off).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn set_disabled(_off: bool) -> bool {
    false
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn disabled() -> bool {
        rustix::thread::transparent_huge_pages_are_disabled().unwrap()
    }

    #[test]
    fn small_caches_pause_huge_pages_until_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let overview = dir.path().join("overview.bin");
        let snapshot = dir.path().join("home.bin");
        let missing = dir.path().join("progress.bin");
        // No overview: the decks would be parsed whole, not a small start.
        let pause = Pause::for_first_frame(&overview, std::slice::from_ref(&snapshot));
        assert!(!pause.is_paused());
        drop(pause);
        assert!(!disabled());

        std::fs::write(&overview, vec![0u8; 1000]).unwrap();
        std::fs::write(&snapshot, vec![0u8; 1000]).unwrap();
        let pause = Pause::for_first_frame(&overview, &[snapshot.clone(), missing.clone()]);
        assert!(pause.is_paused());
        assert!(disabled());
        drop(pause);
        assert!(!disabled());

        // Caches over the limit together: left alone.
        let half = SMALL_START_BYTES / 2 + 1;
        std::fs::write(&overview, vec![0u8; half as usize]).unwrap();
        std::fs::write(&snapshot, vec![0u8; half as usize]).unwrap();
        let pause = Pause::for_first_frame(&overview, &[snapshot, missing]);
        assert!(!pause.is_paused());
        assert!(!disabled());
    }
}
