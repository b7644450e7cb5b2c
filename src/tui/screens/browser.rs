//! The card browser: a list of every card, searched as you type (question, answer, guidance,
//! tags, your note and your answer) and filtered by deck, category, kind and state; and one
//! card's page (its question, your note and answer, every attempt, the review history and the
//! memory now) with its actions: drill it now, suspend or unsuspend, write your note or answer
//! (in the app's text box or `$EDITOR`), keep an attempt as your answer, open the deck file.
//!
//! What it shows comes from the study layer through the app ([`Effect::Browse`],
//! [`Effect::Detail`]); every change is a record the app makes durable.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::text_box::{TextBox, TextKey};
use crate::core::deck::{DeckSource, Kind, find_card};
use crate::core::ids::{CardKey, CategoryId};
use crate::core::notes::{BrowseFilter, CardDetail, CardState};
use crate::core::record::RecordBody;
use crate::study::{BrowseRow, OwnText, Saved};
use crate::tui::keys::{Action, Context, OwnAction, OwnCtx};
use crate::tui::screen::{BrowserStart, Cx, Effect, Level, Reply, Route, Screen};

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

/// One card's page.
pub struct CardPage {
    pub key: CardKey,
    /// `None` until the app answers, or when no loaded deck has the card any more.
    pub detail: Option<Box<CardDetail>>,
    pub loaded: bool,
    /// First line of the page on screen.
    pub scroll: u16,
    /// The attempt the promote key keeps (a position in `detail.attempts`).
    pub attempt: usize,
    /// The text box, while writing a note or an answer.
    pub editor: Option<TextBox>,
}

