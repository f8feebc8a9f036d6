//! What a rule pack may cost, in one place: the loader (`pack.rs`) and the
//! compiler of conditions (`condition.rs`) both check against these, and
//! neither has to reach into the other for them.

/// The longest rule title, in characters (titles are copied into findings).
pub const MAX_TITLE_CHARS: usize = 200;
/// What the compiled patterns of all packs of a run may take, in bytes.
pub const MAX_PATTERN_BYTES: usize = 32 << 20;
/// How many item checks one profile may cost: each condition under an
/// `each` or `some` is checked once per item, and a list holds at most
/// [`crate::profile::yaml::MAX_NODES`] items.
pub const MAX_ITEM_CHECKS: usize = 2_000_000;
/// How many findings one profile may get: a rule whose check is an `each`
/// gives one per failing item.
pub const MAX_FINDINGS: usize = 400_000;
/// The largest compiled program one pattern may have (regex's `size_limit`).
pub const MAX_PATTERN_PROGRAM: usize = 1 << 20;
/// The most `{placeholders}` one message may hold.
pub const MAX_PLACEHOLDERS: usize = 20;
/// The longest message template, in characters.
pub const MAX_MESSAGE_CHARS: usize = 1_000;
/// A value put in a message is cut past this many characters (with `…`),
/// so a filled message stays under `MAX_MESSAGE_CHARS` plus
/// `MAX_PLACEHOLDERS` times this, whatever the profile holds.
pub const MAX_VALUE_CHARS: usize = 200;
