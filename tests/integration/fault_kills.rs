//! Kill tests through the real binary: SIGKILL at random moments during a mock interview's
//! record writes (in `fault_kills_mock`, with these helpers), `state repair`, `state merge` and
//! the progress and deck cache writes (drill appends are killed by `state_crash`). After every kill:
//!
//! - the state file reads back (a torn last line is allowed: the next open sets it aside);
//! - nothing the program acknowledged is missing (an answer is acknowledged when its follow-up
//!   or the next question is shown, a grade by `Recorded:` / `recorded:`; a repair or a merge leaves the
//!   old file or the complete new one, never less);
//! - a side file that exists (`.bak-`, `.rejected-`) is whole;
//! - a cache is never trusted when torn: `export progress` and `decks list --json` say
//!   exactly what they say with no cache at all.
//!
//! The kill moment is drawn uniformly over the time one uninterrupted run takes (measured at
//! the start of each test), so the kills spread over the whole run however loaded the machine
//! is. In the repair, merge and cache tests every other kill is aimed at the writes instead:
//! the test watches the file or folder the run writes and kills a moment after it first
//! changes. Drawn over the whole run, 0 to 2 kills in 20 landed while a merge or a repair was
//! writing (most of a run is reading and checking); aimed, about half do, so these tests do 8
//! to 10 kills instead of 20 (the printed summary counts them). Each test does a fixed number
//! of kills; none has a wall-clock budget. The seed is printed; `PREPDECK_KILL_SEED=N`
//! replays one.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use prepdeck::store::log;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_prepdeck");
/// Kills per test: where every other kill is aimed at the writes (see [`RunTime`]), fewer
/// runs land more kills where they matter than 20 drawn over the whole run did.
pub(crate) const KILLS: usize = 20;
const REPAIR_KILLS: usize = 10;
const MERGE_KILLS: usize = 8;
const CACHE_KILLS: usize = 10;

pub(crate) fn rng(test: &str) -> StdRng {
    let seed = std::env::var("PREPDECK_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    eprintln!("{test}: seed {seed} (PREPDECK_KILL_SEED={seed} replays it)");
    StdRng::seed_from_u64(seed)
}

/// What one run printed, and whether it ended by itself.
pub(crate) struct Run {
    pub(crate) stdout: String,
    pub(crate) finished: bool,
    pub(crate) elapsed: Duration,
    /// When the watched path (if any) was first seen changed, from the start of the run; for a
    /// killed run, only a change seen before the kill.
    first_write: Option<Duration>,
}

/// A path's length and modification time, to tell when a run first writes it (a folder's
/// changes when a file is made or renamed in it).
fn stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// When a run is killed.
#[derive(Clone, Copy, Debug)]
enum Kill {
    /// Never: it runs to its end.
    Never,
    /// This long after it started.
    At(Duration),
    /// This long after the watched path was first seen changed (never if it does not change).
    AfterWrite(Duration),
}

/// Runs prepdeck in `home` with `stdin`, and SIGKILLs it after `kill_after` unless it ended
/// before (`None`: waits for the end).
pub(crate) fn run(home: &Path, args: &[&str], stdin: &[u8], kill_after: Option<Duration>) -> Run {
    run_watched(
        home,
        args,
        stdin,
        kill_after.map_or(Kill::Never, Kill::At),
        None,
    )
}

/// [`run`], noting when `watch` first changes (polled every 200 microseconds, and once more
/// just before a kill), and killing as `kill` says.
fn run_watched(home: &Path, args: &[&str], stdin: &[u8], kill: Kill, watch: Option<&Path>) -> Run {
    let before = watch.map(stamp);
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .env("PREPDECK_HOME", home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // The child may die before it reads everything: a broken pipe is expected then.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut output = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = output.read_to_end(&mut bytes);
        bytes
    });
    let mut first_write = None;
    let look = |first_write: &mut Option<Duration>| {
        if let (Some(path), Some(before), None) = (watch, &before, &first_write)
            && stamp(path) != *before
        {
            *first_write = Some(started.elapsed());
        }
    };
    let mut finished = true;
    if !matches!(kill, Kill::Never) || watch.is_some() {
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            look(&mut first_write);
            let deadline = match kill {
                Kill::Never => None,
                Kill::At(after) => Some(started + after),
                Kill::AfterWrite(after) => first_write.map(|w| started + w + after),
            };
            let now = Instant::now();
            if deadline.is_some_and(|d| now >= d) {
                // Killing a process that just exited is harmless (it is not reaped yet).
                let _ = child.kill();
                finished = false;
                break;
            }
            // Short sleeps near the deadline, so the kill moment is precise.
            let wait = deadline.map_or(Duration::MAX, |d| d - now);
            std::thread::sleep(wait.min(Duration::from_micros(200)));
        }
    }
    let status = child.wait().unwrap();
    if !finished {
        // The kill may have come after the child ended by itself.
        finished = status.success();
    } else {
        look(&mut first_write);
    }
    writer.join().unwrap();
    let stdout = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
    Run {
        stdout,
        finished,
        elapsed: started.elapsed(),
        first_write,
    }
}

