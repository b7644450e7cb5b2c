//! The progress a study holds must be what a full replay of the state file gives, whether it
//! was replayed in full, resumed from the progress cache, or resumed and then undone.

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use proptest::prelude::*;

use super::{Journal, LogStudy, Study, open_study};
use crate::core::deck::{Deck, DeckSource, parse_deck};
use crate::core::grade::Grade;
use crate::core::ids::{CardId, DeckId, InterviewId};
use crate::core::record::{Record, RecordBody, Review, ReviewMode};
use crate::core::schedule::{SchedulerConfig, build_queue, build_queue_from, replay};
use crate::core::session::MockFinished;
use crate::core::stats::HomeInputs;
use crate::fixtures::{FixtureSpec, deck_toml};
use crate::store::home_snapshot;
use crate::store::log::{self, StateLog};
use crate::store::paths::Home;

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn deck() -> Deck {
    let spec = FixtureSpec {
        deck_id: "d".into(),
        categories: 2,
        ..FixtureSpec::new(5, 0, t0())
    };
    parse_deck(&deck_toml(&spec), DeckSource::Builtin("d.toml".into())).unwrap()
}

fn review(card: u8, grade: usize) -> RecordBody {
    RecordBody::Review(Review {
        deck: DeckId::new("d"),
        card: CardId::new(format!("card-{card}")),
        grade: Grade::ALL[grade],
        took_ms: 1500,
        mode: ReviewMode::Drill,
    })
}

fn open(home: &Home, config: &SchedulerConfig) -> LogStudy<StateLog> {
    open_with_warnings(home, config).0
}

/// Opens (waiting out a lock a child process of another test may briefly hold).
fn open_with_warnings(
    home: &Home,
    config: &SchedulerConfig,
) -> (LogStudy<StateLog>, Vec<crate::store::log::LoadWarning>) {
    log::retry_while_locked(|| open_study(home, config.clone(), utc())).unwrap()
}

/// What replaying the whole file gives, through a study with every record loaded.
fn reference(home: &Home, config: &SchedulerConfig) -> LogStudy<Vec<(RecordBody, DateTime<Utc>)>> {
    let records = log::read(home.state_file()).unwrap().records;
    LogStudy::new(vec![], records, config.clone(), utc())
}

/// The latest review that counts, which undo would take back (read from the file).
fn last_review(home: &Home) -> Option<crate::core::ids::RecordId> {
    let records = log::read(home.state_file()).unwrap().records;
    crate::core::schedule::effective_reviews(&records)
        .last()
        .map(|(r, _)| r.id.clone())
}

#[derive(Clone, Debug)]
enum Op {
    Review(u8, usize),
    Suspend(u8),
    Unsuspend(u8),
    Bury(u8),
    UndoLast,
    /// Takes back the record this many places from the end of the file, whatever it is (a
    /// suspension, a mock, an undo, one already taken back).
    UndoAny(usize),
    Mock(u8),
    /// Minutes forward (or back: a clock that was wrong).
    Tick(i64),
    /// Leave the app normally (the cache is saved) and start it again.
    Restart,
    /// The process dies (nothing saved) and starts again.
    Kill,
    /// Compare the whole progress with a full replay's (which reads every review: until then
    /// a resumed study may have left a long history's earlier reviews on disk).
    Compare,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0u8..5, 0usize..4).prop_map(|(c, g)| Op::Review(c, g)),
        1 => (0u8..5).prop_map(Op::Suspend),
        1 => (0u8..5).prop_map(Op::Unsuspend),
        1 => (0u8..5).prop_map(Op::Bury),
        2 => Just(Op::UndoLast),
        1 => (0usize..8).prop_map(Op::UndoAny),
        1 => (0u8..=100).prop_map(Op::Mock),
        4 => prop_oneof![-30i64..0, 1i64..60, 60i64..6000].prop_map(Op::Tick),
        // Weeks to months (past the recent reviews a start reads), or back.
        2 => prop_oneof![3 => 20_000i64..80_000, 1 => -60_000i64..-20_000].prop_map(Op::Tick),
        2 => Just(Op::Restart),
        1 => Just(Op::Kill),
        2 => Just(Op::Compare),
    ]
}

