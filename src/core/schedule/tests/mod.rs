//! Scenario and property tests across the scheduler, replay and the queue.

mod new_cards;
mod properties;
mod queue;
mod reference;
mod replay;
mod support;
