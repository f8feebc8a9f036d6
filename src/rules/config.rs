//! `.profilecheck.yaml`: found in the current directory or a parent, or
//! named with `--config`. Read as a YAML tree, then checked key by key so
//! every problem is located.

use crate::i18n::Lang;
use crate::i18n::catalog::{Message, msg};
use crate::profile::diag::{Diagnostic, Msg, from_yaml};
use crate::profile::yaml::{self, Node, Value};
use crate::rules::engine::Setting;
use crate::rules::pack::Severity;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The config file's name, looked for in a profile's folder and its parents.
pub const FILE_NAME: &str = ".profilecheck.yaml";
const KEYS: &[&str] = &["lang", "packs", "rules", "severity", "fail_on"];

/// The threshold for exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Fail on findings of this severity or worse.
    Severity(Severity),
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    /// The threshold named `s` (`error`, `warning`, `info`, `never`).
    pub fn parse(s: &str) -> Option<FailOn> {
        match s {
            "never" => Some(FailOn::Never),
            other => Severity::parse(other).map(FailOn::Severity),
        }
    }
}

#[derive(Debug, Clone, Default)]
/// A `.profilecheck.yaml` file.
pub struct Config {
    /// Where it was read from.
    pub path: Option<PathBuf>,
    /// The report language when the profile has none.
    pub lang: Option<Lang>,
    /// Built-in packs to enable (all when `None`).
    pub packs: Option<Vec<String>>,
    /// Extra pack paths, already made relative to the working directory.
    pub rules: Vec<PathBuf>,
    /// Severity overrides and rules turned off, by rule id.
    pub severity: HashMap<String, Setting>,
    /// Where each `severity` entry is written, to locate "unknown rule".
    pub severity_pos: HashMap<String, crate::profile::yaml::Pos>,
    /// The severity that makes the run fail.
    pub fail_on: Option<FailOn>,
}

/// The nearest config file from `dir` upwards.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let mut cur = Some(dir);
    while let Some(d) = cur {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        cur = d.parent();
    }
    None
}

fn other(node: &Node, m: Message) -> Diagnostic {
    Diagnostic::error(node.pos, m.into())
}

/// Parse a config file's bytes; `path` locates relative `rules` entries.
/// `builtin_packs` are the names `packs` may list.
pub fn parse(path: &Path, bytes: &[u8], builtin_packs: &[&str]) -> Result<Config, Vec<Diagnostic>> {
    let text = yaml::decode(bytes).map_err(|e| vec![from_yaml(e)])?;
    let root = yaml::parse(text).map_err(|e| vec![from_yaml(e)])?;
    let mut cfg = Config {
        path: Some(path.to_owned()),
        ..Config::default()
    };
    let mut out = Vec::new();
    let entries = match &root.value {
        Value::Map(e) => e.as_slice(),
        Value::Null => &[],
        other_value => {
            out.push(Diagnostic::error(
                root.pos,
                msg!("config-not-mapping", found = other_value.kind()).into(),
            ));
            return Err(out);
        }
    };
    let base = path.parent().unwrap_or(Path::new("."));
    for (k, v) in entries {
        match k.name.as_str() {
            "lang" => match v.as_str().and_then(Lang::parse) {
                Some(l) => cfg.lang = Some(l),
                None => out.push(Diagnostic::error(
                    v.pos,
                    Msg::BadEnum {
                        value: scalar_text(v),
                        allowed: vec!["en".into(), "fr".into()],
                    },
                )),
            },
            "fail_on" => match v.as_str().and_then(FailOn::parse) {
                Some(f) => cfg.fail_on = Some(f),
                None => out.push(Diagnostic::error(
                    v.pos,
                    Msg::BadEnum {
                        value: scalar_text(v),
                        allowed: ["error", "warning", "info", "never"].map(String::from).to_vec(),
                    },
                )),
            },
            "packs" => match &v.value {
                Value::Seq(items) => {
                    let mut names = Vec::new();
                    for it in items {
                        match it.as_str() {
                            Some(n) if builtin_packs.contains(&n) => names.push(n.to_owned()),
                            _ => out.push(Diagnostic::error(
                                it.pos,
                                Msg::BadEnum {
                                    value: scalar_text(it),
                                    allowed: builtin_packs.iter().map(|s| s.to_string()).collect(),
                                },
                            )),
                        }
                    }
                    cfg.packs = Some(names);
                }
                _ => out.push(other(v, msg!("config-packs-list-built-pack"))),
            },
            "rules" => match &v.value {
                Value::Seq(items) => {
                    for it in items {
                        match it.as_str() {
                            Some(p) if !p.trim().is_empty() => cfg.rules.push(base.join(p)),
                            _ => out.push(other(it, msg!("config-each-entry-rules-path"))),
                        }
                    }
                }
                Value::Str(p) => cfg.rules.push(base.join(p)),
                _ => out.push(other(v, msg!("config-rules-list-paths"))),
            },
            "severity" => match &v.value {
                Value::Map(es) => {
                    for (rk, rv) in es {
                        let setting = match rv.as_str() {
                            Some("off") => Some(Setting::Off),
                            Some(s) => Severity::parse(s).map(Setting::Severity),
                            None => None,
                        };
                        match setting {
                            Some(s) => {
                                cfg.severity.insert(rk.name.clone(), s);
                                cfg.severity_pos.insert(rk.name.clone(), rk.pos);
                            }
                            None => out.push(Diagnostic::error(
                                rv.pos,
                                Msg::BadEnum {
                                    value: scalar_text(rv),
                                    allowed: ["error", "warning", "info", "off"].map(String::from).to_vec(),
                                },
                            )),
                        }
                    }
                }
                _ => out.push(other(v, msg!("config-severity-map-rule-ids"))),
            },
            _ => {
                out.push(Diagnostic::unknown_key(k, KEYS.iter().copied(), true));
            }
        }
    }
    if out.is_empty() { Ok(cfg) } else { Err(out) }
}

fn scalar_text(n: &Node) -> String {
    match &n.value {
        Value::Str(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.kind().to_owned(),
    }
}
