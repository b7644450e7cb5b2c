//! Fault injection: a hostile-files matrix. Every file prepdeck reads is replaced, in turn, by
//! a named pipe (FIFO), a symlink to a good copy, a dangling symlink, a folder, an unreadable
//! file, a huge (sparse) file, binary garbage and a file of out-of-range values; the commands
//! that read it are run through the real binary. Each must end within the timeout (a FIFO once
//! hung prepdeck forever), never panic, exit 0 (the file was usable or only a cache) or 1 with
//! a message naming the file, and leave the hostile file exactly as it was.
//!
//! "Unreadable" needs a user the file's mode applies to: as root the command runs in a user
//! namespace (`unshare -U`), where root's power over files is gone. Where that is impossible
//! the case says so loudly, or fails with `PREPDECK_CI_STRICT=1`.

use crate::common;
use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_prepdeck");
/// A run is hung when it has been asleep with no CPU time used for this long (waiting on a
/// FIFO, say). Measured as progress, not wall-clock time, so a run that is only slow on a
/// loaded machine is not taken for a hung one.
const STALL: Duration = Duration::from_secs(5);
/// A run still going after this long fails anyway (a runaway that keeps using CPU).
const TIMEOUT: Duration = Duration::from_secs(300);

const REVIEW: &str = r#"{"v":1,"id":"r1","at":"2026-11-20T10:00:00Z","type":"review","deck":"it-fundamentals","card":"continuity-rto-vs-rpo","grade":"good","took_ms":1500,"mode":"drill"}"#;

const DECK: &str = r#"format = 1
[deck]
id = "mine"
title = "Mine"
[[category]]
id = "c"
title = "C"
[[card]]
id = "one"
category = "c"
kind = "technical"
question = "Why?"
answer = "Because."
"#;

const STORIES: &str = "format = 1\n[[story]]\nid = \"crm\"\ntitle = \"CRM move\"\n\
    situation = \"Old CRM.\"\ntask = \"Move it.\"\naction = \"Piloted.\"\n\
    result = \"Done in 11 weeks.\"\ncompetencies = [\"projects\"]\n";

const TARGET: &str = "format = 1\nname = \"acme\"\ncreated = \"2026-12-05T12:35:38Z\"\n\
    job = \"\"\"\nWe need an IT manager for the service desk.\n\"\"\"\n";

#[derive(Clone, Copy, Debug, PartialEq)]
enum Hostile {
    Fifo,
    Symlink,
    Dangling,
    Folder,
    Unreadable,
    Huge,
    Binary,
    OutOfRange,
}

const ALL: [Hostile; 8] = [
    Hostile::Fifo,
    Hostile::Symlink,
    Hostile::Dangling,
    Hostile::Folder,
    Hostile::Unreadable,
    Hostile::Huge,
    Hostile::Binary,
    Hostile::OutOfRange,
];

/// One file prepdeck reads.
struct Target {
    name: &'static str,
    /// Relative to the home folder (or, for files named on the command line, to `outside/`).
    path: &'static str,
    /// A good copy (what a symlink points to).
    good: &'static [u8],
    /// The same file with values no reader may trust.
    out_of_range: String,
    /// Larger than prepdeck reads of this kind.
    huge: u64,
    /// The commands that read it; `{}` is replaced by the file's path.
    commands: Vec<Vec<&'static str>>,
    /// A cache: whatever is there, the command works (it is rebuilt).
    cache: bool,
}

