//! The command line: parse arguments, load packs and config, lint files in
//! parallel, stream reports. It writes only to the writers it is handed, so
//! it is tested without a process; `main` maps its result to the exit code.

use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::profile::diag::Diagnostic;
use crate::profile::yaml::Pos;
use crate::report::concise;
use crate::report::{Context, DEFAULT_WIDTH, Format, Problem, ProfileReport, Reporter, Summary};
use crate::rules::config::{self, Config, FailOn};
use crate::rules::engine::{LangChoice, RuleSet, Selection};
use crate::rules::pack::{self, Pack, PackError, Severity};
use crate::rules::select;
use clap::FromArgMatches;
use colored::Colorize;
use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use walk::Input;

mod args;
mod commands;
mod fix;
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

/// Exit codes (docs/cli.md).
pub const OK: i32 = 0;
/// Exit code: some profile has findings at or above `--fail-on`.
pub const FINDINGS: i32 = 1;
/// Exit code: a file or the command line could not be used.
pub const TROUBLE: i32 = 2;

/// Run the command line; returns the exit code.
pub fn run(args: Vec<OsString>, env: Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let locale = env.locale_lang();
    let args = help::help_subcommand(args);
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
    let color_err = cli.common.color == ColorArg::Always;
    let mut app = App {
        env,
        stderr,
        locale,
        trouble: false,
        problems: Vec::new(),
        color_err,
        silent: false,
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
    /// Pack and config problems of the run: on stderr, and in every report
    /// (docs/cli.md), so a dashboard never shows green while rules did not run.
    problems: Vec<Problem>,
    /// `--color always`: diagnostics on stderr are coloured too.
    color_err: bool,
    /// Reading a config only for the run's language: no warning yet.
    silent: bool,
}

/// One config in force and what it makes of the rules: every profile under
/// its folder uses it (docs/cli.md, as ruff finds its config).
struct Scope {
    config: Config,
    /// The config's folder, absolute and without `.`/`..` (for `exclude`).
    base: Option<PathBuf>,
    /// The rules it puts in force, built once the walk has found who uses it.
    rules: Option<RuleSet>,
}

/// Which config applies where. Scope 0 is "no config".
struct Scopes {
    list: Vec<Scope>,
    /// Config file (as shown) -> scope.
    by_config: HashMap<PathBuf, usize>,
    /// Folder (absolute) -> scope of the nearest config, memoised so a deep
    /// tree is searched once per folder, not once per file and level.
    by_dir: HashMap<PathBuf, usize>,
    /// `--config FILE` or `--no-config`: one scope for every profile.
    forced: Option<usize>,
}

/// Folder of `path`, absolute and lexically normalised against `cwd`.
fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

impl App<'_> {
    fn lang(&self, cli: &Common, config: &Config) -> Lang {
        cli.lang.map(lang_of).or(config.lang).unwrap_or(self.locale)
    }

    fn paint_keyword(&self, word: &str) -> String {
        if !self.color_err {
            return word.to_owned();
        }
        match word {
            "error" => word.red().bold().to_string(),
            _ => word.yellow().bold().to_string(),
        }
    }

    /// `FILE:LINE:COL: error: MESSAGE` on stderr, the keyword coloured under
    /// `--color always`. File and message are made printable on one line.
    fn diag_line(&mut self, file: &str, line: u32, col: u32, word: &str, message: &str) {
        let keyword = self.paint_keyword(word);
        let _ = writeln!(
            self.stderr,
            "{}:{line}:{col}: {keyword}: {}",
            concise::one_line(file),
            concise::one_line(message)
        );
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

    /// `profilecheck: error: MESSAGE` (a usage error: exit 2).
    fn usage_error(&mut self, message: String) {
        self.error_line(error(message));
    }

    /// A pack or config problem, kept for the reports (printed later).
    fn problem(&mut self, file: &str, line: u32, column: u32, message: String) {
        self.trouble = true;
        let p = Problem {
            file: file.to_owned(),
            line,
            column,
            message,
        };
        if !self.problems.contains(&p) {
            self.problems.push(p);
        }
    }

    fn pack_error(&mut self, e: PackError, lang: Lang) {
        for d in &e.problems {
            self.problem(&e.source, d.pos.line, d.pos.col, d.msg.text(lang));
        }
    }

    /// Print the problems kept so far on stderr (commands without reports).
    fn flush_problems(&mut self) {
        for p in std::mem::take(&mut self.problems) {
            self.diag_line(&p.file, p.line, p.column, "error", &p.message);
        }
    }

    fn main(&mut self, cli: Cli, stdout: &mut dyn Write) -> io::Result<i32> {
        // For the subcommands and the run's language: the config of the
        // current directory (each profile gets its own below).
        // The lint reads it again for its profiles: say its warnings once.
        self.silent = cli.command.is_none();
        let config = self.cwd_config(&cli.common);
        self.silent = false;
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
                    return self.verify(&packs, &format, lang, stdout);
                }
                let sel = Selection {
                    settings: config.severity.clone(),
                    ..Selection::default()
                };
                let rules = if packs.is_empty() {
                    self.load_rules(&cli.common, &config, &sel, lang)
                } else {
                    let (loaded, errors) = self.named_packs(&packs, lang);
                    for e in errors {
                        self.pack_error(e, lang);
                    }
                    let (rules, clashes) = RuleSet::lenient(loaded, &sel);
                    for e in clashes {
                        self.pack_error(e, lang);
                    }
                    rules
                };
                self.flush_problems();
                if self.trouble && rules.rules.is_empty() && rules.off.is_empty() {
                    return Ok(TROUBLE);
                }
                let defaults = self.default_severities(&cli.common, &config, lang);
                let shown = config.path.as_ref().map(|p| p.display().to_string());
                commands::list_rules(&rules, &defaults, shown.as_deref(), &format, lang, stdout)?;
                Ok(if self.trouble { TROUBLE } else { OK })
            }
            Some(Command::Explain { rule }) => {
                let sel = Selection {
                    settings: config.severity.clone(),
                    ..Selection::default()
                };
                let rules = self.load_rules(&cli.common, &config, &sel, lang);
                self.flush_problems();
                if rules.get(&rule).is_none() && !rules.off.iter().any(|r| r.id == rule) {
                    self.error_line(error(unknown_rule(&rules, &rule, lang)));
                    return Ok(TROUBLE);
                }
                let defaults = self.default_severities(&cli.common, &config, lang);
                let shown = config.path.as_ref().map(|p| p.display().to_string());
                commands::explain(&rules, &defaults, shown.as_deref(), &rule, lang, color, stdout)?;
                Ok(if self.trouble { TROUBLE } else { OK })
            }
            Some(Command::Init {
                output,
                interactive,
                force,
                from,
            }) => {
                self.flush_problems();
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
            Some(Command::Import(args)) => {
                self.flush_problems();
                import::run(args, lang, stdout, self.stderr)
            }
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
                self.flush_problems();
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
            None => {
                // The lint reads every profile's own config; the one read
                // above only chose the language of the messages so far.
                self.problems.clear();
                self.trouble = false;
                self.lint(cli.lint, &cli.common, lang, color, stdout)
            }
        }
    }

    /// Each rule's severity before the config changed it, for `explain` and
    /// `rules` ("warning, error by default").
    fn default_severities(&mut self, common: &Common, config: &Config, lang: Lang) -> HashMap<String, Severity> {
        let saved = (self.trouble, self.problems.len());
        let rules = self.load_rules(common, config, &Selection::default(), lang);
        // The problems were reported by the first load.
        self.trouble = saved.0;
        self.problems.truncate(saved.1);
        rules.rules.iter().map(|r| (r.id.clone(), r.severity)).collect()
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
            self.error_line(crate::i18n::one_line(&line).into_owned());
        }
        None
    }

    /// The config of the current directory (or `--config`), for the
    /// subcommands and for stdin.
    fn cwd_config(&mut self, common: &Common) -> Config {
        if common.no_config {
            return Config::default();
        }
        match &common.config {
            Some(p) => self.read_config(p, false),
            None => match config::discover(&self.env.cwd) {
                // Shown relative to where the user stands (`../.profilecheck.yaml`).
                Some(p) => {
                    let shown = relative_to(&p, &self.env.cwd);
                    self.read_config(&shown, true)
                }
                None => Config::default(),
            },
        }
    }

    /// Read and check one config file; its problems are kept, and a config
    /// that cannot be used counts as none (its profiles are still linted).
    /// A config that was found rather than named is ignored with a warning
    /// when someone else owns it (docs/cli.md, as git does).
    fn read_config(&mut self, path: &Path, discovered: bool) -> Config {
        let shown = path.display().to_string();
        let lang = self.locale;
        if discovered && let Some(owner) = foreign_owner(path) {
            if !self.silent {
                let msg = t!(lang, "config-foreign-owner", uid = owner as u64);
                self.diag_line(&shown, 1, 1, "warning", &msg);
            }
            return Config::default();
        }
        let names: Vec<&str> = pack::BUILTIN.iter().map(|(n, _)| *n).collect();
        match read_limited(path) {
            Err(e) => {
                self.problem(&shown, 1, 1, e.text(lang));
                Config::default()
            }
            Ok(bytes) => match config::parse(path, &bytes, &names) {
                Ok(c) => c,
                Err(problems) => {
                    for d in problems {
                        self.problem(&shown, d.pos.line, d.pos.col, d.msg.text(lang));
                    }
                    Config::default()
                }
            },
        }
    }

    /// Built-in packs (as the config selects), config packs, then --rules.
    /// Config `severity` keys that name no rule are problems located at the
    /// config's line.
    fn load_rules(&mut self, common: &Common, config: &Config, sel: &Selection, lang: Lang) -> RuleSet {
        self.load_rules_with(common, config, sel, lang, &mut HashSet::new())
    }

    fn load_rules_with(
        &mut self,
        common: &Common,
        config: &Config,
        sel: &Selection,
        lang: Lang,
        pack_ids: &mut HashSet<(u64, u64)>,
    ) -> RuleSet {
        let mut packs: Vec<Pack> = pack::builtin()
            .into_iter()
            .filter(|p| config.packs.as_ref().is_none_or(|names| names.contains(&p.name)))
            .collect();
        let shown = config.path.as_ref().map(|p| p.display().to_string());
        let mut inputs = Vec::new();
        for (i, path) in config.rules.iter().enumerate() {
            // A `rules` entry that names nothing is the config's mistake,
            // located at its line.
            if let Err(e) = std::fs::metadata(path) {
                let pos = config.rules_pos.get(i).copied().unwrap_or(Pos::START);
                let msg = t!(
                    lang,
                    "config-rules-entry-unusable",
                    path = crate::profile::diag::excerpt(&path.display().to_string()),
                    reason = crate::cli::walk::io_message(&e).text(lang)
                );
                self.problem(shown.as_deref().unwrap_or("-"), pos.line, pos.col, msg);
                continue;
            }
            let mut found = Vec::new();
            crate::cli::walk::expand_packs(path, &mut found);
            // A folder too big to be one of packs (`rules: [/]`) is the
            // config's mistake too.
            if let Some(Input::Broken(_, m)) = found.iter().find(|i| matches!(i, Input::Broken(p, _) if p == path)) {
                let pos = config.rules_pos.get(i).copied().unwrap_or(Pos::START);
                let msg = t!(
                    lang,
                    "config-rules-entry-unusable",
                    path = crate::profile::diag::excerpt(&path.display().to_string()),
                    reason = m.text(lang)
                );
                self.problem(shown.as_deref().unwrap_or("-"), pos.line, pos.col, msg);
                continue;
            }
            inputs.extend(found);
        }
        for p in &common.rules {
            crate::cli::walk::expand_packs(p, &mut inputs);
        }
        let (extra, errors) = load_packs(inputs, pack_ids);
        packs.extend(extra);
        for e in errors {
            self.pack_error(e, lang);
        }
        // Keep going with what does not clash, so valid profiles are still linted.
        let (rules, clashes) = RuleSet::lenient(packs, sel);
        for e in clashes {
            self.pack_error(e, lang);
        }
        let every: Vec<&pack::Rule> = rules.rules.iter().chain(&rules.off).collect();
        let mut configured: Vec<&String> = config.severity.keys().collect();
        configured.sort();
        let mut unknown = Vec::new();
        for key in configured {
            for (text, hint) in select::unmatched([key.as_str()], &every) {
                let pos = config.severity_pos.get(key).copied().unwrap_or(Pos::START);
                unknown.push((pos, text, hint));
            }
        }
        for (pos, text, hint) in unknown {
            let msg = t!(
                lang,
                "select-matches-nothing",
                value = crate::profile::diag::excerpt(&text),
                hint = hint_text(hint.as_deref(), lang)
            );
            self.problem(shown.as_deref().unwrap_or("-"), pos.line, pos.col, msg);
        }
        rules
    }

    /// `rules PACK…` and `rules --verify PACK…`: each a built-in pack's name,
    /// a pack file or a folder of packs.
    fn named_packs(&mut self, names: &[PathBuf], lang: Lang) -> (Vec<Pack>, Vec<PackError>) {
        let mut loaded = Vec::new();
        let mut paths = Vec::new();
        let builtin = pack::builtin();
        for n in names {
            match builtin.iter().find(|p| n.as_os_str() == p.name.as_str()) {
                // A file of that name in the current folder wins.
                Some(p) if !n.exists() => loaded.push(p.clone()),
                _ => {
                    if std::fs::metadata(n).is_err() {
                        let known: Vec<&str> = builtin.iter().map(|p| p.name.as_str()).collect();
                        let shown = n.display().to_string();
                        let hint = crate::profile::schema::did_you_mean(&shown, known.iter().copied());
                        let msg = t!(
                            lang,
                            "cli-no-such-pack",
                            packs = known.join(", "),
                            hint = hint_text(hint, lang)
                        );
                        self.problem(&shown, 1, 1, msg);
                        continue;
                    }
                    paths.push(n.clone());
                }
            }
        }
        let mut inputs = Vec::new();
        for p in &paths {
            crate::cli::walk::expand_packs(p, &mut inputs);
        }
        let (extra, errors) = load_packs(inputs, &mut HashSet::new());
        loaded.extend(extra);
        (loaded, errors)
    }

    fn verify(&mut self, packs: &[PathBuf], format: &str, lang: Lang, stdout: &mut dyn Write) -> io::Result<i32> {
        let (mut loaded, errors) = self.named_packs(packs, lang);
        if packs.is_empty() {
            loaded = pack::builtin();
        }
        for e in errors {
            self.pack_error(e, lang);
        }
        self.flush_problems();
        // With a pack that failed to load, there is nothing meaningful to count.
        if loaded.is_empty() && self.trouble {
            return Ok(TROUBLE);
        }
        let failures = commands::verify(&loaded, format == "json", lang, stdout)?;
        Ok(if self.trouble {
            TROUBLE
        } else if failures > 0 {
            FINDINGS
        } else {
            OK
        })
    }

    /// The scope of a file or folder met in the walk: that of the nearest
    /// config in its folder or a parent.
    fn scope_of(&mut self, scopes: &mut Scopes, common: &Common, path: &Path) -> usize {
        if let Some(i) = scopes.forced {
            return i;
        }
        let abs = absolute(&self.env.cwd, path);
        let dir = abs.parent().map(Path::to_owned).unwrap_or(abs);
        self.scope_of_dir(scopes, common, &dir)
    }

    fn scope_of_dir(&mut self, scopes: &mut Scopes, common: &Common, dir: &Path) -> usize {
        // Climb until a folder already known or one with a config, then
        // remember the answer for every folder on the way.
        let mut climbed = Vec::new();
        let mut cur = Some(dir);
        let mut found = 0;
        while let Some(d) = cur {
            if let Some(&i) = scopes.by_dir.get(d) {
                found = i;
                break;
            }
            climbed.push(d.to_owned());
            let candidate = d.join(config::FILE_NAME);
            if candidate.is_file() {
                let shown = relative_to(&candidate, &self.env.cwd);
                found = match scopes.by_config.get(&shown) {
                    Some(&i) => i,
                    None => {
                        let cfg = self.read_config(&shown, true);
                        let i = scopes.list.len();
                        scopes.list.push(Scope {
                            config: cfg,
                            base: Some(d.to_owned()),
                            rules: None,
                        });
                        scopes.by_config.insert(shown, i);
                        i
                    }
                };
                break;
            }
            cur = d.parent();
        }
        let _ = common;
        for d in climbed {
            scopes.by_dir.insert(d, found);
        }
        found
    }

    fn lint(
        &mut self,
        args: LintArgs,
        common: &Common,
        lang: Lang,
        color: bool,
        stdout: &mut dyn Write,
    ) -> io::Result<i32> {
        if args.paths.is_empty() {
            self.usage_error(t!(lang, "cli-no-profile-given"));
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
                    self.usage_error(t!(
                        lang,
                        "cli-bad-report-spec",
                        formats = Format::NAMES.join(", "),
                        spec = concise::one_line(spec)
                    ));
                    return Ok(TROUBLE);
                }
            }
        }
        // Two reports into one file would leave only the last one. Files are
        // compared by identity, not spelling (`r.json`, `./r.json`, a symlink).
        let cwd = self.env.cwd.clone();
        let main_target = args.output.as_deref().unwrap_or(Path::new("-"));
        let mut targets: Vec<(&Path, output::Identity)> = Vec::new();
        if args.output_dir.is_none() {
            targets.push((main_target, output::identity(main_target, &cwd)));
        }
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
        // The report files, by identity; a report may not replace a profile,
        // the config or a rule pack of the run (checked once they are known).
        let target_names: Vec<(PathBuf, output::Identity)> = targets
            .into_iter()
            .filter(|(_, id)| *id != output::Identity::Stdout)
            .map(|(p, id)| (p.to_owned(), id))
            .collect();
        let targets: Vec<output::Identity> = target_names.iter().map(|(_, id)| id.clone()).collect();
        let mut excludes = globset::GlobSetBuilder::new();
        for g in &args.exclude {
            match config::exclude_glob(g) {
                Ok(globs) => {
                    for g in globs {
                        excludes.add(g);
                    }
                }
                Err(e) => {
                    self.usage_error(t!(
                        lang,
                        "cli-bad-exclude",
                        glob = concise::one_line(g),
                        reason = e.to_string()
                    ));
                    return Ok(TROUBLE);
                }
            }
        }
        let cli_excludes = excludes.build().unwrap_or_else(|_| globset::GlobSet::empty());

        // Which config each profile uses: scope 0 is "none".
        let mut scopes = Scopes {
            list: vec![Scope {
                config: Config::default(),
                base: None,
                rules: None,
            }],
            by_config: HashMap::new(),
            by_dir: HashMap::new(),
            forced: None,
        };
        if common.no_config {
            scopes.forced = Some(0);
        } else if let Some(path) = &common.config {
            let cfg = self.read_config(path, false);
            let base = absolute(&self.env.cwd, path).parent().map(Path::to_owned);
            scopes.list.push(Scope {
                config: cfg,
                base,
                rules: None,
            });
            scopes.forced = Some(1);
        }
        let inputs = self.collect_inputs(&args.paths, args.follow, &cli_excludes, &mut scopes, common);
        let mut inputs: Vec<(Input, usize)> = inputs
            .into_iter()
            .map(|i| {
                let scope = match &i {
                    Input::Stdin => match scopes.forced {
                        Some(f) => f,
                        None => {
                            let cwd = self.env.cwd.clone();
                            self.scope_of_dir(&mut scopes, common, &cwd)
                        }
                    },
                    Input::File(p) | Input::Broken(p, _) => self.scope_of(&mut scopes, common, p),
                };
                (i, scope)
            })
            .collect();
        // The rules of each config in use, and the files they load as packs.
        let mut pack_ids: HashSet<(u64, u64)> = HashSet::new();
        let cli_select: Option<Vec<String>> = args.select.as_ref().map(|ids| {
            ids.iter()
                .map(|id| id.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        });
        let cli_ignore: Vec<String> = args.ignore.iter().map(|id| id.trim().to_owned()).collect();
        let used: HashSet<usize> = inputs.iter().map(|(_, s)| *s).collect();
        let mut used: Vec<usize> = used.into_iter().collect();
        used.sort_unstable();
        if used.is_empty() {
            used.push(scopes.forced.unwrap_or(0));
        }
        for &i in &used {
            let config = scopes.list[i].config.clone();
            let sel = Selection {
                select: cli_select.clone(),
                ignore: cli_ignore.clone(),
                settings: config.severity.clone(),
            };
            let rules = self.load_rules_with(common, &config, &sel, lang, &mut pack_ids);
            scopes.list[i].rules = Some(rules);
        }
        // A file that a config in force names as a rule pack is not a profile.
        if !pack_ids.is_empty() {
            use std::os::unix::fs::MetadataExt;
            inputs.retain(|(i, _)| match i {
                Input::File(f) => std::fs::metadata(f).map_or(true, |m| !pack_ids.contains(&(m.dev(), m.ino()))),
                _ => true,
            });
        }
        // Nor may a report replace a config or a rule pack in force.
        for (target, id) in &target_names {
            let is_config = used
                .iter()
                .filter_map(|&i| scopes.list[i].config.path.as_ref())
                .any(|c| output::identity(c, &cwd) == *id);
            let is_pack = matches!(id, output::Identity::Inode(d, i) if pack_ids.contains(&(*d, *i)));
            if is_config || is_pack {
                let file = target.display().to_string();
                self.error_line(if is_config {
                    t!(lang, "output-is-config", file = file)
                } else {
                    t!(lang, "output-is-pack", file = file)
                });
                return Ok(TROUBLE);
            }
        }
        // A misspelt --select would silently turn every rule off and let CI
        // pass, a misspelt --ignore leave on what was meant off: both are
        // usage errors.
        {
            let every: Vec<&pack::Rule> = used
                .iter()
                .filter_map(|&i| scopes.list[i].rules.as_ref())
                .flat_map(|r| r.rules.iter().chain(&r.off))
                .collect();
            let named = cli_select.iter().flatten().map(|s| ("--select", s));
            let named = named.chain(cli_ignore.iter().map(|s| ("--ignore", s)));
            let mut bad = false;
            for (option, value) in named {
                for (text, hint) in select::unmatched([value.as_str()], &every) {
                    bad = true;
                    self.usage_error(t!(
                        lang,
                        "cli-select-matches-nothing",
                        option = option,
                        value = crate::profile::diag::excerpt(&text),
                        hint = hint_text(hint.as_deref(), lang)
                    ));
                }
            }
            if bad {
                self.flush_problems();
                return Ok(TROUBLE);
            }
        }
        if args.verbose {
            let none = t!(lang, "cli-verbose-no-config");
            for (input, s) in &inputs {
                let used = match &scopes.list[*s].config.path {
                    Some(p) => p.display().to_string(),
                    None => none.clone(),
                };
                let line = t!(
                    lang,
                    "cli-verbose-config",
                    file = concise::one_line(&walk::display_name(input)),
                    config = concise::one_line(&used)
                );
                let _ = writeln!(self.stderr, "profilecheck: {line}");
            }
        }
        let mut fail_on = Vec::new();
        let mut choices = Vec::new();
        for scope in &scopes.list {
            fail_on.push(
                args.fail_on
                    .map(FailOnArg::to_fail_on)
                    .or(scope.config.fail_on)
                    .unwrap_or(FailOn::Severity(Severity::Error)),
            );
            choices.push(LangChoice {
                forced: common.lang.map(lang_of),
                fallback: scope.config.lang.unwrap_or(self.locale),
            });
        }
        let empty = RuleSet::lenient(Vec::new(), &Selection::default()).0;
        let lint_scopes: Vec<(&RuleSet, LangChoice)> = scopes
            .list
            .iter()
            .zip(&choices)
            .map(|(s, c)| (s.rules.as_ref().unwrap_or(&empty), *c))
            .collect();
        // Reporters describe every rule any profile was checked against.
        let union = merge(used.iter().filter_map(|&i| scopes.list[i].rules.as_ref()));
        let format = Format::parse(&args.format).unwrap_or(Format::Text);
        // On a terminal, the text report already shows the problems and the
        // unreadable profiles: stderr does not repeat them.
        let report_on_terminal = self.env.stdout_is_terminal
            && matches!(format, Format::Text | Format::Concise)
            && output::is_stdout(main_target)
            && args.output_dir.is_none();
        let problems = std::mem::take(&mut self.problems);
        if !report_on_terminal {
            for p in &problems {
                self.diag_line(&p.file, p.line, p.column, "error", &p.message);
            }
        }
        let width = self.width();
        let main_ctx = Context {
            rules: &union,
            lang,
            color: color && output::is_stdout(main_target),
            quiet: args.quiet,
            problems: &problems,
            width,
        };
        let file_ctx = Context {
            color: false,
            width: DEFAULT_WIDTH,
            ..main_ctx
        };
        let inputs_only: Vec<&Input> = inputs.iter().map(|(i, _)| i).collect();
        // A report written over a profile of the run would destroy it. Files
        // are compared by identity (device and inode), and only when there are
        // report files at all: a stat per input costs little, a realpath more.
        let clash = if targets.is_empty() {
            None
        } else {
            inputs_only.iter().find_map(|i| match i {
                Input::File(f) if targets.contains(&output::identity(f, &cwd)) => Some(f.clone()),
                _ => None,
            })
        };
        if let Some(clash) = clash {
            self.usage_error(t!(lang, "cli-report-over-profile", path = clash.display()));
            return Ok(TROUBLE);
        }
        // A path that yields no profile at all is almost always a mistake
        // (a misspelt folder in CI would otherwise pass with 0 profiles).
        if inputs.is_empty() {
            self.usage_error(t!(lang, "cli-no-profile-found"));
            return Ok(TROUBLE);
        }
        let total_rules = union.rules.len();
        if total_rules == 0 {
            let keyword = self.paint_keyword("warning");
            // The keyword stays English, as in every message (problem matchers).
            self.note_line(&format!("profilecheck: {keyword}: {}", t!(lang, "cli-no-rule-loaded")));
        }
        let mut dir_out = match &args.output_dir {
            Some(dir) => match DirOutput::new(dir, format) {
                Ok(d) => Some(d),
                Err(e) => {
                    self.usage_error(t!(
                        lang,
                        "cli-output-dir-unusable",
                        dir = dir.display().to_string(),
                        reason = e.to_string()
                    ));
                    return Ok(TROUBLE);
                }
            },
            None => None,
        };
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
        // With --output-dir the files are the reports: no main report.
        if dir_out.is_none() {
            let main_sink = sink(main_target)?;
            outputs.push((format.reporter(main_ctx), main_sink));
        }
        for (f, path) in &extra_reports {
            let ctx = if output::is_stdout(path) {
                Context { color, ..main_ctx }
            } else {
                file_ctx
            };
            outputs.push((f.reporter(ctx), sink(path)?));
        }
        let main_on_stdout = dir_out.is_none() && output::is_stdout(main_target);
        let mut free_stdout = stdout_slot;
        let mut summary = Summary {
            config_errors: problems.len(),
            ..Summary::default()
        };
        let mut stats = Statistics::default();
        let mut failing = false;
        for (r, sink) in &mut outputs {
            r.begin(sink.writer())?;
        }
        let stdin = std::mem::replace(&mut self.env.stdin, Box::new(io::empty()));
        let mut result: io::Result<()> = Ok(());
        let stderr = &mut *self.stderr;
        let color_err = self.color_err;
        let mut trouble = false;
        crate::cli::walk::lint_all(&lint_scopes, inputs, stdin, |p: ProfileReport, scope: usize| {
            if result.is_err() {
                return;
            }
            // `FILE:LINE:COL: error: MESSAGE` is a contract (problem matchers,
            // grep): the keyword stays English, the message is in the user's
            // language. On a terminal the text report shows them already.
            if !report_on_terminal {
                let lines = p.errors.iter().map(|e| (e, "error"));
                for (e, word) in lines.chain(p.warnings.iter().map(|e| (e, "warning"))) {
                    let keyword = match (color_err, word) {
                        (false, w) => w.to_owned(),
                        (true, "error") => word.red().bold().to_string(),
                        (true, _) => word.yellow().bold().to_string(),
                    };
                    let (file, message) = (concise::one_line(&p.file), concise::one_line(&e.message));
                    let _ = writeln!(stderr, "{file}:{}:{}: {keyword}: {message}", e.line, e.column);
                }
            }
            trouble |= p.is_invalid();
            if let FailOn::Severity(min) = fail_on[scope]
                && p.findings.iter().any(|f| f.severity >= min)
            {
                failing = true;
            }
            if let (Some(min), Some(score)) = (args.fail_under, p.score)
                && score < min
            {
                failing = true;
            }
            summary.add(&p);
            stats.add(&p);
            if let Some(d) = dir_out.as_mut()
                && let Err(e) = d.write(&p, &file_ctx)
            {
                result = Err(e);
                return;
            }
            for (r, sink) in &mut outputs {
                if let Err(e) = r.profile(&p, sink.writer()) {
                    result = Err(e);
                    return;
                }
            }
        });
        result?;
        if args.statistics {
            summary.statistics = Some(stats.stat_rows());
        }
        // Statistics that the report carries itself are not printed again.
        let carried = |f: Format| matches!(f, Format::Json | Format::Html | Format::Markdown);
        let mut outputs = outputs.into_iter();
        if let Some(d) = dir_out.take() {
            let written = d.finish(&summary, &main_ctx)?;
            self.note_line(&format!(
                "profilecheck: {}",
                t!(
                    lang,
                    "cli-output-dir-written",
                    n = written,
                    dir = args
                        .output_dir
                        .as_deref()
                        .unwrap_or(Path::new("."))
                        .display()
                        .to_string()
                )
            ));
            if args.statistics && !carried(format) {
                stats.write(
                    &union,
                    lang,
                    free_stdout.as_mut().map_or(&mut *self.stderr, |o| &mut **o),
                )?;
            }
        } else {
            let (mut main_reporter, mut main_sink) = outputs.next().expect("the main report is always there");
            main_reporter.end(&summary, main_sink.writer())?;
            if args.statistics {
                match free_stdout.as_mut() {
                    Some(out) if !carried(format) => stats.write(&union, lang, *out)?,
                    Some(_) => {}
                    None if format == Format::Text && main_on_stdout => {
                        stats.write(&union, lang, main_sink.writer())?
                    }
                    None if carried(format) => {}
                    None => stats.write(&union, lang, &mut *self.stderr)?,
                }
            }
            main_sink.finish()?;
        }
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
        if trouble || self.trouble || !problems.is_empty() {
            return Ok(TROUBLE);
        }
        Ok(if failing { FINDINGS } else { OK })
    }

    /// The text report's width: `COLUMNS`, else the terminal's, else 100;
    /// never under 60 (docs/formats.md, issue 9).
    fn width(&self) -> usize {
        let from_env = self.env.var("COLUMNS").and_then(|c| c.trim().parse::<usize>().ok());
        let from_terminal = || {
            self.env
                .stdout_is_terminal
                .then(|| terminal_size::terminal_size().map(|(w, _)| w.0 as usize))
                .flatten()
        };
        from_env
            .filter(|w| *w > 0)
            .or_else(from_terminal)
            .unwrap_or(DEFAULT_WIDTH)
            .max(crate::report::text::MIN_WIDTH)
    }

    /// Expand folders; a path that cannot be used becomes an invalid report.
    fn collect_inputs(
        &mut self,
        paths: &[PathBuf],
        follow: bool,
        cli_excludes: &globset::GlobSet,
        scopes: &mut Scopes,
        common: &Common,
    ) -> Vec<Input> {
        let mut out = Vec::new();
        for p in paths {
            if p.as_os_str() == "-" {
                out.push(Input::Stdin);
                continue;
            }
            let root = p.clone();
            let cwd = self.env.cwd.clone();
            // Excludes apply below the paths given: `--exclude` relative to
            // the path walked, a config's `exclude` to the config's folder.
            let mut skip = |path: &Path, _is_dir: bool| -> bool {
                if path.strip_prefix(&root).is_ok_and(|rel| cli_excludes.is_match(rel)) {
                    return true;
                }
                let s = self.scope_of(scopes, common, path);
                let scope = &scopes.list[s];
                match &scope.base {
                    Some(base) => scope.config.excludes(base, &absolute(&cwd, path)),
                    None => false,
                }
            };
            walk::Walk {
                follow,
                skip: &mut skip,
                limit: None,
            }
            .expand(p, &mut out);
        }
        // A file named twice (`a.yaml clients/` with a.yaml inside, or a
        // link and its target) is linted once, where it first appears, so
        // the summary counts files. Files are told apart by identity.
        if paths.len() < 2 && !follow {
            return out;
        }
        use std::os::unix::fs::MetadataExt;
        let mut seen = HashSet::new();
        let mut stdin_seen = false;
        out.retain(|input| match input {
            Input::File(f) => match std::fs::metadata(f) {
                Ok(m) => seen.insert((m.dev(), m.ino())),
                Err(_) => true,
            },
            Input::Stdin => !std::mem::replace(&mut stdin_seen, true),
            Input::Broken(..) => true,
        });
        out
    }
}

