//! `.profilecheck.yaml`: the nearest one to each profile (its folder or a
//! parent, as ruff finds its config), or the one named with `--config`.
//! Read as a YAML tree, then checked key by key so every problem is located.

use crate::i18n::Lang;
use crate::i18n::catalog::{Message, msg};
use crate::profile::diag::{Diagnostic, Msg, from_yaml};
use crate::profile::yaml::{self, Key, Node, Pos, Value};
use crate::rules::engine::Setting;
use crate::rules::pack::Severity;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The config file's name, looked for in a profile's folder and its parents.
pub const FILE_NAME: &str = ".profilecheck.yaml";
const KEYS: &[&str] = &[
    "extend",
    "lang",
    "packs",
    "rules",
    "severity",
    "select",
    "ignore",
    "fail_on",
    "fail_under",
    "max_warnings",
    "include",
    "exclude",
];

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

/// `include` or `exclude` globs with the folder they are relative to (that
/// of the config that wrote them, which an extending config keeps).
#[derive(Debug, Clone)]
pub struct Globs {
    /// The folder of the config file that wrote them, as its path was given.
    pub base: PathBuf,
    /// The compiled globs.
    pub set: globset::GlobSet,
    /// The globs as written.
    pub written: Vec<String>,
}

#[derive(Debug, Clone, Default)]
/// A `.profilecheck.yaml` file, with what it extends already merged in.
pub struct Config {
    /// Where it was read from.
    pub path: Option<PathBuf>,
    /// The configs it extends, nearest first (`-v` names the chain).
    pub extends: Vec<PathBuf>,
    /// The report language when the profile has none.
    pub lang: Option<Lang>,
    /// Built-in packs to enable (all when `None`).
    pub packs: Option<Vec<String>>,
    /// Extra pack paths, already joined to the config's folder, each with
    /// where it is written (a path that cannot be used is reported there).
    pub rules: Vec<PathBuf>,
    /// Where each `rules` entry is written, in the same order.
    pub rules_pos: Vec<Pos>,
    /// The config file each `rules` entry is written in, in the same order.
    pub rules_file: Vec<PathBuf>,
    /// `exclude`: globs relative to the config's folder.
    pub exclude: Option<Globs>,
    /// `include`: which files of a folder walk are profiles (default: every
    /// `*.yaml` and `*.yml`).
    pub include: Option<Globs>,
    /// Severity overrides and rules turned off, by rule id or pattern.
    pub severity: HashMap<String, Setting>,
    /// Where each `severity` entry is written, to locate "unknown rule".
    pub severity_pos: HashMap<String, Pos>,
    /// The config file each `severity` entry is written in.
    pub severity_file: HashMap<String, PathBuf>,
    /// The severity that makes the run fail.
    pub fail_on: Option<FailOn>,
    /// `select`: only these rules (as `--select`).
    pub select: Option<Vec<String>>,
    /// `ignore`: not these rules (as `--ignore`).
    pub ignore: Option<Vec<String>>,
    /// Where each `select` entry is written (file, position), in order: an
    /// entry that matches no rule is the config's mistake, located there.
    pub select_pos: Vec<(PathBuf, Pos)>,
    /// Where each `ignore` entry is written, in order.
    pub ignore_pos: Vec<(PathBuf, Pos)>,
    /// `fail_under`: a valid profile scoring below this fails the run.
    pub fail_under: Option<u32>,
    /// `max_warnings`: more warnings than this fail the run.
    pub max_warnings: Option<usize>,
    /// `extend`: the config this one is laid over, and where that is written.
    pub extend: Option<(PathBuf, Pos)>,
    has_rules: bool,
}

/// Why a file is not a profile under a config ([`Config::skip_reason`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A file of another tool that is never a profile (a CI workflow, a
    /// compose file, a pre-commit config): see [`NEVER_PROFILES`].
    WellKnown,
    /// A config file.
    Config,
    /// A rule pack the config names.
    Pack,
    /// Matched by the config's `exclude`.
    Excluded,
    /// Not matched by the config's `include` (or not `*.yaml`/`*.yml`).
    NotIncluded,
}

