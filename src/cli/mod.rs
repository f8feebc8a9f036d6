//! The command line: parse arguments, load packs and config, lint files in
//! parallel, stream reports. It writes only to the writers it is handed, so
//! it is tested without a process; `main` maps its result to the exit code.

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::diag::Diagnostic;
use crate::profile::yaml::Pos;
use crate::report::{Context, Format, ProfileReport, Reporter, Summary, printable};
use crate::rules::config::{self, Config, FailOn};
use crate::rules::engine::{LangChoice, RuleSet, Selection};
use crate::rules::pack::{self, Pack, PackError, Severity};
use clap::FromArgMatches;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

mod args;
mod commands;
mod help;
mod import;
mod output;
mod stats;
mod walk;

pub(crate) use args::{Cli, ColorArg, Command, Common, FailOnArg, LangArg, LintArgs};
use help::args_lang;
pub(crate) use help::command;
use output::Sink;
pub(crate) use stats::Statistics;

/// What the process sees of its environment; tests pass their own.
pub struct Env {
    /// The process's environment variables.
    pub vars: Vec<(String, String)>,
    /// The working directory: relative paths and config discovery start here.
    pub cwd: PathBuf,
    /// Whether standard output is a terminal (colours, width).
    pub stdout_is_terminal: bool,
    /// Standard input, read for the path `-`.
    pub stdin: Box<dyn Read + Send>,
}

impl Env {
    /// The variable `k`, if set.
    pub fn var(&self, k: &str) -> Option<&str> {
        self.vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
    }
    /// The locale's language: LC_ALL, then LC_MESSAGES, then LANG.
    pub fn locale_lang(&self) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| self.var(k).filter(|v| !v.is_empty()))
            .map_or(Lang::En, Lang::from_locale)
    }
}

/// Standard input that was closed when the process started
/// (`profilecheck - <&-`). Rust's runtime puts `/dev/null` in its place, so
/// without this the run would lint an empty profile; reading it is an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClosedStdin;

impl std::fmt::Display for ClosedStdin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Shown as the catalogue's `stdin-closed`; this is for logs.
        f.write_str(concat!("stdin", " closed"))
    }
}

impl std::error::Error for ClosedStdin {}

impl Read for ClosedStdin {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::other(ClosedStdin))
    }
}

impl ClosedStdin {
    /// Was the process's standard input closed when it started? The runtime
    /// reopens a closed descriptor 0 on `/dev/null` for reading *and
    /// writing*, which a shell's `< /dev/null` never does.
    pub fn detect() -> bool {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        // SAFETY: F_GETFL only reads the flags of descriptor 0.
        let flags = unsafe { libc::fcntl(0, libc::F_GETFL) };
        if flags < 0 {
            return true;
        }
        if flags & libc::O_ACCMODE != libc::O_RDWR {
            return false;
        }
        let stdin = io::stdin();
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        let (Ok(ours), Ok(null)) = (std::fs::File::from(fd).metadata(), std::fs::metadata("/dev/null")) else {
            return false;
        };
        ours.rdev() == null.rdev() && ours.dev() == null.dev() && ours.ino() == null.ino()
    }
}

/// Exit codes (SPEC §7).
pub const OK: i32 = 0;
/// Exit code: some profile has findings at or above `--fail-on`.
pub const FINDINGS: i32 = 1;
/// Exit code: a file or the command line could not be used.
pub const TROUBLE: i32 = 2;

/// Run the command line; returns the exit code.
pub fn run(args: Vec<OsString>, env: Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let locale = env.locale_lang();
    let help_lang = args_lang(&args).unwrap_or(locale);
    // Parsing needs only the command's shape; the worded command (every help
    // text from the catalogue) is built when there is help or an error to show.
    let parsed = <Cli as clap::CommandFactory>::command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let e = command(help_lang).try_get_matches_from(args).err().unwrap_or(e);
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    let _ = write!(
                        stdout,
                        "{}",
                        help::localise_rendered(&e.render().to_string(), help_lang)
                    );
                    OK
                }
                _ => {
                    let _ = write!(stderr, "{}", help::render_error(&e, help_lang));
                    TROUBLE
                }
            };
        }
    };
    let mut app = App {
        env,
        stderr,
        locale,
        trouble: false,
    };
    let code = app.main(cli, stdout);
    match code {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            let lang = app.locale;
            // The error names the file, which may come from a config.
            app.note_line(&error(t!(lang, "cli-cannot-write", detail = e.to_string())));
            TROUBLE
        }
        Ok(c) => c,
    }
}

