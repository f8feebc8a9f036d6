//! The command line: parse arguments, load packs and config, lint files in
//! parallel, stream reports. It writes only to the writers it is handed, so
//! it is tested without a process; `main` maps its result to the exit code.

use crate::config::{self, Config, FailOn};
use crate::diag::Diagnostic;
use crate::engine::{LangChoice, RuleSet, Selection};
use crate::i18n::Lang;
use crate::pack::{self, Pack, PackError, Severity};
use crate::report::{Context, Format, ProfileReport, Reporter, Summary};
use crate::yaml::Pos;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "profilecheck",
    version,
    about = "Lint a Facebook profile description (YAML) against a personal-branding guide",
    long_about = "Lint a Facebook profile description (YAML) against a personal-branding guide.\n\n\
        Says which steps are missing, why they matter and where to click in Facebook to fix them.",
    after_help = "Examples:\n  profilecheck profile.yaml\n  profilecheck clients/ --format sarif -o results.sarif\n  profilecheck explain bio-length --lang fr\n  profilecheck init -o profile.yaml"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub lint: LintArgs,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct Common {
    /// Report language (default: the profile's or config's `lang`, else from LANG/LC_ALL)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Add a rule pack file, or every *.yaml pack in a folder (repeatable)
    #[arg(long = "rules", value_name = "FILE|DIR", global = true)]
    pub rules: Vec<PathBuf>,
    /// Use this config file instead of looking for .profilecheck.yaml
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Ignore any .profilecheck.yaml
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// When to use colours
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, global = true)]
    pub color: ColorArg,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Profile files or folders (*.yaml, *.yml, recursively); - reads stdin
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text", value_parser = Format::NAMES.to_vec())]
    pub format: String,
    /// Write the report to FILE (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only these rules (comma-separated ids)
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub select: Option<Vec<String>>,
    /// Skip these rules (comma-separated ids)
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub ignore: Vec<String>,
    /// Exit 1 when a finding at or above this severity remains
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOnArg>,
    /// Exit 1 when there are more than N warnings, whatever --fail-on says
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Also write FORMAT to FILE from the same run (repeatable), e.g. sarif=results.sarif
    #[arg(long, value_name = "FORMAT=FILE")]
    pub report: Vec<String>,
    /// After the reports: how many profiles miss each rule, most missed first
    #[arg(long)]
    pub statistics: bool,
    /// Only the findings: no fix steps, no passing profiles, no summary
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the loaded rules
    Rules {
        /// Output format
        #[arg(long, short = 'f', value_parser = ["text", "json"], default_value = "text")]
        format: String,
        /// Run every rule's examples and report those that misbehave
        #[arg(long)]
        verify: bool,
        /// Pack files to verify (default: the built-in packs)
        #[arg(value_name = "PACK")]
        packs: Vec<PathBuf>,
    },
    /// What a rule checks, why, and how to fix it
    Explain {
        /// The rule id, e.g. bio-length
        #[arg(value_name = "RULE-ID")]
        rule: String,
    },
    /// Write a commented template profile to fill in
    Init {
        /// Write to FILE instead of stdout
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Ask the checklist's questions one by one and write the answers
        #[arg(long, short = 'i')]
        interactive: bool,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of the profile format (for editors)
    Schema,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    En,
    Fr,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOnArg {
    fn to_fail_on(self) -> FailOn {
        match self {
            FailOnArg::Error => FailOn::Severity(Severity::Error),
            FailOnArg::Warning => FailOn::Severity(Severity::Warning),
            FailOnArg::Info => FailOn::Severity(Severity::Info),
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// What the process sees of its environment; tests pass their own.
pub struct Env {
    pub vars: Vec<(String, String)>,
    pub cwd: PathBuf,
    pub stdout_is_terminal: bool,
    pub stdin: Box<dyn Read + Send>,
}

impl Env {
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

/// `--lang` as written on the command line, before clap parses it, so the
/// help text itself can be in that language.
fn args_lang(args: &[OsString]) -> Option<Lang> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::parse),
            None => None,
        })
}

/// The clap command, with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    // French help: every about and help string, and the headings clap lets us set.
    let args: &[(&str, &str)] = &[
        (
            "lang",
            "Langue du rapport (par défaut : le `lang` du profil ou de la configuration, sinon selon LANG/LC_ALL)",
        ),
        (
            "rules",
            "Ajoute un pack de règles, ou tous les packs *.yaml d’un dossier (option répétable)",
        ),
        (
            "config",
            "Utilise ce fichier de configuration au lieu de chercher .profilecheck.yaml",
        ),
        ("no_config", "Ignore tout fichier .profilecheck.yaml"),
        ("color", "Quand utiliser les couleurs"),
        (
            "paths",
            "Fichiers de profil ou dossiers (*.yaml, *.yml, récursivement) ; - lit l’entrée standard",
        ),
        ("format", "Format du rapport"),
        (
            "output",
            "Écrit le rapport dans FICHIER (de façon atomique) au lieu de la sortie standard",
        ),
        ("select", "Seulement ces règles (identifiants séparés par des virgules)"),
        ("ignore", "Ignore ces règles (identifiants séparés par des virgules)"),
        (
            "fail_on",
            "Code de sortie 1 s’il reste un constat de ce niveau ou plus grave",
        ),
        (
            "max_warnings",
            "Code de sortie 1 au-delà de N avertissements, quel que soit --fail-on",
        ),
        (
            "report",
            "Écrit aussi FORMAT dans FICHIER lors du même passage (répétable), par ex. sarif=resultats.sarif",
        ),
        (
            "statistics",
            "Après les rapports : combien de profils manquent chaque règle, de la plus manquée à la moins manquée",
        ),
        (
            "quiet",
            "Seulement les constats : ni étapes de correction, ni profils sans constat, ni résumé",
        ),
    ];
    let mut cmd = cmd
        .about("Vérifie la description YAML d’un profil Facebook selon un guide de marque personnelle")
        .long_about(
            "Vérifie la description YAML d’un profil Facebook selon un guide de marque personnelle.\n\n\
             Indique les étapes manquantes, pourquoi elles comptent et où cliquer dans Facebook pour les corriger.",
        )
        .after_help(
            "Exemples :\n  profilecheck profil.yaml\n  profilecheck clients/ --format sarif -o resultats.sarif\n  \
             profilecheck explain bio-length --lang fr\n  profilecheck init -o profil.yaml",
        )
        .subcommand_help_heading("Commandes")
        .disable_help_subcommand(true);
    for (id, help) in args {
        cmd = cmd.mut_arg(*id, |a| a.help(*help));
    }
    for (id, name) in [
        ("output", "FICHIER"),
        ("rules", "FICHIER|DOSSIER"),
        ("config", "FICHIER"),
        ("report", "FORMAT=FICHIER"),
        ("paths", "CHEMIN"),
        ("fail_on", "NIVEAU"),
        ("select", "IDS"),
        ("lang", "LANGUE"),
        ("color", "QUAND"),
    ] {
        cmd = cmd.mut_arg(id, |a| a.value_name(name));
    }
    // clap words "Usage:" itself; a template lets us say it in French.
    let template = "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";
    cmd = cmd.help_template(template);
    type Sub<'s> = (&'s str, &'s str, &'s [(&'s str, &'s str)]);
    let subs: &[Sub] = &[
        (
            "rules",
            "Liste les règles chargées",
            &[
                ("format", "Format de sortie"),
                (
                    "verify",
                    "Exécute les exemples de chaque règle et signale ceux qui ne se comportent pas comme prévu",
                ),
                ("packs", "Packs à vérifier (par défaut : les packs intégrés)"),
            ],
        ),
        (
            "explain",
            "Ce que vérifie une règle, pourquoi, et comment corriger",
            &[("rule", "L’identifiant de la règle, par ex. bio-length")],
        ),
        (
            "init",
            "Écrit un modèle de profil commenté à remplir",
            &[
                ("output", "Écrit dans FICHIER au lieu de la sortie standard"),
                (
                    "interactive",
                    "Pose une à une les questions de la liste de contrôle et écrit les réponses",
                ),
                ("force", "Remplace FICHIER s’il existe"),
            ],
        ),
        (
            "schema",
            "Affiche le schéma JSON du format de profil (pour les éditeurs)",
            &[],
        ),
    ];
    for (name, about, sub_args) in subs {
        cmd = cmd.mut_subcommand(*name, |mut sc| {
            sc = sc.about(*about).help_template(template);
            for (id, help) in *sub_args {
                sc = sc.mut_arg(*id, |a| a.help(*help));
            }
            if *name == "init" {
                sc = sc.mut_arg("output", |a| a.value_name("FICHIER"));
            }
            sc
        });
    }
    cmd.disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("Affiche l’aide")
                .global(true),
        )
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("Affiche la version"),
        )
}