/// Files that are never profiles, whatever the config says (docs/cli.md):
/// the YAML files of other tools that live in the same repositories.
pub const NEVER_PROFILES: &[&str] = &[
    ".github/",
    ".gitlab/",
    ".circleci/",
    ".gitlab-ci.yml",
    ".gitlab-ci.yaml",
    ".pre-commit-config.yaml",
    ".pre-commit-config.yml",
    ".pre-commit-hooks.yaml",
    ".travis.yml",
    ".yamllint",
    ".yamllint.yaml",
    ".yamllint.yml",
    "compose.yaml",
    "compose.yml",
    "compose.*.yaml",
    "compose.*.yml",
    "docker-compose.yaml",
    "docker-compose.yml",
    "docker-compose.*.yaml",
    "docker-compose.*.yml",
    "docker-compose-*.yaml",
    "docker-compose-*.yml",
];

fn never_profiles() -> &'static globset::GlobSet {
    static SET: std::sync::OnceLock<globset::GlobSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut b = globset::GlobSetBuilder::new();
        for g in NEVER_PROFILES {
            // At any depth; a folder excludes everything below it.
            let g = match g.strip_suffix('/') {
                Some(dir) => format!("**/{dir}/**"),
                None => format!("**/{g}"),
            };
            // Built from the constants above: a glob that does not compile
            // is caught by the tests, not at a user's.
            if let Ok(glob) = globset::GlobBuilder::new(&g).literal_separator(true).build() {
                b.add(glob);
            }
        }
        b.build().unwrap_or_else(|_| globset::GlobSet::empty())
    })
}

/// `path` made absolute against `cwd`, `.` and `..` resolved lexically.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// `path` with `.` dropped and each `..` taking away the folder before it,
/// lexically (a relative path keeps the `..` it starts with).
pub fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

impl Config {
    /// Why `path` is not a profile under this config, or `None` when it is
    /// one: THE answer for the command line's walks and `--force-exclude`,
    /// and for the language server. Relative paths are taken from `cwd`.
    /// Only the path is looked at, never the disk.
    pub fn skip_reason(&self, cwd: &Path, path: &Path) -> Option<Skip> {
        let abs = absolute(cwd, path);
        let name = abs.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        if name == FILE_NAME {
            return Some(Skip::Config);
        }
        if self.path.iter().chain(&self.extends).any(|c| absolute(cwd, c) == abs) {
            return Some(Skip::Config);
        }
        if never_profiles().is_match(abs.strip_prefix("/").unwrap_or(&abs)) {
            return Some(Skip::WellKnown);
        }
        if self.rules.iter().any(|p| abs.starts_with(absolute(cwd, p))) {
            return Some(Skip::Pack);
        }
        if let Some(g) = &self.exclude {
            let base = absolute(cwd, &g.base);
            // A parent folder excluded excludes what is below it.
            let hit = abs.strip_prefix(&base).is_ok_and(|rel| {
                rel.ancestors()
                    .filter(|a| !a.as_os_str().is_empty())
                    .any(|a| g.set.is_match(a))
            });
            if hit {
                return Some(Skip::Excluded);
            }
        }
        let included = match &self.include {
            Some(g) => match abs.strip_prefix(absolute(cwd, &g.base)) {
                Ok(rel) => g.set.is_match(rel),
                Err(_) => g.set.is_match(Path::new(name.as_ref())),
            },
            None => crate::rules::config::is_yaml_name(&name),
        };
        (!included).then_some(Skip::NotIncluded)
    }

    /// Is `path` a profile under this config? See [`Config::skip_reason`].
    pub fn is_profile(&self, cwd: &Path, path: &Path) -> bool {
        self.skip_reason(cwd, path).is_none()
    }

    /// Is the folder `dir`, met in a walk, left out entirely (a well-known
    /// tool folder, an excluded folder)?
    pub fn skips_folder(&self, cwd: &Path, dir: &Path) -> bool {
        let abs = absolute(cwd, dir);
        if never_profiles().is_match(abs.strip_prefix("/").unwrap_or(&abs).join("x")) {
            return true;
        }
        match &self.exclude {
            Some(g) => abs
                .strip_prefix(absolute(cwd, &g.base))
                .is_ok_and(|rel| g.set.is_match(rel)),
            None => false,
        }
    }