struct App<'a> {
    env: Env,
    stderr: &'a mut dyn Write,
    locale: Lang,
    /// Something went wrong that makes the exit code 2.
    trouble: bool,
}

impl App<'_> {
    fn lang(&self, cli: &Common, config: &Config) -> Lang {
        cli.lang.map(lang_of).or(config.lang).unwrap_or(self.locale)
    }

    /// A line on stderr that makes the exit code 2.
    fn error_line(&mut self, line: String) {
        self.trouble = true;
        self.note_line(&line);
    }

    /// A line on stderr. Messages are one line each, and the names and
    /// values they quote come from files and the command line: one function
    /// keeps every one of them on its line and harmless to the terminal.
    fn note_line(&mut self, line: &str) {
        let _ = writeln!(self.stderr, "{}", crate::i18n::one_line(line));
    }

    fn main(&mut self, cli: Cli, stdout: &mut dyn Write) -> io::Result<i32> {
        let config = self.load_config(&cli.common);
        let lang = self.lang(&cli.common, &config);
        let color = match cli.common.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                self.env.var("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0")
                    || (self.env.stdout_is_terminal && self.env.var("NO_COLOR").is_none_or(|v| v.is_empty()))
            }
        };
        colored::control::set_override(color);
        match cli.command {
            Some(Command::Rules { format, verify, packs }) => {
                if verify {
                    return self.verify(&packs, lang, stdout);
                }
                let sel = Selection {
                    settings: config.severity.clone(),
                    ..Selection::default()
                };
                let rules = self.load_rules(&cli.common, &config, &sel, lang);
                crate::cli::commands::list_rules(&rules, &format, lang, stdout)?;
                Ok(if self.trouble { TROUBLE } else { OK })
            }
            Some(Command::Explain { rule }) => {
                let rules = self.load_rules(&cli.common, &config, &Selection::default(), lang);
                if rules.get(&rule).is_none() {
                    self.error_line(error(unknown_rule(&rules, &rule, lang)));
                    return Ok(TROUBLE);
                }
                crate::cli::commands::explain(&rules, &rule, lang, color, stdout)?;
                Ok(OK)
            }
            Some(Command::Init {
                output,
                interactive,
                force,
                from,
            }) => {
                // Questions in the language the file was written in, unless told otherwise.
                let lang = match (&from, cli.common.lang, config.lang) {
                    (Some(f), None, None) => read_limited(f)
                        .ok()
                        .and_then(|b| crate::profile::parse(&b).ok())
                        .and_then(|p| p.lang)
                        .unwrap_or(lang),
                    _ => lang,
                };
                self.init(output, interactive, force, from, lang, stdout)
            }
            Some(Command::Import(args)) => import::run(args, lang, stdout, self.stderr),
            Some(Command::Lsp) => Ok(crate::lsp::run_stdio(self.locale, self.env.cwd.clone())),
            Some(Command::Schema) => {
                serde_json::to_writer_pretty(&mut *stdout, &crate::profile::jsonschema::schema(lang))
                    .map_err(io::Error::from)?;
                writeln!(stdout)?;
                Ok(OK)
            }
            Some(Command::Serve { port, lan }) => {
                let sel = Selection {
                    settings: config.severity.clone(),
                    ..Selection::default()
                };
                let rules = self.load_rules(&cli.common, &config, &sel, lang);
                let opts = crate::workshop::serve::Options {
                    port,
                    lan,
                    forced: cli.common.lang.map(lang_of),
                    fallback: config.lang.unwrap_or(self.locale),
                };
                if let Err(e) = crate::workshop::serve::serve(rules, opts, stdout) {
                    self.error_line(format!("profilecheck serve: {e}"));
                }
                Ok(TROUBLE)
            }
            None => self.lint(cli.lint, &cli.common, &config, lang, color, stdout),
        }
    }

    fn init(
        &mut self,
        output: Option<PathBuf>,
        interactive: bool,
        force: bool,
        from: Option<PathBuf>,
        lang: Lang,
        stdout: &mut dyn Write,
    ) -> io::Result<i32> {
        // Rewriting the file the answers start from is what `--from F -o F` asks for.
        let same =
            |a: &Path, b: &Path| a == b || a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok() == Some(a));
        // `-o -` is standard output, as for reports.
        let output = output.filter(|p| !output::is_stdout(p));
        if let Some(path) = &output
            && path.exists()
            && !force
            && !from.as_deref().is_some_and(|f| same(f, path))
        {
            self.error_line(error(t!(lang, "cli-exists", path = path.display())));
            return Ok(TROUBLE);
        }
        let text = if interactive {
            let stdin = std::mem::replace(&mut self.env.stdin, Box::new(io::empty()));
            let mut input = io::BufReader::new(stdin);
            let start = match &from {
                Some(path) => match self.read_profile(path) {
                    Some(p) => Some(p),
                    None => return Ok(TROUBLE),
                },
                None => None,
            };
            match crate::workshop::interview::interview_from(lang, start.as_ref(), &mut input, &mut *self.stderr) {
                Ok(text) => text,
                // What was read could not be used (too long, a closed stdin):
                // say so, rather than blame a report that was never written.
                Err(e) if matches!(e.kind(), io::ErrorKind::InvalidData | io::ErrorKind::Other) => {
                    self.error_line(error(e.to_string()));
                    return Ok(TROUBLE);
                }
                Err(e) => return Err(e),
            }
        } else {
            crate::workshop::template::template(lang)
        };
        match output {
            None => stdout.write_all(text.as_bytes())?,
            Some(path) => {
                let mut sink = Sink::open(Some(&path), stdout, lang)?;
                sink.writer().write_all(text.as_bytes())?;
                sink.finish()?;
                self.note_line(&t!(lang, "cli-wrote", path = path.display()));
            }
        }
        Ok(OK)
    }

    /// A valid profile from `path`, or its problems on stderr and None.
    fn read_profile(&mut self, path: &Path) -> Option<crate::profile::Profile> {
        let shown = path.display().to_string();
        let lang = self.locale;
        let problems = match read_limited(path) {
            Err(e) => vec![format!("{shown}:1:1: error: {}", e.text(lang))],
            Ok(bytes) => match crate::profile::parse(&bytes) {
                Ok(p) => return Some(p),
                Err(diags) => diags.iter().map(|d| d.render(&shown, lang)).collect(),
            },
        };
        for line in problems {
            self.error_line(printable(&line).into_owned());
        }
        None
    }

    fn load_config(&mut self, common: &Common) -> Config {
        if common.no_config {
            return Config::default();
        }
        let path = match &common.config {
            Some(p) => Some(p.clone()),
            // Shown relative to where the user stands (`../.profilecheck.yaml`),
            // and so are the packs it names.
            None => config::discover(&self.env.cwd).map(|p| relative_to(&p, &self.env.cwd)),
        };
        let Some(path) = path else { return Config::default() };
        let shown = path.display().to_string();
        let names: Vec<&str> = pack::BUILTIN.iter().map(|(n, _)| *n).collect();
        match read_limited(&path) {
            Err(e) => {
                // Located like every problem in a file, keyword in English.
                let line = Diagnostic::error(Pos::START, e).render(&shown, self.locale);
                self.error_line(line);
                Config::default()
            }
            Ok(bytes) => match config::parse(&path, &bytes, &names) {
                Ok(c) => c,
                Err(problems) => {
                    for d in problems {
                        let line = d.render(&shown, self.locale);
                        self.error_line(line);
                    }
                    Config::default()
                }
            },
        }
    }

    /// Built-in packs (as the config selects), config packs, then --rules.
    fn load_rules(&mut self, common: &Common, config: &Config, sel: &Selection, lang: Lang) -> RuleSet {
        let mut packs: Vec<Pack> = pack::builtin()
            .into_iter()
            .filter(|p| config.packs.as_ref().is_none_or(|names| names.contains(&p.name)))
            .collect();
        let mut paths: Vec<PathBuf> = config.rules.clone();
        paths.extend(common.rules.iter().cloned());
        let (extra, mut errors) = load_packs(&paths);
        packs.extend(extra);
        // Keep going with what does not clash, so valid profiles are still linted.
        let (rules, clashes) = RuleSet::lenient(packs, sel);
        errors.extend(clashes);
        for e in errors {
            for line in e.render(lang) {
                self.error_line(line);
            }
        }
        let mut unknown: Vec<(Option<String>, &String)> = sel.ignore.iter().map(|id| (None, id)).collect();
        let mut configured: Vec<&String> = sel.settings.keys().collect();
        configured.sort();
        for id in configured {
            // Located at the config entry when it comes from the config file.
            let at = config
                .path
                .as_ref()
                .zip(config.severity_pos.get(id))
                .map(|(path, pos)| format!("{}:{}:{}: ", path.display(), pos.line, pos.col));
            unknown.push((at, id));
        }
        for (at, id) in unknown {
            if rules.known.contains(id) {
                continue;
            }
            let message = unknown_rule(&rules, id, lang);
            let line = match at {
                Some(at) => format!("{at}warning: {message}"),
                None => warning(message),
            };
            self.note_line(&line);
        }
        rules
    }

    fn verify(&mut self, packs: &[PathBuf], lang: Lang, stdout: &mut dyn Write) -> io::Result<i32> {
        let mut loaded = Vec::new();
        if packs.is_empty() {
            loaded = pack::builtin();
        }
        let (extra, errors) = load_packs(packs);
        loaded.extend(extra);
        for e in errors {
            for line in e.render(lang) {
                self.error_line(line);
            }
        }
        // With a pack that failed to load, there is nothing meaningful to count.
        if loaded.is_empty() && self.trouble {
            return Ok(TROUBLE);
        }
        let failures = crate::cli::commands::verify(&loaded, lang, stdout)?;
        Ok(if self.trouble {
            TROUBLE
        } else if failures > 0 {
            FINDINGS
        } else {
            OK
        })
    }

    fn lint(
        &mut self,
        args: LintArgs,
        common: &Common,
        config: &Config,
        lang: Lang,
        color: bool,
        stdout: &mut dyn Write,
    ) -> io::Result<i32> {
        if args.paths.is_empty() {
            self.error_line(error(t!(lang, "cli-no-profile-given")));
            return Ok(TROUBLE);
        }
        // Every --report must name a known format before anything is written.
        let mut extra_reports = Vec::new();
        for spec in &args.report {
            match spec
                .split_once('=')
                .and_then(|(f, path)| Format::parse(f).map(|f| (f, PathBuf::from(path))))
            {
                Some((f, path)) if !path.as_os_str().is_empty() => extra_reports.push((f, path)),
                _ => {
                    let formats = Format::NAMES.join(", ");
                    self.error_line(error(t!(lang, "cli-bad-report", formats = formats, got = spec)));
                    return Ok(TROUBLE);
                }
            }
        }
        // Two reports into one file would leave only the last one. Files are
        // compared by identity, not spelling (`r.json`, `./r.json`, a symlink).
        let cwd = self.env.cwd.clone();
        let main_target = args.output.as_deref().unwrap_or(Path::new("-"));
        let mut targets: Vec<(&Path, output::Identity)> = vec![(main_target, output::identity(main_target, &cwd))];
        for (_, p) in &extra_reports {
            let id = output::identity(p, &cwd);
            if let Some((first, _)) = targets.iter().find(|(_, t)| *t == id) {
                self.error_line(if id == output::Identity::Stdout {
                    t!(lang, "output-two-on-stdout")
                } else {
                    error(t!(lang, "cli-two-reports", path = first.display()))
                });
                return Ok(TROUBLE);
            }
            targets.push((p, id));
        }
        // Nor may a report replace the config or a rule pack of the run.
        let mut read = Vec::new();
        if let Some(c) = &config.path {
            read.push((c.clone(), true));
        }
        for p in config.rules.iter().chain(&common.rules) {
            let mut files = Vec::new();
            crate::cli::walk::expand(p, &mut files);
            for f in files {
                if let crate::cli::walk::Input::File(f) = f {
                    read.push((f, false));
                }
            }
        }
        for (file, is_config) in &read {
            let id = output::identity(file, &cwd);
            if let Some((target, _)) = targets.iter().find(|(_, t)| *t == id) {
                let file = target.display().to_string();
                self.error_line(if *is_config {
                    t!(lang, "output-is-config", file = file)
                } else {
                    t!(lang, "output-is-pack", file = file)
                });
                return Ok(TROUBLE);
            }
        }
        let targets: Vec<output::Identity> = targets
            .into_iter()
            .map(|(_, id)| id)
            .filter(|id| *id != output::Identity::Stdout)
            .collect();
        let sel = Selection {
            select: args
                .select
                .as_ref()
                .map(|ids| ids.iter().map(|id| id.trim().to_owned()).collect()),
            ignore: args.ignore.iter().map(|id| id.trim().to_owned()).collect(),
            settings: config.severity.clone(),
        };
        let rules = self.load_rules(common, config, &sel, lang);
        // A misspelt --select would silently turn every rule off and let CI
        // pass: that is a usage error, not a warning.
        if let Some(unknown) = sel.select.iter().flatten().find(|id| !rules.known.contains(id)) {
            let message = match rules.suggest(unknown) {
                Some(s) => t!(lang, "cli-select-unknown-did-you-mean", rule = unknown, suggestion = s),
                None => t!(lang, "cli-select-unknown", rule = unknown),
            };
            self.error_line(error(message));
            return Ok(TROUBLE);
        }
        let fail_on = args
            .fail_on
            .map(FailOnArg::to_fail_on)
            .or(config.fail_on)
            .unwrap_or(FailOn::Severity(Severity::Error));
        let choice = LangChoice {
            forced: common.lang.map(lang_of),
            fallback: config.lang.unwrap_or(self.locale),
        };
        let format = Format::parse(&args.format).unwrap_or(Format::Text);
        let main_ctx = Context {
            rules: &rules,
            lang,
            color: color && output::is_stdout(main_target),
            quiet: args.quiet,
        };
        let file_ctx = Context {
            color: false,
            ..main_ctx
        };
        let inputs = self.collect_inputs(&args.paths);
        // A report written over a profile of the run would destroy it. Files
        // are compared by identity (device and inode), and only when there are
        // report files at all: a stat per input costs little, a realpath more.
        let clash = if targets.is_empty() {
            None
        } else {
            inputs.iter().find_map(|i| match i {
                crate::cli::walk::Input::File(f) if targets.contains(&output::identity(f, &cwd)) => Some(f.clone()),
                _ => None,
            })
        };
        if let Some(clash) = clash {
            self.error_line(error(t!(lang, "cli-report-over-profile", path = clash.display())));
            return Ok(TROUBLE);
        }
        // A path that yields no profile at all is almost always a mistake
        // (a misspelt folder in CI would otherwise pass with 0 profiles).
        if inputs.is_empty() {
            self.error_line(error(t!(lang, "cli-no-profile-found")));
            return Ok(TROUBLE);
        }
        // Standard output goes to the one report aimed at it, if any; else
        // it is free for the statistics. Its reader may leave early (`| head`):
        // the run still writes the other reports and keeps its exit code.
        let mut stdout = output::Closable::new(stdout);
        let mut stdout_slot: Option<&mut dyn Write> = Some(&mut stdout);
        let mut sink = |path: &Path| -> io::Result<Sink<'_>> {
            match output::is_stdout(path) {
                true => Ok(Sink::open(
                    None,
                    stdout_slot.take().expect("one report on stdout"),
                    lang,
                )?),
                false => Sink::file(path, lang),
            }
        };
        let mut outputs: Vec<(Box<dyn Reporter + '_>, Sink<'_>)> = Vec::new();
        let main_sink = sink(main_target)?;
        outputs.push((format.reporter(main_ctx), main_sink));
        for (f, path) in &extra_reports {
            let ctx = if output::is_stdout(path) {
                Context { color, ..main_ctx }
            } else {
                file_ctx
            };
            outputs.push((f.reporter(ctx), sink(path)?));
        }
        let main_on_stdout = output::is_stdout(main_target);
        let mut free_stdout = stdout_slot;
        let mut summary = Summary::default();
        let mut stats = Statistics::default();
        let mut failing = false;
        for (r, sink) in &mut outputs {
            r.begin(sink.writer())?;
        }
        let stdin = std::mem::replace(&mut self.env.stdin, Box::new(io::empty()));
        let mut result: io::Result<()> = Ok(());
        let stderr = &mut *self.stderr;
        let mut trouble = false;
        crate::cli::walk::lint_all(&rules, inputs, choice, stdin, |p: ProfileReport| {
            if result.is_err() {
                return;
            }
            // `FILE:LINE:COL: error: MESSAGE` is a contract (problem matchers,
            // grep): the keyword stays English, the message is in the user's language.
            let lines = p.errors.iter().map(|e| (e, "error"));
            for (e, word) in lines.chain(p.warnings.iter().map(|e| (e, "warning"))) {
                let line = format!("{}:{}:{}: {word}: {}", p.file, e.line, e.column, e.message);
                let _ = writeln!(stderr, "{}", printable(&line));
            }
            trouble |= p.is_invalid();
            if let FailOn::Severity(min) = fail_on
                && p.findings.iter().any(|f| f.severity >= min)
            {
                failing = true;
            }
            summary.add(&p);
            stats.add(&p);
            for (r, sink) in &mut outputs {
                if let Err(e) = r.profile(&p, sink.writer()) {
                    result = Err(e);
                    return;
                }
            }
        });
        result?;
        let mut outputs = outputs.into_iter();
        let (mut main_reporter, mut main_sink) = outputs.next().expect("the main report is always there");
        main_reporter.end(&summary, main_sink.writer())?;
        if args.statistics {
            match free_stdout.as_mut() {
                Some(out) => stats.write(&rules, lang, *out)?,
                None if format == Format::Text && main_on_stdout => stats.write(&rules, lang, main_sink.writer())?,
                None => stats.write(&rules, lang, &mut *self.stderr)?,
            }
        }
        main_sink.finish()?;
        for (mut r, mut sink) in outputs {
            r.end(&summary, sink.writer())?;
            sink.finish()?;
        }
        if let Some(max) = args.max_warnings
            && summary.warnings > max
        {
            failing = true;
            let message = t!(lang, "cli-max-warnings", n = summary.warnings, max = max);
            self.note_line(&format!("profilecheck: {message}"));
        }
        if trouble || self.trouble {
            return Ok(TROUBLE);
        }
        Ok(if failing { FINDINGS } else { OK })
    }

    /// Expand folders; a path that cannot be used becomes an invalid report.
    fn collect_inputs(&mut self, paths: &[PathBuf]) -> Vec<crate::cli::walk::Input> {
        let mut out = Vec::new();
        for p in paths {
            if p.as_os_str() == "-" {
                out.push(crate::cli::walk::Input::Stdin);
                continue;
            }
            crate::cli::walk::expand(p, &mut out);
        }
        // One rule for duplicates: a file is linted once per run, at its
        // first appearance, however many paths lead to it (named twice, a
        // folder and a file in it, a symlink beside its target). Files are
        // told apart by identity (device and inode), as the reports are.
        use std::os::unix::fs::MetadataExt;
        let mut seen = std::collections::HashSet::new();
        let mut stdin_seen = false;
        out.retain(|input| match input {
            crate::cli::walk::Input::File(f) => match std::fs::metadata(f) {
                Ok(m) => seen.insert((m.dev(), m.ino())),
                Err(_) => true,
            },
            crate::cli::walk::Input::Stdin => !std::mem::replace(&mut stdin_seen, true),
            crate::cli::walk::Input::Broken(..) => true,
        });
        out
    }
}

