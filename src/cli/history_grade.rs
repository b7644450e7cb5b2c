//! `prepdeck history grade`: grades the questions of a past interview that were left
//! ungraded (the candidate quit, the terminal closed, prepdeck crashed), so the scheduler hears
//! of them. Offers each question's suggested grade again, one question at a time on standard
//! input (a terminal or a script), or takes the grades from flags.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};

use super::home::Home;
use super::{Cli, UsageError};
use crate::core::grade::Grade;
use crate::core::record::{Record, RecordBody};
use crate::core::session::debrief_text as text;
use crate::core::session::{Debrief, DebriefItem, PastInterview};
use crate::core::text::{count, count_of, sanitize_line};
use crate::store::log::StateLog;
use crate::study::past::{grade_question, save_ticks};
use crate::study::{Journal, LogStudy, Study, StudyError};

/// `prepdeck history` subcommands.
#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Grade the questions of an interview left ungraded (the suggested grades are offered
    /// again); without an id, the latest interview with ungraded questions
    #[command(
        after_help = "Examples:\n  prepdeck history grade                    asks, question by question\n  prepdeck history grade mock-20261122T084359.624Z\n  prepdeck history grade --last --accept     every suggested grade, no questions asked\n  prepdeck history grade --grade 2=good --grade 3=hard"
    )]
    Grade(GradeArgs),
}

/// `prepdeck history grade`.
#[derive(Debug, Args)]
pub struct GradeArgs {
    /// The interview's id (see `prepdeck history`); default: the latest with ungraded questions
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// The most recent interview, graded or not
    #[arg(long, conflicts_with = "id")]
    pub last: bool,
    /// Record every ungraded question's suggested grade without asking
    #[arg(long)]
    pub accept: bool,
    /// Record grade G (1-4, or again, hard, good, easy) for question N without asking
    /// (repeatable); with --accept, the others take their suggestion, else stay ungraded
    #[arg(long = "grade", value_name = "N=G", value_parser = parse_grade_arg)]
    pub grades: Vec<(usize, Grade)>,
}

fn parse_grade_arg(s: &str) -> Result<(usize, Grade), String> {
    let (n, g) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}`: expected N=GRADE, e.g. 2=good"))?;
    let n: usize = n
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{n}` is not a question number (1, 2, ...)"))?;
    let g = Grade::parse(g.trim())
        .ok_or_else(|| format!("`{g}` is not a grade (1-4, again, hard, good, easy)"))?;
    Ok((n, g))
}

