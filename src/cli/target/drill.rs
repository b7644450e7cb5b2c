//! `prepdeck drill --plain --target NAME`: the line-mode drill with the target's cards first and
//! today's part of its plan added (see `study::TargetedStudy`). After the interview day the
//! target is archived and the drill is the normal one.

use std::process::ExitCode;

use chrono::Utc;

use super::{load, local_offset};
use crate::cli::drill_args::DrillArgs;
use crate::cli::home::Home;
use crate::cli::{Cli, load_decks, print_load_warnings};
use crate::core::target::{Prepared, prepare};
use crate::store::config::load_config;
use crate::study::{Study, TargetDrill, TargetedStudy, open_study};

pub(crate) fn drill(
    cli: &Cli,
    home: &Home,
    args: &DrillArgs,
    name: &str,
) -> anyhow::Result<ExitCode> {
    let target = load(home, name)?;
    if !args.plain {
        // The app's drill for the target (the same queue; `--deck`, `--limit` and the other
        // filters are line mode's).
        let start = crate::tui::Start::TargetDrill {
            name: target.name,
            weakest: args.filter().weakest,
        };
        return crate::cli::app::open(cli, home, start);
    }
    let loaded = load_decks(cli, home)?;
    let config = load_config(home.root())?;
    let offset = local_offset();
    let (mut study, warnings) = open_study(home, config.scheduler.clone(), offset)?;
    print_load_warnings(&home.state_file(), &warnings);
    let now = Utc::now();
    let filter = args.filter();
    let clock = Utc::now;
    let input = std::io::stdin().lock();
    let output = std::io::stdout().lock();
    let outcome = if target.is_past(now, offset) {
        eprintln!(
            "note: the interview for target {} is over (archived): this is the normal drill",
            target.name
        );
        crate::cli::drill_plain::run_plain_drill(
            input,
            output,
            &clock,
            &loaded.decks,
            &mut study,
            &filter,
        )?
    } else {
        let Prepared { focus, plan, .. } = prepare(
            &target,
            &loaded.decks,
            study.progress(),
            &config.scheduler,
            now,
            offset,
        );
        let drill = TargetDrill {
            focus,
            today: plan.map(|p| p.today),
        };
        let mut targeted = TargetedStudy::new(&mut study, drill);
        crate::cli::drill_plain::run_plain_drill(
            input,
            output,
            &clock,
            &loaded.decks,
            &mut targeted,
            &filter,
        )?
    };
    study.close();
    Ok(if outcome.not_recorded > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
