//! `--format github` (docs/formats.md): GitHub Actions workflow commands, so each
//! finding shows as an annotation on the profile's line. One `::group::` per
//! file; every text from a profile or pack is escaped the way the Actions
//! toolkit does, so no value can end a command early or start a new one.

use super::{Context, ProfileReport, Reporter, Summary};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::rules::pack::Severity;
use std::io::{self, Write};

pub struct Github<'a> {
    ctx: Context<'a>,
}

impl<'a> Github<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Github { ctx }
    }
}

/// Escape the data part of a command (after `::`): `%`, CR and LF, as the
/// Actions toolkit does. Other control characters (an ESC starting a colour
/// sequence the log viewer would obey, a BEL…) become U+FFFD: they have no
/// escape and nothing legitimate to say in an annotation.
pub fn escape_data(s: &str) -> String {
    escape(s, false)
}

/// Escape a property value (`file=`, `title=`): as data, plus `:` and `,`
/// which end a property.
pub fn escape_property(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            '\t' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            // Bidirectional overrides and invisible characters, shown as text shows them.
            c if crate::i18n::is_unsafe(c) => crate::i18n::safe::push_code_point(&mut out, c),
            _ => out.push(c),
        }
    }
    out
}

fn command(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// One annotation line.
fn annotate(
    w: &mut dyn Write,
    cmd: &str,
    file: &str,
    line: u32,
    col: u32,
    title: &str,
    message: &str,
) -> io::Result<()> {
    writeln!(
        w,
        "::{cmd} file={},line={line},col={col},title={}::{}",
        escape_property(file),
        escape_property(title),
        escape_data(message)
    )
}

fn score_label(p: &ProfileReport, lang: Lang) -> String {
    match p.score {
        Some(s) => format!("{} {s}/100", t!(lang, "report-score")),
        None => t!(lang, "report-invalid"),
    }
}

impl Reporter for Github<'_> {
    /// Pack and config problems first, one `::error` each (docs/formats.md).
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        let title = t!(self.ctx.lang, "config-problem-title");
        for p in self.ctx.problems {
            annotate(w, "error", &p.file, p.line, p.column, &title, &p.message)?;
        }
        Ok(())
    }

    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        let lang = p.lang;
        let quiet = self.ctx.quiet;
        if quiet && p.findings.is_empty() && !p.is_invalid() && p.warnings.is_empty() {
            return Ok(());
        }
        writeln!(
            w,
            "::group::{}",
            escape_data(&format!("{} — {} ({})", p.file, p.name, score_label(p, lang)))
        )?;
        for e in &p.errors {
            let title = t!(lang, "report-invalid-profile");
            annotate(w, "error", &p.file, e.line, e.column, &title, &e.message)?;
        }
        for e in &p.warnings {
            let title = t!(lang, "report-profile-warning");
            annotate(w, "warning", &p.file, e.line, e.column, &title, &e.message)?;
        }
        for f in &p.findings {
            let mut msg = format!("{} — {}", f.title, f.message);
            if let Some(rule) = self.ctx.rules.get(&f.rule) {
                for (i, step) in rule.fix.get(lang).iter().enumerate() {
                    msg.push_str(&format!("\n{}. {step}", i + 1));
                }
            }
            annotate(w, command(f.severity), &p.file, f.line, f.column, &f.rule, &msg)?;
        }
        writeln!(w, "::endgroup::")
    }

    fn end(&mut self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        if self.ctx.quiet {
            return Ok(());
        }
        let line = super::text::summary_line(s, self.ctx.lang);
        writeln!(w, "::notice title=profilecheck::{}", escape_data(&line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(
            escape_data("\u{1b}[31mred\u{7}\u{85}\t"),
            "\u{fffd}[31mred\u{fffd}\u{fffd}\t"
        );
    }
}
