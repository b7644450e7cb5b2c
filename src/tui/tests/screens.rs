//! Screen snapshots at 80x24 and 50x16, and a sweep of sizes that must not panic.

use ratatui::crossterm::event::KeyCode;

use super::support::{Harness, sweep};

const SIZES: [(u16, u16); 2] = [(80, 24), (50, 16)];

fn snap(h: &mut Harness, name: &str) {
    for (w, ht) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), h.screen(w, ht));
    }
}

/// A harness on the drill's revealed first card, with a draft that covers two key points.
fn revealed() -> Harness {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.wait(42);
    h.key(KeyCode::Char('e'));
    h.chars("Open a major incident and restore with a workaround");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char(' '));
    h
}

/// Three cards graded (Again, Good, Again), then back home.
fn with_history() -> Harness {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    for g in ['1', '3', '1'] {
        h.wait(20);
        h.key(KeyCode::Char(' '));
        h.wait(5);
        h.key(KeyCode::Char(g));
    }
    h.key(KeyCode::Char('q'));
    h
}

#[test]
fn home_first_run() {
    snap(&mut Harness::new(), "home_empty");
}

#[test]
fn home_with_history() {
    let mut h = with_history();
    snap(&mut h, "summary_after_quit");
    h.key(KeyCode::Char('q'));
    snap(&mut h, "home_history");
}

#[test]
fn drill_question_with_clock() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.wait(83);
    snap(&mut h, "drill_question");
    h.key(KeyCode::Char('e'));
    h.chars("First I would open a major incident");
    snap(&mut h, "drill_draft");
}

#[test]
fn reveal_with_checklist() {
    snap(&mut revealed(), "drill_revealed");
}

#[test]
fn summary_of_a_finished_session() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    for g in ['3', '4', '2', '1'] {
        h.wait(30);
        h.key(KeyCode::Char(' '));
        h.key(KeyCode::Char(g));
    }
    snap(&mut h, "summary");
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('?'));
    snap(&mut h, "help_home");
    let mut h = revealed();
    h.key(KeyCode::Char('?'));
    snap(&mut h, "help_revealed");
}

#[test]
fn too_small() {
    let mut h = Harness::new();
    insta::assert_snapshot!("too_small_29x10", h.screen(29, 10));
}

// A sweep of sizes (`support::sweep_sizes`), on every screen: nothing may panic. One test per screen so
// they run in parallel.
#[test]
fn sweep_home() {
    sweep(Harness::new());
}

#[test]
fn sweep_revealed() {
    sweep(revealed());
}

#[test]
fn sweep_summary() {
    sweep(with_history());
}

#[test]
fn sweep_draft() {
    let mut q = Harness::new();
    q.key(KeyCode::Char('d'));
    q.key(KeyCode::Char('e'));
    q.chars("a draft");
    sweep(q);
}

#[test]
fn sweep_help() {
    let mut help = revealed();
    help.key(KeyCode::Char('?'));
    sweep(help);
}

#[test]
fn home_with_more_decks_than_rows_fit_in_u16_does_not_overflow() {
    // One card a deck: the rows are what count here, and 65,535 decks of the whole test deck
    // made the home overview four times the work.
    let mut deck = super::support::deck();
    deck.cards.truncate(1);
    let decks = vec![deck; usize::from(u16::MAX)];
    let mut h = super::support::Harness::with_decks(decks, vec![]);
    let _ = h.render_only(80, 24);
}

/// A behavioural card's revealed draft shows its STAR parts under the key points (as the mock
/// debrief does); the situational card before it shows none.
#[test]
fn a_behavioural_draft_shows_its_star_parts_at_the_reveal() {
    let mut h = revealed();
    let first = h.screen(80, 40);
    assert!(!first.contains("STAR:"), "{first}");
    h.key(KeyCode::Char('3'));
    h.wait(5);
    let question = h.screen(80, 24);
    assert!(question.contains("low performer"), "{question}");
    h.key(KeyCode::Char('e'));
    h.chars(
        "At a small charity one engineer kept missing his tickets. I met him one-to-one, \
         agreed three clear goals and reviewed them weekly. Within two months his backlog \
         fell from forty tickets to five.",
    );
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char(' '));
    let screen = h.screen(80, 40);
    assert!(
        screen.contains("STAR: found Situation, Action, Result; missing Task"),
        "{screen}"
    );
}
