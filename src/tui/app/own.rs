//! The app's side of the candidate's own material: opening the card browser and the story
//! bank, drilling chosen cards or the stories, and carrying out their effects through the
//! study layer (the one place these screens reach it).

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::{App, Current, Level, Request};
use crate::core::ids::CardKey;
use crate::core::notes::BrowseFilter;
use crate::core::stories::story_deck;
use crate::study::{
    DrillDriver, DrillFilter, OwnText, Shown, beside, browse, debrief_story_notes, detail,
    save_text, stories_view,
};
use crate::tui::screen::{BrowserStart, Cx, Effect, Reply};
use crate::tui::screens::browser::BrowserScreen;
use crate::tui::screens::debrief::DebriefState;
use crate::tui::screens::drill::DrillScreen;
use crate::tui::screens::stories::StoriesScreen;

impl App {
    /// Carries out an effect of the own-material screens; the reply for the screen, if any.
    pub(super) fn own_effect(
        &mut self,
        effect: Effect,
        now: DateTime<Utc>,
        out: &mut Vec<Request>,
    ) -> Option<Reply> {
        Some(match effect {
            Effect::Browse(filter) => {
                Reply::Browse(browse(&*self.study, &self.decks, &filter, now))
            }
            Effect::Detail(key) => {
                Reply::Detail(detail(&*self.study, &self.decks, &key, now).map(Box::new))
            }
            Effect::Beside(key, shown) => {
                let b = beside(&*self.study, &self.decks, &key, &shown);
                Reply::Beside(key, Box::new(b))
            }
            Effect::SaveText {
                key,
                which,
                text,
                from,
            } => Reply::SavedText(
                which,
                save_text(&mut *self.study, &key, which, &text, from, now)
                    .map_err(|e| e.to_string()),
            ),
            Effect::Write(body) => Reply::Written(
                self.study
                    .append(body, now)
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
            ),
            Effect::EditText { which, text } => match self.study.write_draft(which.name(), &text) {
                Ok(path) => {
                    out.push(Request::EditDraft {
                        path,
                        which,
                        original: text,
                    });
                    return None;
                }
                Err(e) => Reply::Edited(which, Err(format!("Cannot open the editor: {e}"))),
            },
            Effect::LoadStories => {
                Reply::Stories(stories_view(&*self.study, &self.decks).map(Box::new))
            }
            Effect::CreateStories => Reply::Written(
                self.study
                    .create_stories()
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
            ),
            _ => return None,
        })
    }

    /// Hands `reply` to the current screen and carries out what it answers.
    pub(super) fn reply_to_screen(&mut self, reply: Reply, now: DateTime<Utc>) {
        let context = self.context();
        let cx = Cx {
            decks: &self.decks,
            overview: &self.overview,
            broken: &self.broken,
            theme: self.theme,
            size: self.size,
            message: self.message.as_ref(),
            context,
        };
        let fx = match self.current.screen_mut() {
            Some(s) => s.on_reply(reply, &cx, now),
            None => return,
        };
        self.run(fx, now);
    }

    /// The editor closed on a draft of a note or an answer (`edited`: whether it ran and
    /// exited well). What it saved goes to the screen; a draft that cannot be read stays on
    /// disk, and the message says where.
    pub fn draft_edited(
        &mut self,
        path: PathBuf,
        which: OwnText,
        original: &str,
        edited: anyhow::Result<()>,
        now: DateTime<Utc>,
    ) {
        let result = match edited {
            Err(e) => {
                let _ = self.study.take_draft(&path);
                Err(format!("{e:#}; nothing was changed"))
            }
            Ok(()) => match self.study.take_draft(&path) {
                Ok(text) if text.trim_end() == original.trim_end() => Ok(None),
                Ok(text) => Ok(Some(text)),
                Err(e) => Err(format!(
                    "What the editor saved could not be read ({e}); it is still in {}",
                    path.display()
                )),
            },
        };
        self.reply_to_screen(Reply::Edited(which, result), now);
    }

    /// The debrief's own-material panel: each question's material and the story notes.
    pub(super) fn fill_debrief(&self, d: &mut DebriefState) {
        let shown = Shown::Interview(d.interview.clone());
        for (slot, item) in d.beside.iter_mut().zip(&d.debrief.items) {
            let b = beside(&*self.study, &self.decks, &item.question.key, &shown);
            *slot = Some(Box::new(b));
        }
        let answers: Vec<(usize, &str, &CardKey)> = d
            .debrief
            .items
            .iter()
            .filter(|i| !i.skipped)
            .map(|i| (i.index, i.answer.as_str(), &i.question.key))
            .collect();
        d.story_notes = debrief_story_notes(&*self.study, &self.decks, &answers);
    }

    /// Opens the card browser on every card, on the list or searching.
    pub fn open_browser(&mut self, start: BrowserStart, now: DateTime<Utc>) {
        let rows = browse(&*self.study, &self.decks, &BrowseFilter::default(), now);
        self.show(Current::Browser(Box::new(BrowserScreen::new(rows, start))));
    }

    /// Opens the story bank screen, read and checked now.
    pub fn open_stories(&mut self) {
        let view = stories_view(&*self.study, &self.decks).map(Box::new);
        let mut screen = StoriesScreen::new(None);
        let warn = view
            .as_ref()
            .and_then(|v| v.read.bank.as_ref().err())
            .map(Vec::len);
        screen.view = view;
        self.show(Current::Stories(Box::new(screen)));
        if let Some(n) = warn {
            self.notify(
                Level::Error,
                format!("The story bank does not parse ({n} problem(s)): e opens it to fix them."),
            );
        }
    }

    /// A drill on exactly `keys`, due or not (the browser's "drill it now").
    pub fn start_drill_cards(&mut self, keys: Vec<CardKey>, now: DateTime<Utc>) {
        let driver = DrillDriver::with_cards(&self.decks, keys, now);
        if driver.session().cards().is_empty() {
            self.notify(Level::Info, "No card to drill.");
            return;
        }
        self.show(Current::Drill(Box::new(DrillScreen::new(driver))));
    }

    /// A drill on the stories of the bank that are due (spaced repetition under `@stories`).
    pub fn start_story_drill(&mut self, now: DateTime<Utc>) {
        let Some(read) = self.study.stories() else {
            return;
        };
        let bank = match read.bank {
            Ok(b) if !b.stories.is_empty() => b,
            Ok(_) => {
                self.notify(Level::Info, "The story bank has no story to drill yet.");
                return;
            }
            Err(problems) => {
                self.notify(
                    Level::Error,
                    format!(
                        "The story bank does not parse ({} problem(s)); fix it first.",
                        problems.len()
                    ),
                );
                return;
            }
        };
        let deck = story_deck(&bank, &read.path.display().to_string());
        let filter = DrillFilter {
            decks: vec![deck.id.clone()],
            ..DrillFilter::default()
        };
        let decks = vec![deck];
        let driver = DrillDriver::start(&*self.study, &decks, &filter, now);
        if driver.session().cards().is_empty() {
            self.notify(
                Level::Info,
                "No story is due now: each comes back when it needs practice.",
            );
            return;
        }
        self.show(Current::Drill(Box::new(
            DrillScreen::new(driver).with_decks(decks),
        )));
    }
}
