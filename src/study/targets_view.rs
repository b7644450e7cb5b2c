//! Interview targets for a front end (the app's targets screen and home countdown): the list,
//! one target read against the bank and the user's progress (requirements, plan, brief),
//! adding one from text typed or pasted into the app, removing one, and the cards a drill for
//! it asks. The line-mode commands (`prepdeck target ...`) use the same core and store.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};

use super::port::{DrillFilter, Study};
use super::target::{TargetDrill, target_queue};
use crate::core::deck::Deck;
use crate::core::ids::{CardKey, CategoryId, DeckId};
use crate::core::target::{
    BriefInput, Focus, InterviewDate, Plan, PlanLimits, Prepared, Reading, Target,
    TargetInputError, TargetName, brief, check_job_text, link_stories, prepare, sort_targets,
};
use crate::core::text::sanitize_line;
use crate::store::targets::{TargetStoreError, add_target, list_targets, load_target};

/// Every target, upcoming first (soonest first), undated, then past ones; and the files that
/// could not be read (one line each).
#[derive(Clone, Debug, Default)]
pub struct TargetsList {
    pub targets: Vec<Target>,
    pub problems: Vec<String>,
}

/// One target read against the bank and the user's progress.
#[derive(Clone, Debug)]
pub struct TargetDetail {
    pub target: Target,
    /// With the user's stories linked to the requirements.
    pub reading: Reading,
    pub focus: Focus,
    /// `None` without a date.
    pub plan: Option<Plan>,
    /// Readiness (0 to 100, as the statistics) of each category.
    pub readiness: HashMap<(DeckId, CategoryId), f64>,
    /// The one-page brief (Markdown).
    pub brief: String,
    pub archived: bool,
    pub offset: FixedOffset,
}

/// The next interview for the home screen: its countdown and today's part of its plan.
#[derive(Clone, Debug, PartialEq)]
pub struct NextTarget {
    pub name: TargetName,
    pub title: String,
    pub days_left: i64,
    pub new_today: usize,
    pub reviews_today: usize,
    /// Target cards learned of all, and the mean recall on the day if you stopped now.
    pub learned: usize,
    pub cards: usize,
    pub recall_on_day: f64,
}

/// What the user typed into the app's "new target" form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewTarget {
    pub name: String,
    pub date: String,
    pub company: String,
    pub role: String,
    pub notes: String,
    pub job: String,
}

/// "IT Manager at Acme", or the name.
pub fn target_title(t: &Target) -> String {
    let line = |s: &str| sanitize_line(s).trim().to_string();
    match (&t.role, &t.company) {
        (Some(r), Some(c)) => format!("{} at {}", line(r), line(c)),
        (Some(r), None) => line(r),
        (None, Some(c)) => line(c),
        (None, None) => t.name.to_string(),
    }
}

/// Every target; `None` when this progress has no data folder.
pub fn targets_list(study: &dyn Study, now: DateTime<Utc>) -> Option<TargetsList> {
    let home = study.data_home()?;
    let (_, offset) = study.schedule_settings();
    let (mut targets, problems) = list_targets(home);
    sort_targets(&mut targets, now, offset);
    Some(TargetsList {
        targets,
        problems: problems
            .iter()
            .map(|p| sanitize_line(&p.to_string()))
            .collect(),
    })
}

fn load(study: &dyn Study, name: &TargetName) -> Result<Target, String> {
    let home = study
        .data_home()
        .ok_or_else(|| "no data folder: targets are kept in the data folder".to_string())?;
    load_target(home, name).map_err(|e| sanitize_line(&e.to_string()))
}

/// Reads target `name` against `decks` and the progress: requirements and their coverage
/// (with the user's stories), the plan to the date, readiness and the brief.
pub fn target_detail(
    study: &dyn Study,
    decks: &[Deck],
    name: &TargetName,
    now: DateTime<Utc>,
) -> Result<TargetDetail, String> {
    let target = load(study, name)?;
    let (config, offset) = study.schedule_settings();
    let empty = crate::core::schedule::Progress::default();
    let progress = study.replayed().unwrap_or(&empty);
    let Prepared {
        mut reading,
        focus,
        plan,
    } = prepare(&target, decks, progress, &config, now, offset);
    if let Some(Ok(bank)) = study.stories().map(|s| s.bank) {
        link_stories(&mut reading, &bank, decks);
    }
    let readiness: HashMap<(DeckId, CategoryId), f64> = study
        .stats(decks, now)
        .categories
        .into_iter()
        .map(|c| ((c.deck, c.category), c.readiness))
        .collect();
    let ready = |d: &DeckId, c: &CategoryId| readiness.get(&(d.clone(), c.clone())).copied();
    let brief = brief(&BriefInput {
        target: &target,
        decks,
        reading: &reading,
        plan: plan.as_ref(),
        readiness: &ready,
        offset,
    });
    let archived = target.is_past(now, offset);
    Ok(TargetDetail {
        target,
        reading,
        focus,
        plan,
        readiness,
        brief,
        archived,
        offset,
    })
}

