//! The card browser: a list of every card, searched as you type (question, answer, guidance,
//! tags, your note and your answer) and filtered by deck, category, kind and state; and one
//! card's page (its question, your note and answer, every attempt, the review history and the
//! memory now) with its actions: drill it now, suspend or unsuspend, write your note or answer
//! (in the app's text box or `$EDITOR`), keep an attempt as your answer, open the deck file.
//!
//! What it shows comes from the study layer through the app ([`Effect::Browse`],
//! [`Effect::Detail`]); every change is a record the app makes durable.
//!
//! Its parts beside it: the list's filters and search box (`browser_filter.rs`), and the
//! actions on one card (`browser_card.rs`).

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::text_box::TextBox;
use crate::core::ids::CardKey;
use crate::core::notes::{BrowseFilter, CardDetail};
use crate::study::{BrowseRow, Saved};
use crate::tui::keys::{Action, Context, OwnAction, OwnCtx};
use crate::tui::screen::{BrowserStart, Cx, Effect, Level, Reply, Route, Screen};

#[path = "browser_card.rs"]
mod card;
#[path = "browser_filter.rs"]
mod filter;

pub use filter::STATE_FILTERS;
use filter::pasted_search;

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
