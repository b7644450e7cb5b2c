//! The one-page brief to read before the interview (Markdown): the role's top requirements
//! with the cards that answer them (their outlines or key points, and your own story where the
//! card has one) and the stories of your story bank that answer them, the weakest of the job's areas still open, your notes and your questions for
//! the panel. Every piece of text from the target or the decks is sanitised.

use std::fmt::Write;

use chrono::FixedOffset;

use super::model::Target;
use super::plan::Plan;
use super::posting::Weight;
use super::relevance::{Coverage, Reading};
use crate::core::deck::{Deck, find_card};
use crate::core::ids::{CategoryId, DeckId};
use crate::core::text::{sanitize, sanitize_line};

/// Requirements on the page.
pub const BRIEF_REQUIREMENTS: usize = 6;
/// Cards under each requirement.
pub const BRIEF_CARDS: usize = 2;
/// Outline bullets (or key points) under each card.
pub const BRIEF_POINTS: usize = 3;
/// Weak areas listed.
pub const BRIEF_WEAK: usize = 4;
/// A relevant category below this readiness (0-100) is still open.
pub const OPEN_READINESS: f64 = 60.0;

/// What the brief is made from.
pub struct BriefInput<'a> {
    pub target: &'a Target,
    pub decks: &'a [Deck],
    pub reading: &'a Reading,
    pub plan: Option<&'a Plan>,
    /// Readiness (0 to 100) of a category, as `prepdeck stats` computes it.
    pub readiness: &'a dyn Fn(&DeckId, &CategoryId) -> Option<f64>,
    pub offset: FixedOffset,
}

fn line(s: &str) -> String {
    sanitize_line(s).trim().to_string()
}

