mod compute;
mod drill;
mod readiness;
pub(super) mod support;
