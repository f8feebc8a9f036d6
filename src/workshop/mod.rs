//! The coach's tools: the commented `init` template, the interview that
//! asks a participant for each field, and the workshop room (`serve`).

pub mod interview;
pub mod serve;
pub mod template;
pub(crate) mod write;
