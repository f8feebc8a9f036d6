//! `--fix` and `--diff`: the fix engine (`profile::fix`) applied to files.
//! A file is rewritten atomically (a temporary file in its folder, renamed
//! over it, its permissions kept) and only when a fix applies; a file that
//! cannot be read, or whose fixes would not read as YAML, is left byte for
//! byte. `--diff` shows the same edits as a unified diff and writes nothing.

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
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { "\u{FEFF}" } else { "" };
    Ok(FileFix {
        before: format!("{bom}{text}"),
        after: format!("{bom}{after}"),
        fixes,
    })
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
        out.push_str("\n\\ No newline at end of file\n");
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
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        let plan = plan(&path).unwrap();
        assert_eq!(plan.before, text);
        write_in_place(&path, plan.after.as_bytes()).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# comment: keep\nphoto: {set: true}   # and this\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn a_file_that_is_not_utf8_gets_no_plan() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        std::fs::write(&path, b"photo: {set: yes}\n\xff\n").unwrap();
        assert!(plan(&path).is_err());
    }
}
