//! The statistics screen and targeted practice: snapshots with an empty and a rich history
//! (records built here, replayed by the real scheduler, fixed clock), the home screen's weakest
//! categories, the size sweep and the `w` flow.

use chrono::{DateTime, Duration, Utc};
use ratatui::crossterm::event::KeyCode;

use super::support::{Harness, deck, sweep, t0};
use crate::core::deck::{Deck, DeckSource, parse_deck};
use crate::core::grade::Grade;
use crate::core::ids::{CardId, CardKey, DeckId, InterviewId, RecordId};
use crate::core::record::{Record, RecordBody, Review, ReviewMode};
use crate::core::schedule::{CardMemory, Scheduler, SchedulerConfig};
use crate::core::session::{MockAnswered, MockFinished, MockSetup, MockStarted, Timing};
use crate::tui::app::Current;
use crate::tui::keys::Context;

fn ops_deck() -> Deck {
    parse_deck(
        include_str!("stats_deck.toml"),
        DeckSource::Builtin("ops.toml".into()),
    )
    .unwrap()
}

#[derive(Default)]
struct Log(Vec<Record>);

impl Log {
    fn push(&mut self, at: DateTime<Utc>, body: RecordBody) {
        let id = RecordId::new(format!("r{:06}", self.0.len() + 1));
        self.0.push(Record::new(id, at, body));
    }

    fn position(&self) -> u64 {
        let starts = self
            .0
            .iter()
            .filter(|r| matches!(r.body, RecordBody::MockStarted(_)))
            .count();
        (self.0.len() - starts) as u64
    }

    fn review(&mut self, deck: &str, card: &str, grade: Grade, at: DateTime<Utc>) {
        let body = RecordBody::Review(Review {
            deck: DeckId::new(deck),
            card: CardId::new(card),
            grade,
            // Varied by position (interview starts left out: added to the log later).
            took_ms: 20_000 + (self.position() % 7) * 5_000,
            mode: ReviewMode::Drill,
        });
        self.push(at, body);
    }

    /// An interview of two questions (half and three quarters of their key points covered,
    /// one minute each) scoring about `score`: the answer time (soft timing) is chosen so that
    /// the overtime gives it.
    fn mock(&mut self, n: usize, at: DateTime<Utc>, score: u8, completed: bool) {
        let interview = InterviewId::new(format!("mock-{n}"));
        // Scores 0.7 * 0.5 + 0.3 * T and 0.7 * 0.75 + 0.3 * T: their mean is `score`, with
        // T = 1 - overtime / limit and limit + overtime = 60 s.
        let time = ((2.0 * f64::from(score) - 87.5) / 60.0).clamp(0.0, 1.0);
        let limit_s = (60.0 / (2.0 - time)).round() as u32;
        let overtime_ms = 60_000 - u64::from(limit_s) * 1000;
        let setup = MockSetup {
            timing: Timing::Soft,
            answer_seconds: Some(limit_s),
            ..MockSetup::default()
        };
        let questions = vec![
            CardKey::new("ops-lead", "budgeting-1"),
            CardKey::new("test-deck", "major-incident"),
        ];
        let started = MockStarted {
            interview: interview.clone(),
            setup,
            questions,
        };
        self.push(at, RecordBody::MockStarted(Box::new(started)));
        for (i, (deck, card, coverage)) in [
            ("ops-lead", "budgeting-1", vec![false, true]),
            ("test-deck", "major-incident", vec![true, true, false, true]),
        ]
        .into_iter()
        .enumerate()
        {
            let answer = MockAnswered {
                interview: interview.clone(),
                index: i,
                card: CardKey::new(deck, card),
                answer: "an answer".into(),
                follow_up_answer: None,
                answer_ms: 60_000,
                overtime_ms,
                follow_up_ms: None,
                follow_up_overtime_ms: 0,
                paused_ms: 0,
                skipped: false,
                coverage,
                grade: Some(Grade::Good),
            };
            self.push(at, RecordBody::MockAnswered(Box::new(answer)));
        }
        let finished = MockFinished {
            interview,
            score,
            completed,
        };
        self.push(
            at + Duration::minutes(20),
            RecordBody::MockFinished(finished),
        );
    }
}

