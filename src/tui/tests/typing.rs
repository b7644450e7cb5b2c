//! Typing that arrives faster than it is read (a paste from a terminal without bracketed
//! paste: one key per character), through the real event loop with a scripted host.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::mock_screens::{setup, started};
use super::support::Harness;
use crate::core::deck::Deck;
use crate::core::record::RecordBody;
use crate::core::session::MockSetup;
use crate::core::text::MAX_ANSWER_CHARS;
use crate::tui::runner::{Host, run};

/// Hands out its events as if all were already waiting; each read takes `step` of the clock.
/// When they run out, the loop ends with an error (the test reads the app afterwards).
struct Typist {
    now: DateTime<Utc>,
    step: Duration,
    events: VecDeque<Event>,
    reads: usize,
}

impl Typist {
    fn new(now: DateTime<Utc>, step: Duration, events: Vec<Event>) -> Typist {
        Typist {
            now,
            step,
            events: events.into(),
            reads: 0,
        }
    }
}

impl Host for Typist {
    fn now(&mut self) -> DateTime<Utc> {
        self.now
    }
    fn next_event(&mut self, _: Option<std::time::Duration>) -> std::io::Result<Option<Event>> {
        self.reads += 1;
        self.now += self.step;
        match self.events.pop_front() {
            Some(e) => Ok(Some(e)),
            None => Err(std::io::Error::other("no more input")),
        }
    }
    fn input_waiting(&mut self) -> std::io::Result<bool> {
        Ok(!self.events.is_empty())
    }
    fn edit(&mut self, _: &std::path::Path, _: usize) -> anyhow::Result<()> {
        Ok(())
    }
    fn reload(&mut self) -> (Vec<Deck>, Vec<crate::core::deck::DeckProblem>) {
        (vec![], vec![])
    }
}

fn chars(s: &str) -> Vec<Event> {
    s.chars()
        .map(|c| match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        })
        .map(|code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
        .collect()
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Runs the loop over `events` until they run out; the answers recorded, in order.
fn type_in(h: &mut Harness, step: Duration, events: Vec<Event>) -> (Vec<String>, String) {
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut host = Typist::new(h.now, step, events);
    let end = run(&mut term, &mut h.app, &mut host);
    assert!(end.is_err(), "the loop ends when the input runs out");
    h.now = host.now;
    let answers = h
        .log
        .borrow()
        .iter()
        .filter_map(|b| match b {
            RecordBody::MockAnswered(a) => Some(a.answer.clone()),
            _ => None,
        })
        .collect();
    (answers, term.backend().to_string())
}

#[test]
fn a_run_of_typed_keys_goes_in_whole_with_its_line_breaks_and_capitals() {
    let mut h = started(setup());
    let typed = "I Restored the service first.\nThen we found the cause: a full disk.";
    let mut events = chars(typed);
    events.push(ctrl('s'));
    let (answers, _) = type_in(&mut h, Duration::milliseconds(1), events);
    assert_eq!(answers, [typed]);
}

#[test]
fn typing_longer_than_an_answer_keeps_is_cut_with_a_notice() {
    let mut h = started(setup());
    let long: String = "word ".repeat(MAX_ANSWER_CHARS / 5 + 2_000);
    let (_, screen) = type_in(&mut h, Duration::zero(), chars(&long));
    assert!(screen.contains("The paste was cut"), "{screen}");
    h.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let answers: Vec<usize> = h
        .log
        .borrow()
        .iter()
        .filter_map(|b| match b {
            RecordBody::MockAnswered(a) => Some(a.answer.chars().count()),
            _ => None,
        })
        .collect();
    assert_eq!(answers.len(), 1);
    assert!(answers[0] <= MAX_ANSWER_CHARS && answers[0] > MAX_ANSWER_CHARS - 10);
}

#[test]
fn a_bound_key_in_the_run_ends_it_and_what_follows_goes_to_the_next_question() {
    let mut h = started(setup());
    let mut events = chars("first answer");
    events.push(ctrl('s'));
    events.extend(chars("second answer"));
    events.push(ctrl('s'));
    let (answers, _) = type_in(&mut h, Duration::milliseconds(1), events);
    assert_eq!(answers, ["first answer", "second answer"]);
}

#[test]
fn typing_still_waiting_when_the_clock_runs_out_does_not_reach_the_next_question() {
    let mut h = started(MockSetup {
        answer_seconds: Some(10),
        ..setup()
    });
    let mut events = chars("typed in time");
    // The clock runs out while the rest of the paste is still arriving.
    events.push(Event::Resize(100, 30));
    let (answers, _) = type_in(&mut h, Duration::milliseconds(1), events);
    assert_eq!(answers, Vec::<String>::new());
    h.wait(11);
    let late = chars(&"late ".repeat(400));
    let (answers, screen) = type_in(&mut h, Duration::milliseconds(1), late);
    assert_eq!(answers, ["typed in time"]);
    assert!(screen.contains("Question 2 of 2"), "{screen}");
    assert!(!screen.contains("late late"), "{screen}");
}
