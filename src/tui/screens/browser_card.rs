//! The browser's actions on one card (the page's, else the selected row's): suspend or
//! unsuspend, unbury, open its deck file, and on the page: write the note or answer (in the
//! text box or `$EDITOR`), step through the attempts and keep one as the answer.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::BrowserScreen;
use crate::core::deck::{DeckSource, find_card};
use crate::core::notes::CardState;
use crate::core::record::RecordBody;
use crate::study::OwnText;
use crate::tui::keys::{Action, OwnAction};
use crate::tui::screen::{Cx, Effect, Level};
use crate::tui::screens::text_box::{TextBox, TextKey};

impl BrowserScreen {
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
    pub(super) fn unbury(&mut self, now: DateTime<Utc>) -> Vec<Effect> {
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

    pub(super) fn toggle_suspend(&mut self) -> Vec<Effect> {
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

    pub(super) fn open_deck_file(&self, cx: &Cx) -> Vec<Effect> {
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

    pub(super) fn page_key(&mut self, action: OwnAction) -> Vec<Effect> {
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

    pub(super) fn text_key(&mut self, key: KeyEvent, action: Option<Action>) -> Vec<Effect> {
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
}