/// The soonest upcoming target with a date, for the home screen (`None` without one).
pub fn next_target(study: &dyn Study, decks: &[Deck], now: DateTime<Utc>) -> Option<NextTarget> {
    let list = targets_list(study, now)?;
    let (config, offset) = study.schedule_settings();
    let target = list
        .targets
        .into_iter()
        .find(|t| t.date.is_some() && !t.is_past(now, offset))?;
    let empty = crate::core::schedule::Progress::default();
    let progress = study.replayed().unwrap_or(&empty);
    let plan = prepare(&target, decks, progress, &config, now, offset).plan?;
    Some(NextTarget {
        title: target_title(&target),
        name: target.name,
        days_left: plan.days_left,
        new_today: plan.today.new.len(),
        reviews_today: plan.today.reviews.len(),
        learned: plan.learned,
        cards: plan.cards,
        recall_on_day: plan.recall_on_day,
    })
}

/// Why a new target was refused (nothing was written).
#[derive(Debug, PartialEq, Eq)]
pub struct Refused(pub String);

/// Checks every field of `new` and writes the target; refuses (writing nothing) a bad name,
/// a bad or past date, an empty, binary or oversized description, or a name that exists.
pub fn create_target(
    study: &dyn Study,
    new: &NewTarget,
    now: DateTime<Utc>,
) -> Result<Target, Refused> {
    let refuse = |e: TargetInputError| Refused(e.to_string());
    let home = study
        .data_home()
        .ok_or_else(|| Refused("no data folder: targets are kept in the data folder".into()))?;
    let (_, offset) = study.schedule_settings();
    let name = TargetName::parse(new.name.trim()).map_err(refuse)?;
    let date = match new.date.trim() {
        "" => None,
        d => {
            let date = InterviewDate::parse(d).map_err(refuse)?;
            date.check_future(now, offset).map_err(refuse)?;
            Some(date)
        }
    };
    let job = check_job_text(new.job.as_bytes()).map_err(refuse)?;
    let blank = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let target = Target {
        name,
        company: blank(&new.company),
        role: blank(&new.role),
        date,
        notes: blank(&new.notes),
        created: now,
        limits: PlanLimits::default(),
        job,
    };
    add_target(home, &target)
        .map_err(|e: TargetStoreError| Refused(sanitize_line(&e.to_string())))?;
    Ok(target)
}

/// Keeps new plan limits in target `name`'s file (replaced atomically; a file that cannot be
/// read is left alone).
pub fn set_target_limits(
    study: &dyn Study,
    name: &TargetName,
    limits: PlanLimits,
) -> Result<(), String> {
    let home = study
        .data_home()
        .ok_or_else(|| "no data folder".to_string())?;
    let mut target = load_target(home, name).map_err(|e| sanitize_line(&e.to_string()))?;
    target.limits = limits;
    crate::store::targets::replace_target(home, &target)
        .map(|_| ())
        .map_err(|e| sanitize_line(&e.to_string()))
}

/// Deletes target `name`'s file.
pub fn delete_target(study: &dyn Study, name: &TargetName) -> Result<(), String> {
    let home = study
        .data_home()
        .ok_or_else(|| "no data folder".to_string())?;
    crate::store::targets::remove_target(home, name)
        .map(|_| ())
        .map_err(|e| sanitize_line(&e.to_string()))
}

/// The cards of a drill for `detail`'s target, in order: today's part of its plan, then its
/// other cards due today, then the rest of today's queue (see [`target_queue`]); with
/// `weakest`, the weakest of its categories. An archived target gives the normal drill.
pub fn target_drill_cards(
    study: &dyn Study,
    decks: &[Deck],
    detail: &TargetDetail,
    weakest: Option<usize>,
    now: DateTime<Utc>,
) -> Vec<CardKey> {
    let filter = DrillFilter {
        weakest,
        ..DrillFilter::default()
    };
    if detail.archived {
        return study.queue(decks, &filter, now);
    }
    let drill = TargetDrill {
        focus: detail.focus.clone(),
        today: detail.plan.as_ref().map(|p| p.today.clone()),
    };
    target_queue(study, decks, &filter, &drill, now)
}
