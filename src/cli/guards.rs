//! The guards of a lint run: what refuses it, with a usage error, before
//! anything is written (a report over a profile, a config or a rule pack of
//! the run; a `--select` or `--ignore` that matches nothing), and what
//! `--verbose` says of each file.

use super::output::{self, Identity};
use super::problems::Problems;
use super::ruleset::hint_text;
use super::scope::Scopes;
use super::walk::{self, Input};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::platform::FileId;
use crate::report::concise;
use crate::rules::config::{self, Config};
use crate::rules::pack;
use crate::rules::select;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Refuse a report file that is a config or a rule pack in force.
pub(super) fn reports_spare_configs_and_packs(
    problems: &mut Problems,
    files: &[(PathBuf, Identity)],
    scopes: &Scopes,
    used: &[usize],
    pack_ids: &HashSet<FileId>,
    cwd: &Path,
    lang: Lang,
) -> bool {
    for (target, id) in files {
        let is_config = used
            .iter()
            .filter_map(|&i| scopes.list[i].config.path.as_ref())
            .any(|c| output::identity(c, cwd) == *id);
        let is_pack = matches!(id, Identity::Inode(i) if pack_ids.contains(i));
        if is_config || is_pack {
            let file = target.display().to_string();
            problems.error_line(if is_config {
                t!(lang, "output-is-config", file = file)
            } else {
                t!(lang, "output-is-pack", file = file)
            });
            return false;
        }
    }
    true
}

/// A misspelt --select would silently turn every rule off and let CI
/// pass, a misspelt --ignore leave on what was meant off: both are usage
/// errors.
pub(super) fn selection_matches(
    problems: &mut Problems,
    scopes: &Scopes,
    used: &[usize],
    select: &Option<Vec<String>>,
    ignore: &[String],
    lang: Lang,
) -> bool {
    let every: Vec<&pack::Rule> = used
        .iter()
        .filter_map(|&i| scopes.list[i].rules.as_ref())
        .flat_map(|r| r.rules.iter().chain(&r.off))
        .collect();
    let named = select.iter().flatten().map(|s| ("--select", s));
    let named = named.chain(ignore.iter().map(|s| ("--ignore", s)));
    let mut good = true;
    for (option, value) in named {
        for (text, hint) in select::unmatched([value.as_str()], &every) {
            good = false;
            problems.usage_error(t!(
                lang,
                "cli-select-matches-nothing",
                option = option,
                value = crate::profile::diag::excerpt(&text),
                hint = hint_text(hint.as_deref(), lang)
            ));
        }
    }
    good
}

/// `--verbose`: which config each file uses.
pub(super) fn say_configs(problems: &mut Problems, inputs: &[(Input, usize)], scopes: &Scopes, cwd: &Path, lang: Lang) {
    let none = t!(lang, "cli-verbose-no-config");
    for (input, s) in inputs {
        let used = match &scopes.list[*s].config.path {
            Some(p) => p.display().to_string(),
            None => none.clone(),
        };
        let line = t!(
            lang,
            "cli-verbose-config",
            file = concise::one_line(&walk::display_name(input)),
            config = concise::one_line(&used)
        );
        let _ = writeln!(problems.stderr(), "profilecheck: {line}");
    }
    let mut said = std::collections::HashSet::new();
    for (_, s) in inputs {
        if said.insert(*s) {
            say_chain(problems, &scopes.list[*s].config, cwd, lang);
        }
    }
}

/// Under `-v`, once per config: the chain of configs it extends, or, for
/// one that extends none below another config, that it replaces that one
/// (docs/cli.md: a nested config replaces unless it extends) and how to
/// keep it.
fn say_chain(problems: &mut Problems, config: &Config, cwd: &Path, lang: Lang) {
    let Some(path) = &config.path else { return };
    let shown = concise::one_line(&path.display().to_string());
    let line = if config.extends.is_empty() {
        let dir = config::absolute(cwd, path)
            .parent()
            .map(Path::to_owned)
            .unwrap_or_default();
        let Some(parent) = dir.parent().and_then(config::discover) else {
            return;
        };
        let up = dir
            .strip_prefix(parent.parent().unwrap_or(&dir))
            .map_or(0, |r| r.components().count());
        let extend = format!("{}{}", "../".repeat(up), config::FILE_NAME);
        let parent = super::scope::relative_to(&parent, cwd).display().to_string();
        t!(
            lang,
            "cli-verbose-replaces",
            config = shown,
            parent = concise::one_line(&parent),
            extend = extend
        )
    } else {
        let chain: Vec<String> = config.extends.iter().map(|p| p.display().to_string()).collect();
        let chain = concise::one_line(&chain.join(" -> "));
        t!(lang, "cli-verbose-extends", config = shown, chain = chain)
    };
    let _ = writeln!(problems.stderr(), "profilecheck: {line}");
}

/// A report written over a profile of the run would destroy it. Files are
/// compared by identity, and only when there are report files at all: a
/// stat per input costs little, a realpath more.
pub(super) fn report_over_profile(inputs: &[(Input, usize)], targets: &[Identity], cwd: &Path) -> Option<PathBuf> {
    if targets.is_empty() {
        return None;
    }
    inputs.iter().find_map(|(i, _)| match i {
        Input::File(f) if targets.contains(&output::identity(f, cwd)) => Some(f.clone()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_over_a_profile_is_found_by_identity() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("p.yaml");
        std::fs::write(&f, "x").unwrap();
        let inputs = vec![(Input::File(f.clone()), 0)];
        let over = output::identity(&dir.path().join("./p.yaml"), dir.path());
        assert_eq!(report_over_profile(&inputs, &[over], dir.path()), Some(f));
        assert_eq!(report_over_profile(&inputs, &[], dir.path()), None);
    }
}
