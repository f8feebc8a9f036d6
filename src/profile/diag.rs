//! Located problems with input files (profiles, packs, config), in both languages.

use crate::i18n::Lang;
use crate::i18n::catalog::{Message, t};
use crate::profile::yaml::{Pos, YamlError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
/// How serious a problem with an input file is.
pub enum Level {
    /// The file cannot be used as it is.
    Error,
    /// The file is used, but something in it is probably a mistake.
    Warning,
}

impl Level {
    /// The level in words, in `lang` (the keyword of a located message
    /// stays English: see [`Diagnostic::render`]).
    pub fn word(self, lang: Lang) -> String {
        match self {
            Level::Error => t!(lang, "level-error"),
            Level::Warning => t!(lang, "level-warning"),
        }
    }
}

/// What is wrong. Each variant is worded by the `diag-*` messages of the
/// catalogues (`locales/<lang>/diag.ftl`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Msg {
    /// A YAML syntax error, as the parser words it (English only).
    Syntax(String),
    TooLarge {
        size: usize,
        limit: usize,
    },
    NotUtf8 {
        byte: u8,
        offset: usize,
    },
    TooDeep,
    /// The parser names the budget it ran out of (`nodes`, `aliases`…).
    TooComplex(String),
    MultipleDocuments,
    DuplicateKey(String),
    ComplexKey,
    /// The whole profile is not a mapping; `found` is the YAML kind.
    NotMapping {
        found: &'static str,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },
    ExpectedBool {
        found: String,
    },
    WrongType {
        /// What the format wants, as [`crate::profile::schema::Kind::name`].
        expected: &'static str,
        found: String,
    },
    BadEnum {
        value: String,
        allowed: Vec<String>,
    },
    Negative {
        key: String,
    },
    Version {
        found: String,
    },
    UnknownWaiver {
        rule: String,
        suggestion: Option<String>,
    },
    /// Pack, config and file problems, worded where they are found.
    Text(Message),
}

/// The code of each kind of problem that is not worded where it is found
/// (docs/editors.md, "Diagnostic codes"). The others take their message's
/// catalogue id, without the `diag-` prefix of the profile format's own.
pub(crate) const CODES: &[&str] = &[
    "yaml-syntax",
    "file-too-large",
    "not-utf8",
    "too-deep",
    "too-complex",
    "multiple-documents",
    "duplicate-key",
    "complex-key",
    "profile-not-mapping",
    "unknown-key",
    "expected-bool",
    "wrong-type",
    "bad-enum",
    "negative",
    "version",
    "unknown-waiver",
];

impl Msg {
    /// A stable, kebab-case code for the kind of problem: what an editor
    /// shows beside the message and what a setting can name. Never worded.
    pub(crate) fn code(&self) -> &'static str {
        let i = match self {
            Msg::Syntax(_) => 0,
            Msg::TooLarge { .. } => 1,
            Msg::NotUtf8 { .. } => 2,
            Msg::TooDeep => 3,
            Msg::TooComplex(_) => 4,
            Msg::MultipleDocuments => 5,
            Msg::DuplicateKey(_) => 6,
            Msg::ComplexKey => 7,
            Msg::NotMapping { .. } => 8,
            Msg::UnknownKey { .. } => 9,
            Msg::ExpectedBool { .. } => 10,
            Msg::WrongType { .. } => 11,
            Msg::BadEnum { .. } => 12,
            Msg::Negative { .. } => 13,
            Msg::Version { .. } => 14,
            Msg::UnknownWaiver { .. } => 15,
            Msg::Text(m) => return m.id().strip_prefix("diag-").unwrap_or(m.id()),
        };
        CODES[i]
    }
}

impl Diagnostic {
    /// The code of its kind of problem ([`Msg::code`]).
    pub fn code(&self) -> &'static str {
        self.msg.code()
    }
}

impl From<Message> for Msg {
    fn from(m: Message) -> Msg {
        Msg::Text(m)
    }
}

