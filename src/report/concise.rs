//! `--format concise` (docs/formats.md): one line per finding,
//! `FILE:LINE:COL: SEVERITY RULE-ID TITLE`, then the summary line. Made for
//! grep, editors' error lists and a quick look in a terminal.

use super::{Context, ProfileReport, Reporter, Summary};
use std::io::{self, Write};

pub struct Concise<'a> {
    ctx: Context<'a>,
}

impl<'a> Concise<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Concise { ctx }
    }
}

/// Text from a file on one line and free of control characters: a line
/// break would forge a line of its own (`x.yaml:1:1: error …`). The one
/// escaping of the whole program, [`crate::i18n::one_line`].
pub(crate) fn one_line(s: &str) -> String {
    crate::i18n::one_line(s).into_owned()
}

impl Reporter for Concise<'_> {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        for p in self.ctx.problems {
            writeln!(
                w,
                "{}:{}:{}: error configuration {}",
                one_line(&p.file),
                p.line,
                p.column,
                one_line(&p.message)
            )?;
        }
        Ok(())
    }

    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        let file = one_line(&p.file);
        for e in &p.errors {
            writeln!(
                w,
                "{file}:{}:{}: error profile-format {}",
                e.line,
                e.column,
                one_line(&e.message)
            )?;
        }
        for e in &p.warnings {
            writeln!(
                w,
                "{file}:{}:{}: warning profile-format {}",
                e.line,
                e.column,
                one_line(&e.message)
            )?;
        }
        for f in &p.findings {
            writeln!(
                w,
                "{file}:{}:{}: {} {} {}",
                f.line,
                f.column,
                f.severity.as_str(),
                one_line(&f.rule),
                one_line(&f.title)
            )?;
        }
        Ok(())
    }

    fn end(&mut self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        if self.ctx.quiet {
            return Ok(());
        }
        writeln!(w, "{}", super::text::summary_line(s, self.ctx.lang))
    }
}
