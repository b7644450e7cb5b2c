//! Key bindings as data: one table of (screen, key, action) per area. Help is generated from
//! them.
//!
//! Arrows and vim keys both work; `q`/Esc backs out. Nothing here decides what an action does.

mod mock;
mod own;
mod targets;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{Action, Context, Key, code, ctrl, k};
use crate::core::grade::Grade;
use mock::MOCK_KEYMAP;
use own::OWN_KEYMAP;
use targets::TARGET_KEYMAP;

use Action as A;
use Context as C;

/// The keymap: every binding of every screen, in help order.
pub const KEYMAP: &[(Context, Key, Action)] = &[
    (C::Home, code(KeyCode::Up), A::Up),
    (C::Home, k('k'), A::Up),
    (C::Home, code(KeyCode::Down), A::Down),
    (C::Home, k('j'), A::Down),
    (C::Home, code(KeyCode::Enter), A::Select),
    (C::Home, k('d'), A::DrillDue),
    (C::Home, k('m'), A::Mock),
    (C::Home, k('w'), A::Weak),
    (C::Home, k('p'), A::Practice),
    (C::Home, k('P'), A::PracticeReviews),
    (C::Home, k('s'), A::Stats),
    (C::Home, k('D'), A::Problems),
    (C::Home, k('o'), A::OpenBroken),
    (C::Home, k('h'), A::History),
    (C::Home, k('?'), A::Help),
    (C::Home, k('q'), A::Back),
    (C::Home, code(KeyCode::Esc), A::Back),
    (C::Question, code(KeyCode::Char(' ')), A::Reveal),
    (C::Question, code(KeyCode::Enter), A::Reveal),
    (C::Question, k('e'), A::Draft),
    (C::Question, k('i'), A::Draft),
    (C::Question, k('s'), A::Skip),
    (C::Question, k('b'), A::Bury),
    (C::Question, k('x'), A::Suspend),
    (C::Question, k('!'), A::Suspend),
    (C::Question, k('u'), A::Undo),
    (C::Question, k('o'), A::EditCard),
    (C::Question, k('?'), A::Help),
    (C::Question, k('q'), A::Back),
    (C::Question, code(KeyCode::Esc), A::Back),
    (C::Draft, code(KeyCode::Esc), A::CloseDraft),
    // Submitting a typed answer is the same key in the drill and the mock interview: Ctrl-S
    // (F2 and the interview's old Ctrl-D work in both too).
    (C::Draft, ctrl('s'), A::Reveal),
    (C::Draft, code(KeyCode::F(2)), A::Reveal),
    (C::Draft, ctrl('d'), A::Reveal),
    (C::Draft, code(KeyCode::F(1)), A::Help),
    (C::Revealed, k('1'), A::Grade(Grade::Again)),
    (C::Revealed, k('2'), A::Grade(Grade::Hard)),
    (C::Revealed, k('3'), A::Grade(Grade::Good)),
    (C::Revealed, k('4'), A::Grade(Grade::Easy)),
    (C::Revealed, code(KeyCode::Up), A::Up),
    (C::Revealed, k('k'), A::Up),
    (C::Revealed, code(KeyCode::Down), A::Down),
    (C::Revealed, k('j'), A::Down),
    (C::Revealed, code(KeyCode::PageUp), A::PageUp),
    (C::Revealed, code(KeyCode::PageDown), A::PageDown),
    (C::Revealed, code(KeyCode::Tab), A::NextPoint),
    (C::Revealed, code(KeyCode::BackTab), A::PrevPoint),
    (C::Revealed, code(KeyCode::Char(' ')), A::TogglePoint),
    (C::Revealed, k('s'), A::Skip),
    (C::Revealed, k('b'), A::Bury),
    (C::Revealed, k('x'), A::Suspend),
    (C::Revealed, k('!'), A::Suspend),
    (C::Revealed, k('u'), A::Undo),
    (C::Revealed, k('o'), A::EditCard),
    (C::Revealed, k('?'), A::Help),
    (C::Revealed, k('q'), A::Back),
    (C::Revealed, code(KeyCode::Esc), A::Back),
    (C::Summary, k('u'), A::Undo),
    (C::Summary, code(KeyCode::Enter), A::Back),
    (C::Summary, k('?'), A::Help),
    (C::Summary, k('q'), A::Back),
    (C::Summary, code(KeyCode::Esc), A::Back),
    (C::Stats, code(KeyCode::Tab), A::NextTab),
    (C::Stats, code(KeyCode::Right), A::NextTab),
    (C::Stats, k('l'), A::NextTab),
    (C::Stats, code(KeyCode::BackTab), A::PrevTab),
    (C::Stats, code(KeyCode::Left), A::PrevTab),
    (C::Stats, k('h'), A::PrevTab),
    (C::Stats, code(KeyCode::Up), A::Up),
    (C::Stats, k('k'), A::Up),
    (C::Stats, code(KeyCode::Down), A::Down),
    (C::Stats, k('j'), A::Down),
    (C::Stats, code(KeyCode::PageUp), A::PageUp),
    (C::Stats, code(KeyCode::PageDown), A::PageDown),
    (C::Stats, code(KeyCode::Home), A::Top),
    (C::Stats, k('g'), A::Top),
    (C::Stats, code(KeyCode::End), A::Bottom),
    (C::Stats, k('G'), A::Bottom),
    (C::Stats, k('w'), A::Weak),
    (C::Stats, k('?'), A::Help),
    (C::Stats, k('q'), A::Back),
    (C::Stats, code(KeyCode::Esc), A::Back),
    (C::Problems, code(KeyCode::Up), A::Up),
    (C::Problems, k('k'), A::Up),
    (C::Problems, code(KeyCode::Down), A::Down),
    (C::Problems, k('j'), A::Down),
    (C::Problems, code(KeyCode::PageUp), A::PageUp),
    (C::Problems, code(KeyCode::PageDown), A::PageDown),
    (C::Problems, code(KeyCode::Tab), A::NextTab),
    (C::Problems, code(KeyCode::Right), A::NextTab),
    (C::Problems, code(KeyCode::BackTab), A::PrevTab),
    (C::Problems, code(KeyCode::Left), A::PrevTab),
    (C::Problems, k('o'), A::OpenBroken),
    (C::Problems, k('?'), A::Help),
    (C::Problems, k('q'), A::Back),
    (C::Problems, code(KeyCode::Esc), A::Back),
    (C::History, code(KeyCode::Up), A::Up),
    (C::History, k('k'), A::Up),
    (C::History, code(KeyCode::Down), A::Down),
    (C::History, k('j'), A::Down),
    (C::History, code(KeyCode::PageUp), A::PageUp),
    (C::History, code(KeyCode::PageDown), A::PageDown),
    (C::History, code(KeyCode::Enter), A::Open),
    (C::History, k('?'), A::Help),
    (C::History, k('q'), A::Back),
    (C::History, code(KeyCode::Esc), A::Back),
    (C::Help, k('?'), A::Back),
    (C::Help, k('q'), A::Back),
    (C::Help, code(KeyCode::Esc), A::Back),
];