/// At most a short, cleaned excerpt of text read from a file, for quoting it
/// in a message: a walk that wandered into `/etc/shadow` must not pour it
/// into a CI log, and a control character must not reach a terminal.
pub fn excerpt(s: &str) -> String {
    const MAX: usize = 40;
    let cut = s.char_indices().nth(MAX).map_or(s.len(), |(i, _)| i);
    // Escaped, not replaced: `a\n::stop-commands::` shows what the key
    // holds while staying on its line.
    let mut out = crate::i18n::one_line(&s[..cut]).into_owned();
    if cut < s.len() {
        out.push('…');
    }
    out
}

/// The allowed value `value` most likely meant: the same but for case,
/// spaces, hyphens or underscores (`Public`, `only me`).
fn close_value<'a>(value: &str, allowed: &'a [String]) -> Option<&'a str> {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let v = squash(value);
    allowed.iter().find(|a| squash(a) == v).map(String::as_str)
}

fn list(items: &[String]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

impl Msg {
    pub fn text(&self, lang: Lang) -> String {
        use crate::profile::yaml::{MAX_ALIASES, MAX_DEPTH, MAX_NODES};
        match self {
            Msg::Syntax(m) => t!(lang, "diag-syntax", detail = m),
            Msg::TooLarge { size, limit } => t!(lang, "diag-too-large", size = *size, limit = *limit),
            Msg::NotUtf8 { byte, offset } => {
                t!(lang, "diag-not-utf8", byte = format!("0x{byte:02X}"), offset = *offset)
            }
            Msg::TooDeep => t!(lang, "diag-too-deep", n = MAX_DEPTH),
            Msg::TooComplex(budget) => {
                let limit = match budget.as_str() {
                    "nodes" => MAX_NODES,
                    "aliases" | "anchors" => MAX_ALIASES,
                    _ => 0,
                };
                t!(lang, "diag-too-complex", budget = budget, n = limit)
            }
            Msg::MultipleDocuments => t!(lang, "diag-multiple-documents"),
            Msg::DuplicateKey(k) => t!(lang, "diag-duplicate-key", key = k),
            Msg::ComplexKey => t!(lang, "diag-complex-key"),
            Msg::NotMapping { found } => t!(lang, "diag-profile-not-mapping", found = *found),
            Msg::UnknownKey {
                key,
                suggestion: Some(sug),
                ..
            } => t!(
                lang,
                "diag-unknown-key-did-you-mean",
                key = excerpt(key),
                suggestion = sug
            ),
            Msg::UnknownKey { key, allowed, .. } if !allowed.is_empty() => {
                t!(
                    lang,
                    "diag-unknown-key-allowed",
                    key = excerpt(key),
                    allowed = list(allowed)
                )
            }
            Msg::UnknownKey { key, .. } => t!(lang, "diag-unknown-key", key = excerpt(key)),
            Msg::ExpectedBool { found } => t!(lang, "diag-expected-bool", found = found),
            Msg::WrongType { expected, found } => {
                t!(lang, "diag-wrong-type", expected = *expected, found = found)
            }
            Msg::BadEnum { value, allowed } => match close_value(value, allowed) {
                Some(h) => t!(
                    lang,
                    "diag-bad-enum-did-you-mean",
                    value = excerpt(value),
                    suggestion = h
                ),
                None => t!(lang, "diag-bad-enum", value = excerpt(value), allowed = list(allowed)),
            },
            Msg::Negative { key } => t!(lang, "diag-negative", key = key),
            Msg::Version { found } => t!(lang, "diag-version", found = found),
            Msg::UnknownWaiver {
                rule,
                suggestion: Some(sug),
            } => t!(lang, "diag-unknown-waiver-did-you-mean", rule = rule, suggestion = sug),
            Msg::UnknownWaiver { rule, suggestion: None } => t!(lang, "diag-unknown-waiver", rule = rule),
            Msg::Text(m) => m.text(lang),
        }
    }
}

/// A located problem in one input file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub pos: Pos,
    /// Whether the file can still be used.
    pub level: Level,
    /// What is wrong.
    pub(crate) msg: Msg,
}