fn targets() -> Vec<Target> {
    let state_commands = vec![
        vec!["stats"],
        vec!["state", "check"],
        vec![
            "--deck",
            "it-fundamentals",
            "drill",
            "--plain",
            "--limit",
            "1",
        ],
        vec!["state", "repair"],
    ];
    vec![
        Target {
            name: "state.jsonl",
            path: "state.jsonl",
            good: b"",
            out_of_range: REVIEW
                .replace("2026-11-20T10:00:00Z", "+262142-12-31T23:59:59Z")
                .replace("1500", "18446744073709551615")
                + "\n",
            huge: (1 << 30) + 1,
            commands: state_commands,
            cache: false,
        },
        Target {
            name: "config.toml",
            path: "config.toml",
            good: b"[scheduler]\ndesired_retention = 0.9\n",
            out_of_range:
                "[scheduler]\ndesired_retention = 1e308\nmaximum_interval = 18446744073709551615\n"
                    .into(),
            huge: (1 << 20) + 1,
            commands: vec![vec!["stats"], vec!["state", "check"]],
            cache: false,
        },
        Target {
            name: "mock-setup.toml",
            path: "mock-setup.toml",
            good: b"questions = 1\n",
            out_of_range: "questions = 18446744073709551615\nanswer_seconds = -1\n".into(),
            huge: (1 << 20) + 1,
            commands: vec![vec!["mock", "--plain", "--deck", "it-fundamentals"]],
            cache: false,
        },
        Target {
            name: "a user deck",
            path: "decks/mine.toml",
            good: DECK.as_bytes(),
            out_of_range: DECK.replace("kind = ", "answer_seconds = 99999999999999999999\nkind = "),
            huge: (32 << 20) + 1,
            commands: vec![vec!["decks", "check"], vec!["decks", "list"]],
            cache: false,
        },
        Target {
            name: "--deck-file",
            path: "outside/deck.toml",
            good: DECK.as_bytes(),
            out_of_range: DECK
                .replace("level", "x")
                .replace("kind = ", "level = -9\nkind = "),
            huge: (32 << 20) + 1,
            commands: vec![vec!["--deck-file", "{}", "decks", "check", "{}"]],
            cache: false,
        },
        Target {
            name: "state merge FILE",
            path: "outside/other.jsonl",
            good: b"",
            out_of_range: REVIEW.replace("2026-11-20T10:00:00Z", "-262143-01-01T00:00:00Z") + "\n",
            huge: (1 << 30) + 1,
            commands: vec![vec!["state", "merge", "{}"]],
            cache: false,
        },
        Target {
            name: "import FILE",
            path: "outside/questions.csv",
            good: b"question,answer\nWhy?,Because.\n",
            out_of_range: "question,answer,level\nWhy?,Because.,99999999999999999999\n".into(),
            huge: (32 << 20) + 1,
            commands: vec![vec!["import", "{}", "--deck-id", "imported"]],
            cache: false,
        },
        Target {
            name: "parameters.toml",
            path: "parameters.toml",
            good: b"# no fitted weights yet\n",
            out_of_range: "parameters = [1e308, -1e308]\nlast_run = 18446744073709551615\n".into(),
            huge: (1 << 20) + 1,
            commands: vec![vec!["stats"], vec!["config"]],
            cache: false,
        },
        Target {
            name: "stories.toml",
            path: "stories.toml",
            good: STORIES.as_bytes(),
            out_of_range: STORIES.replace("format = 1", "format = 99999999999999999999"),
            huge: (32 << 20) + 1,
            commands: vec![vec!["stories", "check"], vec!["stories", "list"]],
            cache: false,
        },
        Target {
            name: "a target",
            path: "targets/acme.toml",
            good: TARGET.as_bytes(),
            out_of_range: TARGET.replace("format = 1", "format = 99999999999999999999"),
            huge: (1 << 20) + 1,
            commands: vec![vec!["target", "show", "acme"], vec!["target", "list"]],
            cache: false,
        },
        Target {
            name: "cache/progress.bin",
            path: "cache/progress.bin",
            good: b"",
            out_of_range: "PDPROG1\n".to_string() + &"\u{7f}".repeat(64),
            huge: (1 << 30) + 1,
            commands: vec![vec!["stats"]],
            cache: true,
        },
        Target {
            name: "a deck cache entry",
            path: "cache/decks/ENTRY",
            good: b"",
            out_of_range: "PDDECK2\n".to_string() + &"\u{7f}".repeat(64),
            huge: (1 << 30) + 1,
            commands: vec![vec!["decks", "list"]],
            cache: true,
        },
    ]
}

