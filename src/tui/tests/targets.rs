//! Interview targets in the app: the targets screen opens on the form when there is none,
//! a pasted description and a date make a target whose categories, requirements, plan and
//! brief show at once; bad input is refused with nothing written; home shows the countdown;
//! drills and mock interviews start from the screen. The data folder is a temporary one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{Duration, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::support::{Harness, MemoryJournal, deck, sweep, t0};
use crate::core::schedule::{NewOrder, SchedulerConfig};
use crate::study::LogStudy;
use crate::tui::app::{App, Current};
use crate::tui::theme::Theme;

const POSTING: &str = "IT Operations Manager\n\
Key responsibilities\n\
- Lead the response to a major outage and run the incident bridge\n\
- Plan a change freeze around peak trading and own change control\n\
- Coach and manage a team of six, including handling a low performer\n\
What we offer\n\
- 25 days' holiday and a pension\n";

/// An app over the test deck whose data folder is `dir`.
fn with_home(dir: &std::path::Path) -> Harness {
    let mut h = Harness::new();
    let journal = MemoryJournal {
        written: Rc::new(Cell::new(0)),
        fail: Rc::new(Cell::new(false)),
        fail_after: Rc::new(Cell::new(None)),
        log: Rc::new(RefCell::new(Vec::new())),
    };
    let config = SchedulerConfig {
        new_order: NewOrder::File,
        ..SchedulerConfig::default()
    };
    let utc = FixedOffset::east_opt(0).unwrap();
    let study =
        LogStudy::new(journal, vec![], config, utc).with_home(crate::store::paths::Home::at(dir));
    h.app = App::new(vec![deck()], Box::new(study), Theme::colored(), t0());
    h
}

fn ctrl_s(h: &mut Harness) {
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
}

/// Fills the form: name, date, company, role, notes, then pastes the description.
fn fill(h: &mut Harness, name: &str, date: &str, job: &str) {
    h.chars(name);
    h.key(KeyCode::Tab);
    h.chars(date);
    h.key(KeyCode::Tab);
    h.chars("Acme");
    h.key(KeyCode::Tab);
    h.chars("IT Manager");
    h.key(KeyCode::Tab);
    h.chars("Ask about on-call?");
    h.key(KeyCode::Tab);
    h.app.paste(job, h.now);
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("targets"))
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_pasted_description_and_a_date_make_a_target_shown_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_home(dir.path());
    h.key(KeyCode::Char('t'));
    // No target yet: the form is open.
    let s = h.screen(80, 24);
    assert!(
        s.contains("New interview target") && s.contains("Job description"),
        "{s}"
    );
    insta::assert_snapshot!("target_form_empty_80x24", s);
    let date = (t0() + Duration::days(10)).format("%Y-%m-%d").to_string();
    fill(&mut h, "acme", &date, POSTING);
    ctrl_s(&mut h);
    assert_eq!(files(dir.path()), vec!["acme.toml"]);
    let s = h.screen(100, 30);
    assert!(s.contains("Added target acme"), "{s}");
    assert!(s.contains("acme") && s.contains("(in 10 days)"), "{s}");
    assert!(s.contains("Incident management"), "{s}");
    assert!(s.contains("Requirements:"), "{s}");
    insta::assert_snapshot!("targets_job_100x30", s);
    // The requirements with the cards answering them.
    h.key(KeyCode::Tab);
    let s = h.screen(100, 30);
    assert!(s.contains("major outage"), "{s}");
    assert!(s.contains("card: A major outage hits"), "{s}");
    // The plan: days left, quotas, per-category recall on the day.
    h.key(KeyCode::Tab);
    let s = h.screen(100, 30);
    assert!(s.contains("Interview in 10 days"), "{s}");
    assert!(s.contains("recall*") && s.contains("Each day:"), "{s}");
    // The brief, with the notes' question for the panel.
    h.key(KeyCode::Tab);
    let s = h.screen(100, 40);
    assert!(s.contains("# Interview brief: IT Manager at Acme"), "{s}");
    assert!(s.contains("Ask about on-call?"), "{s}");
    // Home: the countdown and today's part of the plan.
    h.key(KeyCode::Char('q'));
    let s = h.screen(100, 30);
    assert!(
        s.contains("Interview in 10 days: IT Manager at Acme"),
        "{s}"
    );
    assert!(s.contains("Today's plan:"), "{s}");
    sweep(h);
}

#[test]
fn bad_input_is_refused_with_a_message_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_home(dir.path());
    h.key(KeyCode::Char('t'));
    let past = (t0() - Duration::days(1)).format("%Y-%m-%d").to_string();
    fill(&mut h, "acme", &past, POSTING);
    ctrl_s(&mut h);
    let s = h.screen(100, 30);
    assert!(
        s.contains("in the past") && s.contains("nothing was written"),
        "{s}"
    );
    assert!(files(dir.path()).is_empty());
    // The form stays as typed: fix the date and save.
    h.key(KeyCode::BackTab);
    h.key(KeyCode::BackTab);
    h.key(KeyCode::BackTab);
    h.key(KeyCode::BackTab);
    for _ in 0..10 {
        h.key(KeyCode::Backspace);
    }
    h.chars("2026-04-01");
    ctrl_s(&mut h);
    assert_eq!(files(dir.path()), vec!["acme.toml"]);
    let before = std::fs::read(dir.path().join("targets/acme.toml")).unwrap();
    // A name that exists, an empty and a binary description, a bad name.
    for (name, job, says) in [
        ("acme", POSTING, "exists"),
        ("other", "  \n\n ", "empty"),
        ("other", "PK\u{0}\u{0}\u{3}\u{4}binary", "not text"),
        ("Bad Name", POSTING, "name"),
    ] {
        h.key(KeyCode::Char('a'));
        fill(&mut h, name, "", job);
        ctrl_s(&mut h);
        let s = h.screen(100, 30);
        assert!(s.contains("Not saved") && s.contains(says), "{name}: {s}");
        assert_eq!(files(dir.path()), vec!["acme.toml"]);
        h.key(KeyCode::Esc);
        h.key(KeyCode::Esc);
    }
    // 5 MB pasted: the paste is refused whole, then saving says the description is empty.
    h.key(KeyCode::Char('a'));
    fill(&mut h, "huge", "", &"Run the network. ".repeat(300_000));
    let s = h.screen(100, 30);
    assert!(s.contains("nothing was pasted"), "{s}");
    ctrl_s(&mut h);
    let s = h.screen(100, 30);
    assert!(s.contains("Not saved") && s.contains("empty"), "{s}");
    assert_eq!(files(dir.path()), vec!["acme.toml"]);
    assert_eq!(
        std::fs::read(dir.path().join("targets/acme.toml")).unwrap(),
        before
    );
}