fn run(ops: &[Op], config: &SchedulerConfig) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let decks = vec![deck()];
    let mut study = open(&home, config);
    let mut now = t0();
    for op in ops {
        let key = |c: &u8| (DeckId::new("d"), CardId::new(format!("card-{c}")));
        let body = match op {
            Op::Review(c, g) => Some(review(*c, *g)),
            Op::Suspend(c) => {
                let (deck, card) = key(c);
                Some(RecordBody::Suspend { deck, card })
            }
            Op::Unsuspend(c) => {
                let (deck, card) = key(c);
                Some(RecordBody::Unsuspend { deck, card })
            }
            Op::Bury(c) => {
                let (deck, card) = key(c);
                let until = now + Duration::hours(12);
                Some(RecordBody::Bury { deck, card, until })
            }
            Op::UndoLast => last_review(&home).map(|target| RecordBody::Undo { target }),
            Op::UndoAny(n) => log::read(home.state_file())
                .unwrap()
                .records
                .iter()
                .rev()
                .nth(*n)
                .map(|r| RecordBody::Undo {
                    target: r.id.clone(),
                }),
            Op::Mock(score) => Some(RecordBody::MockFinished(MockFinished {
                interview: InterviewId::new(format!("i{score}")),
                score: *score,
                completed: true,
            })),
            Op::Tick(m) => {
                now += Duration::minutes(*m);
                None
            }
            Op::Restart => {
                study.close();
                drop(study);
                study = open(&home, config);
                None
            }
            Op::Kill => {
                drop(study);
                study = open(&home, config);
                None
            }
            Op::Compare => {
                let full = reference(&home, config);
                prop_assert_eq!(study.progress(), full.progress());
                None
            }
        };
        if let Some(body) = body {
            study.append(body, now).unwrap();
        }
        // The home screen, from what a start read (the progress's cards are the same too).
        let full = reference(&home, config);
        prop_assert_eq!(
            study.overview(&decks, now),
            full.overview(&decks, now),
            "after {:?}",
            op
        );
        // From bare decks (home's first frame): the same.
        prop_assert_eq!(
            study.overview_bare(&bare(&decks), now),
            Some(full.overview(&decks, now))
        );
        prop_assert_eq!(study.progress().entries(), full.progress().entries());
        // And from the home snapshot made now, kept and read back, at once and later.
        same_home_from_snapshot(&home, &study, &full, config, now)?;
    }
    let full = reference(&home, config);
    same_answers(&study, &full, &decks, now)?;
    // And what a read-only command (statistics) gets from the same files.
    study.close();
    drop(study);
    let (read, _) = super::read_study(&home, config.clone(), utc()).unwrap();
    same_answers(&read, &full, &decks, now)
}

/// The decks of the property test, and the same with its last two cards left out (the log
/// then mentions cards no deck has: reviews of other cards, due times of others).
fn deck_sets() -> [Vec<Deck>; 3] {
    let mut fewer = deck();
    fewer.cards.truncate(3);
    // Cards in a category the deck does not list, and two categories' cards interleaved.
    let mut odd = deck();
    odd.cards[1].category = crate::core::ids::CategoryId::new("not-listed");
    odd.cards[4].category = crate::core::ids::CategoryId::new("not-listed");
    odd.cards[3].category = odd.cards[0].category.clone();
    [vec![deck()], vec![fewer], vec![odd]]
}

/// `decks` bare, as the deck overview cache gives them.
fn bare(decks: &[Deck]) -> Vec<crate::core::deck::BareDeck> {
    decks
        .iter()
        .map(|d| crate::core::deck::BareDeck::of(d).unwrap())
        .collect()
}