/// Exit codes (SPEC §7).
pub const OK: i32 = 0;
pub const FINDINGS: i32 = 1;
pub const TROUBLE: i32 = 2;

/// Run the command line; returns the exit code.
pub fn run(args: Vec<OsString>, env: Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let locale = env.locale_lang();
    let help_lang = args_lang(&args).unwrap_or(locale);
    let parsed = command(help_lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    let _ = write!(stdout, "{}", e.render());
                    OK
                }
                _ => {
                    let _ = write!(stderr, "{}", e.render());
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
            let _ = writeln!(
                app.stderr,
                "profilecheck: {}: {e}",
                lang.pick(
                    "error: cannot write the report",
                    "erreur : impossible d’écrire le rapport"
                )
            );
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

    fn error_line(&mut self, line: String) {
        self.trouble = true;
        let _ = writeln!(self.stderr, "{line}");
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
                let rules = self.load_rules(&cli.common, &config, &Selection::default(), lang);
                crate::commands::list_rules(&rules, &format, lang, stdout)?;
                Ok(if self.trouble { TROUBLE } else { OK })
            }
            Some(Command::Explain { rule }) => {
                let rules = self.load_rules(&cli.common, &config, &Selection::default(), lang);
                if rules.get(&rule).is_none() {
                    let hint = rules.suggest(&rule).map(|s| match lang {
                        Lang::En => format!("; did you mean `{s}`?"),
                        Lang::Fr => format!(" ; vouliez-vous dire `{s}` ?"),
                    });
                    self.error_line(match lang {
                        Lang::En => format!("profilecheck: error: unknown rule `{rule}`{}", hint.unwrap_or_default()),
                        Lang::Fr => format!(
                            "profilecheck : erreur : règle inconnue `{rule}`{}",
                            hint.unwrap_or_default()
                        ),
                    });
                    return Ok(TROUBLE);
                }
                crate::commands::explain(&rules, &rule, lang, color, stdout)?;
                Ok(OK)
            }
            Some(Command::Init {
                output,
                interactive,
                force,
            }) => self.init(output, interactive, force, lang, stdout),
            Some(Command::Schema) => {
                serde_json::to_writer_pretty(&mut *stdout, &crate::jsonschema::schema()).map_err(io::Error::from)?;
                writeln!(stdout)?;
                Ok(OK)
            }
            None => self.lint(cli.lint, &cli.common, &config, lang, color, stdout),
        }
    }

    fn init(
        &mut self,
        output: Option<PathBuf>,
        interactive: bool,
        force: bool,
        lang: Lang,
        stdout: &mut dyn Write,
    ) -> io::Result<i32> {
        if let Some(path) = &output
            && path.exists()
            && !force
        {
            self.error_line(match lang {
                Lang::En => format!(
                    "profilecheck: error: {} already exists; add --force to overwrite it",
                    path.display()
                ),
                Lang::Fr => format!(
                    "profilecheck : erreur : {} existe déjà ; ajoutez --force pour le remplacer",
                    path.display()
                ),
            });
            return Ok(TROUBLE);
        }
        let text = if interactive {
            let stdin = std::mem::replace(&mut self.env.stdin, Box::new(io::empty()));
            let mut input = io::BufReader::new(stdin);
            crate::interview::interview(lang, &mut input, &mut *self.stderr)?
        } else {
            crate::template::template(lang)
        };
        match output {
            None => stdout.write_all(text.as_bytes())?,
            Some(path) => {
                let mut sink = Sink::open(Some(&path), stdout)?;
                sink.writer().write_all(text.as_bytes())?;
                sink.finish()?;
                let _ = writeln!(
                    self.stderr,
                    "{}",
                    match lang {
                        Lang::En => format!(
                            "wrote {}; check it with: profilecheck {}",
                            path.display(),
                            path.display()
                        ),
                        Lang::Fr => format!(
                            "{} écrit ; vérifiez-le avec : profilecheck {}",
                            path.display(),
                            path.display()
                        ),
                    }
                );
            }
        }
        Ok(OK)
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
                let lang = self.locale;
                self.error_line(format!(
                    "{shown}:1:1: {}: {}",
                    lang.pick("error", "erreur"),
                    e.text(lang)
                ));
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
        let rules = match RuleSet::new(packs.clone(), sel) {
            Ok(r) => r,
            Err(es) => {
                errors.extend(es);
                // Keep going with the packs that do not clash, so valid profiles are still linted.
                let mut seen = std::collections::HashSet::new();
                let kept: Vec<Pack> = packs
                    .into_iter()
                    .map(|mut p| {
                        p.rules.retain(|r| seen.insert(r.id.clone()));
                        p
                    })
                    .collect();
                let mut names = std::collections::HashSet::new();
                let kept = kept.into_iter().filter(|p| names.insert(p.name.clone())).collect();
                RuleSet::new(kept, sel)
                    .unwrap_or_else(|_| RuleSet::new(Vec::new(), sel).expect("an empty rule set is valid"))
            }
        };
        for e in errors {
            for line in e.render(lang) {
                self.error_line(line);
            }
        }
        for id in sel
            .select
            .iter()
            .flatten()
            .chain(sel.ignore.iter())
            .chain(sel.settings.keys())
        {
            if !rules.known.contains(id) {
                let hint = rules.suggest(id).map(|s| match lang {
                    Lang::En => format!("; did you mean `{s}`?"),
                    Lang::Fr => format!(" ; vouliez-vous dire `{s}` ?"),
                });
                let _ = writeln!(
                    self.stderr,
                    "{}",
                    match lang {
                        Lang::En => format!("profilecheck: warning: unknown rule `{id}`{}", hint.unwrap_or_default()),
                        Lang::Fr => format!(
                            "profilecheck : avertissement : règle inconnue `{id}`{}",
                            hint.unwrap_or_default()
                        ),
                    }
                );
            }
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
        let failures = crate::commands::verify(&loaded, lang, stdout)?;
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
            self.error_line(match lang {
                Lang::En => "profilecheck: error: no profile given; try `profilecheck profile.yaml`, or `profilecheck init` to write one".into(),
                Lang::Fr => "profilecheck : erreur : aucun profil indiqué ; essayez `profilecheck profil.yaml`, ou `profilecheck init` pour en créer un".into(),
            });
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
                    self.error_line(match lang {
                        Lang::En => format!(
                            "profilecheck: error: --report takes FORMAT=FILE with FORMAT one of {}; got `{spec}`",
                            Format::NAMES.join(", ")
                        ),
                        Lang::Fr => format!(
                            "profilecheck : erreur : --report attend FORMAT=FICHIER, FORMAT parmi {} ; reçu `{spec}`",
                            Format::NAMES.join(", ")
                        ),
                    });
                    return Ok(TROUBLE);
                }
            }
        }
        let sel = Selection {
            select: args.select.clone(),
            ignore: args.ignore.clone(),
            settings: config.severity.clone(),
        };
        let rules = self.load_rules(common, config, &sel, lang);
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
            color: color && args.output.is_none(),
            quiet: args.quiet,
        };
        let file_ctx = Context {
            color: false,
            ..main_ctx
        };
        let mut outputs: Vec<(Box<dyn Reporter + '_>, Sink<'_>)> = Vec::new();
        let stats_to_stdout = format == Format::Text || args.output.is_some();
        outputs.push((format.reporter(main_ctx), Sink::open(args.output.as_deref(), stdout)?));
        for (f, path) in &extra_reports {
            outputs.push((f.reporter(file_ctx), Sink::file(path)?));
        }
        let inputs = self.collect_inputs(&args.paths);
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
        crate::run::lint_all(&rules, inputs, choice, stdin, |p: ProfileReport| {
            if result.is_err() {
                return;
            }
            let lines = p.errors.iter().map(|e| (e, "error", "erreur"));
            for (e, en, fr) in lines.chain(p.warnings.iter().map(|e| (e, "warning", "avertissement"))) {
                let (word, colon) = (p.lang.pick(en, fr), p.lang.colon());
                let _ = writeln!(
                    stderr,
                    "{}:{}:{}: {word}{colon} {}",
                    p.file, e.line, e.column, e.message
                );
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
            if stats_to_stdout {
                stats.write(&rules, lang, main_sink.writer())?;
            } else {
                stats.write(&rules, lang, &mut *self.stderr)?;
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
            let _ = writeln!(
                self.stderr,
                "{}",
                match lang {
                    Lang::En => format!(
                        "profilecheck: {} warnings, more than --max-warnings {max}",
                        summary.warnings
                    ),
                    Lang::Fr => format!(
                        "profilecheck : {} avertissements, plus que --max-warnings {max}",
                        summary.warnings
                    ),
                }
            );
        }
        if trouble || self.trouble {
            return Ok(TROUBLE);
        }
        Ok(if failing { FINDINGS } else { OK })
    }

    /// Expand folders; a path that cannot be used becomes an invalid report.
    fn collect_inputs(&mut self, paths: &[PathBuf]) -> Vec<crate::run::Input> {
        let mut out = Vec::new();
        for p in paths {
            if p.as_os_str() == "-" {
                out.push(crate::run::Input::Stdin);
                continue;
            }
            crate::run::expand(p, &mut out);
        }
        out
    }
}

fn lang_of(l: LangArg) -> Lang {
    match l {
        LangArg::En => Lang::En,
        LangArg::Fr => Lang::Fr,
    }
}

/// Read a file no larger than the YAML limit (plus one byte, so "too large" is detected).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, crate::diag::Msg> {
    crate::run::read_file(path)
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
        crate::run::expand(p, &mut inputs);
    }
    let mut packs = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let loaded = match input {
            crate::run::Input::File(f) => {
                let source = f.display().to_string();
                read_limited(&f)
                    .map_err(|m| PackError {
                        source: source.clone(),
                        problems: vec![Diagnostic::error(Pos::START, m)],
                    })
                    .and_then(|bytes| pack::load(&source, &bytes))
            }
            crate::run::Input::Broken(f, msg) => Err(PackError {
                source: f.display().to_string(),
                problems: vec![Diagnostic::error(Pos::START, msg)],
            }),
            crate::run::Input::Stdin => continue,
        };
        match loaded {
            Ok(p) => packs.push(p),
            Err(e) => errors.push(e),
        }
    }
    (packs, errors)
}

