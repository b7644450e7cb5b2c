//! `prepdeck target show` and the one-line summaries of `target list`: text and JSON, every
//! string from the target or the decks sanitised.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Utc};
use serde_json::{Value, json};

use super::context::{Context, read_context};
use super::countdown::countdown;
use super::plan_out::{PlanDetail, plan_json, plan_text};
use crate::cli::Cli;
use crate::cli::home::Home;
use crate::cli::output::Format;
use crate::core::deck::{Deck, find_card};
use crate::core::target::{Reading, Target};
use crate::core::text::{sanitize, sanitize_line, truncate_line};

/// How many categories and cards the text output lists.
const SHOWN_CATEGORIES: usize = 8;
const SHOWN_CARDS: usize = 3;
/// JSON lists this many of the most relevant cards.
const JSON_CARDS: usize = 50;

/// "upcoming", "past" (archived) or "undated".
fn status(t: &Target, now: DateTime<Utc>, offset: FixedOffset) -> &'static str {
    match t.date {
        None => "undated",
        Some(_) if t.is_past(now, offset) => "past",
        Some(_) => "upcoming",
    }
}

fn opt(s: &Option<String>) -> Value {
    s.as_deref()
        .map_or(Value::Null, |v| Value::String(sanitize(v)))
}

/// The fields `target list --json` gives for each target.
pub(super) fn summary_json(t: &Target, now: DateTime<Utc>, offset: FixedOffset) -> Value {
    json!({
        "name": t.name.as_str(),
        "company": opt(&t.company),
        "role": opt(&t.role),
        "date": t.date.map(|d| d.to_string()),
        "days_left": t.date.map(|d| d.days_left(now, offset)),
        "status": status(t, now, offset),
        "notes": opt(&t.notes),
        "new_per_day": t.limits.new_per_day,
        "reviews_per_day": t.limits.reviews_per_day,
        "created": t.created.to_rfc3339(),
    })
}

/// "acme  IT Manager at Acme  2026-03-14T10:30 (in 9 days)".
pub(super) fn summary_line(t: &Target, now: DateTime<Utc>, offset: FixedOffset) -> String {
    let what = match (&t.role, &t.company) {
        (Some(r), Some(c)) => format!("{r} at {c}"),
        (Some(r), None) => r.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => String::new(),
    };
    let when = match t.date {
        None => "no date".to_string(),
        Some(d) => format!("{d} ({})", countdown(d.days_left(now, offset))),
    };
    format!(
        "{:<20} {:<40} {}",
        t.name.as_str(),
        truncate_line(&what, 40),
        when
    )
}

fn question<'a>(decks: &'a [Deck], key: &crate::core::ids::CardKey) -> &'a str {
    find_card(decks, key).map_or("", |(_, c)| c.question.as_str())
}

