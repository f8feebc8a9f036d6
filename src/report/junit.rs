//! `--format junit` (docs/formats.md): JUnit XML for CI test dashboards. One
//! `<testsuite>` per profile, one `<testcase>` per applicable or waived rule:
//! a rule with findings is one `<failure>` listing every location, a waiver is
//! `<skipped>` with its reason, an invalid profile is one `<error>` testcase.
//!
//! The root `<testsuites>` carries the run's totals, known only at the end, so
//! the suites are rendered as they come into a buffer that `end` writes after
//! the root tag. No report is kept, only its XML, and past a few MiB that XML
//! goes to an anonymous temporary file, so memory stays flat on big runs.

use super::{Context, ProfileReport, Reporter, Summary};
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct Junit<'a> {
    ctx: Context<'a>,
    body: String,
    /// Suites already moved out of memory (see [`SPILL_AT`]).
    spilled: Option<std::fs::File>,
    /// The temp folder failed us: keep the rest of the XML in memory.
    in_memory: bool,
    totals: Counts,
}

/// Past this much XML in memory, the suites move to a temporary file.
const SPILL_AT: usize = 4 << 20;

/// A temporary file with no name (`O_TMPFILE`, or created and unlinked at
/// once by the `tempfile` crate), so it disappears with the process whatever
/// happens.
fn anonymous_file() -> io::Result<std::fs::File> {
    tempfile::tempfile()
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tests += o.tests;
        self.failures += o.failures;
        self.errors += o.errors;
        self.skipped += o.skipped;
    }
    fn attrs(self) -> String {
        format!(
            "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"",
            self.tests, self.failures, self.errors, self.skipped
        )
    }
}

impl<'a> Junit<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Junit {
            ctx,
            body: String::new(),
            spilled: None,
            in_memory: false,
            totals: Counts::default(),
        }
    }
}

/// Characters XML 1.0 forbids outright (C0 controls other than tab, LF, CR,
/// and the non-characters U+FFFE/U+FFFF): no escape can carry them, so they
/// become U+FFFD and the document stays well-formed whatever a profile holds.
fn legal(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
        _ => c,
    }
}

/// Escape for element content. `>` is escaped too so `]]>` cannot appear.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escape for a double-quoted attribute; whitespace controls are written as
/// character references, else parsers would normalise them to spaces.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(legal) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            // A bare CR would be normalised to LF by parsers, in text too.
            '\r' => out.push_str("&#13;"),
            // Bidirectional overrides and invisible characters, shown as text shows them.
            c if !c.is_control() && crate::i18n::is_unsafe(c) => crate::i18n::safe::push_code_point(&mut out, c),
            _ => out.push(c),
        }
    }
    out
}

fn invalid_word(lang: Lang) -> String {
    t!(lang, "report-invalid-profile")
}

impl Junit<'_> {
    /// The testcases of a valid profile, in rule order, and their counts.
    fn valid_cases(&self, p: &ProfileReport, out: &mut String) -> Counts {
        let lang = p.lang;
        let file = attr(&p.file);
        let mut ids: Vec<&str> = Vec::new();
        let listed = |id: &str| {
            p.passed.iter().any(|x| x == id)
                || p.findings.iter().any(|f| f.rule == id)
                || p.waived.iter().any(|w| w.rule == id)
        };
        for r in &self.ctx.rules.rules {
            if listed(&r.id) {
                ids.push(&r.id);
            }
        }
        // Rules the report names that the context does not know (reports
        // built with another rule set) still get their testcase.
        let extra = p
            .passed
            .iter()
            .map(String::as_str)
            .chain(p.findings.iter().map(|f| f.rule.as_str()))
            .chain(p.waived.iter().map(|w| w.rule.as_str()));
        for id in extra {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let mut n = Counts::default();
        for id in ids {
            n.tests += 1;
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{file}\" file=\"{file}\"",
                attr(id)
            );
            if let Some(w) = p.waived.iter().find(|w| w.rule == id) {
                n.skipped += 1;
                let _ = write!(
                    out,
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                    attr(&w.reason)
                );
                continue;
            }
            let found: Vec<_> = p.findings.iter().filter(|f| f.rule == id).collect();
            let Some(first) = found.first() else {
                out.push_str("/>\n");
                continue;
            };
            n.failures += 1;
            let rule = self.ctx.rules.get(id);
            let mut body = String::new();
            for f in &found {
                let _ = writeln!(body, "{}:{}:{}: {}", p.file, f.line, f.column, f.message);
            }
            if let Some(rule) = rule {
                let why = rule.why.get(lang);
                if !why.is_empty() {
                    let _ = write!(body, "\n{}{} {why}\n", t!(lang, "report-why"), lang.colon());
                }
                let steps = rule.fix.get(lang);
                if !steps.is_empty() {
                    let _ = writeln!(body, "\n{}{}", t!(lang, "report-how-to-fix"), lang.colon());
                    for (i, s) in steps.iter().enumerate() {
                        let _ = writeln!(body, "{}. {s}", i + 1);
                    }
                }
            }
            let _ = write!(
                out,
                ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                first.severity.as_str(),
                attr(&first.title),
                text(&body)
            );
        }
        n
    }

    /// An invalid profile: one testcase whose `<error>` lists every problem.
    fn invalid_case(&self, p: &ProfileReport, out: &mut String) -> Counts {
        let lang = p.lang;
        let file = attr(&p.file);
        let mut body = String::new();
        for e in &p.errors {
            let _ = writeln!(body, "{}:{}:{}: {}", p.file, e.line, e.column, e.message);
        }
        let message = match p.errors.first() {
            Some(e) if p.errors.len() == 1 => format!("{}{} {}", invalid_word(lang), lang.colon(), e.message),
            _ => format!(
                "{}{} {}",
                invalid_word(lang),
                lang.colon(),
                t!(lang, "report-problems-count", n = p.errors.len())
            ),
        };
        let _ = write!(
            out,
            "    <testcase name=\"profile-format\" classname=\"{file}\" file=\"{file}\">\n      \
             <error type=\"invalid-profile\" message=\"{}\">{}</error>\n    </testcase>\n",
            attr(&message),
            text(&body)
        );
        Counts {
            tests: 1,
            errors: 1,
            ..Counts::default()
        }
    }
}