/// The uid that owns `path` when it is neither the current user nor root
/// (a config planted by someone else in a shared folder).
fn foreign_owner(path: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    let owner = std::fs::metadata(path).ok()?.uid();
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    (owner != me && owner != 0).then_some(owner)
}

/// "; did you mean `x`?" in `lang`, or nothing.
fn hint_text(hint: Option<&str>, lang: Lang) -> String {
    match hint {
        Some(h) => t!(lang, "cli-did-you-mean", name = crate::profile::diag::excerpt(h)),
        None => String::new(),
    }
}

/// One rule set that knows every rule of several (the reporters describe
/// each rule a profile was checked against, whichever config it used).
fn merge<'r>(sets: impl Iterator<Item = &'r RuleSet>) -> RuleSet {
    let mut sets = sets.peekable();
    let Some(first) = sets.next() else {
        return RuleSet::lenient(pack::builtin(), &Selection::default()).0;
    };
    let mut out = first.clone();
    for s in sets {
        for r in &s.rules {
            if out.get(&r.id).is_none() {
                out.rules.push(r.clone());
            }
        }
        for r in &s.off {
            if !out.off.iter().any(|o| o.id == r.id) {
                out.off.push(r.clone());
            }
        }
        for id in &s.known {
            if !out.known.contains(id) {
                out.known.push(id.clone());
            }
        }
        for (n, t) in &s.steps {
            out.steps.entry(*n).or_insert_with(|| t.clone());
        }
        for p in &s.packs {
            if !out.packs.iter().any(|o| o.name == p.name) {
                out.packs.push(p.clone());
            }
        }
    }
    out
}

