//! The line-mode debrief: each question with its answer, time, key points, insights, model
//! answer and suggested grade; then the grade is asked and recorded as a mock review; at the
//! end, the whole-interview summary.

use std::io::{BufRead, Write};

use super::plain::{Plain, PlainOutcome};
use crate::core::grade::Grade;
use crate::core::session::debrief_text as text;
use crate::core::session::{Debrief, DebriefItem};
use crate::core::text::{sanitize, sanitize_line};

/// Writes `body` indented by four spaces, sanitized; `(none)` when empty.
pub fn indented(out: &mut impl Write, body: &str) -> std::io::Result<()> {
    let body = sanitize(body.trim());
    if body.is_empty() {
        return writeln!(out, "    (none)");
    }
    for line in body.lines() {
        if line.trim().is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// Prints one debrief entry (everything but the grade prompt).
/// Spoken answers list the key points unjudged: the candidate ticks them afterwards.
pub fn print_item(
    out: &mut impl Write,
    item: &DebriefItem,
    planned: usize,
    spoken: bool,
) -> std::io::Result<()> {
    let q = &item.question;
    writeln!(
        out,
        "\nQuestion {} of {planned}: {}",
        item.index + 1,
        sanitize_line(&q.category_title)
    )?;
    indented(out, &q.question)?;
    if item.skipped {
        writeln!(out, "Skipped.")?;
    } else {
        writeln!(out, "Your answer:")?;
        indented(out, &item.answer)?;
        if let (Some(f), Some(a)) = (&q.follow_up, &item.follow_up_answer) {
            writeln!(out, "Follow-up: {}", sanitize_line(f.trim()))?;
            writeln!(out, "Your follow-up answer:")?;
            indented(out, a)?;
        }
        writeln!(out, "Time: {}.", text::time_used(item))?;
    }
    if spoken && !item.skipped {
        writeln!(out, "Key points:")?;
        for (n, p) in item.question.key_points.iter().enumerate() {
            writeln!(out, "  {}. {}", n + 1, sanitize_line(&p.text))?;
        }
    } else {
        print_key_points(out, item)?;
    }
    if let Some(ins) = &item.insights {
        writeln!(out, "Insights:")?;
        for line in text::insights(ins) {
            writeln!(out, "  {line}")?;
        }
    }
    writeln!(out, "Model answer:")?;
    indented(out, &q.model_answer)?;
    writeln!(out, "{}.", text::score_why(item))?;
    Ok(())
}

fn print_key_points(out: &mut impl Write, item: &DebriefItem) -> std::io::Result<()> {
    if let Some(line) = text::coverage(item) {
        writeln!(out, "{line}.")?;
        for (n, (label, point)) in text::key_points(item).into_iter().enumerate() {
            writeln!(out, "  {}. {label}: {point}", n + 1)?;
            if let Some(words) = text::found_words(item, n) {
                writeln!(out, "     {words}")?;
            }
        }
    }
    Ok(())
}

/// Prints the whole-interview summary.
pub fn print_summary(out: &mut impl Write, d: &Debrief) -> std::io::Result<()> {
    writeln!(out, "\nSummary")?;
    writeln!(out, "{}.", text::score(d))?;
    let cats = d.coverage_by_category();
    if !cats.is_empty() {
        writeln!(out, "Coverage by category:")?;
        for c in &cats {
            writeln!(out, "  {}.", text::category(c))?;
        }
    }
    writeln!(out, "Time discipline: {}.", text::time_discipline(d))?;
    for line in text::best_and_worst(d) {
        writeln!(out, "{line}.")?;
    }
    Ok(())
}

enum GradeAnswer {
    Grade(Grade),
    Ungraded,
    EndOfInput,
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    fn ask_grade(&mut self, suggested: Grade) -> anyhow::Result<GradeAnswer> {
        writeln!(
            self.out,
            "Your grade: 1 again, 2 hard, 3 good, 4 easy; Enter accepts {suggested}; - leaves it ungraded."
        )?;
        loop {
            self.prompt()?;
            let Some(line) = self.read_line()? else {
                return Ok(GradeAnswer::EndOfInput);
            };
            let line = line.trim();
            if line.is_empty() {
                return Ok(GradeAnswer::Grade(suggested));
            }
            if line == "-" {
                return Ok(GradeAnswer::Ungraded);
            }
            match Grade::parse(line) {
                Some(g) => return Ok(GradeAnswer::Grade(g)),
                None => writeln!(
                    self.out,
                    "Type 1-4 (or again, hard, good, easy), Enter for {suggested}, or - to skip."
                )?,
            }
        }
    }

    /// Spoken answers: the candidate says which key points they made.
    fn tick_spoken(&mut self, d: &mut Debrief, pos: usize) -> anyhow::Result<()> {
        let points = d.items[pos].question.key_points.len();
        if points == 0 || !d.items[pos].answered() {
            return Ok(());
        }
        writeln!(
            self.out,
            "Which key points did you make? Their numbers, separated by spaces; Enter for none."
        )?;
        loop {
            self.prompt()?;
            let Some(line) = self.read_line()? else {
                return Ok(());
            };
            match text::point_numbers(&line, points) {
                Some(nums) => {
                    for n in nums {
                        if !d.items[pos].checklist[n - 1] {
                            d.toggle_point(pos, n - 1);
                        }
                    }
                    break;
                }
                _ => writeln!(self.out, "Numbers from 1 to {points}, please.")?,
            }
        }
        if let Some(line) = text::coverage(&d.items[pos]) {
            writeln!(self.out, "{line}.")?;
        }
        Ok(())
    }
}

/// The debrief and the summary after the interview; records confirmed grades.
pub(super) fn run<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>) -> anyhow::Result<PlainOutcome> {
    let mut d = p.m().debrief();
    let mut graded = 0;
    if d.items.is_empty() {
        writeln!(p.out, "\nNo answers to debrief.")?;
    } else {
        writeln!(p.out, "\nDebrief")?;
        if p.eof {
            writeln!(
                p.out,
                "(Input has ended, so no grade is asked and none is recorded.)"
            )?;
        }
    }
    let spoken = p.m().setup().mode == crate::core::session::AnswerMode::Spoken;
    // The candidate's own material beside each model answer.
    // What the study keeps (the log is not read back: at a million reviews that took
    // ~600 MB), the progress of this interview's cards alone.
    let (book, replayed) = match (p.study.notebook(), p.study.replayed()) {
        (Some(book), Some(progress)) => {
            let keys: std::collections::HashSet<&crate::core::ids::CardKey> =
                d.items.iter().map(|i| &i.question.key).collect();
            (book.clone(), progress.only(|k| keys.contains(k)))
        }
        _ => crate::cli::note_show::material(&p.study.read_back()),
    };
    let this = p.m().id().clone();
    for pos in 0..d.items.len() {
        print_item(&mut p.out, &d.items[pos], d.planned, spoken)?;
        let key = &d.items[pos].question.key;
        let current = crate::cli::note_show::Current::Interview(&this);
        crate::cli::note_show::print_own_material(
            &mut p.out,
            &book,
            Some(&replayed),
            key,
            current,
        )?;
        if spoken && !p.eof {
            p.tick_spoken(&mut d, pos)?;
            // The ticks are the spoken answer's coverage: kept whether or not it is graded.
            let now = (p.clock)();
            for r in d.take_records() {
                if let Err(e) = p.pending.record(p.study, r.into(), now) {
                    writeln!(
                        p.out,
                        "(Not saved yet: {}. It will be tried again at the next step.)",
                        sanitize_line(&e.to_string())
                    )?;
                }
            }
            writeln!(p.out, "{}.", text::score_why(&d.items[pos]))?;
        }
        let suggested = d.items[pos].suggested_grade();
        writeln!(p.out, "Suggested grade: {suggested}.")?;
        if p.eof {
            continue;
        }
        match p.ask_grade(suggested)? {
            GradeAnswer::Grade(g) => {
                // The review for the scheduler, then the verdict (ticks and grade), through
                // the interview's queue: storage refusing one keeps it for the next write.
                let now = (p.clock)();
                let mut saved = Ok(());
                for body in d.confirm(pos, g).unwrap_or_default() {
                    if let Err(e) = p.pending.record(p.study, body, now) {
                        saved = Err(e);
                    }
                }
                match saved {
                    Ok(()) => {
                        graded += 1;
                        writeln!(p.out, "Recorded: {g}.")?;
                    }
                    Err(e) => writeln!(
                        p.out,
                        "Grade not saved yet: {}. It will be tried again at the next step.",
                        sanitize_line(&e.to_string())
                    )?,
                }
            }
            GradeAnswer::Ungraded => writeln!(p.out, "Not graded.")?,
            GradeAnswer::EndOfInput => {
                writeln!(
                    p.out,
                    "\nInput ended: the remaining grades are not recorded."
                )?;
            }
        }
    }
    print_summary(&mut p.out, &d)?;
    let unsaved = p.flush_unsaved()?;
    let id = p.m().id().clone();
    let ungraded = d.ungraded().len();
    if ungraded > 0 {
        let them = if ungraded == 1 { "it" } else { "them" };
        writeln!(
            p.out,
            "\n{} not graded: the scheduler has not heard of {them}. \
             Grade {them} later with: prepdeck history grade {id}",
            crate::core::text::count_of(ungraded, d.items.len(), "question", "questions")
        )?;
    }
    writeln!(
        p.out,
        "\nSee this interview again with: prepdeck report --id {}",
        id
    )?;
    p.out.flush()?;
    Ok(PlainOutcome {
        interview: id,
        ending: d.ending,
        reached: d.items.len(),
        graded,
        unsaved,
    })
}
