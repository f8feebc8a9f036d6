//! The report model (what a check found, free of YAML and terminals) and one
//! reporter per output format. Reporters stream: they are handed each
//! profile's report in order and write to the `Write` they are given.

pub mod baseline;
pub(crate) mod concise;
pub(crate) mod github;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod junit;
pub(crate) mod markdown;
pub(crate) mod sarif;
pub(crate) mod text;

use crate::i18n::Lang;
use crate::rules::engine::RuleSet;
use std::io::{self, Write};

pub use crate::rules::outcome::{ErrorItem, Finding, ProfileReport, StatRow, Summary, Waived};

/// A problem that is not a profile's own: a rule pack or a config that could
/// not be used, located in that file. Every format shows these (docs/formats.md).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    /// The pack or config file, as named to the user.
    pub file: String,
    /// 1-based line in that file.
    pub line: u32,
    /// 1-based column in that file.
    pub column: u32,
    /// What is wrong, in the run's language.
    pub message: String,
}

/// What every reporter may consult.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The rules in force: their titles, steps and fix texts.
    pub rules: &'a RuleSet,
    /// The run's language (headings, summary); each profile has its own too.
    pub lang: Lang,
    /// Whether to colour the output (terminal formats only).
    pub color: bool,
    /// Only findings and errors, no headings or passing lines.
    pub quiet: bool,
    /// Pack and config problems of the run, shown before the profiles.
    pub problems: &'a [Problem],
    /// Columns the text report may use (docs/formats.md: the terminal's width).
    pub width: usize,
}

/// The text report's width when nothing says otherwise.
pub const DEFAULT_WIDTH: usize = 100;

/// One output format.
pub trait Reporter {
    /// Called once before the first profile.
    fn begin(&mut self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// With `--baseline`: how the next profile compares with the baseline,
    /// handed just before [`Reporter::profile`]. Formats that show progress
    /// keep it; the others need not.
    fn baseline(&mut self, _progress: &baseline::Progress) {}
    /// Called for each profile, in input order.
    fn profile(&mut self, p: &ProfileReport, w: &mut dyn Write) -> io::Result<()>;
    /// Called once after the last profile, with the run's totals.
    fn end(&mut self, summary: &Summary, w: &mut dyn Write) -> io::Result<()>;
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human-readable, grouped by guide step.
    Text,
    /// JSON, as `--format json` documents it.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML, one test case per rule and profile.
    Junit,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// A Markdown handout.
    Markdown,
    /// A self-contained HTML handout.
    Html,
    /// One line per finding (`FILE:LINE:COL: SEVERITY RULE-ID TITLE`).
    Concise,
}

impl Format {
    /// Every format's name on the command line.
    pub const NAMES: &'static [&'static str] = &[
        "text", "json", "sarif", "junit", "github", "markdown", "html", "concise",
    ];

    /// The format named `s`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "sarif" => Some(Format::Sarif),
            "junit" => Some(Format::Junit),
            "github" => Some(Format::Github),
            "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "concise" => Some(Format::Concise),
            _ => None,
        }
    }

    /// The file extension of a report in this format (`--output-dir`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text | Format::Concise | Format::Github => "txt",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "xml",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// The reporter that writes this format.
    pub fn reporter<'a>(self, ctx: Context<'a>) -> Box<dyn Reporter + 'a> {
        match self {
            Format::Text => Box::new(text::Text::new(ctx)),
            Format::Json => Box::new(json::Json::new(ctx)),
            Format::Sarif => Box::new(sarif::Sarif::new(ctx)),
            Format::Junit => Box::new(junit::Junit::new(ctx)),
            Format::Github => Box::new(github::Github::new(ctx)),
            Format::Markdown => Box::new(markdown::Markdown::new(ctx)),
            Format::Html => Box::new(html::Html::new(ctx)),
            Format::Concise => Box::new(concise::Concise::new(ctx)),
        }
    }
}

/// Write a whole report in one go (for tests and embedders).
pub fn render(format: Format, ctx: Context<'_>, reports: &[ProfileReport]) -> io::Result<Vec<u8>> {
    render_with(format, ctx, reports, None)
}

/// As [`render`], each profile compared with an earlier run (`--baseline`).
pub fn render_against(
    format: Format,
    ctx: Context<'_>,
    reports: &[ProfileReport],
    base: &baseline::Baseline,
) -> io::Result<Vec<u8>> {
    render_with(format, ctx, reports, Some(base))
}

fn render_with(
    format: Format,
    ctx: Context<'_>,
    reports: &[ProfileReport],
    base: Option<&baseline::Baseline>,
) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut r = format.reporter(ctx);
    let mut summary = Summary {
        config_errors: ctx.problems.len(),
        ..Summary::default()
    };
    r.begin(&mut out)?;
    for p in reports {
        summary.add(p);
        if let Some(base) = base {
            r.baseline(&base.compare(p));
        }
        r.profile(p, &mut out)?;
    }
    r.end(&summary, &mut out)?;
    Ok(out)
}

/// One profile's report on its own (`--output-dir`), with the run's summary
/// of it.
pub fn render_one(format: Format, ctx: Context<'_>, p: &ProfileReport, summary: &Summary) -> io::Result<Vec<u8>> {
    render_one_with(format, ctx, p, summary, None)
}

/// As [`render_one`], with the profile's progress since a baseline.
pub fn render_one_with(
    format: Format,
    ctx: Context<'_>,
    p: &ProfileReport,
    summary: &Summary,
    progress: Option<&baseline::Progress>,
) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut r = format.reporter(ctx);
    r.begin(&mut out)?;
    if let Some(pr) = progress {
        r.baseline(pr);
    }
    r.profile(p, &mut out)?;
    r.end(summary, &mut out)?;
    Ok(out)
}

/// Text from a profile, pack or config made safe for a terminal or a CI log
/// line: see [`crate::i18n::one_line`].
use crate::i18n::one_line;

impl ProfileReport {
    /// A copy whose every text is [`one_line`], for reporters that write to
    /// a terminal; `None` when there is nothing to clean.
    pub fn printable(&self) -> Option<ProfileReport> {
        let dirty = |s: &str| matches!(one_line(s), std::borrow::Cow::Owned(_));
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
        let clean = |s: &str| one_line(s).into_owned();
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

/// A relative link from a cohort index to a handout of the same folder
/// (`--output-dir`): the file name with every byte that is not unreserved
/// percent-encoded, so spaces, brackets and quotes cannot end the link.
pub(crate) fn link_to_file(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => {
                use std::fmt::Write as _;
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escape_functions_cover_every_special_character() {
        use crate::report::{html, markdown};
        assert_eq!(
            html::escape(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(
            markdown::escape("a\\b`c*d_e[f]g<h>i#j|k~l&m$n\nline"),
            "a\\\\b\\`c\\*d\\_e\\[f\\]g\\<h\\>i\\#j\\|k\\~l\\&m\\$n line"
        );
    }
}
