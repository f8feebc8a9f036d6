//! Finding the files of a run and linting them on all cores, handing the
//! reports back in input order so output stays deterministic while memory
//! stays flat (a bounded window of files is in flight at any time; reporters
//! that need the whole run, such as HTML's summary table, buffer their own
//! output).

use crate::i18n::catalog::msg;
use crate::profile::diag::{Diagnostic, Msg};
use crate::profile::yaml::{MAX_BYTES, Pos};
use crate::report::ProfileReport;
use crate::rules::engine::{self, LangChoice, RuleSet};
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

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
    if e.raw_os_error() == Some(libc::ENAMETOOLONG) {
        return msg!("io-path-too-long").into();
    }
    // `profilecheck - <&-`: the process started with stdin closed.
    if e.get_ref().is_some_and(|inner| inner.is::<crate::cli::ClosedStdin>()) {
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
        use std::os::unix::fs::MetadataExt;
        // Only a walk that follows links can meet a folder twice.
        let mut seen: HashSet<(u64, u64)> = HashSet::new();
        seen.insert((meta.dev(), meta.ino()));
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
            let (is_dir, is_file, id) = if ft.is_symlink() {
                if !self.follow {
                    continue;
                }
                match std::fs::metadata(&p) {
                    Ok(m) => (m.is_dir(), m.is_file(), Some((m.dev(), m.ino()))),
                    // A dangling symlink named like a profile is worth reporting.
                    Err(e) => {
                        if is_yaml_name(&name) {
                            out.push(Input::Broken(p, io_msg(&e)));
                        }
                        continue;
                    }
                }
            } else if ft.is_dir() && self.follow {
                // Only a walk that follows links can meet a folder twice.
                match std::fs::metadata(&p) {
                    Ok(m) => (true, false, Some((m.dev(), m.ino()))),
                    Err(e) => {
                        out.push(Input::Broken(p, io_msg_for(&e, true)));
                        continue;
                    }
                }
            } else {
                (ft.is_dir(), ft.is_file(), None)
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

/// Read a regular file, refusing more than the size limit without reading it all.
///
/// The file is opened first, without blocking (a FIFO would otherwise wait
/// for a writer for ever), and what was opened is then checked: checking the
/// name first would leave a window in which a regular file can be swapped
/// for a FIFO or a device.
pub fn read_file(path: &Path) -> Result<Vec<u8>, Msg> {
    use std::os::unix::fs::OpenOptionsExt;
    let f = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| io_msg(&e))?;
    let meta = f.metadata().map_err(|e| io_msg(&e))?;
    if !meta.is_file() {
        return Err(if meta.is_dir() {
            msg!("io-directory").into()
        } else {
            not_regular()
        });
    }
    if meta.len() > MAX_BYTES as u64 {
        return Err(Msg::TooLarge {
            size: meta.len() as usize,
            limit: MAX_BYTES,
        });
    }
    read_capped_sized(f, meta.len() as usize)
}

/// Read at most the size limit (plus one byte to tell "too large").
pub fn read_capped(r: impl Read) -> Result<Vec<u8>, Msg> {
    read_capped_sized(r, 0)
}

/// As [`read_capped`], with a size hint so a file is read in one go.
fn read_capped_sized(r: impl Read, hint: usize) -> Result<Vec<u8>, Msg> {
    let mut buf = Vec::with_capacity(hint.min(MAX_BYTES) + 1);
    r.take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| io_msg(&e))?;
    if buf.len() > MAX_BYTES {
        return Err(Msg::TooLarge {
            size: buf.len(),
            limit: MAX_BYTES,
        });
    }
    Ok(buf)
}

/// The name a file goes by in reports.
pub fn display_name(input: &Input) -> String {
    match input {
        Input::File(p) | Input::Broken(p, _) => p.display().to_string(),
        Input::Stdin => "-".into(),
    }
}

