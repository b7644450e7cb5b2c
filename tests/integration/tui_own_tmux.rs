//! End to end, the candidate's own material in the real app (tmux, a temp home): find a card
//! with the browser's search, open its page, suspend it; write a note in the app's text box and
//! an answer in `$EDITOR`; `prepdeck cards` then sees each change. Without tmux the tests say
//! SKIPPED, and fail under `PREPDECK_CI_STRICT=1`.

use std::path::Path;
use std::process::Command;

use crate::common;
use common::tmux::Tmux;

const CARD: &str = "it-manager/budget-build-annual";

fn prepdeck(home: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_prepdeck"))
        .arg("--home")
        .arg(home)
        .args(args)
        .output()
        .expect("run prepdeck");
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Starts the app in `tmux` on `home` with `editor` as `$EDITOR`.
fn start(tmux: &Tmux, home: &Path, editor: &str) {
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; EDITOR='{editor}' VISUAL= '{bin}' --home '{}'; echo \"exited-$?\"",
        home.display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("interview trainer");
}

/// From home: `/`, the card's id (unique whatever the content says), Enter: the card's page.
fn find_budget_card(tmux: &Tmux) {
    tmux.send(&["/"]);
    tmux.wait_for("Search:");
    tmux.type_text("budget-build-annual");
    tmux.wait_for("1 of ");
    tmux.send(&["Enter"]);
    tmux.wait_for("Your attempts");
}

fn quit(tmux: &Tmux) {
    tmux.send(&["q"]);
    tmux.wait_for("Search:");
    tmux.send(&["q"]);
    tmux.wait_for("interview trainer");
    tmux.send(&["q"]);
    tmux.wait_for("exited-0");
}

#[test]
fn search_open_and_suspend_a_card() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("own-browse") else {
        return;
    };
    start(&tmux, home.path(), "true");
    find_budget_card(&tmux);
    let page = tmux.capture();
    assert!(
        page.contains("How do you put together an annual IT budget?"),
        "{page}"
    );
    assert!(page.contains("Budget & cost"), "{page}");
    tmux.send(&["!"]);
    tmux.wait_for("Suspended:");
    quit(&tmux);
    let suspended = prepdeck(home.path(), &["cards", "--state", "suspended"]);
    assert!(suspended.contains("budget-build-annual"), "{suspended}");
    assert!(suspended.contains("1 card(s)"), "{suspended}");
}

#[test]
fn write_a_note_in_the_app_and_an_answer_in_the_editor() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("own-note") else {
        return;
    };
    // An "editor" that appends a line to the file it is given (the last argument).
    let editor = home.path().join("append-editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nfor f; do :; done\nprintf 'From the editor.\\n' >> \"$f\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    start(&tmux, home.path(), &editor.display().to_string());
    find_budget_card(&tmux);
    tmux.send(&["n"]);
    tmux.wait_for("Ctrl-S saves");
    tmux.type_text("Open with the 1.9m college budget.");
    tmux.send(&["C-s"]);
    tmux.wait_for("Your note is saved.");
    tmux.send(&["A"]);
    tmux.wait_for("Your answer is saved.");
    let page = tmux.capture();
    assert!(page.contains("From the editor."), "{page}");
    quit(&tmux);
    let note = prepdeck(home.path(), &["cards", "note", CARD]);
    assert_eq!(note.trim(), "Open with the 1.9m college budget.");
    let answer = prepdeck(home.path(), &["cards", "answer", CARD]);
    assert_eq!(answer.trim(), "From the editor.");
    // The editor's draft file is gone once read.
    let left: Vec<_> = std::fs::read_dir(home.path().join("cache"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
