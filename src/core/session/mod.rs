//! Study sessions as pure state machines: `handle(event, now) -> effects`.
//!
//! A session never reads the clock, the terminal or files. It says what should happen (write
//! this record, show that card) and the front end does it, reporting back when storage has
//! made a record durable. Only then does the session move on.

pub mod drill;

#[cfg(test)]
mod tests;
