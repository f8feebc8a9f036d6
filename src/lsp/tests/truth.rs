//! The editor tells the truth (issue 26).
use super::*;
