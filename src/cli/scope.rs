//! The scope of each file: which config is in force where (the nearest
//! `.profilecheck.yaml` in the file's folder or a parent, as ruff finds its
//! config; or `--config`, or none), read once per config.
//!
//! A config's `extend:` is resolved in [`read_config`], between parsing a
//! file and handing its [`Config`] to a scope: every other stage sees only
//! the resolved config.

use super::problems::Problems;
use crate::rules::config::{self, Config};
use crate::rules::engine::RuleSet;
use crate::rules::pack;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One config in force and what it makes of the rules: every profile under
/// its folder uses it (docs/cli.md).
pub(super) struct Scope {
    pub(super) config: Config,
    /// The rules it puts in force, built once the walk has found who uses it.
    pub(super) rules: Option<RuleSet>,
}

/// Which config applies where. Scope 0 is "no config".
pub(super) struct Scopes {
    pub(super) list: Vec<Scope>,
    /// Config file (as shown) -> scope.
    by_config: HashMap<PathBuf, usize>,
    /// Folder (absolute) -> scope of the nearest config, memoised so a deep
    /// tree is searched once per folder, not once per file and level.
    by_dir: HashMap<PathBuf, usize>,
    /// `--config FILE` or `--no-config`: one scope for every profile.
    pub(super) forced: Option<usize>,
    /// Where relative paths start.
    cwd: PathBuf,
}

impl Scopes {
    /// The scopes of a run: none yet but "no config", or the one forced by
    /// `--no-config` / `--config FILE`.
    pub(super) fn new(cwd: &Path, no_config: bool, forced: Option<&Path>, problems: &mut Problems) -> Scopes {
        let mut scopes = Scopes {
            list: vec![Scope {
                config: Config::default(),
                rules: None,
            }],
            by_config: HashMap::new(),
            by_dir: HashMap::new(),
            forced: None,
            cwd: cwd.to_owned(),
        };
        if no_config {
            scopes.forced = Some(0);
        } else if let Some(path) = forced {
            let cfg = read_config(problems, path, false);
            scopes.list.push(Scope {
                config: cfg,
                rules: None,
            });
            scopes.forced = Some(1);
        }
        scopes
    }

    /// The scope of a file or folder met in the walk: that of the nearest
    /// config in its folder or a parent.
    pub(super) fn of(&mut self, problems: &mut Problems, path: &Path) -> usize {
        if let Some(i) = self.forced {
            return i;
        }
        let abs = config::absolute(&self.cwd, path);
        let dir = abs.parent().map(Path::to_owned).unwrap_or(abs);
        self.of_dir(problems, &dir)
    }

    /// The scope of standard input: the current folder's.
    pub(super) fn of_stdin(&mut self, problems: &mut Problems) -> usize {
        match self.forced {
            Some(f) => f,
            None => {
                let cwd = self.cwd.clone();
                self.of_dir(problems, &cwd)
            }
        }
    }

    fn of_dir(&mut self, problems: &mut Problems, dir: &Path) -> usize {
        // Climb until a folder already known or one with a config, then
        // remember the answer for every folder on the way.
        let mut climbed = Vec::new();
        let mut cur = Some(dir);
        let mut found = 0;
        while let Some(d) = cur {
            if let Some(&i) = self.by_dir.get(d) {
                found = i;
                break;
            }
            climbed.push(d.to_owned());
            let candidate = d.join(config::FILE_NAME);
            if candidate.is_file() {
                found = self.add(problems, &candidate);
                break;
            }
            cur = d.parent();
        }
        for d in climbed {
            self.by_dir.insert(d, found);
        }
        found
    }

    /// The scope of the config file `candidate` found in `dir`, read once.
    fn add(&mut self, problems: &mut Problems, candidate: &Path) -> usize {
        let shown = relative_to(candidate, &self.cwd);
        if let Some(&i) = self.by_config.get(&shown) {
            return i;
        }
        let cfg = read_config(problems, &shown, true);
        let i = self.list.len();
        self.list.push(Scope {
            config: cfg,
            rules: None,
        });
        self.by_config.insert(shown, i);
        i
    }

    /// Is `path` left out under the config in force there: a folder not to
    /// enter, or a file that is not a profile ([`Config::skip_reason`], the
    /// one answer the language server asks too)?
    pub(super) fn skips(&mut self, problems: &mut Problems, path: &Path, is_dir: bool) -> bool {
        let s = self.of(problems, path);
        let config = &self.list[s].config;
        match is_dir {
            true => config.skips_folder(&self.cwd, path),
            false => config.skip_reason(&self.cwd, path).is_some(),
        }
    }
}

