//! `--fix` and `--diff`: the fix engine (`profile::fix`) applied to files.
//! A file is rewritten atomically (a temporary file in its folder, renamed
//! over it, its permissions kept) and only when a fix applies; a file that
//! cannot be read, or whose fixes would not read as YAML, is left byte for
//! byte. `--diff` shows the same edits as a unified diff and writes nothing.

use super::exit::Tally;
use super::problems::Problems;
use super::walk::Input;
use crate::i18n::catalog::t;
use crate::i18n::{Lang, one_line};
use crate::profile::diag::Msg;
use crate::profile::fix::{self, Fix};
use crate::profile::yaml;
use std::io::{self, Write};
use std::path::Path;

/// What fixing one file gave.
pub(crate) struct FileFix {
    /// The text before.
    pub before: String,
    /// The text after.
    pub after: String,
    /// The fixes, in order.
    pub fixes: Vec<Fix>,
}

/// The fixes of the file at `path` (read, not written). A file that is not
/// UTF-8 or cannot be read gets none, and says why.
pub(crate) fn plan(path: &Path) -> Result<FileFix, Msg> {
    let bytes = crate::cli::walk::read_file(path)?;
    let text = yaml::decode(&bytes).map_err(|e| crate::profile::diag::from_yaml(e).msg)?;
    let fixes = fix::fixes(text);
    let after = fix::apply(text, &fixes);
    // A BOM the decoder dropped is put back: nothing else changes.
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        "\u{FEFF}"
    } else {
        ""
    };
    Ok(FileFix {
        before: format!("{bom}{text}"),
        after: format!("{bom}{after}"),
        fixes,
    })
}

/// What `--fix` or `--diff` did over a run.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    /// Files changed (or, with `--diff`, that would change).
    pub files: usize,
    /// Fixes written (or shown).
    pub fixes: usize,
    /// A file could not be written (exit 2).
    pub failed: bool,
}

/// `--fix` (or, with `diff`, `--diff`) over `files`: each fix said on `err`
/// as `FILE:LINE:COL: fixed: WHAT`, each diff on `out`, then the totals on
/// `err`. A file that cannot be read is left to the check to report.
pub(crate) fn run(
    files: &[&Path],
    diff: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Totals> {
    let mut totals = Totals::default();
    for path in files {
        let Ok(plan) = plan(path) else { continue };
        if plan.fixes.is_empty() {
            continue;
        }
        let shown = path.display().to_string();
        if diff {
            out.write_all(unified_diff(&shown, &plan.before, &plan.after).as_bytes())?;
        } else if let Err(e) = write_in_place(path, plan.after.as_bytes()) {
            let reason = t!(lang, "cli-cannot-fix", reason = e.to_string());
            writeln!(err, "{}:1:1: error: {}", one_line(&shown), one_line(&reason))?;
            totals.failed = true;
            continue;
        } else {
            let word = t!(lang, "cli-fixed-word");
            for f in &plan.fixes {
                let what = one_line(&f.describe(lang)).into_owned();
                writeln!(err, "{}:{}:{}: {word}: {what}", one_line(&shown), f.pos.line, f.pos.col)?;
            }
        }
        totals.files += 1;
        totals.fixes += plan.fixes.len();
    }
    if totals.fixes > 0 {
        let line = match diff {
            true => t!(lang, "cli-diff-summary", fixes = totals.fixes, files = totals.files),
            false => t!(lang, "cli-fixed-summary", fixes = totals.fixes, files = totals.files),
        };
        writeln!(err, "profilecheck: {}", one_line(&line))?;
    }
    Ok(totals)
}

/// The `--fix`/`--diff` stage of a lint run, over its files: with `diff`,
/// the run's exit code (nothing is checked); else None, and the check goes
/// on over the fixed files.
pub(super) fn stage(
    problems: &mut Problems,
    inputs: &[(Input, usize)],
    diff: bool,
    lang: Lang,
    stdout: &mut dyn Write,
) -> io::Result<Option<i32>> {
    let files: Vec<&Path> = inputs
        .iter()
        .filter_map(|(i, _)| match i {
            Input::File(f) => Some(f.as_path()),
            _ => None,
        })
        .collect();
    if inputs.iter().any(|(i, _)| matches!(i, Input::Stdin)) {
        problems.note_line(&format!("profilecheck: {}", t!(lang, "cli-fix-stdin")));
    }
    let totals = run(&files, diff, lang, stdout, problems.stderr())?;
    problems.trouble |= totals.failed;
    Ok(diff.then(|| {
        Tally {
            failing: totals.fixes > 0,
            ..Tally::default()
        }
        .code(problems.trouble)
    }))
}

/// Replace the file at `path` with `body` atomically, keeping its
/// permissions; a symlink's target is what is rewritten.
pub(crate) fn write_in_place(path: &Path, body: &[u8]) -> io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let perms = std::fs::metadata(&target)?.permissions();
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(body)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), perms)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of `before` and `after` (fixes never add or remove a
/// line, so line N of one is line N of the other), three lines of context.
pub(crate) fn unified_diff(name: &str, before: &str, after: &str) -> String {
    const CONTEXT: usize = 3;
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let changed: Vec<usize> = (0..old.len().max(new.len()))
        .filter(|&i| old.get(i) != new.get(i))
        .collect();
    if changed.is_empty() {
        return String::new();
    }
    let name = crate::i18n::one_line(name);
    let mut out = format!("--- {name}\n+++ {name}\n");
    let mut i = 0;
    while i < changed.len() {
        // One hunk: changed lines whose contexts touch.
        let mut j = i;
        while j + 1 < changed.len() && changed[j + 1] - changed[j] <= 2 * CONTEXT {
            j += 1;
        }
        let start = changed[i].saturating_sub(CONTEXT);
        let end = (changed[j] + CONTEXT + 1).min(old.len().max(new.len()));
        let count = |v: &[&str]| end.min(v.len()).saturating_sub(start);
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            start + 1,
            count(&old),
            start + 1,
            count(&new)
        ));
        for k in start..end {
            match (old.get(k), new.get(k)) {
                (Some(a), Some(b)) if a == b => push_line(&mut out, ' ', a),
                (a, b) => {
                    if let Some(a) = a {
                        push_line(&mut out, '-', a);
                    }
                    if let Some(b) = b {
                        push_line(&mut out, '+', b);
                    }
                }
            }
        }
        i = j + 1;
    }
    out
}

