//! What the CLI would say about a document, as located problems: a profile
//! checked with the rules its nearest `.profilecheck.yaml` selects, a rule
//! pack (a file with a top-level `pack:` key) as `--rules` would load it, and
//! the config file itself.
//!
//! The rules of each config are built once and kept until a config or pack
//! changes on disk; checking a 1 KB profile then costs well under a millisecond.

use crate::i18n::Lang;
use crate::i18n::catalog::msg;
use crate::i18n::catalog::t;
use crate::profile::diag::{Diagnostic, Level, excerpt};
use crate::profile::yaml::{self, Node, Pos, Value};
use crate::profile::{self, Profile};
use crate::rules::config::{self, Config};
use crate::rules::engine::{self, LangChoice, RuleSet, Selection};
use crate::rules::pack::{self, Pack, PackError, Severity};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Profile,
    Pack,
    Config,
    /// YAML that the CLI would not lint as a profile where it stands (a
    /// compose file, a CI workflow, a pre-commit config, a file outside the
    /// config's `include:` or inside its `exclude:`): left alone, no
    /// diagnostic, hover, completion or quick fix (issue 26).
    Other,
}

impl Kind {
    pub(crate) fn of(path: Option<&Path>, text: &str) -> Kind {
        if path.and_then(Path::file_name).is_some_and(|n| n == config::FILE_NAME) {
            return Kind::Config;
        }
        // A line test rather than a parse, so a pack with a syntax error is
        // still diagnosed as a pack.
        if text.lines().any(|l| l.starts_with("pack:")) {
            Kind::Pack
        } else {
            Kind::Profile
        }
    }
}

/// How serious a problem is, in LSP's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level3 {
    Error,
    Warning,
    Info,
}

impl From<Severity> for Level3 {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Error => Level3::Error,
            Severity::Warning => Level3::Warning,
            Severity::Info => Level3::Info,
        }
    }
}

/// One located problem with a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    pub pos: Pos,
    /// Characters covered from `pos`; `None` for the rest of the line,
    /// `Some(0)` for none (a point).
    pub len: Option<u32>,
    pub level: Level3,
    /// The rule id of a finding.
    pub rule: Option<String>,
    /// The dotted path a finding is about (`photo.set`).
    pub path: Option<String>,
    /// The code of a problem that is no finding (docs/editors.md).
    pub code: &'static str,
    pub message: String,
}

impl Problem {
    /// What the editor shows as the diagnostic's code: a finding's rule id,
    /// else the problem's code.
    pub(crate) fn code(&self) -> &str {
        self.rule.as_deref().unwrap_or(self.code)
    }
}

/// The rules a config selects, built once per config file.
pub(crate) struct Setup {
    pub config: Config,
    pub rules: RuleSet,
    /// Problems with the config or its packs, rendered `FILE:LINE:COL: ...`,
    /// shown on the profiles that use them.
    pub notes: Vec<String>,
}

/// The document checker and its caches.
pub(crate) struct Checker {
    builtin: Vec<Pack>,
    setups: HashMap<Option<PathBuf>, Rc<Setup>>,
    /// The client's (or the environment's) language, when no config or profile says.
    pub locale: Lang,
}

impl Checker {
    pub(crate) fn new(locale: Lang) -> Self {
        Checker {
            builtin: pack::builtin(),
            setups: HashMap::new(),
            locale,
        }
    }

    /// Forget every config and pack read from disk.
    pub(crate) fn invalidate(&mut self) {
        self.setups.clear();
    }

    /// The rules in force for a document at `path` (a document with no
    /// file looks for the config from `cwd`).
    pub(crate) fn setup(&mut self, path: Option<&Path>, cwd: &Path) -> Rc<Setup> {
        let dir = path.and_then(Path::parent).unwrap_or(cwd);
        let config_path = config::discover(dir);
        if let Some(s) = self.setups.get(&config_path) {
            return s.clone();
        }
        let setup = Rc::new(self.build(config_path.as_deref()));
        self.setups.insert(config_path, setup.clone());
        setup
    }

    fn build(&self, config_path: Option<&Path>) -> Setup {
        let mut notes = Vec::new();
        let config = match config_path {
            None => Config::default(),
            Some(p) if let Some(uid) = crate::platform::foreign_owner(p) => {
                let problem = format!(
                    "{}: {}",
                    p.display(),
                    t!(self.locale, "config-foreign-owner", uid = uid as u64)
                );
                notes.push(crate::i18n::one_line(&problem).into_owned());
                Config::default()
            }
            // The config and those it extends, as the command line reads them.
            Some(p) => match resolve_config(p, self.locale) {
                Ok(c) => c,
                Err(problems) => {
                    for l in problems {
                        let shown = l.file.display().to_string();
                        notes.push(l.diag.render(&shown, self.locale));
                    }
                    Config::default()
                }
            },
        };
        let lang = config.lang.unwrap_or(self.locale);
        let (rules, errors) = self.rules_for(&config);
        notes.extend(errors.iter().flat_map(|e| e.render(lang)));
        Setup { config, rules, notes }
    }

