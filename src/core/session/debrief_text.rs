//! Wording shared by every front end's debrief (the line mode, the app, the reports): durations,
//! time, coverage, insights and the summary lines. Pure text; everything that comes from a deck or
//! typed text is sanitized here or by the caller before printing.

use std::time::Duration;

use super::history::Ending;
use crate::core::analysis::{FillerKind, Insights, StarCues, StarPart};
use crate::core::session::{
    COVERAGE_WEIGHT, CategoryCoverage, CoverageBasis, Debrief, DebriefItem, TimeBasis,
};
use crate::core::text::sanitize_line;

/// Every duration the debrief, the line mode and the reports show, with one rounding, so the
/// same time reads the same on every line ("2m 10s of 2m 00s; 10.3s over" beside the score's
/// "10.3s over a 2m 00s limit"): under a minute to the nearest tenth of a second (`10.3s`; a
/// whole number without ".0": `12s`), so the score's sum can be checked by hand; from a minute
/// on to the nearest second (`1m 05s`, `2m 00s`).
pub fn duration(d: Duration) -> String {
    let tenths = (d.as_millis() + 50) / 100;
    if tenths < 600 {
        return if tenths.is_multiple_of(10) {
            format!("{}s", tenths / 10)
        } else {
            format!("{}.{}s", tenths / 10, tenths % 10)
        };
    }
    let s = (d.as_millis() + 500) / 1000;
    format!("{}m {:02}s", s / 60, s % 60)
}

/// "1m 12s of 2m 00s" with "; 12s over" (soft timing) or "; time was up" (strict, capped).
pub fn time_used(item: &DebriefItem) -> String {
    let t = item.timing;
    let mut s = format!("{} of {}", duration(t.used), duration(t.limit));
    if !item.overtime.is_zero() {
        s.push_str(&format!("; {} over", duration(item.overtime)));
    } else if !t.limit.is_zero() && t.used >= t.limit {
        s.push_str("; the time ran out");
    }
    if !item.paused.is_zero() {
        s.push_str(&format!(" (paused {})", duration(item.paused)));
    }
    s
}

/// "2 of 3 key points covered (67%)", or `None` for a card without key points.
pub fn coverage(item: &DebriefItem) -> Option<String> {
    let pct = item.coverage_percent()?;
    let covered = item.checklist.iter().filter(|c| **c).count();
    Some(format!(
        "{} covered ({pct}%)",
        crate::core::text::count_of(covered, item.checklist.len(), "key point", "key points")
    ))
}

/// Key-point numbers typed by the candidate ("1 3", "1,3"), each from 1 to `points`; `None`
/// when something else was typed. An empty line is no numbers.
pub fn point_numbers(line: &str, points: usize) -> Option<Vec<usize>> {
    let nums: Vec<usize> = line
        .split([' ', ','])
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse().ok())
        .collect::<Option<_>>()?;
    nums.iter()
        .all(|n| (1..=points).contains(n))
        .then_some(nums)
}