/// The config of the current directory (or `--config`), for the
/// subcommands and for the run's language.
pub(super) fn cwd_config(problems: &mut Problems, cwd: &Path, common: &super::args::Common) -> Config {
    if common.no_config {
        return Config::default();
    }
    match &common.config {
        Some(p) => read_config(problems, p, false),
        None => match config::discover(cwd) {
            // Shown relative to where the user stands (`../.profilecheck.yaml`).
            Some(p) => {
                let shown = relative_to(&p, cwd);
                read_config(problems, &shown, true)
            }
            None => Config::default(),
        },
    }
}

/// Read and check one config file; its problems are kept, and a config
/// that cannot be used counts as none (its profiles are still linted).
/// A config that was found rather than named is ignored with a warning
/// when someone else owns it (docs/cli.md, as git does; not on Windows).
pub(super) fn read_config(problems: &mut Problems, path: &Path, discovered: bool) -> Config {
    let shown = path.display().to_string();
    let lang = problems.locale;
    if discovered && let Some(owner) = crate::platform::foreign_owner(path) {
        if !problems.silent {
            let msg = crate::i18n::catalog::t!(lang, "config-foreign-owner", uid = owner as u64);
            problems.diag_line(&shown, 1, 1, "warning", &msg);
        }
        return Config::default();
    }
    let names: Vec<&str> = pack::BUILTIN.iter().map(|(n, _)| *n).collect();
    // The config and every one it extends, each problem in its own file.
    match config::resolve(path, &names, lang, &mut |p: &Path| super::walk::read_file(p)) {
        Ok(c) => c,
        Err(found) => {
            for l in found {
                let file = l.file.display().to_string();
                problems.problem(&file, l.diag.pos.line, l.diag.pos.col, l.diag.msg.text(lang));
            }
            Config::default()
        }
    }
}

/// `path` as seen from `cwd` when it lies below it or beside one of its
/// ancestors; unchanged otherwise.
pub(super) fn relative_to(path: &Path, cwd: &Path) -> PathBuf {
    if let Ok(rel) = path.strip_prefix(cwd) {
        return rel.to_owned();
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return path.to_owned();
    };
    let mut up = PathBuf::new();
    for ancestor in cwd.ancestors() {
        if ancestor == dir {
            return up.join(name);
        }
        up.push("..");
    }
    path.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn paths_are_cleaned_and_shown_from_where_the_user_stands() {
        let cwd = Path::new("/work/team/a");
        assert_eq!(
            config::absolute(cwd, Path::new("../b/./p.yaml")),
            Path::new("/work/team/b/p.yaml")
        );
        assert_eq!(
            relative_to(Path::new("/work/team/a/x/c.yaml"), cwd),
            Path::new("x/c.yaml")
        );
        assert_eq!(relative_to(Path::new("/work/c.yaml"), cwd), Path::new("../../c.yaml"));
        assert_eq!(relative_to(Path::new("/other/c.yaml"), cwd), Path::new("/other/c.yaml"));
    }

    #[test]
    fn each_file_takes_the_nearest_config_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/deep")).unwrap();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::write(root.join("a").join(config::FILE_NAME), "lang: fr\n").unwrap();
        let mut err = Vec::new();
        let mut problems = Problems::new(&mut err, Lang::En, false);
        // Configs are read as shown from the working folder: one the
        // temporary folder is not under keeps them absolute.
        let mut scopes = Scopes::new(Path::new("/nonexistent-cwd"), false, None, &mut problems);
        let a = scopes.of(&mut problems, &root.join("a/deep/p.yaml"));
        let a2 = scopes.of(&mut problems, &root.join("a/q.yaml"));
        let b = scopes.of(&mut problems, &root.join("b/p.yaml"));
        assert_eq!(a, a2);
        assert_ne!(a, 0);
        assert_eq!(scopes.list.len(), 2, "the config is read once");
        assert_eq!(scopes.list[a].config.lang, Some(Lang::Fr), "{:?}", problems.kept);
        // b has no config of its own (unless the temporary folder's parents do).
        assert!(b == 0 || scopes.list[b].config.path.as_deref() != Some(&root.join("a").join(config::FILE_NAME)));
        assert!(!problems.trouble);
    }

    #[test]
    fn no_config_forces_scope_zero() {
        let mut err = Vec::new();
        let mut problems = Problems::new(&mut err, Lang::En, false);
        let mut scopes = Scopes::new(Path::new("/"), true, None, &mut problems);
        assert_eq!(scopes.of(&mut problems, Path::new("/x/p.yaml")), 0);
        assert_eq!(scopes.of_stdin(&mut problems), 0);
    }
}