fn lint_one(rules: &RuleSet, input: &Input, lang: LangChoice, stdin: Option<Vec<u8>>) -> ProfileReport {
    let file = display_name(input);
    let bytes = match input {
        Input::Broken(_, msg) => Err(msg.clone()),
        Input::File(p) => read_file(p),
        Input::Stdin => stdin.map_or_else(|| Ok(Vec::new()), Ok),
    };
    let mut report = match bytes {
        Ok(b) => engine::check_bytes(rules, &file, &b, lang),
        Err(msg) => engine::invalid(&file, &[Diagnostic::error(Pos::START, msg)], lang.for_profile(None)),
    };
    // A name that is not UTF-8 keeps its bytes for the formats that can
    // carry them (SARIF's percent-encoded URIs).
    if let Input::File(p) | Input::Broken(p, _) = input
        && p.to_str().is_none()
    {
        use std::os::unix::ffi::OsStrExt;
        report.file_bytes = Some(p.as_os_str().as_bytes().to_vec());
    }
    report
}

/// Lint every input, calling `emit` with each report in input order.
///
/// Each input comes with the index of its scope in `scopes` (the rules and
/// language choice of the config it falls under); `emit` is handed it back.
pub fn lint_all(
    scopes: &[(&RuleSet, LangChoice)],
    inputs: Vec<(Input, usize)>,
    stdin: Box<dyn Read + Send>,
    mut emit: impl FnMut(ProfileReport, usize),
) {
    // stdin is read once, up front, by whoever needs it.
    let stdin_bytes: Option<Result<Vec<u8>, Msg>> = inputs
        .iter()
        .any(|(i, _)| matches!(i, Input::Stdin))
        .then(|| read_capped(stdin));
    let stdin_input = |i: &Input| -> (Input, Option<Vec<u8>>) {
        match (i, &stdin_bytes) {
            (Input::Stdin, Some(Err(m))) => (Input::Broken(PathBuf::from("-"), m.clone()), None),
            (Input::Stdin, Some(Ok(b))) => (Input::Stdin, Some(b.clone())),
            (other, _) => (other.clone(), None),
        }
    };
    let lint = |(i, scope): &(Input, usize)| -> ProfileReport {
        let (input, data) = stdin_input(i);
        let (rules, lang) = scopes[*scope];
        lint_one(rules, &input, lang, data)
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len().max(1));
    if workers <= 1 || inputs.len() < 4 {
        for i in &inputs {
            emit(lint(i), i.1);
        }
        return;
    }
    // Workers take files in chunks and send each chunk's reports as one
    // message: one hand-over per file cost more than the rules themselves.
    let chunk = (inputs.len() / (workers * 8)).clamp(1, 32);
    let next = AtomicUsize::new(0);
    // Memory stays flat however many files there are: a worker does not
    // start a chunk more than `window` files ahead of what the writer has
    // emitted, so at most that many reports wait, in the channel or in the
    // reorder buffer. The chunk the writer waits for is never held back.
    let window = chunk * workers * 4;
    let emitted = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::sync_channel::<(usize, Vec<ProfileReport>)>(workers * 2);
    let inputs = &inputs;
    let lint = &lint;
    std::thread::scope(|s| {
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            let emitted = &emitted;
            s.spawn(move || {
                loop {
                    let start = next.fetch_add(chunk, Ordering::Relaxed);
                    if start >= inputs.len() {
                        break;
                    }
                    let (lock, cvar) = emitted;
                    let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while start > *done + window {
                        done = cvar.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    let end = (start + chunk).min(inputs.len());
                    let reports = inputs[start..end].iter().map(lint).collect();
                    if tx.send((start, reports)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Chunks arrive in any order; emit them in input order.
        let mut pending: BTreeMap<usize, Vec<ProfileReport>> = BTreeMap::new();
        let mut want = 0;
        for (start, reports) in rx {
            pending.insert(start, reports);
            while let Some(reports) = pending.remove(&want) {
                let n = reports.len();
                for (k, r) in reports.into_iter().enumerate() {
                    emit(r, inputs[want + k].1);
                }
                want += n;
                let (lock, cvar) = &emitted;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = want;
                cvar.notify_all();
            }
        }
    });
}
