//! Located problems with input files (profiles, packs, config), in both languages.

use crate::i18n::Lang;
use crate::profile::yaml::{Pos, YamlError};
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
/// How serious a problem with an input file is.
pub enum Level {
    /// The file cannot be used as it is.
    Error,
    /// The file is used, but something in it is probably a mistake.
    Warning,
}

impl Level {
    /// The keyword that starts a located message (`error`, `warning`).
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Level::Error => lang.pick("error", "erreur"),
            Level::Warning => lang.pick("warning", "avertissement"),
        }
    }
}

/// What is wrong. Each variant renders itself in English and French.
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
    TooComplex(String),
    MultipleDocuments,
    DuplicateKey(String),
    ComplexKey,
    NotMapping {
        what: &'static str,
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
        expected_en: &'static str,
        expected_fr: &'static str,
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
    /// Pack and config problems are worded where they are found.
    Other {
        en: String,
        fr: String,
    },
    Io {
        en: String,
        fr: String,
    },
}

/// At most a short, cleaned excerpt of text read from a file, for quoting it
/// in a message: a walk that wandered into `/etc/shadow` must not pour it
/// into a CI log, and a control character must not reach a terminal.
pub fn excerpt(s: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = s
        .chars()
        .take(MAX)
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    if s.chars().nth(MAX).is_some() {
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
    pub fn other(en: impl Into<String>, fr: impl Into<String>) -> Msg {
        Msg::Other {
            en: en.into(),
            fr: fr.into(),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            Msg::Syntax(m) => {
                if fr {
                    format!("YAML invalide\u{a0}: {m}")
                } else {
                    format!("invalid YAML: {m}")
                }
            }
            Msg::TooLarge { size, limit } => {
                if fr {
                    format!("fichier trop volumineux ({size} octets\u{a0}; la limite est de {limit} octets)")
                } else {
                    format!("file too large ({size} bytes; the limit is {limit} bytes)")
                }
            }
            Msg::NotUtf8 { byte, offset } => {
                if fr {
                    format!(
                        "le fichier n’est pas en UTF-8 (octet 0x{byte:02X} à la position {offset})\u{a0}; enregistrez-le en UTF-8"
                    )
                } else {
                    format!("the file is not valid UTF-8 (byte 0x{byte:02X} at offset {offset}); save it as UTF-8")
                }
            }
            Msg::TooDeep => {
                let n = crate::profile::yaml::MAX_DEPTH;
                if fr {
                    format!("imbrication trop profonde (plus de {n}\u{a0}niveaux)")
                } else {
                    format!("nesting too deep (more than {n} levels)")
                }
            }
            Msg::TooComplex(d) => {
                // The parser names the budget it ran out of; say it in words.
                let (en, fr_text) = match d.as_str() {
                    "nodes" => (
                        format!("more than {} values", crate::profile::yaml::MAX_NODES),
                        format!("plus de {}\u{a0}valeurs", fr_thousands(crate::profile::yaml::MAX_NODES)),
                    ),
                    "aliases" | "anchors" => (
                        format!(
                            "more than {} YAML anchors or aliases such as `&a` and `*a`",
                            crate::profile::yaml::MAX_ALIASES
                        ),
                        format!(
                            "plus de {}\u{a0}ancres ou alias YAML comme `&a` et `*a`",
                            crate::profile::yaml::MAX_ALIASES
                        ),
                    ),
                    "scalarbytes" | "totalscalarbytes" => (
                        "more than 1 MiB of text".to_owned(),
                        "plus de 1\u{a0}Mio de texte".to_owned(),
                    ),
                    other => (other.to_owned(), other.to_owned()),
                };
                if fr {
                    format!("document trop gros ou trop complexe ({fr_text})")
                } else {
                    format!("document too large or too complex ({en})")
                }
            }
            Msg::MultipleDocuments => lang
                .pick(
                    "more than one YAML document (`---`): put one profile per file",
                    "plus d’un document YAML (`---`)\u{a0}: mettez un seul profil par fichier",
                )
                .to_owned(),
            Msg::DuplicateKey(k) => {
                if fr {
                    format!("clé `{k}` en double\u{a0}: gardez-en une seule")
                } else {
                    format!("duplicate key `{k}`: keep only one")
                }
            }
            Msg::ComplexKey => lang
                .pick("a key must be plain text", "une clé doit être un simple texte")
                .to_owned(),
            Msg::NotMapping { what, found } => {
                if fr {
                    format!(
                        "{what} doit être un dictionnaire de clés et de valeurs, pas {}",
                        found_fr(found)
                    )
                } else {
                    format!("{what} must be a mapping of keys to values, not {}", found_en(found))
                }
            }
            Msg::UnknownKey {
                key,
                suggestion,
                allowed,
            } => {
                let key = excerpt(key);
                let mut s = if fr {
                    format!("clé inconnue `{key}`")
                } else {
                    format!("unknown key `{key}`")
                };
                match suggestion {
                    Some(sug) if fr => {
                        let _ = write!(s, "\u{a0}; vouliez-vous dire `{sug}`\u{a0}?");
                    }
                    Some(sug) => {
                        let _ = write!(s, "; did you mean `{sug}`?");
                    }
                    None if !allowed.is_empty() => {
                        let _ = write!(
                            s,
                            "{} {}",
                            lang.pick("; expected one of", "\u{a0}; clés possibles\u{a0}:"),
                            list(allowed)
                        );
                    }
                    None => {}
                }
                s
            }
            Msg::ExpectedBool { found } => {
                if fr {
                    format!("`{found}` n’est pas un booléen\u{a0}: écrivez true ou false")
                } else {
                    format!("`{found}` is not a boolean: write true or false")
                }
            }
            Msg::WrongType {
                expected_en,
                expected_fr,
                found,
            } => {
                if fr {
                    format!("attendu\u{a0}: {expected_fr}\u{a0}; trouvé\u{a0}: {found}")
                } else {
                    format!("expected {expected_en}, found {found}")
                }
            }
            Msg::BadEnum { value, allowed } => {
                let hint = close_value(value, allowed);
                let value = excerpt(value);
                match (fr, hint) {
                    (true, Some(h)) => format!("valeur inconnue `{value}`\u{a0}; vouliez-vous dire `{h}`\u{a0}?"),
                    (false, Some(h)) => format!("unknown value `{value}`; did you mean `{h}`?"),
                    (true, None) => format!(
                        "valeur inconnue `{value}`\u{a0}; valeurs possibles\u{a0}: {}",
                        list(allowed)
                    ),
                    (false, None) => format!("unknown value `{value}`; expected one of {}", list(allowed)),
                }
            }
            Msg::Negative { key } => {
                if fr {
                    format!("`{key}` ne peut pas être négatif\u{a0}: écrivez 0 ou plus")
                } else {
                    format!("`{key}` cannot be negative: write 0 or more")
                }
            }
            Msg::Version { found } => {
                if fr {
                    format!("version `{found}` inconnue\u{a0}: seule la version 1 existe")
                } else {
                    format!("unknown version `{found}`: 1 is the only version")
                }
            }
            Msg::UnknownWaiver { rule, suggestion } => {
                let mut s = if fr {
                    format!("règle inconnue dans `waivers`\u{a0}: `{rule}`")
                } else {
                    format!("unknown rule in waivers: `{rule}`")
                };
                if let Some(sug) = suggestion {
                    s.push_str(&if fr {
                        format!("\u{a0}; vouliez-vous dire `{sug}`\u{a0}?")
                    } else {
                        format!("; did you mean `{sug}`?")
                    });
                }
                s
            }
            Msg::Other { en, fr: f } | Msg::Io { en, fr: f } => {
                if fr {
                    f.clone()
                } else {
                    en.clone()
                }
            }
        }
    }
}

/// 20000 → "20 000" (French groups thousands with a narrow no-break space).
fn fr_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

fn found_en(kind: &str) -> String {
    match kind {
        "null" => "nothing".into(),
        "list" => "a list".into(),
        "mapping" => "a mapping".into(),
        "integer" => "an integer".into(),
        k => format!("a {k}"),
    }
}

fn found_fr(kind: &str) -> String {
    match kind {
        "null" => "rien".into(),
        "list" => "une liste".into(),
        "mapping" => "un dictionnaire".into(),
        "integer" => "un nombre entier".into(),
        "number" => "un nombre".into(),
        "boolean" => "un booléen".into(),
        "string" => "du texte".into(),
        k => k.into(),
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
    /// every language; the message is in `lang`.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let keyword = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        format!(
            "{file}:{}:{}: {keyword}: {}",
            self.pos.line,
            self.pos.col,
            self.msg.text(lang)
        )
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
    };
    Diagnostic::error(e.pos, msg)
}
