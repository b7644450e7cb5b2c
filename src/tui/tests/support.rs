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
            return Err(StudyError(
                "could not save to state.jsonl: the disk is full".into(),
            ));
        }
        let n = self.written.get() + 1;
        self.written.set(n);
        self.log.borrow_mut().push(body.clone());
        Ok(Record::new(RecordId::new(format!("rec-{n}")), now, body))
    }

    /// Never needed: the test study is made with every record loaded.
    fn read_back(&self) -> Result<Vec<Record>, StudyError> {
        Err(StudyError("the test journal keeps no records".into()))
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
        let study = LogStudy::new(journal, records, config, utc);
        let app = App::new(decks, Box::new(study), Theme::colored(), t0());
        Harness {
            app,
            now: t0(),
            written,
            fail,
            fail_after,
            log,
        }
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
