//! `prepdeck report`: one past interview rebuilt from the state log, as Markdown (reads well
//! printed) or JSON (for scripts). Read-only; `-o FILE` writes a private file.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::Cli;
use super::home::Home;
use super::interviews::{choose, load_interviews};
use super::mock::args::{ReportArgs, ReportFormat};
use super::time_text::{local_time, rfc3339};
use crate::core::analysis::Insights;
use crate::core::grade::Grade;
use crate::core::record::millis;
use crate::core::session::Ending;
use crate::core::session::debrief_text as text;
use crate::core::session::{
    AnswerMode, CategoryCoverage, Debrief, Focus, MockSetup, PastInterview, ScoreParts,
    TimeDiscipline, Timing,
};
use crate::core::text::{sanitize, sanitize_line};

pub fn report(cli: &Cli, home: &Home, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let (all, decks) = load_interviews(cli, home)?;
    let p = choose(&all, args.id.as_deref(), home)?;
    let debrief = p.debrief(&decks);
    let stories = super::stories::notes_for_debrief(home, &debrief);
    let body = match args.format {
        ReportFormat::Md => {
            let mut s = markdown(p, &debrief);
            story_section(&mut s, &stories);
            s
        }
        ReportFormat::Json => {
            let mut report = json(p, &debrief);
            report.stories = stories;
            let mut s = crate::core::json::to_string_pretty(&report)?;
            s.push('\n');
            s
        }
    };
    match &args.output {
        None => std::io::stdout().lock().write_all(body.as_bytes())?,
        Some(path) => {
            super::output::write_output_file(cli, home, path, body.as_bytes(), args.force)?;
            eprintln!("wrote {}", sanitize_line(&path.display().to_string()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The report's Stories section: a story told for several questions, results without a
/// figure (only when there is something to say).
fn story_section(o: &mut String, notes: &[crate::core::stories::StoryNote]) {
    if notes.is_empty() {
        return;
    }
    o.push_str("\n## Stories\n\n");
    for n in notes {
        let _ = writeln!(o, "- {}", sanitize_line(&n.sentence()));
    }
}

fn setup_line(s: &MockSetup) -> String {
    let focus = match &s.focus {
        Focus::Mixed => "mixed".to_string(),
        Focus::Weakest => "weakest".to_string(),
        Focus::Category(c) => format!("category {}", sanitize_line(c.as_str())),
        Focus::Kind(k) => format!("kind {k}"),
    };
    let answer_time = match s.answer_time() {
        Some(t) => format!("{} for every question", text::duration(t)),
        None => "from the decks".into(),
    };
    format!(
        "{} questions, focus {focus}, prep {}, answer time {answer_time}, {} answers, {} timing, \
         follow-ups {}{}",
        s.questions,
        text::duration(s.prep_time()),
        match s.mode {
            AnswerMode::Typed => "typed",
            AnswerMode::Spoken => "spoken",
        },
        match s.timing {
            Timing::Strict => "strict",
            Timing::Soft => "soft",
        },
        if s.follow_ups { "on" } else { "off" },
        s.seed.map(|n| format!(", seed {n}")).unwrap_or_default()
    )
}

/// Text as a Markdown blockquote, sanitized; an empty answer says so.
fn quote(out: &mut String, body: &str) {
    let body = sanitize(body.trim());
    if body.is_empty() {
        out.push_str("> *(no answer)*\n\n");
        return;
    }
    for line in body.lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
}

fn markdown(p: &PastInterview, d: &Debrief) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Mock interview, {}\n", local_time(p.started_at));
    let decks: Vec<String> = p.decks().iter().map(|d| d.to_string()).collect();
    let _ = writeln!(o, "- Interview id: `{}`", p.shown_id());
    let _ = writeln!(o, "- Decks: {}", sanitize_line(&decks.join(", ")));
    let _ = writeln!(
        o,
        "- Questions answered: {} of {} ({})",
        p.answered(),
        p.questions.len(),
        p.ending.label()
    );
    let _ = writeln!(o, "- Setup: {}\n", setup_line(&p.setup));
    for item in &d.items {
        let q = &item.question;
        let _ = writeln!(
            o,
            "## Question {} of {}: {}\n",
            item.index + 1,
            d.planned,
            sanitize_line(&q.category_title)
        );
        let _ = writeln!(o, "**{}**\n", sanitize_line(q.question.trim()));
        if item.skipped {
            o.push_str("*Skipped.*\n\n");
        } else {
            o.push_str("### Your answer\n\n");
            if p.setup.mode == AnswerMode::Spoken && item.answer.trim().is_empty() {
                // Said aloud: nothing was typed, and the key points below are the ticks.
                o.push_str("> *(answered aloud)*\n\n");
            } else {
                quote(&mut o, &item.answer);
            }
            if let (Some(f), Some(a)) = (&q.follow_up, &item.follow_up_answer) {
                let _ = writeln!(o, "**Follow-up:** {}\n", sanitize_line(f.trim()));
                quote(&mut o, a);
            }
            let _ = writeln!(o, "- Time: {}", text::time_used(item));
        }
        if let Some(c) = text::coverage(item) {
            let _ = writeln!(o, "- Key points: {c}");
            for (n, (label, point)) in text::key_points(item).into_iter().enumerate() {
                let _ = writeln!(o, "  - {label}: {point}");
                if let Some(words) = text::found_words(item, n) {
                    let _ = writeln!(o, "    - {words}");
                }
            }
        }
        if let Some(ins) = &item.insights {
            o.push_str("- Insights:\n");
            for line in text::insights(ins) {
                let _ = writeln!(o, "  - {line}");
            }
        }
        let grade = match item.confirmed {
            Some(g) => format!("{g} (suggested {})", item.suggested_grade()),
            None => format!("not graded (suggested {})", item.suggested_grade()),
        };
        let _ = writeln!(o, "- Grade: {grade}");
        let _ = writeln!(o, "- {}\n", text::score_why(item));
        o.push_str("### Model answer\n\n");
        let model = sanitize(q.model_answer.trim());
        let _ = writeln!(
            o,
            "{}\n",
            if model.is_empty() { "*(none)*" } else { &model }
        );
    }
    o.push_str("## Summary\n\n");
    let _ = writeln!(o, "- {}", text::score(d));
    let cats = d.coverage_by_category();
    if !cats.is_empty() {
        o.push_str("- Coverage by category:\n");
        for c in &cats {
            let _ = writeln!(o, "  - {}", text::category(c));
        }
    }
    let _ = writeln!(o, "- Time discipline: {}", text::time_discipline(d));
    for line in text::best_and_worst(d) {
        let _ = writeln!(o, "- {line}");
    }
    let ungraded = d.ungraded().len();
    if ungraded > 0 {
        let _ = writeln!(
            o,
            "- Not graded: {ungraded} of {} questions (grade them with `prepdeck history grade {}`)",
            d.items.len(),
            p.shown_id()
        );
    }
    o
}

#[derive(Serialize)]
struct JsonReport<'a> {
    /// As `history` shows it (`PastInterview::shown_id`), so it can be given back.
    id: String,
    started_at: String,
    finished_at: Option<String>,
    ending: &'static str,
    completed: bool,
    decks: Vec<String>,
    setup: &'a MockSetup,
    questions: usize,
    answered: usize,
    /// Questions reached without a confirmed grade.
    ungraded: usize,
    score: u8,
    items: Vec<JsonItem<'a>>,
    coverage_by_category: Vec<JsonCategory>,
    time_discipline: TimeDiscipline,
    /// Positions in `items`.
    strongest: Option<usize>,
    weakest: Option<usize>,
    /// What the answers say about the story bank (empty without one).
    stories: Vec<crate::core::stories::StoryNote>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    index: usize,
    deck: &'a str,
    card: &'a str,
    category: &'a str,
    category_title: &'a str,
    question: &'a str,
    skipped: bool,
    answer: &'a str,
    follow_up: Option<&'a str>,
    follow_up_answer: Option<&'a str>,
    answer_ms: u64,
    limit_ms: u64,
    overtime_ms: u64,
    key_points: Vec<JsonPoint<'a>>,
    coverage_percent: Option<u8>,
    insights: Option<&'a Insights>,
    model_answer: &'a str,
    suggested_grade: Grade,
    grade: Option<Grade>,
    score: u8,
    /// Why the score is what it is: the two terms and what each came from.
    score_parts: ScoreParts,
    /// Cut off by a strict clock (over time).
    cut_off: bool,
    within_time: bool,
}

#[derive(Serialize)]
struct JsonPoint<'a> {
    text: &'a str,
    covered: bool,
}

#[derive(Serialize)]
struct JsonCategory {
    #[serde(flatten)]
    coverage: CategoryCoverage,
    percent: Option<u8>,
}

fn json<'a>(p: &'a PastInterview, d: &'a Debrief) -> JsonReport<'a> {
    let items = d
        .items
        .iter()
        .map(|i| {
            let q = &i.question;
            JsonItem {
                index: i.index,
                deck: q.key.deck.as_str(),
                card: q.key.card.as_str(),
                category: q.category.as_str(),
                category_title: &q.category_title,
                question: &q.question,
                skipped: i.skipped,
                answer: &i.answer,
                follow_up: i.follow_up_answer.as_ref().and(q.follow_up.as_deref()),
                follow_up_answer: i.follow_up_answer.as_deref(),
                answer_ms: millis(i.timing.used),
                limit_ms: millis(i.timing.limit),
                overtime_ms: millis(i.overtime),
                key_points: q
                    .key_points
                    .iter()
                    .zip(&i.checklist)
                    .map(|(k, c)| JsonPoint {
                        text: &k.text,
                        covered: *c,
                    })
                    .collect(),
                coverage_percent: i.coverage_percent(),
                insights: i.insights.as_ref(),
                model_answer: &q.model_answer,
                suggested_grade: i.suggested_grade(),
                grade: i.confirmed,
                score: i.score(),
                score_parts: i.score_parts(),
                cut_off: i.cut_off,
                within_time: i.within_time(),
            }
        })
        .collect();
    JsonReport {
        id: p.shown_id(),
        started_at: rfc3339(p.started_at),
        finished_at: p.finished_at.map(rfc3339),
        ending: p.ending.label(),
        completed: d.ending == Ending::Completed,
        decks: p.decks().iter().map(|d| d.to_string()).collect(),
        setup: &p.setup,
        questions: p.questions.len(),
        answered: p.answered(),
        ungraded: d.ungraded().len(),
        score: d.score(),
        items,
        coverage_by_category: d
            .coverage_by_category()
            .into_iter()
            .map(|c| JsonCategory {
                percent: c.percent(),
                coverage: c,
            })
            .collect(),
        time_discipline: d.time_discipline(),
        strongest: d.strongest(),
        weakest: d.weakest(),
        stories: Vec::new(),
    }
}