/// Home's overview drawn from a home snapshot of `study` made at `made_at` (saved and read
/// back under a stamp) is the full replay's at that time and later, for each set of decks.
fn same_home_from_snapshot<J: Journal>(
    home: &Home,
    study: &LogStudy<J>,
    full: &LogStudy<Vec<(RecordBody, DateTime<Utc>)>>,
    config: &SchedulerConfig,
    made_at: DateTime<Utc>,
) -> Result<(), TestCaseError> {
    let stamp = crate::store::log::FileStamp {
        dev: 1,
        ino: 2,
        len: 3,
        mtime: (4, 5),
        ctime: (6, 7),
    };
    let path = home.home_snapshot_file();
    for decks in deck_sets() {
        let made = HomeInputs::of(&decks, study.progress(), made_at).unwrap();
        prop_assert!(home_snapshot::save(&path, config, &stamp, &made));
        let inputs = home_snapshot::load(&path, config, &stamp).unwrap();
        prop_assert_eq!(&inputs, &made);
        let view = inputs.view(&decks).unwrap();
        let bare = bare(&decks);
        prop_assert!(inputs.view(&bare).is_some());
        prop_assert_eq!(
            crate::core::stats::shape(&bare),
            crate::core::stats::shape(&decks)
        );
        for later in [
            0,
            1,
            20,
            60 * 24,
            60 * 24 * 3 + 7,
            60 * 24 * 40,
            60 * 24 * 95,
        ] {
            let now = made_at + Duration::minutes(later);
            let drawn = super::home_overview(&inputs, &decks, now, config, utc());
            prop_assert_eq!(
                &drawn,
                &Some(full.overview(&decks, now)),
                "{} min later",
                later
            );
            prop_assert_eq!(
                super::home_overview(&inputs, &bare, now, config, utc()),
                drawn
            );
            // What it is made of, unrounded: the whole queue and summary.
            let filter = crate::core::schedule::QueueFilter::default();
            let queue = build_queue(&decks, full.progress(), now, utc(), config, &filter);
            prop_assert_eq!(
                &build_queue_from(&decks, &view, now, utc(), config, &filter),
                &queue
            );
            prop_assert_eq!(
                &build_queue_from(&bare, &view, now, utc(), config, &filter),
                &queue
            );
            let mocks = crate::core::stats::MockHistory::default();
            let summary = crate::core::stats::summary(&crate::core::stats::StatsInput {
                decks: &decks,
                progress: full.progress(),
                mocks: &mocks,
                config,
                now,
                offset: utc(),
            });
            prop_assert_eq!(&view.summary(&decks, config, now, utc()), &summary);
            prop_assert_eq!(&view.summary(&bare, config, now, utc()), &summary);
        }
        // Not for a time before it was made, nor for decks of another shape.
        let before = made_at - Duration::seconds(1);
        prop_assert_eq!(
            super::home_overview(&inputs, &decks, before, config, utc()),
            None
        );
        let other = &deck_sets()[usize::from(decks[0].cards.len() == 5)];
        prop_assert_eq!(
            super::home_overview(&inputs, other, made_at, config, utc()),
            None
        );
    }
    Ok(())
}

