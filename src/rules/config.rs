//! `.profilecheck.yaml`: the nearest one to each profile (its folder or a
//! parent, as ruff finds its config), or the one named with `--config`.
//! Read as a YAML tree, then checked key by key so every problem is located.

use crate::i18n::Lang;
use crate::i18n::catalog::{Message, msg};
use crate::profile::diag::{Diagnostic, Msg, from_yaml};
use crate::profile::yaml::{self, Node, Pos, Value};
use crate::rules::engine::Setting;
use crate::rules::pack::Severity;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The config file's name, looked for in a profile's folder and its parents.
pub const FILE_NAME: &str = ".profilecheck.yaml";
const KEYS: &[&str] = &["lang", "packs", "rules", "severity", "fail_on", "exclude"];

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
    /// Extra pack paths, already joined to the config's folder, each with
    /// where it is written (a path that cannot be used is reported there).
    pub rules: Vec<PathBuf>,
    /// Where each `rules` entry is written, in the same order.
    pub rules_pos: Vec<Pos>,
    /// `exclude`: globs relative to the config's folder.
    pub exclude: Option<globset::GlobSet>,
    /// Severity overrides and rules turned off, by rule id or pattern.
    pub severity: HashMap<String, Setting>,
    /// Where each `severity` entry is written, to locate "unknown rule".
    pub severity_pos: HashMap<String, Pos>,
    /// The severity that makes the run fail.
    pub fail_on: Option<FailOn>,
}

/// Is `path` (a file or folder met in a walk) excluded by this config? Its
/// globs are relative to the config's folder; a path outside it is not.
impl Config {
    /// `path` and `base` are absolute and free of `.` and `..`.
    pub fn excludes(&self, base: &Path, path: &Path) -> bool {
        let Some(set) = &self.exclude else { return false };
        path.strip_prefix(base).is_ok_and(|rel| set.is_match(rel))
    }
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
                            Some(p) if !p.trim().is_empty() => rules_entry(&mut cfg, base, p, it.pos, &mut out),
                            _ => out.push(other(it, msg!("config-each-entry-rules-path"))),
                        }
                    }
                }
                Value::Str(p) => rules_entry(&mut cfg, base, p, v.pos, &mut out),
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
            "exclude" => {
                let items: Vec<&Node> = match &v.value {
                    Value::Seq(items) => items.iter().collect(),
                    Value::Str(_) => vec![v],
                    _ => {
                        out.push(other(v, msg!("config-exclude-list")));
                        Vec::new()
                    }
                };
                let mut set = globset::GlobSetBuilder::new();
                for it in items {
                    match it.as_str().map(exclude_glob) {
                        Some(Ok(globs)) => {
                            for g in globs {
                                set.add(g);
                            }
                        }
                        Some(Err(e)) => out.push(other(it, msg!("config-exclude-bad-glob", reason = e.to_string()))),
                        None => out.push(other(it, msg!("config-exclude-entry"))),
                    }
                }
                cfg.exclude = set.build().ok();
            }
            _ => {
                out.push(Diagnostic::unknown_key(k, KEYS.iter().copied(), true));
            }
        }
    }
    if out.is_empty() { Ok(cfg) } else { Err(out) }
}

/// A `rules` entry: an absolute path as written, a relative one inside the
/// config's own folder tree (a config from a pull request must not make the
/// run read `../../etc`, nor walk the whole disk with `/..`).
fn rules_entry(cfg: &mut Config, base: &Path, p: &str, pos: Pos, out: &mut Vec<Diagnostic>) {
    let path = Path::new(p);
    let escapes = !path.is_absolute() && {
        let mut depth = 0i32;
        let mut out_of_tree = false;
        for c in path.components() {
            match c {
                std::path::Component::ParentDir => depth -= 1,
                std::path::Component::Normal(_) => depth += 1,
                _ => {}
            }
            out_of_tree |= depth < 0;
        }
        out_of_tree
    };
    if escapes {
        out.push(Diagnostic::error(
            pos,
            msg!("config-rules-leaves-folder", path = crate::profile::diag::excerpt(p)).into(),
        ));
        return;
    }
    cfg.rules.push(base.join(path));
    cfg.rules_pos.push(pos);
}

/// The globs of one `exclude` entry: `drafts` or `drafts/` excludes that
/// file or folder at any depth below the config, as in a `.gitignore`;
/// `drafts/*.yaml` or `/drafts` is anchored at the config's folder.
pub fn exclude_glob(text: &str) -> Result<Vec<globset::Glob>, globset::Error> {
    let t = text.trim().trim_end_matches('/');
    let anchored = t.starts_with('/') || t.trim_start_matches('/').contains('/');
    let t = t.trim_start_matches('/').trim_start_matches("./");
    let build = |g: &str| globset::GlobBuilder::new(g).literal_separator(true).build();
    let mut globs = vec![build(t)?];
    if !anchored && !t.starts_with("**/") {
        globs.push(build(&format!("**/{t}"))?);
    }
    Ok(globs)
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
