//! Driving the real binary in tmux for end-to-end tests: a private tmux server per test, a
//! 100x30 pane running bash, keys in and the screen out.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a private tmux server with one 100x30 bash pane named `e2e`; `None` when tmux
    /// cannot be run (see `super::cannot_run`: a failure under `PREPDECK_CI_STRICT=1`).
    pub fn start(name: &str) -> Option<Tmux> {
        super::require(&format!("the tmux test `{name}`"), super::program("tmux"))?;
        let tmux = Tmux {
            socket: format!("prepdeck-{name}-{}", std::process::id()),
        };
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "100",
            "-y",
            "30",
            "bash",
            "--norc",
            "--noprofile",
        ]);
        assert!(started.status.success(), "{started:?}");
        Some(tmux)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("TERM", "xterm-256color")
            .output()
            .expect("run tmux")
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Sends keys by tmux name (`Enter`, `Space`, `C-d`) or as text.
    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Types `text` literally.
    #[allow(dead_code)]
    pub fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success()
        );
    }

    /// Whether the pane shows the alternate screen (the app is drawing).
    #[allow(dead_code)]
    pub fn alternate_on(&self) -> bool {
        self.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"])
            .stdout
            == b"1\n"
    }

    /// Waits up to 15 s until the pane shows `text`.
    #[allow(dead_code)]
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_secs(text, 15)
    }

    /// Waits until the pane shows `text` and then until two captures 150 ms apart are the
    /// same: the whole screen once drawn, for tests that compare screens (on a busy machine a
    /// capture as soon as `text` shows can catch the rest of the frame still being written).
    #[allow(dead_code)]
    pub fn wait_for_settled(&self, text: &str) -> String {
        let mut screen = self.wait_for(text);
        let start = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let next = self.capture();
            if next == screen {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("the pane never settled; it shows:\n{next}");
            }
            screen = next;
        }
    }

    /// Waits up to `secs` seconds until the pane shows `text`.
    pub fn wait_for_secs(&self, text: &str, secs: u64) -> String {
        self.wait_for_all_secs(&[text], secs)
    }

    /// Waits up to `secs` seconds until the pane shows every one of `texts` at once (a capture
    /// can catch a frame half drawn: the first text there, the next not yet).
    pub fn wait_for_all_secs(&self, texts: &[&str], secs: u64) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("timed out waiting for {texts:?}; the pane shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
