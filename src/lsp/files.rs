//! Every file the server reads from disk (configs, packs, a profile pulled
//! without being open) goes through [`read`]: a thin call into the loader
//! the command line uses ([`crate::platform::read_limited`]), so the server
//! makes the same refusals (a device, a FIFO, a socket, `/dev/stdin`, a file
//! over the YAML size limit) whatever a cloned repository's
//! `.profilecheck.yaml` names, and only its wording of them is its own.

use crate::i18n::catalog::msg;
use crate::platform::ReadError;
use crate::profile::diag::{Diagnostic, Msg};
use crate::profile::yaml::{MAX_BYTES, Pos};
use std::path::Path;

/// The bytes of a regular file of at most the YAML size limit, or why not,
/// at the top of the file.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    crate::platform::read_limited(path, MAX_BYTES).map_err(|e| Diagnostic::error(Pos::START, message(e)))
}

fn message(e: ReadError) -> Msg {
    use std::io::ErrorKind::*;
    match e {
        ReadError::Io(e) if crate::platform::is_name_too_long(&e) => msg!("io-path-too-long").into(),
        ReadError::Io(e) => match e.kind() {
            NotFound => msg!("io-not-found").into(),
            PermissionDenied => msg!("io-permission").into(),
            _ => msg!("io-other", detail = e.to_string()).into(),
        },
        ReadError::Directory => msg!("io-directory").into(),
        ReadError::NotRegular => msg!("io-not-regular").into(),
        ReadError::TooLarge { size, limit } => Msg::TooLarge { size, limit },
    }
}