fn lang_of(l: LangArg) -> Lang {
    match l {
        LangArg::En => Lang::En,
        LangArg::Fr => Lang::Fr,
    }
}

/// Read a regular file of at most the YAML size limit (see [`crate::cli::walk::read_file`]).
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, crate::profile::diag::Msg> {
    crate::cli::walk::read_file(path)
}

/// "unknown rule `photo-sett`; did you mean `photo-set`?"
fn unknown_rule(rules: &RuleSet, id: &str, lang: Lang) -> String {
    match rules.suggest(id) {
        Some(s) => t!(lang, "cli-unknown-rule-did-you-mean", rule = id, suggestion = s),
        None => t!(lang, "cli-unknown-rule", rule = id),
    }
}

/// `profilecheck: error: MESSAGE`. The keyword stays English in every
/// language, as in located messages: problem matchers and scripts look for
/// it. The message is in the user's language.
pub(crate) fn error(message: String) -> String {
    format!("profilecheck: error: {message}")
}

/// `profilecheck: warning: MESSAGE`, the keyword in English as for [`error`].
fn warning(message: String) -> String {
    format!("profilecheck: warning: {message}")
}

/// `path` as seen from `cwd` when it lies below it or beside one of its
/// ancestors; unchanged otherwise.
fn relative_to(path: &Path, cwd: &Path) -> PathBuf {
    if let Ok(rel) = path.strip_prefix(cwd) {
        return rel.to_owned();
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return path.to_owned();
    };
    let mut up = PathBuf::new();
    for ancestor in cwd.ancestors() {
        if ancestor == dir {
            return up.join(name);
        }
        up.push("..");
    }
    path.to_owned()
}

