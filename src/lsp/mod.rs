//! `profilecheck lsp`: a language server over stdio for profiles, rule packs
//! and `.profilecheck.yaml` (docs/editors.md).
//!
//! Synchronous, like ruff's server: one thread reads messages in order and
//! answers each before the next (checking a profile takes well under a
//! millisecond, so there is nothing to gain from a runtime). Documents are
//! diagnosed as the CLI would diagnose the files; every handler runs behind
//! a panic guard, so a document that trips a bug costs one answer, never
//! the server.

mod actions;
mod check;
mod complete;
mod files;
mod hover;
mod markup;
mod server;
#[cfg(test)]
mod tests;
mod text;
mod transport;
mod view;

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use lsp_server::{Connection, ProtocolError};
use std::path::PathBuf;

/// Serve the language protocol on stdin/stdout until the client says `exit`.
/// `locale` is the environment's language, used when the client names none.
/// Returns the exit code: 0 after `shutdown` then `exit`, 1 otherwise (as
/// the protocol asks).
pub fn run_stdio(locale: Lang, cwd: PathBuf) -> i32 {
    let (connection, writer) = transport::stdio(t!(locale, "lsp-parse-error"));
    let code = serve(&connection, locale, cwd).unwrap_or(1);
    // The writer thread ends when every sender is gone.
    drop(connection);
    match writer.join() {
        Ok(()) => code,
        Err(_) => 1,
    }
}

/// Serve one connection (stdio, or an in-memory pair in tests).
pub fn serve(connection: &Connection, locale: Lang, cwd: PathBuf) -> Result<i32, ProtocolError> {
    server::Server::start(connection, locale, cwd)?.run()
}
