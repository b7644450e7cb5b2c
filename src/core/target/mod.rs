//! Interview targets: a job description and a date, read against the bank.
//!
//! Owns reading a job posting offline ([`posting`], [`terms`]), ranking the bank's categories
//! and cards by relevance to it and the coverage of its requirements ([`relevance`]). Pure like
//! the rest of the core: the posting arrives as text, `now` as a value; storing targets is
//! `store::targets`' job.

pub mod brief;
pub mod focus;
pub mod index;
pub mod mock;
pub mod model;
pub mod plan;
#[cfg(test)]
mod plan_tests;
pub mod posting;
pub mod prepare;
pub mod relevance;
pub mod stories;
pub mod terms;

pub use brief::{BriefInput, brief};
pub use focus::{Focus, RelevantCard, focus};
pub use mock::target_questions;
pub use model::{
    InterviewDate, MAX_JOB_BYTES, PlanLimits, Target, TargetInputError, TargetName, check_job_text,
    countdown, sort_targets,
};
pub use plan::{Plan, PlanSettings, Today, plan};
pub use prepare::{Prepared, prepare};
pub use relevance::{Answer, CardScore, CategoryScore, Coverage, Reading, Requirement, read_job};
pub use stories::{StoryLink, link_stories};
