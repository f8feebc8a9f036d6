//! The one reporter of a run's problems, handed to every stage: lines on
//! standard error (located `FILE:LINE:COL: error: …` or not) and the pack
//! and config problems kept for the reports, and whether any of them makes
//! the exit code 2.

use crate::i18n::Lang;
use crate::report::Problem;
use crate::report::concise;
use crate::rules::pack::PackError;
use colored::Colorize;
use std::io::Write;

/// Where every stage says what went wrong.
pub(super) struct Problems<'a> {
    stderr: &'a mut dyn Write,
    /// The locale's language, for messages written before a config chose one.
    pub(super) locale: Lang,
    /// Something went wrong that makes the exit code 2.
    pub(super) trouble: bool,
    /// Pack and config problems of the run: on stderr, and in every report
    /// (docs/cli.md), so a dashboard never shows green while rules did not run.
    pub(super) kept: Vec<Problem>,
    /// `--color always`: diagnostics on stderr are coloured too.
    pub(super) color: bool,
    /// Reading a config only for the run's language: no warning yet.
    pub(super) silent: bool,
}

impl<'a> Problems<'a> {
    pub(super) fn new(stderr: &'a mut dyn Write, locale: Lang, color: bool) -> Self {
        Problems {
            stderr,
            locale,
            trouble: false,
            kept: Vec::new(),
            color,
            silent: false,
        }
    }

    /// Standard error itself, for what writes its own lines (the interview,
    /// an import, the statistics when nothing else is free).
    pub(super) fn stderr(&mut self) -> &mut dyn Write {
        &mut *self.stderr
    }

    /// `word` (`error`, `warning`) coloured under `--color always`.
    pub(super) fn paint_keyword(&self, word: &str) -> String {
        paint(self.color, word)
    }

    /// `FILE:LINE:COL: error: MESSAGE` on stderr, the keyword coloured under
    /// `--color always`. File and message are made printable on one line.
    pub(super) fn diag_line(&mut self, file: &str, line: u32, col: u32, word: &str, message: &str) {
        let keyword = self.paint_keyword(word);
        let _ = writeln!(
            self.stderr,
            "{}:{line}:{col}: {keyword}: {}",
            concise::one_line(file),
            concise::one_line(message)
        );
    }

    /// A line on stderr that makes the exit code 2.
    pub(super) fn error_line(&mut self, line: String) {
        self.trouble = true;
        self.note_line(&line);
    }

    /// A line on stderr. Messages are one line each, and the names and
    /// values they quote come from files and the command line: one function
    /// keeps every one of them on its line and harmless to the terminal.
    pub(super) fn note_line(&mut self, line: &str) {
        let _ = writeln!(self.stderr, "{}", crate::i18n::one_line(line));
    }

    /// `profilecheck: error: MESSAGE` (a usage error: exit 2).
    pub(super) fn usage_error(&mut self, message: String) {
        self.error_line(error(message));
    }

    /// A pack or config problem, kept for the reports (printed later).
    pub(super) fn problem(&mut self, file: &str, line: u32, column: u32, message: String) {
        self.trouble = true;
        let p = Problem {
            file: file.to_owned(),
            line,
            column,
            message,
        };
        if !self.kept.contains(&p) {
            self.kept.push(p);
        }
    }

    /// Every located problem of a pack that could not be (fully) loaded.
    pub(super) fn pack_error(&mut self, e: PackError, lang: Lang) {
        for d in &e.problems {
            self.problem(&e.source, d.pos.line, d.pos.col, d.msg.text(lang));
        }
    }

    /// Print the problems kept so far on stderr (commands without reports).
    pub(super) fn flush(&mut self) {
        for p in std::mem::take(&mut self.kept) {
            self.diag_line(&p.file, p.line, p.column, "error", &p.message);
        }
    }

    /// Forget what was said so far (the lint reads every config again).
    pub(super) fn reset(&mut self) {
        self.kept.clear();
        self.trouble = false;
    }
}

/// `word` coloured as its severity when `color`.
pub(super) fn paint(color: bool, word: &str) -> String {
    match (color, word) {
        (false, w) => w.to_owned(),
        (true, "error") => word.red().bold().to_string(),
        (true, _) => word.yellow().bold().to_string(),
    }
}

/// `profilecheck: error: MESSAGE`. The keyword stays English in every
/// language, as in located messages: problem matchers and scripts look for
/// it. The message is in the user's language.
pub(crate) fn error(message: String) -> String {
    format!("profilecheck: error: {message}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(buf: Vec<u8>) -> String {
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn a_kept_problem_is_said_once_and_makes_trouble() {
        let mut buf = Vec::new();
        let mut p = Problems::new(&mut buf, Lang::En, false);
        p.problem("c.yaml", 3, 5, "bad\nkey".into());
        p.problem("c.yaml", 3, 5, "bad\nkey".into());
        assert!(p.trouble);
        assert_eq!(p.kept.len(), 1);
        p.flush();
        assert!(p.kept.is_empty());
        assert_eq!(text(buf), "c.yaml:3:5: error: bad\\nkey\n");
    }

    #[test]
    fn a_note_is_one_line_and_no_trouble() {
        let mut buf = Vec::new();
        let mut p = Problems::new(&mut buf, Lang::En, false);
        p.note_line("wrote\r\nx\u{1b}[31m");
        assert!(!p.trouble);
        p.usage_error("no profile".into());
        assert!(p.trouble);
        let out = text(buf);
        assert_eq!(out.lines().count(), 2, "{out:?}");
        assert!(!out.contains('\u{1b}'));
        assert!(out.ends_with("profilecheck: error: no profile\n"));
    }

    #[test]
    fn keywords_are_plain_without_colour() {
        assert_eq!(paint(false, "error"), "error");
        assert_eq!(paint(false, "warning"), "warning");
    }
}
