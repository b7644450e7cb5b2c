//! The study loop's flows: every drill action confirmed on the status line with what `u`
//! would undo, `x` suspending, and practice ahead of schedule.

use ratatui::crossterm::event::KeyCode;

use super::support::Harness;
use crate::core::record::RecordBody;
use crate::tui::keys::Context;

#[test]
fn each_action_is_confirmed_with_what_undo_would_take_back() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('3'));
    assert_eq!(h.status(), "Graded Good. u: undo the Good grade.");
    h.key(KeyCode::Char('s'));
    assert_eq!(h.status(), "Skipped. u: undo the skip.");
    h.key(KeyCode::Char('b'));
    assert_eq!(h.status(), "Buried until tomorrow. u: undo the bury.");
    // `x` suspends, on the question as on the revealed answer (as in line mode).
    h.key(KeyCode::Enter);
    assert_eq!(h.app.context(), Context::Revealed);
    h.key(KeyCode::Char('x'));
    assert_eq!(h.status(), "Suspended. u: undo the suspension.");
    assert!(matches!(
        h.log.borrow().last(),
        Some(RecordBody::Suspend { .. })
    ));
    // Undo takes back the suspension first, and says what comes next.
    h.key(KeyCode::Char('u'));
    assert_eq!(h.status(), "Undone: the suspension. Next u: undo the bury.");
    assert!(matches!(
        h.log.borrow().last(),
        Some(RecordBody::Undo { .. })
    ));
    assert_eq!(h.app.context(), Context::Revealed);
    let s = h.screen(80, 24);
    assert!(s.contains("Undone: the suspension."), "{s}");
}

#[test]
fn practice_from_home_records_practice_and_moves_no_due_date() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('p'));
    assert_eq!(h.app.context(), Context::Question);
    assert!(
        h.status().starts_with("Practice ahead of schedule"),
        "{}",
        h.status()
    );
    let s = h.screen(80, 24);
    assert!(s.contains("practice  1/4"), "{s}");
    h.key(KeyCode::Enter);
    let s = h.screen(80, 24);
    assert!(s.contains("practice: no due date moves"), "{s}");
    h.key(KeyCode::Char('3'));
    assert_eq!(
        h.status(),
        "Practised: Good (no due date moved). u: undo the Good practice grade."
    );
    assert!(matches!(
        h.log.borrow().last(),
        Some(RecordBody::Practice(_))
    ));
    // Home still offers every card as new: nothing was scheduled.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('q'));
    assert_eq!(h.app.context(), Context::Home);
    assert_eq!(h.app.overview.total.0, 4, "{:?}", h.app.overview.total);
}

#[test]
fn practice_as_reviews_reschedules() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('P'));
    assert!(h.status().contains("count as reviews"), "{}", h.status());
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('3'));
    assert!(matches!(h.log.borrow().last(), Some(RecordBody::Review(_))));
}

#[test]
fn the_grade_bar_fits_at_40_columns() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Enter);
    let s = h.screen(40, 16);
    for needle in ["1 A", "2 H", "3 G", "4 E"] {
        assert!(s.contains(needle), "{needle} missing:\n{s}");
    }
    insta::assert_snapshot!("drill_revealed_40x16", s);
}

/// Unsuspend and unbury from the app: the card browser's `!` and `u`, found with the state
/// filter; each writes what the matching `prepdeck cards` command writes.
#[test]
fn the_browser_unsuspends_and_unburies() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('d'));
    h.key(KeyCode::Char('b'));
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Char('q'));
    while h.app.context() != Context::Home {
        h.key(KeyCode::Char('q'));
    }
    h.key(KeyCode::Char('b'));
    // The state filter: new, learning, due, review, suspended, buried.
    for _ in 0..5 {
        h.key(KeyCode::Char('s'));
    }
    assert!(h.screen(80, 24).contains("State: suspended"));
    h.key(KeyCode::Char('u'));
    assert_eq!(h.status(), "This card is not buried.");
    h.key(KeyCode::Char('!'));
    assert_eq!(h.status(), "Unsuspended: the card is back in its queue.");
    assert!(matches!(
        h.log.borrow().last(),
        Some(RecordBody::Unsuspend { .. })
    ));
    h.key(KeyCode::Char('s'));
    assert!(h.screen(80, 24).contains("State: buried"));
    h.key(KeyCode::Char('u'));
    assert_eq!(h.status(), "Unburied: the card is back in today's queue.");
    let now = h.now;
    assert!(matches!(
        h.log.borrow().last(),
        Some(RecordBody::Bury { until, .. }) if *until == now
    ));
    h.key(KeyCode::Esc);
    while h.app.context() != Context::Home {
        h.key(KeyCode::Char('q'));
    }
    // Both cards are back among today's new cards.
    assert_eq!(h.app.overview.total.0, 4, "{:?}", h.app.overview.total);
}

/// The statistics lists jump to their ends: End/G to the bottom, Home/g back to the top.
#[test]
fn statistics_lists_jump_to_their_ends() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('s'));
    let top = h.screen(80, 12);
    h.key(KeyCode::Char('G'));
    let bottom = h.screen(80, 12);
    assert_ne!(top, bottom);
    h.key(KeyCode::Char('j'));
    assert_eq!(h.screen(80, 12), bottom, "the bottom is the end");
    h.key(KeyCode::Home);
    assert_eq!(h.screen(80, 12), top);
    h.key(KeyCode::End);
    assert_eq!(h.screen(80, 12), bottom);
    h.key(KeyCode::Char('g'));
    assert_eq!(h.screen(80, 12), top);
}

/// The test deck under another id and title, its cards copied `copies` times (ids made unique).
fn deck_copy(id: &str, title: &str, copies: usize) -> crate::core::deck::Deck {
    let text = include_str!("deck.toml");
    let (head, cards) = text.split_at(text.find("[[card]]").unwrap());
    let head = head
        .replace("id = \"test-deck\"", &format!("id = \"{id}\""))
        .replace("Test deck: interview basics", title);
    let mut out = head;
    for n in 0..copies {
        out.push_str(&cards.replace("[[card]]\nid = \"", &format!("[[card]]\nid = \"c{n}-")));
    }
    crate::core::deck::parse_deck(
        &out,
        crate::core::deck::DeckSource::Builtin(format!("{id}.toml")),
    )
    .unwrap()
}

#[test]
fn a_deck_rows_new_count_is_what_its_enter_drills() {
    // Ten new cards a day: deck a's twelve take all ten when the decks are drilled together;
    // deck b, drilled alone, introduces its four.
    let mut h = Harness::with_decks(
        vec![
            deck_copy("a", "Deck Alpha", 3),
            deck_copy("b", "Deck Beta", 1),
        ],
        vec![],
    );
    let s = h.screen(80, 24);
    let row = |s: &str, name: &str| {
        s.lines()
            .find(|l| l.contains(name))
            .map(|l| {
                let numbers: Vec<String> = l
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|w| !w.is_empty())
                    .map(String::from)
                    .collect();
                numbers.into_iter().rev().take(3).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    // The row's numbers from the right: due, learn, new.
    assert_eq!(row(&s, "All decks"), ["0", "0", "10"], "{s}");
    assert_eq!(row(&s, "Deck Alpha"), ["0", "0", "10"], "{s}");
    assert_eq!(row(&s, "Deck Beta"), ["0", "0", "4"], "{s}");
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Enter);
    let s = h.screen(80, 24);
    assert!(s.contains("Deck Beta"), "{s}");
    assert!(s.contains("1/4"), "{s}");
}