    /// This config laid over `base` (the one it extends), as ruff does:
    /// every key this config sets replaces the base's, except `severity`,
    /// merged rule by rule (this config's entries win).
    fn over(self, base: Config) -> Config {
        let (rules, rules_pos, rules_file) = if self.has_rules {
            (self.rules, self.rules_pos, self.rules_file)
        } else {
            (base.rules, base.rules_pos, base.rules_file)
        };
        let mut severity = base.severity;
        let mut severity_pos = base.severity_pos;
        let mut severity_file = base.severity_file;
        severity.extend(self.severity);
        severity_pos.extend(self.severity_pos);
        severity_file.extend(self.severity_file);
        let mut extends = vec![base.path.clone().unwrap_or_default()];
        extends.extend(base.extends);
        Config {
            path: self.path,
            extends,
            lang: self.lang.or(base.lang),
            packs: self.packs.or(base.packs),
            rules,
            rules_pos,
            rules_file,
            exclude: self.exclude.or(base.exclude),
            include: self.include.or(base.include),
            severity,
            severity_pos,
            severity_file,
            fail_on: self.fail_on.or(base.fail_on),
            select_pos: if self.select.is_some() {
                self.select_pos
            } else {
                base.select_pos
            },
            ignore_pos: if self.ignore.is_some() {
                self.ignore_pos
            } else {
                base.ignore_pos
            },
            select: self.select.or(base.select),
            ignore: self.ignore.or(base.ignore),
            fail_under: self.fail_under.or(base.fail_under),
            max_warnings: self.max_warnings.or(base.max_warnings),
            extend: self.extend,
            has_rules: self.has_rules || base.has_rules,
        }
    }
}

/// Does the name end in `.yaml` or `.yml` (any case, as on case-insensitive disks)?
pub fn is_yaml_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// A problem of a config or of one it extends, in the file it is in.
#[derive(Debug, Clone)]
pub struct Located {
    /// The config file, as its path was given or joined.
    pub file: PathBuf,
    /// The problem.
    pub diag: Diagnostic,
}

/// How many configs a chain of `extend` may hold: far more than any real
/// setup, and a bound should links make a chain that never repeats a path.
pub const MAX_EXTEND_DEPTH: usize = 16;

/// Read the config at `path` and every config it extends (`read` reads a
/// file), merged: the extended one first, this one on top. A cycle, or an
/// `extend` that names nothing readable, is located at its `extend` value.
pub(crate) fn resolve(
    path: &Path,
    builtin_packs: &[&str],
    lang: Lang,
    read: &mut dyn FnMut(&Path) -> Result<Vec<u8>, Msg>,
) -> Result<Config, Vec<Located>> {
    let located = |file: &Path, diags: Vec<Diagnostic>| -> Vec<Located> {
        diags
            .into_iter()
            .map(|diag| Located {
                file: file.to_owned(),
                diag,
            })
            .collect()
    };
    let bytes = read(path).map_err(|m| located(path, vec![Diagnostic::error(Pos::START, m)]))?;
    let mut chain = vec![parse(path, &bytes, builtin_packs).map_err(|d| located(path, d))?];
    let mut seen = vec![absolute(Path::new("/"), path)];
    while let Some((next, pos)) = chain.last().and_then(|c| c.extend.clone()) {
        let from = chain.last().and_then(|c| c.path.clone()).unwrap_or_default();
        let key = absolute(Path::new("/"), &next);
        if seen.contains(&key) || chain.len() >= MAX_EXTEND_DEPTH {
            let mut names: Vec<String> = chain
                .iter()
                .filter_map(|c| c.path.as_ref())
                .map(|p| p.display().to_string())
                .collect();
            names.push(next.display().to_string());
            let m = msg!("config-extend-cycle", chain = names.join(" -> "));
            return Err(located(&from, vec![Diagnostic::error(pos, m.into())]));
        }
        seen.push(key);
        let bytes = read(&next).map_err(|m| {
            let m = msg!(
                "config-extend-unusable",
                path = crate::profile::diag::excerpt(&next.display().to_string()),
                reason = m.text(lang)
            );
            located(&from, vec![Diagnostic::error(pos, m.into())])
        })?;
        chain.push(parse(&next, &bytes, builtin_packs).map_err(|d| located(&next, d))?);
    }
    let mut merged = chain.pop().unwrap_or_default();
    while let Some(top) = chain.pop() {
        merged = top.over(merged);
    }
    Ok(merged)
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
/// `builtin_packs` are the names `packs` may list. Only this file is read:
/// its `extend` is followed by [`resolve`].
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
        key(&mut cfg, base, builtin_packs, k, v, &mut out);
    }
    if out.is_empty() { Ok(cfg) } else { Err(out) }
}

