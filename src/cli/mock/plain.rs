//! The line-mode mock interview, for screen readers and scripts: plain lines out, lines in.
//!
//! Drives the interview through the study layer's [`MockDriver`] (the app's driver too) with
//! the clock the caller injects (the binary passes the system clock, tests a fake one): each
//! record is written as the state machine emits it, before the next prompt, so a crash
//! mid-interview keeps every finished answer. A record storage refuses is queued and tried
//! again at the next write, as in the app; what is still unsaved at the end is reported and
//! the exit status says so.
//!
//! Input: an answer is the lines typed until a line holding only `.`; `/skip` skips the
//! question (or the follow-up), `/quit` ends the interview; end of input ends it too, keeping
//! the lines typed so far. A blocking read cannot be interrupted, so the clock is looked at
//! after each line: with strict timing, the line that arrives after the limit is not kept and
//! the answer is closed there (its time is the limit).

use std::io::{BufRead, Write};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use crate::core::ids::InterviewId;
use crate::core::session::Ending;
use crate::core::session::debrief_text::duration;
use crate::core::session::{
    AnswerMode, Effect, Event, MockInterview, MockQuestion, MockSetup, Phase, Timing,
};
use crate::core::text::{sanitize, sanitize_line};
use crate::study::{MockDriver, MockUpdate, Pending, Study};

/// How a line-mode interview went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlainOutcome {
    pub interview: InterviewId,
    pub ending: Ending,
    /// Questions with a debrief entry (answered or skipped).
    pub reached: usize,
    /// Grades confirmed and recorded.
    pub graded: usize,
    /// Records storage had still not saved at the end.
    pub unsaved: usize,
}

/// Whether the line typed last is part of the answer: a line finished after a strict clock ran
/// out is not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LastLine {
    Kept,
    DroppedLate,
}

/// What follows a submitted answer: the next phase, or the end of an interview ended early
/// (`/quit` or the end of input with lines typed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Then {
    GoOn,
    EndEarly,
}

/// The state of one line-mode run; the debrief borrows it too.
pub(super) struct Plain<'a, R, W> {
    pub input: R,
    pub out: W,
    pub clock: &'a dyn Fn() -> DateTime<Utc>,
    pub study: &'a mut dyn Study,
    /// Records storage refused, tried again at the next write.
    pub pending: Pending,
    driver: MockDriver,
    /// The live deadline, as last announced by the machine.
    deadline: Option<DateTime<Utc>>,
    /// A line typed during the prep time: the answer's first line.
    carry: Option<String>,
    /// The full answer instructions are given once.
    instructed: bool,
    pub eof: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Command {
    Skip,
    Quit,
}

fn command(line: &str) -> Option<Command> {
    match line.trim() {
        "/skip" => Some(Command::Skip),
        "/quit" => Some(Command::Quit),
        _ => None,
    }
}