impl Diagnostic {
    /// "unknown key `folowers`; did you mean `followers`?" at the key. With
    /// `list_allowed`, a key with no close match lists the keys allowed there.
    pub fn unknown_key<'a>(
        key: &crate::profile::yaml::Key,
        allowed: impl IntoIterator<Item = &'a str> + Clone,
        list_allowed: bool,
    ) -> Self {
        let suggestion = crate::profile::schema::did_you_mean(&key.name, allowed.clone()).map(str::to_owned);
        let allowed = if list_allowed {
            allowed.into_iter().map(str::to_owned).collect()
        } else {
            Vec::new()
        };
        Diagnostic::error(
            key.pos,
            Msg::UnknownKey {
                key: key.name.clone(),
                suggestion,
                allowed,
            },
        )
    }

    /// An error at `pos`.
    pub(crate) fn error(pos: Pos, msg: Msg) -> Self {
        Diagnostic {
            pos,
            level: Level::Error,
            msg,
        }
    }
    /// A warning at `pos`.
    pub(crate) fn warning(pos: Pos, msg: Msg) -> Self {
        Diagnostic {
            pos,
            level: Level::Warning,
            msg,
        }
    }
    /// `FILE:LINE:COL: error: MESSAGE`. The keyword is part of the contract
    /// (problem matchers and scripts look for it), so it stays English in
    /// every language; the message is in `lang`. Always one line, made safe
    /// with [`crate::i18n::one_line`].
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let keyword = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        // The file name and the message quote the file's text: one line,
        // nothing a terminal acts on.
        let line = format!(
            "{file}:{}:{}: {keyword}: {}",
            self.pos.line,
            self.pos.col,
            self.msg.text(lang)
        );
        crate::i18n::one_line(&line).into_owned()
    }
}

/// Turn the YAML layer's error into a diagnostic with our own wording where
/// we know the case, the parser's otherwise.
pub fn from_yaml(e: YamlError) -> Diagnostic {
    let msg = match e.kind {
        crate::profile::yaml::YamlErrorKind::TooLarge { size, limit } => Msg::TooLarge { size, limit },
        crate::profile::yaml::YamlErrorKind::NotUtf8 { byte, offset } => Msg::NotUtf8 { byte, offset },
        crate::profile::yaml::YamlErrorKind::TooDeep => Msg::TooDeep,
        crate::profile::yaml::YamlErrorKind::TooComplex(d) => Msg::TooComplex(d),
        crate::profile::yaml::YamlErrorKind::MultipleDocuments => Msg::MultipleDocuments,
        crate::profile::yaml::YamlErrorKind::DuplicateKey(k) => Msg::DuplicateKey(k),
        crate::profile::yaml::YamlErrorKind::Syntax(m) => Msg::Syntax(m),
        crate::profile::yaml::YamlErrorKind::Worded(id) => Msg::Text(Message::new(id)),
    };
    Diagnostic::error(e.pos, msg)
}

#[cfg(test)]
mod code_tests {
    use super::{CODES, Msg};

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let docs = include_str!("../../docs/editors.md");
        // The messages worded where they are found, whose ids become codes.
        let sources = [include_str!("mod.rs"), include_str!("yaml.rs")].concat();
        let worded: Vec<&str> = sources
            .split("\"diag-")
            .skip(1)
            .filter_map(|s| s.split_once('"').map(|(id, _)| id))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert!(worded.contains(&"empty-list-item"), "{worded:?}");
        let mut all: Vec<&str> = CODES.to_vec();
        all.extend(&worded);
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        // Each kind's code is its own: none is also a message id's.
        for c in CODES {
            assert!(!worded.contains(c), "{c} is both a kind and a message id");
        }
        assert_eq!(sorted.len(), all.len(), "codes repeat");
        for c in CODES.iter().chain(&worded) {
            assert!(
                c.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{c} is not kebab-case"
            );
            assert!(docs.contains(&format!("`{c}`")), "docs/editors.md does not list `{c}`");
        }
        assert_eq!(Msg::TooDeep.code(), "too-deep");
        let m: Msg = crate::i18n::catalog::msg!("diag-hashtag-comment", tag = "#a").into();
        assert_eq!(m.code(), "hashtag-comment");
    }
}
