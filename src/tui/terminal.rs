//! The real terminal: entering and leaving it safely, input, signals and `$EDITOR`.
//!
//! The terminal is restored (raw mode off, main screen, cursor shown) on normal exit, on error,
//! on panic (the hook [`enter`] installs) and on every signal that ends the app by default and
//! can be caught (SIGTERM, SIGHUP, SIGINT, SIGQUIT: a signal-hook thread). SIGKILL cannot be
//! caught; `reset` mends the terminal then.

use std::io::{BufWriter, Stdout};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use super::runner::Host;
use crate::core::deck::{Deck, DeckProblem};

/// Input from crossterm, the system clock and a real `$EDITOR`.
pub struct TerminalHost {
    reload: Box<dyn FnMut() -> (Vec<Deck>, Vec<DeckProblem>)>,
    after_first_frame: Option<Box<dyn FnOnce()>>,
}

impl TerminalHost {
    pub fn new(reload: Box<dyn FnMut() -> (Vec<Deck>, Vec<DeckProblem>)>) -> TerminalHost {
        TerminalHost {
            reload,
            after_first_frame: None,
        }
    }

    /// Runs `f` once the first frame is on the terminal.
    pub fn after_first_frame(mut self, f: Box<dyn FnOnce()>) -> TerminalHost {
        self.after_first_frame = Some(f);
        self
    }
}

impl Host for TerminalHost {
    fn now(&mut self) -> DateTime<Utc> {
        Utc::now()
    }

    fn next_event(&mut self, timeout: Option<Duration>) -> std::io::Result<Option<Event>> {
        if let Some(t) = timeout
            && !event::poll(t)?
        {
            return Ok(None);
        }
        event::read().map(Some)
    }

    fn input_waiting(&mut self) -> std::io::Result<bool> {
        event::poll(Duration::ZERO)
    }

    fn first_frame_drawn(&mut self) {
        if let Some(f) = self.after_first_frame.take() {
            f();
        }
    }

    fn edit(&mut self, path: &Path, line: usize) -> anyhow::Result<()> {
        let (program, args) =
            editor_command(std::env::var("VISUAL").ok(), std::env::var("EDITOR").ok());
        bracketed_paste(false);
        ratatui::restore();
        let status = Command::new(&program)
            .args(&args)
            .arg(format!("+{line}"))
            .arg(path)
            .status();
        enable_raw_mode()?;
        execute!(std::io::stdout(), EnterAlternateScreen)?;
        bracketed_paste(true);
        match status {
            Ok(s) if s.success() => Ok(()),
            Ok(s) => Err(anyhow::anyhow!("the editor `{program}` exited with {s}")),
            Err(e) => Err(anyhow::anyhow!(
                "cannot run the editor `{program}`: {e} (set $EDITOR)"
            )),
        }
    }

    fn reload(&mut self) -> (Vec<Deck>, Vec<DeckProblem>) {
        (self.reload)()
    }
}

/// Whether `fd` is a terminal that has hung up: the kernel then answers every request on it
/// with EIO (reads return nothing, which crossterm takes for "no input yet"). Anything else (a
/// live terminal, not a terminal at all) is not a hang-up.
#[cfg(unix)]
pub fn hung_up(fd: &impl std::os::fd::AsFd) -> bool {
    rustix::termios::tcgetwinsize(fd).is_err_and(|e| e == rustix::io::Errno::IO)
}

#[cfg(not(unix))]
pub fn hung_up<T>(_fd: &T) -> bool {
    false
}

/// The editor to run: `$VISUAL`, else `$EDITOR`, else `vi`; words after the first are arguments
/// (`EDITOR="code --wait"`).
pub fn editor_command(visual: Option<String>, editor: Option<String>) -> (String, Vec<String>) {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    let mut words = chosen.split_whitespace().map(str::to_string);
    let program = words.next().unwrap_or_else(|| "vi".to_string());
    (program, words.collect())
}

