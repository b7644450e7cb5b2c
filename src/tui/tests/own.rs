//! The candidate's own material in the app: the card browser (search, filters, a card's
//! page, its actions, the text box), notes and answers beside the model answer, and the story
//! bank screen. Snapshots at 80x24 and 50x16, flows with the in-memory journal, and sweeps.

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::support::{Harness, deck, sweep, t0};
use crate::core::ids::RecordId;
use crate::core::record::{CardText, Record, RecordBody};
use crate::core::stories::{coverage, parse_stories};
use crate::study::{StoriesRead, StoriesView};
use crate::tui::app::Current;
use crate::tui::screens::stories::StoriesScreen;

const SIZES: [(u16, u16); 2] = [(80, 24), (50, 16)];

fn snap(h: &mut Harness, name: &str) {
    for (w, ht) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), h.screen(w, ht));
    }
}

fn note(card: &str, text: &str) -> Record {
    Record::new(
        RecordId::new(format!("note-{card}")),
        t0() - Duration::days(1),
        RecordBody::Note(CardText {
            deck: "test-deck".into(),
            card: card.into(),
            text: text.into(),
        }),
    )
}

/// The browser searched for "outage", on the major-incident card's page.
fn on_page(h: &mut Harness) {
    h.key(KeyCode::Char('/'));
    h.chars("outage");
    h.key(KeyCode::Enter);
}

#[test]
fn home_opens_the_browser_with_the_search_ready_and_it_narrows_as_you_type() {
    let mut h = Harness::with_records(vec![note("low-performer", "Use the Kim story")]);
    h.key(KeyCode::Char('/'));
    snap(&mut h, "browser_all");
    h.chars("kim");
    // The note is searched too: one card left.
    let screen = h.screen(80, 24);
    assert!(screen.contains("1 of 4"), "{screen}");
    assert!(screen.contains("handled a low"), "{screen}");
    snap(&mut h, "browser_search");
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    assert!(h.screen(80, 24).contains("4 of 4"));
}

#[test]
fn filters_cycle_by_state_and_kind_and_x_clears_them() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('b'));
    // New, then learning: nothing is learning yet.
    h.key(KeyCode::Char('s'));
    assert!(h.screen(80, 24).contains("4 of 4"));
    h.key(KeyCode::Char('s'));
    let s = h.screen(80, 24);
    assert!(s.contains("0 of 4") && s.contains("No card matches"), "{s}");
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Char('t'));
    let s = h.screen(80, 24);
    assert!(
        s.contains("Kind: behavioral") && s.contains("1 of 4"),
        "{s}"
    );
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Char('f'));
    assert!(h.screen(80, 24).contains("Deck: Test deck"));
}

#[test]
fn a_card_page_shows_note_attempts_history_and_memory() {
    let mut h = Harness::new();
    // A drill with a typed draft, graded Good: one attempt and one review.
    h.key(KeyCode::Char('d'));
    h.wait(10);
    h.key(KeyCode::Char('e'));
    h.chars("Declare a major incident and restore with a workaround.");
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    h.key(KeyCode::Char('3'));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('q'));
    h.wait(60);
    on_page(&mut h);
    let page = h.screen(80, 24);
    assert!(page.contains("Your attempts (1, newest first)"), "{page}");
    assert!(page.contains("drill ·"), "{page}");
    snap(&mut h, "card_page");
    h.key(KeyCode::PageDown);
    h.key(KeyCode::PageDown);
    let bottom = h.screen(80, 24);
    assert!(bottom.contains("Review history (1)"), "{bottom}");
    assert!(bottom.contains("Good"), "{bottom}");
    assert!(bottom.contains("recall now"), "{bottom}");
    snap(&mut h, "card_page_bottom");
}

#[test]
fn writing_a_note_in_the_text_box_records_it_and_shows_it() {
    let mut h = Harness::new();
    on_page(&mut h);
    h.key(KeyCode::Char('n'));
    h.chars("Lead with the Friday outage at the college.");
    snap(&mut h, "note_box");
    // Esc with changes asks first; the text is still there.
    h.key(KeyCode::Esc);
    assert!(h.screen(80, 24).contains("Esc again discards"));
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let log = h.log.borrow().clone();
    let [RecordBody::Note(n)] = log.as_slice() else {
        panic!("{log:?}");
    };
    assert_eq!(n.text, "Lead with the Friday outage at the college.");
    assert_eq!(n.card.as_str(), "major-incident");
    let page = h.screen(80, 24);
    assert!(page.contains("Your note is saved."), "{page}");
    assert!(page.contains("Lead with the Friday outage"), "{page}");
    // Saving the same text again records nothing.
    h.key(KeyCode::Char('n'));
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(h.log.borrow().len(), 1);
    assert!(h.screen(80, 24).contains("unchanged"));
}

