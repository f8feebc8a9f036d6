//! The packs of a scope loaded into a rule set: the built-in packs the
//! config selects, the config's `rules:` files, then `--rules`. Each pack
//! that cannot be loaded is a problem located at its file (or at the
//! config's line that names it), and the others still load.

use super::problems::Problems;
use super::walk::{self, Input};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::platform::FileId;
use crate::profile::diag::{Diagnostic, excerpt};
use crate::profile::yaml::Pos;
use crate::rules::config::Config;
use crate::rules::engine::{RuleSet, Selection};
use crate::rules::pack::{self, Pack, PackError, Severity};
use crate::rules::select;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Built-in packs (as the config selects), config packs, then `extra`
/// (`--rules`). Config `severity` keys that name no rule are problems
/// located at the config's line. The identity of each pack file goes into
/// `pack_ids`: those files are never linted as profiles.
pub(super) fn load(
    problems: &mut Problems,
    extra: &[PathBuf],
    config: &Config,
    sel: &Selection,
    lang: Lang,
    pack_ids: &mut HashSet<FileId>,
) -> RuleSet {
    let packs = packs_in_force(problems, extra, config, lang, pack_ids);
    // Keep going with what does not clash, so valid profiles are still linted.
    let (rules, clashes) = RuleSet::lenient(packs, sel);
    for e in clashes {
        problems.pack_error(e, lang);
    }
    unknown_severity_keys(problems, config, &rules, lang);
    rules
}

/// The selection of a scope: the command line's `--select` and `--ignore`
/// when given, else the config's `select` and `ignore`; its `severity`.
pub(super) fn selection(select: &Option<Vec<String>>, ignore: &[String], config: &Config) -> Selection {
    Selection {
        select: select.clone().or_else(|| config.select.clone()),
        ignore: match ignore.is_empty() {
            true => config.ignore.clone().unwrap_or_default(),
            false => ignore.to_vec(),
        },
        settings: config.severity.clone(),
    }
}

/// The packs in force under `config`: the built-in ones it selects, its
/// `rules:`, then `extra` (`--rules`); each that cannot be loaded is a
/// problem, and the others still load.
pub(super) fn packs_in_force(
    problems: &mut Problems,
    extra: &[PathBuf],
    config: &Config,
    lang: Lang,
    pack_ids: &mut HashSet<FileId>,
) -> Vec<Pack> {
    let mut packs: Vec<Pack> = pack::builtin()
        .into_iter()
        .filter(|p| config.packs.as_ref().is_none_or(|names| names.contains(&p.name)))
        .collect();
    let mut inputs = config_pack_files(problems, config, lang);
    for p in extra {
        walk::expand_packs(p, &mut inputs);
    }
    let (loaded, errors) = load_packs(inputs, pack_ids);
    packs.extend(loaded);
    for e in errors {
        problems.pack_error(e, lang);
    }
    packs
}

/// The pack files a config's `rules:` entries name. An entry that names
/// nothing, or a folder too big to be one of packs (`rules: [/]`), is the
/// config's mistake, located at its line.
fn config_pack_files(problems: &mut Problems, config: &Config, lang: Lang) -> Vec<Input> {
    let mut inputs = Vec::new();
    for (i, path) in config.rules.iter().enumerate() {
        let pos = config.rules_pos.get(i).copied().unwrap_or(Pos::START);
        // The config that wrote the entry: this one or one it extends.
        let file = config.rules_file.get(i).or(config.path.as_ref());
        let shown = file.map(|p| p.display().to_string());
        let shown = shown.as_deref().unwrap_or("-");
        let unusable = |reason: String| {
            t!(
                lang,
                "config-rules-entry-unusable",
                path = excerpt(&path.display().to_string()),
                reason = reason
            )
        };
        if let Some(rel) = leaves_tree(config, path) {
            let msg = t!(
                lang,
                "config-rules-leaves-folder",
                path = excerpt(&rel.display().to_string())
            );
            problems.problem(shown, pos.line, pos.col, msg);
            continue;
        }
        if let Err(e) = std::fs::metadata(path) {
            let msg = unusable(walk::io_message(&e).text(lang));
            problems.problem(shown, pos.line, pos.col, msg);
            continue;
        }
        let mut found = Vec::new();
        walk::expand_packs(path, &mut found);
        if let Some(Input::Broken(_, m)) = found.iter().find(|i| matches!(i, Input::Broken(p, _) if p == path)) {
            let msg = unusable(m.text(lang));
            problems.problem(shown, pos.line, pos.col, msg);
            continue;
        }
        inputs.extend(found);
    }
    inputs
}

