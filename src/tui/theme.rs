//! Every colour and text style of the app, in one place.
//!
//! The terminal's own foreground and background are used for text, so the app reads on dark and
//! light themes alike; a few accent colours mark state. No background colour is ever set.
//! With `NO_COLOR` set (https://no-color.org) only bold, dim, reverse and underline remain.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub fn colored() -> Theme {
        Theme { color: true }
    }

    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn text(self) -> Style {
        Style::new()
    }
    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn heading(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn warn(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }
    /// A countdown with `secs_left` seconds left (negative: overtime): green, then yellow from
    /// 30 s, red from 10 s. Without colour, the last 10 s are reversed.
    pub fn clock(self, secs_left: i64) -> Style {
        match secs_left {
            s if s <= 10 && self.color => self.error(),
            s if s <= 10 => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            s if s <= 30 => self.warn(),
            _ => self.good(),
        }
    }
    /// A filler word in the candidate's answer.
    pub fn filler(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::UNDERLINED)
    }
    /// A hedge ("I think", "maybe") in the candidate's answer.
    pub fn hedge(self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC)
    }
    /// The style of a grade button, Again..Easy.
    pub fn grade(self, number: u8) -> Style {
        let c = match number {
            1 => Color::Red,
            2 => Color::Yellow,
            3 => Color::Green,
            _ => Color::Blue,
        };
        self.fg(c).add_modifier(Modifier::BOLD)
    }
}
