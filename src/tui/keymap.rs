//! Key bindings as data: one table of (screen, key, action). Help is generated from it.
//!
//! Arrows and vim keys both work; `q`/Esc backs out. Nothing here decides what an action does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::mock::keys::{MOCK_KEYMAP, MockAction, MockCtx};
use crate::core::grade::Grade;

/// Where the user is: each has its own bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Home,
    /// A card's question, thinking.
    Question,
    /// Typing a draft answer in the editor.
    Draft,
    /// The answer is shown; grading.
    Revealed,
    Summary,
    /// The statistics screen.
    Stats,
    Help,
    /// A mock-interview screen.
    Mock(MockCtx),
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Home => "Home",
            Context::Question => "Drill: question",
            Context::Draft => "Drill: typing a draft",
            Context::Revealed => "Drill: answer",
            Context::Summary => "Session summary",
            Context::Stats => "Statistics",
            Context::Help => "Help",
            Context::Mock(m) => m.title(),
        }
    }
}

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Select,
    DrillDue,
    Mock,
    Weak,
    Stats,
    Back,
    Help,
    Reveal,
    Draft,
    CloseDraft,
    Grade(Grade),
    Undo,
    Suspend,
    Bury,
    Skip,
    EditCard,
    NextPoint,
    PrevPoint,
    TogglePoint,
    /// A mock-interview action.
    Interview(MockAction),
    NextTab,
    PrevTab,
}

impl Action {
    /// One line for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Up => "move up / scroll up",
            Action::Down => "move down / scroll down",
            Action::PageUp => "scroll a page up",
            Action::PageDown => "scroll a page down",
            Action::Select => "drill the selected deck",
            Action::DrillDue => "drill what is due (all decks)",
            Action::Mock => "mock interview",
            Action::Weak => "drill the 3 weakest categories (lowest readiness)",
            Action::Stats => "statistics",
            Action::Back => "back / quit (recorded reviews are kept)",
            Action::Help => "this help",
            Action::Reveal => "reveal the answer",
            Action::Draft => "type a draft answer first",
            Action::CloseDraft => "close the editor (the draft is kept)",
            Action::Grade(Grade::Again) => "grade Again: forgot it",
            Action::Grade(Grade::Hard) => "grade Hard: recalled with effort",
            Action::Grade(Grade::Good) => "grade Good: recalled it",
            Action::Grade(Grade::Easy) => "grade Easy: effortless",
            Action::Undo => "undo the last grade",
            Action::Suspend => "suspend the card (leaves every queue)",
            Action::Bury => "bury the card until tomorrow",
            Action::Skip => "skip the card for now",
            Action::EditCard => "open the card's deck file in $EDITOR",
            Action::NextPoint => "next key point",
            Action::PrevPoint => "previous key point",
            Action::TogglePoint => "tick / untick the key point",
            Action::Interview(m) => m.describe(),
            Action::NextTab => "next section",
            Action::PrevTab => "previous section",
        }
    }
}

/// A key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub(super) const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
pub(super) const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// How help and hints name the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }

    fn matches(self, ev: &KeyEvent) -> bool {
        // Shifted letters arrive as the upper-case char, sometimes with SHIFT set.
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        self.code == ev.code && self.mods == mods
    }
}

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
    (C::Home, k('s'), A::Stats),
    (C::Home, k('?'), A::Help),
    (C::Home, k('q'), A::Back),
    (C::Home, code(KeyCode::Esc), A::Back),
    (C::Question, code(KeyCode::Char(' ')), A::Reveal),
    (C::Question, code(KeyCode::Enter), A::Reveal),
    (C::Question, k('e'), A::Draft),
    (C::Question, k('i'), A::Draft),
    (C::Question, k('s'), A::Skip),
    (C::Question, k('b'), A::Bury),
    (C::Question, k('!'), A::Suspend),
    (C::Question, k('u'), A::Undo),
    (C::Question, k('o'), A::EditCard),
    (C::Question, k('?'), A::Help),
    (C::Question, k('q'), A::Back),
    (C::Question, code(KeyCode::Esc), A::Back),
    (C::Draft, code(KeyCode::Esc), A::CloseDraft),
    (C::Draft, ctrl('s'), A::Reveal),
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
    (C::Revealed, k('x'), A::TogglePoint),
    (C::Revealed, k('s'), A::Skip),
    (C::Revealed, k('b'), A::Bury),
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
    (C::Stats, k('w'), A::Weak),
    (C::Stats, k('?'), A::Help),
    (C::Stats, k('q'), A::Back),
    (C::Stats, code(KeyCode::Esc), A::Back),
    (C::Help, k('?'), A::Back),
    (C::Help, k('q'), A::Back),
    (C::Help, code(KeyCode::Esc), A::Back),
];

/// Every binding: the table above, then the mock interview's.
fn bindings() -> impl Iterator<Item = &'static (Context, Key, Action)> {
    KEYMAP.iter().chain(MOCK_KEYMAP)
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
        .map(|(a, keys)| (keys.join("/"), a.describe()))
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
        for ctx in [C::Home, C::Question, C::Revealed, C::Summary, C::Stats] {
            assert!(key_for(ctx, A::Back).is_some(), "{ctx:?}");
            assert!(key_for(ctx, A::Help).is_some(), "{ctx:?}");
        }
    }
}
