//! Study progress as the front ends see it: the state log and the scheduler behind one port.
//!
//! The glue between storage and the pure core, shared by the terminal app and the line-mode
//! front ends: [`Journal`] makes records durable, [`LogStudy`] replays them into card state and
//! answers queue, preview and overview questions. It never draws and never reads the clock.

mod drill_driver;
mod first_frame;
mod journal;
mod log_study;
mod material;
mod mock_driver;
mod mock_target;
mod open;
mod own_files;
pub mod past;
mod pending;
mod port;
mod target;
mod targets_view;
#[cfg(test)]
mod tests;

pub use drill_driver::{DrillDriver, DrillUpdate};
pub use first_frame::{FirstFrame, OpenProgress, home_overview};
pub use journal::{Journal, ReadOnlyLog};
pub use log_study::LogStudy;
pub use material::*;
pub use mock_driver::{
    GradeError, GradeOutcome, MockDriver, MockUpdate, PreparedMock, prepare_mock,
    prepare_mock_with, record_grade,
};
pub use mock_target::{RememberedTarget, remember_mock_target, remembered_mock_target};
pub use open::{lock_for_home, open_study, open_study_locked, read_study};
pub use pending::Pending;
pub use port::*;
pub use target::{TargetDrill, TargetedStudy, target_queue};
pub use targets_view::*;
