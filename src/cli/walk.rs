//! Finding the files of a run: folders expanded into their profiles (or
//! rule packs), sorted, hidden entries and excluded paths skipped, and the
//! bounded reading of each file.

use crate::i18n::catalog::msg;
use crate::platform::{FileId, ReadError, file_id};
use crate::profile::diag::Msg;
use crate::profile::yaml::MAX_BYTES;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One thing to lint.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// A path that cannot be linted, with why.
    Broken(PathBuf, Msg),
}

pub(crate) fn io_message(e: &std::io::Error) -> Msg {
    io_msg(e)
}

fn io_msg(e: &std::io::Error) -> Msg {
    io_msg_for(e, false)
}

/// What went wrong reading a file or, with `folder`, listing a folder.
fn io_msg_for(e: &std::io::Error, folder: bool) -> Msg {
    use std::io::ErrorKind::*;
    if crate::platform::is_name_too_long(e) {
        return msg!("io-path-too-long").into();
    }
    // `profilecheck - <&-`: the process started with stdin closed.
    if e.get_ref().is_some_and(|inner| inner.is::<super::env::ClosedStdin>()) {
        return msg!("stdin-closed").into();
    }
    match (e.kind(), folder) {
        (NotFound, _) => msg!("io-not-found"),
        (PermissionDenied, true) => msg!("io-permission-folder"),
        (PermissionDenied, false) => msg!("io-permission"),
        _ => msg!("io-other", detail = e.to_string()),
    }
    .into()
}

fn not_regular() -> Msg {
    msg!("io-not-regular").into()
}

/// How a folder is walked.
pub struct Walk<'a> {
    /// Follow symlinks met during the walk (`--follow`). Off by default, as
    /// ripgrep does: a link in a pull request must not lead the walk out of
    /// the tree (and its contents into a CI log).
    pub follow: bool,
    /// Is this path excluded (`exclude:`, `--exclude`)? Told whether it is
    /// a folder; an excluded folder is not entered.
    pub skip: &'a mut dyn FnMut(&Path, bool) -> bool,
    /// At most this many folder entries are listed, then the walk stops and
    /// says so. Rule packs are walked with a limit: a config from a pull
    /// request that says `rules: [/]` must not walk the whole disk.
    pub limit: Option<usize>,
}

