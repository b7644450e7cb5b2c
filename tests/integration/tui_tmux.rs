//! End to end: the real binary in tmux with a temp home. Open the app, drill three cards,
//! quit; the state file then holds three reviews (and `prepdeck stats --json` counts them), and
//! the terminal is back on the main screen.
//! Without tmux (or pgrep) the tests say SKIPPED, and fail under `PREPDECK_CI_STRICT=1`
//! (`.ci/run` sets it and installs both).

use std::path::Path;
use std::process::Command;

use crate::common;
use common::tmux::Tmux;

fn count_reviews(state: &Path) -> usize {
    std::fs::read_to_string(state)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(r#""type":"review""#))
        .count()
}

/// Waits for card `position` of the drill, reveals it and grades it with `grade` (1-4).
fn reveal_and_grade(tmux: &Tmux, position: usize, grade: &str) {
    tmux.wait_for(&format!("{position}/"));
    tmux.send(&["Space"]);
    tmux.wait_for("Model answer");
    tmux.send(&[grade]);
}

#[test]
fn drill_three_cards_in_tmux() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("e2e") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; '{bin}' --home '{}'; echo \"exited-$?\"",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("interview trainer");
    assert!(tmux.alternate_on());

    tmux.send(&["d"]);
    for n in 1..=3 {
        reveal_and_grade(&tmux, n, "3");
    }
    tmux.wait_for("4/");
    tmux.send(&["q"]);
    let summary = tmux.wait_for("Cards reviewed");
    assert!(summary.contains("3 of "), "{summary}");
    tmux.send(&["q"]);
    tmux.wait_for("3 reviewed");
    tmux.send(&["q"]);
    let shell = tmux.wait_for("exited-0");
    assert!(shell.contains("shell$"), "{shell}");
    assert!(
        !tmux.alternate_on(),
        "the terminal is back on the main screen"
    );

    assert_eq!(count_reviews(&home.path().join("state.jsonl")), 3);
    let stats = Command::new(bin)
        .args([
            "--home",
            &home.path().display().to_string(),
            "stats",
            "--json",
        ])
        .output()
        .expect("run prepdeck stats");
    assert!(stats.status.success(), "{stats:?}");
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("stats json");
    assert_eq!(stats["reviews_total"], 3, "{stats}");
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(()) = common::require("sigterm_restores_the_terminal", common::program("pgrep"))
    else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("e2e-term") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; '{bin}' --home '{}'; echo \"exited-$?\"",
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("interview trainer");
    let shell_pid = String::from_utf8_lossy(
        &tmux
            .run(&["display", "-p", "-t", "e2e", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .to_string();
    let children = Command::new("pgrep")
        .args(["-P", &shell_pid])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
    assert!(
        !pid.is_empty() && !pid.contains('\n'),
        "children of the shell: {pid:?}"
    );
    let _ = Command::new("kill").args(["-TERM", &pid]).status();
    let shell = tmux.wait_for("exited-143");
    assert!(shell.contains("shell$"), "{shell}");
    assert!(
        !tmux.alternate_on(),
        "the terminal is back on the main screen"
    );
}

/// The second start comes from the progress cache the first one left; an undo then reads the
/// log back. Whatever the path, the home screen is the one a full replay gives.
#[test]
fn a_restart_uses_the_progress_cache_and_agrees_with_a_full_replay() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("e2e-cache") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let cmd = format!(
        "PS1='shell$ '; clear; '{bin}' --home '{}'; echo \"exited-$?\"",
        home.path().display()
    );
    let cache = home.path().join("cache").join("progress.bin");

    // First run: three cards, then leave.
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("interview trainer");
    tmux.send(&["d"]);
    for n in 1..=3 {
        reveal_and_grade(&tmux, n, "2");
    }
    tmux.wait_for("4/");
    tmux.send(&["q"]);
    tmux.wait_for("Cards reviewed");
    tmux.send(&["q"]);
    tmux.wait_for("3 reviewed");
    tmux.send(&["q"]);
    tmux.wait_for("exited-0");
    assert!(cache.exists(), "the cache was saved on the way out");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&cache).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // Second run, from the cache: grade one card, undo it, grade it again, leave.
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("3 reviewed");
    tmux.send(&["d"]);
    reveal_and_grade(&tmux, 1, "4");
    tmux.wait_for("2/");
    tmux.send(&["u"]);
    reveal_and_grade(&tmux, 1, "1");
    tmux.wait_for("2/");
    tmux.send(&["q"]);
    tmux.wait_for("Cards reviewed");
    tmux.send(&["q"]);
    tmux.wait_for("4 reviewed");
    // The footer is drawn last: the whole frame is on screen.
    let from_cache = tmux.wait_for("drill weakest");
    tmux.send(&["q"]);
    tmux.wait_for("exited-0");

    // Third run without any cache: the same home screen.
    std::fs::remove_file(&cache).unwrap();
    tmux.send(&["clear", "Enter"]);
    tmux.send(&[&cmd, "Enter"]);
    tmux.wait_for("4 reviewed");
    let replayed = tmux.wait_for("drill weakest");
    tmux.send(&["q"]);
    tmux.wait_for("exited-0");
    let screen = |s: &str| -> String {
        s.lines()
            .skip_while(|l| !l.contains("interview trainer"))
            .take_while(|l| !l.contains("? help"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(screen(&from_cache), screen(&replayed));
    assert!(
        screen(&replayed).contains("Weakest categories"),
        "{replayed}"
    );
    assert_eq!(count_reviews(&home.path().join("state.jsonl")), 5);
}

/// A deck of your own that does not load: home names it with its first problem, `D` shows
/// every problem, `o` opens it in `$EDITOR` (a script here) at the error line, again at the
/// next error after the first fix, and home gets the deck once it parses.
#[test]
fn a_broken_deck_is_named_on_home_and_reopened_until_it_parses() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("broken-deck") else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let deck = decks.join("mine.toml");
    let new = Command::new(bin)
        .args(["--home", &home.path().display().to_string(), "decks", "new"])
        .arg(&deck)
        .output()
        .unwrap();
    assert!(new.status.success(), "{new:?}");
    let text = std::fs::read_to_string(&deck).unwrap();
    let broken = text
        .replacen("category = \"leadership\"", "category = \"leadershi\"", 1)
        .replacen("kind = \"situational\" ", "kind = \"situationl\" ", 1);
    assert_ne!(broken, text);
    std::fs::write(&deck, broken).unwrap();
    // The editor: logs its arguments, then mends one mistake per run.
    let log = home.path().join("editor.log");
    let editor = home.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$@\" >> '{}'\nif grep -q '\"leadershi\"' \"$2\"; then sed -i \
             's/\"leadershi\"/\"leadership\"/' \"$2\"; else sed -i 's/situationl/situational/' \
             \"$2\"; fi\n",
            log.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();

    let cmd = format!(
        "EDITOR='{}' '{bin}' --home '{}' 2>/dev/null; echo \"exited-$?\"",
        editor.display(),
        home.path().display()
    );
    tmux.send(&[&cmd, "Enter"]);
    let screen = tmux.wait_for("Not loaded: mine.toml:");
    assert!(
        screen.contains("unknown category `leadershi` (+1 more)"),
        "{screen}"
    );
    assert!(screen.contains("D every problem"), "{screen}");
    tmux.send(&["D"]);
    let screen = tmux.wait_for("that did not load");
    assert!(screen.contains("unknown kind `situationl`"), "{screen}");
    tmux.send(&["o"]);
    let screen = tmux.wait_for("again at line");
    assert!(screen.contains("unknown kind `situationl`"), "{screen}");
    tmux.send(&["o"]);
    tmux.wait_for("Every deck loads now.");
    tmux.wait_for("My interview questions");
    tmux.send(&["q"]);
    tmux.wait_for("exited-0");
    let log = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    let first_line = text
        .lines()
        .position(|l| l == "category = \"leadership\"")
        .unwrap()
        + 1;
    assert_eq!(
        lines[0],
        format!("+{first_line} {}", deck.display()),
        "{log}"
    );
    assert_eq!(
        lines[1],
        format!("+{} {}", first_line + 1, deck.display()),
        "{log}"
    );
}

/// Home drawn from the deck overview cache (bare decks) is the home drawn from whole decks, a
/// drill right after shows the cards' texts, and an edited deck file shows its edit at once.
#[test]
fn home_from_the_deck_overview_is_the_same_and_follows_an_edit() {
    let home = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start("overview") else {
        return;
    };
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let deck = decks.join("mine.toml");
    std::fs::write(
        &deck,
        "format = 1\n[deck]\nid = \"mine\"\ntitle = \"Mine: my own questions\"\n\n\
         [[category]]\nid = \"basics\"\ntitle = \"Basics\"\n\n\
         [[card]]\nid = \"why\"\ncategory = \"basics\"\nkind = \"behavioral\"\n\
         question = \"Why do you want this particular job?\"\nanswer = \"Because.\"\n",
    )
    .unwrap();
    // A deck file's stamp is kept only once the file has been still for a second.
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    let bin = env!("CARGO_BIN_EXE_prepdeck");
    let start = |expect: &str| {
        let cmd = format!(
            "clear; '{bin}' --home '{}' --deck mine; echo \"exited-$?\"",
            home.path().display()
        );
        tmux.send(&[&cmd, "Enter"]);
        tmux.wait_for_settled(expect)
    };
    let quit = || {
        tmux.send(&["q"]);
        tmux.wait_for("exited-0");
    };
    let whole = start("Mine: my own questions");
    quit();
    let overview = home.path().join("cache/decks/overview.bin");
    assert!(
        overview.is_file(),
        "the first start saves the deck overview"
    );
    let bare = start("Mine: my own questions");
    assert_eq!(
        bare, whole,
        "home from the overview is home from the whole decks"
    );
    tmux.send(&["d"]);
    tmux.wait_for("Why do you want this particular job?");
    tmux.send(&["q"]);
    tmux.wait_for("Cards reviewed");
    tmux.send(&["q"]);
    tmux.wait_for("Mine: my own questions");
    quit();

    let text = std::fs::read_to_string(&deck).unwrap();
    std::fs::write(&deck, text.replace("Mine: my own", "Ours: my own")).unwrap();
    start("Ours: my own questions");
    quit();
}
