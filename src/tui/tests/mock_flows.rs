//! Mock-interview flows driven by keys and a fake clock: strict time-out, pause and resume,
//! follow-ups, soft overtime, quitting early, grades, and the remembered setup.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::mock_screens::{setup, started};
use super::support::Harness;
use crate::core::deck::Kind;
use crate::core::grade::Grade;
use crate::core::record::{RecordBody, ReviewMode};
use crate::core::session::{Focus, MockSetup, Timing};
use crate::tui::app::Current;
use crate::tui::keys::Context;
use crate::tui::keys::MockCtx;
use crate::tui::screens::debrief::DebriefState;

fn ctx(h: &Harness) -> Context {
    h.app.context()
}

fn submit(h: &mut Harness) {
    h.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
}

fn debrief(h: &Harness) -> &DebriefState {
    let Current::Debrief(d) = &h.app.current else {
        panic!("not on the debrief")
    };
    d
}

fn kinds(h: &Harness) -> Vec<&'static str> {
    h.log
        .borrow()
        .iter()
        .map(|b| match b {
            RecordBody::MockStarted(_) => "started",
            RecordBody::MockAnswered(_) => "answered",
            RecordBody::MockFollowUp(_) => "follow_up",
            RecordBody::MockFinished(_) => "finished",
            RecordBody::Review(_) => "review",
            RecordBody::Undo { .. } => "undo",
            _ => "other",
        })
        .collect()
}

fn answered(h: &Harness, n: usize) -> crate::core::session::MockAnswered {
    h.log
        .borrow()
        .iter()
        .filter_map(|b| match b {
            RecordBody::MockAnswered(a) => Some((**a).clone()),
            _ => None,
        })
        .nth(n)
        .expect("an answer record")
}

#[test]
fn setup_screen_starts_the_interview() {
    let mut h = Harness::new();
    h.key(KeyCode::Char('m'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Setup));
    h.key(KeyCode::Left); // 4 questions
    h.key(KeyCode::Enter);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Prep));
    assert!(h.screen(80, 24).contains("Question 1 of 4"));
    assert_eq!(kinds(&h), ["started"]);
    assert!(h.app.needs_ticks());
}

#[test]
fn strict_time_out_submits_the_text_typed_so_far() {
    let mut h = started(MockSetup {
        answer_seconds: Some(10),
        ..setup()
    });
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Typing));
    h.chars("restore with a workaround");
    h.run_for(11);
    // The first answer was recorded as it timed out; the second question is up.
    assert_eq!(kinds(&h), ["started", "answered"]);
    let a = answered(&h, 0);
    assert_eq!(a.answer, "restore with a workaround");
    assert_eq!(a.answer_ms, 10_000);
    let s = h.screen(80, 24);
    assert!(s.contains("Question 2 of 2"), "{s}");
    assert!(s.contains("Time is up"), "{s}");
    // A key pressed after the deadline, before any tick, is not typed into the next question.
    h.wait(11);
    h.key(KeyCode::Char('s'));
    assert_eq!(kinds(&h), ["started", "answered", "answered", "finished"]);
    assert_eq!(answered(&h, 1).answer, "");
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Debrief));
    assert!(!h.app.needs_ticks());
}

#[test]
fn pause_stops_the_clock_and_shows_in_the_debrief() {
    let mut h = started(setup());
    h.run_for(10);
    h.key_mod(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Paused));
    assert!(!h.app.needs_ticks(), "a paused clock does not tick");
    h.wait(100);
    assert!(h.screen(80, 24).contains("0:50 left (paused)"));
    h.chars("xyz");
    h.key(KeyCode::Char('p'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Typing));
    h.run_for(5);
    assert!(h.screen(80, 24).contains("0:45 left"));
    h.chars("An answer");
    submit(&mut h);
    let a = answered(&h, 0);
    assert_eq!(a.answer, "An answer", "keys while paused are not typed");
    assert_eq!(a.paused_ms, 100_000);
    assert_eq!(a.answer_ms, 15_000);
    h.key(KeyCode::F(4));
    assert!(h.screen(80, 24).contains("(paused 1m 40s)"));
}

