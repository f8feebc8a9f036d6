//! The inputs of a lint run, from the command line: the report files it
//! will write (checked before anything is written), the `--exclude` globs,
//! and the files the paths expand into (each with the scope it falls
//! under), each file once.

use super::output::{self, Identity};
use super::problems::{Problems, error};
use super::scope::Scopes;
use super::walk::{self, Input};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::report::baseline::Baseline;
use crate::report::{Format, concise};
use crate::rules::config;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Every `--report FORMAT=PATH`, or None after a usage error: each must
/// name a known format before anything is written.
pub(super) fn report_specs(problems: &mut Problems, specs: &[String], lang: Lang) -> Option<Vec<(Format, PathBuf)>> {
    let mut out = Vec::new();
    for spec in specs {
        match spec
            .split_once('=')
            .and_then(|(f, path)| Format::parse(f).map(|f| (f, PathBuf::from(path))))
        {
            Some((f, path)) if !path.as_os_str().is_empty() => out.push((f, path)),
            _ => {
                problems.usage_error(t!(
                    lang,
                    "cli-bad-report-spec",
                    formats = Format::NAMES.join(", "),
                    spec = concise::one_line(spec)
                ));
                return None;
            }
        }
    }
    Some(out)
}

/// The report files of the run (stdout left out), by identity, or None
/// after a usage error: two reports into one file would leave only the
/// last one. Files are compared by identity, not spelling (`r.json`,
/// `./r.json`, a symlink). `main` is the main report's target, if any.
pub(super) fn report_files(
    problems: &mut Problems,
    main: Option<&Path>,
    extra: &[(Format, PathBuf)],
    cwd: &Path,
    lang: Lang,
) -> Option<Vec<(PathBuf, Identity)>> {
    let mut targets: Vec<(&Path, Identity)> = Vec::new();
    if let Some(main) = main {
        targets.push((main, output::identity(main, cwd)));
    }
    for (_, p) in extra {
        let id = output::identity(p, cwd);
        if let Some((first, _)) = targets.iter().find(|(_, t)| *t == id) {
            problems.error_line(if id == Identity::Stdout {
                t!(lang, "output-two-on-stdout")
            } else {
                error(t!(lang, "cli-two-reports", path = first.display()))
            });
            return None;
        }
        targets.push((p, id));
    }
    Some(
        targets
            .into_iter()
            .filter(|(_, id)| *id != Identity::Stdout)
            .map(|(p, id)| (p.to_owned(), id))
            .collect(),
    )
}

/// The `--exclude` globs, or None after a usage error.
pub(super) fn excludes(problems: &mut Problems, globs: &[String], lang: Lang) -> Option<globset::GlobSet> {
    let mut set = globset::GlobSetBuilder::new();
    for g in globs {
        match config::exclude_glob(g) {
            Ok(globs) => {
                for g in globs {
                    set.add(g);
                }
            }
            Err(e) => {
                problems.usage_error(t!(
                    lang,
                    "cli-bad-exclude",
                    glob = concise::one_line(g),
                    reason = e.to_string()
                ));
                return None;
            }
        }
    }
    Some(set.build().unwrap_or_else(|_| globset::GlobSet::empty()))
}

/// Expand folders; a path that cannot be used becomes an invalid report.
/// Each input comes with its scope.
/// With `force_exclude`, a path named on the command line is left out as
/// it would be in a folder walk.
pub(super) fn collect(
    problems: &mut Problems,
    scopes: &mut Scopes,
    paths: &[PathBuf],
    (follow, force_exclude): (bool, bool),
    cli_excludes: &globset::GlobSet,
) -> Vec<(Input, usize)> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        if force_exclude && forced_out(problems, scopes, p, cli_excludes) {
            continue;
        }
        let root = p.clone();
        // Excludes apply below the paths given: `--exclude` relative to
        // the path walked, a config's `exclude` to the config's folder.
        let mut skip = |path: &Path, is_dir: bool| -> bool {
            if path.strip_prefix(&root).is_ok_and(|rel| cli_excludes.is_match(rel)) {
                return true;
            }
            scopes.skips(problems, path, is_dir)
        };
        walk::Walk {
            follow,
            skip: &mut skip,
            limit: None,
        }
        .expand(p, &mut out);
    }
    if paths.len() >= 2 || follow {
        once_each(&mut out);
    }
    out.into_iter()
        .map(|i| {
            let scope = match &i {
                Input::Stdin => scopes.of_stdin(problems),
                Input::File(p) | Input::Broken(p, _) => scopes.of(problems, p),
            };
            (i, scope)
        })
        .collect()
}

