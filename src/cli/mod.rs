//! The command line. `run` parses the arguments and dispatches to a
//! subcommand or to the lint, which reads as its data flows:
//!
//! - [`args`]: the command line's shape;
//! - [`inputs`] and [`walk`]: the report files, the excludes, the files;
//! - [`scope`]: the config in force for each file, [`ruleset`]: its rules;
//! - [`check`]: every file linted on all cores, reports in input order;
//! - [`sinks`] (with [`output`] and [`outdir`]): stdout, `-o`, `--report`,
//!   `--output-dir`, statistics;
//! - [`exit`]: the exit code;
//! - [`lint`] runs those stages in order, [`subcommands`] the others.
//!
//! Every stage says what went wrong through one [`problems::Problems`]
//! reporter. It writes only to the writers it is handed, so it is tested
//! without a process; `main` maps its result to the exit code.

use crate::i18n::catalog::t;
use clap::FromArgMatches;
use std::ffi::OsString;
use std::io::{self, Write};

mod args;
mod check;
mod commands;
mod completions;
mod env;
mod exit;
mod fix;
mod guards;
mod help;
mod import;
mod inputs;
mod lint;
mod outdir;
mod output;
mod problems;
mod ruleset;
mod scope;
mod sinks;
mod stats;
mod subcommands;
mod verdict;
mod walk;

pub(crate) use args::{Cli, ColorArg, Command};
use env::lang_of;
pub use env::{ClosedStdin, Env};
pub use exit::{FINDINGS, OK, TROUBLE};
use help::args_lang;
pub(crate) use help::command;
use problems::{Problems, error};

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
    let mut problems = Problems::new(stderr, locale, cli.common.color == ColorArg::Always);
    let mut env = env;
    match dispatch(&mut problems, &mut env, cli, stdout) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            // The error names the file, which may come from a config.
            problems.note_line(&error(t!(locale, "cli-cannot-write", detail = e.to_string())));
            TROUBLE
        }
        Ok(c) => c,
    }
}

/// The subcommand, or the lint.
fn dispatch(problems: &mut Problems, env: &mut Env, cli: Cli, stdout: &mut dyn Write) -> io::Result<i32> {
    // For the subcommands and the run's language: the config of the
    // current directory (each profile gets its own in the lint, which
    // reads it again: its warnings are said then, once).
    problems.silent = cli.command.is_none();
    let config = scope::cwd_config(problems, &env.cwd, &cli.common);
    problems.silent = false;
    let common = &cli.common;
    let lang = common.lang.map(lang_of).or(config.lang).unwrap_or(problems.locale);
    let color = match common.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            env.var("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0")
                || (env.stdout_is_terminal && env.var("NO_COLOR").is_none_or(|v| v.is_empty()))
        }
    };
    if color {
        crate::platform::enable_colours();
    }
    colored::control::set_override(color);
    match cli.command {
        Some(Command::Rules { format, verify, packs }) if verify => {
            subcommands::verify(problems, (common, &config), &packs, &format, lang, stdout)
        }
        Some(Command::Rules { format, packs, .. }) => {
            subcommands::rules(problems, common, &config, (&format, &packs), lang, stdout)
        }
        Some(Command::Explain { rule }) => {
            subcommands::explain(problems, common, &config, &rule, (lang, color), stdout)
        }
        Some(Command::Init {
            output,
            interactive,
            force,
            from,
        }) => {
            problems.flush();
            // Questions in the language the file was written in, unless told otherwise.
            let lang = subcommands::init_lang(from.as_deref(), common, &config, lang);
            let init = subcommands::Init {
                output,
                interactive,
                force,
                from,
            };
            subcommands::init(problems, env, init, lang, stdout)
        }
        Some(Command::Import(args)) => {
            problems.flush();
            import::run(args, lang, stdout, problems.stderr())
        }
        Some(Command::Lsp) => Ok(crate::lsp::run_stdio(problems.locale, env.cwd.clone())),
        Some(Command::Schema) => {
            serde_json::to_writer_pretty(&mut *stdout, &crate::profile::jsonschema::schema(lang))
                .map_err(io::Error::from)?;
            writeln!(stdout)?;
            Ok(OK)
        }
        Some(Command::Serve { port, lan, resume }) => {
            subcommands::serve(problems, common, &config, (port, lan, resume), lang, stdout)
        }
        Some(Command::Completions { shell }) => completions::completions(shell, lang, stdout),
        Some(Command::Man) => completions::man(lang, stdout),
        None => {
            // The lint reads every profile's own config; the one read
            // above only chose the language of the messages so far.
            problems.reset();
            let run = lint::Run {
                args: &cli.lint,
                common,
                lang,
                color,
            };
            lint::lint(problems, env, &run, stdout)
        }
    }
}
