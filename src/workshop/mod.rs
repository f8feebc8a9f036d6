//! The coach's tools: the commented `init` template and the interview that
//! asks a participant for each field.

pub mod interview;
pub mod template;
pub(crate) mod write;
