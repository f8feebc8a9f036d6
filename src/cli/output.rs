//! Where reports are written: stdout, or files replaced atomically.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where the main report goes: stdout, or a file written atomically
/// (a temporary file beside it, renamed over it when complete).
pub(super) enum Sink<'a> {
    Stdout(io::BufWriter<&'a mut dyn Write>),
    /// A pipe or device named with `-o` (`/dev/stdout`, a FIFO): written in
    /// place, since renaming over it would replace it with a regular file.
    Direct(io::BufWriter<std::fs::File>),
    File {
        tmp: TempFile,
        dest: PathBuf,
        w: io::BufWriter<std::fs::File>,
    },
}

/// A temporary file that is removed unless it was renamed into place, so a
/// failed run leaves neither debris nor a half-written report.
pub(super) struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

impl<'a> Sink<'a> {
    pub(super) fn open(path: Option<&Path>, stdout: &'a mut dyn Write) -> io::Result<Sink<'a>> {
        match path {
            None => Ok(Sink::Stdout(io::BufWriter::new(stdout))),
            Some(dest) => Sink::file(dest),
        }
    }
    /// A report file; errors name it.
    pub(super) fn file(dest: &Path) -> io::Result<Sink<'a>> {
        Self::open_file(dest).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dest.display())))
    }

    fn open_file(dest: &Path) -> io::Result<Sink<'a>> {
        // `--report sarif=reports/x.sarif` in CI: make the folder if needed.
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
            std::fs::create_dir_all(parent)?;
        }
        let dest = match std::fs::metadata(dest) {
            Ok(m) if m.is_dir() => {
                return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
            }
            Ok(m) if !m.is_file() => {
                let f = std::fs::OpenOptions::new().write(true).open(dest)?;
                return Ok(Sink::Direct(io::BufWriter::new(f)));
            }
            // Through a symlink, replace the file it points to, not the link.
            Ok(_) => std::fs::canonicalize(dest)?,
            // A dangling symlink: create the file it names.
            Err(_) => match std::fs::read_link(dest) {
                Ok(target) => dest.parent().unwrap_or(Path::new(".")).join(target),
                Err(_) => dest.to_owned(),
            },
        };
        let dest = dest.as_path();
        let tmp = temp_path(dest);
        let f = std::fs::File::create(&tmp)?;
        Ok(Sink::File {
            tmp: TempFile(tmp),
            dest: dest.to_owned(),
            w: io::BufWriter::new(f),
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
                f.sync_all()?;
                drop(f);
                std::fs::rename(&tmp.0, &dest)
            }
        }
    }
}

fn temp_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    dest.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}