/// `--output-dir DIR`: one report per profile, `DIR/STEM.EXT`, stems made
/// unique in input order (`-2`, `-3`…), and for html and markdown the cohort
/// summary as `index.html` / `index.md`. Each file is written atomically.
struct DirOutput {
    dir: PathBuf,
    format: Format,
    taken: HashSet<String>,
    /// For the index: each profile's report and the file it went to.
    written: Vec<(ProfileReport, String)>,
}

impl DirOutput {
    fn new(dir: &Path, format: Format) -> io::Result<DirOutput> {
        std::fs::create_dir_all(dir)?;
        if !std::fs::metadata(dir)?.is_dir() {
            return Err(io::Error::new(io::ErrorKind::NotADirectory, "not a directory"));
        }
        let mut taken = HashSet::new();
        if matches!(format, Format::Html | Format::Markdown) {
            taken.insert("index".to_owned());
        }
        Ok(DirOutput {
            dir: dir.to_owned(),
            format,
            taken,
            written: Vec::new(),
        })
    }

    /// A file stem for `file`: its own, made safe for a file name and unique
    /// (case-insensitively, for the disks that are).
    fn stem(&mut self, file: &str) -> String {
        let base = crate::rules::engine::default_name(file);
        let mut clean: String = base
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if clean.is_empty() || clean.starts_with('.') {
            clean.insert(0, '_');
        }
        let mut stem = clean.clone();
        let mut n = 1;
        while !self.taken.insert(stem.to_lowercase()) {
            n += 1;
            stem = format!("{clean}-{n}");
        }
        stem
    }

