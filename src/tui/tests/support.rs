//! A test app: the test deck, an in-memory journal, a fixed clock, a `TestBackend`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::core::deck::{Deck, DeckSource, parse_deck};
use crate::core::ids::RecordId;
use crate::core::record::{Record, RecordBody};
use crate::core::schedule::SchedulerConfig;
use crate::store::error::StoreError;
use crate::study::StudyError;
use crate::study::{Journal, LogStudy};
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn deck() -> Deck {
    parse_deck(
        include_str!("deck.toml"),
        DeckSource::Builtin("test.toml".into()),
    )
    .unwrap()
}

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

/// The failure the test journal reports: what a full disk looks like to the app (the store's
/// own message for `ENOSPC` is tested in `store`).
pub fn disk_full() -> StudyError {
    StoreError::Io {
        path: "state.jsonl".into(),
        action: "save to",
        source: std::io::Error::other("the disk is full"),
    }
    .into()
}

/// Records in memory; fails every append while `fail` is set.
pub struct MemoryJournal {
    pub written: Rc<Cell<usize>>,
    pub fail: Rc<Cell<bool>>,
    /// When set, this many more appends succeed, then every one fails.
    pub fail_after: Rc<Cell<Option<usize>>>,
    pub log: Rc<RefCell<Vec<RecordBody>>>,
}

impl Journal for MemoryJournal {
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        let budget = self.fail_after.get();
        if let Some(n) = budget {
            self.fail_after.set(Some(n.saturating_sub(1)));
        }
        if self.fail.get() || budget == Some(0) {
            return Err(disk_full());
        }
        let n = self.written.get() + 1;
        self.written.set(n);
        self.log.borrow_mut().push(body.clone());
        Ok(Record::new(RecordId::new(format!("rec-{n}")), now, body))
    }

    /// Never needed: the test study is made with every record loaded.
    fn read_back(&self) -> Result<Vec<Record>, StudyError> {
        Err(StoreError::Io {
            path: "state.jsonl".into(),
            action: "read",
            source: std::io::Error::other("the test journal keeps no records"),
        }
        .into())
    }
}

pub struct Harness {
    pub app: App,
    pub now: DateTime<Utc>,
    pub written: Rc<Cell<usize>>,
    pub fail: Rc<Cell<bool>>,
    pub fail_after: Rc<Cell<Option<usize>>>,
    /// Every record made durable, in order.
    pub log: Rc<RefCell<Vec<RecordBody>>>,
}

impl Harness {
    pub fn new() -> Harness {
        Harness::with_records(vec![])
    }

    pub fn with_records(records: Vec<Record>) -> Harness {
        Harness::with_decks(vec![deck()], records)
    }

    /// An app over `decks` with the log `records` (replayed by the real scheduler).
    pub fn with_decks(decks: Vec<Deck>, records: Vec<Record>) -> Harness {
        Harness::with_home(decks, records, None)
    }

    /// [`Harness::with_decks`] whose own files (the story bank, editor drafts) are in `home`.
    pub fn with_home(
        decks: Vec<Deck>,
        records: Vec<Record>,
        home: Option<&std::path::Path>,
    ) -> Harness {
        Harness::starting(records, home, |study| {
            App::new(decks, study, Theme::colored(), t0())
        })
    }

    /// An app started from bare decks ([`App::new_bare`]) with the log `records`; `whole`
    /// loads the whole decks.
    pub fn with_bare(
        decks: Vec<crate::core::deck::BareDeck>,
        records: Vec<Record>,
        whole: crate::tui::app::WholeDecks,
    ) -> Harness {
        Harness::starting(records, None, |study| {
            App::new_bare(decks, study, Theme::colored(), t0(), whole)
        })
    }

    /// The app `make` makes with a study of the log `records`.
    fn starting(
        records: Vec<Record>,
        home: Option<&std::path::Path>,
        make: impl FnOnce(Box<dyn crate::study::Study>) -> App,
    ) -> Harness {
        let written = Rc::new(Cell::new(0));
        let fail = Rc::new(Cell::new(false));
        let fail_after = Rc::new(Cell::new(None));
        let log = Rc::new(RefCell::new(Vec::new()));
        let journal = MemoryJournal {
            written: written.clone(),
            fail: fail.clone(),
            fail_after: fail_after.clone(),
            log: log.clone(),
        };
        let utc = FixedOffset::east_opt(0).unwrap();
        // New cards in file order: these tests are about screens, and name the cards they
        // expect (the order itself is tested in `core::schedule`).
        let config = SchedulerConfig {
            new_order: crate::core::schedule::NewOrder::File,
            ..SchedulerConfig::default()
        };
        let mut study = LogStudy::new(journal, records, config, utc);
        if let Some(home) = home {
            study = study.with_home(crate::store::paths::Home::at(home));
        }
        let app = make(Box::new(study));
        Harness {
            app,
            now: t0(),
            written,
            fail,
            fail_after,
            log,
        }
    }

    /// The status line's text (empty when there is none).
    pub fn status(&self) -> String {
        self.app
            .message
            .as_ref()
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    }