    /// Built-in packs as the config selects them, then the config's packs.
    fn rules_for(&self, config: &Config) -> (RuleSet, Vec<PackError>) {
        let mut packs: Vec<Pack> = self
            .builtin
            .iter()
            .filter(|p| config.packs.as_ref().is_none_or(|names| names.contains(&p.name)))
            .cloned()
            .collect();
        let (entries, mut errors) = inside_tree(config);
        // Together the packs must fit the budget too, as on the command line.
        let mut budget = pack::Budget::with_builtin();
        let (files, too_large) = pack_files(&entries);
        errors.extend(too_large);
        for file in files {
            let source = file.display().to_string();
            let loaded = super::files::read(&file)
                .map_err(|d| PackError {
                    source: source.clone(),
                    problems: vec![d],
                })
                .and_then(|bytes| pack::load(&source, &bytes))
                .and_then(|p| match budget.charge(&p) {
                    Ok(()) => Ok(p),
                    Err(d) => Err(PackError {
                        source: p.source.clone(),
                        problems: vec![d],
                    }),
                });
            match loaded {
                Ok(p) => packs.push(p),
                Err(e) => errors.push(e),
            }
        }
        let sel = Selection {
            settings: config.severity.clone(),
            ..Selection::default()
        };
        let (rules, clashes) = RuleSet::lenient(packs, &sel);
        errors.extend(clashes);
        (rules, errors)
    }

    /// What a document of kind `kind` (as [`Kind::of`] tells it from its
    /// name and text) is where it stands: a would-be profile that the CLI
    /// would not lint there is [`Kind::Other`]. Asked of the config in force
    /// each time, so a config that changes its `include:` takes effect.
    pub(crate) fn kind_in_place(&mut self, kind: Kind, path: Option<&Path>, cwd: &Path) -> Kind {
        match (kind, path) {
            (Kind::Profile, Some(p)) if !is_profile(&self.setup(path, cwd).config, cwd, p) => Kind::Other,
            _ => kind,
        }
    }

    /// Every problem of a document of any kind, in file order, and the language they are in.
    pub(crate) fn problems(&mut self, kind: Kind, path: Option<&Path>, cwd: &Path, text: &str) -> (Vec<Problem>, Lang) {
        let kind = self.kind_in_place(kind, path, cwd);
        let spans = Spans::of(text);
        let (mut out, lang) = match kind {
            Kind::Profile => self.profile_problems(path, cwd, text, &spans),
            Kind::Pack => {
                let lang = self.setup(path, cwd).config.lang.unwrap_or(self.locale);
                let source = path.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
                let problems = match pack::load(&source, text.as_bytes()) {
                    Err(e) => e.problems,
                    // A rule id or pack name that a built-in pack already uses.
                    Ok(p) => {
                        let mut packs = self.builtin.clone();
                        packs.push(p);
                        let (_, errors) = RuleSet::lenient(packs, &Selection::default());
                        errors
                            .into_iter()
                            .filter(|e| e.source == source)
                            .flat_map(|e| e.problems)
                            .collect()
                    }
                };
                (problems.iter().map(|d| spans.diag(d, lang)).collect(), lang)
            }
            Kind::Config => self.config(path, cwd, text, &spans),
            Kind::Other => (Vec::new(), self.setup(path, cwd).config.lang.unwrap_or(self.locale)),
        };
        out.sort_by_key(|p| p.pos);
        (out, lang)
    }

