//! Scenario and property tests across the scheduler, replay and the queue.

mod properties;
mod queue;
mod replay;
mod support;
