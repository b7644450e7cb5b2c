//! The bindings of the candidate's own material (card browser, card page, text box, story
//! bank) and the keys that reach it from home, the drill's reveal and the mock debrief;
//! chained after the main keymap.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keys::{Action, Context, Key, MockCtx, OwnAction, OwnCtx, code, ctrl, k};

use Action as A;
use OwnAction as O;

const BROWSER: Context = Context::Own(OwnCtx::Browser);
const SEARCH: Context = Context::Own(OwnCtx::Search);
const CARD: Context = Context::Own(OwnCtx::Card);
const TEXT: Context = Context::Own(OwnCtx::Text);
const STORIES: Context = Context::Own(OwnCtx::Stories);
const DEBRIEF: Context = Context::Mock(MockCtx::Debrief);

const fn o(a: OwnAction) -> Action {
    Action::Own(a)
}

/// Every binding of the own-material screens, in help order.
pub const OWN_KEYMAP: &[(Context, Key, Action)] = &[
    (Context::Home, k('/'), o(O::Search)),
    (Context::Home, k('b'), o(O::Browse)),
    (Context::Home, k('S'), o(O::Stories)),
    (Context::Revealed, k('P'), o(O::Promote)),
    (DEBRIEF, k('P'), o(O::Promote)),
    (BROWSER, code(KeyCode::Up), A::Up),
    (BROWSER, k('k'), A::Up),
    (BROWSER, code(KeyCode::Down), A::Down),
    (BROWSER, k('j'), A::Down),
    (BROWSER, code(KeyCode::PageUp), A::PageUp),
    (BROWSER, code(KeyCode::PageDown), A::PageDown),
    (BROWSER, code(KeyCode::Enter), A::Select),
    (BROWSER, k('/'), o(O::Search)),
    (BROWSER, k('f'), o(O::FilterDeck)),
    (BROWSER, k('c'), o(O::FilterCategory)),
    (BROWSER, k('t'), o(O::FilterKind)),
    (BROWSER, k('s'), o(O::FilterState)),
    (BROWSER, k('x'), o(O::ClearFilters)),
    (BROWSER, k('d'), o(O::DrillNow)),
    (BROWSER, k('!'), o(O::ToggleSuspend)),
    (BROWSER, k('u'), o(O::Unbury)),
    (BROWSER, k('?'), A::Help),
    (BROWSER, k('q'), A::Back),
    (BROWSER, code(KeyCode::Esc), A::Back),
    (SEARCH, code(KeyCode::Up), A::Up),
    (SEARCH, code(KeyCode::Down), A::Down),
    (SEARCH, code(KeyCode::PageUp), A::PageUp),
    (SEARCH, code(KeyCode::PageDown), A::PageDown),
    (SEARCH, code(KeyCode::Enter), A::Select),
    (SEARCH, code(KeyCode::Esc), o(O::LeaveSearch)),
    (SEARCH, code(KeyCode::Tab), o(O::LeaveSearch)),
    (SEARCH, code(KeyCode::F(1)), A::Help),
    (CARD, code(KeyCode::Up), A::Up),
    (CARD, k('k'), A::Up),
    (CARD, code(KeyCode::Down), A::Down),
    (CARD, k('j'), A::Down),
    (CARD, code(KeyCode::PageUp), A::PageUp),
    (CARD, code(KeyCode::PageDown), A::PageDown),
    (CARD, k('d'), o(O::DrillNow)),
    (CARD, k('!'), o(O::ToggleSuspend)),
    (CARD, k('u'), o(O::Unbury)),
    (CARD, k('n'), o(O::EditNote)),
    (CARD, k('a'), o(O::EditAnswer)),
    (CARD, k('N'), o(O::EditNoteExternal)),
    (CARD, k('A'), o(O::EditAnswerExternal)),
    (CARD, code(KeyCode::Tab), o(O::NextAttempt)),
    (CARD, k('P'), o(O::Promote)),
    (CARD, k('o'), A::EditCard),
    (CARD, k('?'), A::Help),
    (CARD, k('q'), A::Back),
    (CARD, code(KeyCode::Esc), A::Back),
    (TEXT, ctrl('s'), o(O::SaveText)),
    (TEXT, code(KeyCode::Esc), o(O::CancelText)),
    (TEXT, code(KeyCode::F(1)), A::Help),
    (STORIES, code(KeyCode::Up), A::Up),
    (STORIES, k('k'), A::Up),
    (STORIES, code(KeyCode::Down), A::Down),
    (STORIES, k('j'), A::Down),
    (STORIES, code(KeyCode::PageUp), A::PageUp),
    (STORIES, code(KeyCode::PageDown), A::PageDown),
    (STORIES, code(KeyCode::Tab), o(O::SwitchPane)),
    (STORIES, k('e'), o(O::EditStory)),
    (STORIES, k('n'), o(O::CreateStories)),
    (STORIES, k('d'), o(O::DrillStories)),
    (STORIES, k('?'), A::Help),
    (STORIES, k('q'), A::Back),
    (STORIES, code(KeyCode::Esc), A::Back),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::key_for;

    #[test]
    fn every_own_screen_can_be_left_and_has_help() {
        for ctx in [BROWSER, CARD, STORIES] {
            assert!(key_for(ctx, A::Back).is_some(), "{ctx:?}");
            assert!(key_for(ctx, A::Help).is_some(), "{ctx:?}");
        }
        assert_eq!(key_for(SEARCH, o(O::LeaveSearch)).as_deref(), Some("Esc"));
        assert_eq!(key_for(TEXT, o(O::SaveText)).as_deref(), Some("Ctrl-S"));
    }
}