/// A `rules` entry inside the config's folder must stay there by its real
/// path too: a link `linkpack.yaml -> ../outside/secret.yaml` is refused as
/// `../outside/secret.yaml` written out is (issue 27). Returns the entry
/// as written, relative to the config's folder, when it leaves.
fn leaves_tree(config: &Config, entry: &Path) -> Option<PathBuf> {
    crate::platform::leaves_tree(config.path.as_ref()?.parent()?, entry)
}

/// Config `severity` keys, and `select` and `ignore` entries, that match no
/// rule of `rules`: a misspelt `select` would turn every rule off and let CI
/// pass, as a misspelt `--select` would.
fn unknown_severity_keys(problems: &mut Problems, config: &Config, rules: &RuleSet, lang: Lang) {
    unknown_selection(problems, config, rules, lang);
    let every: Vec<&pack::Rule> = rules.rules.iter().chain(&rules.off).collect();
    let mut configured: Vec<&String> = config.severity.keys().collect();
    configured.sort();
    for key in configured {
        for (text, hint) in select::unmatched([key.as_str()], &every) {
            let pos = config.severity_pos.get(key).copied().unwrap_or(Pos::START);
            let file = config.severity_file.get(key).or(config.path.as_ref());
            let shown = file.map(|p| p.display().to_string());
            let msg = t!(
                lang,
                "select-matches-nothing",
                value = excerpt(&text),
                hint = hint_text(hint.as_deref(), lang)
            );
            problems.problem(shown.as_deref().unwrap_or("-"), pos.line, pos.col, msg);
        }
    }
}

fn unknown_selection(problems: &mut Problems, config: &Config, rules: &RuleSet, lang: Lang) {
    let every: Vec<&pack::Rule> = rules.rules.iter().chain(&rules.off).collect();
    let select = config.select.iter().flatten().zip(&config.select_pos);
    let ignore = config.ignore.iter().flatten().zip(&config.ignore_pos);
    for (name, (file, pos)) in select.chain(ignore) {
        for (text, hint) in select::unmatched([name.as_str()], &every) {
            let msg = t!(
                lang,
                "select-matches-nothing",
                value = excerpt(&text),
                hint = hint_text(hint.as_deref(), lang)
            );
            problems.problem(&file.display().to_string(), pos.line, pos.col, msg);
        }
    }
}

/// Each rule's severity before the config changed it, for `explain` and
/// `rules` ("warning, error by default"). Its problems were reported by the
/// first load and are not kept twice.
pub(super) fn default_severities(
    problems: &mut Problems,
    extra: &[PathBuf],
    config: &Config,
    lang: Lang,
) -> HashMap<String, Severity> {
    let saved = (problems.trouble, problems.kept.len());
    let rules = load(
        problems,
        extra,
        config,
        &Selection::default(),
        lang,
        &mut HashSet::new(),
    );
    problems.trouble = saved.0;
    problems.kept.truncate(saved.1);
    rules.rules.iter().map(|r| (r.id.clone(), r.severity)).collect()
}

/// `rules PACK…` and `rules --verify PACK…`: each a built-in pack's name,
/// a pack file or a folder of packs.
pub(super) fn named_packs(problems: &mut Problems, names: &[PathBuf], lang: Lang) -> (Vec<Pack>, Vec<PackError>) {
    let mut loaded = Vec::new();
    let mut paths = Vec::new();
    let builtin = pack::builtin();
    for n in names {
        match builtin.iter().find(|p| n.as_os_str() == p.name.as_str()) {
            // A file of that name in the current folder wins.
            Some(p) if !n.exists() => loaded.push(p.clone()),
            _ if std::fs::metadata(n).is_err() => no_such_pack(problems, &builtin, n, lang),
            _ => paths.push(n.clone()),
        }
    }
    let mut inputs = Vec::new();
    for p in &paths {
        walk::expand_packs(p, &mut inputs);
    }
    let (extra, errors) = load_packs(inputs, &mut HashSet::new());
    loaded.extend(extra);
    (loaded, errors)
}

fn no_such_pack(problems: &mut Problems, builtin: &[Pack], n: &Path, lang: Lang) {
    let known: Vec<&str> = builtin.iter().map(|p| p.name.as_str()).collect();
    let shown = n.display().to_string();
    let hint = crate::profile::schema::did_you_mean(&shown, known.iter().copied());
    let msg = t!(
        lang,
        "cli-no-such-pack",
        packs = known.join(", "),
        hint = hint_text(hint, lang)
    );
    problems.problem(&shown, 1, 1, msg);
}