impl Walk<'_> {
    /// Expand `path`: a file as is, a folder into its `*.yaml`/`*.yml`
    /// files, recursively and sorted, skipping hidden entries. A symlink
    /// named here is followed; those found inside only with `follow`.
    pub fn expand(&mut self, path: &Path, out: &mut Vec<Input>) {
        match std::fs::metadata(path) {
            Err(e) => out.push(Input::Broken(path.to_owned(), io_msg(&e))),
            Ok(m) if m.is_dir() => self.walk(path, &m, out),
            Ok(m) if m.is_file() => out.push(Input::File(path.to_owned())),
            Ok(_) => out.push(Input::Broken(path.to_owned(), not_regular())),
        }
    }

    /// Depth first, in sorted order, with a stack of its own rather than
    /// recursion (a tree thousands of folders deep must not overflow the
    /// stack) and without resolving paths (linear in the tree's size).
    fn walk(&mut self, root: &Path, meta: &std::fs::Metadata, out: &mut Vec<Input>) {
        // Only a walk that follows links can meet a folder twice.
        let mut seen: HashSet<FileId> = HashSet::new();
        seen.insert(file_id(root, meta));
        let mut stack: Vec<std::vec::IntoIter<(PathBuf, std::fs::FileType)>> = Vec::new();
        let mut listed = 0usize;
        let start = out.len();
        if let Some(entries) = self.list(root, out) {
            listed += entries.len();
            stack.push(entries);
        }
        while let Some(top) = stack.last_mut() {
            if let Some(limit) = self.limit
                && listed > limit
            {
                // None of the folder's files then: an error per stray YAML
                // file of the disk would bury the one that matters.
                out.truncate(start);
                out.push(Input::Broken(
                    root.to_owned(),
                    msg!("pack-folder-too-large", limit = limit).into(),
                ));
                return;
            }
            let Some((p, ft)) = top.next() else {
                stack.pop();
                continue;
            };
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            // The entry's type comes with the listing: no stat per file.
            let Some((is_dir, is_file, id)) = self.classify(&p, ft, &name, out) else {
                continue;
            };
            if is_dir {
                if id.is_some_and(|id| !seen.insert(id)) || (self.skip)(&p, true) {
                    continue;
                }
                if let Some(entries) = self.list(&p, out) {
                    listed += entries.len();
                    stack.push(entries);
                }
            } else if is_yaml_name(&name) && !(self.skip)(&p, false) {
                if is_file {
                    out.push(Input::File(p));
                } else {
                    // A pipe or device named like a profile: say so rather
                    // than drop it (and never open it, which could block).
                    out.push(Input::Broken(p, not_regular()));
                }
            }
        }
    }

    /// An entry's kind (folder, regular file) and, when the walk follows
    /// links, its identity; None for what the walk skips (a symlink not
    /// followed, one that leads nowhere, reported if named like a profile).
    fn classify(
        &self,
        p: &Path,
        ft: std::fs::FileType,
        name: &str,
        out: &mut Vec<Input>,
    ) -> Option<(bool, bool, Option<FileId>)> {
        Some(if ft.is_symlink() {
            if !self.follow {
                return None;
            }
            match std::fs::metadata(p) {
                Ok(m) => (m.is_dir(), m.is_file(), Some(file_id(p, &m))),
                // A dangling symlink named like a profile is worth reporting.
                Err(e) => {
                    if is_yaml_name(name) {
                        out.push(Input::Broken(p.to_owned(), io_msg(&e)));
                    }
                    return None;
                }
            }
        } else if ft.is_dir() && self.follow {
            // Only a walk that follows links can meet a folder twice.
            match std::fs::metadata(p) {
                Ok(m) => (true, false, Some(file_id(p, &m))),
                Err(e) => {
                    out.push(Input::Broken(p.to_owned(), io_msg_for(&e, true)));
                    return None;
                }
            }
        } else {
            (ft.is_dir(), ft.is_file(), None)
        })
    }

    /// A folder's entries, sorted; a folder that cannot be listed is reported.
    fn list(&mut self, dir: &Path, out: &mut Vec<Input>) -> Option<std::vec::IntoIter<(PathBuf, std::fs::FileType)>> {
        match std::fs::read_dir(dir) {
            Ok(rd) => {
                let mut paths: Vec<(PathBuf, std::fs::FileType)> = rd
                    .filter_map(|e| e.ok().and_then(|e| e.file_type().ok().map(|t| (e.path(), t))))
                    .collect();
                paths.sort_by(|a, b| a.0.cmp(&b.0));
                Some(paths.into_iter())
            }
            Err(e) => {
                out.push(Input::Broken(dir.to_owned(), io_msg_for(&e, true)));
                None
            }
        }
    }
}

/// How many folder entries a walk for rule packs lists at most: a folder of
/// packs holds a few files, never thousands.
pub const MAX_PACK_FOLDER_ENTRIES: usize = 2_000;

/// Expand a rule-pack path (`--rules`, a config's `rules:`): no symlinks
/// followed inside folders, nothing excluded, at most
/// [`MAX_PACK_FOLDER_ENTRIES`] entries listed.
pub fn expand_packs(path: &Path, out: &mut Vec<Input>) {
    let mut none = |_: &Path, _: bool| false;
    Walk {
        follow: false,
        skip: &mut none,
        limit: Some(MAX_PACK_FOLDER_ENTRIES),
    }
    .expand(path, out)
}

/// Does the name end in `.yaml` or `.yml` (any case, as on case-insensitive disks)?
pub fn is_yaml_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// Read a regular file of at most the YAML size limit, never blocking on
/// a FIFO (see [`crate::platform::read_limited`]).
pub fn read_file(path: &Path) -> Result<Vec<u8>, Msg> {
    crate::platform::read_limited(path, MAX_BYTES).map_err(read_msg)
}

/// Read at most the size limit (plus one byte to tell "too large").
pub fn read_capped(r: impl Read) -> Result<Vec<u8>, Msg> {
    crate::platform::read_capped(r, MAX_BYTES, 0).map_err(read_msg)
}

/// The message for a file that could not be read.
fn read_msg(e: ReadError) -> Msg {
    match e {
        ReadError::Io(e) => io_msg(&e),
        ReadError::Directory => msg!("io-directory").into(),
        ReadError::NotRegular => not_regular(),
        ReadError::TooLarge { size, limit } => Msg::TooLarge { size, limit },
    }
}

/// The name a file goes by in reports.
pub fn display_name(input: &Input) -> String {
    match input {
        Input::File(p) | Input::Broken(p, _) => p.display().to_string(),
        Input::Stdin => "-".into(),
    }
}
