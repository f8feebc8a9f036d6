//! The sinks of a lint run: the main report (stdout or `-o`), each
//! `--report FORMAT=PATH`, the files of `--output-dir`, and the
//! `--statistics` table, fed one profile at a time in input order.
//!
//! Standard output goes to the one report aimed at it, if any; else it is
//! free for the statistics. Its reader may leave early (`| head`): the run
//! still writes the other reports and keeps its exit code.

use super::outdir::DirOutput;
use super::output::{self, Sink};
use super::problems::Problems;
use super::stats::Statistics;
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::report::{Context, DEFAULT_WIDTH, Format, ProfileReport, Reporter, Summary};
use crate::rules::engine::RuleSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where the reports of a run go, from the command line.
pub(super) struct Plan<'p> {
    pub(super) format: Format,
    /// The main report's target: `-` or `-o FILE`.
    pub(super) main_target: &'p Path,
    pub(super) output_dir: Option<&'p Path>,
    pub(super) extra: &'p [(Format, PathBuf)],
    pub(super) statistics: bool,
}

impl Plan<'_> {
    /// Is the main report written to standard output?
    pub(super) fn main_on_stdout(&self) -> bool {
        self.output_dir.is_none() && output::is_stdout(self.main_target)
    }
}

/// The open sinks, each with its reporter.
pub(super) struct Sinks<'w> {
    /// The main report first (none with `--output-dir`), then `--report`s.
    outputs: Vec<(Box<dyn Reporter + 'w>, Sink<'w>)>,
    dir: Option<DirOutput>,
    /// Standard output when no report is aimed at it.
    free_stdout: Option<&'w mut dyn Write>,
    /// The context of report files: no colour, the default width.
    file_ctx: Context<'w>,
    /// `--baseline` with `--output-dir`: the next profile's progress.
    progress: Option<crate::report::baseline::Progress>,
}

impl<'w> Sinks<'w> {
    /// Open every sink of `plan` (files are created now, replaced at the end).
    pub(super) fn open(
        plan: &Plan<'_>,
        dir: Option<DirOutput>,
        main_ctx: Context<'w>,
        color: bool,
        stdout: &'w mut dyn Write,
        lang: Lang,
    ) -> io::Result<Sinks<'w>> {
        let file_ctx = Context {
            color: false,
            width: DEFAULT_WIDTH,
            ..main_ctx
        };
        let mut stdout_slot: Option<&'w mut dyn Write> = Some(stdout);
        let mut sink = |path: &Path| -> io::Result<Sink<'w>> {
            match output::is_stdout(path) {
                true => Sink::open(None, stdout_slot.take().expect("one report on stdout"), lang),
                false => Sink::file(path, lang),
            }
        };
        let mut outputs: Vec<(Box<dyn Reporter + 'w>, Sink<'w>)> = Vec::new();
        // With --output-dir the files are the reports: no main report.
        if dir.is_none() {
            let main_sink = sink(plan.main_target)?;
            outputs.push((plan.format.reporter(main_ctx), main_sink));
        }
        for (f, path) in plan.extra {
            let ctx = if output::is_stdout(path) {
                Context { color, ..main_ctx }
            } else {
                file_ctx
            };
            outputs.push((f.reporter(ctx), sink(path)?));
        }
        Ok(Sinks {
            outputs,
            dir,
            free_stdout: stdout_slot,
            file_ctx,
            progress: None,
        })
    }

    /// Each report's opening.
    pub(super) fn begin(&mut self) -> io::Result<()> {
        for (r, sink) in &mut self.outputs {
            r.begin(sink.writer())?;
        }
        Ok(())
    }

    /// With `--baseline`: how the next profile compares, to every report.
    pub(super) fn baseline(&mut self, progress: &crate::report::baseline::Progress) {
        for (r, _) in &mut self.outputs {
            r.baseline(progress);
        }
        if self.dir.is_some() {
            self.progress = Some(progress.clone());
        }
    }

    /// One profile, to every sink.
    pub(super) fn profile(&mut self, p: &ProfileReport) -> io::Result<()> {
        if let Some(d) = self.dir.as_mut() {
            d.write(p, &self.file_ctx, self.progress.take().as_ref())?;
        }
        for (r, sink) in &mut self.outputs {
            r.profile(p, sink.writer())?;
        }
        Ok(())
    }

    /// Close every report with the summary, the statistics where they go,
    /// and put the files in place.
    pub(super) fn finish(
        mut self,
        plan: &Plan<'_>,
        end: &End<'_>,
        main_ctx: &Context<'_>,
        problems: &mut Problems,
    ) -> io::Result<()> {
        let mut outputs = std::mem::take(&mut self.outputs).into_iter();
        if let Some(d) = self.dir.take() {
            let written = d.finish(end.summary, main_ctx)?;
            let dir = plan.output_dir.unwrap_or(Path::new(".")).display().to_string();
            let line = t!(end.lang, "cli-output-dir-written", n = written, dir = dir);
            problems.note_line(&format!("profilecheck: {line}"));
            if plan.statistics && !carried(plan.format) {
                let out: &mut dyn Write = match self.free_stdout.as_mut() {
                    Some(o) => &mut **o,
                    None => problems.stderr(),
                };
                end.stats.write(end.union, end.lang, out)?;
            }
        } else {
            let (mut main_reporter, mut main_sink) = outputs.next().expect("the main report is always there");
            main_reporter.end(end.summary, main_sink.writer())?;
            if plan.statistics {
                let out: Option<&mut dyn Write> = match self.free_stdout.as_mut() {
                    Some(out) if !carried(plan.format) => Some(&mut **out),
                    Some(_) => None,
                    None if plan.format == Format::Text && plan.main_on_stdout() => Some(main_sink.writer()),
                    None if carried(plan.format) => None,
                    None => Some(problems.stderr()),
                };
                if let Some(out) = out {
                    end.stats.write(end.union, end.lang, out)?;
                }
            }
            main_sink.finish()?;
        }
        for (mut r, mut sink) in outputs {
            r.end(end.summary, sink.writer())?;
            sink.finish()?;
        }
        Ok(())
    }
}

