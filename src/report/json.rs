//! `--format json` (docs/formats.md), streamed: the header, each profile as it comes,
//! then the summary.

use super::{Context, ProfileReport, Reporter, Summary};
use super::{ErrorItem, Finding, Waived};
use serde::Serialize;
use serde_json::json;
use std::io::{self, Write};

pub struct Json<'a> {
    ctx: Context<'a>,
    first: bool,
    /// One profile's JSON, reused: serde_json writes a token at a time, and
    /// into a `Vec` each write is a copy, where through `dyn Write` it was a
    /// call (a tenth of a run's instructions on small profiles).
    buf: Vec<u8>,
}

impl<'a> Json<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Json {
            ctx,
            first: true,
            buf: Vec::new(),
        }
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
            "{{\n  \"tool\": \"profilecheck\",\n  \"version\": {},\n  \"lang\": {},\n  \"errors\": [",
            json!(env!("CARGO_PKG_VERSION")),
            json!(self.ctx.lang.code())
        )?;
        // Pack and config problems (docs/formats.md): a reader that only looks at
        // the summary still sees `config_errors`.
        for (i, p) in self.ctx.problems.iter().enumerate() {
            w.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
            serde_json::to_writer(&mut *w, p).map_err(to_io)?;
        }
        if !self.ctx.problems.is_empty() {
            w.write_all(b"\n  ")?;
        }
        w.write_all(b"],\n  \"profiles\": [")
    }

    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        // A struct, not `json!`, so keys keep the order of docs/formats.md.
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
        self.buf.clear();
        self.buf
            .extend_from_slice(if self.first { b"\n    " } else { b",\n    " });
        self.first = false;
        serde_json::to_writer(&mut self.buf, &value).map_err(to_io)?;
        w.write_all(&self.buf)
    }

    fn end(&mut self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        if !self.first {
            w.write_all(b"\n  ")?;
        }
        w.write_all(b"],\n  ")?;
        if let Some(rows) = &s.statistics {
            w.write_all(b"\"statistics\": [")?;
            for (i, row) in rows.iter().enumerate() {
                w.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
                serde_json::to_writer(&mut *w, row).map_err(to_io)?;
            }
            w.write_all(if rows.is_empty() { b"],\n  " } else { b"\n  ],\n  " })?;
        }
        write!(w, "\"summary\": ")?;
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