pub struct BrowserScreen {
    pub filter: BrowseFilter,
    pub rows: Vec<BrowseRow>,
    /// The selected row.
    pub selected: usize,
    /// Typing goes to the search box.
    pub searching: bool,
    pub page: Option<CardPage>,
    /// What the write under way does, said once it is durable.
    pending_write: Option<&'static str>,
}

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
    pub fn new(rows: Vec<BrowseRow>, start: BrowserStart) -> BrowserScreen {
        BrowserScreen {
            filter: BrowseFilter::default(),
            rows,
            selected: 0,
            searching: start == BrowserStart::Search,
            page: None,
            pending_write: None,
        }
    }

    fn selected_row(&self) -> Option<&BrowseRow> {
        self.rows.get(self.selected)
    }

    /// The card the keys act on: the page's, else the selected row's.
    fn target(&self) -> Option<&CardKey> {
        match &self.page {
            Some(p) => Some(&p.key),
            None => self.selected_row().map(|r| &r.key),
        }
    }

    fn refresh(&self) -> Vec<Effect> {
        let mut fx = vec![Effect::Browse(self.filter.clone())];
        if let Some(p) = &self.page {
            fx.push(Effect::Detail(p.key.clone()));
        }
        fx
    }

    fn move_by(&mut self, delta: isize, cx: &Cx, now: DateTime<Utc>) {
        let max = self.page_max_scroll(cx, now);
        if let Some(page) = &mut self.page {
            let page_rows = i32::from(cx.size.1.saturating_sub(6).max(1));
            let step = match delta {
                1 => 1,
                -1 => -1,
                d if d > 0 => page_rows,
                _ => -page_rows,
            };
            page.scroll = u16::try_from((i32::from(page.scroll) + step).clamp(0, i32::from(max)))
                .unwrap_or(0);
            return;
        }
        let n = self.rows.len();
        if n == 0 {
            self.selected = 0;
            return;
        }
        let rows_on_screen = usize::from(cx.size.1.saturating_sub(6).max(1));
        let step = match delta {
            1 | -1 => 1,
            _ => rows_on_screen,
        };
        self.selected = if delta > 0 {
            (self.selected + step).min(n - 1)
        } else {
            self.selected.saturating_sub(step)
        };
    }

    fn open_page(&mut self) -> Vec<Effect> {
        let Some(row) = self.selected_row() else {
            return vec![];
        };
        let key = row.key.clone();
        self.searching = false;
        self.page = Some(CardPage {
            key: key.clone(),
            detail: None,
            loaded: false,
            scroll: 0,
            attempt: 0,
            editor: None,
        });
        vec![Effect::Detail(key)]
    }

    fn filter_changed(&mut self) -> Vec<Effect> {
        self.selected = 0;
        vec![Effect::Browse(self.filter.clone())]
    }

    fn cycle_filter(&mut self, action: OwnAction, cx: &Cx) -> Vec<Effect> {
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

    /// Whether the card the keys act on is suspended.
    fn suspended(&self) -> Option<bool> {
        self.has_state(CardState::Suspended)
    }

    /// Whether the card the keys act on is in `state`.
    fn has_state(&self, state: CardState) -> Option<bool> {
        match &self.page {
            Some(p) => p.detail.as_ref().map(|d| d.states.contains(&state)),
            None => self.selected_row().map(|r| r.states.contains(&state)),
        }
    }

    /// A buried card back today: a bury that ends now (what `cards unbury` writes).
    fn unbury(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
        let (Some(key), Some(buried)) = (self.target(), self.has_state(CardState::Buried)) else {
            return vec![];
        };
        if !buried {
            return vec![Effect::Notify(
                Level::Info,
                "This card is not buried.".into(),
            )];
        }
        let (deck, card) = (key.deck.clone(), key.card.clone());
        self.pending_write = Some("Unburied: the card is back in today's queue.");
        vec![Effect::Write(RecordBody::Bury {
            deck,
            card,
            until: now,
        })]
    }

    fn toggle_suspend(&mut self) -> Vec<Effect> {
        let (Some(key), Some(suspended)) = (self.target(), self.suspended()) else {
            return vec![];
        };
        let (deck, card) = (key.deck.clone(), key.card.clone());
        self.pending_write = Some(if suspended {
            "Unsuspended: the card is back in its queue."
        } else {
            "Suspended: the card leaves every queue until you unsuspend it (!)."
        });
        vec![Effect::Write(if suspended {
            RecordBody::Unsuspend { deck, card }
        } else {
            RecordBody::Suspend { deck, card }
        })]
    }

    fn open_deck_file(&self, cx: &Cx) -> Vec<Effect> {
        let Some(key) = self.target() else {
            return vec![];
        };
        match find_card(cx.decks, key) {
            Some((deck, card)) => match &deck.source {
                DeckSource::File(path) => vec![Effect::Edit {
                    path: path.clone(),
                    line: card.line,
                }],
                DeckSource::Builtin(_) => vec![Effect::Notify(
                    Level::Info,
                    "Built-in decks are read-only. Keep your own answer (a) and a note (n) on \
                     the card instead: they stay with it through upgrades."
                        .into(),
                )],
            },
            None => vec![Effect::Notify(
                Level::Error,
                "This card is no longer in its deck.".into(),
            )],
        }
    }

    fn current_text(&self, which: OwnText) -> String {
        let Some(d) = self.page.as_ref().and_then(|p| p.detail.as_ref()) else {
            return String::new();
        };
        let w = match which {
            OwnText::Note => &d.note,
            OwnText::Answer => &d.my_answer,
        };
        w.as_ref().map_or_else(String::new, |w| w.text.clone())
    }

    fn page_key(&mut self, action: OwnAction) -> Vec<Effect> {
        let text_of = |s: &Self, w| s.current_text(w);
        match action {
            OwnAction::EditNote | OwnAction::EditAnswer => {
                let which = if action == OwnAction::EditNote {
                    OwnText::Note
                } else {
                    OwnText::Answer
                };
                let text = text_of(self, which);
                if let Some(p) = &mut self.page {
                    p.editor = Some(TextBox::new(which, &text));
                }
                vec![]
            }
            OwnAction::EditNoteExternal | OwnAction::EditAnswerExternal => {
                let which = if action == OwnAction::EditNoteExternal {
                    OwnText::Note
                } else {
                    OwnText::Answer
                };
                vec![Effect::EditText {
                    which,
                    text: text_of(self, which),
                }]
            }
            OwnAction::NextAttempt => {
                if let Some(p) = &mut self.page {
                    let n = p.detail.as_ref().map_or(0, |d| d.attempts.len());
                    p.attempt = if n == 0 { 0 } else { (p.attempt + 1) % n };
                }
                vec![]
            }
            OwnAction::Promote => {
                let Some(p) = &self.page else {
                    return vec![];
                };
                let Some(a) = p.detail.as_ref().and_then(|d| d.attempts.get(p.attempt)) else {
                    return vec![Effect::Notify(
                        Level::Info,
                        "No attempt to keep yet: type a draft in a drill, or answer it in a \
                         mock interview."
                            .into(),
                    )];
                };
                vec![Effect::SaveText {
                    key: p.key.clone(),
                    which: OwnText::Answer,
                    text: a.text.clone(),
                    from: Some(a.id.clone()),
                }]
            }
            _ => vec![],
        }
    }

    fn text_key(&mut self, key: KeyEvent, action: Option<Action>) -> Vec<Effect> {
        let Some(page) = &mut self.page else {
            return vec![];
        };
        let Some(editor) = &mut page.editor else {
            return vec![];
        };
        match editor.on_key(key, action) {
            TextKey::Save(which, text) => vec![Effect::SaveText {
                key: page.key.clone(),
                which,
                text,
                from: None,
            }],
            TextKey::Close => {
                page.editor = None;
                vec![]
            }
            TextKey::AskDiscard => vec![Effect::Notify(
                Level::Info,
                "Discard your changes? Esc again discards them; Ctrl-S saves.".into(),
            )],
            TextKey::Typed => vec![],
        }
    }

    fn search_key(&mut self, key: KeyEvent) -> Vec<Effect> {
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
fn pasted_search(search: &str, text: &str) -> String {
    let room = MAX_SEARCH.saturating_sub(search.chars().count());
    let line: String = crate::core::text::sanitize_line(text)
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .take(room)
        .collect();
    format!("{search}{line}")
}

impl Screen for BrowserScreen {
    /// Only the text box: the search box filters as each key is typed.
    fn takes_typing(&self) -> bool {
        self.page.as_ref().is_some_and(|p| p.editor.is_some())
    }

    /// A paste goes to the text box being edited, or to the search box (one line).
    fn on_paste(&mut self, text: &str, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        if let Some(editor) = self.page.as_mut().and_then(|p| p.editor.as_mut()) {
            return editor.paste(text);
        }
        if self.page.is_none() && self.searching {
            self.filter.search = pasted_search(&self.filter.search, text);
            return self.filter_changed();
        }
        vec![]
    }

    fn context(&self) -> Context {
        match &self.page {
            Some(p) if p.editor.is_some() => Context::Own(OwnCtx::Text),
            Some(_) => Context::Own(OwnCtx::Card),
            None if self.searching => Context::Own(OwnCtx::Search),
            None => Context::Own(OwnCtx::Browser),
        }
    }

    fn on_key(
        &mut self,
        key: KeyEvent,
        action: Option<Action>,
        cx: &Cx,
        now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let ctx = self.context();
        if ctx == Context::Own(OwnCtx::Text) {
            return self.text_key(key, action);
        }
        if ctx == Context::Own(OwnCtx::Search) && action.is_none() {
            return self.search_key(key);
        }
        let Some(action) = action else {
            return vec![];
        };
        match action {
            Action::Up => self.move_by(-1, cx, now),
            Action::Down => self.move_by(1, cx, now),
            Action::PageUp => self.move_by(-2, cx, now),
            Action::PageDown => self.move_by(2, cx, now),
            Action::Select => return self.open_page(),
            Action::Back if self.page.is_some() => {
                self.page = None;
                return vec![Effect::Browse(self.filter.clone())];
            }
            Action::Back => return vec![Effect::Go(Route::Home)],
            Action::EditCard => return self.open_deck_file(cx),
            Action::Own(o) => match o {
                OwnAction::Search => self.searching = true,
                OwnAction::LeaveSearch => self.searching = false,
                OwnAction::FilterDeck
                | OwnAction::FilterCategory
                | OwnAction::FilterKind
                | OwnAction::FilterState
                | OwnAction::ClearFilters => return self.cycle_filter(o, cx),
                OwnAction::DrillNow => {
                    return self
                        .target()
                        .map(|k| vec![Effect::Go(Route::DrillCards(vec![k.clone()]))])
                        .unwrap_or_default();
                }
                OwnAction::ToggleSuspend => return self.toggle_suspend(),
                OwnAction::Unbury => return self.unbury(now),
                _ => return self.page_key(o),
            },
            _ => {}
        }
        vec![]
    }

    fn on_reply(&mut self, reply: Reply, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        match reply {
            Reply::Browse(rows) => {
                self.rows = rows;
                self.selected = self.selected.min(self.rows.len().saturating_sub(1));
            }
            Reply::Detail(detail) => {
                if let Some(p) = &mut self.page {
                    p.attempt = p.attempt.min(
                        detail
                            .as_ref()
                            .map_or(0, |d| d.attempts.len().saturating_sub(1)),
                    );
                    p.detail = detail;
                    p.loaded = true;
                }
            }
            Reply::Written(result) => {
                return match result {
                    Ok(()) => {
                        let mut fx = self.refresh();
                        fx.push(Effect::RefreshOverview);
                        if let Some(said) = self.pending_write.take() {
                            fx.push(Effect::Notify(Level::Info, said.into()));
                        }
                        fx
                    }
                    Err(e) => {
                        self.pending_write = None;
                        vec![Effect::Notify(Level::Error, format!("Not recorded: {e}"))]
                    }
                };
            }
            Reply::SavedText(which, result) => {
                let name = which.name();
                return match result {
                    Ok(saved) => {
                        if let Some(p) = &mut self.page {
                            p.editor = None;
                        }
                        let said = match saved {
                            Saved::Saved => format!("Your {name} is saved."),
                            Saved::Cleared => format!("Your {name} is cleared."),
                            Saved::Unchanged => format!("Your {name} is unchanged."),
                        };
                        let mut fx = self.refresh();
                        fx.push(Effect::Notify(Level::Info, said));
                        fx
                    }
                    // The text box keeps the text: nothing the candidate wrote is lost.
                    Err(e) => vec![Effect::Notify(
                        Level::Error,
                        format!("Your {name} was not saved: {e}"),
                    )],
                };
            }
            Reply::Edited(which, result) => match result {
                Ok(Some(text)) => {
                    // Through the text box, so a text that cannot be kept stays on screen.
                    let Some(p) = &mut self.page else {
                        return vec![];
                    };
                    p.editor = Some(TextBox::new(which, &text));
                    return vec![Effect::SaveText {
                        key: p.key.clone(),
                        which,
                        text,
                        from: None,
                    }];
                }
                Ok(None) => {
                    return vec![Effect::Notify(
                        Level::Info,
                        format!("Your {} is unchanged.", which.name()),
                    )];
                }
                Err(e) => return vec![Effect::Notify(Level::Error, e)],
            },
            Reply::Reloaded => return self.refresh(),
            _ => {}
        }
        vec![]
    }
}
