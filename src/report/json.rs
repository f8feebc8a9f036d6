//! `--format json` (SPEC §8), streamed: the header, each profile as it comes,
//! then the summary.

use super::{Context, ProfileReport, Reporter, Summary};
use super::{ErrorItem, Finding, Waived};
use serde::Serialize;
use serde_json::json;
use std::io::{self, Write};

pub struct Json<'a> {
    ctx: Context<'a>,
    first: bool,
}

impl<'a> Json<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Json { ctx, first: true }
    }
}

/// serde_json's conversion keeps the I/O error kind, so a closed pipe is
/// still recognised as one.
fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::from(e)
}

impl Reporter for Json<'_> {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        write!(
            w,
            "{{\n  \"tool\": \"profilecheck\",\n  \"version\": {},\n  \"lang\": {},\n  \"profiles\": [",
            json!(env!("CARGO_PKG_VERSION")),
            json!(self.ctx.lang.code())
        )
    }

    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        // A struct, not `json!`, so keys keep the order of SPEC §8.
        let value = ProfileJson {
            file: &p.file,
            name: &p.name,
            lang: p.lang.code(),
            score: p.score,
            findings: &p.findings,
            passed: &p.passed,
            not_applicable: &p.not_applicable,
            waived: &p.waived,
            errors: &p.errors,
            warnings: &p.warnings,
        };
        w.write_all(if self.first { b"\n    " } else { b",\n    " })?;
        self.first = false;
        serde_json::to_writer(&mut *w, &value).map_err(to_io)
    }

    fn end(&mut self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        if !self.first {
            w.write_all(b"\n  ")?;
        }
        write!(w, "],\n  \"summary\": ")?;
        serde_json::to_writer(&mut *w, s).map_err(to_io)?;
        w.write_all(b"\n}\n")
    }
}

#[derive(Serialize)]
struct ProfileJson<'r> {
    file: &'r str,
    name: &'r str,
    lang: &'static str,
    score: Option<u32>,
    findings: &'r [Finding],
    passed: &'r [String],
    not_applicable: &'r [String],
    waived: &'r [Waived],
    errors: &'r [ErrorItem],
    warnings: &'r [ErrorItem],
}