/// A paste goes to the search box (one line, escapes removed) and to the text box (whole,
/// line breaks kept, escapes removed); elsewhere it does nothing.
#[test]
fn pastes_go_to_the_search_box_and_the_text_box() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('/'));
    h.app.paste("out\u{1b}[31mage\r\n", h.now);
    let s = h.screen(80, 24);
    assert!(s.contains("Search: outage"), "{s}");
    assert!(s.contains("1 of 4"), "{s}");
    h.key(KeyCode::Enter);
    h.app.paste("ignored on the page", h.now);
    h.key(KeyCode::Char('a'));
    h.app.paste("First line\r\nsecond\u{1b}[2J line", h.now);
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let log = h.log.borrow().clone();
    let [RecordBody::MyAnswer(a)] = log.as_slice() else {
        panic!("{log:?}");
    };
    assert_eq!(a.text, "First line\nsecond line");
    // A paste longer than a text keeps is cut, and the box says so.
    h.key(KeyCode::Char('n'));
    h.app
        .paste(&"y".repeat(crate::study::MAX_TEXT_CHARS + 10), h.now);
    let s = h.screen(80, 24);
    assert!(s.contains("The paste was cut"), "{s}");
}

#[test]
fn a_note_too_long_is_refused_and_stays_in_the_box() {
    let mut h = Harness::new();
    on_page(&mut h);
    h.key(KeyCode::Char('a'));
    let long = "x".repeat(crate::study::MAX_TEXT_CHARS + 1);
    if let Current::Browser(b) = &mut h.app.current
        && let Some(e) = b.page.as_mut().and_then(|p| p.editor.as_mut())
    {
        e.area.insert_str(&long);
    }
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(h.log.borrow().is_empty());
    let s = h.screen(80, 24);
    assert!(s.contains("not saved") && s.contains("longer than"), "{s}");
    let Current::Browser(b) = &h.app.current else {
        panic!("left the browser");
    };
    let kept = b
        .page
        .as_ref()
        .and_then(|p| p.editor.as_ref())
        .map(|e| e.text());
    assert_eq!(kept.map(|t| t.len()), Some(long.len()));
}

#[test]
fn suspend_and_unsuspend_from_the_page_and_drill_it_now() {
    let mut h = Harness::new();
    on_page(&mut h);
    h.key(KeyCode::Char('!'));
    assert!(h.screen(80, 24).contains("Suspended:"));
    h.key(KeyCode::Char('!'));
    assert!(h.screen(80, 24).contains("Unsuspended"));
    let log = h.log.borrow().clone();
    assert!(
        matches!(
            log.as_slice(),
            [RecordBody::Suspend { .. }, RecordBody::Unsuspend { .. }]
        ),
        "{log:?}"
    );
    h.key(KeyCode::Char('d'));
    let s = h.screen(80, 24);
    assert!(s.contains("1/1") && s.contains("major outage"), "{s}");
}

#[test]
fn reveal_shows_note_and_own_answer_and_p_keeps_the_draft() {
    let mut h = Harness::with_records(vec![note(
        "major-incident",
        "Mention the 30-minute updates",
    )]);
    h.key(KeyCode::Char('d'));
    h.wait(10);
    h.key(KeyCode::Char('e'));
    h.chars("Declare a major incident, name roles, restore with a workaround.");
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    for _ in 0..30 {
        h.key(KeyCode::Char('j'));
    }
    let s = h.screen(80, 24);
    assert!(s.contains("Your note"), "{s}");
    assert!(s.contains("30-minute updates"), "{s}");
    snap(&mut h, "reveal_with_own_material");
    h.key(KeyCode::Char('P'));
    let log = h.log.borrow().clone();
    let Some(RecordBody::MyAnswer(a)) = log.last() else {
        panic!("{log:?}");
    };
    assert!(a.text.starts_with("Declare a major incident"));
    assert!(a.from.is_some(), "promoted from the drill draft's record");
    for _ in 0..30 {
        h.key(KeyCode::Char('j'));
    }
    assert!(h.screen(80, 24).contains("Your answer"));
}

