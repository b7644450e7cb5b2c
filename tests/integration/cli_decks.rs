//! The deck commands through the real binary: listing, checking (a table of malformed decks,
//! each with its own message and line), templates and completions.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

const VALID: &str = r#"format = 1

[deck]
id = "demo"
title = "Demo deck"

[[category]]
id = "budget"
title = "Budget"

[[card]]
id = "b1"
category = "budget"
kind = "behavioral"
level = 2
question = "How do you build a budget?"
answer = "I start from last year's actuals."

[[card.key_point]]
text = "Starts from actuals"
keywords = ["actuals"]
"#;

fn prepdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("prepdeck").unwrap();
    cmd.env("PREPDECK_HOME", home).env_remove("NO_COLOR");
    cmd
}

/// (name, file bytes, expected message, expected line (0 = whole file))
fn malformed() -> Vec<(&'static str, Vec<u8>, &'static str, usize)> {
    let v = |from: &str, to: &str| VALID.replacen(from, to, 1).into_bytes();
    vec![
        ("syntax error", v("[deck]", "[deck"), "invalid TOML", 3),
        ("unterminated string", v("title = \"Demo deck\"", "title = \"Demo deck"), "invalid TOML", 5),
        ("wrong type", v("title = \"Demo deck\"", "title = 3"), "`title` must be a string, found integer", 5),
        ("missing field", v("answer = \"I start from last year's actuals.\"\n", ""), "missing `answer` in [[card]]", 11),
        ("unknown key at top", v("format = 1", "format = 1\nformats = 2"), "unknown key `formats` at the top level", 2),
        ("unknown key in card", v("question =", "questoin ="), "unknown key `questoin` in [[card]]", 16),
        ("bad id characters", v("id = \"b1\"", "id = \"B 1\""), "`id` \"B 1\" is not a valid id", 12),
        ("duplicate card id", format!("{VALID}\n[[card]]\nid = \"b1\"\ncategory = \"budget\"\nkind = \"technical\"\nquestion = \"Q?\"\nanswer = \"A.\"\n").into_bytes(), "duplicate card id `b1`", 24),
        ("duplicate category id", v("[[card]]", "[[category]]\nid = \"budget\"\ntitle = \"Again\"\n\n[[card]]"), "duplicate category id `budget`", 12),
        ("unknown category", v("category = \"budget\"", "category = \"budgte\""), "unknown category `budgte`", 13),
        ("empty question", v("question = \"How do you build a budget?\"", "question = \"   \""), "`question` is blank", 16),
        ("answer_seconds too small", v("level = 2", "level = 2\nanswer_seconds = 5"), "`answer_seconds` is 5, out of range", 16),
        ("answer_seconds too large", v("title = \"Demo deck\"", "title = \"Demo deck\"\nanswer_seconds = 4000"), "`answer_seconds` is 4000, out of range", 6),
        ("level out of range", v("level = 2", "level = 0"), "`level` is 0, out of range", 15),
        ("newer format", v("format = 1", "format = 3"), "this deck uses format 3, but this prepdeck reads format 1", 1),
        ("missing format", v("format = 1", ""), "missing `format`", 1),
        ("empty file", Vec::new(), "the file is empty", 0),
        ("binary file", vec![0x7f, b'E', b'L', b'F', 0xff, 0xfe, 0, 1, 2], "the file is not UTF-8 text", 1),
        ("unknown kind", v("kind = \"behavioral\"", "kind = \"behaviorial\""), "unknown kind `behaviorial`", 14),
        ("no cards", VALID.split("[[card]]").next().unwrap_or("").as_bytes().to_vec(), "the deck has no [[card]]", 1),
        ("no categories", v("[[category]]\nid = \"budget\"\ntitle = \"Budget\"\n", ""), "the deck has no [[category]]", 1),
        ("key point without keywords", v("keywords = [\"actuals\"]", ""), "key point without `keywords`", 19),
        ("empty keyword list", v("keywords = [\"actuals\"]", "keywords = []"), "`keywords` is empty", 21),
        ("card is not a table", VALID.replace("[[card", "[[cardz").replacen("format = 1", "format = 1\ncard = \"oops\"", 1).into_bytes(), "`card` must be an array of tables ([[card]]), found string", 2),
        ("missing deck table", v("[deck]\nid = \"demo\"\ntitle = \"Demo deck\"\n", ""), "missing the [deck] table", 1),
        ("integer too large", v("level = 2", "level = 99999999999999999999"), "", 15),
        ("tags not strings", v("level = 2", "level = 2\ntags = [1, 2]"), "`tags` must be a string, found integer", 16),
    ]
}