#[test]
fn follow_up_has_its_own_shorter_clock() {
    let mut h = started(MockSetup {
        focus: Focus::Kind(Kind::Situational),
        follow_ups: true,
        follow_up_seconds: 30,
        ..setup()
    });
    h.chars("I open a major incident.");
    submit(&mut h);
    let s = h.screen(80, 24);
    assert!(s.contains("Follow-up: Who do you call first?"), "{s}");
    assert!(s.contains("Follow-up  0:30 left"), "{s}");
    assert_eq!(
        kinds(&h),
        ["started", "answered"],
        "the main answer is saved before the follow-up is shown"
    );
    assert_eq!(answered(&h, 0).answer, "I open a major incident.");
    h.chars("The incident manager.");
    submit(&mut h);
    assert_eq!(kinds(&h), ["started", "answered", "follow_up", "finished"]);
    let follow_up = h.log.borrow().iter().find_map(|b| match b {
        RecordBody::MockFollowUp(f) => Some((**f).clone()),
        _ => None,
    });
    let joined = answered(&h, 0).join(&follow_up.expect("a follow-up record"));
    assert_eq!(
        joined.and_then(|a| a.follow_up_answer).as_deref(),
        Some("The incident manager.")
    );
    assert!(h.screen(100, 40).contains("The incident manager."));
}

/// Issue 11: a key point ticked by the follow-up answer shows its words, even with nothing
/// typed to the question itself, and unticking it says what the matcher found.
#[test]
fn a_tick_from_the_follow_up_answer_shows_its_words() {
    let mut h = started(MockSetup {
        focus: Focus::Kind(Kind::Situational),
        follow_ups: true,
        ..setup()
    });
    submit(&mut h); // nothing typed to the question
    h.chars("We run a blameless review afterwards.");
    submit(&mut h);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Debrief));
    let s = h.screen(100, 60);
    assert!(s.contains("[x] Runs a blameless review afterwards"), "{s}");
    assert!(
        s.contains("matched \"blameless\" in the follow-up answer"),
        "{s}"
    );
    for _ in 0..4 {
        h.key(KeyCode::Tab);
    }
    h.key(KeyCode::Char(' '));
    let s = h.screen(100, 60);
    assert!(s.contains("[ ] Runs a blameless review afterwards"), "{s}");
    assert!(
        s.contains("unticked by you (the matcher found \"blameless\" in")
            && s.contains("    the follow-up answer)"),
        "{s}"
    );
}

#[test]
fn soft_timing_counts_overtime() {
    let mut h = started(MockSetup {
        timing: Timing::Soft,
        answer_seconds: Some(10),
        ..setup()
    });
    h.run_for(15);
    let s = h.screen(80, 24);
    assert!(s.contains("+0:05 over"), "{s}");
    assert!(s.contains("overtime"), "{s}");
    h.chars("late");
    submit(&mut h);
    assert_eq!(answered(&h, 0).overtime_ms, 5_000);
}

#[test]
fn quitting_early_asks_first_and_keeps_the_answers() {
    let mut h = started(setup());
    h.chars("First answer");
    submit(&mut h);
    h.chars("half of the second");
    h.key(KeyCode::Esc);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::ConfirmQuit));
    assert!(h.screen(80, 24).contains("End the interview now?"));
    h.key(KeyCode::Char('n'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Typing));
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('y'));
    assert_eq!(
        kinds(&h),
        ["started", "answered", "answered", "finished"],
        "the text typed so far is kept"
    );
    assert_eq!(answered(&h, 1).answer, "half of the second");
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Debrief));
}

#[test]
fn quitting_before_any_answer_shows_an_empty_summary() {
    let mut h = started(MockSetup {
        prep_seconds: 30,
        ..setup()
    });
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Enter);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary));
    assert!(h.screen(80, 24).contains("ended early"));
    h.key(KeyCode::Enter);
    assert_eq!(ctx(&h), Context::Home);
}

