//! Where reports are written: stdout, or files replaced atomically.
//!
//! A report file is written to a temporary file beside it and renamed over
//! it when complete, so a reader never sees half a report and a failed run
//! leaves the old one. The temporary file has a random name and is created
//! with `O_EXCL` (the `tempfile` crate): in a shared folder nobody can plant
//! a symlink under a name we would follow. It takes the old file's mode
//! (and owner, where the run may set it), and it is removed if the run
//! fails, or is stopped by SIGINT, SIGTERM or SIGHUP.

use crate::i18n::Lang;
use crate::platform::FileId;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// Where one report goes.
pub(super) enum Sink<'a> {
    Stdout(io::BufWriter<&'a mut dyn Write>),
    /// A pipe or device named with `-o` (`/dev/stdout`, a FIFO): written in
    /// place, since renaming over it would replace it with a regular file.
    Direct(io::BufWriter<Named<std::fs::File>>),
    File {
        tmp: Pending,
        dest: PathBuf,
        w: io::BufWriter<Named<std::fs::File>>,
    },
}

/// Does `path` mean standard output (`-o -`, `--report json=-`)?
pub(super) fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

impl<'a> Sink<'a> {
    /// Standard output for `None` or `-`, else a report file.
    pub(super) fn open(path: Option<&Path>, stdout: &'a mut dyn Write, lang: Lang) -> io::Result<Sink<'a>> {
        match path {
            Some(dest) if !is_stdout(dest) => Sink::file(dest, lang),
            _ => Ok(Sink::Stdout(io::BufWriter::new(stdout))),
        }
    }

    /// A report file; errors name it.
    pub(super) fn file(dest: &Path, lang: Lang) -> io::Result<Sink<'a>> {
        Self::open_file(dest, lang).map_err(|e| named(dest, e))
    }

    fn open_file(dest: &Path, lang: Lang) -> io::Result<Sink<'a>> {
        // `-o newd/`: a folder's name, not a file's.
        if dest.as_os_str().as_encoded_bytes().ends_with(b"/") {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                crate::i18n::catalog::t!(lang, "output-is-folder-name"),
            ));
        }
        // `--report sarif=reports/x.sarif` in CI: make the folder if needed.
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
            std::fs::create_dir_all(parent)?;
        }
        let (dest, old) = match std::fs::metadata(dest) {
            Ok(m) if m.is_dir() => {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    crate::i18n::catalog::t!(lang, "output-is-folder"),
                ));
            }
            Ok(m) if !m.is_file() => {
                let f = std::fs::OpenOptions::new().write(true).open(dest)?;
                return Ok(Sink::Direct(io::BufWriter::new(Named::new(f, dest))));
            }
            // Through a symlink, replace the file it points to, not the link.
            Ok(m) => (std::fs::canonicalize(dest)?, Some(m)),
            // A dangling symlink: create the file it names.
            Err(_) => match std::fs::read_link(dest) {
                Ok(target) => (dest.parent().unwrap_or(Path::new(".")).join(target), None),
                Err(_) => (dest.to_owned(), None),
            },
        };
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into());
        // A new report gets the usual 0666 less the umask.
        let tmp = crate::platform::report_tempfile(dir, &format!(".{name}."))?;
        let (file, path) = tmp.into_parts();
        let tmp = Pending::new(path);
        if let Some(old) = old {
            crate::platform::keep_owner_and_mode(&file, &old);
        }
        Ok(Sink::File {
            tmp,
            w: io::BufWriter::new(Named::new(file, &dest)),
            dest,
        })
    }

    pub(super) fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::Direct(w) => w,
            Sink::File { w, .. } => w,
        }
    }

    pub(super) fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush(),
            Sink::Direct(mut w) => w.flush(),
            Sink::File { tmp, dest, w } => {
                let f = w.into_inner().map_err(|e| e.into_error())?;
                f.inner.sync_all().map_err(|e| named(&dest, e))?;
                drop(f);
                tmp.persist(&dest).map_err(|e| named(&dest, e))
            }
        }
    }
}