#[test]
fn each_malformed_deck_gets_its_own_message_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (name, bytes, message, line) in malformed() {
        let file = dir.path().join(format!("{}.toml", name.replace(' ', "-")));
        std::fs::write(&file, &bytes).unwrap();
        let out = prepdeck(dir.path())
            .args(["decks", "check"])
            .arg(&file)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: exit code\n{stderr}");
        assert!(
            stderr.contains(&format!("error: {message}")),
            "{name}: expected {message:?} in\n{stderr}"
        );
        let location = if line == 0 {
            format!("--> {}\n", file.display())
        } else {
            format!("--> {}:{line}:", file.display())
        };
        if !stderr.contains(&location) {
            failures.push(format!("{name}: expected {location:?} in\n{stderr}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn huge_and_missing_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.toml");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(33 * 1024 * 1024).unwrap();
    prepdeck(dir.path())
        .args(["decks", "check"])
        .arg(&huge)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the file is too large for a deck"));
    prepdeck(dir.path())
        .args(["decks", "check", "/nonexistent/deck.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot read the deck: no such file",
        ));
    prepdeck(dir.path())
        .args(["decks", "check"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("folder"));
}

#[test]
fn every_error_in_a_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.toml");
    let text = VALID
        .replace("kind = \"behavioral\"", "kind = \"x\"")
        .replace("level = 2", "level = 5")
        .replace("category = \"budget\"", "category = \"nope\"");
    std::fs::write(&file, text).unwrap();
    let out = prepdeck(dir.path())
        .args(["decks", "check"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("error: ").count(), 3, "{stderr}");
    assert!(stderr.contains("1 invalid, 3 error(s)"), "{stderr}");
}

#[test]
fn builtin_decks_all_validate_and_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    prepdeck(dir.path())
        .args(["decks", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("all valid"))
        .stdout(predicate::str::contains("warning").not());
    let out = prepdeck(dir.path())
        .args(["decks", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "it-manager",
            "it-fundamentals",
            "library-it",
            "interview-craft"
        ]
    );
    for r in rows.as_array().unwrap() {
        assert_eq!(r["source"], "built-in");
        assert!(r["cards"].as_u64().unwrap() > 0);
    }
}

#[test]
fn a_broken_user_deck_is_skipped_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("good.toml"), VALID).unwrap();
    std::fs::write(decks.join("bad.toml"), "format = 1\n[deck\n").unwrap();
    let out = prepdeck(dir.path())
        .args(["decks", "list"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    assert!(
        stdout.contains("demo") && stdout.contains("it-manager"),
        "{stdout}"
    );
    assert!(
        stderr.contains("bad.toml:2:") && stderr.contains("warning: skipped"),
        "{stderr}"
    );
    prepdeck(dir.path())
        .args(["decks", "check"])
        .assert()
        .code(1);
}

#[test]
fn duplicate_deck_ids_name_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&a, VALID).unwrap();
    std::fs::write(&b, VALID).unwrap();
    let out = prepdeck(dir.path())
        .args(["decks", "check"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains(&format!("--> {}", b.display())), "{stderr}");
    assert!(
        stderr.contains(&format!("already used by {}", a.display())),
        "{stderr}"
    );
}

#[test]
fn deck_file_flag_and_deck_filter() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    std::fs::write(&a, VALID).unwrap();
    let out = prepdeck(dir.path())
        .args(["--deck-file"])
        .arg(&a)
        .args(["--deck", "demo", "decks", "list", "--json"])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["source"], a.display().to_string());
    prepdeck(dir.path())
        .args(["--deck", "nope", "decks", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no deck with id `nope`"));
}

#[test]
fn key_point_warnings_name_the_line_and_keep_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lint.toml");
    let deck = VALID.replace(
        "keywords = [\"actuals\"]",
        "keywords = [\"actuals\", \"door\", \"budget\", \"we typed them up\"]\n\n\
         [[card.key_point]]\ntext = \"Tells the sponsor first\"\n\
         together = [[\"sponsor\", \"first\"]]",
    );
    std::fs::write(&file, deck).unwrap();
    let out = prepdeck(dir.path())
        .args(["decks", "check"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let at = format!("warning: {}:19: b1 key point 1", file.display());
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with(&at)).collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].contains("generic filler") && lines[0].contains("keyword \"door\""));
    assert!(lines[1].contains("keyword \"budget\" is in the question"));
    assert!(lines[2].contains("keyword \"we typed them up\" appears nowhere"));
    assert!(!stdout.contains("key point 2"), "{stdout}");
    assert!(
        stdout.contains("all valid, 3 key-point warning(s)"),
        "{stdout}"
    );
}