/// What the reports end with.
pub(super) struct End<'e> {
    pub(super) summary: &'e Summary,
    pub(super) stats: &'e Statistics,
    /// Every rule any profile was checked against.
    pub(super) union: &'e RuleSet,
    pub(super) lang: Lang,
}

/// Statistics that the report carries itself are not printed again.
fn carried(f: Format) -> bool {
    matches!(f, Format::Json | Format::Html | Format::Markdown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::engine::{LangChoice, Selection, check_bytes};

    #[test]
    fn every_sink_gets_every_profile_and_the_files_appear_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let sarif = dir.path().join("s.sarif");
        let extra = vec![(Format::Sarif, sarif.clone())];
        let plan = Plan {
            format: Format::Json,
            main_target: Path::new("-"),
            output_dir: None,
            extra: &extra,
            statistics: false,
        };
        let rules = RuleSet::lenient(crate::rules::pack::builtin(), &Selection::default()).0;
        let ctx = Context {
            rules: &rules,
            lang: Lang::En,
            color: false,
            quiet: false,
            problems: &[],
            width: DEFAULT_WIDTH,
        };
        let lang = LangChoice {
            forced: Some(Lang::En),
            fallback: Lang::En,
        };
        let p = check_bytes(&rules, "p.yaml", b"name: Ada\n", lang);
        let mut summary = Summary::default();
        summary.add(&p);
        let mut out = Vec::new();
        let mut err = Vec::new();
        let mut problems = Problems::new(&mut err, Lang::En, false);
        let mut sinks = Sinks::open(&plan, None, ctx, false, &mut out, Lang::En).unwrap();
        sinks.begin().unwrap();
        sinks.profile(&p).unwrap();
        assert!(!sarif.exists(), "a report file is replaced only when complete");
        let stats = Statistics::default();
        let end = End {
            summary: &summary,
            stats: &stats,
            union: &rules,
            lang: Lang::En,
        };
        sinks.finish(&plan, &end, &ctx, &mut problems).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert!(json.to_string().contains("p.yaml"));
        assert!(std::fs::read_to_string(&sarif).unwrap().contains("p.yaml"));
    }
}