/// An I/O error that names its file. A broken pipe on a file named with
/// `-o` is an error like any other (only stdout's reader may leave early).
fn named(path: &Path, e: io::Error) -> io::Error {
    let kind = match e.kind() {
        io::ErrorKind::BrokenPipe => io::ErrorKind::Other,
        k => k,
    };
    io::Error::new(kind, format!("{}: {e}", path.display()))
}

/// A writer whose errors name its file.
pub(super) struct Named<W> {
    inner: W,
    path: PathBuf,
}

impl<W> Named<W> {
    fn new(inner: W, path: &Path) -> Self {
        Named {
            inner,
            path: path.to_owned(),
        }
    }
}

impl<W: Write> Write for Named<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| named(&self.path, e))
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| named(&self.path, e))
    }
}

/// Standard output whose reader may leave early (`… | head`): once the pipe
/// is closed, what is written to it is dropped, so the run goes on, writes
/// its other reports and exits with the code its findings call for.
pub(super) struct Closable<'a> {
    inner: &'a mut dyn Write,
    closed: bool,
}

impl<'a> Closable<'a> {
    pub(super) fn new(inner: &'a mut dyn Write) -> Self {
        Closable { inner, closed: false }
    }
}

impl Write for Closable<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            r => r,
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            r => r,
        }
    }
}

/// The temporary files being written, for the signal watcher to remove.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary report file: removed when dropped (a failed run), renamed
/// into place by [`Pending::persist`], and known to the signal watcher
/// while it exists.
pub(super) struct Pending(Option<tempfile::TempPath>);

impl Pending {
    fn new(path: tempfile::TempPath) -> Self {
        watch_signals();
        lock_pending().push(path.to_path_buf());
        Pending(Some(path))
    }

    fn persist(mut self, dest: &Path) -> io::Result<()> {
        let path = self.0.take().expect("a pending file is persisted once");
        forget(&path);
        path.persist(dest).map_err(|e| e.error)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            forget(&path);
            // TempPath removes the file as it drops.
        }
    }
}

fn lock_pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

fn forget(path: &Path) {
    lock_pending().retain(|p| p != path);
}

/// On the first temporary file, have the temporary files removed when the
/// run is interrupted (see [`crate::platform::on_interrupt`]).
fn watch_signals() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        crate::platform::on_interrupt(|| {
            for path in lock_pending().drain(..) {
                let _ = std::fs::remove_file(path);
            }
        })
    });
}

/// What a path names, for telling whether two spellings (`r.json`,
/// `./r.json`, `$PWD/r.json`, a symlink) are one file: its device and inode
/// when it exists, else its folder's with its own name, else the path made
/// absolute and cleaned of `.` and `..`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Identity {
    Stdout,
    Inode(FileId),
    InFolder(FileId, std::ffi::OsString),
    Path(PathBuf),
}

pub(super) fn identity(path: &Path, cwd: &Path) -> Identity {
    if is_stdout(path) {
        return Identity::Stdout;
    }
    if let Some(id) = crate::platform::path_id(path) {
        return Identity::Inode(id);
    }
    // A dangling symlink stands for the file it names.
    let path = match std::fs::read_link(path) {
        Ok(target) => path.parent().unwrap_or(Path::new("")).join(target),
        Err(_) => path.to_owned(),
    };
    let absolute = cwd.join(&path);
    let mut clean = PathBuf::new();
    for c in absolute.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                clean.pop();
            }
            c => clean.push(c),
        }
    }
    if let (Some(dir), Some(name)) = (clean.parent(), clean.file_name())
        && let Some(id) = crate::platform::path_id(dir)
    {
        return Identity::InFolder(id, name.to_owned());
    }
    Identity::Path(clean)
}
