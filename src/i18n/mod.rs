//! Languages and localised text.
//!
//! Every sentence the tool prints exists in English and French. The
//! interface's messages live in one Fluent catalogue per language
//! (`locales/<lang>/*.ftl`, see [`catalog`]); pack texts come from the packs
//! as [`Text`].

pub(crate) mod catalog;
pub mod safe;
#[cfg(test)]
mod tests;

pub use safe::{is_unsafe, markdown_inline, one_line};

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
/// A language of the interface and of the reports.
pub enum Lang {
    #[default]
    /// English.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, in the order they are listed to users.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The ISO 639-1 code: `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language of a code, ignoring case and surrounding spaces.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language a locale string such as `fr_FR.UTF-8` asks for:
    /// French when it starts with `fr`, English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// A colon after a label: French puts a no-break space before it.
    pub fn colon(self) -> String {
        catalog::t!(self, "punct-colon")
    }

    /// A number as this language writes it (`1 000` and `2,5` in French).
    pub fn number(self, n: f64) -> String {
        catalog::number(n, self)
    }

    /// Quote a user-facing label: “x” in English, « x » in French.
    pub fn quote(self, s: &str) -> String {
        catalog::t!(self, "punct-quote", text = s)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text given in one or more languages (`{en: ..., fr: ...}` or a plain string).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    /// (language code, text) in the order written; a plain string has code "".
    pub variants: Vec<(String, String)>,
}

impl Text {
    /// A text with no language given.
    pub fn plain(s: impl Into<String>) -> Self {
        Text {
            variants: vec![(String::new(), s.into())],
        }
    }

    /// Whether no language has a text.
    pub fn is_empty(&self) -> bool {
        self.variants.is_empty()
    }

    /// The text in `lang`, else English, else whatever language is given.
    pub fn get(&self, lang: Lang) -> &str {
        pick_variant(&self.variants, lang).map_or("", String::as_str)
    }
}

/// Localised lists of lines (fix steps), with the same fallback as [`Text`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextList {
    /// (language code, lines) in the order written.
    pub variants: Vec<(String, Vec<String>)>,
}

impl TextList {
    /// The lines in `lang`, else English, else whatever language is given.
    pub fn get(&self, lang: Lang) -> &[String] {
        pick_variant(&self.variants, lang).map_or(&[], Vec::as_slice)
    }
}

/// The fallback order of docs/pack-authors.md: the language asked for, else English, else
/// whatever language is given.
fn pick_variant<T>(variants: &[(String, T)], lang: Lang) -> Option<&T> {
    let find = |code: &str| variants.iter().find(|(c, _)| c == code).map(|(_, t)| t);
    find(lang.code())
        .or_else(|| find("en"))
        .or_else(|| variants.first().map(|(_, t)| t))
}
