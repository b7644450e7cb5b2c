//! Drawing. Every function here reads a screen's state and its read-only context and writes
//! cells; none changes any state. One file per screen, and shared helpers ([`layout`],
//! [`charts`], [`stack`]).

pub mod browser;
pub(crate) mod charts;
pub mod drill;
pub mod help;
pub mod history;
pub mod home;
pub mod layout;
pub mod mock;
pub mod own;
mod problems;
mod stack;
pub mod stats;
mod stats_tabs;
pub mod stories;
pub mod summary;
mod target_form;
pub mod targets;

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::App;

/// The whole app at one instant (`now` drives the clocks).
pub struct AppView<'a> {
    pub app: &'a App,
    pub now: DateTime<Utc>,
}

impl App {
    pub fn view(&self, now: DateTime<Utc>) -> AppView<'_> {
        AppView { app: self, now }
    }
}

impl Widget for AppView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.app.draw(self.now, area, buf);
    }
}