#[test]
fn grades_are_recorded_as_mock_reviews_and_can_be_changed() {
    let mut h = started(MockSetup {
        focus: Focus::Kind(Kind::Situational),
        ..setup()
    });
    h.chars("An answer");
    submit(&mut h);
    let before = h.log.borrow().len();
    h.key(KeyCode::Char(' ')); // tick the first key point by hand
    assert!(debrief(&h).debrief.items[0].checklist[0]);
    assert_eq!(debrief(&h).debrief.items[0].suggested_grade(), Grade::Again);
    h.key(KeyCode::Char('3'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary), "grading moves on");
    h.key(KeyCode::Char('b'));
    h.key(KeyCode::Enter); // the grade recorded: just moves on
    h.key(KeyCode::Char('b'));
    h.key(KeyCode::Char('2'));
    h.key(KeyCode::Char('2'));
    let log = h.log.borrow();
    // The ticks and grades shown, as they change: the hand tick, then with each grade.
    let verdicts: Vec<_> = log[before..]
        .iter()
        .filter_map(|b| match b {
            RecordBody::MockDebriefed(d) => Some((d.checklist[0], d.grade)),
            _ => None,
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            (true, None),
            (true, Some(Grade::Good)),
            (true, Some(Grade::Hard))
        ]
    );
    let new: Vec<_> = log[before..]
        .iter()
        .filter(|b| !matches!(b, RecordBody::MockDebriefed(_)))
        .collect();
    assert_eq!(new.len(), 3, "{new:?}");
    let RecordBody::Review(r) = new[0] else {
        panic!("{new:?}")
    };
    assert_eq!((r.grade, r.mode), (Grade::Good, ReviewMode::Mock));
    assert!(matches!(new[1], RecordBody::Undo { .. }));
    assert!(matches!(new[2], RecordBody::Review(r) if r.grade == Grade::Hard));
}

#[test]
fn enter_records_the_suggested_grade_for_each_question() {
    let mut h = started(setup());
    h.chars("An answer");
    submit(&mut h);
    h.chars("Another");
    submit(&mut h);
    let before = h.log.borrow().len();
    h.key(KeyCode::Enter);
    assert_eq!(debrief(&h).pos, 1, "grading moves on");
    h.key(KeyCode::Enter);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary));
    // A review and the verdict (ticks and grade) for each.
    assert_eq!(h.log.borrow().len(), before + 4);
    assert!(h.screen(80, 24).contains("Grades recorded: 2 of 2"));
}

#[test]
fn a_failed_write_is_retried_before_the_next() {
    let mut h = started(setup());
    h.fail.set(true);
    h.chars("kept");
    submit(&mut h);
    assert!(h.screen(80, 24).contains("Not saved yet"));
    h.fail.set(false);
    submit(&mut h);
    assert_eq!(kinds(&h), ["started", "answered", "answered", "finished"]);
    assert_eq!(answered(&h, 0).answer, "kept");
}

#[test]
fn the_setup_is_remembered_when_the_interview_starts() {
    let dir = tempfile::tempdir().unwrap();
    let home = crate::store::paths::Home::at(dir.path());
    let utc = chrono::FixedOffset::east_opt(0).unwrap();
    let log_dir = tempfile::tempdir().unwrap();
    let (log, _) = crate::store::log::StateLog::open(log_dir.path().join("state.jsonl")).unwrap();
    let remembered = MockSetup {
        questions: 3,
        ..MockSetup::default()
    };
    let study = crate::study::LogStudy::new(
        log,
        vec![],
        crate::core::schedule::SchedulerConfig::default(),
        utc,
    )
    .with_mock_setup(home.clone(), remembered);
    let mut app = crate::tui::app::App::new(
        vec![super::support::deck()],
        Box::new(study),
        crate::tui::theme::Theme::plain(),
        super::support::t0(),
    );
    let key = |c| ratatui::crossterm::event::KeyEvent::new(c, KeyModifiers::NONE);
    app.handle_key(key(KeyCode::Char('m')), super::support::t0());
    app.handle_key(key(KeyCode::Right), super::support::t0());
    app.handle_key(key(KeyCode::Enter), super::support::t0());
    let saved = crate::store::mock_setup::load_mock_setup(&home)
        .unwrap()
        .unwrap();
    assert_eq!(saved.questions, 4);
    assert_eq!(saved.seed, None);
}

