//! Rule packs (loaded and compiled from YAML), their conditions, the rule set
//! in force, and the engine that checks a profile against it.

pub(crate) mod condition;
pub mod config;
pub mod engine;
pub(crate) mod limits;
pub(crate) mod outcome;
pub mod pack;
pub mod select;
pub mod verify;