fn stories_screen(text: &str) -> Box<StoriesScreen> {
    let decks = vec![deck()];
    let bank = parse_stories(text, "stories.toml")
        .map(|(b, _)| b)
        .map_err(|d| d.0.iter().map(ToString::to_string).collect::<Vec<_>>());
    let cov = coverage(&bank.as_ref().cloned().unwrap_or_default(), &decks);
    Box::new(StoriesScreen::new(Some(Box::new(StoriesView {
        read: StoriesRead {
            path: "/home/me/.local/share/prepdeck/stories.toml".into(),
            exists: true,
            bank,
            warnings: vec![],
        },
        coverage: cov,
    }))))
}

const BANK: &str = r#"format = 1

[[story]]
id = "friday-outage"
title = "The Friday payroll outage"
situation = "Payroll failed at 5pm on the last Friday of the month."
task = "Get 800 people paid on time."
action = "I declared a major incident, split the team and briefed finance every 30 minutes."
result = "Everyone was paid by 9pm; we cut the recovery runbook from 4 hours to 1."
competencies = ["incidents"]
short = "Payroll down at 5pm Friday; major incident, paid by 9pm."

[[story]]
id = "kim"
title = "Coaching Kim back to form"
situation = "A strong engineer's work slipped for three months."
task = "Find out why and fix it."
action = "I asked, listened, and we agreed a plan with weekly check-ins."
result = "Things got better."
competencies = ["people"]
"#;

#[test]
fn story_bank_screen_lists_stories_and_coverage() {
    let mut h = Harness::new();
    h.app.current = Current::Stories(stories_screen(BANK));
    snap(&mut h, "stories");
    h.key(KeyCode::Down);
    let s = h.screen(80, 24);
    assert!(
        s.contains("no#"),
        "a result without a figure is flagged: {s}"
    );
    assert!(s.contains("The result has no figure"), "{s}");
    h.key(KeyCode::Tab);
    let s = h.screen(80, 24);
    assert!(s.contains("fewer than 2 stories"), "{s}");
    assert!(s.contains("! 1  Incident management: friday-outage"), "{s}");
    snap(&mut h, "stories_coverage");
}

#[test]
fn a_story_bank_that_does_not_parse_shows_where() {
    let mut h = Harness::new();
    h.app.current = Current::Stories(stories_screen(
        "format = 1\n[[story]]\nid = \"x\ntitle = 1\n",
    ));
    let s = h.screen(80, 24);
    assert!(s.contains("does not parse"), "{s}");
    assert!(s.contains("stories.toml:3:"), "{s}");
    snap(&mut h, "stories_broken");
    // Drilling is refused until it is fixed.
    h.key(KeyCode::Char('d'));
    assert!(h.screen(80, 24).contains("Fix the story bank first"));
}

#[test]
fn story_bank_without_a_data_folder_says_so() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('S'));
    assert!(h.screen(80, 24).contains("no data folder"));
    h.key(KeyCode::Char('q'));
    assert!(h.screen(80, 24).contains("interview trainer"));
}

#[test]
fn new_screens_never_panic_at_any_size() {
    let mut h = Harness::with_records(vec![note("major-incident", &"long note ".repeat(500))]);
    on_page(&mut h);
    sweep(h);
    let mut h = Harness::new();
    on_page(&mut h);
    h.key(KeyCode::Char('n'));
    h.chars("typing");
    sweep(h);
    let mut h = Harness::new();
    h.key(KeyCode::Char('b'));
    sweep(h);
    let mut h = Harness::new();
    h.app.current = Current::Stories(stories_screen(BANK));
    sweep(h);
    let mut h = Harness::new();
    h.app.current = Current::Stories(stories_screen("not toml ["));
    sweep(h);
}