/// Every screen's answers from `fast` (resumed, from caches) are the full replay's: the home
/// screen's counts, the statistics, each card's history (reviews, attempts, notes) and the
/// records read back (undo, history, export).
fn same_answers<A: Journal, B: Journal>(
    fast: &LogStudy<A>,
    full: &LogStudy<B>,
    decks: &[Deck],
    now: DateTime<Utc>,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(fast.overview(decks, now), full.overview(decks, now));
    prop_assert_eq!(fast.stats(decks, now), full.stats(decks, now));
    prop_assert_eq!(fast.progress(), full.progress());
    prop_assert_eq!(fast.notebook(), full.notebook());
    for deck in decks {
        for card in &deck.cards {
            let detail = |s: &dyn Study| {
                crate::core::notes::card_detail(
                    deck,
                    card,
                    s.replayed().unwrap(),
                    s.notebook().unwrap(),
                    now,
                )
            };
            prop_assert_eq!(detail(fast), detail(full));
            // A card's progress alone (a plain mock's debrief) shows the same.
            let key = deck.key(card);
            let alone = fast.progress().only(|k| *k == key);
            prop_assert_eq!(
                crate::core::notes::card_detail(deck, card, &alone, fast.notebook().unwrap(), now),
                detail(full)
            );
        }
    }
    prop_assert_eq!(fast.read_back(), full.read_back());
    let mocks: Vec<Record> = full
        .read_back()
        .into_iter()
        .filter(|r| r.body.is_mock_history())
        .collect();
    prop_assert_eq!(fast.mock_records(), mocks);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn resumed_progress_is_the_full_replay(ops in prop::collection::vec(op(), 1..60)) {
        run(&ops, &SchedulerConfig::default())?;
    }
}

/// Makes a log of `n` reviews through a study and leaves it normally (saving the cache).
fn history(home: &Home, config: &SchedulerConfig, n: usize) -> DateTime<Utc> {
    let mut study = open(home, config);
    let mut now = t0();
    for i in 0..n {
        study.append(review((i % 5) as u8, i % 4), now).unwrap();
        now += Duration::hours(7);
    }
    study.close();
    now
}

#[test]
fn a_restart_resumes_from_the_cache_without_reading_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    let now = history(&home, &config, 40);
    assert!(home.progress_cache_file().exists());
    let study = open(&home, &config);
    assert!(study.resumed(), "the cache was not used");
    assert_eq!(study.progress(), reference(&home, &config).progress());
    // A review after the restart applies on its own; an undo reads back only its card's
    // records, and so does a record dated before the latest (a clock that went back).
    let mut study = study;
    study.append(review(1, 2), now).unwrap();
    assert!(study.resumed());
    let target = last_review(&home).unwrap();
    study.append(RecordBody::Undo { target }, now).unwrap();
    assert_eq!(study.progress(), reference(&home, &config).progress());
    study.append(review(2, 0), now - Duration::days(3)).unwrap();
    assert!(study.resumed());
    assert_eq!(study.progress(), reference(&home, &config).progress());
}

/// A start after a long history reads only the recent reviews for the home screen (the
/// earlier ones when a screen asks), and answers as a full replay does.
#[test]
fn a_start_reads_only_the_recent_reviews_for_home() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    // Every 7 hours for 200 days: a streak far longer than the recent reviews.
    let now = history(&home, &config, 200 * 24 / 7);
    let decks = vec![deck()];
    let mut study = open(&home, &config);
    let full = reference(&home, &config);
    assert!(study.progress().has_unread_reviews());
    let overview = study.overview(&decks, now);
    assert!(overview.streak_days > 150, "{overview:?}");
    assert_eq!(overview, full.overview(&decks, now));
    // A grade keeps them unread; the streak follows.
    study.append(review(1, 2), now + Duration::days(1)).unwrap();
    assert!(study.progress().has_unread_reviews());
    let full = reference(&home, &config);
    let later = now + Duration::days(1);
    assert_eq!(study.overview(&decks, later), full.overview(&decks, later));
    assert!(study.progress().has_unread_reviews());
    // Statistics read them.
    assert_eq!(study.stats(&decks, later), full.stats(&decks, later));
    assert!(!study.progress().has_unread_reviews());
    assert_eq!(study.progress(), full.progress());
}