/// One key of a config file.
fn key(cfg: &mut Config, base: &Path, builtin_packs: &[&str], k: &Key, v: &Node, out: &mut Vec<Diagnostic>) {
    match k.name.as_str() {
        "lang" => match v.as_str().and_then(Lang::parse) {
            Some(l) => cfg.lang = Some(l),
            None => out.push(bad_enum(v, &["en", "fr"])),
        },
        "fail_on" => match v.as_str().and_then(FailOn::parse) {
            Some(f) => cfg.fail_on = Some(f),
            None => out.push(bad_enum(v, &["error", "warning", "info", "never"])),
        },
        "packs" => packs(cfg, builtin_packs, v, out),
        "rules" => {
            cfg.has_rules = true;
            match &v.value {
                Value::Seq(items) => {
                    for it in items {
                        match it.as_str() {
                            Some(p) if !p.trim().is_empty() => rules_entry(cfg, base, p, it.pos, out),
                            _ => out.push(other(it, msg!("config-each-entry-rules-path"))),
                        }
                    }
                }
                Value::Str(p) => rules_entry(cfg, base, p, v.pos, out),
                _ => out.push(other(v, msg!("config-rules-list-paths"))),
            }
        }
        "severity" => severity(cfg, v, out),
        "exclude" => cfg.exclude = globs(base, v, out, "exclude"),
        "include" => cfg.include = globs(base, v, out, "include"),
        "select" | "ignore" => {
            let here = cfg.path.clone().unwrap_or_default();
            let (names, pos): (Vec<String>, Vec<(PathBuf, Pos)>) = rule_list(v, &k.name, out)
                .into_iter()
                .map(|(n, p)| (n, (here.clone(), p)))
                .unzip();
            match k.name.as_str() {
                "select" => (cfg.select, cfg.select_pos) = (Some(names), pos),
                _ => (cfg.ignore, cfg.ignore_pos) = (Some(names), pos),
            }
        }
        "fail_under" => match &v.value {
            Value::Int(n) if (0..=100).contains(n) => cfg.fail_under = Some(*n as u32),
            _ => out.push(other(v, msg!("config-fail-under"))),
        },
        "max_warnings" => match &v.value {
            Value::Int(n) if *n >= 0 => cfg.max_warnings = Some(*n as usize),
            _ => out.push(other(v, msg!("config-max-warnings"))),
        },
        "extend" => match v.as_str() {
            Some(p) if !p.trim().is_empty() => cfg.extend = Some((tidy(&base.join(p.trim())), v.pos)),
            _ => out.push(other(v, msg!("config-extend-path"))),
        },
        _ => out.push(Diagnostic::unknown_key(k, KEYS.iter().copied(), true)),
    }
}

fn bad_enum(v: &Node, allowed: &[&str]) -> Diagnostic {
    Diagnostic::error(
        v.pos,
        Msg::BadEnum {
            value: scalar_text(v),
            allowed: allowed.iter().map(|s| s.to_string()).collect(),
        },
    )
}

fn packs(cfg: &mut Config, builtin_packs: &[&str], v: &Node, out: &mut Vec<Diagnostic>) {
    let Value::Seq(items) = &v.value else {
        out.push(other(v, msg!("config-packs-list-built-pack")));
        return;
    };
    let mut names = Vec::new();
    for it in items {
        match it.as_str() {
            Some(n) if builtin_packs.contains(&n) => names.push(n.to_owned()),
            _ => out.push(bad_enum(it, builtin_packs)),
        }
    }
    cfg.packs = Some(names);
}

fn severity(cfg: &mut Config, v: &Node, out: &mut Vec<Diagnostic>) {
    let Value::Map(es) = &v.value else {
        out.push(other(v, msg!("config-severity-map-rule-ids")));
        return;
    };
    let here = cfg.path.clone().unwrap_or_default();
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
                cfg.severity_file.insert(rk.name.clone(), here.clone());
            }
            None => out.push(bad_enum(rv, &["error", "warning", "info", "off"])),
        }
    }
}

/// `select` and `ignore`: a list of rule ids, pack names, `step:N` or
/// globs, or one comma-separated string, as on the command line.
fn rule_list(v: &Node, name: &str, out: &mut Vec<Diagnostic>) -> Vec<(String, Pos)> {
    let items: Vec<&Node> = match &v.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Str(_) => vec![v],
        Value::Null => Vec::new(),
        _ => {
            out.push(other(v, msg!("config-rule-list", key = name)));
            return Vec::new();
        }
    };
    let mut list = Vec::new();
    for it in items {
        match it.as_str() {
            Some(s) => list.extend(
                s.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| (s.to_owned(), it.pos)),
            ),
            None => out.push(other(it, msg!("config-rule-list", key = name))),
        }
    }
    list
}