    /// A profile's problems: its config's, its format's, then the findings
    /// of the rules in force. A value that fails the format hides nothing
    /// else: it is said where the CLI says it, and every rule runs on the
    /// rest of the file (the lenient read, as in the workshop room). A file
    /// the CLI would not lint gets here never ([`Checker::kind_in_place`]).
    fn profile_problems(&mut self, path: Option<&Path>, cwd: &Path, text: &str, spans: &Spans) -> (Vec<Problem>, Lang) {
        let setup = self.setup(path, cwd);
        let choice = LangChoice {
            forced: None,
            fallback: setup.config.lang.unwrap_or(self.locale),
        };
        let mut out = Vec::new();
        let (p, format) = match read_leniently(text) {
            Ok(read) => read,
            Err(problems) => {
                let lang = choice.for_profile(None);
                out.extend(setup.notes.iter().map(|n| note(n, lang)));
                out.extend(problems.iter().map(|d| spans.diag(d, lang)));
                return (out, lang);
            }
        };
        let file = path.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
        let report = engine::check_profile(&setup.rules, &file, &p, choice);
        out.extend(setup.notes.iter().map(|n| note(n, report.lang)));
        out.extend(format.iter().map(|d| spans.diag(d, report.lang)));
        for w in &report.warnings {
            let pos = Pos::new(w.line, w.column);
            // `- #tag` is an error of the format and a note of the profile: said once.
            if format.iter().any(|d| d.pos == pos) {
                continue;
            }
            // The profile's own notes carry their code; the engine adds unknown waivers.
            let code = p
                .notes
                .iter()
                .find(|d| d.pos == pos)
                .map_or("unknown-waiver", |d| d.code());
            out.push(spans.problem(pos, Level3::Warning, code, w.message.clone()));
        }
        for f in &report.findings {
            let pos = Pos::new(f.line, f.column);
            let mut p = spans.problem(pos, f.severity.into(), "", finding_message(f));
            if spans.missing_section(&f.path, pos) {
                p.len = Some(0);
            }
            p.rule = Some(f.rule.clone());
            p.path = Some(f.path.clone());
            out.push(p);
        }
        (out, report.lang)
    }

    fn config(&mut self, path: Option<&Path>, cwd: &Path, text: &str, spans: &Spans) -> (Vec<Problem>, Lang) {
        let path = path.map_or_else(|| cwd.join(config::FILE_NAME), Path::to_owned);
        let cfg = match parse_config(&path, text.as_bytes()) {
            Ok(c) => c,
            Err(problems) => {
                let out = problems.iter().map(|d| spans.diag(d, self.locale)).collect();
                return (out, self.locale);
            }
        };
        let lang = cfg.lang.unwrap_or(self.locale);
        let (rules, errors) = self.rules_for(&cfg);
        let mut out = Vec::new();
        // A pack named in `rules:` that does not load: said where `rules` is.
        let rules_pos = spans.key_pos("rules").unwrap_or(Pos::START);
        for line in errors.iter().flat_map(|e| e.render(lang)) {
            let message = t!(lang, "lsp-pack-problem", problem = line);
            out.push(spans.problem(rules_pos, Level3::Error, "broken-pack", message));
        }
        let mut ids: Vec<(&String, &Pos)> = cfg.severity_pos.iter().collect();
        ids.sort_by_key(|(_, p)| **p);
        for (id, pos) in ids {
            if rules.known.contains(id) {
                continue;
            }
            let message = match rules.suggest(id) {
                Some(s) => t!(lang, "lsp-unknown-rule-suggest", rule = id, suggestion = s),
                None => t!(lang, "lsp-unknown-rule", rule = id),
            };
            out.push(spans.problem(*pos, Level3::Warning, "unknown-rule", message));
        }
        (out, lang)
    }
}

/// Whether the CLI would lint `path` as a profile under `config`: the
/// config's own answer ([`Config::skip_reason`]), so the editor and
/// `profilecheck` never disagree. A file whose name is not `*.yaml` that the
/// editor opened as YAML is still checked, unless `include:` says which
/// files are profiles.
fn is_profile(config: &Config, cwd: &Path, path: &Path) -> bool {
    match config.skip_reason(cwd, path) {
        None => true,
        Some(config::Skip::NotIncluded) => config.include.is_none(),
        Some(_) => false,
    }
}

/// A broken config or pack, said on each profile that uses it.
fn note(note: &str, lang: Lang) -> Problem {
    Problem {
        pos: Pos::START,
        len: None,
        level: Level3::Error,
        rule: None,
        path: None,
        code: "broken-config",
        message: t!(lang, "lsp-config-problem", problem = note),
    }
}

/// A finding's text: what to do (the title), then what was found.
fn finding_message(f: &crate::rules::outcome::Finding) -> String {
    if f.message.is_empty() || f.message == f.title {
        f.title.clone()
    } else {
        format!("{}\n{}", f.title, f.message)
    }
}

/// The profile the rules run on, and its format errors. The errors are the
/// strict read's, so the editor words and places them as the CLI does (an
/// empty item on its `-`, `- #tag` as a hashtag); when there are any, the
/// lenient read gives the tree without the values at fault. Only a text
/// that is no YAML mapping at all gives no tree.
fn read_leniently(text: &str) -> Result<(Profile, Vec<Diagnostic>), Vec<Diagnostic>> {
    match profile::parse(text.as_bytes()) {
        Ok(p) => Ok((p, Vec::new())),
        Err(strict) => match profile::parse_lenient(text.as_bytes()) {
            Ok((p, _)) => Ok((p, strict)),
            Err(_) => Err(strict),
        },
    }
}