/// `--baseline REPORT.json`, read, or None after a located error: the
/// outer `Option` is whether the run can go on.
pub(super) fn baseline(problems: &mut Problems, path: Option<&Path>) -> Option<Option<Baseline>> {
    let Some(path) = path else { return Some(None) };
    match Baseline::read(path) {
        Ok(b) => Some(Some(b)),
        Err(d) => {
            let lang = problems.locale;
            let shown = path.display().to_string();
            problems.diag_line(&shown, d.pos.line, d.pos.col, "error", &d.msg.text(lang));
            problems.trouble = true;
            None
        }
    }
}

/// `--force-exclude`: is the path named on the command line left out? A
/// path that does not exist is not: it is reported.
fn forced_out(problems: &mut Problems, scopes: &mut Scopes, p: &Path, cli_excludes: &globset::GlobSet) -> bool {
    let Ok(meta) = std::fs::metadata(p) else { return false };
    // `--exclude` globs match the path as named, or any folder of it.
    let by_cli = p.ancestors().filter(|a| !a.as_os_str().is_empty()).any(|a| {
        let a = a.strip_prefix("./").unwrap_or(a);
        cli_excludes.is_match(a) || a.file_name().is_some_and(|n| cli_excludes.is_match(n))
    });
    by_cli || scopes.skips(problems, p, meta.is_dir())
}

/// A file named twice (`a.yaml clients/` with a.yaml inside, or a link and
/// its target) is linted once, where it first appears, so the summary
/// counts files. Files are told apart by identity.
fn once_each(inputs: &mut Vec<Input>) {
    let mut seen = HashSet::new();
    let mut stdin_seen = false;
    inputs.retain(|input| match input {
        Input::File(f) => match crate::platform::path_id(f) {
            Some(id) => seen.insert(id),
            None => true,
        },
        Input::Stdin => !std::mem::replace(&mut stdin_seen, true),
        Input::Broken(..) => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_problems<T>(f: impl FnOnce(&mut Problems) -> T) -> (T, String) {
        let mut err = Vec::new();
        let out = f(&mut Problems::new(&mut err, Lang::En, false));
        (out, String::from_utf8(err).unwrap())
    }

    #[test]
    fn a_report_spec_needs_a_known_format_and_a_path() {
        let (ok, _) = with_problems(|p| report_specs(p, &["sarif=s.sarif".into()], Lang::En));
        assert_eq!(ok.unwrap(), vec![(Format::Sarif, PathBuf::from("s.sarif"))]);
        for bad in ["sarif=", "nope=x", "sarif"] {
            let (r, err) = with_problems(|p| report_specs(p, &[bad.into()], Lang::En));
            assert!(r.is_none(), "{bad}");
            assert!(err.starts_with("profilecheck: error: "), "{err}");
        }
    }

    #[test]
    fn two_reports_into_one_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let extra = vec![
            (Format::Json, PathBuf::from("r.json")),
            (Format::Sarif, PathBuf::from("./r.json")),
        ];
        let (r, err) = with_problems(|p| report_files(p, None, &extra, dir.path(), Lang::En));
        assert!(r.is_none());
        assert!(err.contains("r.json"), "{err}");
        let (r, _) = with_problems(|p| report_files(p, Some(Path::new("-")), &extra[..1], dir.path(), Lang::En));
        assert_eq!(r.unwrap().len(), 1, "stdout is not a file");
    }

    #[test]
    fn a_file_named_twice_is_linted_once() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.yaml");
        std::fs::write(&f, "x").unwrap();
        let mut inputs = vec![
            Input::File(f.clone()),
            Input::Stdin,
            Input::File(dir.path().join(".").join("a.yaml")),
            Input::Stdin,
        ];
        once_each(&mut inputs);
        assert_eq!(inputs.len(), 2);
    }
}
