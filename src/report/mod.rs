//! The report model (what a check found, free of YAML and terminals) and one
//! reporter per output format. Reporters stream: they are handed each
//! profile's report in order and write to the `Write` they are given.

pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;

use crate::diag::Diagnostic;
use crate::engine::RuleSet;
use crate::i18n::Lang;
use crate::pack::Severity;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub pack: String,
    pub step: Option<u32>,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
}

impl Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waived {
    pub rule: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorItem {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl ErrorItem {
    pub fn from_diag(d: &Diagnostic, lang: Lang) -> Self {
        ErrorItem {
            line: d.pos.line,
            column: d.pos.col,
            message: d.msg.text(lang),
        }
    }
}

/// What one profile got.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileReport {
    pub file: String,
    pub name: String,
    /// The language its texts are in.
    pub lang: Lang,
    /// `None` for an invalid profile.
    pub score: Option<u32>,
    pub findings: Vec<Finding>,
    pub passed: Vec<String>,
    pub not_applicable: Vec<String>,
    pub waived: Vec<Waived>,
    /// Why the file is invalid (empty for a valid profile).
    pub errors: Vec<ErrorItem>,
    /// Non-fatal problems with the file (a waiver naming an unknown rule).
    pub warnings: Vec<ErrorItem>,
}

impl ProfileReport {
    pub fn is_invalid(&self) -> bool {
        self.score.is_none()
    }
    pub fn count(&self, sev: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == sev).count()
    }
}

/// Totals over a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub profiles: usize,
    pub invalid: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, p: &ProfileReport) {
        self.profiles += 1;
        if p.is_invalid() {
            self.invalid += 1;
        }
        self.errors += p.count(Severity::Error);
        self.warnings += p.count(Severity::Warning);
        self.infos += p.count(Severity::Info);
    }
}

/// What every reporter may consult.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub rules: &'a RuleSet,
    /// The run's language (headings, summary); each profile has its own too.
    pub lang: Lang,
    pub color: bool,
    pub quiet: bool,
}

/// One output format.
pub trait Reporter {
    fn begin(&mut self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()>;
    fn end(&mut self, summary: &Summary, w: &mut dyn Write) -> io::Result<()>;
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Junit,
    Github,
    Markdown,
    Html,
}

impl Format {
    pub const NAMES: &'static [&'static str] = &["text", "json", "sarif", "junit", "github", "markdown", "html"];

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "sarif" => Some(Format::Sarif),
            "junit" => Some(Format::Junit),
            "github" => Some(Format::Github),
            "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            _ => None,
        }
    }

    pub fn reporter<'a>(self, ctx: Context<'a>) -> Box<dyn Reporter + 'a> {
        match self {
            Format::Text => Box::new(text::Text::new(ctx)),
            Format::Json => Box::new(json::Json::new(ctx)),
            Format::Sarif => Box::new(sarif::Sarif::new(ctx)),
            Format::Junit => Box::new(junit::Junit::new(ctx)),
            Format::Github => Box::new(github::Github::new(ctx)),
            Format::Markdown => Box::new(markdown::Markdown::new(ctx)),
            Format::Html => Box::new(html::Html::new(ctx)),
        }
    }
}

/// Write a whole report in one go (for tests and embedders).
pub fn render(format: Format, ctx: Context<'_>, reports: &[ProfileReport]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut r = format.reporter(ctx);
    let mut summary = Summary::default();
    r.begin(&mut out)?;
    for p in reports {
        summary.add(p);
        r.profile(p, &mut out)?;
    }
    r.end(&summary, &mut out)?;
    Ok(out)
}

/// Text from a profile or pack made safe for a terminal: control characters
/// (ESC, BEL, backspace…) would let a file recolour or rewrite the user's
/// screen, so each becomes U+FFFD. Newlines and tabs stay.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if s.chars().any(bad) {
        std::borrow::Cow::Owned(s.chars().map(|c| if bad(c) { '\u{fffd}' } else { c }).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

impl ProfileReport {
    /// A copy whose every text is [`printable`], for reporters that write to
    /// a terminal; `None` when there is nothing to clean.
    pub fn printable(&self) -> Option<ProfileReport> {
        let dirty = |s: &str| matches!(printable(s), std::borrow::Cow::Owned(_));
        let any = dirty(&self.file)
            || dirty(&self.name)
            || self
                .findings
                .iter()
                .any(|f| dirty(&f.title) || dirty(&f.message) || dirty(&f.path))
            || self.waived.iter().any(|w| dirty(&w.rule) || dirty(&w.reason))
            || self.errors.iter().chain(&self.warnings).any(|e| dirty(&e.message));
        if !any {
            return None;
        }
        let clean = |s: &str| printable(s).into_owned();
        let mut p = self.clone();
        p.file = clean(&p.file);
        p.name = clean(&p.name);
        for f in &mut p.findings {
            f.title = clean(&f.title);
            f.message = clean(&f.message);
            f.path = clean(&f.path);
        }
        for w in &mut p.waived {
            w.rule = clean(&w.rule);
            w.reason = clean(&w.reason);
        }
        for e in p.errors.iter_mut().chain(p.warnings.iter_mut()) {
            e.message = clean(&e.message);
        }
        Some(p)
    }
}
