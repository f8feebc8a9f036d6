//! `profilecheck init`: a commented template profile, generated from the
//! format description in `schema.rs`. (Being written.)

use crate::i18n::Lang;

/// The template in `lang`.
pub fn template(_lang: Lang) -> String {
    String::from("version: 1\n")
}