#[test]
fn a_changed_log_other_settings_or_a_damaged_cache_replay_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    history(&home, &config, 30);
    let cache = home.progress_cache_file();
    let good = std::fs::read(&cache).unwrap();

    // Other scheduler settings: the cache does not apply (replay depends on them).
    let other = SchedulerConfig {
        desired_retention: 0.85,
        ..SchedulerConfig::default()
    };
    let study = open(&home, &other);
    assert!(!study.resumed());
    assert_eq!(study.progress(), reference(&home, &other).progress());
    drop(study);

    // A damaged entry (cut, flipped, grown) is ignored.
    let flipped = |i: usize| {
        let mut b = good.clone();
        b[i] ^= 0x55;
        b
    };
    for damaged in [
        good[..good.len() / 2].to_vec(),
        flipped(40),
        [good.as_slice(), b"x"].concat(),
    ] {
        std::fs::write(&cache, &damaged).unwrap();
        let study = open(&home, &config);
        assert!(!study.resumed());
        assert_eq!(study.progress(), reference(&home, &config).progress());
    }
    // What a start reads only when needed (the record ids' hashes at the end, the earlier
    // reviews) is checked then, and taken from the log when damaged.
    let log_before = std::fs::read(home.state_file()).unwrap();
    std::fs::write(&cache, flipped(good.len() - 5)).unwrap();
    let mut study = open(&home, &config);
    assert!(study.resumed());
    study
        .append(review(1, 2), t0() + Duration::days(30))
        .unwrap();
    assert_eq!(study.progress(), reference(&home, &config).progress());
    study.close();
    drop(study);
    let study = open(&home, &config);
    assert!(study.resumed());
    assert_eq!(study.progress(), reference(&home, &config).progress());
    drop(study);
    std::fs::write(&cache, &good).unwrap();
    std::fs::write(home.state_file(), &log_before).unwrap();

    // A log edited by hand with the same length: the content hash tells.
    std::fs::write(&cache, &good).unwrap();
    let state = home.state_file();
    let text = std::fs::read_to_string(&state).unwrap();
    let edited = text.replacen("\"took_ms\":1500", "\"took_ms\":9500", 1);
    assert!(edited != text && edited.len() == text.len());
    std::fs::write(&state, &edited).unwrap();
    let study = open(&home, &config);
    assert!(!study.resumed());
    assert_eq!(study.progress(), reference(&home, &config).progress());
    drop(study);

    // A shorter log (restored from a backup, say).
    let first: String = edited.lines().take(10).map(|l| format!("{l}\n")).collect();
    std::fs::write(&state, first).unwrap();
    let study = open(&home, &config);
    assert!(!study.resumed());
    assert_eq!(study.progress(), reference(&home, &config).progress());
}

#[test]
fn a_tail_with_a_problem_is_read_in_full_and_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    history(&home, &config, 12);
    let state = home.state_file();
    let text = std::fs::read_to_string(&state).unwrap();
    // The first record again (a careless merge by hand), then a torn line.
    let first = text.lines().next().unwrap();
    std::fs::write(&state, format!("{text}{first}\n{{\"v\":1,\"id\":\"x")).unwrap();
    let (study, warnings) = open_with_warnings(&home, &config);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(!study.resumed());
    assert_eq!(study.progress(), reference(&home, &config).progress());
}

#[cfg(unix)]
#[test]
fn the_cache_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    history(&home, &SchedulerConfig::default(), 3);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let cache = home.progress_cache_file();
    assert_eq!(mode(&cache), 0o600);
    assert_eq!(mode(cache.parent().unwrap()), 0o700);
}

/// The in-memory journal reads back the records it returned.
#[test]
fn a_memory_journal_reads_back_what_it_wrote() {
    let mut j: Vec<(RecordBody, DateTime<Utc>)> = vec![];
    let a = Journal::append(&mut j, review(0, 2), t0()).unwrap();
    let b = Journal::append(&mut j, review(1, 3), t0()).unwrap();
    assert_eq!(j.read_back().unwrap(), vec![a, b] as Vec<Record>);
}

/// `replay` is what the reference uses: check it sees the file's records.
#[test]
fn the_reference_replays_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    history(&home, &config, 8);
    let records = log::read(home.state_file()).unwrap().records;
    assert_eq!(records.len(), 8);
    assert_eq!(
        &replay(&records, &config),
        reference(&home, &config).progress()
    );
}