impl Reporter for Junit<'_> {
    fn profile(&mut self, p: &ProfileReport, _w: &mut dyn Write) -> io::Result<()> {
        let mut cases = String::new();
        let n = if p.is_invalid() {
            self.invalid_case(p, &mut cases)
        } else {
            self.valid_cases(p, &mut cases)
        };
        self.totals.add(n);
        let b = &mut self.body;
        let _ = writeln!(b, "  <testsuite name=\"{}\" {}>", attr(&p.file), n.attrs());
        b.push_str("    <properties>\n");
        let _ = writeln!(b, "      <property name=\"name\" value=\"{}\"/>", attr(&p.name));
        if let Some(score) = p.score {
            let _ = writeln!(b, "      <property name=\"score\" value=\"{score}\"/>");
        }
        b.push_str("    </properties>\n");
        b.push_str(&cases);
        if !p.warnings.is_empty() {
            let mut err = String::new();
            for wv in &p.warnings {
                let _ = writeln!(err, "{}:{}:{}: warning: {}", p.file, wv.line, wv.column, wv.message);
            }
            let _ = writeln!(b, "    <system-err>{}</system-err>", text(&err));
        }
        b.push_str("  </testsuite>\n");
        if self.body.len() > SPILL_AT && !self.in_memory {
            // An unusable temp folder (missing, read-only, full) must not
            // lose the report: it then stays in memory, as small runs do.
            if self.spilled.is_none() {
                match anonymous_file() {
                    Ok(f) => self.spilled = Some(f),
                    Err(_) => self.in_memory = true,
                }
            }
            if let Some(f) = self.spilled.as_mut() {
                use std::io::Seek;
                let kept = f.stream_position()?;
                match f.write_all(self.body.as_bytes()) {
                    Ok(()) => self.body.clear(),
                    Err(_) => {
                        // Keep what was spilled whole; the rest stays here.
                        f.set_len(kept)?;
                        f.seek(io::SeekFrom::Start(kept))?;
                        self.in_memory = true;
                    }
                }
            }
        }
        Ok(())
    }

    fn end(&mut self, _s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        // Pack and config problems first, as a suite of their own, so a CI
        // dashboard counts them as errors (docs/formats.md).
        let mut config = String::new();
        let problems = self.ctx.problems;
        if !problems.is_empty() {
            let n = Counts {
                tests: problems.len(),
                errors: problems.len(),
                ..Counts::default()
            };
            self.totals.add(n);
            let _ = writeln!(
                config,
                "  <testsuite name=\"profilecheck configuration\" {}>",
                n.attrs()
            );
            for p in problems {
                let file = attr(&p.file);
                let located = format!("{}:{}:{}: {}", p.file, p.line, p.column, p.message);
                let _ = write!(
                    config,
                    "    <testcase name=\"{}\" classname=\"profilecheck configuration\" file=\"{file}\">\n      \
                     <error type=\"configuration\" message=\"{}\">{}</error>\n    </testcase>\n",
                    attr(&format!("{}:{}:{}", p.file, p.line, p.column)),
                    attr(&p.message),
                    text(&located)
                );
            }
            config.push_str("  </testsuite>\n");
        }
        writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(w, "<testsuites name=\"profilecheck\" {}>", self.totals.attrs())?;
        w.write_all(config.as_bytes())?;
        if let Some(mut f) = self.spilled.take() {
            use std::io::Seek;
            f.seek(io::SeekFrom::Start(0))?;
            io::copy(&mut f, w)?;
        }
        w.write_all(std::mem::take(&mut self.body).as_bytes())?;
        writeln!(w, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_xml_well_formed() {
        assert_eq!(text("a<b>&]]>\u{1}\u{7f}"), "a&lt;b&gt;&amp;]]&gt;\u{fffd}\u{7f}");
        assert_eq!(attr("\"x'\n\t\r\u{0}"), "&quot;x&apos;&#10;&#9;&#13;\u{fffd}");
    }
}
