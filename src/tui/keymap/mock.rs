//! The mock interview's bindings, chained after the main keymap (help and hints are generated
//! from them like every other screen's).

use ratatui::crossterm::event::KeyCode;

use crate::core::grade::Grade;
use crate::tui::keys::{Action, Context, Key, MockAction, MockCtx, code, ctrl, k};

use Action as A;
use MockAction as M;

const SETUP: Context = Context::Mock(MockCtx::Setup);
const PREP: Context = Context::Mock(MockCtx::Prep);
const TYPING: Context = Context::Mock(MockCtx::Typing);
const SPOKEN: Context = Context::Mock(MockCtx::Spoken);
const PAUSED: Context = Context::Mock(MockCtx::Paused);
const CONFIRM: Context = Context::Mock(MockCtx::ConfirmQuit);
const DEBRIEF: Context = Context::Mock(MockCtx::Debrief);
const SUMMARY: Context = Context::Mock(MockCtx::Summary);
const LEAVE: Context = Context::Mock(MockCtx::ConfirmLeave);

const fn i(m: MockAction) -> Action {
    Action::Interview(m)
}

/// Every binding of the mock interview's screens, in help order.
pub const MOCK_KEYMAP: &[(Context, Key, Action)] = &[
    (SETUP, code(KeyCode::Up), A::Up),
    (SETUP, k('k'), A::Up),
    (SETUP, code(KeyCode::Down), A::Down),
    (SETUP, k('j'), A::Down),
    (SETUP, code(KeyCode::Left), i(M::Less)),
    (SETUP, k('h'), i(M::Less)),
    (SETUP, code(KeyCode::Right), i(M::More)),
    (SETUP, k('l'), i(M::More)),
    (SETUP, code(KeyCode::Char(' ')), i(M::Toggle)),
    (SETUP, code(KeyCode::Enter), i(M::Start)),
    (SETUP, k('?'), A::Help),
    (SETUP, k('q'), i(M::Home)),
    (SETUP, code(KeyCode::Esc), i(M::Home)),
    (PREP, code(KeyCode::Enter), i(M::StartAnswer)),
    (PREP, code(KeyCode::Char(' ')), i(M::StartAnswer)),
    (PREP, k('p'), i(M::Pause)),
    (PREP, k('s'), i(M::Skip)),
    (PREP, k('?'), A::Help),
    (PREP, k('q'), i(M::Quit)),
    (PREP, code(KeyCode::Esc), i(M::Quit)),
    (TYPING, ctrl('s'), i(M::Submit)),
    (TYPING, code(KeyCode::F(2)), i(M::Submit)),
    (TYPING, ctrl('d'), i(M::Submit)),
    (TYPING, ctrl('p'), i(M::Pause)),
    (TYPING, code(KeyCode::F(3)), i(M::Pause)),
    (TYPING, code(KeyCode::F(4)), i(M::Skip)),
    (TYPING, code(KeyCode::F(1)), A::Help),
    (TYPING, code(KeyCode::Esc), i(M::Quit)),
    (SPOKEN, code(KeyCode::Enter), i(M::Done)),
    (SPOKEN, code(KeyCode::Char(' ')), i(M::Done)),
    (SPOKEN, k('p'), i(M::Pause)),
    (SPOKEN, k('s'), i(M::Skip)),
    (SPOKEN, k('?'), A::Help),
    (SPOKEN, k('q'), i(M::Quit)),
    (SPOKEN, code(KeyCode::Esc), i(M::Quit)),
    (PAUSED, k('p'), i(M::Resume)),
    (PAUSED, code(KeyCode::Char(' ')), i(M::Resume)),
    (PAUSED, code(KeyCode::Enter), i(M::Resume)),
    (PAUSED, code(KeyCode::F(3)), i(M::Resume)),
    (PAUSED, ctrl('p'), i(M::Resume)),
    (PAUSED, k('?'), A::Help),
    (PAUSED, k('q'), i(M::Quit)),
    (PAUSED, code(KeyCode::Esc), i(M::Quit)),
    (CONFIRM, k('y'), i(M::ConfirmQuit)),
    (CONFIRM, code(KeyCode::Enter), i(M::ConfirmQuit)),
    (CONFIRM, k('n'), i(M::CancelQuit)),
    (CONFIRM, code(KeyCode::Esc), i(M::CancelQuit)),
    (DEBRIEF, k('1'), A::Grade(Grade::Again)),
    (DEBRIEF, k('2'), A::Grade(Grade::Hard)),
    (DEBRIEF, k('3'), A::Grade(Grade::Good)),
    (DEBRIEF, k('4'), A::Grade(Grade::Easy)),
    (DEBRIEF, code(KeyCode::Enter), i(M::AcceptGrade)),
    (DEBRIEF, code(KeyCode::Right), i(M::NextQuestion)),
    (DEBRIEF, k('l'), i(M::NextQuestion)),
    (DEBRIEF, k('n'), i(M::NextQuestion)),
    (DEBRIEF, code(KeyCode::Left), i(M::PrevQuestion)),
    (DEBRIEF, k('h'), i(M::PrevQuestion)),
    (DEBRIEF, k('p'), i(M::PrevQuestion)),
    (DEBRIEF, code(KeyCode::Up), A::Up),
    (DEBRIEF, k('k'), A::Up),
    (DEBRIEF, code(KeyCode::Down), A::Down),
    (DEBRIEF, k('j'), A::Down),
    (DEBRIEF, code(KeyCode::PageUp), A::PageUp),
    (DEBRIEF, code(KeyCode::PageDown), A::PageDown),
    (DEBRIEF, code(KeyCode::Tab), A::NextPoint),
    (DEBRIEF, code(KeyCode::BackTab), A::PrevPoint),
    (DEBRIEF, code(KeyCode::Char(' ')), A::TogglePoint),
    (DEBRIEF, k('x'), A::TogglePoint),
    (DEBRIEF, k('s'), i(M::Summary)),
    (DEBRIEF, k('?'), A::Help),
    (DEBRIEF, k('q'), i(M::Summary)),
    (DEBRIEF, code(KeyCode::Esc), i(M::Summary)),
    (DEBRIEF, k('D'), i(M::Discard)),
    (SUMMARY, k('b'), i(M::BackToDebrief)),
    (SUMMARY, code(KeyCode::Left), i(M::BackToDebrief)),
    (SUMMARY, code(KeyCode::Enter), i(M::Home)),
    (SUMMARY, k('?'), A::Help),
    (SUMMARY, k('q'), i(M::Home)),
    (SUMMARY, code(KeyCode::Esc), i(M::Home)),
    (SUMMARY, k('D'), i(M::Discard)),
    // No Enter here: a second Enter from the summary must not decide for the candidate.
    (LEAVE, k('a'), i(M::AcceptAll)),
    (LEAVE, k('y'), i(M::LeaveUngraded)),
    (LEAVE, k('n'), i(M::Stay)),
    (LEAVE, code(KeyCode::Esc), i(M::Stay)),
    (LEAVE, k('?'), A::Help),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{help_rows, key_for};

    #[test]
    fn every_mock_screen_has_help_and_a_way_out() {
        for ctx in [SETUP, PREP, TYPING, SPOKEN, PAUSED, DEBRIEF, SUMMARY] {
            assert!(key_for(ctx, A::Help).is_some(), "{ctx:?}");
            assert!(!help_rows(ctx).is_empty());
        }
        assert_eq!(key_for(TYPING, i(M::Submit)).as_deref(), Some("Ctrl-S"));
        assert!(key_for(CONFIRM, i(M::CancelQuit)).is_some());
    }

    /// The debrief's grades judge an answer; the drill's wording ("forgot it") is not theirs.
    #[test]
    fn the_debrief_help_speaks_of_answers_not_recall() {
        let debrief = help_rows(DEBRIEF);
        let again = debrief
            .iter()
            .find(|(k, _)| k == "1")
            .map(|(_, d)| *d)
            .unwrap();
        assert!(!again.contains("forgot"), "{again}");
        assert!(again.contains("key points"), "{again}");
        let drill = help_rows(Context::Revealed);
        assert!(
            drill
                .iter()
                .any(|(k, d)| k == "1" && d.contains("forgot it"))
        );
    }
}