impl<'a, R: BufRead, W: Write> Plain<'a, R, W> {
    /// Starts the interview on `questions` (from `study::prepare_mock`).
    pub fn start(
        input: R,
        output: W,
        clock: &'a dyn Fn() -> DateTime<Utc>,
        setup: MockSetup,
        questions: Vec<MockQuestion>,
        study: &'a mut dyn Study,
    ) -> anyhow::Result<Plain<'a, R, W>> {
        let now = clock();
        let mut pending = Pending::default();
        let (driver, updates) = MockDriver::start(study, &mut pending, setup, questions, now);
        let mut p = Plain {
            input,
            out: output,
            clock,
            study,
            pending,
            driver,
            deadline: None,
            carry: None,
            instructed: false,
            eof: false,
        };
        p.intro()?;
        p.apply(updates)?;
        Ok(p)
    }

    /// Runs the interview to its end (the debrief comes after).
    pub fn interview(&mut self) -> anyhow::Result<()> {
        while !self.m().is_done() {
            match self.m().phase() {
                Phase::Prep => self.prep()?,
                Phase::Answer | Phase::FollowUp => self.answer()?,
                Phase::Done => {}
            }
        }
        Ok(())
    }
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    pub fn m(&self) -> &MockInterview {
        self.driver.interview()
    }

    /// Tries the records storage refused once more; reports what is still unsaved.
    pub fn flush_unsaved(&mut self) -> anyhow::Result<usize> {
        let now = (self.clock)();
        if let Err(e) = self.pending.flush(self.study, now) {
            let n = self.pending.len();
            writeln!(
                self.out,
                "\n{n} record(s) of this interview could not be saved: {}.",
                sanitize_line(&e.to_string())
            )?;
        }
        Ok(self.pending.len())
    }

    /// The next line without its line ending; `None` at end of input.
    pub fn read_line(&mut self) -> anyhow::Result<Option<String>> {
        self.out.flush()?;
        if self.eof {
            return Ok(None);
        }
        let line = crate::cli::input::read_line(&mut self.input)?;
        self.eof = line.is_none();
        Ok(line)
    }

    pub fn prompt(&mut self) -> anyhow::Result<()> {
        write!(self.out, "> ")?;
        Ok(())
    }

    fn intro(&mut self) -> anyhow::Result<()> {
        let s = self.m().setup();
        let n = self.m().questions().len();
        let mut decks: Vec<&str> = Vec::new();
        for q in self.m().questions() {
            if !decks.contains(&q.key.deck.as_str()) {
                decks.push(q.key.deck.as_str());
            }
        }
        writeln!(
            self.out,
            "Mock interview: {n} question{} from {}, {} answers, {} timing, follow-ups {}.",
            if n == 1 { "" } else { "s" },
            sanitize_line(&decks.join(", ")),
            match s.mode {
                AnswerMode::Typed => "typed",
                AnswerMode::Spoken => "spoken",
            },
            match s.timing {
                Timing::Strict => "strict",
                Timing::Soft => "soft",
            },
            if s.follow_ups { "on" } else { "off" }
        )?;
        writeln!(
            self.out,
            "Type /skip to skip a question, /quit to end the interview (answers so far are kept)."
        )?;
        Ok(())
    }

    /// Feeds `event` to the interview; returns the session's effects (records excepted) after
    /// printing what they ask for.
    fn send(&mut self, event: Event, now: DateTime<Utc>) -> anyhow::Result<Vec<Effect>> {
        let updates = self
            .driver
            .handle(self.study, &mut self.pending, event, now);
        let fx = updates
            .iter()
            .filter_map(|u| match u {
                MockUpdate::Session(e) => Some(e.clone()),
                MockUpdate::NotSaved(_) => None,
            })
            .collect();
        self.apply(updates)?;
        Ok(fx)
    }

    /// Prints what the driver did, in order.
    fn apply(&mut self, updates: Vec<MockUpdate>) -> anyhow::Result<()> {
        for u in updates {
            let e = match u {
                MockUpdate::Session(e) => e,
                MockUpdate::NotSaved(e) => {
                    writeln!(
                        self.out,
                        "(Not saved yet: {}. It will be tried again at the next step.)",
                        sanitize_line(&e.to_string())
                    )?;
                    continue;
                }
            };
            match e {
                Effect::ShowQuestion { index } => self.show_question(index)?,
                Effect::AnswerStarted { index } => self.answer_started(index)?,
                Effect::ShowFollowUp { text, .. } => {
                    let limit = duration(self.m().setup().follow_up_time());
                    writeln!(self.out, "\nFollow-up: {}", sanitize(text.trim()))?;
                    writeln!(self.out, "Answer time: {limit}.")?;
                }
                Effect::StartTimer { deadline, .. } => self.deadline = Some(deadline),
                Effect::Overtime { .. } => writeln!(
                    self.out,
                    "(Time is up; you are over time now. Finish when you are ready: the overtime is counted.)"
                )?,
                Effect::TimeUp { .. } | Effect::Record(_) => {}
                Effect::Finished { ending } => {
                    let reached = self.m().answers().len();
                    let n = self.m().questions().len();
                    if ending == Ending::Completed {
                        writeln!(self.out, "\nThe interview is over.")?;
                    } else if reached == n {
                        writeln!(
                            self.out,
                            "\nThe interview ended early, on its last question; your answers are kept."
                        )?;
                    } else {
                        writeln!(
                            self.out,
                            "\nThe interview ended early: {reached} of {n} questions done; your answers are kept."
                        )?;
                    }
                }
            }
        }
        Ok(())
    }

    fn show_question(&mut self, index: usize) -> anyhow::Result<()> {
        let n = self.m().questions().len();
        let prep = self.m().setup().prep_time();
        let q = &self.m().questions()[index];
        let category = sanitize_line(&q.category_title);
        let question = sanitize(q.question.trim());
        writeln!(self.out, "\nQuestion {} of {n}", index + 1)?;
        writeln!(self.out, "Category: {category}")?;
        writeln!(self.out, "{question}")?;
        if !prep.is_zero() {
            let prep = duration(prep);
            writeln!(
                self.out,
                "Prep time: {prep}. Press Enter when you are ready to answer; the answer clock starts by itself after {prep}."
            )?;
        }
        Ok(())
    }

    fn answer_started(&mut self, index: usize) -> anyhow::Result<()> {
        let limit = duration(self.m().questions()[index].answer_time);
        let s = self.m().setup();
        let how = match (s.mode, self.instructed) {
            (AnswerMode::Spoken, _) => "Answer aloud now; press Enter when you are done.",
            (AnswerMode::Typed, true) => "End your answer with a line holding only \".\".",
            (AnswerMode::Typed, false) => match s.timing {
                Timing::Strict => {
                    "Type your answer and end it with a line holding only \".\". Strict timing: \
                     a line finished after the time is up is not kept, so press Enter after each sentence."
                }
                Timing::Soft => {
                    "Type your answer and end it with a line holding only \".\". Soft timing: \
                     you may go over; the overtime is counted."
                }
            },
        };
        self.instructed = true;
        writeln!(self.out, "Answer time: {limit}. {how}")?;
        Ok(())
    }

    fn prep(&mut self) -> anyhow::Result<()> {
        self.prompt()?;
        let line = self.read_line()?;
        let now = (self.clock)();
        match line {
            None => {
                self.input_ended()?;
                self.send(Event::Quit, now)?;
            }
            Some(l) => match command(&l) {
                Some(Command::Quit) => drop(self.send(Event::Quit, now)?),
                Some(Command::Skip) => drop(self.send(Event::Skip, now)?),
                None => {
                    let typed = self.m().setup().mode == AnswerMode::Typed;
                    let fx = self.send(Event::StartAnswer, now)?;
                    if fx.iter().any(|e| matches!(e, Effect::TimeUp { .. })) {
                        // Strict timing: prep and answer time both ran out before Enter.
                        return self.submit(Vec::new(), now, LastLine::Kept, Then::GoOn);
                    }
                    if typed && !l.trim().is_empty() && l.trim() != "." {
                        self.carry = Some(l);
                    }
                    let left = self.m().clock(now).map(|view| {
                        let left = view.remaining.to_std().unwrap_or_default();
                        (left, view.limit.saturating_sub(left))
                    });
                    if let Some((left, used)) = left
                        && used >= Duration::from_secs(1)
                    {
                        let left = duration(left);
                        writeln!(
                            self.out,
                            "The answer clock started when the prep time ended: {left} left."
                        )?;
                    }
                }
            },
        }
        Ok(())
    }

    fn input_ended(&mut self) -> anyhow::Result<()> {
        writeln!(self.out, "\nInput ended.")?;
        Ok(())
    }

    /// Reads the answer (or the follow-up's) and submits it.
    fn answer(&mut self) -> anyhow::Result<()> {
        let spoken = self.m().setup().mode == AnswerMode::Spoken;
        let mut lines: Vec<String> = self.carry.take().into_iter().collect();
        loop {
            self.prompt()?;
            let line = self.read_line()?;
            let now = (self.clock)();
            let quit = match &line {
                None => {
                    self.input_ended()?;
                    true
                }
                Some(l) => command(l) == Some(Command::Quit),
            };
            if quit {
                // The lines typed so far are the answer; the interview ended early, on its
                // last question too.
                if !spoken && !lines.is_empty() {
                    return self.submit(lines, now, LastLine::Kept, Then::EndEarly);
                }
                return self.send(Event::Quit, now).map(drop);
            }
            let Some(line) = line else {
                return Ok(());
            };
            if command(&line) == Some(Command::Skip) {
                return self.send(Event::Skip, now).map(drop);
            }
            if spoken || line.trim() == "." {
                return self.submit(lines, now, LastLine::Kept, Then::GoOn);
            }
            let fx = self.send(Event::Tick, now)?;
            if fx.iter().any(|e| matches!(e, Effect::TimeUp { .. })) {
                // Strict timing ran out while this line was typed.
                let last = if self.deadline.is_some_and(|d| now > d) {
                    LastLine::DroppedLate
                } else {
                    lines.push(line);
                    LastLine::Kept
                };
                return self.submit(lines, now, last, Then::GoOn);
            }
            lines.push(line);
        }
    }

    /// Reports the time used and submits `lines` at `now`, then goes on or ends the interview.
    fn submit(
        &mut self,
        lines: Vec<String>,
        now: DateTime<Utc>,
        last: LastLine,
        then: Then,
    ) -> anyhow::Result<()> {
        if let Some(view) = self.m().clock(now) {
            let limit = view.limit;
            let remaining = view.remaining;
            let used = (TimeDelta::from_std(limit).unwrap_or(TimeDelta::MAX) - remaining)
                .to_std()
                .unwrap_or_default();
            let what = if view.phase == Phase::FollowUp {
                "Follow-up answered"
            } else {
                "Answered"
            };
            let mut msg = format!("{what} in {} of {}", duration(used), duration(limit));
            if remaining < TimeDelta::zero() {
                let over = remaining.abs().to_std().unwrap_or_default();
                msg.push_str(&format!("; {} over", duration(over)));
            } else if remaining.is_zero() && self.m().setup().timing == Timing::Strict {
                msg = format!(
                    "Time is up: the answer was cut at the {} limit",
                    duration(limit)
                );
                if last == LastLine::DroppedLate {
                    msg.push_str("; the line finished after the limit was not kept");
                }
            }
            writeln!(self.out, "{msg}.")?;
        }
        let text = lines.join("\n");
        if let Some(note) = crate::cli::input::too_long_note(&text) {
            writeln!(self.out, "{note}")?;
        }
        let event = match then {
            Then::GoOn => Event::Submit { text },
            Then::EndEarly => Event::EndEarly { text },
        };
        self.send(event, now)?;
        Ok(())
    }
}

#[cfg(test)]
#[path = "plain_tests.rs"]
mod tests;