pub fn run(cli: &Cli, home: &Home, args: &GradeArgs) -> anyhow::Result<ExitCode> {
    // Grading writes: the lock is held, so the app cannot be writing at the same time. The
    // interviews come from the mock records the study keeps (from the progress cache when it
    // matches: a long log is not read whole).
    let (mut study, warnings) = super::open_study::open_study_quietly(home)?;
    super::open_study::print_warnings(home, &warnings);
    let decks = super::interviews::load_decks_for_history(cli, home)?;
    let mut all = study.past_interviews();
    let mut log = Through(&mut study);
    if !cli.deck.is_empty() {
        // `--deck`: only interviews that asked from these decks.
        all.retain(|p| {
            p.decks()
                .iter()
                .any(|d| cli.deck.iter().any(|c| c == d.as_str()))
        });
    }
    let mut out = std::io::stdout().lock();
    let p = match (&args.id, args.last) {
        (Some(id), _) => super::interviews::choose(&all, Some(id), home)?,
        (None, true) => super::interviews::choose(&all, None, home)?,
        (None, false) => match all.iter().rev().find(|p| p.ungraded() > 0) {
            Some(p) => p,
            None => {
                writeln!(out, "No interview has ungraded questions.")?;
                return Ok(ExitCode::SUCCESS);
            }
        },
    };
    let mut d = p.debrief(&decks);
    // A `--grade` for a question out of range or already graded is a usage error (exit 2)
    // whatever the interview's state, before "nothing to grade" could make it look accepted.
    let explicit = explicit_grades(&d, &args.grades)?;
    let pending = d.ungraded();
    let id = p.shown_id();
    if d.items.is_empty() {
        writeln!(out, "Interview {id} has no answers: nothing to grade.")?;
        return Ok(ExitCode::SUCCESS);
    }
    if pending.is_empty() {
        writeln!(out, "Every question of {id} is graded.")?;
        return Ok(ExitCode::SUCCESS);
    }
    let scripted = args.accept || !args.grades.is_empty();
    writeln!(
        out,
        "Interview {id} ({}): {} not graded.",
        super::time_text::local_time(p.started_at),
        count_of(pending.len(), d.items.len(), "question", "questions")
    )?;
    let mut graded = 0;
    if scripted {
        for &pos in &pending {
            let number = d.items[pos].index + 1;
            let grade = match explicit.get(&number) {
                Some(g) => *g,
                None if args.accept => d.items[pos].suggested_grade(),
                None => continue,
            };
            grade_question(&mut log, &mut d, pos, grade, Utc::now())?;
            graded += 1;
            writeln!(out, "Question {number}: recorded {grade}.")?;
        }
    } else {
        let stdin = std::io::stdin().lock();
        graded = ask(
            &mut Prompt {
                input: stdin,
                out: &mut out,
            },
            &mut log,
            &mut d,
            p,
            &pending,
        )?;
    }
    let left = d.ungraded().len();
    writeln!(
        out,
        "\nRecorded {}; {} still ungraded.",
        count(graded, "grade", "grades"),
        count(left, "question", "questions")
    )?;
    if left > 0 {
        writeln!(out, "Grade them later with: prepdeck history grade {id}")?;
    }
    // The progress cache takes the grades in (the next start need not read them).
    study.close();
    Ok(ExitCode::SUCCESS)
}

/// The records go through the study (which keeps the progress and its cache up to date).
struct Through<'a>(&'a mut LogStudy<StateLog>);

impl Journal for Through<'_> {
    fn append(&mut self, body: RecordBody, now: DateTime<Utc>) -> Result<Record, StudyError> {
        Study::append(self.0, body, now)
    }

    fn read_back(&self) -> Result<Vec<Record>, StudyError> {
        Journal::read_back(self.0.journal())
    }
}

/// The `--grade N=G` flags by question number, each checked against the interview: a question
/// not reached or already graded is a usage error (nothing is written then).
fn explicit_grades(
    d: &Debrief,
    grades: &[(usize, Grade)],
) -> anyhow::Result<BTreeMap<usize, Grade>> {
    let mut out = BTreeMap::new();
    for &(n, g) in grades {
        let Some(item) = d.items.iter().find(|i| i.index + 1 == n) else {
            return Err(UsageError(format!(
                "--grade {n}={g}: question {n} was not reached in this interview (questions answered: {})",
                numbers(d.items.iter())
            ))
            .into());
        };
        if let Some(had) = item.confirmed {
            return Err(UsageError(format!(
                "--grade {n}={g}: question {n} is already graded ({had}); ungraded: {}",
                numbers(d.items.iter().filter(|i| i.confirmed.is_none()))
            ))
            .into());
        }
        out.insert(n, g);
    }
    Ok(out)
}

