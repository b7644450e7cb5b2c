//! Key-driven flows with a fake clock.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::support::Harness;
use crate::tui::app::Current;
use crate::tui::keys::Context;

#[test]
fn drill_three_cards_records_three_reviews_and_returns_home() {
    let mut h = Harness::new();
    assert_eq!(h.app.context(), Context::Home);
    h.key(KeyCode::Char('d'));
    assert_eq!(h.app.context(), Context::Question);
    for _ in 0..3 {
        h.wait(10);
        h.key(KeyCode::Enter);
        assert_eq!(h.app.context(), Context::Revealed);
        h.key(KeyCode::Char('3'));
    }
    assert_eq!(h.written.get(), 3);
    assert!(h.screen(80, 24).contains("4/4"));
    h.key(KeyCode::Esc);
    assert_eq!(h.app.context(), Context::Summary);
    assert!(h.screen(80, 24).contains("3 of 4"));
    h.key(KeyCode::Char('q'));
    assert_eq!(h.app.context(), Context::Home);
    assert!(h.screen(80, 24).contains("3 reviewed"));
    assert!(!h.app.should_quit());
    h.key(KeyCode::Char('q'));
    assert!(h.app.should_quit());
}

#[test]
fn the_clock_ticks_only_while_thinking() {
    let mut h = Harness::new();
    assert!(!h.app.needs_ticks());
    h.key(KeyCode::Char('d'));
    assert!(h.app.needs_ticks());
    h.wait(65);
    assert!(h.screen(80, 24).contains("1:05"));
    h.key(KeyCode::Char(' '));
    assert!(!h.app.needs_ticks());
    h.wait(100);
    assert!(
        h.screen(80, 24).contains("1:05"),
        "the clock stops at reveal"
    );
    h.key(KeyCode::Char('?'));
    assert!(!h.app.needs_ticks());
}

#[test]
fn a_failed_write_keeps_the_card_and_says_so() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char(' '));
    h.fail.set(true);
    h.key(KeyCode::Char('3'));
    assert_eq!(h.app.context(), Context::Revealed);
    let s = h.screen(80, 24);
    assert!(s.contains("Not recorded"), "{s}");
    assert!(s.contains("1/4"));
    h.fail.set(false);
    h.key(KeyCode::Char('3'));
    assert_eq!(h.written.get(), 1);
    assert!(h.screen(80, 24).contains("2/4"));
}

#[test]
fn undo_brings_the_card_back_and_toggles_work() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char(' '));
    {
        let Current::Drill(d) = &h.app.current else {
            panic!()
        };
        assert_eq!(d.session().checklist(), &[true, true, false, false]);
    }
    h.key(KeyCode::Char('2'));
    h.key(KeyCode::Char('u'));
    assert_eq!(h.written.get(), 2, "a review and its undo");
    assert_eq!(h.app.context(), Context::Revealed);
    assert!(h.screen(80, 24).contains("1/4"));
}

#[test]
fn editor_keys_type_text_not_commands() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char('e'));
    assert_eq!(h.app.context(), Context::Draft);
    h.chars("q?3");
    assert_eq!(h.app.context(), Context::Draft);
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(h.app.context(), Context::Revealed);
    assert!(h.screen(80, 40).contains("q?3"));
}

#[test]
fn built_in_decks_are_read_only() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char('o'));
    assert!(h.screen(80, 24).contains("read-only"));
}

#[test]
fn help_opens_and_any_other_key_closes_it() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('?'));
    assert_eq!(h.app.context(), Context::Help);
    h.key(KeyCode::Char('z'));
    assert_eq!(h.app.context(), Context::Home);
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char('e'));
    h.key_mod(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(h.app.should_quit());
}

#[test]
fn status_messages_are_sanitized_once_for_every_sender() {
    let mut h = Harness::new();
    h.app.notify(
        crate::tui::app::Level::Error,
        "bad \u{1b}]0;title\u{7}deck\nnext",
    );
    let (_, text) = h.app.message.clone().unwrap();
    assert_eq!(text, "bad deck next");
}