/// Every binding: the table above, then the mock interview's, then the own material's.
fn bindings() -> impl Iterator<Item = &'static (Context, Key, Action)> {
    KEYMAP
        .iter()
        .chain(MOCK_KEYMAP)
        .chain(OWN_KEYMAP)
        .chain(TARGET_KEYMAP)
}

/// The action bound to `ev` on `ctx`, if any.
pub fn action(ctx: Context, ev: &KeyEvent) -> Option<Action> {
    bindings()
        .find(|(c, key, _)| *c == ctx && key.matches(ev))
        .map(|(_, _, a)| *a)
}

/// The keys of `ctx`, one row per action: ("↑/k", "move up").
pub fn help_rows(ctx: Context) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
    for (_, key, act) in bindings().filter(|(c, _, _)| *c == ctx) {
        match rows.iter_mut().find(|(a, _)| a == act) {
            Some((_, keys)) => keys.push(key.label()),
            None => rows.push((*act, vec![key.label()])),
        }
    }
    rows.into_iter()
        .map(|(a, keys)| (keys.join("/"), a.describe_in(ctx)))
        .collect()
}

/// The first key label bound to `act` on `ctx` (for hints in footers).
pub fn key_for(ctx: Context, act: Action) -> Option<String> {
    bindings()
        .find(|(c, _, a)| *c == ctx && *a == act)
        .map(|(_, key, _)| key.label())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    #[test]
    fn no_key_is_bound_twice_on_one_screen() {
        let all: Vec<_> = bindings().collect();
        for (i, (c, key, _)) in all.iter().enumerate() {
            for (c2, key2, _) in &all[i + 1..] {
                assert!(!(c == c2 && key == key2), "{c:?} {key:?} bound twice");
            }
        }
    }

    #[test]
    fn arrows_and_vim_keys_both_move() {
        let ev = |c| KeyEvent::new(c, KeyModifiers::NONE);
        assert_eq!(action(C::Home, &ev(KeyCode::Char('j'))), Some(A::Down));
        assert_eq!(action(C::Home, &ev(KeyCode::Down)), Some(A::Down));
        let help = help_rows(C::Home);
        assert!(help.contains(&("↓/j".to_string(), A::Down.describe())));
    }

    #[test]
    fn every_screen_can_be_left_and_has_help() {
        for ctx in [
            C::Home,
            C::Question,
            C::Revealed,
            C::Summary,
            C::Stats,
            C::History,
        ] {
            assert!(key_for(ctx, A::Back).is_some(), "{ctx:?}");
            assert!(key_for(ctx, A::Help).is_some(), "{ctx:?}");
        }
    }
}
