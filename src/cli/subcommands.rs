//! The subcommands other than the lint: `rules`, `rules --verify`,
//! `explain`, `init`, `serve`. Each takes the config of the current folder
//! and the one [`Problems`] reporter, and returns its exit code.

use super::args::Common;
use super::commands;
use super::env::{Env, lang_of};
use super::exit::{FINDINGS, OK, TROUBLE};
use super::output::{self, Sink};
use super::problems::{Problems, error};
use super::ruleset;
use crate::i18n::Lang;
use crate::i18n::catalog::t;
use crate::rules::config::Config;
use crate::rules::engine::{RuleSet, Selection};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The rules in force under `config` (and `--rules`), as a subcommand
/// shows them.
pub(super) fn rules_in_force(problems: &mut Problems, common: &Common, config: &Config, lang: Lang) -> RuleSet {
    let sel = Selection {
        settings: config.severity.clone(),
        ..Selection::default()
    };
    ruleset::load(problems, &common.rules, config, &sel, lang, &mut Default::default())
}

/// `rules [PACK…] [--format json]`.
pub(super) fn rules(
    problems: &mut Problems,
    common: &Common,
    config: &Config,
    (format, packs): (&str, &[PathBuf]),
    lang: Lang,
    stdout: &mut dyn Write,
) -> io::Result<i32> {
    let rules = if packs.is_empty() {
        rules_in_force(problems, common, config, lang)
    } else {
        let (loaded, errors) = ruleset::named_packs(problems, packs, lang);
        for e in errors {
            problems.pack_error(e, lang);
        }
        let sel = Selection {
            settings: config.severity.clone(),
            ..Selection::default()
        };
        let (rules, clashes) = RuleSet::lenient(loaded, &sel);
        for e in clashes {
            problems.pack_error(e, lang);
        }
        rules
    };
    problems.flush();
    if problems.trouble && rules.rules.is_empty() && rules.off.is_empty() {
        return Ok(TROUBLE);
    }
    let defaults = ruleset::default_severities(problems, &common.rules, config, lang);
    let shown = config.path.as_ref().map(|p| p.display().to_string());
    commands::list_rules(&rules, &defaults, shown.as_deref(), format, lang, stdout)?;
    Ok(if problems.trouble { TROUBLE } else { OK })
}

/// `explain RULE`.
pub(super) fn explain(
    problems: &mut Problems,
    common: &Common,
    config: &Config,
    rule: &str,
    (lang, color): (Lang, bool),
    stdout: &mut dyn Write,
) -> io::Result<i32> {
    let rules = rules_in_force(problems, common, config, lang);
    problems.flush();
    if rules.get(rule).is_none() && !rules.off.iter().any(|r| r.id == rule) {
        problems.error_line(error(ruleset::unknown_rule(&rules, rule, lang)));
        return Ok(TROUBLE);
    }
    let defaults = ruleset::default_severities(problems, &common.rules, config, lang);
    let shown = config.path.as_ref().map(|p| p.display().to_string());
    commands::explain(&rules, &defaults, shown.as_deref(), rule, lang, color, stdout)?;
    Ok(if problems.trouble { TROUBLE } else { OK })
}

/// `rules --verify [PACK…]`: each pack's examples against its own rules.
pub(super) fn verify(
    problems: &mut Problems,
    (common, config): (&Common, &Config),
    packs: &[PathBuf],
    format: &str,
    lang: Lang,
    stdout: &mut dyn Write,
) -> io::Result<i32> {
    let (mut loaded, errors) = ruleset::named_packs(problems, packs, lang);
    // No pack named: the packs in force, the config's among them.
    if packs.is_empty() {
        loaded = ruleset::packs_in_force(problems, &common.rules, config, lang, &mut Default::default());
    }
    for e in errors {
        problems.pack_error(e, lang);
    }
    problems.flush();
    // With a pack that failed to load, there is nothing meaningful to count.
    if loaded.is_empty() && problems.trouble {
        return Ok(TROUBLE);
    }
    let failures = commands::verify(&loaded, format == "json", lang, stdout)?;
    Ok(if problems.trouble {
        TROUBLE
    } else if failures > 0 {
        FINDINGS
    } else {
        OK
    })
}

/// `serve`: the workshop room, until stopped.
pub(super) fn serve(
    problems: &mut Problems,
    common: &Common,
    config: &Config,
    (port, lan, resume): (u16, bool, Option<PathBuf>),
    lang: Lang,
    stdout: &mut dyn Write,
) -> io::Result<i32> {
    let rules = rules_in_force(problems, common, config, lang);
    problems.flush();
    let opts = crate::workshop::serve::Options {
        port,
        lan,
        forced: common.lang.map(lang_of),
        fallback: config.lang.unwrap_or(problems.locale),
        resume,
    };
    if let Err(e) = crate::workshop::serve::serve(rules, opts, stdout) {
        problems.error_line(format!("profilecheck serve: {e}"));
    }
    Ok(TROUBLE)
}

