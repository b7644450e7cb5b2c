//! Scheduling: when each card comes back, and what to study today.
//!
//! Owns the FSRS-6 memory model and the card state machine around it (New -> Learning ->
//! Review -> Relearning, semantics of py-fsrs 6), interval fuzz, replay of the state log into
//! per-card [`CardMemory`], today's queue with its limits, and the `[scheduler]` settings.
//!
//! Pure like the rest of the core: `now` and the local UTC offset are always parameters; it
//! never reads the clock, the time zone, files or the terminal. Reading `config.toml` and the
//! state log is the store's job.

mod card;
mod config;
mod earlier;
mod fsrs_formulas;
mod fuzz;
mod new_order;
mod optimize;
mod progress;
mod queue;
mod replay;
mod reviews;
mod scheduler;
mod time;
mod weakness;

#[cfg(test)]
mod tests;

pub use card::{CardMemory, LEECH_LAPSES, Phase};
pub use config::{Config, ConfigIssue, NewOrder, RETENTION_RANGE, SchedulerConfig, Step};
pub use earlier::{Activity, EarlierSource, Runs};
pub use fsrs_formulas::{
    Memory, Model, PARAMETER_BOUNDS, PARAMETER_COUNT, check_parameters, default_weights,
};
pub use fuzz::fuzz_seed;
pub use optimize::{
    Evaluation, Fit, MIN_TRAINING_REVIEWS, OptimizeError, evaluate, fit, optimize_suggestion,
    training_set,
};
pub use progress::{Progress, ReviewEntry, known_keys, review_room};
pub use queue::{
    DailyQueue, DeckCounts, Done, QueueEntry, QueueFilter, QueueKind, QueueSource, build_queue,
    build_queue_from,
};
pub use replay::{effective_reviews, replay};
pub use reviews::Reviews;
pub use scheduler::{GradePreview, Scheduler};
pub use time::{SUPPORTED_YEARS, day_start, format_interval, is_supported_time, next_day_start};
pub use weakness::mock_weakness;