/// A merged log can hold an undo before the record it targets: resuming must not apply the
/// target when it arrives in the tail.
#[test]
fn an_undo_in_the_cached_part_still_hides_its_target_arriving_later() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    let mut study = open(&home, &config);
    study.append(review(0, 2), t0()).unwrap();
    let target = crate::core::ids::RecordId::new("fffffffffff0-0000000000000001");
    let undo = RecordBody::Undo {
        target: target.clone(),
    };
    study.append(undo, t0() + Duration::minutes(1)).unwrap();
    study.close();
    drop(study);
    let late = Record::new(target, t0() + Duration::days(3), review(1, 3));
    let mut text = std::fs::read_to_string(home.state_file()).unwrap();
    text.push_str(&serde_json::to_string(&late).unwrap());
    text.push('\n');
    std::fs::write(home.state_file(), text).unwrap();
    let study = open(&home, &config);
    let full = reference(&home, &config);
    assert_eq!(full.progress().reviews().len(), 1);
    assert_eq!(study.progress(), full.progress());
}

/// Settings only today's queue uses keep the cache; a start that adds nothing leaves the
/// cache file alone on the way out.
#[cfg(unix)]
#[test]
fn queue_settings_keep_the_cache_and_an_idle_session_does_not_rewrite_it() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    history(&home, &config, 20);
    let inode = || std::fs::metadata(home.progress_cache_file()).unwrap().ino();
    let before = inode();
    let queue_only = SchedulerConfig {
        new_per_day: 3,
        reviews_per_day: 50,
        day_starts_at: 0,
        ..SchedulerConfig::default()
    };
    let mut study = open(&home, &queue_only);
    assert!(study.resumed(), "queue-only settings threw the cache away");
    assert_eq!(study.progress(), reference(&home, &config).progress());
    study.close();
    drop(study);
    assert_eq!(inode(), before, "an idle session rewrote the cache");
}

/// A read-only open (statistics) resumes from the cache with what was appended since, and
/// leaves the cache as it was.
#[cfg(unix)]
#[test]
fn a_read_only_open_resumes_from_the_cache_and_never_writes_it() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    let now = history(&home, &config, 25);
    let cache = home.progress_cache_file();
    let before = (
        std::fs::metadata(&cache).unwrap().ino(),
        std::fs::read(&cache).unwrap(),
    );
    let (read, warnings) = super::read_study(&home, config.clone(), utc()).unwrap();
    assert!(warnings.is_empty() && read.resumed());
    assert_eq!(read.progress(), reference(&home, &config).progress());
    drop(read);
    // Appended since, by a study that is killed (no cache saved).
    let mut study = open(&home, &config);
    study.append(review(2, 3), now).unwrap();
    drop(study);
    let (read, _) = super::read_study(&home, config.clone(), utc()).unwrap();
    assert!(read.resumed());
    assert_eq!(read.progress(), reference(&home, &config).progress());
    let after = (
        std::fs::metadata(&cache).unwrap().ino(),
        std::fs::read(&cache).unwrap(),
    );
    assert!(before == after, "a read-only open wrote the cache");
}