/// The words that made the matcher tick key point `i`, quoted and joined with " + "; those
/// found only in the follow-up answer are named so: `"restore" in the answer, "blameless" in
/// the follow-up answer`, or `"blameless" in the follow-up answer` when they are all there.
/// `None` when the matcher did not tick the point or its words are not known (a spoken
/// answer; a tick stored before the deck changed).
pub fn matched_words(item: &DebriefItem, i: usize) -> Option<String> {
    let words = item.matched_words.get(i).filter(|w| !w.is_empty())?;
    let later = item.follow_up_words.get(i).map_or(&[][..], Vec::as_slice);
    let quote = |w: &[&String]| {
        w.iter()
            .map(|x| format!("\"{}\"", sanitize_line(x)))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let (first, second): (Vec<&String>, Vec<&String>) =
        words.iter().partition(|w| !later.contains(w));
    Some(match (first.is_empty(), second.is_empty()) {
        (_, true) => quote(&first),
        (true, false) => format!("{} in the follow-up answer", quote(&second)),
        (false, false) => format!(
            "{} in the answer, {} in the follow-up answer",
            quote(&first),
            quote(&second)
        ),
    })
}

/// Why key point `i` is ticked or not, for under it: `matched "..."` (the words, see
/// [`matched_words`]), "ticked by you", `unticked by you (the matcher found "...")`; `None`
/// for a point neither the matcher nor the candidate ticked.
pub fn tick_why(item: &DebriefItem, i: usize) -> Option<String> {
    let ticked = item.checklist.get(i).copied().unwrap_or(false);
    let by_matcher = item.matched.get(i).copied().unwrap_or(false);
    let words = matched_words(item, i);
    match (ticked, by_matcher) {
        (true, true) => Some(match words {
            Some(q) => format!("matched {q}"),
            None => "ticked by the matcher".into(),
        }),
        (true, false) => Some("ticked by you".into()),
        (false, true) => Some(match words {
            Some(q) => format!("unticked by you (the matcher found {q})"),
            None => "unticked by you".into(),
        }),
        (false, false) => None,
    }
}

/// For the line mode and the reports, under key point `i` of [`key_points`] (whose label
/// already says who ticked it): `matched "..."` for a tick the matcher made, `the matcher
/// found "..."` for one the candidate took back; `None` when the matcher did not tick it or
/// its words are not known.
pub fn found_words(item: &DebriefItem, i: usize) -> Option<String> {
    let words = matched_words(item, i)?;
    Some(if item.checklist.get(i).copied().unwrap_or(false) {
        format!("matched {words}")
    } else {
        format!("the matcher found {words}")
    })
}

/// The key points as ("Covered" | "Missed", text), in deck order; a tick the candidate
/// changed says so ("Covered (ticked by you)", "Missed (unticked by you)"), so a transcript
/// tells the matcher's reading from the candidate's.
pub fn key_points(item: &DebriefItem) -> Vec<(&'static str, String)> {
    item.question
        .key_points
        .iter()
        .zip(&item.checklist)
        .enumerate()
        .map(|(i, (p, ticked))| {
            let found = item.matched.get(i).copied().unwrap_or(false);
            let label = match (*ticked, found) {
                (true, true) => "Covered",
                (true, false) => "Covered (ticked by you)",
                (false, true) => "Missed (unticked by you)",
                (false, false) => "Missed",
            };
            (label, sanitize_line(&p.text))
        })
        .collect()
}

fn counted(ins: &Insights, kind: FillerKind) -> String {
    let hits: Vec<String> = ins
        .filler_counts()
        .into_iter()
        .filter(|(phrase, _)| {
            ins.fillers
                .iter()
                .any(|h| h.phrase == *phrase && h.kind == kind)
        })
        .map(|(phrase, n)| format!("\"{phrase}\" {n}"))
        .collect();
    let total = ins.count(kind);
    if total == 0 {
        "none".into()
    } else {
        format!("{total} ({})", hits.join(", "))
    }
}

/// "STAR: found Situation, Action; missing Task, Result": the parts a behavioural answer tells,
/// as the debrief, `prepdeck answer` and the drill's reveal show them.
pub fn star_line(star: &StarCues) -> String {
    let names = |parts: Vec<StarPart>| {
        let v: Vec<&str> = parts.iter().map(|p| p.label()).collect();
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    // All four found: nothing to say is missing ("missing none" reads as a slip).
    if star.missing().is_empty() {
        return format!("STAR: found {}", names(star.present()));
    }
    format!(
        "STAR: found {}; missing {}",
        names(star.present()),
        names(star.missing())
    )
}

/// One line per insight.
pub fn insights(ins: &Insights) -> Vec<String> {
    let mut out = vec![
        format!("Words: {}", ins.word_count),
        format!("Fillers: {}", counted(ins, FillerKind::Filler)),
        format!("Hedges: {}", counted(ins, FillerKind::Hedge)),
        format!("I vs we: I {}, we {}", ins.ownership.i, ins.ownership.we),
    ];
    if let Some(star) = &ins.star {
        out.push(star_line(star));
    }
    if ins.lists_terms {
        out.push(
            "Shape: a list of terms, not sentences: a panel hears topics named; say what you \
             did or would do, how and why"
                .into(),
        );
    }
    if !ins.top_words.is_empty() {
        let words: Vec<String> = ins
            .top_words
            .iter()
            .map(|(w, n)| format!("{} {n}", sanitize_line(w)))
            .collect();
        out.push(format!("Top words: {}", words.join(", ")));
    }
    out
}

/// "Score: 72/100 (3 of 5 questions answered)".
pub fn score(d: &Debrief) -> String {
    let answered = d.items.iter().filter(|i| i.answered()).count();
    format!(
        "Score: {}/100 ({answered} of {} questions answered{})",
        d.score(),
        d.planned,
        if d.ending == Ending::Completed {
            String::new()
        } else {
            format!("; {}", d.ending.label())
        }
    )
}

/// "Budgeting: 3 of 4 key points (75%) in 2 questions".
pub fn category(c: &CategoryCoverage) -> String {
    let title = sanitize_line(&c.title);
    let q = if c.questions == 1 {
        "1 question".to_string()
    } else {
        format!("{} questions", c.questions)
    };
    match c.percent() {
        Some(p) => format!(
            "{title}: {} of {} key points ({p}%) in {q}",
            c.covered, c.points
        ),
        None => format!("{title}: no key points, {q}"),
    }
}

/// "2 of 3 answers within time; 1 cut off by the clock; 12s over in total".
pub fn time_discipline(d: &Debrief) -> String {
    let t = d.time_discipline();
    if t.answered == 0 {
        return "no answers timed".into();
    }
    let mut s = format!("{} of {} answers within time", t.within_time, t.answered);
    if t.cut_off > 0 {
        s.push_str(&format!("; {} cut off by the clock", t.cut_off));
    }
    if !t.total_overtime.is_zero() {
        s.push_str(&format!("; {} over in total", duration(t.total_overtime)));
    }
    s
}

/// Why a question scores what it does: "Score 58/100 = 0.7 × 0.60 (3 of 5 key points) +
/// 0.3 × 0.53 (28s over a 1m 00s limit)".
pub fn score_why(item: &DebriefItem) -> String {
    let p = item.score_parts();
    let c = match p.coverage_from {
        CoverageBasis::NoAnswer => {
            let what = if item.skipped { "skipped" } else { "no answer" };
            return format!("Score 0/100: {what}");
        }
        CoverageBasis::KeyPoints { ticked, of } => format!("{ticked} of {of} key points"),
        CoverageBasis::Grade { grade } => format!("no key points: the grade, {grade}"),
    };
    let t = match p.time_from {
        TimeBasis::WithinTime => "within time".to_string(),
        TimeBasis::Overtime { overtime: o, limit } => {
            format!("{} over a {} limit", duration(o), duration(limit))
        }
        TimeBasis::CutOff => "cut off by the clock: no time credit".into(),
        TimeBasis::NothingCovered => "no time credit without a key point covered".into(),
        TimeBasis::NoAnswer => "no answer".into(),
    };
    format!(
        "Score {}/100 = {COVERAGE_WEIGHT} × {:.2} ({c}) + {:.1} × {:.2} ({t})",
        p.score,
        p.coverage,
        1.0 - COVERAGE_WEIGHT,
        p.time
    )
}

/// "Strongest answer: ..." and "Weakest answer: ..."; one line when every answer scored
/// the same (the strongest would also be the weakest), or when there is one answer ("Best
/// answer: ..." when it scored above 0, never for a 0/100 answer).
pub fn best_and_worst(d: &Debrief) -> Vec<String> {
    let (Some(s), w) = (d.strongest(), d.weakest()) else {
        return Vec::new();
    };
    match w {
        Some(w) if d.items[w].score() < d.items[s].score() => vec![
            format!("Strongest answer: {}", which(d, s)),
            format!("Weakest answer: {}", which(d, w)),
        ],
        Some(_) => vec![format!("Every answer scored {}/100", d.items[s].score())],
        // One answer: "best" only when it scored something.
        None if d.items[s].score() == 0 => vec!["No answer scored above 0/100".to_string()],
        None => vec![format!("Best answer: {}", which(d, s))],
    }
}

/// "question 2 (Budgeting), 85/100" for an item position.
fn which(d: &Debrief, pos: usize) -> String {
    let item = &d.items[pos];
    format!(
        "question {} ({}), {}/100",
        item.index + 1,
        sanitize_line(&item.question.category_title),
        item.score()
    )
}

#[cfg(test)]
#[path = "debrief_text_tests.rs"]
mod tests;
