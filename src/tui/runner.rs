//! The event loop, generic over the ratatui backend, with the clock and the input injected.
//!
//! Redraws on input, on resize, and on timer ticks only while a clock is on screen; otherwise it
//! waits for input or the start of the next study day (when home's counts change), so an idle
//! app wakes up once a day (at most once an hour, in case the computer slept).
//! Input already waiting is handled before the next frame: a paste of thousands of characters
//! draws once, not per character; typing already waiting for an editor goes in as one paste.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};

use super::app::{App, Request};
use crate::core::deck::{Deck, DeckProblem};

/// How often a visible clock is redrawn (4 per second at most).
pub const TICK: Duration = Duration::from_millis(250);

/// What the loop needs from the world.
pub trait Host {
    fn now(&mut self) -> DateTime<Utc>;
    /// The next input event; with a timeout, `None` when it passed first. Without, blocks.
    fn next_event(&mut self, timeout: Option<Duration>) -> std::io::Result<Option<Event>>;
    /// Whether input is already waiting (a paste arriving as keys): the frame is drawn once it
    /// is all handled, not once per key.
    fn input_waiting(&mut self) -> std::io::Result<bool> {
        Ok(false)
    }
    /// Called once, right after the first frame is drawn.
    fn first_frame_drawn(&mut self) {}
    /// Leaves the terminal, runs the user's editor on `path` at `line`, and comes back.
    fn edit(&mut self, path: &Path, line: usize) -> anyhow::Result<()>;
    /// Loads the decks again: the decks, and the files that did not load.
    fn reload(&mut self) -> (Vec<Deck>, Vec<DeckProblem>);
}

/// Runs until the app quits.
pub fn run<B, H>(terminal: &mut Terminal<B>, app: &mut App, host: &mut H) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    H: Host,
{
    let mut dirty = true;
    let mut first = true;
    // An event read while gathering a run of typing, handled next.
    let mut waiting: Option<Event> = None;
    loop {
        if dirty && waiting.is_none() && !host.input_waiting()? {
            let size = terminal.size()?;
            app.resize(size.width, size.height);
            let now = host.now();
            terminal.draw(|f| f.render_widget(app.view(now), f.area()))?;
            dirty = false;
        }
        if std::mem::take(&mut first) {
            host.first_frame_drawn();
            // What the first frame did not need, made ready before the first key is read:
            // the progress itself when the frame came from the home snapshot.
            app.study.ready()?;
            app.study.warm_up();
            // The bank's words, for telling an answer to another question (built once, about
            // 40 ms): ready before the first answer is checked, off the key path.
            std::thread::spawn(crate::core::analysis::relevance::warm);
        }
        if app.should_quit() {
            return Ok(());
        }
        // What the first frame could do without: done now, then drawn.
        if app.run_deferred(host.now()) {
            dirty = true;
            continue;
        }
        // Idle, the loop sleeps until input or the next study day (home's counts change then).
        let timeout = if app.needs_ticks() {
            TICK
        } else {
            app.wake_in(host.now())
        };
        let event = match waiting.take() {
            Some(event) => Some(event),
            None => host.next_event(Some(timeout))?,
        };
        dirty |= match event {
            // A tick: the clock moved (a deadline may be due, or a new day begun).
            None => {
                app.tick(host.now());
                true
            }
            // Typing already waiting behind this key: one paste (see `app/typing.rs`).
            Some(Event::Key(key)) if app.typed_text(&key).is_some() && host.input_waiting()? => {
                let (text, next) = typed_run(app, host, key)?;
                waiting = next;
                app.paste(&text, host.now());
                true
            }
            Some(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                let now = host.now();
                match app.handle_key(key, now) {
                    Some(Request::Edit { path, line }) => {
                        let edited = host.edit(&path, line);
                        terminal.clear()?;
                        let (decks, problems) = host.reload();
                        app.reload_decks(decks, problems, host.now());
                        if let Err(e) = edited {
                            app.notify(super::app::Level::Error, format!("{e:#}"));
                        }
                    }
                    Some(Request::EditDraft {
                        path,
                        which,
                        original,
                    }) => {
                        let edited = host.edit(&path, 1);
                        terminal.clear()?;
                        app.draft_edited(path, which, &original, edited, host.now());
                    }
                    None => {}
                }
                true
            }
            Some(Event::Paste(text)) => {
                app.paste(&text, host.now());
                true
            }
            Some(Event::Resize(..)) => true,
            Some(_) => false,
        };
    }
}

/// The text typed by `first` and the keys already waiting after it that type into the same
/// editor, and the first waiting event that does not (handled next, as usual).
fn typed_run<H: Host>(
    app: &App,
    host: &mut H,
    first: KeyEvent,
) -> std::io::Result<(String, Option<Event>)> {
    let mut text: String = app.typed_text(&first).into_iter().collect();
    while host.input_waiting()? {
        match host.next_event(Some(Duration::ZERO))? {
            None => break,
            Some(Event::Key(key)) if key.kind == KeyEventKind::Release => {}
            Some(Event::Key(key)) => match app.typed_text(&key) {
                Some(c) => text.push(c),
                None => return Ok((text, Some(Event::Key(key)))),
            },
            Some(other) => return Ok((text, Some(other))),
        }
    }
    Ok((text, None))
}