#[test]
fn drill_and_mock_start_from_the_target_and_remove_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_home(dir.path());
    h.key(KeyCode::Char('t'));
    fill(&mut h, "acme", "2026-03-12", POSTING);
    ctrl_s(&mut h);
    h.key(KeyCode::Char('d'));
    assert!(matches!(h.app.current, Current::Drill(_)));
    // Today's plan first: the most relevant new card leads.
    let s = h.screen(100, 30);
    assert!(
        s.contains("major outage") || s.contains("change freeze"),
        "{s}"
    );
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('t'));
    h.key(KeyCode::Char('m'));
    assert!(matches!(h.app.current, Current::MockRun(_)));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("targets/mock-target.txt"))
            .unwrap()
            .trim(),
        "acme"
    );
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('t'));
    assert!(matches!(h.app.current, Current::Targets(_)));
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Char('n'));
    assert_eq!(files(dir.path()), vec!["acme.toml", "mock-target.txt"]);
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Char('y'));
    assert_eq!(files(dir.path()), vec!["mock-target.txt"]);
    let s = h.screen(100, 30);
    assert!(s.contains("Removed target acme"), "{s}");
}

#[test]
fn the_mock_setup_remembers_the_target_until_t_drops_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_home(dir.path());
    h.key(KeyCode::Char('t'));
    fill(&mut h, "acme", "2026-03-12", POSTING);
    ctrl_s(&mut h);
    h.key(KeyCode::Char('m'));
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('q'));
    // Home's mock interview: the setup says which job it is for.
    h.key(KeyCode::Char('m'));
    let s = h.screen(100, 30);
    assert!(s.contains("for the job: IT Manager at Acme"), "{s}");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.current, Current::MockRun(_)));
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('m'));
    h.key(KeyCode::Char('T'));
    let s = h.screen(100, 30);
    assert!(!s.contains("for the job"), "{s}");
    assert!(!dir.path().join("targets/mock-target.txt").exists());
    // Forgotten: the next setup asks from the whole bank.
    h.key(KeyCode::Char('q'));
    h.key(KeyCode::Char('m'));
    assert!(!h.screen(100, 30).contains("for the job"));
}

#[test]
fn after_the_day_the_target_is_archived_and_home_shows_no_countdown() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_home(dir.path());
    h.key(KeyCode::Char('t'));
    fill(&mut h, "acme", "2026-03-03", POSTING);
    ctrl_s(&mut h);
    h.key(KeyCode::Char('q'));
    assert!(h.screen(100, 30).contains("Interview tomorrow"));
    // Two days on: archived.
    h.wait(2 * 24 * 3600);
    h.key(KeyCode::Char('t'));
    let s = h.screen(100, 30);
    assert!(s.contains("past (archived)"), "{s}");
    assert!(s.contains("archived and drills follow the normal"), "{s}");
    h.key(KeyCode::Char('q'));
    assert!(!h.screen(100, 30).contains("Interview "));
}

#[test]
fn home_drills_favour_the_next_interview_and_limits_change_from_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_home(dir.path());
    h.key(KeyCode::Char('t'));
    fill(&mut h, "acme", "2026-03-12", POSTING);
    ctrl_s(&mut h);
    // + on the targets screen: one more new card a day, kept in the file, shown in the plan.
    h.key(KeyCode::Char('+'));
    h.key(KeyCode::Char(']'));
    let file = std::fs::read_to_string(dir.path().join("targets/acme.toml")).unwrap();
    assert!(file.contains("new_per_day = 21"), "{file}");
    assert!(file.contains("reviews_per_day = 210"), "{file}");
    let s = h.screen(120, 30);
    assert!(s.contains("Limits: 21 new and 210 reviews a day"), "{s}");
    h.key(KeyCode::Char('q'));
    // Home's drill puts the target first, and says so.
    h.key(KeyCode::Char('d'));
    assert!(matches!(h.app.current, Current::Drill(_)));
    let s = h.screen(100, 30);
    assert!(s.contains("Interview target acme first"), "{s}");
}

#[test]
fn the_next_interview_is_read_after_the_first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_home(dir.path());
    h.key(KeyCode::Char('t'));
    fill(&mut h, "acme", "2026-03-12", POSTING);
    ctrl_s(&mut h);
    // A new start: the first frame does not wait for the job description to be read.
    let mut h = with_home(dir.path());
    assert!(!h.screen(100, 30).contains("Interview in"));
    assert!(h.app.run_deferred(h.now));
    assert!(h.screen(100, 30).contains("Interview in 10 days"));
    assert!(!h.app.run_deferred(h.now));
}