/// `exclude` or `include`: globs relative to the config's folder.
fn globs(base: &Path, v: &Node, out: &mut Vec<Diagnostic>, name: &str) -> Option<Globs> {
    let items: Vec<&Node> = match &v.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Str(_) => vec![v],
        _ => {
            out.push(other(
                v,
                if name == "include" {
                    msg!("config-include-list")
                } else {
                    msg!("config-exclude-list")
                },
            ));
            Vec::new()
        }
    };
    let mut set = globset::GlobSetBuilder::new();
    let mut written = Vec::new();
    for it in items {
        match it.as_str().map(|s| (s, exclude_glob(s))) {
            Some((s, Ok(globs))) => {
                written.push(s.to_owned());
                for g in globs {
                    set.add(g);
                }
            }
            Some((_, Err(e))) => out.push(other(it, msg!("config-exclude-bad-glob", reason = e.to_string()))),
            None => out.push(other(
                it,
                if name == "include" {
                    msg!("config-include-entry")
                } else {
                    msg!("config-exclude-entry")
                },
            )),
        }
    }
    Some(Globs {
        base: base.to_owned(),
        set: set.build().ok()?,
        written,
    })
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
    cfg.rules_file.push(cfg.path.clone().unwrap_or_default());
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

#[cfg(test)]
mod tests {
    use super::*;

    const PACKS: &[&str] = &["guide", "privacy"];

    fn files(list: &[(&str, &str)]) -> impl FnMut(&Path) -> Result<Vec<u8>, Msg> + use<> {
        let map: HashMap<PathBuf, Vec<u8>> = list
            .iter()
            .map(|(p, t)| (PathBuf::from(p), t.as_bytes().to_vec()))
            .collect();
        move |p: &Path| {
            map.get(&absolute(Path::new("/"), p))
                .cloned()
                .ok_or_else(|| msg!("io-not-found").into())
        }
    }

    #[test]
    fn an_extending_config_keeps_the_base_and_overrides_what_it_sets() {
        let mut read = files(&[
            (
                "/repo/.profilecheck.yaml",
                "rules: [packs/house.yaml]\nseverity: {bio-length: off, photo-set: warning}\nexclude: [drafts/]\nfail_on: error\nfail_under: 60\n",
            ),
            (
                "/repo/clients/vip/.profilecheck.yaml",
                "extend: ../../.profilecheck.yaml\nfail_on: warning\nseverity: {photo-set: error}\nselect: [guide, house-bio-role]\nmax_warnings: 3\n",
            ),
        ]);
        let c = resolve(
            Path::new("/repo/clients/vip/.profilecheck.yaml"),
            PACKS,
            Lang::En,
            &mut read,
        )
        .unwrap();
        assert_eq!(c.rules, [PathBuf::from("/repo/packs/house.yaml")]);
        assert_eq!(c.rules_file, [PathBuf::from("/repo/.profilecheck.yaml")]);
        assert_eq!(c.fail_on, Some(FailOn::Severity(Severity::Warning)));
        assert_eq!(c.fail_under, Some(60));
        assert_eq!(c.max_warnings, Some(3));
        assert_eq!(
            c.select.as_deref(),
            Some(&["guide".to_owned(), "house-bio-role".to_owned()][..])
        );
        assert_eq!(c.severity.get("bio-length"), Some(&Setting::Off));
        assert_eq!(c.severity.get("photo-set"), Some(&Setting::Severity(Severity::Error)));
        assert_eq!(c.severity_file["bio-length"], PathBuf::from("/repo/.profilecheck.yaml"));
        assert_eq!(c.extends, [PathBuf::from("/repo/.profilecheck.yaml")]);
        // The base's exclude stays relative to the base's folder.
        let cwd = Path::new("/repo");
        assert_eq!(c.skip_reason(cwd, Path::new("drafts/a.yaml")), Some(Skip::Excluded));
        assert_eq!(
            c.skip_reason(cwd, Path::new("clients/vip/drafts/a.yaml")),
            Some(Skip::Excluded)
        );
        assert_eq!(c.skip_reason(cwd, Path::new("packs/house.yaml")), Some(Skip::Pack));
        assert!(c.is_profile(cwd, Path::new("clients/vip/jeanne.yaml")));
    }