#[test]
fn the_mock_debrief_shows_the_note_beside_the_model_answer_and_p_keeps_the_answer() {
    use crate::core::session::{Focus, MockSetup};
    let mut h = Harness::with_records(vec![note(
        "major-incident",
        "Mention the 30-minute updates",
    )]);
    let now = h.now;
    h.app.start_mock(
        MockSetup {
            focus: Focus::Category(crate::core::ids::CategoryId::new("incidents")),
            seed: Some(2),
            ..super::mock_screens::setup()
        },
        now,
    );
    h.wait(20);
    h.chars("I would open a major incident and restore with a workaround.");
    h.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
    h.wait(3);
    h.key(KeyCode::F(4));
    let s = h.screen(120, 40);
    assert!(s.contains("Debrief"), "{s}");
    assert!(s.contains("Your note"), "{s}");
    assert!(s.contains("30-minute updates"), "{s}");
    insta::assert_snapshot!("debrief_with_own_material_120x40", s);
    let before = h.log.borrow().len();
    h.key(KeyCode::Char('P'));
    let log = h.log.borrow().clone();
    assert_eq!(log.len(), before + 1, "{log:?}");
    let Some(RecordBody::MyAnswer(a)) = log.last() else {
        panic!("{log:?}");
    };
    assert_eq!(a.card.as_str(), "major-incident");
    assert!(a.text.contains("restore with a workaround"));
    assert!(h.screen(120, 40).contains("Kept as your answer"));
}

/// A harness whose data folder holds `bank` as `stories.toml`.
fn with_bank(bank: Option<&str>) -> (Harness, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    if let Some(text) = bank {
        std::fs::write(dir.path().join("stories.toml"), text).unwrap();
    }
    let h = Harness::with_home(vec![deck()], vec![], Some(dir.path()));
    (h, dir)
}

#[test]
fn stories_that_fit_show_on_the_reveal_and_in_the_mock_reading_time() {
    let (mut h, _dir) = with_bank(Some(BANK));
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char(' '));
    for _ in 0..40 {
        h.key(KeyCode::Char('j'));
    }
    let s = h.screen(80, 24);
    assert!(s.contains("Stories that fit"), "{s}");
    assert!(
        s.contains("The Friday payroll outage [friday-outage]"),
        "{s}"
    );
    assert!(s.contains("proves this competency"), "{s}");

    let (mut h, _dir) = with_bank(Some(BANK));
    let now = h.now;
    h.app.start_mock(
        crate::core::session::MockSetup {
            prep_seconds: 30,
            focus: crate::core::session::Focus::Category(crate::core::ids::CategoryId::new(
                "incidents",
            )),
            ..super::mock_screens::setup()
        },
        now,
    );
    let s = h.screen(80, 24);
    assert!(s.contains("Stories that fit"), "{s}");
    assert!(s.contains("friday-outage"), "{s}");
    snap(&mut h, "mock_prep_stories");
}

#[test]
fn the_story_bank_is_created_from_the_template_private_and_listed() {
    let (mut h, dir) = with_bank(None);
    h.key(KeyCode::Char('S'));
    assert!(h.screen(80, 24).contains("No story bank yet"));
    h.key(KeyCode::Char('n'));
    let path = dir.path().join("stories.toml");
    let s = h.screen(80, 24);
    assert!(s.contains("Story bank created"), "{s}");
    // Its example is commented out: no story of the user's.
    assert!(!s.contains("crm-migration"), "{s}");
    assert!(s.contains("no story yet"), "{s}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // A second `n` never writes over it.
    std::fs::write(&path, "format = 1\n").unwrap();
    h.key(KeyCode::Char('n'));
    assert!(h.screen(80, 24).contains("exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "format = 1\n");
}

#[test]
fn a_story_bank_that_breaks_is_reported_after_the_editor_and_kept() {
    let (mut h, dir) = with_bank(Some(BANK));
    h.key(KeyCode::Char('S'));
    assert!(h.screen(80, 24).contains("2 stories"));
    // As if the editor saved a broken file: the app reloads after `$EDITOR`.
    let broken = BANK.replace("title = \"Coaching", "title = \"Coaching\nbroken = [");
    std::fs::write(dir.path().join("stories.toml"), &broken).unwrap();
    let now = h.now;
    h.app.reload_decks(vec![deck()], vec![], now);
    let s = h.screen(80, 24);
    assert!(s.contains("does not parse"), "{s}");
    assert!(s.contains("stories.toml:"), "{s}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("stories.toml")).unwrap(),
        broken,
        "prepdeck never rewrites the user's file"
    );
}
