//! Drawing. Every function here reads the app and writes cells; none changes any state.

mod charts;
pub mod drill;
mod help;
mod home;
pub mod layout;
pub mod mock;
pub mod stats;
mod stats_tabs;
mod summary;

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::{App, Screen};
use super::keymap::Context;

/// The whole app at one instant (`now` drives the think-time clock).
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
        let app = self.app;
        if !layout::fits(area.width, area.height) {
            layout::too_small(area, buf, app.theme);
            return;
        }
        match &app.screen {
            Screen::Home => home::render(app, area, buf),
            Screen::Drill(d) if d.context() == Context::Summary => {
                summary::render(app, d, area, buf)
            }
            Screen::Drill(d) => drill::render(app, d, self.now, area, buf),
            Screen::Mock(m) => mock::render(app, m, self.now, area, buf),
            Screen::Stats(s) => stats::render(app, s, area, buf),
        }
        if let Some(ctx) = app.help {
            help::render(app, ctx, area, buf);
        }
    }
}