/// Where the main report goes: stdout, or a file written atomically
/// (a temporary file beside it, renamed over it when complete).
enum Sink<'a> {
    Stdout(io::BufWriter<&'a mut dyn Write>),
    /// A pipe or device named with `-o` (`/dev/stdout`, a FIFO): written in
    /// place, since renaming over it would replace it with a regular file.
    Direct(io::BufWriter<std::fs::File>),
    File {
        tmp: TempFile,
        dest: PathBuf,
        w: io::BufWriter<std::fs::File>,
    },
}

/// A temporary file that is removed unless it was renamed into place, so a
/// failed run leaves neither debris nor a half-written report.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

impl<'a> Sink<'a> {
    fn open(path: Option<&Path>, stdout: &'a mut dyn Write) -> io::Result<Sink<'a>> {
        match path {
            None => Ok(Sink::Stdout(io::BufWriter::new(stdout))),
            Some(dest) => Sink::file(dest),
        }
    }
    fn file(dest: &Path) -> io::Result<Sink<'a>> {
        // `--report sarif=reports/x.sarif` in CI: make the folder if needed.
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
            std::fs::create_dir_all(parent)?;
        }
        let dest = match std::fs::metadata(dest) {
            Ok(m) if m.is_dir() => {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    format!("{} is a directory", dest.display()),
                ));
            }
            Ok(m) if !m.is_file() => {
                let f = std::fs::OpenOptions::new().write(true).open(dest)?;
                return Ok(Sink::Direct(io::BufWriter::new(f)));
            }
            // Through a symlink, replace the file it points to, not the link.
            Ok(_) => std::fs::canonicalize(dest)?,
            // A dangling symlink: create the file it names.
            Err(_) => match std::fs::read_link(dest) {
                Ok(target) => dest.parent().unwrap_or(Path::new(".")).join(target),
                Err(_) => dest.to_owned(),
            },
        };
        let dest = dest.as_path();
        let tmp = temp_path(dest);
        let f = std::fs::File::create(&tmp)?;
        Ok(Sink::File {
            tmp: TempFile(tmp),
            dest: dest.to_owned(),
            w: io::BufWriter::new(f),
        })
    }
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::Direct(w) => w,
            Sink::File { w, .. } => w,
        }
    }
    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush(),
            Sink::Direct(mut w) => w.flush(),
            Sink::File { tmp, dest, w } => {
                let f = w.into_inner().map_err(|e| e.into_error())?;
                f.sync_all()?;
                drop(f);
                std::fs::rename(&tmp.0, &dest)
            }
        }
    }
}

