//! A deck file that does not load is never silent: home names it with its first problem, `D`
//! shows every problem, `o` opens the file at the error line (from home, the problems screen
//! and a drill whose edit broke the deck) until it parses. And home's counts follow the day:
//! the loop wakes at the next day start and the counts start again.

use std::path::PathBuf;

use chrono::{Duration, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::support::{Harness, deck};
use crate::core::deck::{Deck, DeckProblem, DeckSource, parse_deck};
use crate::tui::app::Request;
use crate::tui::keys::Context;

const PATH: &str = "/decks/test-deck.toml";

fn file_deck() -> Deck {
    parse_deck(
        include_str!("deck.toml"),
        DeckSource::File(PathBuf::from(PATH)),
    )
    .unwrap()
}

/// The test deck with two mistakes: an unknown category (line 17) and kind (line 18).
fn broken() -> DeckProblem {
    let text = include_str!("deck.toml")
        .replacen("category = \"incidents\"", "category = \"incident\"", 1)
        .replacen("kind = \"situational\"", "kind = \"situationl\"", 1);
    let diagnostics = parse_deck(&text, DeckSource::File(PathBuf::from(PATH))).unwrap_err();
    DeckProblem {
        origin: PATH.into(),
        diagnostics,
    }
}

fn press(h: &mut Harness, c: char) -> Option<Request> {
    h.app
        .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), h.now)
}

/// One card graded Good today, then back on home.
fn grade_one_and_go_home(h: &mut Harness) {
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('3'));
    while h.app.context() != Context::Home {
        h.key(KeyCode::Char('q'));
    }
}

#[test]
fn home_names_each_broken_deck_with_its_first_problem() {
    let mut h = Harness::new();
    h.app.broken = vec![broken()];
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Not loaded: test-deck.toml:17:12: unknown category `incident` (+1"),
        "{screen}"
    );
    assert!(
        screen.contains("D every problem  o fix it in $EDITOR"),
        "{screen}"
    );
    insta::assert_snapshot!("home_broken_deck_80x24", screen);
    insta::assert_snapshot!("home_broken_deck_50x16", h.screen(50, 16));
}

#[test]
fn d_shows_every_problem_and_o_opens_the_file_at_the_first_until_it_parses() {
    let mut h = Harness::new();
    h.app.broken = vec![broken()];
    assert_eq!(press(&mut h, 'D'), None);
    assert_eq!(h.app.context(), Context::Problems);
    let screen = h.screen(80, 24);
    assert!(screen.contains("unknown category `incident`"), "{screen}");
    assert!(screen.contains("unknown kind `situationl`"), "{screen}");
    insta::assert_snapshot!("deck_problems_80x24", screen);
    let edit = Request::Edit {
        path: PathBuf::from(PATH),
        line: 17,
    };
    assert_eq!(press(&mut h, 'o'), Some(edit.clone()));
    // The editor fixed one mistake of two: the same file, named, at the next error's line.
    let mut left = broken();
    left.diagnostics.0.remove(0);
    h.app.reload_decks(vec![deck()], vec![left], h.now);
    assert_eq!(
        h.status(),
        "Not loaded: /decks/test-deck.toml:18:8: unknown kind `situationl` (1 problem). Press o \
         to open it again at line 18."
    );
    assert_eq!(h.app.context(), Context::Problems);
    assert_eq!(
        press(&mut h, 'o'),
        Some(Request::Edit {
            path: PathBuf::from(PATH),
            line: 18
        })
    );
    // Fixed: home again, with the deck.
    h.app.reload_decks(vec![deck(), file_deck()], vec![], h.now);
    assert_eq!(h.app.context(), Context::Home);
    assert_eq!(h.status(), "Every deck loads now.");
    assert!(!h.screen(80, 24).contains("Not loaded"));
    // `o` on home opens the first broken deck; with none it does nothing.
    assert_eq!(press(&mut h, 'o'), None);
    h.app.broken = vec![broken()];
    assert_eq!(press(&mut h, 'o'), Some(edit));
}