fn numbers<'a>(items: impl Iterator<Item = &'a DebriefItem>) -> String {
    let v: Vec<String> = items.map(|i| (i.index + 1).to_string()).collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

struct Prompt<R, W> {
    input: R,
    out: W,
}

impl<R: BufRead, W: Write> Prompt<R, W> {
    /// The next line without its newline; `None` at the end of input.
    fn line(&mut self) -> anyhow::Result<Option<String>> {
        write!(self.out, "> ")?;
        self.out.flush()?;
        let mut s = String::new();
        if self.input.read_line(&mut s)? == 0 {
            writeln!(self.out)?;
            return Ok(None);
        }
        Ok(Some(s.trim().to_string()))
    }
}

/// Asks for each pending question; returns how many were graded. Stops at the end of input
/// or at `q`.
fn ask<R: BufRead, W: Write>(
    p: &mut Prompt<R, W>,
    log: &mut Through<'_>,
    d: &mut Debrief,
    interview: &PastInterview,
    pending: &[usize],
) -> anyhow::Result<usize> {
    let mut graded = 0;
    for &pos in pending {
        show(&mut p.out, &d.items[pos], d.planned)?;
        let points = d.items[pos].checklist.len();
        if interview.spoken() && points > 0 && d.items[pos].answered() {
            writeln!(
                p.out,
                "Which key points did you make? Their numbers, separated by spaces; Enter keeps the ticks shown."
            )?;
            let Some(picked) = ask_ticks(p, points)? else {
                return Ok(graded);
            };
            if let Some(ticks) = picked {
                d.items[pos].checklist = (1..=points).map(|n| ticks.contains(&n)).collect();
                save_ticks(log, d, Utc::now())?;
                writeln!(p.out, "{}.", text::score_why(&d.items[pos]))?;
            }
        }
        let suggested = d.items[pos].suggested_grade();
        writeln!(
            p.out,
            "Suggested grade: {suggested}. Your grade: 1 again, 2 hard, 3 good, 4 easy; Enter accepts {suggested}; - leaves it ungraded; q stops."
        )?;
        loop {
            let Some(line) = p.line()? else {
                writeln!(p.out, "Input ended: the remaining questions stay ungraded.")?;
                return Ok(graded);
            };
            let grade = match line.as_str() {
                "" => suggested,
                "-" => {
                    writeln!(p.out, "Not graded.")?;
                    break;
                }
                "q" | "quit" => return Ok(graded),
                other => match Grade::parse(other) {
                    Some(g) => g,
                    None => {
                        writeln!(
                            p.out,
                            "Type 1-4 (or again, hard, good, easy), Enter for {suggested}, - to leave it, q to stop."
                        )?;
                        continue;
                    }
                },
            };
            grade_question(log, d, pos, grade, Utc::now())?;
            graded += 1;
            writeln!(p.out, "Recorded: {grade}.")?;
            break;
        }
    }
    Ok(graded)
}

/// `Some(None)`: keep the ticks; `Some(Some(numbers))`: these points; `None`: input ended.
fn ask_ticks<R: BufRead, W: Write>(
    p: &mut Prompt<R, W>,
    points: usize,
) -> anyhow::Result<Option<Option<Vec<usize>>>> {
    loop {
        let Some(line) = p.line()? else {
            return Ok(None);
        };
        if line.is_empty() {
            return Ok(Some(None));
        }
        match text::point_numbers(&line, points) {
            Some(nums) => return Ok(Some(Some(nums))),
            None => writeln!(p.out, "Numbers from 1 to {points}, please.")?,
        }
    }
}

/// One question, briefly: what was asked and answered, the ticks and the score.
fn show(out: &mut impl Write, item: &DebriefItem, planned: usize) -> std::io::Result<()> {
    let q = &item.question;
    writeln!(
        out,
        "\nQuestion {} of {planned}: {}",
        item.index + 1,
        sanitize_line(&q.category_title)
    )?;
    writeln!(out, "    {}", sanitize_line(q.question.trim()))?;
    if item.skipped {
        writeln!(out, "Skipped.")?;
    } else if !item.answer.trim().is_empty() {
        writeln!(out, "Your answer:")?;
        for line in crate::core::text::sanitize(item.answer.trim()).lines() {
            writeln!(out, "    {line}")?;
        }
    }
    if !item.skipped {
        writeln!(out, "Time: {}.", text::time_used(item))?;
    }
    if let Some(line) = text::coverage(item) {
        writeln!(out, "Key points: {line}.")?;
        for (n, (label, point)) in text::key_points(item).into_iter().enumerate() {
            writeln!(out, "  {}. {label}: {point}", n + 1)?;
            if let Some(words) = text::found_words(item, n) {
                writeln!(out, "     {words}")?;
            }
        }
    }
    writeln!(out, "{}.", text::score_why(item))
}
