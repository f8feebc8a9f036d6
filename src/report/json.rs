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
    /// `--baseline`: the progress of the next profile.
    progress: Option<super::baseline::Progress>,
}

impl<'a> Json<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Json {
            ctx,
            first: true,
            progress: None,
        }
    }
}

/// serde_json's conversion keeps the I/O error kind, so a closed pipe is
/// still recognised as one.
fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::from(e)
}

impl Reporter for Json<'_> {
    fn baseline(&mut self, progress: &super::baseline::Progress) {
        self.progress = Some(progress.clone());
    }

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
            to_writer(&mut *w, p).map_err(to_io)?;
        }
        if !self.ctx.problems.is_empty() {
            w.write_all(b"\n  ")?;
        }
        w.write_all(b"],\n  \"profiles\": [")
    }

    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()> {
        // A struct, not `json!`, so keys keep the order of docs/formats.md.
        let progress = self.progress.take();
        let findings: Vec<FindingJson<'_>> = p
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| FindingJson {
                finding: f,
                baseline_state: progress.as_ref().and_then(|pr| pr.states.get(i)).map(|s| s.sarif()),
            })
            .collect();
        let value = ProfileJson {
            file: &p.file,
            name: &p.name,
            lang: p.lang.code(),
            score: p.score,
            findings: &findings,
            passed: &p.passed,
            not_applicable: &p.not_applicable,
            waived: &p.waived,
            errors: &p.errors,
            warnings: &p.warnings,
            baseline: progress.as_ref().map(|pr| BaselineJson {
                score_before: pr.before,
                new: pr.new_count(),
                known: pr.known_count(),
                fixed: pr
                    .fixed
                    .iter()
                    .map(|o| FixedJson {
                        rule: &o.rule,
                        path: &o.path,
                    })
                    .collect(),
            }),
        };
        w.write_all(if self.first { b"\n    " } else { b",\n    " })?;
        self.first = false;
        to_writer(&mut *w, &value).map_err(to_io)
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
                to_writer(&mut *w, row).map_err(to_io)?;
            }
            w.write_all(if rows.is_empty() { b"],\n  " } else { b"\n  ],\n  " })?;
        }
        write!(w, "\"summary\": ")?;
        to_writer(&mut *w, s).map_err(to_io)?;
        w.write_all(b"\n}\n")
    }
}

/// serde_json's formatter, with the characters [`crate::i18n::is_unsafe`]
/// names that serde_json leaves raw (bidirectional overrides, invisible
/// characters) written as `\uXXXX` escapes: the same string to a JSON
/// reader, nothing that reorders or hides text to a person reading the file.
pub(super) struct Escaping<F>(pub F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        // serde_json escapes the controls itself; the rest are outside ASCII.
        if fragment.is_ascii() {
            return self.0.write_string_fragment(w, fragment);
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if crate::i18n::is_unsafe(c) {
                self.0.write_string_fragment(w, &fragment[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        self.0.write_string_fragment(w, &fragment[start..])
    }

    // Pretty printing, when the inner formatter does it.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `serde_json::to_writer` through [`Escaping`].
fn to_writer<T: Serialize + ?Sized>(w: &mut dyn Write, v: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, Escaping(serde_json::ser::CompactFormatter));
    v.serialize(&mut ser)
}

/// `serde_json::to_string_pretty` through [`Escaping`].
pub(super) fn to_string_pretty<T: Serialize + ?Sized>(v: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Escaping(serde_json::ser::PrettyFormatter::new()));
    v.serialize(&mut ser)?;
    // The serializer writes only valid UTF-8.
    Ok(String::from_utf8(out).unwrap_or_default())
}

#[derive(Serialize)]
struct ProfileJson<'r> {
    file: &'r str,
    name: &'r str,
    lang: &'static str,
    score: Option<u32>,
    findings: &'r [FindingJson<'r>],
    passed: &'r [String],
    not_applicable: &'r [String],
    waived: &'r [Waived],
    errors: &'r [ErrorItem],
    warnings: &'r [ErrorItem],
    /// Only with `--baseline` (docs/formats.md).
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineJson<'r>>,
}

#[derive(Serialize)]
struct FindingJson<'r> {
    #[serde(flatten)]
    finding: &'r Finding,
    /// Only with `--baseline`: `new` or `unchanged`.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
}

#[derive(Serialize)]
struct BaselineJson<'r> {
    score_before: Option<u32>,
    new: usize,
    known: usize,
    fixed: Vec<FixedJson<'r>>,
}

#[derive(Serialize)]
struct FixedJson<'r> {
    rule: &'r str,
    path: &'r str,
}
