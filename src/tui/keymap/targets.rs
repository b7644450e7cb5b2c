//! The bindings of the targets screen and its form, and the key that opens it from home;
//! chained after the main keymap.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keys::{Action, Context, Key, MockCtx, TargetAction, TargetCtx, code, ctrl, k};

use Action as A;
use TargetAction as T;

const LIST: Context = Context::Target(TargetCtx::List);
const FORM: Context = Context::Target(TargetCtx::Form);
const CONFIRM: Context = Context::Target(TargetCtx::ConfirmRemove);

const fn t(a: TargetAction) -> Action {
    Action::Target(a)
}

/// Every binding of the targets screens, in help order.
pub const TARGET_KEYMAP: &[(Context, Key, Action)] = &[
    (Context::Home, k('t'), t(T::Open)),
    (Context::Mock(MockCtx::Setup), k('T'), t(T::DropTarget)),
    (LIST, code(KeyCode::Up), A::Up),
    (LIST, k('k'), A::Up),
    (LIST, code(KeyCode::Down), A::Down),
    (LIST, k('j'), A::Down),
    (LIST, code(KeyCode::PageUp), A::PageUp),
    (LIST, code(KeyCode::PageDown), A::PageDown),
    (LIST, code(KeyCode::Char(' ')), A::PageDown),
    (LIST, code(KeyCode::Tab), A::NextTab),
    (LIST, code(KeyCode::Right), A::NextTab),
    (LIST, k('l'), A::NextTab),
    (LIST, code(KeyCode::BackTab), A::PrevTab),
    (LIST, code(KeyCode::Left), A::PrevTab),
    (LIST, k('h'), A::PrevTab),
    (LIST, k('a'), t(T::Add)),
    (LIST, k('x'), t(T::Remove)),
    (LIST, k('d'), t(T::Drill)),
    (LIST, code(KeyCode::Enter), t(T::Drill)),
    (LIST, k('w'), t(T::Weakest)),
    (LIST, k('m'), t(T::Mock)),
    (LIST, k('+'), t(T::MoreNew)),
    (LIST, k('='), t(T::MoreNew)),
    (LIST, k('-'), t(T::FewerNew)),
    (LIST, k(']'), t(T::MoreReviews)),
    (LIST, k('['), t(T::FewerReviews)),
    (LIST, k('?'), A::Help),
    (LIST, k('q'), A::Back),
    (LIST, code(KeyCode::Esc), A::Back),
    (CONFIRM, k('y'), t(T::ConfirmRemove)),
    (CONFIRM, k('n'), t(T::CancelRemove)),
    (CONFIRM, code(KeyCode::Esc), t(T::CancelRemove)),
    (FORM, code(KeyCode::Tab), t(T::NextField)),
    (FORM, code(KeyCode::BackTab), t(T::PrevField)),
    (FORM, ctrl('s'), t(T::Save)),
    (FORM, code(KeyCode::Esc), t(T::Cancel)),
    (FORM, code(KeyCode::F(1)), A::Help),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::key_for;

    #[test]
    fn the_targets_screen_can_be_left_and_has_help() {
        assert!(key_for(LIST, A::Back).is_some());
        assert!(key_for(LIST, A::Help).is_some());
        assert_eq!(key_for(FORM, t(T::Save)).as_deref(), Some("Ctrl-S"));
        assert_eq!(key_for(Context::Home, t(T::Open)).as_deref(), Some("t"));
    }
}