/// Load the packs that `--rules` paths name: a file, or a folder's
/// *.yaml/*.yml. Each file that cannot be read or loaded is an error of its
/// own, located at that file, and the others still load.
fn load_packs(paths: &[PathBuf]) -> (Vec<Pack>, Vec<PackError>) {
    let mut inputs = Vec::new();
    for p in paths {
        crate::cli::walk::expand(p, &mut inputs);
    }
    let mut packs = Vec::new();
    let mut errors = Vec::new();
    let mut budget = pack::Budget::with_builtin();
    for input in inputs {
        let loaded = match input {
            crate::cli::walk::Input::File(f) => {
                let source = f.display().to_string();
                read_limited(&f)
                    .map_err(|m| PackError {
                        source: source.clone(),
                        problems: vec![Diagnostic::error(Pos::START, m)],
                    })
                    .and_then(|bytes| pack::load(&source, &bytes))
            }
            crate::cli::walk::Input::Broken(f, msg) => Err(PackError {
                source: f.display().to_string(),
                problems: vec![Diagnostic::error(Pos::START, msg)],
            }),
            crate::cli::walk::Input::Stdin => continue,
        };
        // Each pack fits alone (`pack::load` checks); together they must too.
        match loaded.and_then(|p| match budget.charge(&p) {
            Ok(()) => Ok(p),
            Err(d) => Err(PackError {
                source: p.source.clone(),
                problems: vec![d],
            }),
        }) {
            Ok(p) => packs.push(p),
            Err(e) => errors.push(e),
        }
    }
    (packs, errors)
}