/// Load the pack files that pack paths were expanded into (by
/// [`walk::expand_packs`]). Each file that cannot be read or loaded is an
/// error of its own, located at that file, and the others still load.
///
/// The identity of each pack file goes into `ids`: those files are never
/// linted as profiles.
fn load_packs(inputs: Vec<Input>, ids: &mut HashSet<FileId>) -> (Vec<Pack>, Vec<PackError>) {
    for i in &inputs {
        if let Input::File(f) = i
            && let Some(id) = crate::platform::path_id(f)
        {
            ids.insert(id);
        }
    }
    let mut packs = Vec::new();
    let mut errors = Vec::new();
    let mut budget = pack::Budget::with_builtin();
    for input in inputs {
        let located = |source: String, m| PackError {
            source,
            problems: vec![Diagnostic::error(Pos::START, m)],
        };
        let loaded = match input {
            Input::File(f) => {
                let source = f.display().to_string();
                walk::read_file(&f)
                    .map_err(|m| located(source.clone(), m))
                    .and_then(|bytes| pack::load(&source, &bytes))
            }
            Input::Broken(f, msg) => Err(located(f.display().to_string(), msg)),
            Input::Stdin => continue,
        };
        // Each pack fits alone (`pack::load` checks); together they must too.
        match loaded.and_then(|p| match budget.charge(&p) {
            Ok(()) => Ok(p),
            Err(d) => Err(PackError {
                source: p.source.clone(),
                problems: vec![d],
            }),
        }) {
            Ok(p) => packs.push(p),
            Err(e) => errors.push(e),
        }
    }
    (packs, errors)
}

/// One rule set that knows every rule of several (the reporters describe
/// each rule a profile was checked against, whichever config it used).
pub(super) fn merge<'r>(sets: impl Iterator<Item = &'r RuleSet>) -> RuleSet {
    let mut sets = sets.peekable();
    let Some(first) = sets.next() else {
        return RuleSet::lenient(pack::builtin(), &Selection::default()).0;
    };
    let mut out = first.clone();
    for s in sets {
        for r in &s.rules {
            if out.get(&r.id).is_none() {
                out.rules.push(r.clone());
            }
        }
        for r in &s.off {
            if !out.off.iter().any(|o| o.id == r.id) {
                out.off.push(r.clone());
            }
        }
        for id in &s.known {
            if !out.known.contains(id) {
                out.known.push(id.clone());
            }
        }
        for (n, t) in &s.steps {
            out.steps.entry(*n).or_insert_with(|| t.clone());
        }
        for p in &s.packs {
            if !out.packs.iter().any(|o| o.name == p.name) {
                out.packs.push(p.clone());
            }
        }
    }
    out
}

/// "; did you mean `x`?" in `lang`, or nothing.
pub(super) fn hint_text(hint: Option<&str>, lang: Lang) -> String {
    match hint {
        Some(h) => t!(lang, "cli-did-you-mean", name = excerpt(h)),
        None => String::new(),
    }
}

/// "unknown rule `photo-sett`; did you mean `photo-set`?"
pub(super) fn unknown_rule(rules: &RuleSet, id: &str, lang: Lang) -> String {
    match rules.suggest(id) {
        Some(s) => t!(lang, "cli-unknown-rule-did-you-mean", rule = id, suggestion = s),
        None => t!(lang, "cli-unknown-rule", rule = id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(config: &Config, extra: &[PathBuf]) -> (RuleSet, bool, Vec<String>, usize) {
        let mut err = Vec::new();
        let mut problems = Problems::new(&mut err, Lang::En, false);
        let mut ids = HashSet::new();
        let rules = load(&mut problems, extra, config, &Selection::default(), Lang::En, &mut ids);
        let kept = problems.kept.iter().map(|p| format!("{}:{}", p.file, p.line)).collect();
        (rules, problems.trouble, kept, ids.len())
    }

    #[test]
    fn the_builtin_packs_load_without_problems() {
        let (rules, trouble, kept, ids) = run(&Config::default(), &[]);
        assert!(!rules.rules.is_empty());
        assert!(!trouble, "{kept:?}");
        assert_eq!(ids, 0);
    }

    #[test]
    fn a_broken_pack_is_located_and_the_others_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.yaml");
        std::fs::write(&bad, "rules: [\n").unwrap();
        let (rules, trouble, kept, ids) = run(&Config::default(), std::slice::from_ref(&bad));
        assert!(trouble);
        assert!(
            kept.iter().all(|k| k.starts_with(&bad.display().to_string())),
            "{kept:?}"
        );
        assert!(!rules.rules.is_empty(), "the built-in packs still load");
        assert_eq!(ids, 1, "a pack file is never a profile");
    }

    #[test]
    fn merging_keeps_each_rule_once() {
        let (rules, ..) = run(&Config::default(), &[]);
        let merged = merge([&rules, &rules].into_iter());
        assert_eq!(merged.rules.len(), rules.rules.len());
    }
}