/// How long one uninterrupted run takes, learnt from the runs that ended by themselves (the
/// median of the latest few), so kill moments follow the machine's load: a first, cold run
/// (caches being built) or a busy spell does not push the kills past the end of later runs.
/// Where the runs are watched, also how long they go on after they start writing, so that
/// every other kill can land while a run writes: most of a merge or a repair is reading and
/// checking, and its writes are its last few milliseconds, which kills drawn over the whole
/// run almost never hit (none of 20 in a merge, measured).
pub(crate) struct RunTime {
    seen: Vec<Duration>,
    /// From the first write to the end, in runs that ended by themselves.
    writing: Vec<Duration>,
    /// Kills that landed in a run that had started writing and had not ended.
    in_writes: usize,
}

impl RunTime {
    pub(crate) fn new(first: &Run) -> RunTime {
        let mut times = RunTime {
            seen: vec![],
            writing: vec![],
            in_writes: 0,
        };
        times.observe(first);
        times
    }

    /// A run that ended by itself took `elapsed`; a killed one may have been writing.
    pub(crate) fn observe(&mut self, r: &Run) {
        let latest = |list: &mut Vec<Duration>, d: Duration| {
            list.push(d);
            if list.len() > 5 {
                list.remove(0);
            }
        };
        if r.finished {
            latest(&mut self.seen, r.elapsed);
            if let Some(w) = r.first_write {
                latest(&mut self.writing, r.elapsed.saturating_sub(w));
            }
        } else if r.first_write.is_some() {
            self.in_writes += 1;
        }
    }

    fn median(times: &[Duration]) -> Duration {
        let mut sorted = times.to_vec();
        sorted.sort();
        sorted[sorted.len() / 2]
    }

    pub(crate) fn typical(&self) -> Duration {
        RunTime::median(&self.seen)
    }

    /// When the `n`th kill comes: for `n` odd, where runs are watched, after the run is seen
    /// writing, drawn over the time runs go on writing (and a tenth more) with more kills
    /// early (the cube of a uniform draw: a large append takes a millisecond or two, and a
    /// third of these kills land in the first fortieth of the span); otherwise drawn uniformly
    /// over one run's time (and a tenth more).
    fn kill(&self, n: usize, rng: &mut StdRng) -> Kill {
        if n % 2 == 1 && !self.writing.is_empty() {
            let span = RunTime::median(&self.writing).as_secs_f64() * 1.1;
            Kill::AfterWrite(Duration::from_secs_f64(span * rng.random::<f64>().powi(3)))
        } else {
            Kill::At(self.kill_moment(rng))
        }
    }

    /// A kill moment drawn uniformly over one run's time (and a tenth more).
    pub(crate) fn kill_moment(&self, rng: &mut StdRng) -> Duration {
        let span = self.typical().as_micros() as u64 * 11 / 10;
        Duration::from_micros(rng.random_range(0..=span.max(1)))
    }
}

/// The state file must read back; its records.
pub(crate) fn read_back(home: &Path, context: &str) -> Vec<prepdeck::core::record::Record> {
    match log::read(home.join("state.jsonl")) {
        Ok(report) => report.records,
        Err(e) => panic!("{context}: the state file does not read back: {e}"),
    }
}

/// Files in `dir` whose name contains `part`.
pub(crate) fn files_with(dir: &Path, part: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().contains(part))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

fn review_line(n: usize, deck: &str, card: &str) -> String {
    format!(
        r#"{{"v":1,"id":"{n:012x}-{:016x}","at":"2026-01-01T{:02}:{:02}:{:02}Z","type":"review","deck":"{deck}","card":"{card}","grade":"good","took_ms":1000,"mode":"drill"}}"#,
        n * 7919,
        (n / 3600) % 24,
        (n / 60) % 60,
        n % 60
    )
}

