//! `prepdeck target`: interview targets (a job description and a date) kept in
//! `<home>/targets/`, what the job stresses in the bank, and the plan to the day.

mod context;
mod countdown;
mod drill;
mod mock;
mod plan_out;
mod show;

pub(crate) use drill::drill;
pub(crate) use mock::{FrontEnd, mock_questions, mock_target};

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{FixedOffset, Utc};
use clap::Subcommand;

use super::home::Home;
use super::{Cli, UsageError, UserError};
use crate::cli::output::Format;
use crate::core::target::{
    InterviewDate, MAX_JOB_BYTES, PlanLimits, Target, TargetInputError, TargetName, check_job_text,
};
use crate::core::text::sanitize_line;
use crate::store::targets::{
    TargetStoreError, add_target, list_targets, load_target, remove_target, replace_target,
};

pub const EXAMPLES: &str = "\
Examples:
  prepdeck target add acme --job posting.txt --date 2026-03-14T10:30 --company Acme --role \"IT Manager\"
  pbpaste | prepdeck target add acme --job -
  prepdeck target list
  prepdeck target show acme            what the job stresses, and your coverage of it
  prepdeck target plan acme            the daily plan to the interview
  prepdeck target brief acme -o brief.md   a one-page brief for the morning of the interview
  prepdeck drill --target acme         today's part of the plan, the target's cards first
  prepdeck mock --target acme          a mock interview drawn from the job's requirements

Targets are kept in <home>/targets/NAME.toml (private to you); the job description stays on
this computer.";

#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    /// Add a target from a job description (a file, or - for stdin)
    Add {
        /// A short name: lower-case letters, digits and hyphens (e.g. acme-it-manager)
        name: String,
        #[command(flatten)]
        fields: Fields,
        /// The job description as a text file, or - to read it from stdin
        #[arg(long, value_name = "FILE|-")]
        job: PathBuf,
    },
    /// Change a target's date, company, role, notes, limits or job description
    Edit {
        name: String,
        #[command(flatten)]
        fields: Fields,
        /// Replace the job description (a text file, or - for stdin)
        #[arg(long, value_name = "FILE|-")]
        job: Option<PathBuf>,
        /// Forget the interview date
        #[arg(long, conflicts_with = "date")]
        no_date: bool,
    },
    /// Every target: upcoming ones first (soonest first), then past ones (archived)
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// What the job stresses: the bank's categories ranked, each requirement's coverage and
    /// the cards that answer it, readiness and the plan
    Show {
        name: String,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// The daily plan to the interview: new cards and reviews a day, recall on the day per
    /// category, and today's cards
    Plan {
        name: String,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// A one-page brief (Markdown) to read before the interview: the top requirements with
    /// your cards' outlines, the areas still open, your notes and questions for the panel
    Brief {
        name: String,
        /// Write to FILE instead of stdout (never overwrites without --force)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Delete a target (its file in <home>/targets/)
    Remove { name: String },
}

/// The fields `add` and `edit` share.
#[derive(Debug, Clone, clap::Args)]
pub struct Fields {
    /// Interview date (local time): YYYY-MM-DD or YYYY-MM-DDTHH:MM
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The employer
    #[arg(long, value_name = "C")]
    pub company: Option<String>,
    /// The job title
    #[arg(long, value_name = "R")]
    pub role: Option<String>,
    /// Free notes: interviewers, logistics, questions to ask them
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
    /// At most this many new target cards per day in the plan [default: 20]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub new_per_day: Option<u32>,
    /// At most this many target reviews per day in the plan [default: 200]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10000))]
    pub reviews_per_day: Option<u32>,
}

pub fn run(cli: &Cli, home: &Home, command: &TargetCommand) -> anyhow::Result<ExitCode> {
    match command {
        TargetCommand::Add { name, fields, job } => add(home, name, fields, job),
        TargetCommand::Edit {
            name,
            fields,
            job,
            no_date,
        } => edit(home, name, fields, job.as_deref(), *no_date),
        TargetCommand::List { json } => list(home, Format::json_if(*json)),
        TargetCommand::Show { name, json } => show::show(cli, home, name, Format::json_if(*json)),
        TargetCommand::Plan { name, json } => {
            plan_out::run(cli, home, name, Format::json_if(*json))
        }
        TargetCommand::Brief {
            name,
            output,
            force,
        } => brief(cli, home, name, output.as_deref(), *force),
        TargetCommand::Remove { name } => remove(home, name),
    }
}

/// The local UTC offset now (targets' dates are local).
pub(crate) fn local_offset() -> FixedOffset {
    *chrono::Local::now().offset()
}

pub(crate) fn parse_name(name: &str) -> anyhow::Result<TargetName> {
    TargetName::parse(name).map_err(|e| UsageError(e.to_string()).into())
}

/// Loads the target `name` for a command, with the message for the user on failure.
pub(crate) fn load(home: &Home, name: &str) -> anyhow::Result<Target> {
    let name = parse_name(name)?;
    load_target(home, &name).map_err(store_error)
}

pub(crate) fn store_error(e: TargetStoreError) -> anyhow::Error {
    UserError(sanitize_line(&e.to_string())).into()
}

fn input_error(e: TargetInputError) -> anyhow::Error {
    match e {
        TargetInputError::BadName(_) | TargetInputError::BadDate(_) => {
            UsageError(e.to_string()).into()
        }
        _ => UserError(e.to_string()).into(),
    }
}

/// Reads the job description from `path` (`-`: stdin), at most one byte over the limit.
fn read_job(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    let cap = MAX_JOB_BYTES as u64 + 1;
    let shown = if path == Path::new("-") {
        "stdin".to_string()
    } else {
        sanitize_line(&path.display().to_string())
    };
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                UserError(format!(
                    "could not read the job description from stdin: {e}"
                ))
            })?;
    } else {
        use crate::store::bounded::{ReadError, read_regular};
        bytes = match read_regular(path, MAX_JOB_BYTES as u64) {
            Ok(Some(b)) => b,
            Ok(None) => {
                return Err(UserError(format!(
                    "could not read the job description {shown}: no such file"
                ))
                .into());
            }
            Err(ReadError::TooLarge { .. }) => return Err(too_large(&shown)),
            Err(e) => {
                return Err(
                    UserError(format!("could not read the job description {shown}: {e}")).into(),
                );
            }
        };
    }
    check_job_text(&bytes).map_err(|e| match e {
        TargetInputError::JobTooLarge(_) => too_large(&shown),
        e => input_error(e),
    })
}