/// The brief as Markdown.
pub fn brief(input: &BriefInput<'_>) -> String {
    let t = input.target;
    let mut out = String::new();
    let what = match (&t.role, &t.company) {
        (Some(r), Some(c)) => format!("{} at {}", line(r), line(c)),
        (Some(r), None) => line(r),
        (None, Some(c)) => line(c),
        (None, None) => t.name.to_string(),
    };
    let _ = writeln!(out, "# Interview brief: {what}\n");
    if let Some(d) = t.date {
        let when = d.at(input.offset).with_timezone(&input.offset);
        let _ = writeln!(
            out,
            "**When:** {}{}  ",
            when.format("%A %-d %B %Y"),
            if d.time.is_some() {
                when.format(", %H:%M").to_string()
            } else {
                String::new()
            }
        );
    }
    if let Some(p) = input.plan.filter(|p| !p.archived) {
        let _ = writeln!(
            out,
            "**Ready:** {} of {} cards learned; predicted recall on the day {:.0}%",
            p.learned,
            p.cards,
            p.recall_on_day * 100.0
        );
    }

    let _ = writeln!(out, "\n## What they will ask about\n");
    let mut reqs: Vec<_> = input
        .reading
        .requirements
        .iter()
        .filter(|r| r.weight == Weight::Core)
        .collect();
    if reqs.is_empty() {
        reqs = input.reading.requirements.iter().collect();
    }
    // The posting's lists of duties and criteria before its prose, each in posting order.
    reqs.sort_by_key(|r| !r.bullet);
    if reqs.is_empty() {
        let _ = writeln!(
            out,
            "The job description names no requirements prepdeck could read."
        );
    }
    for (i, r) in reqs.iter().take(BRIEF_REQUIREMENTS).enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}** ({})",
            i + 1,
            line(&r.text),
            r.coverage.label()
        );
        for a in r.cards.iter().take(BRIEF_CARDS) {
            let Some((_, card)) = find_card(input.decks, &a.key) else {
                continue;
            };
            let _ = writeln!(out, "   - *{}*", line(&card.question));
            let points: Vec<String> = if card.notes.outline.is_empty() {
                card.key_points.iter().map(|k| line(&k.text)).collect()
            } else {
                card.notes.outline.iter().map(|o| line(o)).collect()
            };
            for p in points.iter().take(BRIEF_POINTS) {
                let _ = writeln!(out, "     - {p}");
            }
            if let Some(story) = &card.notes.own_story {
                let _ = writeln!(out, "     - Your story: {}", line(story));
            }
        }
        for story in &r.stories {
            let _ = writeln!(out, "   - Your story: **{}**", line(&story.title));
        }
        if r.stories.is_empty()
            && (r.coverage == Coverage::Gap
                || !r.missing.is_empty() && r.coverage != Coverage::Well)
        {
            let missing = if r.missing.is_empty() {
                String::new()
            } else {
                format!(" (not in your cards: {})", line(&r.missing.join(", ")))
            };
            let _ = writeln!(out, "   - Prepare an example of your own{missing}.");
        }
    }

    if let Some(p) = input.plan.filter(|p| !p.archived) {
        let mut open: Vec<(f64, String)> = p
            .categories
            .iter()
            .filter_map(|c| {
                let readiness = (input.readiness)(&c.deck, &c.category).unwrap_or(0.0);
                let open = readiness < OPEN_READINESS || c.ready < c.cards;
                let title = input
                    .decks
                    .iter()
                    .find(|d| d.id == c.deck)
                    .and_then(|d| d.category(&c.category))
                    .map_or_else(|| c.category.to_string(), |x| x.title.clone());
                open.then(|| {
                    (
                        readiness,
                        format!(
                            "- **{}**: readiness {readiness:.0}, recall on the day {:.0}% ({} of {} cards learned)",
                            line(&title),
                            c.recall_on_day * 100.0,
                            c.learned,
                            c.cards
                        ),
                    )
                })
            })
            .collect();
        open.sort_by(|a, b| a.0.total_cmp(&b.0));
        if !open.is_empty() {
            let _ = writeln!(out, "\n## Still open\n");
            for (_, l) in open.iter().take(BRIEF_WEAK) {
                let _ = writeln!(out, "{l}");
            }
        }
    }

    if let Some(notes) = &t.notes {
        let text = sanitize(notes);
        let (questions, rest): (Vec<&str>, Vec<&str>) = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .partition(|l| l.ends_with('?'));
        if !rest.is_empty() {
            let _ = writeln!(out, "\n## Notes\n");
            for l in rest {
                let _ = writeln!(out, "{l}  ");
            }
        }
        if !questions.is_empty() {
            let _ = writeln!(out, "\n## Your questions for the panel\n");
            for q in questions {
                let _ = writeln!(out, "- {}", q.trim_start_matches(['-', '*', ' ']));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::core::target::{PlanLimits, TargetName, focus, read_job};

    #[test]
    fn the_brief_lists_requirements_cards_open_areas_notes_and_questions() {
        let text = include_str!("../../../content/it-manager.toml");
        let source = crate::core::deck::DeckSource::Builtin("it-manager.toml".into());
        let decks = vec![crate::core::deck::parse_deck(text, source).unwrap()];
        let target = Target {
            name: TargetName::parse("acme").unwrap(),
            company: Some("Acme \u{1b}[31mLtd".into()),
            role: Some("IT Manager".into()),
            date: Some(crate::core::target::InterviewDate::parse("2026-03-20T10:30").unwrap()),
            notes: Some("Panel: CFO and COO\nWhat would success look like in six months?".into()),
            created: DateTime::<Utc>::default(),
            limits: PlanLimits::default(),
            job: "Duties\n- Build and track the annual IT budget\n- Manage suppliers and negotiate renewals\n".into(),
        };
        let reading = read_job(&decks, &target.job);
        let focus = focus(&decks, &reading);
        let offset = FixedOffset::east_opt(0).unwrap();
        let now = DateTime::parse_from_rfc3339("2026-03-10T09:00:00Z")
            .unwrap()
            .to_utc();
        let plan = crate::core::target::plan(
            &focus,
            &crate::core::schedule::Progress::default(),
            &crate::core::schedule::Model::default(),
            target.date.unwrap(),
            &crate::core::target::PlanSettings {
                now,
                offset,
                day_starts_at: 4,
                desired_retention: 0.9,
                limits: PlanLimits::default(),
            },
        );
        let md = brief(&BriefInput {
            target: &target,
            decks: &decks,
            reading: &reading,
            plan: Some(&plan),
            readiness: &|_, _| Some(10.0),
            offset,
        });
        assert!(
            md.starts_with("# Interview brief: IT Manager at Acme Ltd"),
            "{md}"
        );
        assert!(!md.contains('\u{1b}'));
        assert!(md.contains("Friday 20 March 2026, 10:30"), "{md}");
        assert!(
            md.contains("1. **Build and track the annual IT budget**"),
            "{md}"
        );
        assert!(md.contains("   - *"), "{md}");
        assert!(md.contains("## Still open"), "{md}");
        assert!(md.contains("## Notes\n\nPanel: CFO and COO"), "{md}");
        assert!(
            md.contains("## Your questions for the panel\n\n- What would success look like"),
            "{md}"
        );
        // One page: well under a hundred lines.
        assert!(md.lines().count() < 70, "{}", md.lines().count());
    }
}