    fn write(&mut self, p: &ProfileReport, ctx: &Context<'_>) -> io::Result<()> {
        let stem = self.stem(&p.file);
        let name = format!("{stem}.{}", self.format.extension());
        let mut summary = Summary {
            config_errors: ctx.problems.len(),
            ..Summary::default()
        };
        summary.add(p);
        let body = crate::report::render_one(self.format, *ctx, p, &summary)?;
        write_atomic(&self.dir.join(&name), &body)?;
        if matches!(self.format, Format::Html | Format::Markdown) {
            self.written.push((p.clone(), name));
        }
        Ok(())
    }

    /// Write the index; returns how many files were written in all.
    fn finish(self, summary: &Summary, ctx: &Context<'_>) -> io::Result<usize> {
        let n = self.taken.len() - usize::from(matches!(self.format, Format::Html | Format::Markdown));
        let index = match self.format {
            Format::Html => Some(("index.html", crate::report::html::index(ctx, &self.written, summary))),
            Format::Markdown => Some(("index.md", crate::report::markdown::index(ctx, &self.written, summary))),
            _ => None,
        };
        match index {
            Some((name, body)) => {
                write_atomic(&self.dir.join(name), body.as_bytes())?;
                Ok(n + 1)
            }
            None => Ok(n),
        }
    }
}

/// Write `body` to `dest` through a temporary file of a random name created
/// in the same folder (O_EXCL), renamed over `dest` once complete.
fn write_atomic(dest: &Path, body: &[u8]) -> io::Result<()> {
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", dest.display()));
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(named)?;
    tmp.write_all(body).map_err(named)?;
    tmp.as_file().sync_all().map_err(named)?;
    tmp.persist(dest).map_err(|e| named(e.error))?;
    Ok(())
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

/// Load the pack files that `--rules` paths were expanded into (by
/// [`walk::expand_packs`]). Each file that cannot be read or loaded is an
/// error of its own, located at that file, and the others still load.
///
/// The identity (device, inode) of each pack file goes into `ids`: those
/// files are never linted as profiles.
fn load_packs(inputs: Vec<Input>, ids: &mut HashSet<(u64, u64)>) -> (Vec<Pack>, Vec<PackError>) {
    use std::os::unix::fs::MetadataExt;
    for i in &inputs {
        if let Input::File(f) = i
            && let Ok(m) = std::fs::metadata(f)
        {
            ids.insert((m.dev(), m.ino()));
        }
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
