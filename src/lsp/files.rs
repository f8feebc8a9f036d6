//! Every file the server reads from disk (configs, packs, a profile pulled
//! without being open) goes through [`read`], so one place decides what the
//! server will open: the same refusals as the CLI (a device, a FIFO, a
//! socket, `/dev/stdin`, a file over the YAML size limit), whatever a cloned
//! repository's `.profilecheck.yaml` names. When the shared loader of the
//! command line moves below the CLI, this is the one function to switch.

use crate::i18n::catalog::msg;
use crate::profile::diag::{Diagnostic, Msg};
use crate::profile::yaml::{MAX_BYTES, Pos};
use std::io::Read;
use std::path::Path;

fn io(e: &std::io::Error) -> Diagnostic {
    use std::io::ErrorKind::*;
    let m = match e.kind() {
        NotFound => msg!("io-not-found"),
        PermissionDenied => msg!("io-permission"),
        _ => msg!("io-other", detail = e.to_string()),
    };
    Diagnostic::error(Pos::START, Msg::from(m))
}

/// Open `path` for reading without blocking: a FIFO opened for reading
/// would otherwise wait for a writer for ever.
#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The bytes of a regular file of at most the YAML size limit, or a located
/// problem. What was opened is checked (not the name first, which would
/// leave a window to swap in a FIFO), and the read is capped whatever the
/// file claims, so `/dev/zero` behind a symlink costs nothing.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let f = open(path).map_err(|e| io(&e))?;
    let meta = f.metadata().map_err(|e| io(&e))?;
    if !meta.is_file() {
        let m = if meta.is_dir() {
            msg!("io-directory")
        } else {
            msg!("io-not-regular")
        };
        return Err(Diagnostic::error(Pos::START, Msg::from(m)));
    }
    let too_large = |size: usize| Diagnostic::error(Pos::START, Msg::TooLarge { size, limit: MAX_BYTES });
    if meta.len() > MAX_BYTES as u64 {
        return Err(too_large(meta.len() as usize));
    }
    let mut buf = Vec::with_capacity(meta.len() as usize + 1);
    f.take(MAX_BYTES as u64 + 1).read_to_end(&mut buf).map_err(|e| io(&e))?;
    if buf.len() > MAX_BYTES {
        return Err(too_large(buf.len()));
    }
    Ok(buf)
}

/// The owner of a found config when it is neither this user nor root: such a
/// config is ignored, as the CLI ignores it (anyone could switch off the
/// rules an editor shows in a shared checkout).
#[cfg(unix)]
pub(crate) fn foreign_owner(path: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    let owner = std::fs::metadata(path).ok()?.uid();
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    (owner != me && owner != 0).then_some(owner)
}

#[cfg(not(unix))]
pub(crate) fn foreign_owner(_path: &Path) -> Option<u32> {
    None
}