#[test]
fn kills_during_a_repair_leave_the_old_file_or_the_whole_new_one() {
    let mut rng = rng("repair");
    // A log worth rewriting: 30,000 reviews with a damaged line, a repeated id and a torn tail.
    let mut lines: Vec<String> = (0..30_000)
        .map(|n| review_line(n, "it-fundamentals", "continuity-rto-vs-rpo"))
        .collect();
    lines[15_000] = "{\"v\":1,\"id\":\"damaged".into();
    lines.push(lines[20_000].clone());
    let original = lines.join("\n") + "\n{\"v\":1,\"id\":\"torn";
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state.jsonl");
    let repair = ["state", "repair"];

    std::fs::write(&state, &original).unwrap();
    // A repair's first write is its backup, a new file in the home folder.
    let full = run_watched(home.path(), &repair, b"", Kill::Never, Some(home.path()));
    assert!(full.finished, "{}", full.stdout);
    let repaired = std::fs::read(&state).unwrap();
    let rejected = std::fs::read(&files_with(home.path(), ".rejected-")[0]).unwrap();
    assert_eq!(
        read_back(home.path(), "after a full repair").len(),
        30_000 - 1
    );
    let mut times = RunTime::new(&full);

    let (mut old, mut new) = (0, 0);
    for n in 1..=REPAIR_KILLS {
        for side in files_with(home.path(), ".bak-")
            .into_iter()
            .chain(files_with(home.path(), ".rejected-"))
        {
            std::fs::remove_file(side).unwrap();
        }
        std::fs::write(&state, &original).unwrap();
        let r = run_watched(
            home.path(),
            &repair,
            b"",
            times.kill(n, &mut rng),
            Some(home.path()),
        );
        times.observe(&r);
        let context = format!("after kill {n} ({:?}, finished: {})", r.elapsed, r.finished);
        let now = std::fs::read(&state).unwrap();
        if now == original.as_bytes() {
            old += 1;
        } else if now == repaired {
            new += 1;
            assert_eq!(read_back(home.path(), &context).len(), 30_000 - 1);
        } else {
            panic!("{context}: the state file is neither the original nor the repaired one");
        }
        for bak in files_with(home.path(), ".bak-") {
            assert!(
                std::fs::read(&bak).unwrap() == original.as_bytes(),
                "{context}: {} is not a whole copy of the original",
                bak.display()
            );
        }
        for side in files_with(home.path(), ".rejected-") {
            assert_eq!(
                std::fs::read(&side).unwrap(),
                rejected,
                "{context}: {} is not whole",
                side.display()
            );
        }
        if now == repaired {
            assert!(
                !files_with(home.path(), ".bak-").is_empty(),
                "{context}: repaired without a backup"
            );
        }
    }
    // The next repair that runs to the end clears away what killed ones left.
    std::fs::write(&state, &original).unwrap();
    assert!(run(home.path(), &repair, b"", None).finished);
    assert_eq!(std::fs::read(&state).unwrap(), repaired);
    let left = files_with(home.path(), ".tmp-");
    assert!(left.is_empty(), "temp files left: {left:?}");
    eprintln!(
        "repair: {REPAIR_KILLS} kills (one repair takes {:?}, writing for {:?}): {} while it \
         wrote; {old} left the original, {new} the repaired file",
        times.typical(),
        times.writing.last(),
        times.in_writes
    );
}

#[test]
fn kills_during_a_merge_lose_nothing_and_a_rerun_completes_it() {
    let mut rng = rng("merge");
    let card = |n: usize| format!("c{}", n % 300);
    let mine: Vec<String> = (0..5_000)
        .map(|n| review_line(n, "old-deck", &card(n)))
        .collect();
    // The other copy: half of mine and 10,000 of its own (one large append).
    let theirs: Vec<String> = (2_500..15_000)
        .map(|n| review_line(n, "old-deck", &card(n)))
        .collect();
    let ids = |lines: &[String]| -> HashSet<String> {
        lines
            .iter()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["id"].as_str().unwrap().to_string()
            })
            .collect::<HashSet<_>>()
    };
    let (my_ids, their_ids) = (ids(&mine), ids(&theirs));
    let union: HashSet<String> = my_ids.union(&their_ids).cloned().collect();
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state.jsonl");
    let other = home.path().join("other.jsonl");
    std::fs::write(&other, theirs.join("\n") + "\n").unwrap();
    let mine_text = mine.join("\n") + "\n";
    let other_arg = other.display().to_string();
    let merge = ["state", "merge", other_arg.as_str()];
    let record_ids = |records: &[prepdeck::core::record::Record]| -> Vec<String> {
        records.iter().map(|r| r.id.as_str().to_string()).collect()
    };

    std::fs::write(&state, &mine_text).unwrap();
    let full = run_watched(home.path(), &merge, b"", Kill::Never, Some(&state));
    assert!(full.finished, "{}", full.stdout);
    let all = record_ids(&read_back(home.path(), "after a full merge"));
    assert_eq!(all.iter().cloned().collect::<HashSet<_>>(), union);
    let mut times = RunTime::new(&full);

    let mut partial = 0;
    for n in 1..=MERGE_KILLS {
        std::fs::write(&state, &mine_text).unwrap();
        let r = run_watched(
            home.path(),
            &merge,
            b"",
            times.kill(n, &mut rng),
            Some(&state),
        );
        times.observe(&r);
        let context = format!("after kill {n} ({:?}, finished: {})", r.elapsed, r.finished);
        let got: HashSet<String> = record_ids(&read_back(home.path(), &context))
            .into_iter()
            .collect();
        assert!(got.is_superset(&my_ids), "{context}: records of mine lost");
        assert!(got.is_subset(&union), "{context}: records from nowhere");
        if got != my_ids && got != union {
            partial += 1;
        }
        // Merging again completes it, whatever the kill left (a torn line is set aside).
        assert!(run(home.path(), &merge, b"", None).finished, "{context}");
        let after = record_ids(&read_back(home.path(), &context));
        assert_eq!(
            after.into_iter().collect::<HashSet<_>>(),
            union,
            "{context}"
        );
        let lines = std::fs::read_to_string(&state).unwrap().lines().count();
        assert_eq!(lines, union.len(), "{context}: a record written twice");
    }
    eprintln!(
        "merge: {MERGE_KILLS} kills (one merge takes {:?}, writing for {:?}): {} while it wrote, \
         {partial} stopped mid-write; all completed by merging again",
        times.typical(),
        times.writing.last(),
        times.in_writes
    );
}