/// Five months of drills over both decks, each card reviewed when it comes due (simulated
/// with the real scheduler), a weak budgeting category, three categories never studied, and
/// five mock interviews.
fn rich_records() -> Vec<Record> {
    use Grade::{Again, Easy, Good, Hard};
    let studied: [(&str, &str, [Grade; 3]); 12] = [
        ("test-deck", "major-incident", [Good, Easy, Good]),
        ("test-deck", "change-freeze", [Good, Good, Hard]),
        ("test-deck", "low-performer", [Hard, Good, Again]),
        ("test-deck", "motivation", [Good, Hard, Good]),
        ("ops-lead", "budgeting-1", [Again, Hard, Again]),
        ("ops-lead", "budgeting-2", [Again, Again, Good]),
        ("ops-lead", "budgeting-3", [Hard, Again, Hard]),
        ("ops-lead", "hiring-1", [Good, Easy, Good]),
        ("ops-lead", "hiring-2", [Easy, Good, Good]),
        ("ops-lead", "strategy-1", [Good, Good, Good]),
        ("ops-lead", "strategy-2", [Again, Good, Hard]),
        ("ops-lead", "security-1", [Good, Hard, Good]),
    ];
    let config = SchedulerConfig {
        fuzz: false,
        ..SchedulerConfig::default()
    };
    let scheduler = Scheduler::new(&config);
    let until = t0() - Duration::hours(2);
    let mut reviews = vec![];
    for (i, (deck, card, grades)) in studied.iter().enumerate() {
        let mut state = CardMemory::new();
        let mut t = t0() - Duration::days(160 - 11 * i as i64) + Duration::hours(i as i64 % 5);
        let mut n = 0;
        while t <= until {
            let grade = grades[n % 3];
            reviews.push((t, *deck, *card, grade));
            state = scheduler.review(&state, grade, t, None);
            n += 1;
            // Studied when it comes due, at most once a day.
            t = state.due.unwrap_or(until).max(t + Duration::hours(22));
        }
    }
    reviews.sort_by_key(|r| r.0);
    let mut log = Log::default();
    for (at, deck, card, grade) in reviews {
        log.review(deck, card, grade, at);
    }
    for (n, (days, score, completed)) in [
        (61, 44, true),
        (44, 55, true),
        (29, 51, false),
        (16, 68, true),
    ]
    .into_iter()
    .enumerate()
    {
        log.mock(n, t0() - Duration::days(days), score, completed);
    }
    log.mock(9, t0() - Duration::hours(3), 74, true);
    for (i, (deck, card, _)) in studied.iter().take(3).enumerate() {
        log.review(deck, card, Good, t0() - Duration::minutes(50 - i as i64));
    }
    log.0.sort_by_key(|r| r.at);
    log.0
}

fn rich() -> Harness {
    Harness::with_decks(vec![deck(), ops_deck()], rich_records())
}

fn empty() -> Harness {
    Harness::with_decks(vec![deck(), ops_deck()], vec![])
}

/// Every section at 80x24 and 120x40.
fn snap_sections(h: &mut Harness, name: &str) {
    h.key(KeyCode::Char('s'));
    assert_eq!(h.app.context(), Context::Stats);
    for section in ["overview", "categories", "activity", "mocks"] {
        for (w, ht) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("stats_{name}_{section}_{w}x{ht}"), h.screen(w, ht));
        }
        h.key(KeyCode::Tab);
    }
    h.key(KeyCode::Char('q'));
    assert_eq!(h.app.context(), Context::Home);
}

#[test]
fn statistics_with_an_empty_history() {
    snap_sections(&mut empty(), "empty");
}

#[test]
fn statistics_with_a_rich_history() {
    snap_sections(&mut rich(), "rich");
}

#[test]
fn statistics_scroll_and_compact_sizes() {
    let mut h = rich();
    h.key(KeyCode::Char('s'));
    h.key(KeyCode::Tab);
    let top = h.screen(50, 12);
    for _ in 0..40 {
        h.key(KeyCode::Char('j'));
    }
    let bottom = h.screen(50, 12);
    assert_ne!(top, bottom);
    assert!(bottom.contains("RETAIN:"), "{bottom}");
    insta::assert_snapshot!("stats_rich_categories_scrolled_50x12", bottom);
    h.key(KeyCode::PageUp);
    h.key(KeyCode::PageUp);
    h.key(KeyCode::PageUp);
    assert_eq!(h.screen(50, 12), top);
    h.key(KeyCode::BackTab);
    h.key(KeyCode::BackTab);
    assert!(h.screen(50, 12).contains("Mock interview scores"));
}

#[test]
fn home_shows_the_weakest_categories_by_readiness() {
    let mut h = rich();
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Weakest categories (readiness)"),
        "{screen}"
    );
    insta::assert_snapshot!("home_weakest_80x24", screen);
    assert!(!empty().screen(80, 24).contains("Weakest"));
}