/// What `init` was asked.
pub(super) struct Init {
    pub(super) output: Option<PathBuf>,
    pub(super) interactive: bool,
    pub(super) force: bool,
    pub(super) from: Option<PathBuf>,
}

/// `init`: a profile to fill in, from the template or an interview.
pub(super) fn init(
    problems: &mut Problems,
    env: &mut Env,
    init: Init,
    lang: Lang,
    stdout: &mut dyn Write,
) -> io::Result<i32> {
    let Init {
        output,
        interactive,
        force,
        from,
    } = init;
    // Rewriting the file the answers start from is what `--from F -o F` asks for.
    let same = |a: &Path, b: &Path| a == b || a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok() == Some(a));
    // `-o -` is standard output, as for reports.
    let output = output.filter(|p| !output::is_stdout(p));
    if let Some(path) = &output
        && path.exists()
        && !force
        && !from.as_deref().is_some_and(|f| same(f, path))
    {
        problems.error_line(error(t!(lang, "cli-exists", path = path.display())));
        return Ok(TROUBLE);
    }
    let text = if interactive {
        match interview(problems, env, from.as_deref(), lang)? {
            Some(text) => text,
            None => return Ok(TROUBLE),
        }
    } else {
        crate::workshop::template::template(lang)
    };
    match output {
        None => stdout.write_all(text.as_bytes())?,
        // A file that appeared during the interview is kept (no-clobber, in the library).
        Some(path) if !force && !from.as_deref().is_some_and(|f| same(f, &path)) => {
            // One that appeared meanwhile is said as itself, not as a failed write.
            if let Err(e) = crate::workshop::write::create_new(&path, text.as_bytes(), lang) {
                if e.kind() != io::ErrorKind::AlreadyExists {
                    return Err(e);
                }
                problems.error_line(error(e.to_string()));
                return Ok(TROUBLE);
            }
            problems.note_line(&t!(lang, "cli-wrote", path = path.display()));
        }
        Some(path) => {
            let mut sink = Sink::open(Some(&path), stdout, lang)?;
            sink.writer().write_all(text.as_bytes())?;
            sink.finish()?;
            problems.note_line(&t!(lang, "cli-wrote", path = path.display()));
        }
    }
    Ok(OK)
}

/// `init --interactive`: the answers, or None once the trouble is said.
fn interview(problems: &mut Problems, env: &mut Env, from: Option<&Path>, lang: Lang) -> io::Result<Option<String>> {
    let stdin = std::mem::replace(&mut env.stdin, Box::new(io::empty()));
    let mut input = io::BufReader::new(stdin);
    let start = match from {
        Some(path) => match read_profile(problems, path) {
            Some(p) => Some(p),
            None => return Ok(None),
        },
        None => None,
    };
    let start = start.as_ref().map(|(p, text)| (p, text.as_str()));
    match crate::workshop::interview::interview_from(lang, start, &mut input, problems.stderr()) {
        Ok(text) => Ok(Some(text)),
        // What was read could not be used (too long, a closed stdin):
        // say so, rather than blame a report that was never written.
        Err(e) if matches!(e.kind(), io::ErrorKind::InvalidData | io::ErrorKind::Other) => {
            problems.error_line(error(e.to_string()));
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The language `init --from FILE` asks its questions in: the file's own,
/// unless the command line or the config chose one.
pub(super) fn init_lang(from: Option<&Path>, common: &Common, config: &Config, lang: Lang) -> Lang {
    match (from, common.lang, config.lang) {
        (Some(f), None, None) => super::walk::read_file(f)
            .ok()
            .and_then(|b| crate::profile::parse(&b).ok())
            .and_then(|p| p.lang)
            .unwrap_or(lang),
        _ => lang,
    }
}

/// A valid profile from `path` and its text, or its problems on stderr and None.
fn read_profile(problems: &mut Problems, path: &Path) -> Option<(crate::profile::Profile, String)> {
    let shown = path.display().to_string();
    let lang = problems.locale;
    let lines = match super::walk::read_file(path) {
        Err(e) => vec![format!("{shown}:1:1: error: {}", e.text(lang))],
        Ok(bytes) => match crate::profile::parse(&bytes) {
            Ok(p) => return Some((p, String::from_utf8_lossy(&bytes).into_owned())),
            Err(diags) => diags.iter().map(|d| d.render(&shown, lang)).collect(),
        },
    };
    for line in lines {
        problems.error_line(crate::i18n::one_line(&line).into_owned());
    }
    None
}
