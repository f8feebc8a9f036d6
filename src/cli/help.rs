//! `--help` and clap's errors in the user's language, from the catalogues
//! (`locales/<lang>/cli.ftl`, the `help-*` and `clap-*` messages).
//!
//! clap's derive gives the command's shape; every about and help text is
//! then set from the catalogue by walking the built command, so an option
//! added to `args.rs` without its `help-*` message fails a test instead of
//! showing English in French. The few words clap prints itself (headings,
//! `[default: …]`, `Usage:`) are replaced in its rendered text, and its
//! errors are worded here from their kind and context.

use super::args::Cli;
use crate::i18n::Lang;
use crate::i18n::catalog::{self, t};
use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

/// `--lang` as written on the command line, before clap parses it, so the
/// help text itself can be in that language.
pub(super) fn args_lang(args: &[OsString]) -> Option<Lang> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::parse(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::parse),
            None => None,
        })
}

/// `help` and `help COMMAND` as `--help` and `COMMAND --help`: clap's own
/// `help` subcommand speaks only English, so the French command has none, and
/// without this `help` would be taken for a file to check.
pub(super) fn help_subcommand(args: Vec<OsString>) -> Vec<OsString> {
    // Skip the options before the first word, and the values they take.
    let mut i = 1;
    while let Some(a) = args.get(i).and_then(|a| a.to_str()) {
        if matches!(a, "--lang" | "--color" | "--config" | "--rules") {
            i += 2;
        } else if a.starts_with('-') && a != "-" {
            i += 1;
        } else {
            break;
        }
    }
    if args.get(i).is_none_or(|a| a != "help") {
        return args;
    }
    let mut out: Vec<OsString> = args[..i].to_vec();
    out.extend(args[i + 1..].iter().cloned());
    out.push("--help".into());
    out
}

/// The message id of a command's text: `help-about` for the top command,
/// `help-rules-about` for a subcommand.
fn command_id(path: &str, what: &str) -> String {
    // `help rules` is clap's copy of `rules`, under its `help` subcommand.
    let path = path.strip_prefix("help-").unwrap_or(path);
    if path.is_empty() {
        format!("help-{what}")
    } else {
        format!("help-{path}-{what}")
    }
}

/// The message id of an argument's help: `help-opt-format`, or
/// `help-rules-opt-format` for a subcommand's own. Global options keep the
/// top command's id wherever clap copies them.
pub(crate) fn arg_id(path: &str, arg: &clap::Arg) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    if path.is_empty() || arg.is_global_set() || id == "help" || id == "version" {
        format!("help-opt-{id}")
    } else {
        format!("help-{path}-opt-{id}")
    }
}

/// The clap command, with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    // Worded before clap builds it (whether a long help exists decides how
    // clap words its own `--help`), and again after, for the `--help`,
    // `--version` and `help` subcommand that building adds.
    let mut cmd = localise(cmd, "", lang);
    cmd.build();
    localise(cmd, "", lang)
}

fn localise(cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let text = |id: String| catalog::lookup(lang, &id);
    let mut cmd = cmd.subcommand_value_name(t!(lang, "clap-command-value"));
    if let Some(about) = text(command_id(path, "about")) {
        cmd = cmd.about(about);
    }
    if let Some(long) = text(command_id(path, "long-about")) {
        cmd = cmd.long_about(long);
    }
    if let Some(after) = text(command_id(path, "after-help")) {
        cmd = cmd.after_help(after);
    }
    let owned_path = path.to_owned();
    cmd = cmd.mut_args(|a| {
        let id = arg_id(&owned_path, &a);
        let mut a = a;
        if a.get_id() == "help" && a.get_long_help().is_some() {
            // clap words `-h` and `--help` apart when a long help exists.
            a = a
                .help(t!(lang, "help-opt-help-more"))
                .long_help(t!(lang, "help-opt-help-long"));
        } else if let Some(help) = catalog::lookup(lang, &id) {
            a = a.help(help);
        }
        // clap names a value after its argument when none is given (`LANG`).
        let default_name = [clap::builder::Str::from(a.get_id().as_str().to_uppercase())];
        let shown = match a.get_value_names() {
            Some(names) => names,
            None if a.get_action().takes_values() => &default_name[..],
            None => &[],
        };
        let names: Vec<String> = shown
            .iter()
            .map(|n| {
                let key = format!("clap-value-{}", n.as_str().to_lowercase().replace(['|', '='], "-"));
                catalog::lookup(lang, &key).unwrap_or_else(|| n.to_string())
            })
            .collect();
        if !names.is_empty() {
            a = a.value_names(names);
        }
        a
    });
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localise(s, &sub_path, lang));
    }
    cmd
}