/// With mock interviews in the log, home's weakest categories depend on the cards' key points:
/// an app started from bare decks loads the whole ones before its first frame, and shows what
/// whole decks show.
#[test]
fn home_from_bare_decks_with_mock_interviews_waits_for_the_whole_decks() {
    let decks = vec![deck(), ops_deck()];
    let bare = decks
        .iter()
        .map(|d| crate::core::deck::BareDeck::of(d).unwrap())
        .collect();
    let whole = decks.clone();
    let mut h = Harness::with_bare(bare, rich_records(), Box::new(move || (whole, vec![])));
    assert!(!h.app.decks_bare());
    assert_eq!(h.app.decks, decks);
    let mut r = rich();
    assert_eq!(h.app.overview, r.app.overview);
    assert!(
        r.app.overview.weakest.len() > 1,
        "home singles out weak categories"
    );
    assert_eq!(h.screen(80, 24), r.screen(80, 24));
    // Without the mock interviews the same app draws from the bare decks.
    let reviews: Vec<Record> = rich_records()
        .into_iter()
        .filter(|r| !r.body.is_mock_history())
        .collect();
    let whole = decks.clone();
    let bare = decks
        .iter()
        .map(|d| crate::core::deck::BareDeck::of(d).unwrap())
        .collect();
    let mut h = Harness::with_bare(bare, reviews.clone(), Box::new(move || (whole, vec![])));
    assert!(h.app.decks_bare());
    let mut w = Harness::with_decks(decks, reviews);
    assert_eq!(h.app.overview, w.app.overview);
    assert_eq!(h.screen(80, 24), w.screen(80, 24));
}

#[test]
fn w_on_home_drills_the_weakest_categories() {
    let mut h = rich();
    let stats = h.app.study.stats(&h.app.decks, h.now);
    let weakest: Vec<_> = stats
        .weakest(3)
        .iter()
        .map(|c| (c.deck.clone(), c.category.clone()))
        .collect();
    assert_eq!(weakest.len(), 3);
    h.key(KeyCode::Char('w'));
    assert_eq!(h.app.context(), Context::Question);
    let Current::Drill(d) = &h.app.current else {
        panic!("not drilling")
    };
    let keys: Vec<CardKey> = d.session().cards().iter().map(|c| c.key.clone()).collect();
    assert!(!keys.is_empty() && keys.len() <= 20);
    let decks = h.app.decks.clone();
    for key in &keys {
        let (deck, card) = crate::core::deck::find_card(&decks, key).unwrap();
        assert!(
            weakest.contains(&(deck.id.clone(), card.category.clone())),
            "{key:?} is not in {weakest:?}"
        );
    }
    // Budgeting, failed again and again, is among them, and its due cards come first.
    assert!(
        keys.iter()
            .any(|k| k.card.as_str().starts_with("budgeting"))
    );
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Char('3'));
    assert_eq!(h.written.get(), 1);
}

#[test]
fn w_on_the_statistics_screen_drills_too() {
    let mut h = empty();
    h.key(KeyCode::Char('s'));
    h.key(KeyCode::Char('w'));
    assert_eq!(h.app.context(), Context::Question);
}

#[test]
fn sweep_statistics() {
    for tabs in 0..4 {
        let mut h = rich();
        h.key(KeyCode::Char('s'));
        for _ in 0..tabs {
            h.key(KeyCode::Tab);
        }
        for _ in 0..3 {
            h.key(KeyCode::Char('j'));
        }
        sweep(h);
    }
    let mut h = empty();
    h.key(KeyCode::Char('s'));
    sweep(h);
}

/// Home never offers Enter for a deck list it does not show; on a short terminal the deck list
/// comes before the weakest categories (30x8 showed the weakest, no deck, and "Enter drill
/// selected").
#[test]
fn home_offers_enter_only_with_the_deck_list_on_screen() {
    let mut h = rich();
    let s = h.screen(30, 8);
    assert!(s.contains("▸ All decks"), "{s}");
    assert!(!s.contains("Weakest"), "{s}");
    for w in [30, 34, 40, 50, 60, 79, 80, 100] {
        for ht in 8..=24 {
            let s = h.screen(w, ht);
            if s.contains("drill selected") {
                assert!(s.contains("▸"), "{w}x{ht}:\n{s}");
            }
        }
    }
}

/// With `--deck` (the app given one deck), home's "Today: N reviewed" counts that deck, as its
/// streak and the statistics do (it counted every deck's reviews).
#[test]
fn home_today_counts_the_decks_in_use_as_the_streak_and_statistics_do() {
    let today_of = |s: &str| -> usize {
        s.split("Today: ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("Today: N")
    };
    let all = today_of(&rich().screen(80, 24));
    let mut one = Harness::with_decks(vec![ops_deck()], rich_records());
    let only = today_of(&one.screen(80, 24));
    assert!(
        only < all,
        "another deck's reviews today counted: {only} of {all}"
    );
    one.key(KeyCode::Char('s'));
    let stats = one.screen(80, 24);
    assert!(stats.contains(&format!(", {only} today")), "{stats}");
}