/// What `args` print with the home as it is, and with its caches moved aside (the same home,
/// so every path in the output is the same); the caches are put back afterwards.
fn with_and_without_cache(home: &Path, args: &[&str]) -> (String, String) {
    let output = || {
        let out = Command::new(BIN)
            .args(args)
            .env("PREPDECK_HOME", home)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let cached = output();
    let (cache, aside) = (home.join("cache"), home.join("cache-aside"));
    std::fs::rename(&cache, &aside).unwrap();
    let bare = output();
    if cache.exists() {
        std::fs::remove_dir_all(&cache).unwrap();
    }
    std::fs::rename(&aside, &cache).unwrap();
    (cached, bare)
}

#[test]
fn kills_during_cache_writes_never_leave_a_cache_that_is_trusted() {
    let mut rng = rng("cache");
    let home = tempfile::tempdir().unwrap();
    // A large log (so the progress cache takes a while to write) and a user deck.
    let log: String = (0..5_000)
        .map(|n| review_line(n, "it-fundamentals", "continuity-rto-vs-rpo") + "\n")
        .collect();
    std::fs::write(home.path().join("state.jsonl"), log).unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::write(
        home.path().join("decks/mine.toml"),
        "format = 1\n[deck]\nid = \"mine\"\ntitle = \"Mine\"\n[[category]]\nid = \"c\"\n\
         title = \"C\"\n[[card]]\nid = \"one\"\ncategory = \"c\"\nkind = \"knowledge\"\n\
         question = \"What is a budget?\"\nanswer = \"A plan.\"\n",
    )
    .unwrap();
    std::fs::write(
        home.path().join("config.toml"),
        "[scheduler]\nnew_per_day = 500\n",
    )
    .unwrap();
    let drill = ["drill", "--plain", "--limit", "2"];
    let input = b"\n3\n\n3\n";
    // The progress cache is replaced (a new file renamed) in the cache folder.
    let cache = home.path().join("cache");
    let full = run_watched(home.path(), &drill, input, Kill::Never, Some(&cache));
    assert!(full.finished, "{}", full.stdout);
    assert!(home.path().join("cache/progress.bin").exists());
    let mut times = RunTime::new(&full);
    let mut reviews = read_back(home.path(), "after a full drill").len();
    let mut acked = 0;
    for n in 1..=CACHE_KILLS {
        // Every other run without deck cache entries, so they are written again too.
        if n % 2 == 0 {
            for entry in files_with(&home.path().join("cache/decks"), ".bin") {
                std::fs::remove_file(entry).unwrap();
            }
        }
        let r = run_watched(
            home.path(),
            &drill,
            input,
            times.kill(n, &mut rng),
            Some(&cache),
        );
        times.observe(&r);
        let context = format!("after kill {n} ({:?}, finished: {})", r.elapsed, r.finished);
        let recorded = r.stdout.matches("recorded: ").count();
        acked += recorded;
        let now = read_back(home.path(), &context).len();
        assert!(
            now >= reviews + recorded,
            "{context}: acknowledged reviews lost"
        );
        reviews = now;
        // (`export progress` rather than `stats --json`: it prints the replayed schedule of
        // every card and nothing that depends on the clock.)
        for args in [&["export", "progress"][..], &["decks", "list", "--json"]] {
            let (cached, bare) = with_and_without_cache(home.path(), args);
            assert_eq!(cached, bare, "{context}: `{args:?}` differs with the cache");
        }
    }
    eprintln!(
        "cache: {CACHE_KILLS} kills (one drill takes {:?}, writing for {:?}): {} while it \
         wrote; {acked} acknowledged reviews kept; \
         progress and decks identical with and without the caches after every kill",
        times.typical(),
        times.writing.last(),
        times.in_writes
    );
}
