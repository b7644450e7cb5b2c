//! The story bank screen: the stories of `<home>/stories.toml` (the selected one in full),
//! the coverage table of the competencies the decks probe, and the keys to edit the file in
//! `$EDITOR` (checked again when the editor closes; the file is the user's and is never
//! rewritten), to create it from the template and to drill the stories.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::study::StoriesView;
use crate::tui::keys::{Action, Context, OwnAction, OwnCtx};
use crate::tui::screen::{Cx, Effect, Level, Reply, Route, Screen};

/// Which half of the screen the arrows move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Stories,
    Coverage,
}

pub struct StoriesScreen {
    /// `None` when this progress has no data folder.
    pub view: Option<Box<StoriesView>>,
    pub selected: usize,
    pub pane: Pane,
    /// First row of the coverage table on screen.
    pub scroll: u16,
}

impl StoriesScreen {
    pub fn new(view: Option<Box<StoriesView>>) -> StoriesScreen {
        StoriesScreen {
            view,
            selected: 0,
            pane: Pane::Stories,
            scroll: 0,
        }
    }

    fn story_count(&self) -> usize {
        self.view
            .as_ref()
            .and_then(|v| v.read.bank.as_ref().ok())
            .map_or(0, |b| b.stories.len())
    }

    fn edit(&self) -> Vec<Effect> {
        let Some(v) = &self.view else {
            return vec![];
        };
        if !v.read.exists {
            return vec![Effect::Notify(
                Level::Info,
                "There is no story bank yet: n creates one from the template.".into(),
            )];
        }
        let line = v
            .read
            .bank
            .as_ref()
            .ok()
            .and_then(|b| b.stories.get(self.selected))
            .map_or(1, |s| s.line);
        vec![Effect::Edit {
            path: v.read.path.clone(),
            line,
        }]
    }

    /// After the editor: the file is read and checked again; problems are shown, and the
    /// text stays as the user left it.
    fn loaded(&mut self, view: Option<Box<StoriesView>>) -> Vec<Effect> {
        self.view = view;
        self.selected = self.selected.min(self.story_count().saturating_sub(1));
        match self.view.as_ref().map(|v| &v.read.bank) {
            Some(Err(problems)) => vec![Effect::Notify(
                Level::Error,
                format!(
                    "The story bank does not parse ({} problem(s)); your text is kept as you \
                     left it: e opens it again.",
                    problems.len()
                ),
            )],
            _ => vec![],
        }
    }
}

impl Screen for StoriesScreen {
    fn context(&self) -> Context {
        Context::Own(OwnCtx::Stories)
    }

    fn on_key(
        &mut self,
        _key: KeyEvent,
        action: Option<Action>,
        _cx: &Cx,
        _now: DateTime<Utc>,
    ) -> Vec<Effect> {
        let n = self.story_count();
        match action {
            Some(Action::Up | Action::PageUp) if self.pane == Pane::Coverage => {
                let step = if action == Some(Action::Up) { 1 } else { 10 };
                self.scroll = self.scroll.saturating_sub(step);
            }
            Some(Action::Down | Action::PageDown) if self.pane == Pane::Coverage => {
                let step = if action == Some(Action::Down) { 1 } else { 10 };
                let rows = self
                    .view
                    .as_ref()
                    .map_or(0, |v| v.coverage.competencies.len());
                let max = u16::try_from(rows).unwrap_or(u16::MAX);
                self.scroll = self.scroll.saturating_add(step).min(max);
            }
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::PageUp) => self.selected = self.selected.saturating_sub(10),
            Some(Action::Down | Action::PageDown) => {
                let step = if action == Some(Action::Down) { 1 } else { 10 };
                self.selected = (self.selected + step).min(n.saturating_sub(1));
            }
            Some(Action::Own(OwnAction::SwitchPane)) => {
                self.pane = match self.pane {
                    Pane::Stories => Pane::Coverage,
                    Pane::Coverage => Pane::Stories,
                };
            }
            Some(Action::Own(OwnAction::EditStory)) => return self.edit(),
            Some(Action::Own(OwnAction::CreateStories)) => {
                return match &self.view {
                    Some(v) if v.read.exists => vec![Effect::Notify(
                        Level::Info,
                        "The story bank exists: e edits it.".into(),
                    )],
                    Some(_) => vec![Effect::CreateStories],
                    None => vec![],
                };
            }
            Some(Action::Own(OwnAction::DrillStories)) => {
                return match self.view.as_ref().map(|v| &v.read.bank) {
                    Some(Ok(b)) if !b.stories.is_empty() => vec![Effect::Go(Route::StoryDrill)],
                    Some(Err(_)) => vec![Effect::Notify(
                        Level::Error,
                        "Fix the story bank first (e): it does not parse.".into(),
                    )],
                    _ => vec![Effect::Notify(
                        Level::Info,
                        "No story to drill yet: n creates the bank, e edits it.".into(),
                    )],
                };
            }
            Some(Action::Back) => return vec![Effect::Go(Route::Home)],
            _ => {}
        }
        vec![]
    }

    fn on_reply(&mut self, reply: Reply, _cx: &Cx, _now: DateTime<Utc>) -> Vec<Effect> {
        match reply {
            Reply::Stories(view) => self.loaded(view),
            Reply::Written(Ok(())) => vec![
                Effect::LoadStories,
                Effect::Notify(
                    Level::Info,
                    "Story bank created: its example is commented out; e edits it.".into(),
                ),
            ],
            Reply::Written(Err(e)) => vec![Effect::Notify(
                Level::Error,
                format!("The story bank was not created: {e}"),
            )],
            Reply::Reloaded => vec![Effect::LoadStories],
            _ => vec![],
        }
    }
}
