//! Nothing dropped silently: leaving a summary with ungraded questions asks first, and the
//! history screen lists past interviews and grades what was left, durably. Also the debrief's
//! explanations (matched words, the score's formula) and the answer clock under "End early?".

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::mock_screens::{setup, started};
use super::support::Harness;
use crate::core::grade::Grade;
use crate::core::record::{Record, RecordBody, ReviewMode};
use crate::core::session::MockSetup;
use crate::tui::app::Current;
use crate::tui::keys::{Context, MockCtx};
use crate::tui::screens::debrief::DebriefState;
use crate::tui::screens::history::HistoryScreen;

const SIZES: [(u16, u16); 3] = [(80, 24), (50, 16), (120, 30)];

fn snap(h: &mut Harness, name: &str) {
    for (w, ht) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), h.screen(w, ht));
    }
}

fn ctx(h: &Harness) -> Context {
    h.app.context()
}

fn submit(h: &mut Harness) {
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
}

fn debrief(h: &Harness) -> &DebriefState {
    let Current::Debrief(d) = &h.app.current else {
        panic!("not on the debrief")
    };
    d
}

fn history(h: &Harness) -> &HistoryScreen {
    let Current::History(s) = &h.app.current else {
        panic!("not on the history screen")
    };
    s
}

/// A two-question typed interview, answered, on its debrief (nothing graded yet).
fn answered_both() -> Harness {
    let mut h = started(MockSetup {
        focus: crate::core::session::Focus::Category(crate::core::ids::CategoryId::new(
            "incidents",
        )),
        // The major-incident card (with key points) comes first.
        seed: Some(2),
        ..setup()
    });
    h.wait(10);
    h.chars("I take command: open a major incident and restore with a workaround.");
    submit(&mut h);
    h.wait(5);
    h.chars("A second answer");
    submit(&mut h);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Debrief));
    h
}

fn reviews(h: &Harness) -> Vec<Grade> {
    h.log
        .borrow()
        .iter()
        .filter_map(|b| match b {
            RecordBody::Review(r) if r.mode == ReviewMode::Mock => Some(r.grade),
            _ => None,
        })
        .collect()
}

/// The log so far as records, to start another app on it (as a restart would).
fn as_records(h: &Harness) -> Vec<Record> {
    h.log
        .borrow()
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Record::new(
                crate::core::ids::RecordId::new(format!("r-{i:03}")),
                h.now,
                b.clone(),
            )
        })
        .collect()
}

#[test]
fn leaving_the_summary_ungraded_asks_and_stay_stays() {
    let mut h = answered_both();
    h.key(KeyCode::Char('s'));
    h.key(KeyCode::Enter);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::ConfirmLeave));
    snap(&mut h, "mock_leave_ungraded");
    // A second Enter decides nothing.
    h.key(KeyCode::Enter);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::ConfirmLeave));
    h.key(KeyCode::Char('n'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary));
    assert!(reviews(&h).is_empty());
}

#[test]
fn accepting_records_every_suggested_grade_then_goes_home() {
    let mut h = answered_both();
    h.key(KeyCode::Char('3')); // the first graded by hand
    h.key(KeyCode::Char('s'));
    let suggested = debrief(&h).debrief.items[1].suggested_grade();
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('a'));
    assert_eq!(ctx(&h), Context::Home);
    assert_eq!(reviews(&h), [Grade::Good, suggested]);
    let s = h.screen(80, 24);
    assert!(s.contains("all 2 questions are graded"), "{s}");
    // Each grade's ticks and grade are stored with it.
    let graded: Vec<_> = h
        .log
        .borrow()
        .iter()
        .filter_map(|b| match b {
            RecordBody::MockDebriefed(d) => Some((d.index, d.grade)),
            _ => None,
        })
        .collect();
    assert_eq!(graded, [(0, Some(Grade::Good)), (1, Some(suggested))]);
}

