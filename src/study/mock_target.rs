//! Which interview target the next mock interview is for, for every front end: the one named
//! last (`prepdeck mock --target`, the app's target mock), kept in the data folder while it is
//! upcoming, and forgotten once it is removed, broken or past (`--no-target` forgets it too).

use chrono::{DateTime, FixedOffset, Utc};

use crate::core::target::{Target, TargetName};
use crate::store::error::StoreError;
use crate::store::paths::Home;
use crate::store::targets::{load_mock_target, load_target, save_mock_target};

/// The remembered target, as found.
#[derive(Debug)]
pub enum RememberedTarget {
    /// None is remembered.
    None,
    /// The remembered target; its interview is still to come.
    Upcoming(Target),
    /// The remembered target is gone, broken or past, so it was forgotten (the second part:
    /// whether forgetting it was written).
    Forgotten(TargetName, Result<(), StoreError>),
}

/// The target the next mock interview is for (see [`RememberedTarget`]); one that is no
/// longer upcoming is forgotten here.
pub fn remembered_mock_target(
    home: &Home,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> RememberedTarget {
    let Some(name) = load_mock_target(home) else {
        return RememberedTarget::None;
    };
    match load_target(home, &name) {
        Ok(t) if !t.is_past(now, offset) => RememberedTarget::Upcoming(t),
        _ => {
            let forgot = save_mock_target(home, None);
            RememberedTarget::Forgotten(name, forgot)
        }
    }
}

/// Remembers `name` for the next mock interviews (`None`: forgets the one remembered).
pub fn remember_mock_target(home: &Home, name: Option<&TargetName>) -> Result<(), StoreError> {
    save_mock_target(home, name)
}
