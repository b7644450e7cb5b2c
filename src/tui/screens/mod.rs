//! The screens: each owns its state, turns keys into effects given a read-only context and
//! `now`, and draws itself (through its file in [`super::view`]). None calls the study layer
//! or knows another screen; the app opens them by [`super::screen::Route`].

pub mod browser;
pub mod debrief;
mod debrief_own;
pub mod drill;
pub mod history;
pub mod home;
pub mod mock_run;
mod mock_run_own;
pub mod mock_setup;
mod paste;
pub mod point_cursor;
pub mod problems;
pub mod stats;
pub mod stories;
pub mod target_form;
pub mod targets;
pub mod text_box;