/// clap's help or version text with the words clap prints itself in `lang`.
pub(super) fn localise_rendered(text: &str, lang: Lang) -> String {
    let headings = [
        ("Usage:", t!(lang, "clap-usage")),
        ("Commands:", t!(lang, "clap-commands")),
        ("Arguments:", t!(lang, "clap-arguments")),
        ("Options:", t!(lang, "clap-options")),
    ];
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let mut line = line.to_owned();
        let plain = strip_ansi(&line);
        for (en, word) in &headings {
            // A heading is alone on its line; `Usage:` starts one.
            if plain.trim_end() == *en || (*en == "Usage:" && plain.starts_with("Usage: ")) {
                line = line.replacen(en, word, 1);
            }
        }
        line = line
            .replace("[default: ", &format!("[{} ", t!(lang, "clap-default")))
            .replace("[possible values: ", &format!("[{} ", t!(lang, "clap-possible-values")))
            .replace("[OPTIONS]", &format!("[{}]", t!(lang, "clap-options-value")));
        out.push_str(&line);
    }
    out
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A clap parsing error, worded from its kind and context:
/// `profilecheck: error: MESSAGE`, the usage line and where to read more.
pub(super) fn render_error(e: &clap::Error, lang: Lang) -> String {
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
    let value = ctx(ContextKind::InvalidValue).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => match ctx(ContextKind::SuggestedArg) {
            Some(s) => t!(lang, "clap-unknown-argument-did-you-mean", arg = arg, suggestion = s),
            None => t!(lang, "clap-unknown-argument", arg = arg),
        },
        ErrorKind::InvalidSubcommand => match ctx(ContextKind::SuggestedSubcommand) {
            Some(s) => t!(
                lang,
                "clap-unknown-subcommand-did-you-mean",
                name = ctx(ContextKind::InvalidSubcommand).unwrap_or_default(),
                suggestion = s
            ),
            None => t!(
                lang,
                "clap-unknown-subcommand",
                name = ctx(ContextKind::InvalidSubcommand).unwrap_or_default()
            ),
        },
        ErrorKind::InvalidValue if value.is_empty() => t!(lang, "clap-missing-value", arg = arg),
        ErrorKind::InvalidValue => match ctx(ContextKind::ValidValue) {
            Some(valid) => t!(
                lang,
                "clap-invalid-value-one-of",
                arg = arg,
                value = value,
                valid = valid
            ),
            None => t!(lang, "clap-invalid-value", arg = arg, value = value),
        },
        ErrorKind::ValueValidation => t!(lang, "clap-invalid-value", arg = arg, value = value),
        ErrorKind::ArgumentConflict => t!(
            lang,
            "clap-conflict",
            arg = arg,
            other = ctx(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => t!(lang, "clap-missing-argument", arg = arg),
        ErrorKind::TooManyValues => t!(lang, "clap-too-many-values", arg = arg, value = value),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => t!(lang, "clap-wrong-values", arg = arg),
        ErrorKind::NoEquals => t!(lang, "clap-no-equals", arg = arg),
        // Kinds this command line cannot produce: clap's own words.
        _ => {
            let text = e.kind().as_str().unwrap_or("invalid command line").to_owned();
            t!(lang, "clap-other", detail = text)
        }
    };
    let mut out = format!("{}\n\n", super::problems::error(message));
    // The usage of the (sub)command where the error is, as clap found it.
    if let Some(usage) = ctx(ContextKind::Usage) {
        out.push_str(localise_rendered(&usage, lang).trim_end());
        out.push_str("\n\n");
    }
    out.push_str(&t!(lang, "clap-more-information"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (path, command) of the tree, the top one first.
    fn commands(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.to_owned(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            commands(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_argument_and_command_has_its_help_message() {
        let mut all = Vec::new();
        commands(&command(Lang::En), "", &mut all);
        let mut missing = Vec::new();
        for (path, cmd) in &all {
            if catalog::lookup(Lang::En, &command_id(path, "about")).is_none() {
                missing.push(command_id(path, "about"));
            }
            for a in cmd.get_arguments() {
                let id = arg_id(path, a);
                if catalog::lookup(Lang::En, &id).is_none() {
                    missing.push(id);
                }
            }
        }
        assert!(all.len() > 4, "the walk saw the subcommands");
        assert!(missing.is_empty(), "add to locales/*/cli.ftl: {missing:?}");
    }

    #[test]
    fn french_help_has_no_english_left() {
        let mut all = Vec::new();
        commands(&command(Lang::Fr), "", &mut all);
        for (path, mut cmd) in all {
            for text in [cmd.render_help().to_string(), cmd.render_long_help().to_string()] {
                let text = localise_rendered(&text, Lang::Fr);
                for english in [
                    "Usage:",
                    "Commands:",
                    "Options:",
                    "Arguments:",
                    "default:",
                    "possible values",
                    "Print",
                    "COMMAND]",
                    "<FILE>",
                    "<PATH>",
                ] {
                    assert!(!text.contains(english), "`{path}` help says {english:?}:\n{text}");
                }
                assert!(text.contains("Utilisation\u{a0}: "), "{text}");
                if cmd.get_arguments().any(|a| !a.is_positional()) {
                    assert!(text.contains("Options\u{a0}:"), "{text}");
                }
            }
        }
    }

    #[test]
    fn clap_errors_are_worded_in_the_language_asked() {
        let err = |args: &[&str]| {
            let lang = args_lang(&args.iter().map(OsString::from).collect::<Vec<_>>()).unwrap_or(Lang::En);
            match command(lang).try_get_matches_from(args) {
                Err(e) => render_error(&e, lang),
                Ok(_) => panic!("{args:?} parsed"),
            }
        };
        let unknown = err(&["profilecheck", "--lang", "fr", "--frmat", "json"]);
        assert!(
            unknown.starts_with(
                "profilecheck: error: argument inattendu `--frmat`\u{a0}; vouliez-vous dire `--format`\u{a0}?"
            ),
            "{unknown}"
        );
        assert!(unknown.contains("Utilisation\u{a0}: profilecheck"), "{unknown}");
        assert!(
            unknown.ends_with("Pour en savoir plus, essayez '--help'.\n"),
            "{unknown}"
        );
        let invalid = err(&["profilecheck", "--lang", "fr", "--fail-on", "bad", "p.yaml"]);
        assert!(
            invalid.starts_with(
                "profilecheck: error: valeur invalide `bad` pour `--fail-on <NIVEAU>`\u{a0}; valeurs possibles\u{a0}: error, warning, info, never"
            ),
            "{invalid}"
        );
        let missing = err(&["profilecheck", "--lang", "fr", "--color"]);
        assert!(
            missing.starts_with("profilecheck: error: `--color <QUAND>` demande une valeur"),
            "{missing}"
        );
        let english = err(&["profilecheck", "--max-warnings", "many", "p.yaml"]);
        assert!(
            english.starts_with("profilecheck: error: invalid value `many` for `--max-warnings <N>`"),
            "{english}"
        );
    }
}