#[test]
fn new_writes_a_valid_template_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/mine.toml");
    prepdeck(dir.path())
        .args(["decks", "new"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "To have prepdeck load it, move it to",
        ))
        .stdout(predicate::str::contains("--deck-file"));
    // Written where prepdeck looks: it says it will load it.
    prepdeck(dir.path())
        .args(["decks", "new", "decks/own.toml"])
        .current_dir(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("prepdeck loads it from"));
    prepdeck(dir.path())
        .args(["decks", "check"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("warning").not());
    let before = std::fs::read(&path).unwrap();
    prepdeck(dir.path())
        .args(["decks", "new"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let folder = std::fs::metadata(path.parent().unwrap()).unwrap();
        assert_eq!(
            folder.permissions().mode() & 0o777,
            0o700,
            "a new folder is private"
        );
    }
}

#[test]
fn escape_sequences_in_decks_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.toml");
    std::fs::write(
        &file,
        VALID.replace("Demo deck", "Demo \u{1b}]0;pwned\u{7}\u{1b}[2J deck"),
    )
    .unwrap();
    let out = prepdeck(dir.path())
        .arg("--deck-file")
        .arg(&file)
        .args(["decks", "list"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b), "escape byte in output");
    let bad = dir.path().join("evil2.toml");
    std::fs::write(&bad, "format = 1\nx\u{1b}[31m = 1\n").unwrap();
    let out = prepdeck(dir.path())
        .args(["decks", "check"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.stderr.contains(&0x1b), "escape byte in diagnostics");
}

#[test]
fn usage_errors_exit_2_and_help_has_examples() {
    let dir = tempfile::tempdir().unwrap();
    prepdeck(dir.path()).arg("bogus").assert().code(2);
    prepdeck(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("Exit codes")));
    prepdeck(dir.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("prepdeck "));
}

/// `prepdeck` alone is read without clap (a faster start); `prepdeck --` goes through clap
/// and means the same: both print the same, to the byte, and exit alike, whatever
/// `PREPDECK_HOME` holds (a folder, spaces, not UTF-8, empty: clap's error, exit 2).
#[test]
fn no_arguments_are_read_as_clap_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut homes: Vec<std::ffi::OsString> = vec![
        dir.path().join("home").into(),
        dir.path().join("a home with spaces").into(),
        "".into(),
    ];
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        let mut raw = dir.path().join("x").into_os_string().into_vec();
        raw.push(0xff);
        homes.push(std::ffi::OsString::from_vec(raw));
    }
    for home in homes {
        let run = |args: &[&str]| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("prepdeck"))
                .args(args)
                .env("PREPDECK_HOME", &home)
                .env_remove("NO_COLOR")
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap()
        };
        let (bare, clap) = (run(&[]), run(&["--"]));
        assert_eq!(bare.status.code(), clap.status.code(), "{home:?}");
        assert_eq!(bare.stdout, clap.stdout, "{home:?}");
        assert_eq!(bare.stderr, clap.stderr, "{home:?}");
        let expected = if home.is_empty() { 2 } else { 0 };
        assert_eq!(bare.status.code(), Some(expected), "{home:?}");
    }
}

/// A reader that stops early (`prepdeck completions bash | head -1`) ends the command quietly:
/// no panic, success. The read end is closed before anything is written, so every write fails.
#[test]
fn output_into_a_closed_pipe_is_not_a_crash() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    for args in [&["completions", "bash"][..], &["decks", "list"], &["cards"]] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("prepdeck"))
            .args(args)
            .env("PREPDECK_HOME", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}

/// An error written into a closed pipe (`prepdeck cards x 2>&1 | head -1`) keeps its exit
/// code: 2 for bad usage, whether clap or prepdeck found it, 1 for a data problem; never the
/// panic's 101.
#[test]
fn errors_into_a_closed_pipe_keep_their_exit_codes() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    for (args, code) in [
        (&["cards", "no-such-subcommand"][..], 2),
        (&["--no-such-flag"], 2),
        (&["answer", "no-slash"], 2),
        (&["answer", "it-manager/no-such-card", "-"], 1),
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("prepdeck"))
            .args(args)
            .env("PREPDECK_HOME", dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}

#[test]
fn drill_without_a_terminal_suggests_plain() {
    let dir = tempfile::tempdir().unwrap();
    prepdeck(dir.path())
        .arg("drill")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`prepdeck drill --plain` works without one",
        ));
}

#[test]
fn completions_for_each_shell() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        prepdeck(dir.path())
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("prepdeck"));
    }
}
