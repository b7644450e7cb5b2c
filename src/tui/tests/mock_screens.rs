//! Mock-interview screens: snapshots at 80x24 and a small size, the gauge's colour bands, and
//! the no-panic size sweep.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::Color;

use super::support::{Harness, sweep};
use crate::core::deck::Kind;
use crate::core::session::{AnswerMode, Focus, MockSetup};

const SIZES: [(u16, u16); 2] = [(80, 24), (50, 16)];

fn snap(h: &mut Harness, name: &str) {
    for (w, ht) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), h.screen(w, ht));
    }
}

/// Two questions, no reading time, 60 s answers, no follow-ups, a fixed seed.
pub fn setup() -> MockSetup {
    MockSetup {
        questions: 2,
        prep_seconds: 0,
        answer_seconds: Some(60),
        follow_ups: false,
        seed: Some(1),
        ..MockSetup::default()
    }
}

pub fn started(setup: MockSetup) -> Harness {
    let mut h = Harness::new();
    let now = h.now;
    h.app.start_mock(setup, now);
    h
}

/// A finished two-question typed interview: one answer with fillers and hedges, one skipped.
pub fn debriefed() -> Harness {
    let mut h = started(MockSetup {
        focus: Focus::Category(crate::core::ids::CategoryId::new("incidents")),
        // The major-incident card (with key points) comes first.
        seed: Some(2),
        ..setup()
    });
    h.wait(20);
    h.chars("Um, I think I would open a major incident and, like, restore with a workaround.");
    h.key(KeyCode::Enter);
    h.chars("Then we basically run a blameless review.");
    h.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
    h.wait(3);
    h.key(KeyCode::F(4));
    h
}

/// The style of the gauge's time text ("0:25 left") on screen.
fn clock_color(h: &mut Harness) -> Option<Color> {
    let buf = h.render_only(80, 24);
    for y in 0..24 {
        let row: String = (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect();
        if let Some(i) = row.find(" left") {
            let x = row[..i].chars().count().saturating_sub(1);
            return Some(buf[(x as u16, y)].fg);
        }
    }
    None
}

#[test]
fn setup_screen() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('m'));
    snap(&mut h, "mock_setup");
    h.key(KeyCode::Char('?'));
    snap(&mut h, "mock_setup_help");
}

/// The title counts the cards the focus draws from, not every card whatever the focus.
#[test]
fn the_setup_counts_the_cards_of_the_focus() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('m'));
    assert!(h.screen(80, 24).contains("4 cards in the chosen decks"));
    h.key(KeyCode::Down); // Focus
    h.key(KeyCode::Right); // the weakest: every card, weighted
    assert!(h.screen(80, 24).contains("4 cards in the chosen decks"));
    h.key(KeyCode::Right); // the first category: 2 of the 4 cards
    let s = h.screen(80, 24);
    assert!(s.contains("Incident management"), "{s}");
    assert!(s.contains("2 of 4 cards match the focus"), "{s}");
}

#[test]
fn running_typed_in_each_colour_band() {
    let mut h = started(setup());
    h.run_for(5);
    h.chars("First I would open a major incident");
    snap(&mut h, "mock_typed_green");
    assert_eq!(clock_color(&mut h), Some(Color::Green));
    h.run_for(30);
    snap(&mut h, "mock_typed_yellow");
    assert_eq!(clock_color(&mut h), Some(Color::Yellow));
    h.run_for(17);
    snap(&mut h, "mock_typed_red");
    assert_eq!(clock_color(&mut h), Some(Color::Red));
}

#[test]
fn running_spoken_with_reading_time() {
    let mut h = started(MockSetup {
        mode: AnswerMode::Spoken,
        prep_seconds: 20,
        ..setup()
    });
    h.run_for(4);
    snap(&mut h, "mock_spoken_prep");
    h.key(KeyCode::Enter);
    h.run_for(40);
    snap(&mut h, "mock_spoken_answer");
    h.key(KeyCode::Char('q'));
    snap(&mut h, "mock_confirm_quit");
}

#[test]
fn follow_up_and_pause() {
    let mut h = started(MockSetup {
        focus: Focus::Kind(Kind::Situational),
        follow_ups: true,
        ..setup()
    });
    h.chars("Major incident first.");
    h.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
    h.run_for(12);
    snap(&mut h, "mock_follow_up");
    h.key(KeyCode::F(3));
    snap(&mut h, "mock_paused");
}

#[test]
fn debrief_and_summary() {
    let mut h = debriefed();
    snap(&mut h, "mock_debrief");
    insta::assert_snapshot!("mock_debrief_wide_120x30", h.screen(120, 30));
    h.key(KeyCode::Char('3'));
    snap(&mut h, "mock_debrief_skipped");
    h.key(KeyCode::Enter);
    snap(&mut h, "mock_summary");
}

#[test]
fn sweep_mock_setup() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('m'));
    sweep(h);
}

#[test]
fn sweep_mock_typed() {
    let mut h = started(MockSetup {
        follow_ups: true,
        ..setup()
    });
    h.chars("An answer long enough to wrap over a few lines of a narrow terminal.");
    h.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
    sweep(h);
}

#[test]
fn sweep_mock_spoken_confirm() {
    let mut h = started(MockSetup {
        mode: AnswerMode::Spoken,
        prep_seconds: 10,
        ..setup()
    });
    h.key(KeyCode::Esc);
    sweep(h);
}

#[test]
fn sweep_mock_debrief() {
    sweep(debriefed());
}

#[test]
fn sweep_mock_summary() {
    let mut h = debriefed();
    h.key(KeyCode::Char('s'));
    sweep(h);
}

#[test]
fn an_answer_to_another_question_says_so_in_the_debrief() {
    let mut h = started(MockSetup {
        focus: Focus::Category(crate::core::ids::CategoryId::new("incidents")),
        seed: Some(2),
        ..setup()
    });
    h.wait(20);
    // A budget story, given to the major-incident question: it says "update" and
    // "communicate"-like words but answers another question.
    h.chars(
        "In my second year the finance director told me the IT budget would be cut by twelve \
         per cent. I went through every contract and licence line with the accountant, found \
         forty unused software licences and two support contracts for retired servers, \
         cancelled them at renewal and moved backup storage to a cheaper tier. We met the cut \
         without losing any service and the savings were confirmed in the quarterly budget \
         review, and I kept the finance team updated every month.",
    );
    h.key(KeyCode::Enter);
    h.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
    h.wait(3);
    h.key(KeyCode::F(4));
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("This reads like an answer to another question"),
        "{screen}"
    );
    assert!(screen.contains("Key points (0 of"), "{screen}");
    assert!(!screen.contains("[x]"), "{screen}");
}
