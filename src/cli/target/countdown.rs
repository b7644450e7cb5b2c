//! Days to an interview, in words (`target show`, `target plan`): the core's, shared with the
//! app.

pub(crate) use crate::core::target::countdown;