/// The signals [`watch_terminal`] restores the terminal on: every one whose default action
/// ends the process and that a terminal user or a session manager sends (`kill`, closing the
/// terminal, `kill -INT`, Ctrl-\\ outside raw mode).
#[cfg(unix)]
pub const RESTORED_ON: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// Restores the terminal and exits (with 128 + the signal's number, as a shell reports a
/// process the signal killed) when one of [`RESTORED_ON`] arrives, and as on SIGHUP (exit
/// status 129) once the terminal the app draws on has hung up: closing a terminal sends SIGHUP
/// only to its session's leader and foreground group, so a wrapper that leads the session and
/// keeps the signal (or a job the shell disowned) never passes it on; crossterm (0.29) then
/// reads nothing from the closed terminal in a loop it never leaves, and the app spun on a core
/// until killed. Looking once a second costs nothing noticeable and does not depend on how
/// input is read.
///
/// Every review the user saw as recorded is already durable, so exiting at once loses nothing
/// the user was told is saved. The one exception: records of a mock interview that storage already refused (the
/// screen said "Not saved yet") live only in memory and are lost; they are not retried here
/// because the app is owned by the main thread, which may be blocked on input. Ctrl-C and the
/// keys that leave the interview do retry them and ask before dropping them.
#[cfg(unix)]
pub fn watch_terminal() -> std::io::Result<()> {
    use std::io::Read;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // One thread for both watches (a thread costs the start about 0.1 ms before its first
    // frame): each signal records its number, then wakes the thread through a socket; the
    // thread also wakes once a second to look at the terminal.
    let (mut wake, waker) = std::os::unix::net::UnixStream::pair()?;
    let last = Arc::new(AtomicUsize::new(0));
    for sig in RESTORED_ON {
        signal_hook::flag::register_usize(sig, last.clone(), sig as usize)?;
        signal_hook::low_level::pipe::register(sig, waker.try_clone()?)?;
    }
    wake.set_read_timeout(Some(HANG_UP_CHECK))?;
    std::thread::Builder::new()
        .name("prepdeck-signals".into())
        .spawn(move || {
            let mut byte = [0u8; 16];
            loop {
                match wake.read(&mut byte) {
                    Ok(n) if n > 0 => {
                        let sig = last.load(Ordering::SeqCst);
                        if sig != 0 {
                            restore_terminal();
                            std::process::exit(128 + sig as i32);
                        }
                    }
                    // Never seen (the write ends live as long as the process), but never spin.
                    Ok(_) => std::thread::sleep(HANG_UP_CHECK),
                    Err(_) => {}
                }
                if hung_up(&std::io::stdout()) {
                    restore_terminal();
                    std::process::exit(129);
                }
            }
        })?;
    Ok(())
}

/// How often [`watch_terminal`] looks at the terminal.
const HANG_UP_CHECK: Duration = Duration::from_secs(1);

/// Raw mode off, the main screen back, the cursor shown (ratatui's `restore` leaves the cursor
/// hidden: its `Terminal` shows it when dropped, which an exit from another thread skips).
/// Quiet when the terminal is gone: ratatui's `restore` reports a failure with `eprintln!`,
/// which panics when standard error is the closed terminal too (closing the window ended the
/// app with SIGABRT instead of 129).
pub fn restore_terminal() {
    bracketed_paste(false);
    let _ = ratatui::try_restore();
    let _ = execute!(std::io::stdout(), ratatui::crossterm::cursor::Show);
}

/// The terminal the app draws on: raw mode, the alternate screen, and a panic hook that
/// restores the terminal before the panic message prints (as `ratatui::try_init`). Frames are
/// written through a buffer, flushed once a frame: the first frame's few thousand cells no
/// longer each take the lock of the line-buffered standard output (0.23 million of a
/// built-in start's instructions, docs/performance.md).
pub fn enter() -> std::io::Result<Terminal<CrosstermBackend<BufWriter<Stdout>>>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        hook(info);
    }));
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER,
        std::io::stdout(),
    )))
}

/// Bytes a frame is gathered in before it is written (home's first frame at 120x30 is about
/// 2.5 KB; a screen full of coloured text can be tens of KB, and a larger one is written in
/// pieces).
const FRAME_BUFFER: usize = 64 * 1024;

/// Turns bracketed paste on or off: on, a paste arrives as one [`Event::Paste`]. Best effort
/// (a terminal without it sends the keys as before).
pub fn bracketed_paste(on: bool) {
    use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
    let _ = if on {
        execute!(std::io::stdout(), EnableBracketedPaste)
    } else {
        execute!(std::io::stdout(), DisableBracketedPaste)
    };
}

#[cfg(not(unix))]
pub fn watch_terminal() -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_falls_back_and_splits_arguments() {
        assert_eq!(editor_command(None, None), ("vi".into(), vec![]));
        assert_eq!(
            editor_command(Some(" ".into()), Some("code --wait".into())),
            ("code".into(), vec!["--wait".to_string()])
        );
        assert_eq!(
            editor_command(Some("nano".into()), Some("vim".into())).0,
            "nano"
        );
    }
}
