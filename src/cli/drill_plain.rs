//! `prepdeck drill --plain`: the line-mode drill for screen readers, scripts and tests.
//!
//! Each card: its deck, category and question, then a prompt ending in `> `. Lines typed there
//! are a draft (`/skip`, `/bury`, `/suspend`, `/undo` or a first line `u`, `/quit` act instead); an empty line
//! reveals the key points (ticked where the draft covers them), the guidance, the model answer
//! and the follow-ups. Then the grade prompt: `1`-`4` or `again|hard|good|easy`, `u` undo, `s`
//! skip, `b` bury, `x` suspend, `q` quit. A line beginning `recorded:` is printed only once the
//! grade is durable; every action is confirmed with what `u` would undo, and undo takes back the
//! most recent action whatever it was (the drill session keeps that history). End of input ends
//! the session cleanly. In practice (`--practice`) the grades are kept as practice: the prompt
//! shows no intervals and the confirmation says the due date did not move.

use std::io::{BufRead, Write};

use chrono::{DateTime, Utc};

use super::time_text::local_time as local;
use crate::core::deck::{Deck, find_card};
use crate::core::grade::Grade;
use crate::core::ids::CardKey;
use crate::core::record::RecordBody;
use crate::core::schedule::format_interval;
use crate::core::session::drill::{Event, GradeAs, Phase, Summary};
use crate::core::text::sanitize_line;
use crate::study::{DrillDriver, DrillFilter, DrillUpdate, Study};

/// How a plain drill ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlainDrillOutcome {
    pub summary: Summary,
    /// Cards whose grade storage refused and that were not graded again successfully.
    pub not_recorded: usize,
}

struct Plain<'a, R, W> {
    input: R,
    out: W,
    clock: &'a dyn Fn() -> DateTime<Utc>,
    decks: &'a [Deck],
    study: &'a mut dyn Study,
    driver: DrillDriver,
    /// Cards whose last grade could not be recorded.
    not_recorded: Vec<CardKey>,
}

/// Runs a drill of today's queue (within `filter`) on text input and output.
pub fn run_plain_drill(
    input: impl BufRead,
    out: impl Write,
    clock: &dyn Fn() -> DateTime<Utc>,
    decks: &[Deck],
    study: &mut dyn Study,
    filter: &DrillFilter,
) -> anyhow::Result<PlainDrillOutcome> {
    let now = clock();
    let driver = DrillDriver::start(&*study, decks, filter, now);
    let mut p = Plain {
        input,
        out,
        clock,
        decks,
        study,
        driver,
        not_recorded: Vec::new(),
    };
    if p.driver.session().cards().is_empty() {
        if filter.ahead.is_some() {
            writeln!(
                p.out,
                "Nothing to practise: no card matches (suspended and buried cards are left out)."
            )?;
        } else {
            p.nothing_due(now)?;
        }
        return Ok(PlainDrillOutcome {
            summary: p.driver.session().summary(now),
            not_recorded: 0,
        });
    }
    match filter.ahead {
        Some(GradeAs::Practice) => writeln!(
            p.out,
            "Practice ahead of schedule, weakest first: grades are kept as practice and move no \
             due date."
        )?,
        Some(GradeAs::Review) => writeln!(
            p.out,
            "Ahead of schedule, weakest first: grades count as reviews and reschedule the cards."
        )?,
        None => {}
    }
    p.run()?;
    let summary = p.driver.session().summary((p.clock)());
    p.print_summary(&summary)?;
    let not_recorded = p.not_recorded.len();
    if not_recorded > 0 {
        writeln!(
            p.out,
            "{not_recorded} grade(s) could not be recorded (see the `not recorded:` lines above)."
        )?;
    }
    p.out.flush()?;
    Ok(PlainDrillOutcome {
        summary,
        not_recorded,
    })
}