    pub fn wait(&mut self, secs: i64) {
        self.now += Duration::seconds(secs);
    }

    pub fn key(&mut self, code: KeyCode) {
        self.key_mod(code, KeyModifiers::NONE);
    }

    pub fn key_mod(&mut self, code: KeyCode, mods: KeyModifiers) {
        let _ = self.app.handle_key(KeyEvent::new(code, mods), self.now);
    }

    pub fn chars(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Draws the screen at `w`x`h` into a plain buffer (no terminal, no text conversion).
    pub fn render_only(&mut self, w: u16, h: u16) -> ratatui::buffer::Buffer {
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        self.app.resize(w, h);
        ratatui::widgets::Widget::render(self.app.view(self.now), area, &mut buf);
        buf
    }

    /// Lets the clock run `secs` seconds, with the event loop's ticks in between.
    pub fn run_for(&mut self, secs: i64) {
        for _ in 0..secs * 4 {
            self.now += Duration::milliseconds(250);
            self.app.tick(self.now);
        }
    }

    /// The screen at `w`x`h`, as text.
    pub fn screen(&mut self, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        self.app.resize(w, h);
        term.draw(|f| f.render_widget(self.app.view(self.now), f.area()))
            .unwrap();
        term.backend().to_string()
    }
}

/// Widths and heights every sweep draws: the smallest sizes one by one (where layouts give up
/// rows and columns), the common terminal sizes, and one either side of each layout breakpoint.
const SWEEP_WIDTHS: [u16; 27] = [
    1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 20, 24, 30, 32, 39, 40, 41, 50, 59, 60, 64, 79, 80, 81,
    100, 120,
];
const SWEEP_HEIGHTS: [u16; 19] = [
    1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 15, 16, 20, 23, 24, 25, 30, 40,
];
/// How many more sizes, drawn at random from the whole 120x40 grid, each sweep adds.
const SWEEP_RANDOM: usize = 120;
/// The default seed of the random part; `PREPDECK_SWEEP_SEED=N` picks another.
const SWEEP_SEED: u64 = 0x5eed_2026;

/// The sizes a no-panic sweep draws. By default a fixed representative set (every pairing of
/// `SWEEP_WIDTHS` and `SWEEP_HEIGHTS`) plus `SWEEP_RANDOM` seeded random sizes: about a tenth
/// of the grid, so `cargo test` stays fast. `PREPDECK_SWEEP=full` draws every size from 1x1 to
/// 120x40 (what CI's nightly or a layout change deserves); `PREPDECK_SWEEP_SEED=N` varies the
/// random part, and a failing size is printed with the seed that found it.
pub fn sweep_sizes() -> (u64, Vec<(u16, u16)>) {
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    if std::env::var("PREPDECK_SWEEP").is_ok_and(|v| v == "full") {
        let all = (1..=120)
            .flat_map(|w| (1..=40).map(move |h| (w, h)))
            .collect();
        return (0, all);
    }
    let seed = std::env::var("PREPDECK_SWEEP_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SWEEP_SEED);
    let mut sizes: Vec<(u16, u16)> = SWEEP_WIDTHS
        .iter()
        .flat_map(|&w| SWEEP_HEIGHTS.iter().map(move |&h| (w, h)))
        .collect();
    let mut rng = StdRng::seed_from_u64(seed);
    sizes.extend((0..SWEEP_RANDOM).map(|_| (rng.random_range(1..=120), rng.random_range(1..=40))));
    (seed, sizes)
}

/// Draws the current screen at every size of `sweep_sizes`: nothing may panic.
pub fn sweep(mut h: Harness) {
    sweep_with(|w, ht| {
        h.render_only(w, ht);
    });
}

/// Calls `draw` at every size of `sweep_sizes`; a panic is passed on, with the size and the
/// seed that found it.
fn sweep_with(mut draw: impl FnMut(u16, u16)) {
    let (seed, sizes) = sweep_sizes();
    for (w, ht) in sizes {
        let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| draw(w, ht)));
        if let Err(panic) = drawn {
            eprintln!("the sweep panicked at {w}x{ht} (PREPDECK_SWEEP_SEED={seed})");
            std::panic::resume_unwind(panic);
        }
    }
}

/// The sampled sweep still fails where a layout breaks: a screen that panics at one size
/// among the small ones (where layouts give rows and columns up) or just past a breakpoint is
/// caught, whatever the random part drew.
#[test]
fn a_sampled_sweep_catches_a_layout_that_breaks_at_one_size() {
    let smallest = [
        (1, 1),
        (1, 8),
        (8, 1),
        (2, 7),
        (3, 5),
        (5, 3),
        (7, 2),
        (8, 8),
    ];
    let breakpoints = [(39, 24), (41, 24), (79, 23), (81, 25), (59, 16)];
    for (pw, ph) in smallest.into_iter().chain(breakpoints) {
        let caught = std::panic::catch_unwind(|| {
            sweep_with(|w, h| assert!((w, h) != (pw, ph), "planted mistake"));
        });
        assert!(caught.is_err(), "a panic at {pw}x{ph} went unnoticed");
    }
}