/// `target show NAME --json`: the summary, the ranked categories and cards, and the
/// requirements with their coverage.
pub(crate) fn target_json(
    t: &Target,
    decks: &[Deck],
    reading: &Reading,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Value {
    let mut v = summary_json(t, now, offset);
    let categories: Vec<Value> = reading
        .categories
        .iter()
        .map(|c| {
            json!({
                "deck": c.deck.as_str(),
                "category": c.category.as_str(),
                "title": sanitize_line(&c.title),
                "score": c.score,
            })
        })
        .collect();
    let cards: Vec<Value> = reading
        .cards
        .iter()
        .take(JSON_CARDS)
        .map(|c| {
            json!({
                "deck": c.key.deck.as_str(),
                "card": c.key.card.as_str(),
                "category": c.category.as_str(),
                "question": sanitize_line(question(decks, &c.key)),
                "score": c.score,
            })
        })
        .collect();
    let requirements: Vec<Value> = reading
        .requirements
        .iter()
        .map(|r| {
            json!({
                "text": sanitize_line(&r.text),
                "weight": r.weight,
                "coverage": r.coverage,
                "cards": r.cards.iter().map(|a| json!({
                    "deck": a.key.deck.as_str(),
                    "card": a.key.card.as_str(),
                    "question": sanitize_line(question(decks, &a.key)),
                    "share": a.share,
                })).collect::<Vec<_>>(),
                "missing": r.missing.iter().map(|m| sanitize_line(m)).collect::<Vec<_>>(),
                "stories": r.stories.iter().map(|s| json!({
                    "id": sanitize_line(&s.id),
                    "title": sanitize_line(&s.title),
                    "shared": s.shared.iter().map(|w| sanitize_line(w)).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    if let Value::Object(map) = &mut v {
        map.insert("categories".into(), Value::Array(categories));
        map.insert("cards".into(), Value::Array(cards));
        map.insert("requirements".into(), Value::Array(requirements));
    }
    v
}

pub(super) fn show(cli: &Cli, home: &Home, name: &str, format: Format) -> anyhow::Result<ExitCode> {
    let ctx = read_context(cli, home, name)?;
    if format == Format::Json {
        let mut v = target_json(&ctx.target, &ctx.decks, &ctx.reading, ctx.now, ctx.offset);
        if let Value::Object(map) = &mut v {
            map.insert(
                "plan".into(),
                ctx.plan
                    .as_ref()
                    .map_or(Value::Null, |p| plan_json(&ctx, p)),
            );
        }
        crate::core::json::to_writer_pretty(std::io::stdout().lock(), &v)?;
        println!();
        return Ok(ExitCode::SUCCESS);
    }
    print!("{}", show_text(&ctx));
    Ok(ExitCode::SUCCESS)
}

fn show_text(ctx: &Context) -> String {
    use std::fmt::Write;
    let (t, decks, reading) = (&ctx.target, &ctx.decks[..], &ctx.reading);
    let (now, offset) = (ctx.now, ctx.offset);
    let mut out = String::new();
    let _ = writeln!(out, "Target {}", t.name);
    if let Some(r) = &t.role {
        let _ = writeln!(out, "  Role:    {}", sanitize_line(r));
    }
    if let Some(c) = &t.company {
        let _ = writeln!(out, "  Company: {}", sanitize_line(c));
    }
    match t.date {
        Some(d) => {
            let _ = writeln!(
                out,
                "  Date:    {d} ({})",
                countdown(d.days_left(now, offset))
            );
        }
        None => {
            let _ = writeln!(
                out,
                "  Date:    none (`prepdeck target edit {} --date YYYY-MM-DD`)",
                t.name
            );
        }
    }
    let _ = writeln!(
        out,
        "\nWhat the job stresses (the bank's categories, most relevant first)"
    );
    if reading.categories.is_empty() {
        let _ = writeln!(
            out,
            "  nothing in the loaded decks matches this description"
        );
    }
    let _ = writeln!(
        out,
        "  {:>5}  {:<44} {:>9}",
        "score", "category", "readiness"
    );
    for c in reading.categories.iter().take(SHOWN_CATEGORIES) {
        let readiness = ctx.readiness_cell(&c.deck, &c.category);
        let _ = writeln!(
            out,
            "  {:>5.2}  {:<44} {:>9}",
            c.score,
            truncate_line(&format!("{}/{} {}", c.deck, c.category, c.title), 44),
            readiness
        );
    }
    if let Some(plan) = &ctx.plan {
        let _ = writeln!(out);
        out.push_str(&plan_text(ctx, plan, PlanDetail::Outline));
    }
    let _ = writeln!(out, "\nRequirements and how the bank covers them");
    if reading.requirements.is_empty() {
        let _ = writeln!(
            out,
            "  The job description names no requirements prepdeck could read (give it the list of \
             duties and skills: prepdeck target edit {} --job FILE).",
            t.name
        );
    }
    for r in &reading.requirements {
        let _ = writeln!(
            out,
            "  [{}] {}",
            r.coverage.label(),
            truncate_line(&r.text, 100)
        );
        for a in r.cards.iter().take(SHOWN_CARDS) {
            let _ = writeln!(
                out,
                "      {}/{}: {}",
                a.key.deck,
                a.key.card,
                truncate_line(question(decks, &a.key), 70)
            );
        }
        for story in &r.stories {
            let _ = writeln!(
                out,
                "      your story {}: {}",
                sanitize_line(&story.id),
                truncate_line(&story.title, 70)
            );
        }
        if !r.missing.is_empty() {
            let _ = writeln!(
                out,
                "      not in the bank: {}",
                truncate_line(&r.missing.join(", "), 80)
            );
        }
    }
    if let Some(n) = &t.notes {
        let _ = writeln!(out, "\nNotes");
        for line in sanitize(n).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}
