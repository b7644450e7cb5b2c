//! Fault injection: every catchable signal that ends the app restores the terminal. The real
//! binary runs in tmux; after `kill -INT`, `-QUIT`, `-TERM` or `-HUP` the pane must be back on
//! the main screen, with the cursor shown and the line discipline out of raw mode, and the
//! shell must report the signal's exit status (128 + its number).
//! Needs tmux and pgrep: without them the test fails under `PREPDECK_CI_STRICT=1`, and
//! otherwise says loudly that it was skipped.

use crate::common;

use std::process::Command;

use common::tmux::Tmux;

fn pane_flag(tmux: &Tmux, flag: &str) -> String {
    let out = tmux.run(&["display", "-p", "-t", "e2e", &format!("#{{{flag}}}")]);
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn every_signal_that_ends_the_app_restores_the_terminal() {
    let test = "every_signal_that_ends_the_app_restores_the_terminal";
    let Some(()) = common::require(test, common::program("pgrep")) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    for (signal, number) in [("INT", 2), ("QUIT", 3), ("TERM", 15), ("HUP", 1)] {
        let home = tempfile::tempdir().unwrap();
        let Some(tmux) = Tmux::start(&format!("sig-{signal}")) else {
            return common::cannot_run(test, "tmux is not installed");
        };
        // After the app: its exit status, then whether the terminal is in canonical mode
        // (`icanon`) or still raw (`-icanon`), printed before the shell reads a line again.
        let cmd = format!(
            "PS1='shell$ '; '{bin}' --home '{}'; echo \"exited-$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon' | sed 's/$/-end/'",
            home.path().display()
        );
        tmux.send(&[&cmd, "Enter"]);
        tmux.wait_for_secs("interview trainer", 60);
        assert!(tmux.alternate_on());
        // The cursor is hidden just after the first frame is drawn.
        let started = std::time::Instant::now();
        while pane_flag(&tmux, "cursor_flag") != "0" {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(60),
                "the app never hid the cursor"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let shell = pane_flag(&tmux, "pane_pid");
        let children = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
        assert!(
            !pid.is_empty() && !pid.contains('\n'),
            "children of the shell: {pid:?}"
        );
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        tmux.wait_for_secs(&format!("exited-{}", 128 + number), 60);
        // `icanon-end` (or `-icanon-end`) appears only in the output, not in the command.
        let screen = tmux.wait_for_secs("icanon-end", 60);
        assert!(
            screen.lines().any(|l| l.trim() == "icanon-end"),
            "SIG{signal}: the terminal was left in raw mode:\n{screen}"
        );
        assert!(
            !tmux.alternate_on(),
            "SIG{signal}: still on the alternate screen"
        );
        assert_eq!(
            pane_flag(&tmux, "cursor_flag"),
            "1",
            "SIG{signal}: the cursor is still hidden"
        );
    }
}

/// The terminal closed under the app without a SIGHUP reaching it (the pseudo-terminal is not
/// the app's controlling terminal, as under a wrapper that leads the session and keeps the
/// signal): the app must leave, as on SIGHUP (exit status 129), within seconds. It used to read
/// nothing from the closed terminal in a busy loop until the next study day.
#[cfg(unix)]
#[test]
fn a_terminal_closed_without_sighup_ends_the_app() {
    use rustix::fs::{Mode, OFlags};
    use std::io::Read;
    use std::os::fd::OwnedFd;
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let home = tempfile::tempdir().unwrap();
    let master = rustix::pty::openpt(
        rustix::pty::OpenptFlags::RDWR
            | rustix::pty::OpenptFlags::NOCTTY
            | rustix::pty::OpenptFlags::CLOEXEC,
    )
    .unwrap();
    rustix::pty::grantpt(&master).unwrap();
    rustix::pty::unlockpt(&master).unwrap();
    let name = rustix::pty::ptsname(&master, Vec::new()).unwrap();
    let slave: OwnedFd = rustix::fs::open(
        name.as_c_str(),
        OFlags::RDWR | OFlags::NOCTTY,
        Mode::empty(),
    )
    .unwrap();
    let size = rustix::termios::Winsize {
        ws_row: 30,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    rustix::termios::tcsetwinsize(&slave, size).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .arg("--home")
        .arg(home.path())
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave))
        .spawn()
        .unwrap();
    // Read the screen on a thread until home shows; the thread owns the only copy of the
    // master side (close-on-exec: no child holds one), so its end closes the terminal.
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut master = std::fs::File::from(master);
        let mut seen = Vec::new();
        let mut buf = [0u8; 65536];
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("All decks") {
                let _ = tx.send(());
                return;
            }
        }
    });
    if rx.recv_timeout(Duration::from_secs(60)).is_err() {
        let _ = child.kill();
        panic!("the home screen never showed on the pseudo-terminal");
    }
    reader.join().unwrap();
    let closed = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if closed.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the app was still running 20 s after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        status.code(),
        Some(129),
        "left as on SIGHUP, without a panic: {status:?}"
    );
}