    #[test]
    fn an_extend_cycle_is_located_at_the_extend_that_closes_it() {
        let mut read = files(&[
            ("/r/a.yaml", "lang: fr\nextend: b.yaml\n"),
            ("/r/b.yaml", "\nextend: ./a.yaml\n"),
        ]);
        let e = resolve(Path::new("/r/a.yaml"), PACKS, Lang::En, &mut read).unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].file, PathBuf::from("/r/b.yaml"));
        assert_eq!(e[0].diag.pos, Pos::new(2, 9));
        assert_eq!(
            e[0].diag.msg.text(Lang::En),
            "`extend` goes round in a circle: /r/a.yaml -> /r/b.yaml -> /r/a.yaml"
        );
        let mut read = files(&[("/r/a.yaml", "extend: a.yaml\n")]);
        assert!(resolve(Path::new("/r/a.yaml"), PACKS, Lang::En, &mut read).is_err());
    }

    #[test]
    fn a_missing_base_and_a_bad_key_of_the_base_are_located_in_their_files() {
        let mut read = files(&[("/r/a.yaml", "extend: nowhere.yaml\n")]);
        let e = resolve(Path::new("/r/a.yaml"), PACKS, Lang::En, &mut read).unwrap_err();
        assert_eq!(
            (e[0].file.as_path(), e[0].diag.pos),
            (Path::new("/r/a.yaml"), Pos::new(1, 9))
        );
        assert!(
            e[0].diag.msg.text(Lang::En).contains("nowhere.yaml"),
            "{}",
            e[0].diag.msg.text(Lang::En)
        );
        let mut read = files(&[("/r/a.yaml", "extend: b.yaml\n"), ("/r/b.yaml", "fail_under: 120\n")]);
        let e = resolve(Path::new("/r/a.yaml"), PACKS, Lang::En, &mut read).unwrap_err();
        assert_eq!(
            (e[0].file.as_path(), e[0].diag.pos),
            (Path::new("/r/b.yaml"), Pos::new(1, 13))
        );
    }

    #[test]
    fn well_known_files_of_other_tools_are_never_profiles() {
        let c = Config::default();
        let cwd = Path::new("/repo");
        for p in [
            ".pre-commit-config.yaml",
            ".pre-commit-hooks.yaml",
            ".github/workflows/ci.yml",
            "sub/.github/dependabot.yml",
            ".gitlab-ci.yml",
            "docker-compose.yml",
            "deploy/docker-compose.prod.yaml",
            "compose.yaml",
            "compose.override.yml",
            ".profilecheck.yaml",
            "clients/.profilecheck.yaml",
        ] {
            assert!(!c.is_profile(cwd, Path::new(p)), "{p}");
        }
        for p in [
            "jeanne.yaml",
            "composer.yaml",
            "clients/compose-jeanne.yml",
            "github/a.yaml",
            "README.md",
        ] {
            assert_eq!(c.is_profile(cwd, Path::new(p)), p.ends_with("ml"), "{p}");
        }
        assert!(c.skips_folder(cwd, Path::new(".github")));
        assert!(!c.skips_folder(cwd, Path::new("clients")));
    }

    #[test]
    fn include_narrows_the_profiles_to_its_globs() {
        let c = parse(
            Path::new("/repo/.profilecheck.yaml"),
            b"include: ['clients/**/*.yaml']\n",
            PACKS,
        )
        .unwrap();
        let cwd = Path::new("/repo");
        assert!(c.is_profile(cwd, Path::new("clients/a/jeanne.yaml")));
        assert_eq!(c.skip_reason(cwd, Path::new("mkdocs.yml")), Some(Skip::NotIncluded));
        assert_eq!(
            c.skip_reason(cwd, Path::new("/repo/.profilecheck.yaml")),
            Some(Skip::Config)
        );
    }

    #[test]
    fn new_keys_are_checked_and_located() {
        let e = parse(
            Path::new("c.yaml"),
            b"select: 3\nfail_under: -1\nmax_warnings: x\nextend: ''\ninclude: {a: 1}\n",
            PACKS,
        )
        .unwrap_err();
        let at: Vec<Pos> = e.iter().map(|d| d.pos).collect();
        assert_eq!(
            at,
            [
                Pos::new(1, 9),
                Pos::new(2, 13),
                Pos::new(3, 15),
                Pos::new(4, 9),
                Pos::new(5, 10)
            ]
        );
        let c = parse(Path::new("c.yaml"), b"ignore: 'privacy, step:3'\n", PACKS).unwrap();
        assert_eq!(c.ignore, Some(vec!["privacy".to_owned(), "step:3".to_owned()]));
    }
}