/// A start a second or more after the log last changed records the log's stamp in the cache;
/// the next start then does not read the log at all. Everything it shows is still the full
/// replay's, an undo after it reads its card back from the log, and an edit of the log (even one that keeps
/// its length) is noticed.
#[test]
fn a_settled_log_is_recognised_by_its_stamp_and_an_edit_still_tells() {
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    let decks = vec![deck()];
    let now = history(&home, &config, 40);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    // Hashed (no stamp yet), and saved again on the way out with the settled stamp.
    let mut study = open(&home, &config);
    assert!(study.resumed());
    study.close();
    drop(study);
    let saved = std::fs::read(home.progress_cache_file()).unwrap();
    let mut study = open(&home, &config);
    assert!(study.resumed());
    let full = reference(&home, &config);
    same_answers(&study, &full, &decks, now).unwrap();
    // An idle session leaves a stamped cache alone.
    study.close();
    drop(study);
    assert!(std::fs::read(home.progress_cache_file()).unwrap() == saved);

    let mut study = open(&home, &config);
    study.append(review(3, 0), now).unwrap();
    let target = last_review(&home).unwrap();
    study.append(RecordBody::Undo { target }, now).unwrap();
    assert!(study.resumed());
    same_answers(&study, &reference(&home, &config), &decks, now).unwrap();
    study.close();
    drop(study);

    // Settled again, then edited in place keeping the length.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    open(&home, &config).close();
    let state = home.state_file();
    let text = std::fs::read_to_string(&state).unwrap();
    let edited = text.replacen("\"took_ms\":1500", "\"took_ms\":9500", 1);
    assert!(edited != text && edited.len() == text.len());
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(&state)
        .unwrap();
    std::io::Write::write_all(&mut file, edited.as_bytes()).unwrap();
    drop(file);
    let study = open(&home, &config);
    assert!(!study.resumed(), "the edit was not noticed");
    same_answers(&study, &reference(&home, &config), &decks, now).unwrap();
}

