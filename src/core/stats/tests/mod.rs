mod compute;
mod drill;
mod readiness;
mod support;
