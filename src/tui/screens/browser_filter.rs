//! The browser list's filters and search box: stepping the deck, category, kind and state
//! filters through their values, and the search typed or pasted (one line, kept short).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::BrowserScreen;
use crate::core::deck::Kind;
use crate::core::ids::CategoryId;
use crate::core::notes::{BrowseFilter, CardState};
use crate::tui::keys::OwnAction;
use crate::tui::screen::{Cx, Effect};

/// The states the state filter steps through (every state a card can be in).
pub const STATE_FILTERS: [CardState; 7] = [
    CardState::New,
    CardState::Learning,
    CardState::Due,
    CardState::Review,
    CardState::Suspended,
    CardState::Buried,
    CardState::Leech,
];

/// The next value after `current` in `values`, wrapping to "all" (`None`) after the last.
fn cycle<T: Clone + PartialEq>(values: &[T], current: Option<&T>) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(c) => {
            let at = values.iter().position(|v| v == c)?;
            values.get(at + 1).cloned()
        }
    }
}

impl BrowserScreen {
    pub(super) fn filter_changed(&mut self) -> Vec<Effect> {
        self.selected = 0;
        vec![Effect::Browse(self.filter.clone())]
    }

    pub(super) fn cycle_filter(&mut self, action: OwnAction, cx: &Cx) -> Vec<Effect> {
        let f = &mut self.filter;
        match action {
            OwnAction::FilterDeck => {
                let ids: Vec<_> = cx.decks.iter().map(|d| d.id.clone()).collect();
                f.decks = cycle(&ids, f.decks.first()).into_iter().collect();
                f.categories.clear();
            }
            OwnAction::FilterCategory => {
                let mut ids: Vec<CategoryId> = Vec::new();
                for d in cx
                    .decks
                    .iter()
                    .filter(|d| f.decks.is_empty() || f.decks.contains(&d.id))
                {
                    for c in &d.categories {
                        if !ids.contains(&c.id) {
                            ids.push(c.id.clone());
                        }
                    }
                }
                f.categories = cycle(&ids, f.categories.first()).into_iter().collect();
            }
            OwnAction::FilterKind => {
                f.kinds = cycle(&Kind::ALL, f.kinds.first()).into_iter().collect();
            }
            OwnAction::FilterState => {
                f.states = cycle(&STATE_FILTERS, f.states.first())
                    .into_iter()
                    .collect();
            }
            _ => {
                *f = BrowseFilter::default();
            }
        }
        self.filter_changed()
    }

    pub(super) fn search_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Backspace if ctrl => self.filter.search.clear(),
            KeyCode::Char('u' | 'w') if ctrl => {
                // Ctrl-U clears the search; Ctrl-W removes the last word.
                if key.code == KeyCode::Char('u') {
                    self.filter.search.clear();
                } else {
                    let s = self.filter.search.trim_end();
                    let cut = s.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                    self.filter.search.truncate(cut);
                }
            }
            KeyCode::Backspace => {
                self.filter.search.pop();
            }
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                if self.filter.search.chars().count() >= MAX_SEARCH {
                    return vec![];
                }
                self.filter.search.push(c);
            }
            _ => return vec![],
        }
        self.filter_changed()
    }
}

/// The longest search kept.
const MAX_SEARCH: usize = 200;

/// Pasted text as the search box takes it: one line, control characters removed, within
/// [`MAX_SEARCH`] characters with what is there.
pub(super) fn pasted_search(search: &str, text: &str) -> String {
    let room = MAX_SEARCH.saturating_sub(search.chars().count());
    let line: String = crate::core::text::sanitize_line(text)
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .take(room)
        .collect();
    format!("{search}{line}")
}
