//! `prepdeck optimize [--reset]`: fits FSRS-6 weights to the user's reviews, keeps them only
//! when they predict that history better than the weights in use, and says so in plain words.

use std::process::ExitCode;

use chrono::Utc;

use super::home::Home;
use super::read_progress::read_progress;
use crate::core::schedule::{Evaluation, Fit, MIN_TRAINING_REVIEWS, Model, fit};
use crate::core::text::sanitize_line;
use crate::store::config::{load_config, load_config_file};
use crate::store::fsrs_parameters::{
    LastRun, load_optimised, parameters_path, remove_optimised, save_optimised,
};

pub fn run(home: &Home, reset: bool) -> anyhow::Result<ExitCode> {
    let path = sanitize_line(&parameters_path(home.root()).display().to_string());
    if reset {
        // Works even when the file is damaged: that is what it is for. A file holding only
        // the last run's record (a fit that was not kept) had the defaults in use already.
        let fitted = load_optimised(home.root()).map_or(true, |o| o.parameters.is_some());
        if remove_optimised(home.root())? && fitted {
            println!("Back to the default FSRS-6 weights (removed {path}).");
        } else {
            println!("Already using the default FSRS-6 weights: nothing was fitted.");
        }
        if load_config_file(home.root())?
            .scheduler
            .parameters
            .is_some()
        {
            println!("Note: config.toml sets scheduler.parameters; those are the ones used.");
        }
        return Ok(ExitCode::SUCCESS);
    }
    if load_config_file(home.root())?
        .scheduler
        .parameters
        .is_some()
    {
        return Err(super::UserError(
            "config.toml sets scheduler.parameters: remove that line to let `prepdeck optimize` \
             fit and manage the weights"
                .into(),
        )
        .into());
    }
    let config = load_config(home.root())?;
    let mut optimised = load_optimised(home.root())?;
    let (_, progress) = read_progress(home)?;
    let reviews = progress.reviews();
    let current = *Model::for_config(&config.scheduler).weights();
    let using = if optimised.parameters.is_some() {
        "in use (fitted before)"
    } else {
        "in use (the defaults)"
    };
    let result = fit(reviews, &current, config.scheduler.relearning_steps.len())?;
    let mut run = LastRun {
        at: Utc::now(),
        reviews: reviews.len(),
        kept: false,
        before: None,
        fitted: None,
    };
    match &result {
        Fit::NotEnoughData { training } => {
            println!(
                "Not enough history to fit yet: {training} of your reviews came a day or more \
                 after an earlier review of the same card; the optimiser needs at least \
                 {MIN_TRAINING_REVIEWS}."
            );
            println!("Nothing changed. Run `prepdeck optimize` again after more reviews.");
        }
        Fit::Fitted {
            training,
            current,
            fitted,
            evaluation,
        } => {
            println!("Fitted FSRS-6 weights to {training} of your reviews.");
            println!("How well each set of weights predicts your history (lower is better):");
            println!("  {:<22}  log loss     RMSE", "");
            println!("  {using:<22}  {}", figures(current));
            println!("  {:<22}  {}", "newly fitted", figures(evaluation));
            run.before = Some(*current);
            run.fitted = Some(*evaluation);
            if result.is_better() {
                run.kept = true;
                optimised.parameters = Some(fitted.clone());
                println!(
                    "The newly fitted weights predict your reviews better: every schedule now \
                     uses them (saved in {path}; `prepdeck optimize --reset` goes back to the \
                     defaults)."
                );
            } else {
                println!(
                    "The newly fitted weights are not better on both counts: kept the weights \
                     in use, which predict your reviews as well or better."
                );
            }
        }
    }
    optimised.last_run = Some(run);
    save_optimised(home.root(), &optimised)?;
    Ok(ExitCode::SUCCESS)
}

fn figures(e: &Evaluation) -> String {
    format!("{:>8.4}  {:>6.2}%", e.log_loss, e.rmse * 100.0)
}
