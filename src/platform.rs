//! Everything that differs between Unix and the other systems (Windows),
//! in one place, at the bottom floor: nothing here knows about profiles,
//! rules or messages, so every folder above may call it.
//!
//! Each function has a Unix body behind `#[cfg(unix)]` and a portable one
//! behind `#[cfg(not(unix))]`; the choices made for Windows are written
//! beside them and in docs/cli.md ("Windows"):
//! - files are identified by device and inode on Unix, by their canonical
//!   path elsewhere (Windows' file index is not stable Rust);
//! - the owner check of a discovered config is skipped (no uid model);
//! - there is no FIFO special-casing: a file is opened plainly, then checked
//!   to be a regular file;
//! - a replaced report keeps its read-only flag, not a Unix mode or owner;
//! - a closed standard input cannot be told from `NUL` and is not detected;
//! - Ctrl-C is not watched, so it may leave a report's temporary file;
//! - colours are shown on a Windows console by turning on its
//!   virtual-terminal processing.
//!
//! The bounded reading of a file ([`read_limited`]) lives here too, so the
//! command line, the language server and the workshop room read configs,
//! packs and profiles the same way (issue 27: one loader).

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// What tells two spellings of one file apart: device and inode on Unix,
/// the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum FileId {
    #[cfg_attr(not(unix), allow(dead_code))]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

/// The identity of the file at `path`, whose metadata (followed through
/// links) is `meta`.
#[cfg(unix)]
pub(crate) fn file_id(_path: &Path, meta: &Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    FileId::Inode(meta.dev(), meta.ino())
}

/// The identity of the file at `path`: its canonical path (Windows has no
/// stable inode in `std`); the path as given if it cannot be resolved.
#[cfg(not(unix))]
pub(crate) fn file_id(path: &Path, _meta: &Metadata) -> FileId {
    FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
}

/// The identity of the file at `path`, if it exists.
pub(crate) fn path_id(path: &Path) -> Option<FileId> {
    std::fs::metadata(path).ok().map(|m| file_id(path, &m))
}

/// Is this the "file name too long" error (ENAMETOOLONG)?
#[cfg(unix)]
pub(crate) fn is_name_too_long(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ENAMETOOLONG)
}

/// Is this the "file name too long" error? Windows says
/// ERROR_FILENAME_EXCED_RANGE (206).
#[cfg(not(unix))]
pub(crate) fn is_name_too_long(e: &io::Error) -> bool {
    e.raw_os_error() == Some(206)
}

/// The uid that owns `path` when it is neither the current user nor root
/// (a config planted by someone else in a shared folder).
#[cfg(unix)]
pub(crate) fn foreign_owner(path: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    let owner = std::fs::metadata(path).ok()?.uid();
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    (owner != me && owner != 0).then_some(owner)
}

/// Windows has no uid to compare: the owner check is skipped (docs/cli.md).
#[cfg(not(unix))]
pub(crate) fn foreign_owner(_path: &Path) -> Option<u32> {
    None
}

/// Was the process's standard input closed when it started? The runtime
/// reopens a closed descriptor 0 on `/dev/null` for reading *and
/// writing*, which a shell's `< /dev/null` never does.
#[cfg(unix)]
pub(crate) fn stdin_was_closed() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    // SAFETY: F_GETFL only reads the flags of descriptor 0.
    let flags = unsafe { libc::fcntl(0, libc::F_GETFL) };
    if flags < 0 {
        return true;
    }
    if flags & libc::O_ACCMODE != libc::O_RDWR {
        return false;
    }
    let stdin = io::stdin();
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    let (Ok(ours), Ok(null)) = (File::from(fd).metadata(), std::fs::metadata("/dev/null")) else {
        return false;
    };
    ours.rdev() == null.rdev() && ours.dev() == null.dev() && ours.ino() == null.ino()
}