/// The card a grade record (review or practice) is about.
fn graded_card(body: &RecordBody) -> Option<CardKey> {
    match body {
        RecordBody::Review(r) => Some(CardKey::new(r.deck.as_str(), r.card.as_str())),
        RecordBody::Practice(p) => Some(CardKey::new(p.deck.as_str(), p.card.as_str())),
        _ => None,
    }
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// One line of input without its line ending; `None` at end of input.
    fn read_line(&mut self) -> anyhow::Result<Option<String>> {
        self.out.flush()?;
        Ok(super::input::read_line(&mut self.input)?)
    }

    fn run(&mut self) -> anyhow::Result<()> {
        loop {
            match self.driver.session().phase() {
                Phase::Finished => return Ok(()),
                Phase::Question => self.question()?,
                Phase::Revealed => self.grade_prompt()?,
                // Storage answers synchronously, so the session never waits here.
                Phase::Saving => return Ok(()),
            }
        }
    }

    /// Feeds `event` to the drill through the study layer's driver (the app's too): each
    /// grade is durable before `recorded:` is printed; one storage refuses is reported and
    /// can be given again.
    fn event(&mut self, event: Event) -> anyhow::Result<()> {
        let now = (self.clock)();
        for update in self.driver.handle(self.study, event, now) {
            match update {
                DrillUpdate::Recorded(record) => {
                    if let Some(key) = graded_card(&record.body) {
                        self.not_recorded.retain(|k| *k != key);
                    }
                }
                DrillUpdate::NotRecorded { body, error } => {
                    if let Some(key) = graded_card(&body)
                        && !self.not_recorded.contains(&key)
                    {
                        self.not_recorded.push(key);
                    }
                    writeln!(
                        self.out,
                        "not recorded: {}",
                        sanitize_line(&error.to_string())
                    )?;
                }
                DrillUpdate::Notice(text) => writeln!(self.out, "{text}")?,
                DrillUpdate::Show(_) | DrillUpdate::Finished => {}
            }
        }
        Ok(())
    }

    fn question(&mut self) -> anyhow::Result<()> {
        let Some(card) = self.driver.session().current_card() else {
            return self.event(Event::Finish);
        };
        let key = card.key.clone();
        let (pos, total) = self.driver.session().position();
        let (deck, c) = match find_card(self.decks, &key) {
            Some(found) => found,
            None => return self.event(Event::Skip),
        };
        writeln!(self.out)?;
        self.header(pos, total, deck, c)?;
        writeln!(
            self.out,
            "Type a draft answer if you like; an empty line reveals the answer. /skip, /bury, /suspend, /undo (or u), /quit."
        )?;
        let mut draft: Vec<String> = Vec::new();
        loop {
            write!(self.out, "> ")?;
            let Some(line) = self.read_line()? else {
                return self.event(Event::Finish);
            };
            match line.trim() {
                "" => break,
                "/skip" => return self.act(Event::Skip),
                "/bury" => return self.bury(),
                "/suspend" => return self.act(Event::Suspend),
                "/undo" => return self.undo(),
                // The confirmation just printed offers `u`: a draft of one letter is not an
                // answer, so `u` as the first line undoes, as at the grade prompt.
                "u" if draft.is_empty() => return self.undo(),
                "/quit" => return self.event(Event::Finish),
                _ => draft.push(line),
            }
        }
        let draft = draft.join("\n");
        if let Some(note) = super::input::too_long_note(&draft) {
            writeln!(self.out, "{note}")?;
        }
        self.event(Event::Reveal { draft })?;
        self.reveal(c)
    }

    fn grade_prompt(&mut self) -> anyhow::Result<()> {
        let Some(key) = self.driver.session().current_card().map(|c| c.key.clone()) else {
            return self.event(Event::Finish);
        };
        let now = (self.clock)();
        let practice = self.driver.session().grade_as() == GradeAs::Practice;
        let preview = if practice {
            None
        } else {
            self.study.preview(&key, now)
        };
        let labels: Vec<String> = match preview {
            Some(p) => Grade::ALL
                .iter()
                .zip(p)
                .map(|(g, d)| format!("{} {} ({})", g.number(), g.label(), format_interval(d)))
                .collect(),
            None => Grade::ALL
                .iter()
                .map(|g| format!("{} {}", g.number(), g.label()))
                .collect(),
        };
        let what = if practice {
            "Practice grade (no due date moves)"
        } else {
            "Grade"
        };
        write!(
            self.out,
            "{what}: {}; u undo, s skip, b bury, x suspend, q quit > ",
            labels.join("  ")
        )?;
        let Some(line) = self.read_line()? else {
            return self.event(Event::Finish);
        };
        // The question prompt's `/undo` and friends work here too.
        match line
            .trim()
            .trim_start_matches('/')
            .to_ascii_lowercase()
            .as_str()
        {
            "u" | "undo" => self.undo(),
            "s" | "skip" => self.act(Event::Skip),
            "b" | "bury" => self.bury(),
            "x" | "suspend" => self.act(Event::Suspend),
            "q" | "quit" => self.event(Event::Finish),
            other => match Grade::parse(other) {
                Some(g) => {
                    let before = self.driver.session().position();
                    self.event(Event::Grade(g))?;
                    if self.driver.session().position() != before
                        || self.driver.session().phase() == Phase::Finished
                    {
                        let due = self.study.due(&key);
                        let when = due.map_or_else(
                            || "not scheduled".to_string(),
                            |d| {
                                let rel = d - (self.clock)();
                                let rel = if rel > chrono::Duration::zero() {
                                    format!("in {}", format_interval(rel))
                                } else {
                                    "due now".into()
                                };
                                format!("next due {} ({rel})", local(d))
                            },
                        );
                        let (what, when) = if practice {
                            (" as practice", format!("due date unchanged, {when}"))
                        } else {
                            ("", when)
                        };
                        let undo = self
                            .driver
                            .session()
                            .last_action()
                            .map_or_else(String::new, |a| {
                                format!(" (u: undo {})", a.outcome.undo_label())
                            });
                        writeln!(self.out, "recorded: {}{what}; {when}{undo}", g.label())?;
                    }
                    Ok(())
                }
                None => {
                    writeln!(
                        self.out,
                        "Please answer 1-4 (or again, hard, good, easy), u to undo, s to skip, b to bury, x to suspend or q to quit."
                    )?;
                    Ok(())
                }
            },
        }
    }

    /// Skip, suspend or bury the current card, then confirm it with what `u` would undo.
    fn act(&mut self, event: Event) -> anyhow::Result<()> {
        let before = self.driver.session().last_action();
        self.event(event)?;
        if let Some(last) = self.driver.session().last_action()
            && Some(&last) != before.as_ref()
        {
            writeln!(self.out, "{}", last.confirmation())?;
        }
        Ok(())
    }

    /// Buries the current card until the next study day begins.
    fn bury(&mut self) -> anyhow::Result<()> {
        let until = self.study.next_day_start((self.clock)());
        self.act(Event::Bury { until })
    }

    /// Takes back the most recent action; a card brought back revealed is shown again (one
    /// brought back to its question is shown by the question prompt).
    fn undo(&mut self) -> anyhow::Result<()> {
        let before = self.driver.session().last_action();
        self.event(Event::Undo)?;
        if before.is_some()
            && self.driver.session().phase() == Phase::Revealed
            && let Some(k) = self.driver.session().current_card().map(|c| c.key.clone())
            && let Some((deck, c)) = find_card(self.decks, &k)
        {
            let (pos, total) = self.driver.session().position();
            self.header(pos, total, deck, c)?;
            self.reveal(c)?;
        }
        Ok(())
    }

    /// Whether this is a drill of the story bank (`prepdeck stories drill --plain`).
    fn stories(&self) -> bool {
        !self.decks.is_empty()
            && self
                .decks
                .iter()
                .all(|d| d.id.as_str() == crate::core::stories::STORY_DECK)
    }

    /// What the next-due line is about: "story" or "card".
    fn noun(&self) -> &'static str {
        if self.stories() { "story" } else { "card" }
    }

    /// When the next of the drilled decks' cards (or stories) comes due after `now`, not
    /// suspended: never another deck's card, nor a story after a deck drill. Without the
    /// replayed progress, home's next due (any card) for a deck drill, nothing for stories.
    fn next_due(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let Some(progress) = self.study.replayed() else {
            return if self.stories() {
                None
            } else {
                self.study.overview(self.decks, now).next_due
            };
        };
        self.decks
            .iter()
            .flat_map(|d| d.cards.iter().map(move |c| d.key(c)))
            .filter_map(|k| progress.card(&k))
            .filter(|c| !c.suspended)
            .filter_map(|c| c.due)
            .filter(|t| *t > now)
            .min()
    }

    fn nothing_due(&mut self, now: DateTime<Utc>) -> anyhow::Result<()> {
        match self.next_due(now) {
            Some(t) => writeln!(
                self.out,
                "Nothing to drill right now. The next {} is due {} (in {}).",
                self.noun(),
                local(t),
                format_interval(t - now)
            )?,
            None => writeln!(self.out, "Nothing to drill right now.")?,
        }
        Ok(())
    }

    fn print_summary(&mut self, s: &Summary) -> anyhow::Result<()> {
        writeln!(self.out)?;
        let mix: Vec<String> = Grade::ALL
            .iter()
            .zip(s.grades)
            .map(|(g, n)| format!("{} {n}", g.label()))
            .collect();
        writeln!(
            self.out,
            "Session over: {} card(s) reviewed ({}) in {}.",
            s.reviewed,
            mix.join(", "),
            format_interval(chrono::Duration::from_std(s.elapsed).unwrap_or(chrono::Duration::MAX))
        )?;
        let others: Vec<String> = [
            ("skipped", s.skipped),
            ("suspended", s.suspended),
            ("buried", s.buried),
        ]
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{n} {what}"))
        .collect();
        if !others.is_empty() {
            writeln!(self.out, "Also: {}.", others.join(", "))?;
        }
        let now = (self.clock)();
        if let Some(t) = self.next_due(now) {
            writeln!(
                self.out,
                "Next {} due {} (in {}).",
                self.noun(),
                local(t),
                format_interval(t - now)
            )?;
        }
        Ok(())
    }
}

#[path = "drill_plain_card.rs"]
mod card;

#[cfg(test)]
#[path = "drill_plain_tests.rs"]
mod tests;