#[test]
fn left_ungraded_then_graded_from_the_history_screen() {
    let mut h = answered_both();
    h.key(KeyCode::Enter); // question 1: its suggestion
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('y'));
    assert_eq!(ctx(&h), Context::Home);
    let s = h.screen(80, 24);
    assert!(
        s.contains("1 question left ungraded: your schedule has not heard of it"),
        "{s}"
    );
    assert_eq!(reviews(&h).len(), 1);

    h.key(KeyCode::Char('h'));
    assert_eq!(ctx(&h), Context::History);
    assert_eq!(history(&h).rows[0].ungraded, 1);
    snap(&mut h, "history_ungraded");
    h.key(KeyCode::Enter);
    // Straight to the question left to grade, its suggestion offered again.
    assert_eq!(debrief(&h).pos, 1);
    let s = h.screen(80, 24);
    assert!(s.contains("Suggested"), "{s}");
    // The grade recorded in the first session stays.
    h.key(KeyCode::Left);
    h.key(KeyCode::Char('4'));
    let s = h.screen(80, 24);
    assert!(s.contains("earlier session"), "{s}");
    h.key(KeyCode::Right);
    h.key(KeyCode::Char('2'));
    assert_eq!(reviews(&h).len(), 2);
    assert_eq!(reviews(&h)[1], Grade::Hard);
    // The summary, then back to the list, the interview still selected and now graded.
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary));
    h.key(KeyCode::Char('q'));
    assert_eq!(ctx(&h), Context::History, "no question: all graded");
    assert_eq!(history(&h).rows[0].ungraded, 0);
    snap(&mut h, "history_graded");
    h.key(KeyCode::Char('q'));
    assert_eq!(ctx(&h), Context::Home);
}

/// A past interview opened from History asks before its summary is left with questions
/// ungraded, as a new interview's does (History -> Enter -> s -> q left silently).
#[test]
fn leaving_a_past_interview_ungraded_asks_first() {
    let mut first = answered_both();
    let records = as_records(&first);
    first.key(KeyCode::Char('q'));
    let mut h = Harness::with_records(records);
    h.key(KeyCode::Char('h'));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('s'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary));
    h.key(KeyCode::Char('q'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::ConfirmLeave));
    let s = h.screen(80, 24);
    assert!(s.contains("2 of 2 questions have no grade"), "{s}");
    assert!(s.contains("a record the suggested grades"), "{s}");
    h.key(KeyCode::Char('n'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('y'));
    assert_eq!(ctx(&h), Context::History);
    let s = h.screen(200, 24);
    assert!(
        s.contains("2 questions left ungraded: your schedule has not heard of them. Grade them later by opening the interview again."),
        "{s}"
    );
    assert!(reviews(&h).is_empty());
}

#[test]
fn a_restart_says_the_last_interview_has_ungraded_questions() {
    let mut first = answered_both();
    // The terminal closes on the debrief: nothing graded.
    let records = as_records(&first);
    first.key(KeyCode::Char('q'));
    let mut h = Harness::with_records(records);
    let s = h.screen(80, 24);
    assert!(
        s.contains("Your last mock interview has 2 questions not graded: press h"),
        "{s}"
    );
    h.key(KeyCode::Char('h'));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter);
    assert_eq!(reviews(&h).len(), 2, "both graded from the history screen");
    // The score on the list is the one the debrief showed.
    let score = debrief(&h).debrief.score();
    h.key(KeyCode::Char('q'));
    assert_eq!(history(&h).rows[0].score, score);
}

#[test]
fn the_history_screen_without_interviews() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('h'));
    snap(&mut h, "history_empty");
    h.key(KeyCode::Enter); // nothing to open
    assert_eq!(ctx(&h), Context::History);
    h.key(KeyCode::Char('?'));
    assert!(h.screen(80, 24).contains("open the interview"));
}

#[test]
fn history_lists_newest_first_and_scrolls_to_the_selection() {
    let mut h = Harness::new();
    for _ in 0..12 {
        h.app.start_mock(setup(), h.now);
        h.chars("An answer");
        submit(&mut h);
        h.key(KeyCode::F(4));
        h.key(KeyCode::Enter);
        h.key(KeyCode::Enter);
        h.key(KeyCode::Enter);
        assert_eq!(ctx(&h), Context::Home);
        h.wait(3600);
    }
    h.key(KeyCode::Char('h'));
    let rows = &history(&h).rows;
    assert_eq!(rows.len(), 12);
    assert!(rows[0].started > rows[11].started, "newest first");
    for _ in 0..11 {
        h.key(KeyCode::Down);
    }
    let s = h.screen(80, 16);
    assert!(
        s.contains(&format!("▸ {}", history(&h).rows[11].started)),
        "{s}"
    );
    super::support::sweep(h);
}