/// Windows gives a process without standard input a handle that reads as
/// empty; it is not told apart from `NUL`.
#[cfg(not(unix))]
pub(crate) fn stdin_was_closed() -> bool {
    false
}

/// A temporary file for a report in `dir`: `O_EXCL`, a random name, and on
/// Unix the usual 0666 less the umask (tempfile's own 0600 suits secrets,
/// not reports meant to be shared).
pub(crate) fn report_tempfile(dir: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    b.tempfile_in(dir)
}

/// Give the new file what the replaced one had: its owner (only root may,
/// and then must, or a root run would hand a user's report to root) and its
/// permission bits (a 0600 report stays 0600).
#[cfg(unix)]
pub(crate) fn keep_owner_and_mode(file: &File, old: &Metadata) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    // Fails unless we are root or already own it with that group: either
    // way the file stays ours, which is what an unprivileged run can do.
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    // After the chown, which clears set-id bits.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(old.mode() & 0o7777));
}

/// Windows: the replaced file's read-only flag is all there is to keep.
#[cfg(not(unix))]
pub(crate) fn keep_owner_and_mode(file: &File, old: &Metadata) {
    let _ = file.set_permissions(old.permissions());
}

/// Let colours show on the console. Unix terminals read ANSI sequences as
/// they are; a Windows console needs virtual-terminal processing turned on
/// (Windows 10 and later), else it would print the escapes as text.
pub(crate) fn enable_colours() {
    #[cfg(windows)]
    {
        let _ = colored::control::set_virtual_terminal(true);
    }
}

/// The raw bytes of a path that is not UTF-8 (SARIF percent-encodes them).
/// On Windows, paths are UTF-16: a lossy UTF-8 rendering is what there is.
pub(crate) fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned().into_bytes()
    }
}

/// When the process is interrupted (SIGINT, SIGTERM, SIGHUP), run
/// `cleanup` on a thread of its own, then let the signal end the process as
/// it would have (so the shell sees "killed by SIGINT").
#[cfg(unix)]
pub(crate) fn on_interrupt(cleanup: fn()) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("profilecheck-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                cleanup();
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                // Should the default action not end us, still stop.
                std::process::exit(128 + sig);
            }
        });
}

/// Windows has no signal iterator: Ctrl-C ends the process at once, and a
/// report's temporary file (`.NAME.XXXXXX.tmp`) may stay behind; a failed
/// run still removes it (docs/cli.md).
#[cfg(not(unix))]
pub(crate) fn on_interrupt(_cleanup: fn()) {}

/// Open `path` for reading without ever blocking: on Unix with
/// `O_NONBLOCK` (a FIFO would otherwise wait for a writer for ever) and
/// `O_NOCTTY`. Windows has no FIFO in the file system: a plain open.
pub(crate) fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    o.open(path)
}

/// Why a file could not be read by [`read_limited`].
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Opening or reading failed.
    Io(io::Error),
    /// A folder.
    Directory,
    /// A pipe, device or socket.
    NotRegular,
    /// More than the limit: `size` bytes (at least limit + 1 when read from a stream).
    TooLarge { size: usize, limit: usize },
}

/// Read a regular file of at most `limit` bytes, refusing a larger one
/// without reading it all.
///
/// The file is opened first, without blocking, and what was opened is then
/// checked: checking the name first would leave a window in which a regular
/// file can be swapped for a FIFO or a device.
pub(crate) fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let f = open_nonblocking(path).map_err(ReadError::Io)?;
    let meta = f.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(if meta.is_dir() {
            ReadError::Directory
        } else {
            ReadError::NotRegular
        });
    }
    if meta.len() > limit as u64 {
        return Err(ReadError::TooLarge {
            size: meta.len() as usize,
            limit,
        });
    }
    read_capped(f, limit, meta.len() as usize)
}