/// A config file and every config it extends, merged (`extend:`).
fn resolve_config(path: &Path, lang: Lang) -> Result<Config, Vec<config::Located>> {
    let names: Vec<&str> = pack::BUILTIN.iter().map(|(n, _)| *n).collect();
    config::resolve(path, &names, lang, &mut |p: &Path| {
        super::files::read(p).map_err(|d| d.msg)
    })
}

fn parse_config(path: &Path, bytes: &[u8]) -> Result<Config, Vec<Diagnostic>> {
    let names: Vec<&str> = pack::BUILTIN.iter().map(|(n, _)| *n).collect();
    config::parse(path, bytes, &names)
}

/// The config's `rules:` entries that stay in its folder by their real
/// path, and one located refusal for each that leaves it through a link
/// (`pack.yaml -> ../outside/secret.yaml`), as on the command line.
fn inside_tree(config: &Config) -> (Vec<PathBuf>, Vec<PackError>) {
    let base = config.path.as_deref().and_then(Path::parent);
    let mut kept = Vec::new();
    let mut refused = Vec::new();
    for (i, entry) in config.rules.iter().enumerate() {
        match base.and_then(|b| crate::platform::leaves_tree(b, entry)) {
            None => kept.push(entry.clone()),
            Some(rel) => {
                let pos = config.rules_pos.get(i).copied().unwrap_or(Pos::START);
                let m = msg!("config-rules-leaves-folder", path = excerpt(&rel.display().to_string()));
                refused.push(PackError {
                    source: config.path.as_deref().unwrap_or(entry).display().to_string(),
                    problems: vec![Diagnostic::error(pos, m.into())],
                });
            }
        }
    }
    (kept, refused)
}

/// The pack files that `rules:` entries name: a file, or a folder's
/// `*.yaml`/`*.yml` (recursively, hidden names and symlinks inside skipped,
/// in name order), as the CLI reads them. A folder that lists more than a
/// folder of packs ever holds (`rules: [/]`) gives none of its files, and
/// says so at its own name, as on the command line.
fn pack_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PackError>) {
    const MAX_ENTRIES: usize = 2_000;
    fn walk(dir: &Path, depth: usize, listed: &mut usize, out: &mut Vec<PathBuf>) -> bool {
        let Ok(rd) = std::fs::read_dir(dir) else { return true };
        let mut entries: Vec<(PathBuf, std::fs::FileType)> = rd
            .filter_map(|e| e.ok().and_then(|e| e.file_type().ok().map(|t| (e.path(), t))))
            .collect();
        *listed += entries.len();
        if *listed > MAX_ENTRIES {
            return false;
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (p, ft) in entries {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            if ft.is_dir() && depth < 16 {
                if !walk(&p, depth + 1, listed, out) {
                    return false;
                }
            } else if ft.is_file() && (name.ends_with(".yaml") || name.ends_with(".yml")) {
                out.push(p);
            }
        }
        true
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            if walk(p, 0, &mut 0, &mut found) {
                out.extend(found);
            } else {
                let m = msg!("pack-folder-too-large", limit = MAX_ENTRIES);
                errors.push(PackError {
                    source: p.display().to_string(),
                    problems: vec![Diagnostic::error(Pos::START, m.into())],
                });
            }
        } else {
            out.push(p.clone());
        }
    }
    (out, errors)
}

/// Where each key and value of a document starts and how long it is, to
/// turn a problem's position into a range that covers the value.
pub(crate) struct Spans {
    spans: HashMap<Pos, u32>,
    root: Option<Node>,
    /// The document's lines (any line end), for tokens with no span and its end.
    lines: Vec<String>,
}

impl Spans {
    pub(crate) fn of(text: &str) -> Spans {
        let root = yaml::parse(text).ok();
        let mut spans = HashMap::new();
        fn add(spans: &mut HashMap<Pos, u32>, pos: Pos, len: u32) {
            let e = spans.entry(pos).or_insert(0);
            *e = (*e).max(len);
        }
        fn walk(n: &Node, spans: &mut HashMap<Pos, u32>) {
            match &n.value {
                Value::Map(es) => {
                    for (k, v) in es {
                        add(spans, k.pos, k.len);
                        add(spans, v.pos, v.len);
                        walk(v, spans);
                    }
                }
                Value::Seq(items) => {
                    for it in items {
                        add(spans, it.pos, it.len);
                        walk(it, spans);
                    }
                }
                _ => {}
            }
        }
        // The root itself is left out: a finding at the top of the file
        // (a section missing) underlines the first key, not the whole file.
        if let Some(r) = &root {
            walk(r, &mut spans);
        }
        let lines = super::text::Lines::new(text, super::text::Encoding::Utf32);
        let lines = (0..lines.count()).map(|i| lines.line(i).to_owned()).collect();
        Spans { spans, root, lines }
    }

