//! Scenario and property tests across the scheduler, replay and the queue.

mod new_cards;
mod properties;
mod queue;
mod queue_before;
mod queue_properties;
mod reference;
mod replay;
mod support;
