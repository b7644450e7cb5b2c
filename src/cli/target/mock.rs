//! `prepdeck mock --plain --target NAME`: which target a mock interview is for (given, or
//! remembered from the last one until `--no-target`), and its questions.

use chrono::{DateTime, Utc};

use super::{load, local_offset};
use crate::cli::UserError;
use crate::cli::home::Home;
use crate::core::deck::Deck;
use crate::core::ids::CardKey;
use crate::core::session::{MockQuestion, MockSetup};
use crate::core::target::{Target, focus, read_job, target_questions};
use crate::core::text::sanitize_line;
use crate::study::{RememberedTarget, remember_mock_target, remembered_mock_target};

/// Where the interview runs: line mode says which target it is for and reads the remembered
/// one here; the app shows the remembered one on its setup screen and reads it itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FrontEnd {
    App,
    LineMode,
}

/// The target of this interview: `--target NAME` (remembered), else (in line mode) the
/// remembered one while it is upcoming; `--no-target` forgets it.
pub(crate) fn mock_target(
    home: &Home,
    given: Option<&str>,
    no_target: bool,
    front_end: FrontEnd,
    now: DateTime<Utc>,
) -> anyhow::Result<Option<Target>> {
    let plain = front_end == FrontEnd::LineMode;
    if no_target {
        remember_mock_target(home, None)?;
        return Ok(None);
    }
    if let Some(name) = given {
        let target = load(home, name)?;
        if target.is_past(now, local_offset()) {
            return Err(UserError(format!(
                "the interview for target {name} is over (archived); `prepdeck mock` asks from \
                 the whole bank"
            ))
            .into());
        }
        remember_mock_target(home, Some(&target.name))?;
        if plain {
            println!(
                "Target: {} (remembered; --no-target for the whole bank)",
                target.name
            );
        }
        return Ok(Some(target));
    }
    if !plain {
        return Ok(None);
    }
    match remembered_mock_target(home, now, local_offset()) {
        RememberedTarget::None => Ok(None),
        RememberedTarget::Upcoming(t) => {
            println!(
                "Target: {} (remembered; --no-target for the whole bank)",
                sanitize_line(t.name.as_str())
            );
            Ok(Some(t))
        }
        RememberedTarget::Forgotten(name, forgot) => {
            // Removed, broken or over: back to the whole bank.
            eprintln!("note: the remembered target {name} is gone or past; asking from every deck");
            forgot?;
            Ok(None)
        }
    }
}

/// The questions of a mock interview for `target`.
pub(crate) fn mock_questions(
    target: &Target,
    decks: &[Deck],
    setup: &MockSetup,
    weakness: impl Fn(&CardKey) -> f64,
    seed: u64,
) -> Vec<MockQuestion> {
    let reading = read_job(decks, &target.job);
    let focus = focus(decks, &reading);
    target_questions(decks, &focus, &reading, setup, weakness, seed)
}
