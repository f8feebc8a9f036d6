//! The lint run, stage by stage: the command line → the inputs (walk,
//! identities, excludes; [`super::inputs`]) → the scope of each file
//! ([`super::scope`]) and its rules ([`super::ruleset`]) → the guards that
//! refuse a run before anything is written → the check on all cores
//! ([`super::check`]) → the sinks ([`super::sinks`]) → the exit code
//! ([`super::exit`]). Every stage says what went wrong through the one
//! [`Problems`] reporter.

use super::args::{Common, FailOnArg, LintArgs};
use super::env::{Env, lang_of};
use super::exit::{Bars, TROUBLE, Tally};
use super::guards::{report_over_profile, reports_spare_configs_and_packs, say_configs, selection_matches};
use super::inputs;
use super::outdir::DirOutput;
use super::output::{self, Identity};
use super::problems::Problems;
use super::ruleset;
use super::scope::Scopes;
use super::sinks::{End, Plan, Sinks};
use super::stats::Statistics;
use super::walk::Input;
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::platform::FileId;
use crate::report::baseline::Baseline;
use crate::report::{Context, Format, ProfileReport, Summary};
use crate::rules::config::FailOn;
use crate::rules::engine::{LangChoice, RuleSet, Selection};
use crate::rules::pack::Severity;
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

/// What the command line asks of the run, as the stages take it.
pub(super) struct Run<'r> {
    pub(super) args: &'r LintArgs,
    pub(super) common: &'r Common,
    /// The language of the run's messages.
    pub(super) lang: Lang,
    /// Colours on standard output.
    pub(super) color: bool,
}

/// The files to lint, each with its scope, and the rules of each scope.
struct Prepared {
    inputs: Vec<(Input, usize)>,
    scopes: Scopes,
    /// The scopes some input uses, in order.
    used: Vec<usize>,
    /// The report files, by identity.
    targets: Vec<Identity>,
}

/// Lint the paths of the command line; returns the exit code.
pub(super) fn lint(problems: &mut Problems, env: &mut Env, run: &Run<'_>, stdout: &mut dyn Write) -> io::Result<i32> {
    let (args, lang) = (run.args, run.lang);
    if args.paths.is_empty() {
        problems.usage_error(t!(lang, "cli-no-profile-given"));
        return Ok(TROUBLE);
    }
    let Some(extra) = inputs::report_specs(problems, &args.report, lang) else {
        return Ok(TROUBLE);
    };
    let Some(baseline) = inputs::baseline(problems, args.baseline.as_deref()) else {
        return Ok(TROUBLE);
    };
    let Some(prepared) = prepare(problems, &env.cwd, run, &extra) else {
        return Ok(TROUBLE);
    };
    if (args.fix || args.diff)
        && let Some(code) = super::fix::stage(problems, &prepared.inputs, args.diff, lang, stdout)?
    {
        return Ok(code);
    }
    check(problems, env, run, prepared, &extra, (baseline.as_ref(), stdout))
}

/// From the command line to the files and their rules, or None after a
/// usage error (nothing written yet).
fn prepare(
    problems: &mut Problems,
    cwd: &Path,
    run: &Run<'_>,
    extra: &[(Format, std::path::PathBuf)],
) -> Option<Prepared> {
    let (args, common, lang) = (run.args, run.common, run.lang);
    let main_target = args.output.as_deref().unwrap_or(Path::new("-"));
    let main = args.output_dir.is_none().then_some(main_target);
    let files = inputs::report_files(problems, main, extra, cwd, lang)?;
    let cli_excludes = inputs::excludes(problems, &args.exclude, lang)?;
    let mut scopes = Scopes::new(cwd, common.no_config, common.config.as_deref(), problems);
    let walk = (args.follow, args.force_exclude);
    let mut inputs = inputs::collect(problems, &mut scopes, &args.paths, walk, &cli_excludes);
    let (select, ignore) = cli_selection(args);
    let (used, pack_ids) = load_rules(problems, &mut scopes, &inputs, run, &select, &ignore);
    // A file that a config in force names as a rule pack is not a profile.
    if !pack_ids.is_empty() {
        inputs.retain(|(i, _)| match i {
            Input::File(f) => crate::platform::path_id(f).is_none_or(|id| !pack_ids.contains(&id)),
            _ => true,
        });
    }
    // Nor may a report replace a config or a rule pack in force.
    if !reports_spare_configs_and_packs(problems, &files, &scopes, &used, &pack_ids, cwd, lang) {
        return None;
    }
    if !selection_matches(problems, &scopes, &used, &select, &ignore, lang) {
        problems.flush();
        return None;
    }
    if args.verbose {
        say_configs(problems, &inputs, &scopes, cwd, lang);
    }
    let targets = files.into_iter().map(|(_, id)| id).collect();
    Some(Prepared {
        inputs,
        scopes,
        used,
        targets,
    })
}