#[test]
fn the_first_tab_goes_to_point_one() {
    let mut h = answered_both();
    let points = debrief(&h).debrief.items[0].checklist.clone();
    assert!(points.len() >= 2);
    assert_eq!(debrief(&h).point.get(), None);
    h.key(KeyCode::Tab);
    assert_eq!(debrief(&h).point.get(), Some(0));
    h.key(KeyCode::Char(' '));
    assert_eq!(debrief(&h).debrief.items[0].checklist[0], !points[0]);
    h.key(KeyCode::BackTab);
    assert_eq!(
        debrief(&h).point.get(),
        Some(points.len() - 1),
        "wraps back"
    );
}

#[test]
fn the_debrief_says_which_words_matched_and_why_the_score() {
    let mut h = answered_both();
    let s = h.screen(100, 40);
    assert!(s.contains("matched \"major incident\""), "{s}");
    assert!(s.contains("Score "), "{s}");
    assert!(s.contains(" = 0.7 × "), "{s}");
    // A hand tick says so; a matcher tick taken away says what it had found.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char(' '));
    let s = h.screen(100, 40);
    assert!(s.contains("unticked by you (the matcher found"), "{s}");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char(' '));
    let s = h.screen(100, 40);
    assert!(s.contains("ticked by you"), "{s}");
}

#[test]
fn the_answer_clock_stops_under_end_early() {
    let mut h = started(MockSetup {
        answer_seconds: Some(60),
        ..setup()
    });
    h.run_for(10);
    h.chars("half an answer");
    h.key(KeyCode::Esc);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::ConfirmQuit));
    assert!(!h.app.needs_ticks(), "nothing runs while asking");
    h.run_for(30);
    h.wait(100);
    h.key(KeyCode::Char('n'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Typing), "going on resumes");
    let s = h.screen(80, 24);
    assert!(s.contains("0:50 left"), "{s}");
    // A pause the candidate made stays paused after a "no".
    h.key(KeyCode::F(3));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('n'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Paused));
    // "Yes" keeps what was typed as the answer, with the time really used.
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('y'));
    let a = h
        .log
        .borrow()
        .iter()
        .find_map(|b| match b {
            RecordBody::MockAnswered(a) => Some((**a).clone()),
            _ => None,
        })
        .expect("the answer is kept");
    assert_eq!(a.answer, "half an answer");
    assert_eq!(a.answer_ms, 10_000);
}

#[test]
fn both_editors_submit_with_ctrl_s_and_the_old_keys() {
    let mut h = started(setup());
    h.chars("first");
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    h.chars("second");
    h.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Debrief));
    let mut d = Harness::new();
    d.key(KeyCode::Char('d'));
    d.key(KeyCode::Char('e'));
    d.chars("draft");
    d.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(d.app.context(), Context::Revealed);
    let mut d = Harness::new();
    d.key(KeyCode::Char('d'));
    d.key(KeyCode::Char('e'));
    d.key(KeyCode::F(2));
    assert_eq!(d.app.context(), Context::Revealed);
}

#[test]
fn a_paste_goes_into_the_editor_whole() {
    let text = "A pasted answer about the stakeholders.\r\n".repeat(1500);
    let mut h = started(setup());
    let t = std::time::Instant::now();
    h.app.paste(&text, h.now);
    let s = h.screen(80, 24);
    assert!(s.contains("The paste was cut"), "{s}");
    submit(&mut h);
    // One insertion, not 60,000 keys: quick even in a debug build on a loaded machine.
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
    let answer = h
        .log
        .borrow()
        .iter()
        .find_map(|b| match b {
            RecordBody::MockAnswered(a) => Some(a.answer.clone()),
            _ => None,
        })
        .expect("an answer");
    // CRLF became LF, and the paste was cut where an answer ends (said on screen).
    let kept = crate::core::text::MAX_ANSWER_CHARS;
    assert_eq!(answer.chars().count(), kept);
    assert_eq!(answer, text.replace("\r\n", "\n")[..kept]);
    // Not typed when no editor is open (the debrief now).
    h.key(KeyCode::F(4));
    h.app.paste("3", h.now);
    assert!(reviews(&h).is_empty());
}