fn push_line(out: &mut String, mark: char, line: &str) {
    out.push(mark);
    out.push_str(line);
    if !line.ends_with('\n') {
        // diff's own marker, read by `patch`: never translated.
        out.push_str(concat!("\n\\ No newline", " at end", " of file\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_shows_each_changed_line_with_context() {
        let before = "a\nb\nset: yes\nc\nd\ne\nf\ng\nh\ni\nj\nk\nurl: x.org";
        let after = "a\nb\nset: true\nc\nd\ne\nf\ng\nh\ni\nj\nk\nurl: https://x.org";
        assert_eq!(
            unified_diff("p.yaml", before, after),
            "--- p.yaml\n+++ p.yaml\n@@ -1,6 +1,6 @@\n a\n b\n-set: yes\n+set: true\n c\n d\n e\n\
             @@ -10,4 +10,4 @@\n i\n j\n k\n-url: x.org\n\\ No newline at end of file\n+url: https://x.org\n\\ No newline at end of file\n"
        );
        assert_eq!(unified_diff("p.yaml", "a\n", "a\n"), "");
    }

    #[test]
    fn a_file_is_rewritten_in_place_keeping_its_permissions_and_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        let text = "# comment: keep\nphoto: {set: yes}   # and this\n";
        std::fs::write(&path, text).unwrap();
        set_mode(&path, 0o640);
        let plan = plan(&path).unwrap();
        assert_eq!(plan.before, text);
        write_in_place(&path, plan.after.as_bytes()).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# comment: keep\nphoto: {set: true}   # and this\n"
        );
        assert_eq!(mode(&path), Some(0o640));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_run_reports_each_fix_and_leaves_other_files_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.yaml");
        let broken = dir.path().join("broken.yaml");
        let clean = dir.path().join("clean.yaml");
        std::fs::write(&good, "keywords: [#a]  # tags\nphoto: {set: no}\n").unwrap();
        std::fs::write(&broken, "keywords: [#a\nphoto: {set: no\n").unwrap();
        std::fs::write(&clean, "photo: {set: true}\n").unwrap();
        let files = [good.as_path(), broken.as_path(), clean.as_path()];
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let t = run(&files, true, Lang::En, &mut out, &mut err).unwrap();
        assert_eq!(
            t,
            Totals {
                files: 1,
                fixes: 2,
                failed: false
            }
        );
        assert!(String::from_utf8(out).unwrap().contains("+keywords: [\"#a\"]  # tags"));
        assert_eq!(
            std::fs::read(&good).unwrap(),
            b"keywords: [#a]  # tags\nphoto: {set: no}\n",
            "--diff writes nothing"
        );
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let t = run(&files, false, Lang::En, &mut out, &mut err).unwrap();
        assert_eq!(t.fixes, 2);
        let err = String::from_utf8(err).unwrap();
        let name = good.display();
        assert_eq!(
            err,
            format!(
                "{name}:1:12: fixed: quote #a, which YAML reads as a comment\n{name}:2:14: fixed: write no as true\nprofilecheck: 2 fixes written to 1 file\n"
            )
            .replace("no as true", "no as false")
        );
        assert_eq!(
            std::fs::read(&good).unwrap(),
            b"keywords: [\"#a\"]  # tags\nphoto: {set: false}\n"
        );
        assert_eq!(std::fs::read(&broken).unwrap(), b"keywords: [#a\nphoto: {set: no\n");
        assert!(out.is_empty());
    }

    #[test]
    fn a_file_that_is_not_utf8_gets_no_plan() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        std::fs::write(&path, b"photo: {set: yes}\n\xff\n").unwrap();
        assert!(plan(&path).is_err());
    }

    /// Permission bits exist on Unix only; elsewhere nothing is set or seen.
    #[cfg(unix)]
    fn set_mode(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    #[cfg(not(unix))]
    fn set_mode(_path: &Path, _mode: u32) {}

    #[cfg(unix)]
    fn mode(path: &Path) -> Option<u32> {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::metadata(path).unwrap().permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    fn mode(_path: &Path) -> Option<u32> {
        Some(0o640)
    }
}
