//! What the process sees of its environment (variables, working folder,
//! standard input), handed in by `main` so the command line is tested
//! without a process.

use super::args::LangArg;
use crate::i18n::Lang;
use std::io::{self, Read};
use std::path::PathBuf;

/// What the process sees of its environment; tests pass their own.
pub struct Env {
    /// The process's environment variables.
    pub vars: Vec<(String, String)>,
    /// The working directory: relative paths and config discovery start here.
    pub cwd: PathBuf,
    /// Whether standard output is a terminal (colours, width).
    pub stdout_is_terminal: bool,
    /// Standard input, read for the path `-`.
    pub stdin: Box<dyn Read + Send>,
}

impl Env {
    /// The variable `k`, if set.
    pub fn var(&self, k: &str) -> Option<&str> {
        self.vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
    }
    /// The locale's language: LC_ALL, then LC_MESSAGES, then LANG.
    pub fn locale_lang(&self) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| self.var(k).filter(|v| !v.is_empty()))
            .map_or(Lang::En, Lang::from_locale)
    }
    /// The text report's width: `COLUMNS`, else the terminal's, else 100;
    /// never under 60 (docs/formats.md, issue 9).
    pub(super) fn width(&self) -> usize {
        let from_env = self.var("COLUMNS").and_then(|c| c.trim().parse::<usize>().ok());
        let from_terminal = || {
            self.stdout_is_terminal
                .then(|| terminal_size::terminal_size().map(|(w, _)| w.0 as usize))
                .flatten()
        };
        from_env
            .filter(|w| *w > 0)
            .or_else(from_terminal)
            .unwrap_or(crate::report::DEFAULT_WIDTH)
            .max(crate::report::text::MIN_WIDTH)
    }
}

/// Standard input that was closed when the process started
/// (`profilecheck - <&-`). Rust's runtime puts `/dev/null` in its place, so
/// without this the run would lint an empty profile; reading it is an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClosedStdin;

impl std::fmt::Display for ClosedStdin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Shown as the catalogue's `stdin-closed`; this is for logs.
        f.write_str(concat!("stdin", " closed"))
    }
}

impl std::error::Error for ClosedStdin {}

impl Read for ClosedStdin {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::other(ClosedStdin))
    }
}

impl ClosedStdin {
    /// Was the process's standard input closed when it started? (Unix only;
    /// see `platform::stdin_was_closed`.)
    pub fn detect() -> bool {
        crate::platform::stdin_was_closed()
    }
}

/// The language a `--lang` value names.
pub(super) fn lang_of(l: LangArg) -> Lang {
    match l {
        LangArg::En => Lang::En,
        LangArg::Fr => Lang::Fr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::DEFAULT_WIDTH;

    fn env(vars: &[(&str, &str)]) -> Env {
        Env {
            vars: vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            cwd: "/".into(),
            stdout_is_terminal: false,
            stdin: Box::new(io::empty()),
        }
    }

    #[test]
    fn the_width_comes_from_columns_and_has_a_floor() {
        assert_eq!(env(&[("COLUMNS", "80")]).width(), 80);
        assert_eq!(env(&[("COLUMNS", "20")]).width(), crate::report::text::MIN_WIDTH);
        assert_eq!(env(&[("COLUMNS", "x")]).width(), DEFAULT_WIDTH);
        assert_eq!(env(&[]).width(), DEFAULT_WIDTH);
    }
}