fn temp_path(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    dest.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// How many profiles miss each rule, over a run (`--statistics`).
#[derive(Debug, Default)]
pub struct Statistics {
    valid: usize,
    missed: BTreeMap<String, usize>,
    waived: BTreeMap<String, usize>,
}

impl Statistics {
    pub fn add(&mut self, p: &ProfileReport) {
        if p.is_invalid() {
            return;
        }
        self.valid += 1;
        let mut rules: Vec<&str> = p.findings.iter().map(|f| f.rule.as_str()).collect();
        rules.dedup();
        rules.sort_unstable();
        rules.dedup();
        for r in rules {
            *self.missed.entry(r.to_owned()).or_insert(0) += 1;
        }
        for w in &p.waived {
            *self.waived.entry(w.rule.clone()).or_insert(0) += 1;
        }
    }

    /// Most missed first, then by rule id.
    pub fn rows(&self) -> Vec<(&str, usize)> {
        let mut rows: Vec<(&str, usize)> = self.missed.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        rows
    }

    pub fn write(&self, rules: &RuleSet, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
        writeln!(
            w,
            "{}",
            match lang {
                Lang::En => format!(
                    "Statistics: steps missed, over {} valid profile{}",
                    self.valid,
                    if self.valid == 1 { "" } else { "s" }
                ),
                Lang::Fr => format!(
                    "Statistiques : étapes manquées, sur {} profil{} valide{}",
                    self.valid,
                    if self.valid > 1 { "s" } else { "" },
                    if self.valid > 1 { "s" } else { "" }
                ),
            }
        )?;
        if self.missed.is_empty() {
            return writeln!(w, "  {}", lang.pick("nothing missed", "aucune étape manquée"));
        }
        for (rule, n) in self.rows() {
            let pct = (n * 100 + self.valid / 2).checked_div(self.valid).unwrap_or(0);
            let title = rules.get(rule).map(|r| r.title.get(lang)).unwrap_or("");
            let waived = self.waived.get(rule).copied().unwrap_or(0);
            let waived = if waived > 0 {
                match lang {
                    Lang::En => format!(" ({waived} waived)"),
                    Lang::Fr => format!(" ({waived} dérogation{})", if waived > 1 { "s" } else { "" }),
                }
            } else {
                String::new()
            };
            writeln!(w, "  {n:>6}  {pct:>3}%  {rule:<26} {title}{waived}")?;
        }
        Ok(())
    }
}