fn too_large(shown: &str) -> anyhow::Error {
    UserError(format!(
        "the job description ({shown}) is larger than {MAX_JOB_BYTES} bytes (256 KB); save only \
         the posting's text and try again"
    ))
    .into()
}

fn parse_date(s: &str) -> anyhow::Result<InterviewDate> {
    let date = InterviewDate::parse(s).map_err(input_error)?;
    date.check_future(Utc::now(), local_offset())
        .map_err(input_error)?;
    Ok(date)
}

/// Blank text given for a field means "none".
fn non_blank(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn add(home: &Home, name: &str, fields: &Fields, job: &Path) -> anyhow::Result<ExitCode> {
    // Every check before anything is written.
    let name = parse_name(name)?;
    let date = fields.date.as_deref().map(parse_date).transpose()?;
    let job = read_job(job)?;
    let target = Target {
        name,
        company: non_blank(&fields.company),
        role: non_blank(&fields.role),
        date,
        notes: non_blank(&fields.notes),
        created: Utc::now(),
        limits: PlanLimits {
            new_per_day: fields.new_per_day,
            reviews_per_day: fields.reviews_per_day,
        },
        job,
    };
    let path = add_target(home, &target).map_err(store_error)?;
    println!(
        "Added target {} ({}). `prepdeck target show {}` shows what the job stresses.",
        target.name,
        sanitize_line(&path.display().to_string()),
        target.name
    );
    Ok(ExitCode::SUCCESS)
}

fn edit(
    home: &Home,
    name: &str,
    fields: &Fields,
    job: Option<&Path>,
    no_date: bool,
) -> anyhow::Result<ExitCode> {
    let mut target = load(home, name)?;
    if let Some(d) = &fields.date {
        target.date = Some(parse_date(d)?);
    }
    if no_date {
        target.date = None;
    }
    if let Some(j) = job {
        target.job = read_job(j)?;
    }
    if fields.company.is_some() {
        target.company = non_blank(&fields.company);
    }
    if fields.role.is_some() {
        target.role = non_blank(&fields.role);
    }
    if fields.notes.is_some() {
        target.notes = non_blank(&fields.notes);
    }
    if fields.new_per_day.is_some() {
        target.limits.new_per_day = fields.new_per_day;
    }
    if fields.reviews_per_day.is_some() {
        target.limits.reviews_per_day = fields.reviews_per_day;
    }
    replace_target(home, &target).map_err(store_error)?;
    println!("Updated target {}.", target.name);
    Ok(ExitCode::SUCCESS)
}

fn brief(
    cli: &Cli,
    home: &Home,
    name: &str,
    output: Option<&Path>,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let ctx = context::read_context(cli, home, name)?;
    let readiness = |d: &crate::core::ids::DeckId, c: &crate::core::ids::CategoryId| {
        ctx.readiness.get(&(d.clone(), c.clone())).copied()
    };
    let md = crate::core::target::brief(&crate::core::target::BriefInput {
        target: &ctx.target,
        decks: &ctx.decks,
        reading: &ctx.reading,
        plan: ctx.plan.as_ref(),
        readiness: &readiness,
        offset: ctx.offset,
    });
    match output {
        Some(path) => {
            crate::cli::output::write_output_file(cli, home, path, md.as_bytes(), force)?;
            eprintln!("Wrote {}", sanitize_line(&path.display().to_string()));
        }
        None => print!("{md}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn remove(home: &Home, name: &str) -> anyhow::Result<ExitCode> {
    let name = parse_name(name)?;
    let path = remove_target(home, &name).map_err(store_error)?;
    println!(
        "Removed target {name} ({}).",
        sanitize_line(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// Upcoming targets (soonest first, undated last), then past ones (latest first).
pub(crate) fn sorted_targets(home: &Home) -> (Vec<Target>, Vec<TargetStoreError>) {
    let (mut targets, problems) = list_targets(home);
    crate::core::target::sort_targets(&mut targets, Utc::now(), local_offset());
    (targets, problems)
}

fn list(home: &Home, format: Format) -> anyhow::Result<ExitCode> {
    let (targets, problems) = sorted_targets(home);
    for p in &problems {
        eprintln!("warning: {}", sanitize_line(&p.to_string()));
    }
    let now = Utc::now();
    let offset = local_offset();
    if format == Format::Json {
        let rows: Vec<serde_json::Value> = targets
            .iter()
            .map(|t| show::summary_json(t, now, offset))
            .collect();
        crate::core::json::to_writer_pretty(std::io::stdout().lock(), &rows)?;
        println!();
    } else if targets.is_empty() && !problems.is_empty() {
        println!(
            "No target could be read: {} target file(s) have problems (above). Fix or remove them.",
            problems.len()
        );
    } else if targets.is_empty() {
        println!(
            "No targets yet. Add one: prepdeck target add NAME --job posting.txt --date YYYY-MM-DD"
        );
    } else {
        for t in &targets {
            println!("{}", show::summary_line(t, now, offset));
        }
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