#[test]
fn unsaved_records_keep_the_user_on_the_summary_until_saved() {
    let mut h = started(setup());
    h.fail.set(true);
    h.chars("kept");
    submit(&mut h);
    h.chars("also kept");
    submit(&mut h);
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Debrief));
    h.key(KeyCode::Char('q')); // the summary
    h.key(KeyCode::Enter); // home: first asked about the ungraded questions
    assert_eq!(ctx(&h), Context::Mock(MockCtx::ConfirmLeave));
    h.key(KeyCode::Char('y')); // leave them ungraded: refused, the records are not saved
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary));
    let screen = h.screen(80, 24);
    assert!(screen.contains("not saved"), "{screen}");
    h.fail.set(false);
    h.key(KeyCode::Enter); // tried again: saved, home
    assert_eq!(ctx(&h), Context::Home);
    assert_eq!(kinds(&h), ["started", "answered", "answered", "finished"]);
    assert_eq!(answered(&h, 1).answer, "also kept");
}

#[test]
fn unsaved_records_are_discarded_only_when_asked_twice() {
    let mut h = started(setup());
    h.fail.set(true);
    submit(&mut h);
    submit(&mut h);
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('D'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary), "asks first");
    assert!(h.screen(80, 24).contains("Press D again"));
    h.key(KeyCode::Char('b')); // any other key keeps them
    h.key(KeyCode::Char('s'));
    h.key(KeyCode::Char('D'));
    assert_eq!(ctx(&h), Context::Mock(MockCtx::Summary));
    h.key(KeyCode::Char('D'));
    assert_eq!(ctx(&h), Context::Home);
    assert_eq!(h.app.unsaved_count(), 0);
    assert_eq!(kinds(&h), ["started"], "nothing after the start was saved");
}

#[test]
fn ctrl_c_retries_unsaved_records_and_asks_before_dropping_them() {
    let mut h = started(setup());
    h.fail.set(true);
    h.chars("kept");
    submit(&mut h);
    h.key_mod(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!h.app.should_quit(), "asks first");
    assert!(h.screen(80, 24).contains("Ctrl-C again"));
    h.key(KeyCode::Char('x')); // typed into the answer: stays, disarms
    h.key_mod(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!h.app.should_quit(), "asks again");
    h.fail.set(false);
    h.key_mod(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(h.app.should_quit(), "saved on the retry, then quits");
    assert_eq!(kinds(&h), ["started", "answered"]);
    assert_eq!(answered(&h, 0).answer, "kept");

    let mut h = started(setup());
    h.fail.set(true);
    submit(&mut h);
    h.key_mod(KeyCode::Char('c'), KeyModifiers::CONTROL);
    h.key_mod(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(h.app.should_quit(), "the second Ctrl-C quits without them");
}

#[test]
fn a_grade_change_whose_second_write_fails_shows_no_grade() {
    let mut h = started(MockSetup {
        focus: Focus::Kind(Kind::Situational),
        ..setup()
    });
    h.chars("An answer");
    submit(&mut h);
    h.key(KeyCode::Char('3'));
    h.key(KeyCode::Char('b'));
    assert_eq!(debrief(&h).debrief.items[0].confirmed, Some(Grade::Good));
    h.fail_after.set(Some(1)); // the Undo is written, the new Review is not
    h.key(KeyCode::Char('2'));
    assert_eq!(kinds(&h).last(), Some(&"undo"));
    let d = debrief(&h);
    assert_eq!(d.recorded[0], None);
    assert_eq!(d.debrief.items[0].confirmed, None, "the old grade is gone");
    let screen = h.screen(80, 24);
    assert!(screen.contains("taken back"), "{screen}");
    assert!(screen.contains("Suggested"), "{screen}");
}