/// `--select` and `--ignore`, trimmed.
fn cli_selection(args: &LintArgs) -> (Option<Vec<String>>, Vec<String>) {
    let select = args.select.as_ref().map(|ids| {
        ids.iter()
            .map(|id| id.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    });
    (select, args.ignore.iter().map(|id| id.trim().to_owned()).collect())
}

/// The rules of each config in use, and the files they load as packs.
fn load_rules(
    problems: &mut Problems,
    scopes: &mut Scopes,
    inputs: &[(Input, usize)],
    run: &Run<'_>,
    select: &Option<Vec<String>>,
    ignore: &[String],
) -> (Vec<usize>, HashSet<FileId>) {
    let mut pack_ids = HashSet::new();
    let used: HashSet<usize> = inputs.iter().map(|(_, s)| *s).collect();
    let mut used: Vec<usize> = used.into_iter().collect();
    used.sort_unstable();
    if used.is_empty() {
        used.push(scopes.forced.unwrap_or(0));
    }
    for &i in &used {
        let config = scopes.list[i].config.clone();
        let sel = ruleset::selection(select, ignore, &config);
        let rules = ruleset::load(problems, &run.common.rules, &config, &sel, run.lang, &mut pack_ids);
        scopes.list[i].rules = Some(rules);
    }
    (used, pack_ids)
}

/// Each scope's thresholds and language choice.
fn per_scope(run: &Run<'_>, scopes: &Scopes, locale: Lang) -> (Vec<Bars>, Vec<LangChoice>) {
    scopes
        .list
        .iter()
        .map(|scope| {
            let fail_on = run
                .args
                .fail_on
                .map(FailOnArg::to_fail_on)
                .or(scope.config.fail_on)
                .unwrap_or(FailOn::Severity(Severity::Error));
            let choice = LangChoice {
                forced: run.common.lang.map(lang_of),
                fallback: scope.config.lang.unwrap_or(locale),
            };
            let fail_under = run.args.fail_under.or(scope.config.fail_under);
            (Bars { fail_on, fail_under }, choice)
        })
        .unzip()
}

/// The last guards, then the check and its reports.
fn check(
    problems: &mut Problems,
    env: &mut Env,
    run: &Run<'_>,
    prepared: Prepared,
    extra: &[(Format, std::path::PathBuf)],
    (baseline, stdout): (Option<&Baseline>, &mut dyn Write),
) -> io::Result<i32> {
    let (args, lang) = (run.args, run.lang);
    let Prepared {
        inputs,
        scopes,
        used,
        targets,
    } = prepared;
    let (bars, choices) = per_scope(run, &scopes, problems.locale);
    let empty = RuleSet::lenient(Vec::new(), &Selection::default()).0;
    let lint_scopes: Vec<(&RuleSet, LangChoice)> = scopes
        .list
        .iter()
        .zip(&choices)
        .map(|(s, c)| (s.rules.as_ref().unwrap_or(&empty), *c))
        .collect();
    // Reporters describe every rule any profile was checked against.
    let union = ruleset::merge(used.iter().filter_map(|&i| scopes.list[i].rules.as_ref()));
    let plan = Plan {
        format: Format::parse(&args.format).unwrap_or(Format::Text),
        main_target: args.output.as_deref().unwrap_or(Path::new("-")),
        output_dir: args.output_dir.as_deref(),
        extra,
        statistics: args.statistics,
    };
    // On a terminal, the text report already shows the problems and the
    // unreadable profiles: stderr does not repeat them.
    let report_on_terminal =
        env.stdout_is_terminal && matches!(plan.format, Format::Text | Format::Concise) && plan.main_on_stdout();
    let kept = std::mem::take(&mut problems.kept);
    if !report_on_terminal {
        for p in &kept {
            problems.diag_line(&p.file, p.line, p.column, "error", &p.message);
        }
    }
    let main_ctx = Context {
        rules: &union,
        lang,
        color: run.color && output::is_stdout(plan.main_target),
        quiet: args.quiet,
        problems: &kept,
        width: env.width(),
    };
    if !ready_to_write(problems, &inputs, &targets, &env.cwd, &union, lang) {
        return Ok(TROUBLE);
    }
    let Ok(dir) = output_dir(problems, args, plan.format, lang) else {
        return Ok(TROUBLE);
    };
    let mut stdout = output::Closable::new(stdout);
    let sinks = Sinks::open(&plan, dir, main_ctx, run.color, &mut stdout, lang)?;
    let stdin = std::mem::replace(&mut env.stdin, Box::new(io::empty()));
    let checked = Checked {
        lint_scopes: &lint_scopes,
        bars: &bars,
        baseline,
        report_on_terminal,
        kept: kept.len(),
    };
    let (_, mut tally) = checked.run(problems, run, inputs, stdin, &plan, sinks, &main_ctx)?;
    tally.failing |= super::verdict::explain(problems, &tally, &scopes, args.max_warnings, lang);
    Ok(tally.code(problems.trouble || !kept.is_empty()))
}

/// The last guards before anything is written; false after a usage error.
fn ready_to_write(
    problems: &mut Problems,
    inputs: &[(Input, usize)],
    targets: &[Identity],
    cwd: &Path,
    union: &RuleSet,
    lang: Lang,
) -> bool {
    if let Some(clash) = report_over_profile(inputs, targets, cwd) {
        problems.usage_error(t!(lang, "cli-report-over-profile", path = clash.display()));
        return false;
    }
    // Paths that exist but hold no profile (a commit of the house pack
    // only, a workflow): nothing to check, and nothing wrong. A misspelt
    // path is an input of its own, reported as unreadable.
    if inputs.is_empty() {
        problems.note_line(&format!("profilecheck: {}", t!(lang, "cli-no-profile-note")));
    }
    if union.rules.is_empty() {
        let keyword = problems.paint_keyword("warning");
        // The keyword stays English, as in every message (problem matchers).
        problems.note_line(&format!("profilecheck: {keyword}: {}", t!(lang, "cli-no-rule-loaded")));
    }
    true
}

/// The `--output-dir` folder, made if needed; Err after a usage error.
fn output_dir(problems: &mut Problems, args: &LintArgs, format: Format, lang: Lang) -> Result<Option<DirOutput>, ()> {
    let Some(d) = &args.output_dir else {
        return Ok(None);
    };
    DirOutput::new(d, format, lang).map(Some).map_err(|e| {
        problems.usage_error(t!(
            lang,
            "cli-output-dir-unusable",
            dir = d.display().to_string(),
            reason = e.to_string()
        ));
    })
}

/// The check proper: every input linted, each report to stderr (located
/// lines), the tally, the summary, the statistics and every sink.
struct Checked<'c> {
    lint_scopes: &'c [(&'c RuleSet, LangChoice)],
    bars: &'c [Bars],
    /// `--baseline`: what each profile is compared with.
    baseline: Option<&'c Baseline>,
    report_on_terminal: bool,
    /// How many config and pack problems the reports carry.
    kept: usize,
}