/// A start finds the home snapshot made from the state file as it is and draws home from it
/// without opening the progress (opened right after the first frame, by `ready`); a change
/// to the log, other settings or a damaged snapshot, and it is not used.
#[test]
fn a_start_draws_home_from_the_snapshot_and_opens_the_progress_after_it() {
    use std::cell::Cell;
    use std::rc::Rc;
    let dir = tempfile::tempdir().unwrap();
    let home = Home::at(dir.path());
    let config = SchedulerConfig::default();
    let decks = vec![deck()];
    let now = history(&home, &config, 60);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    // No snapshot yet: the progress is opened, and the snapshot kept after the first frame.
    let (locked, inputs) = super::lock_for_home(&home, &config).unwrap();
    assert!(inputs.is_none());
    let (mut study, _) = super::open_study_locked(&home, config.clone(), utc(), locked).unwrap();
    study.keep_home(&decks, now);
    study.close();
    drop(study);
    let path = home.home_snapshot_file();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let good = std::fs::read(&path).unwrap();

    let (locked, inputs) = super::lock_for_home(&home, &config).unwrap();
    let inputs = inputs.expect("the snapshot was not recognised");
    let opened = Rc::new(Cell::new(false));
    let opener: super::OpenProgress = {
        let (opened, home, config) = (opened.clone(), home.clone(), config.clone());
        Box::new(move || {
            opened.set(true);
            let (study, _) = super::open_study_locked(&home, config, utc(), locked)?;
            let study = study.with_home_snapshot(home.home_snapshot_file(), true);
            Ok(Box::new(study) as Box<dyn Study>)
        })
    };
    let mut first =
        super::FirstFrame::new(inputs, config.clone(), utc(), home.state_file(), opener);
    let full = reference(&home, &config);
    let later = now + Duration::hours(5);
    assert_eq!(first.overview(&decks, later), full.overview(&decks, later));
    assert!(first.past_interviews().is_empty());
    assert!(!opened.get(), "the progress was opened for the first frame");
    first.ready().unwrap();
    assert!(opened.get());
    same_answers_of(&first, &full, &decks, later);
    // A grade: the log changed, so the snapshot is no longer the log's. Kept right after it
    // (the file still in its tick), usually none is kept; one that was is the new log's.
    first.append(review(1, 2), later).unwrap();
    let full = reference(&home, &config);
    assert_eq!(first.overview(&decks, later), full.overview(&decks, later));
    first.keep_home(&decks, later);
    first.close();
    drop(first);
    let (locked, inputs) = super::lock_for_home(&home, &config).unwrap();
    if let Some(inputs) = inputs {
        assert_eq!(
            snapshot_overview(inputs, &home, &config, &decks, later),
            full.overview(&decks, later),
            "a snapshot of the log before the grade was used"
        );
    }
    drop(locked);

    // A session that grades and quits a moment later: the snapshot kept on the way out (the
    // file past its tick: a tenth of a second where it keeps sub-second times) is the next
    // start's, with every answer the full replay's.
    let mut study = open(&home, &config);
    study.append(review(2, 3), later).unwrap();
    study.append(review(3, 1), later).unwrap();
    let whole_seconds = std::fs::metadata(home.state_file())
        .map(|m| {
            use std::os::unix::fs::MetadataExt;
            m.ctime_nsec() == 0 && m.mtime_nsec() == 0
        })
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(if whole_seconds {
        1100
    } else {
        150
    }));
    study.keep_home(&decks, later);
    study.close();
    drop(study);
    let full = reference(&home, &config);
    let (locked, inputs) = super::lock_for_home(&home, &config).unwrap();
    let inputs = inputs.expect("the snapshot kept on the way out was not recognised");
    let opener: super::OpenProgress = {
        let (home, config) = (home.clone(), config.clone());
        Box::new(move || {
            let (study, _) = super::open_study_locked(&home, config, utc(), locked)?;
            let study = study.with_home_snapshot(home.home_snapshot_file(), true);
            Ok(Box::new(study) as Box<dyn Study>)
        })
    };
    let mut first =
        super::FirstFrame::new(inputs, config.clone(), utc(), home.state_file(), opener);
    assert_eq!(first.overview(&decks, later), full.overview(&decks, later));
    first.ready().unwrap();
    same_answers_of(&first, &full, &decks, later);
    drop(first);

    // Settled again and kept; then other replay settings, or a damaged snapshot: not used.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let mut study = open(&home, &config);
    study.keep_home(&decks, later);
    drop(study);
    let (locked, inputs) = super::lock_for_home(&home, &config).unwrap();
    assert!(inputs.is_some());
    drop(locked);
    let other = SchedulerConfig {
        desired_retention: 0.85,
        ..SchedulerConfig::default()
    };
    let (locked, inputs) = super::lock_for_home(&home, &other).unwrap();
    assert!(inputs.is_none());
    drop(locked);
    let kept = std::fs::read(&path).unwrap();
    assert!(kept != good);
    for i in [0, 30, kept.len() / 2, kept.len() - 1] {
        let mut damaged = kept.clone();
        damaged[i] ^= 0x20;
        std::fs::write(&path, &damaged).unwrap();
        let (locked, inputs) = super::lock_for_home(&home, &config).unwrap();
        assert!(inputs.is_none(), "a snapshot damaged at byte {i} was used");
        drop(locked);
    }
    std::fs::write(&path, &kept[..kept.len() - 3]).unwrap();
    let (_, inputs) = super::lock_for_home(&home, &config).unwrap();
    assert!(inputs.is_none());
}

/// Home's counts drawn from the snapshot `inputs` (the progress is never opened for them).
fn snapshot_overview(
    inputs: crate::core::stats::HomeInputs,
    home: &Home,
    config: &SchedulerConfig,
    decks: &[Deck],
    now: DateTime<Utc>,
) -> super::Overview {
    let opener: super::OpenProgress = Box::new(|| panic!("opened for home's counts"));
    super::FirstFrame::new(inputs, config.clone(), utc(), home.state_file(), opener)
        .overview(decks, now)
}

/// What the screens after home ask of a study drawn from the snapshot are the full replay's.
fn same_answers_of(
    fast: &dyn Study,
    full: &LogStudy<Vec<(RecordBody, DateTime<Utc>)>>,
    decks: &[Deck],
    now: DateTime<Utc>,
) {
    assert_eq!(fast.overview(decks, now), full.overview(decks, now));
    assert_eq!(fast.stats(decks, now), full.stats(decks, now));
    assert_eq!(fast.replayed(), full.replayed());
    assert_eq!(fast.notebook(), full.notebook());
    assert_eq!(fast.read_back(), full.read_back());
}