/// Read at most `limit` bytes (plus one to tell "too large") from a stream;
/// `hint` sizes the buffer so a file is read in one go.
pub(crate) fn read_capped(r: impl Read, limit: usize, hint: usize) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::with_capacity(hint.min(limit) + 1);
    r.take(limit as u64 + 1).read_to_end(&mut buf).map_err(ReadError::Io)?;
    if buf.len() > limit {
        return Err(ReadError::TooLarge { size: buf.len(), limit });
    }
    Ok(buf)
}

/// Where `entry`, a path inside the folder `base` as written, leads out of
/// that folder by its real path (a link `pack.yaml -> ../outside/secret.yaml`,
/// a linked folder): the entry relative to `base`, as written, to name it.
/// `None` when it stays inside, is not written inside `base`, or does not
/// resolve (reading it then says why). The command line and the language
/// server ask this of each relative `rules:` entry of a config (issue 27).
pub(crate) fn leaves_tree(base: &Path, entry: &Path) -> Option<PathBuf> {
    let rel = entry.strip_prefix(base).ok()?;
    let base = if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    };
    let (real_base, real) = (base.canonicalize().ok()?, entry.canonicalize().ok()?);
    (!real.starts_with(real_base)).then(|| rel.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_small_file_and_refuses_a_large_one_or_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("p.yaml");
        std::fs::write(&f, b"name: x\r\n").unwrap();
        assert_eq!(read_limited(&f, 100).unwrap(), b"name: x\r\n");
        assert!(matches!(
            read_limited(&f, 3),
            Err(ReadError::TooLarge { size: 9, limit: 3 })
        ));
        assert!(matches!(read_limited(dir.path(), 100), Err(ReadError::Directory)));
        let missing = read_limited(&dir.path().join("nope"), 100);
        assert!(matches!(missing, Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound));
    }

    #[test]
    fn a_stream_is_cut_one_byte_past_the_limit() {
        let r = read_capped(&b"abcdef"[..], 4, 0);
        assert!(matches!(r, Err(ReadError::TooLarge { size: 5, limit: 4 })));
        assert_eq!(read_capped(&b"abc"[..], 4, 0).unwrap(), b"abc");
    }

    #[test]
    fn two_spellings_of_one_file_have_one_identity() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.yaml");
        std::fs::write(&f, b"x").unwrap();
        let other = dir.path().join(".").join("a.yaml");
        assert_eq!(path_id(&f), path_id(&other));
        assert!(path_id(&dir.path().join("b.yaml")).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_that_leads_out_of_the_folder_is_told_by_its_real_path() {
        let dir = tempfile::tempdir().unwrap();
        let (tree, outside) = (dir.path().join("tree"), dir.path().join("outside"));
        std::fs::create_dir_all(tree.join("packs")).unwrap();
        std::fs::create_dir(&outside).unwrap();
        std::fs::write(outside.join("secret.yaml"), b"x").unwrap();
        std::fs::write(tree.join("packs/own.yaml"), b"x").unwrap();
        std::os::unix::fs::symlink("../outside/secret.yaml", tree.join("link.yaml")).unwrap();
        std::os::unix::fs::symlink("../outside", tree.join("linkdir")).unwrap();
        std::os::unix::fs::symlink("packs/own.yaml", tree.join("inside.yaml")).unwrap();
        let out = |e: &str| leaves_tree(&tree, &tree.join(e));
        assert_eq!(out("link.yaml"), Some(PathBuf::from("link.yaml")));
        assert_eq!(out("linkdir"), Some(PathBuf::from("linkdir")));
        assert_eq!(out("linkdir/secret.yaml"), Some(PathBuf::from("linkdir/secret.yaml")));
        assert_eq!(out("inside.yaml"), None);
        assert_eq!(out("packs"), None);
        assert_eq!(out("missing.yaml"), None);
        // An absolute entry elsewhere is the author's choice, not an escape.
        assert_eq!(leaves_tree(&tree, &outside.join("secret.yaml")), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p.yaml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(read_limited(&fifo, 100), Err(ReadError::NotRegular)));
    }
}