impl Checked<'_> {
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        problems: &mut Problems,
        run: &Run<'_>,
        inputs: Vec<(Input, usize)>,
        stdin: Box<dyn io::Read + Send>,
        plan: &Plan<'_>,
        mut sinks: Sinks<'_>,
        main_ctx: &Context<'_>,
    ) -> io::Result<(Summary, Tally)> {
        let mut summary = Summary {
            config_errors: self.kept,
            ..Summary::default()
        };
        let mut stats = Statistics::default();
        let mut tally = Tally::default();
        sinks.begin()?;
        let mut result: io::Result<()> = Ok(());
        super::check::lint_all(self.lint_scopes, inputs, stdin, |p: ProfileReport, scope: usize| {
            if result.is_err() {
                return;
            }
            // `FILE:LINE:COL: error: MESSAGE` is a contract (problem matchers,
            // grep): the keyword stays English, the message is in the user's
            // language. On a terminal the text report shows them already.
            if !self.report_on_terminal {
                let lines = p.errors.iter().map(|e| (e, "error"));
                for (e, word) in lines.chain(p.warnings.iter().map(|e| (e, "warning"))) {
                    problems.diag_line(&p.file, e.line, e.column, word, &e.message);
                }
            }
            let progress = self.baseline.map(|b| b.compare(&p));
            if let Some(pr) = &progress {
                sinks.baseline(pr);
            }
            tally.add(&p, scope, self.bars[scope], progress.as_ref());
            summary.add(&p);
            if plan.statistics {
                stats.add(&p);
            }
            result = sinks.profile(&p);
        });
        result?;
        if plan.statistics {
            summary.statistics = Some(stats.stat_rows());
        }
        let end = End {
            summary: &summary,
            stats: &stats,
            union: main_ctx.rules,
            lang: run.lang,
        };
        sinks.finish(plan, &end, main_ctx, problems)?;
        Ok((summary, tally))
    }
}