    /// Whether a finding placed at `pos` is about a top-level section the
    /// profile lacks: the engine places it at 1:1, where it would underline
    /// `name`. It keeps the CLI's line (editors and scripts compare them) but
    /// covers nothing there. A missing key inside a section is already placed
    /// on that section's key.
    fn missing_section(&self, path: &str, pos: Pos) -> bool {
        let top = path.split('.').next().unwrap_or(path);
        pos == Pos::START && self.root.as_ref().is_none_or(|r| r.entry(top).is_none())
    }

    /// The length of the token at `pos`: a quoted string with its quotes,
    /// else up to a blank, a comma, a closing bracket or a `: `.
    fn token_len(&self, pos: Pos) -> Option<u32> {
        let line = self.lines.get((pos.line.max(1) - 1) as usize)?;
        let rest: Vec<char> = line.chars().skip((pos.col.max(1) - 1) as usize).collect();
        let n = match rest.first()? {
            q @ ('"' | '\'') => rest[1..].iter().position(|c| c == q).map_or(rest.len(), |i| i + 2),
            _ => rest
                .iter()
                .enumerate()
                .position(|(i, c)| {
                    c.is_whitespace()
                        || matches!(c, ',' | ']' | '}')
                        || (*c == ':' && rest.get(i + 1).is_none_or(|n| n.is_whitespace()))
                })
                .unwrap_or(rest.len()),
        };
        (n > 0).then_some(n as u32)
    }

    fn key_pos(&self, key: &str) -> Option<Pos> {
        self.root.as_ref()?.entry(key).map(|(k, _)| k.pos)
    }

    pub(crate) fn len_at(&self, pos: Pos) -> Option<u32> {
        self.spans.get(&pos).copied().filter(|l| *l > 0)
    }

    fn problem(&self, pos: Pos, level: Level3, code: &'static str, message: String) -> Problem {
        Problem {
            pos,
            len: self.len_at(pos),
            level,
            rule: None,
            path: None,
            code,
            message,
        }
    }

    /// A format problem: on its key or value, else on the token at its position.
    fn diag(&self, d: &Diagnostic, lang: Lang) -> Problem {
        let level = match d.level {
            Level::Error => Level3::Error,
            Level::Warning => Level3::Warning,
        };
        let mut p = self.problem(d.pos, level, d.code(), d.msg.text(lang));
        // An empty item sits on its `-`; the null it holds may span lines.
        if p.code == "empty-list-item" {
            p.len = Some(1);
        } else if p.len.is_none() {
            p.len = self.token_len(d.pos);
        }
        p
    }
}

#[cfg(test)]
mod scope_tests {
    use super::*;

    /// The editor asks the command line's question (issue 26): a compose
    /// file or a workflow is no profile, and a nested config that extends
    /// the house config keeps its pack.
    #[test]
    fn files_that_are_not_profiles_get_nothing_and_extend_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, text: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
            p
        };
        write(".profilecheck.yaml", "rules: [packs/house.yaml]\nexclude: [drafts/]\n");
        write(
            "packs/house.yaml",
            "pack: house\nrules:\n  - id: house-city\n    severity: warning\n    title: \"City\"\n    check: {path: about.city, present: true}\n",
        );
        write(
            "clients/vip/.profilecheck.yaml",
            "extend: ../../.profilecheck.yaml\nfail_on: warning\n",
        );
        let mut checker = Checker::new(Lang::En);
        let mut problems = |rel: &str, text: &str| {
            let p = write(rel, text);
            checker.problems(Kind::Profile, Some(&p), root, text).0
        };
        assert!(problems("docker-compose.yml", "services: {web: {image: nginx}}\n").is_empty());
        assert!(problems(".github/workflows/ci.yml", "on: push\njobs: {}\n").is_empty());
        assert!(problems("drafts/wip.yaml", "services: 1\n").is_empty());
        let found = problems("clients/vip/lea.yaml", "name: Léa\n");
        assert!(
            found.iter().any(|p| p.rule.as_deref() == Some("house-city")),
            "{found:?}"
        );
        assert!(
            !problems("compose-notes.yaml", "services: 1\n").is_empty(),
            "a profile named like that is checked"
        );
    }
}