/// What one run gave.
struct Run {
    command: String,
    code: Option<i32>,
    stderr: String,
    elapsed: Duration,
}

fn run(home: &Path, args: &[String], sandboxed: bool) -> Run {
    let mut cmd = if sandboxed {
        let mut c = Command::new("unshare");
        c.args(["-U", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    let mut child = cmd
        .args(args)
        .env("PREPDECK_HOME", home)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Read while it runs: a child blocked writing to a full pipe would look asleep (hung).
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let mut progress = Progress::new(child.id(), STALL);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT || progress.stalled() {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    Run {
        command: args.join(" "),
        code: status.and_then(|s| s.code()),
        // The message may be on either (`state check` reports on standard output).
        stderr: String::from_utf8_lossy(&stderr).into_owned() + &String::from_utf8_lossy(&stdout),
        elapsed: started.elapsed(),
    }
}

/// Whether a running child makes progress: the CPU time it has used and whether it sleeps,
/// from `/proc/PID/stat` (where there is no `/proc`, only [`TIMEOUT`] applies).
struct Progress {
    stat: PathBuf,
    cpu: Option<u64>,
    since: Instant,
    /// How long without progress is a stall ([`STALL`] for the matrix's runs).
    stall: Duration,
}

impl Progress {
    fn new(pid: u32, stall: Duration) -> Progress {
        Progress {
            stat: PathBuf::from(format!("/proc/{pid}/stat")),
            cpu: None,
            since: Instant::now(),
            stall,
        }
    }

    /// Asleep (state S) with the same CPU time for `stall`.
    fn stalled(&mut self) -> bool {
        let Ok(stat) = std::fs::read_to_string(&self.stat) else {
            return false;
        };
        // After the command name in parentheses: state, then 10 fields, then utime and stime.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
        let (Some(state), Some(utime), Some(stime)) = (
            fields.first(),
            fields.get(11).and_then(|f| f.parse::<u64>().ok()),
            fields.get(12).and_then(|f| f.parse::<u64>().ok()),
        ) else {
            return false;
        };
        let cpu = utime + stime;
        if *state != "S" || self.cpu != Some(cpu) {
            self.cpu = Some(cpu);
            self.since = Instant::now();
            return false;
        }
        self.since.elapsed() > self.stall
    }
}

/// The hang check itself: a process waiting on a FIFO is found stalled soon after the stall
/// time, a busy one never. With a stall time shorter than the matrix's [`STALL`]: the rule is
/// the same, and the busy process need not burn a core for twice [`STALL`].
#[cfg(target_os = "linux")]
#[test]
fn the_hang_check_tells_waiting_from_working() {
    const STALL: Duration = Duration::from_millis(500);
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (program, args, hangs) in [
        ("cat", vec![fifo.display().to_string()], true),
        ("sh", vec!["-c".into(), "while :; do :; done".into()], false),
    ] {
        let mut child = Command::new(program).args(&args).spawn().unwrap();
        let mut progress = Progress::new(child.id(), STALL);
        let started = Instant::now();
        let mut stalled = false;
        while started.elapsed() < STALL * 2 {
            if progress.stalled() {
                stalled = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(stalled, hangs, "{program} {args:?}");
        if hangs {
            assert!(started.elapsed() >= STALL);
        }
    }
}

/// A fresh home with a good state file and user deck, and the built-in decks' cache (as any
/// home has after its first start; the hostile files are what each case is about); the user
/// deck's cache entry written too when `cache`.
fn fresh_home(cache: bool) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    common::warm_deck_cache(home.path());
    std::fs::write(home.path().join("state.jsonl"), format!("{REVIEW}\n")).unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::create_dir_all(home.path().join("outside")).unwrap();
    std::fs::write(home.path().join("decks/mine.toml"), DECK).unwrap();
    if cache {
        // Writes the deck cache so an entry can be replaced.
        let r = run(home.path(), &["decks".into(), "list".into()], false);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
    }
    home
}

/// The path of `target` in `home` (the deck cache entry is whichever file the cache holds).
fn place(home: &Path, target: &Target) -> PathBuf {
    if target.path == "cache/decks/ENTRY" {
        let dir = home.join("cache/decks");
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        assert!(!entries.is_empty(), "no deck cache entry was written");
        return entries.remove(0);
    }
    home.join(target.path)
}

/// Puts `kind` at `path`. Returns a fingerprint of what is there, to compare after.
fn plant(path: &Path, kind: Hostile, target: &Target) -> String {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_dir_all(path);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    match kind {
        Hostile::Fifo => {
            let ok = Command::new("mkfifo").arg(path).status().unwrap();
            assert!(ok.success());
        }
        Hostile::Symlink => {
            let good = path.with_extension("good-copy");
            let bytes: Vec<u8> = if target.good.is_empty() && !target.cache {
                format!("{REVIEW}\n").into_bytes()
            } else {
                target.good.to_vec()
            };
            std::fs::write(&good, bytes).unwrap();
            std::os::unix::fs::symlink(&good, path).unwrap();
        }
        Hostile::Dangling => {
            std::os::unix::fs::symlink(path.with_extension("nowhere"), path).unwrap();
        }
        Hostile::Folder => {
            std::fs::create_dir(path).unwrap();
            std::fs::write(path.join("inside"), b"x").unwrap();
        }
        Hostile::Unreadable => {
            std::fs::write(path, format!("{REVIEW}\n")).unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
        }
        Hostile::Huge => {
            let f = std::fs::File::create(path).unwrap();
            f.set_len(target.huge).unwrap();
        }
        Hostile::Binary => {
            let bytes: Vec<u8> = (0..4096u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
                .collect();
            std::fs::write(path, bytes).unwrap();
        }
        Hostile::OutOfRange => std::fs::write(path, &target.out_of_range).unwrap(),
    }
    fingerprint(path)
}

/// What is at `path`: its type, and for a file or link target its length and a hash.
fn fingerprint(path: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return "missing".into();
    };
    let ft = meta.file_type();
    if ft.is_symlink() {
        let to = std::fs::read_link(path).unwrap();
        return format!("symlink to {} ({})", to.display(), fingerprint(&to));
    }
    if ft.is_dir() {
        return "folder".into();
    }
    if !ft.is_file() {
        return format!("{ft:?}");
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    if meta.len() > 1 << 20 {
        return format!("file of {} bytes, mode {mode:o}", meta.len());
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(path).map(|b| b.hash(&mut h)).ok();
    format!(
        "file of {} bytes, hash {:x}, mode {mode:o}",
        meta.len(),
        h.finish()
    )
}

/// Whether a command may succeed with `kind` in place of `target`'s file.
fn may_succeed(target: &Target, kind: Hostile, command: &[&str]) -> bool {
    // A cache is derived data, a symlink to a good file is a good file, and a missing
    // (dangling) state or settings file means "none yet".
    target.cache
        || kind == Hostile::Symlink
        || (kind == Hostile::Dangling
            && matches!(
                target.name,
                "state.jsonl" | "config.toml" | "mock-setup.toml" | "parameters.toml"
            ))
        // `decks list` reports a broken user deck and lists the others.
        || (target.name == "a user deck" && command == ["decks", "list"])
        // Repair sets unreadable lines aside (kept in `.rejected-*`, the whole file in `.bak-*`).
        || (command == ["state", "repair"] && matches!(kind, Hostile::Binary | Hostile::OutOfRange))
        // An import has no numbers to be out of range: unknown columns are noted and unused.
        || (target.name == "import FILE" && kind == Hostile::OutOfRange)
}

/// Whether `home` holds a `state.jsonl.bak-*` copy with exactly `fingerprint`.
fn backed_up(home: &Path, fingerprint_before: &str) -> bool {
    std::fs::read_dir(home)
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("state.jsonl.bak-")
                && fingerprint(&e.path()).split(", mode").next()
                    == fingerprint_before.split(", mode").next()
        })
}

#[test]
fn every_file_prepdeck_reads_survives_every_hostile_kind() {
    let sandbox = if unsafe_is_root() {
        match support::namespaces_available() {
            Ok(()) => true,
            Err(why) => {
                common::cannot_run("unreadable files (root bypasses file modes)", &why);
                false
            }
        }
    } else {
        false
    };
    let started = Instant::now();
    let targets = targets();
    let mut cases = Vec::new();
    for (t, target) in targets.iter().enumerate() {
        for kind in ALL {
            if kind == Hostile::Unreadable && unsafe_is_root() && !sandbox {
                continue;
            }
            for c in 0..target.commands.len() {
                cases.push((t, kind, c));
            }
        }
    }
    // A few at a time: most of a case is waiting for a child process.
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, String, Option<String>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&(t, kind, c)) = cases.get(i) else {
                            break out;
                        };
                        let target = &targets[t];
                        let (row, failure) = one_case(target, kind, &target.commands[c], sandbox);
                        out.push((i, row, failure));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    results.sort_by_key(|r| r.0);
    let table: String = results.iter().map(|r| r.1.as_str()).collect();
    let failures: Vec<String> = results.into_iter().filter_map(|r| r.2).collect();
    println!("| file | hostile kind | command | exit | result |\n|---|---|---|---|---|\n{table}");
    println!("matrix took {:?}", started.elapsed());
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Runs one case: its table row, and what failed (if anything).
fn one_case(
    target: &Target,
    kind: Hostile,
    command: &[&str],
    sandbox: bool,
) -> (String, Option<String>) {
    let home = fresh_home(target.cache);
    let path = place(home.path(), target);
    let before = plant(&path, kind, target);
    let shown = path.display().to_string();
    let args: Vec<String> = command.iter().map(|a| a.replace("{}", &shown)).collect();
    // Unreadable files only stay unreadable for a user their mode applies to.
    let sandboxed = kind == Hostile::Unreadable && sandbox;
    let r = run(home.path(), &args, sandboxed);
    let after = fingerprint(&path);
    let mut problems = Vec::new();
    let may = may_succeed(target, kind, command);
    match r.code {
        None => problems.push(format!(
            "hung: asleep with no progress for {STALL:?} (or still running after {TIMEOUT:?})"
        )),
        Some(0) if may => {}
        Some(1) if !may => {
            let file_name = Path::new(target.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if !r.stderr.contains(&file_name) {
                problems.push(format!("the message does not name {file_name}"));
            }
        }
        Some(code) => problems.push(format!(
            "exit code {code}, expected {}",
            if may { 0 } else { 1 }
        )),
    }
    if r.stderr.contains("panicked") {
        problems.push("panicked".into());
    }
    // A symlinked state or setup file is written through (that is its point); a repair keeps
    // a backup; everything else hostile must be left exactly as it was.
    let written_through = matches!(kind, Hostile::Symlink | Hostile::Dangling)
        && (target.name == "state.jsonl" || target.name == "mock-setup.toml");
    let repaired = command == ["state", "repair"] && backed_up(home.path(), &before);
    if before != after && !written_through && !repaired && !target.cache {
        problems.push(format!("changed: {before} -> {after}"));
    }
    let row = format!(
        "| {} | {:?} | `{}` | {} | {} |\n",
        target.name,
        kind,
        r.command.replace(&shown, "FILE"),
        r.code.map_or("hung".into(), |c| c.to_string()),
        if problems.is_empty() {
            "held".to_string()
        } else {
            problems.join("; ")
        }
    );
    let failure = (!problems.is_empty()).then(|| {
        format!(
            "{} as {kind:?}, `{}` ({:?}): {}\nstderr: {}",
            target.name,
            r.command,
            r.elapsed,
            problems.join("; "),
            r.stderr.trim()
        )
    });
    (row, failure)
}

/// Whether this test runs as root (file modes do not stop root).
fn unsafe_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n")
}
