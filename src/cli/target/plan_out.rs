//! `prepdeck target plan NAME [--json]`: the plan to the interview, and the part of it `show`
//! prints.

use std::fmt::Write;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::context::{Context, read_context};
use super::countdown::countdown;
use crate::cli::home::Home;
use crate::cli::output::Format;
use crate::cli::{Cli, UserError};
use crate::core::deck::find_card;
use crate::core::target::Plan;
use crate::core::text::truncate_line;

pub(super) fn run(cli: &Cli, home: &Home, name: &str, format: Format) -> anyhow::Result<ExitCode> {
    let ctx = read_context(cli, home, name)?;
    let Some(plan) = &ctx.plan else {
        return Err(UserError(format!(
            "target {} has no interview date; add one with `prepdeck target edit {} --date YYYY-MM-DD`",
            ctx.target.name, ctx.target.name
        ))
        .into());
    };
    if format == Format::Json {
        crate::core::json::to_writer_pretty(std::io::stdout().lock(), &plan_json(&ctx, plan))?;
        println!();
    } else {
        print!("{}", plan_text(&ctx, plan, PlanDetail::WithToday));
    }
    Ok(ExitCode::SUCCESS)
}

fn title(
    ctx: &Context,
    deck: &crate::core::ids::DeckId,
    c: &crate::core::ids::CategoryId,
) -> String {
    ctx.decks
        .iter()
        .find(|d| &d.id == deck)
        .and_then(|d| d.category(c))
        .map_or_else(|| c.to_string(), |c| c.title.clone())
}

/// The plan as JSON (every string from a deck sanitised).
pub(crate) fn plan_json(ctx: &Context, plan: &Plan) -> Value {
    let keys = |ks: &[crate::core::ids::CardKey]| -> Vec<Value> {
        ks.iter()
            .map(|k| {
                json!({
                    "deck": k.deck.as_str(),
                    "card": k.card.as_str(),
                    "question": find_card(&ctx.decks, k)
                        .map(|(_, c)| crate::core::text::sanitize_line(&c.question)),
                })
            })
            .collect()
    };
    json!({
        "target": ctx.target.name.as_str(),
        "interview_at": plan.interview_at.to_rfc3339(),
        "days_left": plan.days_left,
        "archived": plan.archived,
        "final_days": plan.final_days,
        "final_window_from": plan.final_window_from.to_rfc3339(),
        "in_final_window": plan.in_final_window,
        "cards": plan.cards,
        "learned": plan.learned,
        "new_per_day": plan.new_per_day,
        "reviews_per_day": plan.reviews_per_day,
        "final_reviews_per_day": plan.final_reviews_per_day,
        "limits": {"new_per_day": plan.limits.0, "reviews_per_day": plan.limits.1},
        "not_learned_in_time": plan.not_learned_in_time,
        "feasible": plan.feasible,
        "recall_on_day": round3(plan.recall_on_day),
        "today": {
            "new": keys(&plan.today.new),
            "reviews": keys(&plan.today.reviews),
            "new_done": plan.today.new_done,
        },
        "categories": plan.categories.iter().map(|c| json!({
            "deck": c.deck.as_str(),
            "category": c.category.as_str(),
            "title": crate::core::text::sanitize_line(&title(ctx, &c.deck, &c.category)),
            "cards": c.cards,
            "learned": c.learned,
            "recall_on_day": round3(c.recall_on_day),
            "ready": c.ready,
            "readiness": ctx.readiness.get(&(c.deck.clone(), c.category.clone())).map(|r| round3(*r)),
        })).collect::<Vec<_>>(),
    })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// How much of a plan [`plan_text`] shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlanDetail {
    /// The plan with today's cards (`prepdeck target plan`).
    WithToday,
    /// Without them (under `prepdeck target show`).
    Outline,
}

/// The plan as text, with today's cards for [`PlanDetail::WithToday`].
pub(crate) fn plan_text(ctx: &Context, plan: &Plan, detail: PlanDetail) -> String {
    let mut out = String::new();
    let name = &ctx.target.name;
    if plan.archived {
        let _ = writeln!(
            out,
            "The interview was on {} (archived): drills follow the normal schedule again.",
            plan.interview_at
                .with_timezone(&ctx.offset)
                .format("%Y-%m-%d")
        );
        return out;
    }
    let _ = writeln!(
        out,
        "Plan to the interview ({}): {} of {} target cards learned; recall on the day if you \
         stopped now: {}",
        countdown(plan.days_left),
        plan.learned,
        plan.cards,
        pct(plan.recall_on_day)
    );
    let _ = writeln!(
        out,
        "  Each day: {} new, about {}; the last {} before it ({}) see every card \
         again: {} reviews a day",
        plan.new_per_day,
        crate::core::text::count(plan.reviews_per_day as usize, "review", "reviews"),
        crate::core::text::count(usize::try_from(plan.final_days).unwrap_or(0), "day", "days"),
        plan.final_window_from
            .with_timezone(&ctx.offset)
            .format("from %Y-%m-%d"),
        plan.final_reviews_per_day
    );
    if !plan.feasible {
        let _ = writeln!(
            out,
            "  Not enough room: {} card(s) cannot be learned in time within {} new and {} \
             reviews a day. Raise the limits (`prepdeck target edit {name} --new-per-day N \
             --reviews-per-day N`) or expect to skip some.",
            plan.not_learned_in_time, plan.limits.0, plan.limits.1
        );
    }
    let _ = writeln!(
        out,
        "  Today: {} new, {} reviews{}  (`prepdeck drill --target {name}`)",
        plan.today.new.len(),
        plan.today.reviews.len(),
        if plan.today.new_done > 0 {
            format!(" ({} new done already)", plan.today.new_done)
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        out,
        "\n  {:<44} {:>6} {:>8} {:>9} {:>9}",
        "Category", "cards", "learned", "recall*", "readiness"
    );
    for c in &plan.categories {
        let readiness = ctx.readiness_cell(&c.deck, &c.category);
        let _ = writeln!(
            out,
            "  {:<44} {:>6} {:>8} {:>9} {:>9}",
            truncate_line(
                &format!(
                    "{}/{} {}",
                    c.deck,
                    c.category,
                    title(ctx, &c.deck, &c.category)
                ),
                44
            ),
            c.cards,
            c.learned,
            pct(c.recall_on_day),
            readiness
        );
    }
    let _ = writeln!(
        out,
        "  * predicted recall on the interview day if you stopped now"
    );
    if detail == PlanDetail::WithToday {
        for (label, keys) in [
            ("New today", &plan.today.new),
            ("Reviews today", &plan.today.reviews),
        ] {
            if keys.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{label}");
            for k in keys {
                let q = find_card(&ctx.decks, k).map_or("", |(_, c)| c.question.as_str());
                let _ = writeln!(out, "  {}/{}: {}", k.deck, k.card, truncate_line(q, 70));
            }
        }
    }
    out
}
