//! Everything a target command works from: the target, the decks, the reading of its job
//! description, its focus, progress and the plan to the date.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};

use super::{load, local_offset};
use crate::cli::home::Home;
use crate::cli::{Cli, load_decks};
use crate::core::deck::Deck;
use crate::core::ids::{CategoryId, DeckId};
use crate::core::target::{Plan, Prepared, Reading, Target, prepare};
use crate::store::config::load_config;
use crate::study::{Study, read_study};

/// A target read against the bank and the user's progress.
pub(crate) struct Context {
    pub target: Target,
    pub decks: Vec<Deck>,
    pub reading: Reading,
    /// `None` without a date.
    pub plan: Option<Plan>,
    /// Readiness (0 to 100, as `prepdeck stats`) of each category.
    pub readiness: HashMap<(DeckId, CategoryId), f64>,
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

impl Context {
    /// A category's readiness as a table cell ("-" when unknown).
    pub(crate) fn readiness_cell(&self, deck: &DeckId, category: &CategoryId) -> String {
        self.readiness
            .get(&(deck.clone(), category.clone()))
            .map_or("-".to_string(), |r| format!("{r:.0}"))
    }
}

/// Reads the target `name`, the decks and (without locking it) the state file.
pub(crate) fn read_context(cli: &Cli, home: &Home, name: &str) -> anyhow::Result<Context> {
    let target = load(home, name)?;
    let loaded = load_decks(cli, home)?;
    let config = load_config(home.root())?;
    let offset = local_offset();
    let now = Utc::now();
    let (study, warnings) = read_study(home, config.scheduler.clone(), offset)?;
    crate::cli::print_load_warnings(&home.state_file(), &warnings);
    let Prepared {
        mut reading, plan, ..
    } = prepare(
        &target,
        &loaded.decks,
        study.progress(),
        &config.scheduler,
        now,
        offset,
    );
    link_user_stories(home, &mut reading, &loaded.decks);
    let readiness = study
        .stats(&loaded.decks, now)
        .categories
        .into_iter()
        .map(|c| ((c.deck, c.category), c.readiness))
        .collect();
    Ok(Context {
        target,
        decks: loaded.decks,
        reading,
        plan,
        readiness,
        now,
        offset,
    })
}

/// Links the user's stories to the requirements. A story bank that cannot be read is a note
/// (`prepdeck stories check` says what is wrong), not a failure of the target command.
fn link_user_stories(home: &Home, reading: &mut Reading, decks: &[Deck]) {
    let path = crate::store::stories::stories_file(home);
    match crate::store::stories::load_stories(&path) {
        Ok(loaded) => crate::core::target::link_stories(reading, &loaded.bank, decks),
        Err(_) => eprintln!(
            "note: {} could not be read, so no stories are linked (see `prepdeck stories list`)",
            crate::core::text::sanitize_line(&path.display().to_string())
        ),
    }
}