#[test]
fn o_in_a_drill_reopens_the_deck_its_edit_broke() {
    let mut h = Harness::with_decks(vec![file_deck()], vec![]);
    h.key(KeyCode::Char('d'));
    let Some(Request::Edit { path, line }) = press(&mut h, 'o') else {
        panic!("no edit: {}", h.status());
    };
    assert_eq!(path, PathBuf::from(PATH));
    // The edit broke the deck: the status line names that file and `o` opens it again.
    h.app.reload_decks(vec![], vec![broken()], h.now);
    assert!(
        h.status()
            .starts_with("Not loaded: /decks/test-deck.toml:17:12"),
        "{}",
        h.status()
    );
    assert_eq!(
        press(&mut h, 'o'),
        Some(Request::Edit {
            path: PathBuf::from(PATH),
            line: 17
        })
    );
    assert_ne!(line, 17);
    // Mended: the card's page is back, `o` opens the card itself.
    h.app.reload_decks(vec![file_deck()], vec![], h.now);
    assert_eq!(h.status(), "Decks reloaded: /decks/test-deck.toml loads.");
    assert_eq!(
        press(&mut h, 'o'),
        Some(Request::Edit {
            path: PathBuf::from(PATH),
            line
        })
    );
}

#[test]
fn home_counts_start_again_when_the_day_turns_without_a_key() {
    let mut h = Harness::new();
    grade_one_and_go_home(&mut h);
    assert_eq!(h.app.overview.reviewed_today, 1);
    // 09:00 UTC, the day starts at 04:00 (UTC here): the loop sleeps an hour at most...
    assert_eq!(h.app.wake_in(h.now), std::time::Duration::from_secs(3600));
    // ...and exactly until the day start when it is nearer.
    h.now = Utc.with_ymd_and_hms(2026, 3, 3, 3, 30, 0).unwrap();
    h.app.tick(h.now);
    assert_eq!(h.app.overview.reviewed_today, 1);
    assert_eq!(h.app.wake_in(h.now), std::time::Duration::from_secs(1800));
    h.now += Duration::minutes(30);
    h.app.tick(h.now);
    assert_eq!(h.app.overview.reviewed_today, 0);
    assert!(h.screen(80, 24).contains("Today: 0 reviewed"));
    assert_eq!(h.app.wake_in(h.now), std::time::Duration::from_secs(3600));
}

/// The loop's side: idle on home, it waits for the next day start (not a tick), and redraws
/// with the new day's counts when that wait ends without a key.
#[test]
fn the_idle_loop_sleeps_until_the_day_turns_then_redraws() {
    use crate::tui::runner::{Host, run};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::Event;

    struct Fake {
        now: chrono::DateTime<Utc>,
        waits: Vec<Option<std::time::Duration>>,
    }
    impl Host for Fake {
        fn now(&mut self) -> chrono::DateTime<Utc> {
            self.now
        }
        fn next_event(
            &mut self,
            timeout: Option<std::time::Duration>,
        ) -> std::io::Result<Option<Event>> {
            self.waits.push(timeout);
            if self.waits.len() == 1 {
                // Nothing typed: the wait runs out.
                self.now += Duration::from_std(timeout.unwrap()).unwrap();
                return Ok(None);
            }
            Ok(Some(Event::Key(KeyEvent::new(
                KeyCode::Char('q'),
                KeyModifiers::NONE,
            ))))
        }
        fn edit(&mut self, _: &std::path::Path, _: usize) -> anyhow::Result<()> {
            Ok(())
        }
        fn reload(&mut self) -> (Vec<Deck>, Vec<DeckProblem>) {
            (vec![deck()], vec![])
        }
    }

    let mut h = Harness::new();
    grade_one_and_go_home(&mut h);
    let mut host = Fake {
        now: Utc.with_ymd_and_hms(2026, 3, 3, 3, 50, 0).unwrap(),
        waits: vec![],
    };
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    assert_eq!(h.app.overview.reviewed_today, 1);
    run(&mut term, &mut h.app, &mut host).unwrap();
    assert_eq!(host.waits[0], Some(std::time::Duration::from_secs(600)));
    assert_eq!(h.app.overview.reviewed_today, 0);
    assert!(term.backend().to_string().contains("Today: 0 reviewed"));
}

/// A banner of broken decks on a short terminal leaves no row for the deck list: Enter is not
/// offered for it.
#[test]
fn home_without_room_for_the_deck_list_does_not_offer_enter() {
    let mut h = Harness::new();
    h.app.broken = vec![broken(), broken(), broken(), broken()];
    let s = h.screen(30, 8);
    assert!(!s.contains("▸"), "{s}");
    assert!(!s.contains("drill selected"), "{s}");
    for w in [30, 40, 60, 80] {
        for ht in 8..=16 {
            let s = h.screen(w, ht);
            if s.contains("drill selected") {
                assert!(s.contains("▸"), "{w}x{ht}:\n{s}");
            }
        }
    }
}
